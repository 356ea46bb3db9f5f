"""`dossier export --to form`: plain text per online-form field, counted as forms count it."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from dossier.office.form import count
from pythainlp.tokenize import word_tokenize

from support.cli_runner import run

BUILTIN_RULES = Path(__file__).resolve().parents[2] / "dossier" / "rules" / "2564.yaml"


def test_fields_are_plain_text_in_the_form_order_with_list_numbers(province: Path) -> None:
    code, out, err = run(["export", "--to", "form", "projects/mangrove.yaml"], province)
    assert code == 0, err
    folder = province / "build" / "form" / "mangrove"
    names = sorted(p.name for p in folder.glob("*.txt"))
    assert names == ["01-summary.txt", "02-background.txt", "03-concept.txt", "04-objectives.txt", "05-model.txt",
                     "06-collaboration.txt"]
    objectives = (folder / "04-objectives.txt").read_text(encoding="utf-8")
    # numerals: thai in dossier.yaml, as in the PDF; the list keeps its numbers
    assert objectives.splitlines()[0] == "๑. เพื่อฟื้นฟูและเพิ่มพื้นที่ป่าชายเลนตามแนวชายฝั่งทะเลของจังหวัดสมุทรสงคราม"
    assert [line[:2] for line in objectives.splitlines()] == ["๑.", "๒.", "๓.", "๔."]
    model = (folder / "05-model.txt").read_text(encoding="utf-8")
    assert "• เพาะ ธนาคารกล้าไม้ของชุมชน" in model
    for text in (objectives, model, (folder / "01-summary.txt").read_text(encoding="utf-8")):
        assert "**" not in text and not re.search(r"^\s*[-*+] ", text, re.M) and "|---" not in text
    assert "02 ความเป็นมาและสภาพปัญหา" in out


def test_counts_match_an_independent_count(province: Path) -> None:
    code, out, err = run(["export", "--to", "form", "projects/mangrove.yaml"], province)
    assert code == 0, err
    text = (province / "build" / "form" / "mangrove" / "02-background.txt").read_text(encoding="utf-8").removesuffix("\n")
    counts = count(text)
    assert counts.chars == len(text.encode("utf-16-le")) // 2  # what a browser's maxlength counts
    assert counts.chars_no_spaces == len(re.sub(r"\s", "", text))
    other = [w for w in word_tokenize(text, engine="longest", keep_whitespace=False) if w.strip()]
    assert counts.words == len(other) == 132
    row = next(line for line in out.splitlines() if "ความเป็นมาและสภาพปัญหา" in line)
    assert row.split()[2:5] == [str(counts.chars), str(counts.chars_no_spaces), str(counts.words)]
    # a hand-segmented sample: words are counted by a segmenter, not by spaces
    sample = ["ชาวบ้าน", "ช่วยกัน", "เก็บ", "ขยะ", "ใน", "คลอง", "ทุก", "เดือน"]
    joined = "".join(sample) + " " + "".join(sample[:4])
    assert count(joined).words == len(sample) + 4 and count(joined).chars == len(joined)


def test_limits_from_the_rules_data_warn_at_the_field(province: Path) -> None:
    rules = BUILTIN_RULES.read_text(encoding="utf-8")
    rules = rules.replace("- {field: summary, max_chars: null, max_chars_no_spaces: null, max_words: null}",
                          "- {field: summary, max_chars: 500, max_chars_no_spaces: null, max_words: 100}")
    (province / "rules").mkdir()
    (province / "rules" / "2564.yaml").write_text(rules, encoding="utf-8")
    code, out, err = run(["export", "--to", "form", "projects/mangrove.yaml", "--lang", "en"], province)
    assert code == 0, err
    summary_line = next(i for i, line in enumerate(
        (province / "projects" / "mangrove.yaml").read_text(encoding="utf-8").splitlines(), start=1)
        if line.startswith("summary:"))
    assert f"projects/mangrove.yaml:{summary_line}" in err
    assert "the online form's field \"Summary\" has 783 characters (with spaces), over its limit of 500" in err
    assert "over its limit of 100" in err and "141 words" in err
    assert "max_chars=500, max_words=100 ✗" in out
    code, _, _ = run(["export", "--to", "form", "projects/mangrove.yaml", "--strict"], province)
    assert code == 1


def test_html_page_has_a_copy_button_per_field_and_escapes_text(province: Path) -> None:
    path = province / "projects" / "mangrove.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "summary: |\n", "summary: |\n  ข้อความ <script>alert(1)</script> & </textarea><b>x</b>\n\n"), encoding="utf-8")
    code, _, err = run(["export", "--to", "form", "projects/mangrove.yaml"], province)
    assert code == 0, err
    folder = province / "build" / "form" / "mangrove"
    page = lxml.html.fromstring((folder / "form.html").read_text(encoding="utf-8"))
    areas = page.xpath("//textarea")
    assert len(areas) == 6 == len(page.xpath("//button[@data-target]"))
    for area, txt in zip(areas, sorted(folder.glob("*.txt")), strict=True):
        assert area.text_content().strip("\n") == txt.read_text(encoding="utf-8").removesuffix("\n")
    assert len(page.xpath("//script")) == 1 and not page.xpath("//b")
    assert areas[0].text_content().startswith("ข้อความ <script>alert(๑)</script> & </textarea><b>x</b>")


def test_a_new_edition_that_extends_2564_keeps_the_form_and_a_wrong_limit_is_located(province: Path) -> None:
    (province / "rules").mkdir()
    (province / "rules" / "2568.yaml").write_text("edition: 2568\nextends: 2564\n", encoding="utf-8")
    settings = province / "dossier.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("edition: 2564", "edition: 2568"), encoding="utf-8")
    code, out, err = run(["export", "--to", "form", "projects/mangrove.yaml"], province)
    assert code == 0, err
    assert len(list((province / "build" / "form" / "mangrove").glob("*.txt"))) == 6
    (province / "rules" / "2568.yaml").write_text(
        "edition: 2568\nextends: 2564\nform:\n  default:\n    - {field: summary, max_words: หนึ่งร้อย}\n", encoding="utf-8")
    code, out, err = run(["export", "--to", "form", "projects/mangrove.yaml", "--lang", "en"], province)
    assert code == 1 and "Traceback" not in out + err
    assert "rules/2568.yaml:5:" in out + err and "max_words must be a positive whole number or null" in out + err


def test_words_are_counted_without_pythainlp_installed(province: Path) -> None:
    """PyThaiNLP (68 MB) is only a test dependency: the form's counts come from nlpo3 and the
    shipped word list, the same as PyThaiNLP's own newmm gives."""
    import subprocess
    import sys

    script = ("import sys; sys.modules['pythainlp'] = None\n"
              "from dossier.cli import main\n"
              "sys.argv = ['dossier', 'export', '--to', 'form', 'projects/mangrove.yaml', '--lang', 'en']\n"
              "main()")
    done = subprocess.run([sys.executable, "-c", script], cwd=province, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    text = (province / "build" / "form" / "mangrove" / "02-background.txt").read_text(encoding="utf-8")
    expected = [w for w in word_tokenize(text.removesuffix("\n"), engine="newmm", keep_whitespace=False)
                if re.search(r"\w", w)]
    row = next(line for line in done.stdout.splitlines() if "Background" in line or "ความเป็นมา" in line)
    assert str(len(expected)) in row.split()


def test_a_read_only_cache_folder_still_counts_words(province: Path, tmp_path: Path) -> None:
    """The word list is unpacked into the cache once; a home that cannot be written (a locked-down
    office PC) falls back to the temporary folder, never to a traceback."""
    import os
    import subprocess
    import sys

    blocked = tmp_path / "not-a-folder"  # unwritable even for root: a file where the folder would go
    blocked.write_text("", encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(blocked), "TMPDIR": str(tmp_path / "tmp")}
    (tmp_path / "tmp").mkdir()
    done = subprocess.run([sys.executable, "-m", "dossier", "export", "--to", "form", "projects/mangrove.yaml",
                           "--lang", "en"], cwd=province, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    row = next(line for line in done.stdout.splitlines() if "Background" in line or "ความเป็นมา" in line)
    assert "132" in row.split()
