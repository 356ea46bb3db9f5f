"""Text layer of Thai PDFs: dossier.render.textlayer fixes Kozea/WeasyPrint#2841.

A real HTML document (long Thai paragraphs, bold, italic, Thai digits, Sarabun via
@font-face) is rendered twice: without the fix in a fresh subprocess (so that the
patch installed in this process cannot leak into it) and with the fix here.
"""

from __future__ import annotations

import html
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


def test_glyphs_and_fonts_identical(unpatched_pdf: Path, patched_pdf: Path) -> None:
    """Same content streams (glyph ids, positions) and same embedded font programs, but for the
    /ActualText spans around the Thai text (issue 13), which are there."""
    before, after = pypdf.PdfReader(unpatched_pdf), pypdf.PdfReader(patched_pdf)
    assert len(before.pages) == len(after.pages) >= 2
    spans = 0
    for page_before, page_after in zip(before.pages, after.pages):
        data, opened = re.subn(rb"/Span\n<</ActualText <FEFF[0-9A-F]+>>>\nBDC\n", b"",
                               page_after.get_contents().get_data())
        data, closed = re.subn(rb"TJ\nEMC\n", b"TJ\n", data)  # each span ends after its line's text
        assert opened == closed
        spans += opened
        assert page_before.get_contents().get_data() == data
    assert spans > 20
    assert font_programs(before) == font_programs(after)


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
