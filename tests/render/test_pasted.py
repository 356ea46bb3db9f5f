"""Markdown as agencies paste it (dossier.validate.paste), numbers next to Latin words, and tables
that keep together: every case read back from a rendered PDF.

tests/render/pasted/pasted-waste.yaml is a project whose narrative was written the way agencies
paste it from Word or LINE: hard line breaks inside Thai sentences, ``1.เพื่อ`` without a space,
the marker alone on its line, a list right after a sentence, a list starting at 3, ``๑.`` and
``(1)`` markers, a hashtag, a ``# หมายเหตุ`` note, a ``##`` sub-heading and a long table.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pypdf
import pytest
from support.render_helpers import MARKS, ROOT, Rendered, pdftotext, skeleton, words

from support.cli_runner import run
from dossier.validate.paste import normalize
from dossier.build.pipeline import Options, build
from dossier.validate import check_paths
from dossier.workspace import open_workspace

PASTED = Path(__file__).parent / "pasted" / "pasted-waste.yaml"


def _repo(root: Path, projects: dict[str, str]) -> Path:
    (root / "projects").mkdir(parents=True)
    shutil.copy(ROOT / "dossier.yaml", root / "dossier.yaml")
    for slug, text in projects.items():
        (root / "projects" / f"{slug}.yaml").write_text(text, encoding="utf-8")
    return root


def _render(root: Path, **options: bool) -> Rendered:
    ws = open_workspace(root)
    return Rendered(root, ws, build(ws, check_paths(ws), Options(root / "build", book=False, **options)))


@pytest.fixture(scope="module")
def pasted(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    root = _repo(tmp_path_factory.mktemp("pasted"), {"pasted-waste": PASTED.read_text(encoding="utf-8")})
    return _render(root)


def pages(path: Path, layout: bool = False) -> list[str]:
    return pdftotext(path, layout=layout).split("\f")[:len(pypdf.PdfReader(path).pages)]


def flat(text: str) -> str:
    """NFKC without stacked marks, whitespace kept (pdftotext may reorder the marks)."""
    return MARKS.sub("", unicodedata.normalize("NFKC", text))


def printed_lines(path: Path) -> list[str]:
    """Every printed line of the body, marks removed, as ``pdftotext -layout`` gives it."""
    return [flat(line).strip() for page in pages(path, layout=True) for line in page.split("\n") if line.strip()]


def starting(lines: list[str], start: str) -> int:
    """Index of the printed line that starts with ``start`` (the list marker and the item's text)."""
    want = flat(start)
    found = [i for i, line in enumerate(lines) if line.startswith(want)]
    assert found, f"no printed line starts with {start!r}"
    return found[0]


def test_pasted_lists_print_as_lists_with_their_numbers(pasted: Rendered) -> None:
    lines = printed_lines(pasted.pdf("pasted-waste"))
    # 1.เพื่อ… right after a sentence, no space after the dot: a list of three, not a run-on paragraph
    intro = starting(lines, "โครงการมีวัตถุประสงค์ดังนี้")
    assert lines[intro] == flat("โครงการมีวัตถุประสงค์ดังนี้")
    objectives = [starting(lines, m) for m in ("๑. เพื่อลดน้ำเสีย", "๒. เพื่อเปิดเผยข้อมูล", "๓. เพื่อรับฟังความคิดเห็น")]
    assert intro < objectives[0] < objectives[1] < objectives[2]
    # the marker alone on its line, the text after a blank line: one item each
    concept = [starting(lines, m) for m in ("๑. เปิดเผยข้อมูลคุณภาพน้ำ", "๒. แก้ที่ต้นทาง")]
    assert concept[0] < concept[1]
    assert not any(line in (flat("๑."), flat("๒.")) for line in lines)
    # a list that starts at 3 keeps 3 and 4
    model = [starting(lines, m) for m in ("๓. จัดเวทีรับฟัง", "๔. ประกาศใช้ข้อบัญญัติ")]
    assert model[0] < model[1]
    # Thai-digit markers, and (1) markers that keep their parentheses
    collaboration = [starting(lines, m) for m in ("๑. สำนักงานส่งเสริมการปกครองท้องถิ่น", "๒. สำนักงานทรัพยากร",
                                                   "(๑) ให้ผู้ค้ารายย่อย", "(๒) ให้ท้องถิ่นสนับสนุน")]
    assert collaboration == sorted(collaboration)
    # 1) markers keep their closing parenthesis
    plan = [starting(lines, m) for m in ("๑) ขยายผลไปยังองค์กร", "๒) เชื่อมโยงข้อมูล")]
    assert plan[0] < plan[1]


def printed(phrase: str) -> re.Pattern[str]:
    """``phrase`` as ``pdftotext -raw`` may give it: a printed line break ("\\n") may fall between
    any two characters, a space of the phrase may be that line break, and no other space is allowed."""
    return re.compile("".join("[ \n]" if c == " " else re.escape(c) + "\n?" for c in flat(phrase)))


def test_a_line_break_inside_thai_prints_no_space(pasted: Rendered) -> None:
    """``มีขยะ⏎สะสม`` joins as one word; a space stays where the source has one, and where a
    number or a Latin word meets Thai across the break."""
    text = flat(pdftotext(pasted.pdf("pasted-waste")))
    for joined in ("มีขยะสะสม", "ยังไม่มีระบบบำบัดน้ำเสีย", "งบประมาณรายปีและ อสม."):
        assert printed(joined).search(text), joined
    assert printed("ระบบบำบัดน้ำเสีย ตามมาตรฐาน ISO 14001 และไม่ทราบ").search(text)  # the source's space; digits meet Thai
    assert printed("เรื่องร้องเรียนกว่า ๙๐ เรื่อง").search(text)


def test_numbers_next_to_latin_words_keep_their_digits(pasted: Rendered) -> None:
    text = " ".join(flat(pdftotext(pasted.pdf("pasted-waste"))).split())
    assert "PM 2.5" in text and "PM2.5" in text and "ISO 14001" in text
    assert "๒.๕" not in text
    assert flat("ปี ๒๕๖๑") in text and flat("เกิน ๕๐ ไมโครกรัม") in text  # within Thai: the setting


def _outline(reader: pypdf.PdfReader, items: list, depth: int = 0) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for item in items:
        if isinstance(item, list):
            found += _outline(reader, item, depth + 1)
        else:
            found.append((depth, item.title))
    return found


def _height(boxes: list, text: str) -> float:
    """The tallest box holding ``text`` (a heading, not its contents entry): pdftotext's boxes
    are the font's height, so they compare font sizes. (A box is a word, or since the text
    layer's /ActualText spans, a line's run: "๔. แบบจำลอง…" is one box.)"""
    return max(b.y1 - b.y0 for page in boxes for b in page if flat(text) in flat(b.text))


def test_markdown_headings_sit_below_the_section_and_hashtags_print_as_written(pasted: Rendered) -> None:
    pdf = pasted.pdf("pasted-waste")
    outline = _outline(pypdf.PdfReader(pdf), pypdf.PdfReader(pdf).outline)
    titles = [(depth, skeleton(title)) for depth, title in outline]
    section = next(i for i, (_, t) in enumerate(titles) if t.startswith(skeleton("๔. แบบจำลอง")))
    sub = next(i for i, (_, t) in enumerate(titles) if t == skeleton("การติดตามผล"))
    note = next(i for i, (_, t) in enumerate(titles) if t.startswith(skeleton("หมายเหตุ")))
    background = next(i for i, (_, t) in enumerate(titles) if t.startswith(skeleton("๑. ความเป็นมา")))
    assert titles[sub][0] > titles[section][0] and section < sub
    assert titles[note][0] > titles[background][0] and background < note
    boxes = words(pdf)
    section_size = _height(boxes, "แบบจำลองหรือกรอบ")
    body_size = _height(boxes, "อสม.")
    assert _height(boxes, "การติดตามผล") < section_size and _height(boxes, "หมายเหตุ") < section_size
    assert _height(boxes, "การติดตามผล") == pytest.approx(body_size, rel=0.05)
    text = flat(pdftotext(pdf))
    assert flat("#คลองสวยน้ำใส") in text  # as written, the mark kept
    assert not any(skeleton("คลองสวยน้ำใส") in t for _, t in titles)


def test_validate_warns_at_the_line_of_a_hashtag_or_a_note(pasted: Rendered) -> None:
    source = (pasted.root / "projects" / "pasted-waste.yaml").read_text(encoding="utf-8").split("\n")
    hashtag = next(i for i, line in enumerate(source) if line.strip() == "#คลองสวยน้ำใส") + 1
    note = next(i for i, line in enumerate(source) if line.strip().startswith("# หมายเหตุ")) + 1
    code, out, err = run(["validate", "--lang", "en"], pasted.root)
    assert code == 0, out + err
    report = out + err
    assert f"projects/pasted-waste.yaml:{hashtag}:5: warning: [markdown-hashtag]" in report
    assert '"#คลองสวยน้ำใส"' in report and "not as a heading" in report
    assert f"projects/pasted-waste.yaml:{note}:5: warning: [markdown-heading-note]" in report
    assert "prints as a bold sub-heading" in report
    assert "การติดตามผล" not in report  # "## heading" is the way to ask for one: no warning
    _, out_th, err_th = run(["validate"], pasted.root)
    assert "จะพิมพ์เป็นข้อความตามที่เขียน" in out_th + err_th


@pytest.mark.parametrize("text, markdown", [
    ("2.5 ล้านบาท\n1.1 หัวข้อย่อย", "2.5 ล้านบาท\n1.1 หัวข้อย่อย"),  # numbers, not markers
    ("ข้อความ\n1.เพื่อ", "ข้อความ\n\n1. เพื่อ"),
    ("1.\n\nเพื่อ", "1. เพื่อ"),
    ("๓) สาม", "3. สาม"),
    ("#แท็ก\n# หัวข้อ", "\\#แท็ก\n# หัวข้อ"),
    ("ก\n• ข", "ก\n\n- ข"),
])
def test_normalize(text: str, markdown: str) -> None:
    assert normalize(text).text == markdown


@pytest.fixture(scope="module")
def far_problems(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """A draft whose problems sit past line 1,000 and at wide columns (a long file, as a
    province's largest projects are), so that line:column is the widest it gets."""
    text = PASTED.read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^  model: \|.*?(?=^  collaboration:)", "", text)  # a required section missing
    text = text.replace("    และไม่ทราบว่าต้องปรับปรุงอย่างไร\n",
                        "    และไม่ทราบว่าต้องปรับปรุงอย่างไร ตามที่ได้สำรวจไว้ในบันทึกฉบับก่อนหน้า <b>สำคัญ</b>\n")
    padding = "".join(f"# บันทึกการแก้ไขครั้งที่ {n}\n" for n in range(1, 1200))
    root = _repo(tmp_path_factory.mktemp("far"), {"far": padding + text})
    return _render(root, draft=True)


def test_the_problems_table_has_room_for_line_and_column(far_problems: Rendered) -> None:
    built = far_problems.built("far")
    assert built.draft
    where = {localize_digits(f"{d.line}:{d.column}") for d in built.checked.diagnostics}
    assert any(len(w) >= 7 for w in where), where  # e.g. ๑๒๘๓:๔๗
    last = words(built.rendered.path)[-1]
    cells = [b for b in last if b.text in where]
    assert len(cells) == len(where)  # each printed whole, as one word
    levels = [b for b in last if flat(b.text) in (flat("ข้อผิดพลาด"), flat("คำเตือน"))]
    assert {flat(b.text) for b in levels} == {flat("ข้อผิดพลาด"), flat("คำเตือน")}  # whole words, not wrapped
    for cell in cells:
        level = next(b for b in levels if abs(b.y0 - cell.y0) < 4)  # the same row
        assert cell.x1 < level.x0 - 2, (cell, level)  # no overlap with the next column


def localize_digits(text: str) -> str:
    from dossier.render.numerals import localize

    return localize(text, "thai")


# Blank lines before the partners table and before the indicators table: variants 1-3 put the
# partners' "ภาคชุมชน" group row, and variant 18 the indicators' note, at the foot of a page
# (found by rendering 0-29 with the stylesheet before these rules: each then stood alone).
SHIFTS = (1, 2, 3, 17, 18, 19)
SOURCE_NOTE = "รายงานผลการตรวจคุณภาพน้ำ สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัด"


def shifted(lines: int) -> str:
    text = re.sub(r"(?m)^    \|.*\n", "", PASTED.read_text(encoding="utf-8"))  # without the long table
    text = re.sub(r"(?m)^(    year: 2563)$", rf"\1\n    source: {SOURCE_NOTE}", text)
    text = text.replace("  - name: องค์กรปกครองส่วนท้องถิ่นที่เปิดเผยข้อมูลคุณภาพน้ำและสถานประกอบการต่อสาธารณะ\n",
                        "  - name: ตัวชี้วัดสุดท้ายของตาราง\n")
    fill = "".join(f"    บรรทัดเติมที่ {n}  \n" for n in range(1, lines + 1))
    text = text.replace("  results: |\n", "\n" + fill + "  results: |\n", 1)  # ends collaboration
    return text.replace("  sustainability: |\n", "\n" + fill + "  sustainability: |\n", 1)  # ends results


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    root = _repo(tmp_path_factory.mktemp("tables"), {f"shift-{k:02d}": shifted(k) for k in SHIFTS})
    return _render(root)


def page_of(texts: list[str], phrase: str) -> list[int]:
    return [number for number, text in enumerate(texts) if skeleton(phrase) in text]


def test_tables_keep_their_header_group_rows_and_note(tables: Rendered, pasted: Rendered) -> None:
    # a long Markdown table repeats its header row on every page it spans
    texts = [skeleton(t) for t in pages(pasted.pdf("pasted-waste"))]
    rows = sorted({p for n in range(1, 37) for p in page_of(texts, f"จุดที่ {localize_digits(str(n))} ")})
    assert len(rows) >= 2
    for number in rows:
        assert skeleton("จุดตรวจวัด ออกซิเจนละลาย") in texts[number]
    split = 0
    for k in SHIFTS:
        texts = [skeleton(t) for t in pages(tables.pdf(f"shift-{k:02d}"))]
        # the note under the indicators is on the page of the table's last row
        assert page_of(texts, "แหล่งข้อมูล:") == page_of(texts, "ตัวชี้วัดสุดท้ายของตาราง")[:1], k  # (then the timeline)
        # a group row of the partners is on the page of its first row
        for group, first in (("ภาครัฐ (", "เทศบาลเมืองสมุทรสงคราม"), ("ภาคชุมชน (", "อาสาสมัครสาธารณสุข"),
                             ("ภาคเอกชน (", "ชมรมผู้ประกอบการร้านอาหาร")):
            assert page_of(texts, group) == page_of(texts, first)[:1], (k, group)
        # a table split across pages repeats its header rows on each page
        rows = sorted({p for g in ("ภาครัฐ (", "ภาคชุมชน (", "ภาคเอกชน (") for p in page_of(texts, g)})
        split += len(rows) > 1
        for number in rows:
            assert skeleton("ภาคีเครือข่าย บทบาท") in texts[number], (k, number)
    assert split  # some variant splits the partners' table
