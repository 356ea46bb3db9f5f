"""Messages checked against a real new repository (issue 14, item 7): a province made by
`dossier init`, a project by `dossier new`, then the mistakes agencies make. Each message must
say what is true in this repository and point at the real line and column."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from support.cli_runner import run

INIT = ["init", "nan", "--province", "น่าน", "--edition", "2564", "--deadline", "26 กุมภาพันธ์ 2564",
        "--agency", "cdd=สำนักงานพัฒนาชุมชนจังหวัดน่าน", "--agency", "agri=สำนักงานเกษตรจังหวัดน่าน",
        "--github-org", "nan-province", "--no-interactive", "--lang", "en"]


@pytest.fixture
def nan(tmp_path: Path) -> Path:
    code, _, err = run(INIT, tmp_path)
    assert code == 0, err
    repo = tmp_path / "nan"
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    code, _, err = run(["new", "--agency", "cdd", "--type", "participation-results", "--title", "ธนาคารขยะชุมชน",
                        "--slug", "waste-bank", "--lang", "en"], repo)
    assert code == 0, err
    return repo


def scaffold(repo: Path) -> str:
    return (repo / "projects" / "waste-bank.yaml").read_text(encoding="utf-8")


def line_of(text: str, start: str) -> int:
    """The 1-based number of the first line starting with ``start``."""
    return next(i for i, line in enumerate(text.split("\n"), start=1) if line.startswith(start))


def problems(repo: Path, name: str, text: str) -> list[dict]:
    (repo / "projects" / name).write_text(text, encoding="utf-8")
    _code, out, err = run(["validate", "--format", "json", f"projects/{name}"], repo)
    assert out.strip().startswith("["), err
    return json.loads(out)


def only(found: list[dict], code: str) -> dict:
    matching = [d for d in found if d["code"] == code]
    assert len(matching) == 1, found
    return matching[0]


def mistake(repo: Path, name: str, code: str, old: str, new: str, count: int = -1) -> tuple[dict, str]:
    """The one ``code`` problem of the scaffold with ``old`` made ``new``, saved as ``name``; and its text."""
    text = scaffold(repo).replace(old, new, count)
    return only(problems(repo, name, text), code), text


def test_section_text_indented_like_its_key_is_told_to_indent_4_spaces(nan: Path) -> None:
    d, text = mistake(nan, "shallow.yaml", "yaml-text-indent",
                      "  background: |\n", "  background: |\n  มีขยะสะสมในชุมชน\n  ทุกหมู่บ้าน\n")
    assert (d["line"], d["column"]) == (line_of(text, "  มีขยะสะสม"), 3)  # the text's first line, not a comment below
    assert "background" in d["message_en"] and "new key" in d["message_en"] and "no `:`" not in d["message_en"]
    assert "indent every line of the text 4 spaces" in d["hint_en"] and "`background:`" in d["hint_en"]
    assert "๔ ช่อง" in d["hint_th"] and "background" in d["hint_th"]
    # at the left margin under `summary: |` (a key at column 1), the text needs 2 spaces
    d, text = mistake(nan, "summary.yaml", "yaml-text-indent",
                      "summary:                        #", "summary: |\nชุมชนร่วมคัดแยกขยะ\n#")
    assert (d["line"], d["column"]) == (line_of(text, "ชุมชนร่วมคัดแยกขยะ"), 1)
    assert "2 spaces" in d["hint_en"] and "`summary:`" in d["hint_en"]


def test_the_tab_hint_says_the_spaces_its_place_needs(nan: Path) -> None:
    d, text = mistake(nan, "tab-section.yaml", "yaml-tab",
                      "  background: |\n", "  background: |\n\tมีขยะสะสมในชุมชน\n")
    assert (d["line"], d["column"]) == (line_of(text, "\tมีขยะ"), 1)
    assert "4 spaces" in d["hint_en"] and "`background:`" in d["hint_en"] and "two spaces" not in d["hint_en"]
    assert "๔ ช่อง" in d["hint_th"]

    d, text = mistake(nan, "tab-text.yaml", "yaml-tab",
                      "  background: |\n", "  background: |\n    มีขยะ\n\tสะสม\n")
    assert (d["line"], d["column"]) == (line_of(text, "\tสะสม"), 1)
    assert "4 spaces, as the line before it" in d["hint_en"]

    d, text = mistake(nan, "tab-contact.yaml", "yaml-tab",
                      "#  name:                        #", "\tname: นางสาวสมศรี ใจดี #", 1)
    assert (d["line"], d["column"]) == (line_of(text, "\tname:"), 1)
    assert "2 spaces" in d["hint_en"] and "`contact:`" in d["hint_en"]


def test_a_unit_is_sent_to_a_unit_field_only_where_there_is_one(nan: Path) -> None:
    d, text = mistake(nan, "households.yaml", "not-a-number",
                      "#  households:                  #", "  households: ๑,๒๔๕ ครัวเรือน #")
    assert (d["line"], d["column"]) == (line_of(text, "  households:"), 15)
    assert "unit" not in d["hint_en"].replace("without a unit", "")  # beneficiaries has no `unit`
    assert "`households` means households" in d["hint_en"]
    assert "ไม่ต้องเขียนหน่วย" in d["hint_th"] and "ช่อง unit" not in d["hint_th"]

    d, text = mistake(nan, "indicator.yaml", "not-a-number", "indicators:                     #",
                      "indicators:\n  - {name: ปริมาณขยะที่คัดแยก, unit: ตัน, baseline: ประมาณ 12 ตัน, "
                      "target: 40, result: 45}\n#")
    assert d["line"] == line_of(text, "  - {name: ปริมาณขยะ") and "put the unit in `unit`" in d["hint_en"]


def test_hints_point_at_dossier_new_not_at_examples_the_repository_lacks(nan: Path) -> None:
    assert not (nan / "projects" / "mangrove.yaml").exists()
    text = scaffold(nan).replace("title: ธนาคารขยะชุมชน\n", "").replace(
        "contact:                        #", "contact: นางสาวสมศรี ใจดี #")
    found = problems(nan, "hints.yaml", text) + problems(nan, "empty.yaml", "# ยังไม่ได้เขียน\n")
    codes = {d["code"] for d in found}
    assert {"required-fields", "wrong-type", "empty-file"} <= codes, codes
    for d in found:
        assert "projects/" not in d["hint_en"] + d["hint_th"], d
    assert "dossier new" in only(found, "empty-file")["hint_en"]
    assert "dossier new" in only(found, "wrong-type")["hint_en"]
    assert "dossier new" in only(found, "required-fields")["hint_en"]


def test_rule_sources_name_the_awards_documents_not_another_province(nan: Path) -> None:
    text = scaffold(nan).replace("started:                        #", "started: 1 มิถุนายน 2563 #")
    found = problems(nan, "young.yaml", text)
    d = only(found, "min-running-time")
    assert d["line"] == line_of(text, "started:")
    assert "สำนักงาน ก.พ.ร." in d["source"] and "เลิศรัฐ" in d["source"]
    assert all("สมุทรสงคราม" not in (x["source"] or "") for x in found), [x["source"] for x in found]
    assert any(x["source"] for x in found)


def test_an_unknown_agency_of_dossier_new_is_shown_at_the_agencies_line(nan: Path) -> None:
    code, out, err = run(["new", "--agency", "xyz", "--type", "participation-results", "--title", "x", "--slug", "x",
                          "--lang", "en"], nan)
    line = line_of((nan / "dossier.yaml").read_text(encoding="utf-8"), "agencies:")
    assert code == 2 and f"dossier.yaml:{line}:1: error: [unknown-agency]" in out + err, out + err
    assert line > 1
    code, out, err = run(["new", "--agency", "cdd", "--type", "xx", "--title", "x", "--slug", "x", "--lang", "en"], nan)
    assert code == 2 and "--type: error: [unknown-award-type]" in out + err and ":1:1" not in out + err, out + err


def test_a_missing_cutoff_is_shown_at_its_line(nan: Path) -> None:
    settings = nan / "dossier.yaml"
    text = settings.read_text(encoding="utf-8")
    text = "\n".join("cutoff:" if line.startswith("cutoff:") else line for line in text.split("\n"))
    settings.write_text(text, encoding="utf-8")
    code, out, err = run(["validate", "--lang", "en"], nan)
    line = line_of(text, "cutoff:")
    assert code != 0 and f"dossier.yaml:{line}:1: error: [missing-key] \"cutoff\" (cut-off) is missing" in out + err, out + err


def test_git_problems_have_no_made_up_location(nan: Path) -> None:
    code, out, err = run(["validate", "--changed", "no-such-branch", "--lang", "en"], nan)
    assert code == 2 and "git: error: [git-bad-ref]" in out + err and "git:1:1" not in out + err, out + err
    code, out, err = run(["validate", "--changed", "no-such-branch", "--format", "github"], nan)
    assert "::error title=[git-bad-ref]::git: " in out + err and "line=1" not in out + err, out + err
