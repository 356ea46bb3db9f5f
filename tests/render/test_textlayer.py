"""Text layer of Thai PDFs: dossier.render.textlayer fixes Kozea/WeasyPrint#2841.

A real HTML document (long Thai paragraphs, bold, italic, Thai digits, Sarabun via
@font-face) is rendered twice: without the fix in a fresh subprocess (so that the
patch installed in this process cannot leak into it) and with the fix here.
"""

from __future__ import annotations

import html
import io
import logging
import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

pypdf = pytest.importorskip("pypdf")
pytest.importorskip("weasyprint")

FONTS = ROOT / "dossier" / "fonts"
SARABUN = {"Sarabun", "Sarabun-Bold", "Sarabun-Italic", "Sarabun-Bold-Italic"}
WORDS = ("การ", "น้ำ", "สำคัญ")
# Each font's first า is drawn inside ำ, so unpatched every later า extracts wrong.
TITLE = "น้ำคือชีวิต รายงานผลการดำเนินงานที่สำคัญ"

PARAGRAPHS = [
    "ทำไมการประชุมครั้งสำคัญที่ศาลากลางจังหวัดสมุทรสงครามเมื่อวันที่ ๑๒ มีนาคม ๒๕๖๔ มีผู้เข้าร่วมจำนวน ๑๕๐ คน "
    "ผู้ว่าราชการจังหวัดกล่าวว่าการบริหารจัดการน้ำเป็นเรื่องสำคัญที่สุดสำหรับชุมชนริมน้ำ เพราะน้ำท่วมและน้ำแล้ง"
    "ทำให้เกษตรกรจำนวนมากต้องกู้เงินมาทำนาทำสวนใหม่ทุกปี การแก้ปัญหาจึงต้องทำอย่างเป็นระบบและต่อเนื่อง",
    "<b>ผู้ใหญ่บ้าน</b>นำชาวบ้านปั้นโอ่งดินเผาสำหรับเก็บน้ำฝน ช่างปั้นผู้ชำนาญสอนเด็ก ๆ ให้รู้จักคุณค่าของงานฝีมือ "
    "และ<i>ความกตัญญูต่อบรรพบุรุษ</i>ที่สืบทอดภูมิปัญญามาหลายชั่วอายุคน การทำงานร่วมกันช่วยให้ชุมชนเข้มแข็ง"
    "และยั่งยืน ผู้สูงอายุที่ปั้นหม้อมาทั้งชีวิตยังคงมาช่วยทำงานที่ลานปั้นทุกเช้า",
    "ตำนานเล่าว่าฤๅษีผู้บำเพ็ญเพียรอยู่ในถ้ำริมลำน้ำแม่กลองได้สอนให้ชาวบ้านรู้จักกตัญญูกตเวทีต่อผืนดินและสายน้ำ "
    "ชาวบ้านจึงทำบุญตักบาตรทุกวันพระ และนำน้ำมนต์จากถ้ำมาประพรมบ้านเรือนเพื่อความเป็นสิริมงคล ฤๅษีตนนั้น"
    "ยังสอนว่าผู้ที่กตัญญูจะเจริญรุ่งเรือง และผู้ที่ทำลายแหล่งน้ำจะพบความลำบาก",
    "งบประมาณประจำปี ๒๕๖๓ จำนวน ๑,๒๓๔,๕๖๗ บาท ใช้สำหรับการจัดทำระบบประปาหมู่บ้าน ๘ แห่ง ซ่อมแซมท่อส่งน้ำ"
    "ยาว ๙๐๐ เมตร และจัดอบรมผู้นำชุมชน ๔๗ คน ผลการดำเนินงานพบว่าครัวเรือนร้อยละ ๙๘.๕ มีน้ำสะอาดใช้ตลอดทั้งปี "
    "ค่าใช้จ่ายต่อครัวเรือนลดลงจาก ๓๒๐ บาท เหลือ ๑๖๕ บาทต่อเดือน",
    "<b><i>ข้อสังเกตสำคัญ</i></b> คณะกรรมการเห็นว่าโครงการนี้ทำให้ผู้สูงอายุและผู้พิการเข้าถึงบริการได้สะดวกขึ้น "
    "ที่ทำการองค์การบริหารส่วนตำบลจึงจัดทำแผนงานต่อเนื่อง พร้อมทั้งกำหนดตัวชี้วัดที่ชัดเจนและตรวจสอบได้ "
    "<b>ผู้รับผิดชอบ</b>ต้องรายงานผลการดำเนินงานต่อที่ประชุมทุกไตรมาส",
    "<i>ชาวบ้านสองฝั่งคลองช่วยกันปั้นคันดินกั้นน้ำ ปลูกป่าชายเลนและฟื้นฟูป่าต้นน้ำ ทำให้ฟ้าหลังฝนสดใส น้ำในคลอง"
    "ใสสะอาด ผู้คนกลับมาทำประมงพื้นบ้านได้อีกครั้งหนึ่ง ปู่ย่าตายายเล่าว่าเมื่อ ๕๐ ปีก่อนน้ำในคลองนี้ใสจนมองเห็นปลา</i>",
    "ความสำเร็จของโครงการเกิดจากการทำงานอย่างต่อเนื่อง การติดตามประเมินผลทุกเดือน และการสื่อสารที่ชัดเจน "
    "ผู้รับผิดชอบจำเป็นต้องจัดทำรายงานสรุปผลการดำเนินงานเสนอต่อคณะทำงานภายในวันที่ ๓๐ กันยายน ๒๕๖๔ "
    "ซึ่งเป็นกำหนดการสำคัญ หากล่าช้าจะกระทบต่อการจัดสรรงบประมาณในปีถัดไป",
]

# Renders the HTML file argv[1] to argv[2] with plain WeasyPrint, logging warnings.
UNPATCHED_SCRIPT = """
import logging, sys, weasyprint
logging.getLogger("weasyprint").addHandler(logging.StreamHandler(sys.stderr))
weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2])
"""


def plain(fragment: str) -> str:
    """Text of an HTML fragment, as a reader would copy it."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def squash(text: str) -> str:
    """NFKC without whitespace: ำ becomes ํา, line breaks do not matter."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def document() -> str:
    faces = "".join(
        f'@font-face{{font-family:"Sarabun";font-weight:{weight};font-style:{style};'
        f'src:url("{(FONTS / f"Sarabun-{name}.ttf").as_uri()}")}}\n'
        for name, weight, style in (
            ("Regular", 400, "normal"), ("Bold", 700, "normal"),
            ("Italic", 400, "italic"), ("BoldItalic", 700, "italic")))
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    return (
        f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><style>{faces}'
        '@page{size:A5;margin:2cm 1.5cm}'
        'body{font-family:"Sarabun";font-size:14pt;line-height:1.5}</style></head>'
        f"<body><h1>{TITLE}</h1>\n{body}</body></html>")


@pytest.fixture(scope="module")
def html_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("textlayer") / "doc.html"
    path.write_text(document(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def unpatched_pdf(html_file: Path) -> Path:
    out = html_file.with_name("unpatched.pdf")
    done = subprocess.run(
        [sys.executable, "-c", UNPATCHED_SCRIPT, str(html_file), str(out)],
        capture_output=True, text=True, timeout=300, check=True)
    assert ".notdef" not in done.stderr, done.stderr
    return out


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture(scope="module")
def patched_pdf(html_file: Path) -> Iterator[Path]:
    import weasyprint

    from dossier.render import textlayer

    textlayer.install()
    out = html_file.with_name("patched.pdf")
    handler = _Warnings()
    logging.getLogger("weasyprint").addHandler(handler)
    try:
        weasyprint.HTML(filename=str(html_file)).write_pdf(out)
    finally:
        logging.getLogger("weasyprint").removeHandler(handler)
    assert not [m for m in handler.messages if ".notdef" in m], handler.messages
    yield out


def pypdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def pdftotext(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
        capture_output=True, text=True, check=True).stdout


def round_tripping(extracted: str) -> list[bool]:
    haystack = squash(extracted)
    return [squash(plain(paragraph)) in haystack for paragraph in PARAGRAPHS]


def word_counts(text: str) -> dict[str, int]:
    haystack = squash(text)
    return {word: haystack.count(squash(word)) for word in WORDS}


def source_text() -> str:
    return TITLE + "".join(plain(p) for p in PARAGRAPHS)


def test_unpatched_weasyprint_loses_thai_text(unpatched_pdf: Path) -> None:
    """Documents the bug: at least one paragraph does not survive extraction."""
    found = round_tripping(pypdf_text(unpatched_pdf))
    print(f"\nunpatched: {sum(found)}/{len(found)} paragraphs round-trip, "
          f"words {word_counts(pypdf_text(unpatched_pdf))}, "
          f"source {word_counts(source_text())}")
    assert not all(found)
    assert word_counts(pypdf_text(unpatched_pdf))["การ"] < word_counts(source_text())["การ"]


@pytest.mark.parametrize("extract", [pypdf_text, pdftotext], ids=["pypdf", "pdftotext"])
def test_patched_text_round_trips(patched_pdf: Path, extract: Callable[[Path], str]) -> None:
    text = extract(patched_pdf)
    found = round_tripping(text)
    missing = [plain(p)[:40] for p, ok in zip(PARAGRAPHS, found) if not ok]
    print(f"\npatched ({extract.__name__}): {sum(found)}/{len(found)} paragraphs, "
          f"words {word_counts(text)}")
    assert not missing, f"paragraphs not found in extracted text: {missing}"
    assert word_counts(text) == word_counts(source_text())


# A filler drawn between two zero-width marks (dossier.render.markjoin): glyph 2 of Sarabun
# (nonmarkingreturn, no outline), then the pen moved back by its width.
FILLER = re.compile(rb">(?: -?[0-9.]+)? <0002> -?[0-9.]+ <|(?: -?[0-9.]+)? <0002> -?[0-9.]+ ")


def test_glyphs_and_fonts_identical(unpatched_pdf: Path, patched_pdf: Path) -> None:
    """Same content streams (glyph ids, positions) and same glyphs in the embedded font programs,
    but for the /ActualText spans around the Thai text (issue 13) and the fillers between two
    zero-width marks, which are there."""
    from fontTools.ttLib import TTFont

    before, after = pypdf.PdfReader(unpatched_pdf), pypdf.PdfReader(patched_pdf)
    assert len(before.pages) == len(after.pages) >= 2
    spans = fillers = 0
    for page_before, page_after in zip(before.pages, after.pages):
        data, opened = re.subn(rb"/Span\n<</ActualText <FEFF[0-9A-F]+>>>\nBDC\n", b"",
                               page_after.get_contents().get_data())
        data, closed = re.subn(rb"TJ\nEMC\n", b"TJ\n", data)  # each span ends after its line's text
        data, found = FILLER.subn(b"", data)
        assert opened == closed
        spans += opened
        fillers += found
        assert page_before.get_contents().get_data() == data
    assert spans > 20 and fillers > 10
    programs_before, programs_after = font_programs(before), font_programs(after)
    assert programs_before.keys() == programs_after.keys()
    kept = 0
    for name, program in programs_before.items():
        one, two = TTFont(io.BytesIO(program)), TTFont(io.BytesIO(programs_after[name]))
        order_one, order_two = one.getGlyphOrder(), two.getGlyphOrder()
        assert len(order_one) == len(order_two)
        changed = [gid for gid, (a, b) in enumerate(zip(order_one, order_two))
                   if one["hmtx"][a] != two["hmtx"][b] or one["glyf"][a] != two["glyf"][b]]
        # Glyph 2 (nonmarkingreturn, the filler) is kept in the subset, with its width, no outline.
        assert changed in ([], [2]), (name, changed)
        assert two["glyf"][order_two[2]].numberOfContours == 0
        kept += changed == [2]
    assert kept >= 2


def test_filler_has_no_text_and_the_font_program_width(patched_pdf: Path) -> None:
    """PDF/A: the /W width of every glyph drawn, the filler included, is the font program's."""
    from fontTools.ttLib import TTFont

    checked = 0
    for page in pypdf.PdfReader(patched_pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            cid_font = font["/DescendantFonts"][0].get_object()
            program = TTFont(io.BytesIO(cid_font["/FontDescriptor"]["/FontFile2"].get_data()))
            order, upem = program.getGlyphOrder(), program["head"].unitsPerEm
            widths, entries = {}, list(cid_font["/W"])
            for first, values in zip(entries[::2], entries[1::2]):
                widths.update({first + i: float(w) for i, w in enumerate(values)})
            for cid, width in widths.items():
                assert abs(width - program["hmtx"][order[cid]][0] * 1000 / upem) <= 0.5, (cid, width)
            if 2 in widths:  # a filler was drawn in this font
                assert widths[2] > 200
                assert b"<0002> <>" in font["/ToUnicode"].get_data()
                checked += 1
    assert checked >= 2


def test_filler_glyph_of_sarabun() -> None:
    from dossier.render.markjoin import filler_glyph

    class Font:
        index = 0

        def __init__(self, name: str) -> None:
            self.file_content = (FONTS / f"Sarabun-{name}.ttf").read_bytes()

    assert filler_glyph(Font("Regular")) == (2, 243.0)
    assert filler_glyph(Font("Bold")) == (2, 233.0)


def pdfminer_text(path: Path) -> str:
    pytest.importorskip("pdfminer")
    from pdfminer.high_level import extract_text

    return extract_text(str(path))


def test_pdfminer_reads_every_paragraph(patched_pdf: Path) -> None:
    """pdfminer.six (default LAParams) ignores /ActualText and builds lines from glyph boxes: without
    the fillers two stacked marks (ที่) cut a line in two, and the halves land apart."""
    text = pdfminer_text(patched_pdf)
    found = round_tripping(text)
    assert all(found), [plain(p)[:40] for p, ok in zip(PARAGRAPHS, found) if not ok]
    assert word_counts(text) == word_counts(source_text())
    assert squash(TITLE) in squash(text)


def test_pdfminer_puts_no_space_inside_a_word(patched_pdf: Path) -> None:
    """Marks over ป are drawn well left of the pen: pdfminer read a space after them (ปั้ น)."""
    text = unicodedata.normalize("NFKC", pdfminer_text(patched_pdf))
    source = unicodedata.normalize("NFKC", source_text())
    assert source.count("ปั้น") >= 5
    assert text.count("ปั้น") == source.count("ปั้น"), re.findall("ปั้.?.", text)


def test_pages_pixel_identical(unpatched_pdf: Path, patched_pdf: Path,
                               tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    from PIL import Image, ImageChops

    pages = {}
    for name, pdf in (("before", unpatched_pdf), ("after", patched_pdf)):
        subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / name)],
                       check=True)
        pages[name] = sorted(tmp_path.glob(f"{name}-*.png"))
    assert len(pages["before"]) == len(pages["after"]) >= 2
    for png_before, png_after in zip(pages["before"], pages["after"]):
        with Image.open(png_before) as one, Image.open(png_after) as two:
            assert one.size == two.size
            assert ImageChops.difference(one.convert("RGB"), two.convert("RGB")).getbbox() is None


def test_pages_pixel_identical_in_pdfium(unpatched_pdf: Path, patched_pdf: Path) -> None:
    """Chrome's engine too: pdfium drops the last number of a TJ array that also holds an empty
    string (WeasyPrint writes <>), so a filler's pen move must never end an array."""
    pypdfium2 = pytest.importorskip("pypdfium2")
    from PIL import ImageChops

    before, after = pypdfium2.PdfDocument(str(unpatched_pdf)), pypdfium2.PdfDocument(str(patched_pdf))
    assert len(before) == len(after) >= 2
    for page_before, page_after in zip(before, after):
        one = page_before.render(scale=1.5).to_pil().convert("RGB")
        two = page_after.render(scale=1.5).to_pil().convert("RGB")
        assert one.size == two.size
        assert ImageChops.difference(one, two).getbbox() is None


def font_programs(reader: "pypdf.PdfReader") -> dict[str, bytes]:
    """Embedded font file of each font, by base name without subset prefix."""
    programs = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            name = str(font["/BaseFont"]).lstrip("/").split("+", 1)[-1]
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            program = descriptor.get_object().get("/FontFile2")
            programs[name] = program.get_object().get_data() if program else b""
    return programs


@pytest.mark.parametrize("which", ["unpatched", "patched"])
def test_only_sarabun_embedded(which: str, request: pytest.FixtureRequest) -> None:
    programs = font_programs(pypdf.PdfReader(request.getfixturevalue(f"{which}_pdf")))
    assert set(programs) == SARABUN
    assert all(programs.values()), "every font must be embedded"


def test_install_is_idempotent_and_pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    import weasyprint
    from weasyprint.draw import text as draw_text

    from dossier.render import textlayer

    textlayer.install()
    wrapper = draw_text.draw_first_line
    textlayer.install()
    assert draw_text.draw_first_line is wrapper and textlayer.is_installed()
    monkeypatch.setattr(weasyprint, "__version__", "71.0")
    with pytest.raises(RuntimeError, match=r"70\.0"):
        textlayer.install()


def test_split_cluster() -> None:
    from dossier.render.textlayer import split_cluster

    assert split_cluster("\u0e49\u0e33", [None, "\u0e32"]) == ["\u0e49\u0e4d", "\u0e32"]
    assert split_cluster("\u0e33", ["\u0e4d", "\u0e32"]) == ["\u0e4d", "\u0e32"]
    assert split_cluster("\u0e24\u0e45", [None]) == ["\u0e24\u0e45"]
    assert split_cluster("fi", ["\ufb01"]) == ["fi"]
    assert split_cluster("\u0e1b\u0e31\u0e49", ["\u0e1b", None, None]) == [
        "\u0e1b", "\u0e31", "\u0e49"]


def test_not_imported_with_package() -> None:
    code = (
        "import sys, dossier, dossier.render\n"
        "assert 'dossier.render.textlayer' not in sys.modules\n"
        "loaded = 'weasyprint' in sys.modules\n"
        "import dossier.render.textlayer\n"
        "assert ('weasyprint' in sys.modules) == loaded, 'textlayer imported weasyprint'\n")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)
