"""Reading rendered PDFs back: text by page and area (pdftotext, pypdf), word boxes, libthai
word breaks, and the normalisations the text-layer tests compare with."""

from __future__ import annotations

import ctypes
import ctypes.util
import html.parser
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from dossier.build.pipeline import Built, Outcome
    from dossier.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]


def bundled_projects() -> list[str]:
    """The committed example projects (not files another test may be writing in projects/)."""
    try:
        listed = subprocess.run(["git", "ls-files", "projects/*.yaml"], cwd=ROOT, capture_output=True, text=True,
                                check=True, timeout=30).stdout.split()
    except (OSError, subprocess.SubprocessError):
        listed = []
    return sorted(Path(p).stem for p in listed) or sorted(p.stem for p in (ROOT / "projects").glob("*.yaml"))


PROJECTS = bundled_projects()


@dataclass
class Rendered:
    root: Path
    ws: Workspace
    outcome: Outcome

    def built(self, slug: str) -> Built:
        return next(b for b in self.outcome.built if b.checked.slug == slug)

    def pdf(self, slug: str) -> Path:
        return self.built(slug).rendered.path


CM = 72 / 2.54  # PDF points per centimetre
PAGE_W, PAGE_H = 21.0 * CM, 29.7 * CM
LEFT, RIGHT, TOP, BOTTOM = 3.0 * CM, 2.0 * CM, 2.5 * CM, 2.0 * CM
# Thai marks stacked above or below a consonant: pdftotext's layout modes may reorder them.
MARKS = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
THAI = re.compile(r"[\u0e01-\u0e4e]")


def need(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} (poppler-utils / qpdf) is not installed")


def squash(text: str) -> str:
    """NFKC without whitespace: ำ becomes ํา, line breaks do not matter."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def skeleton(text: str) -> str:
    """Squashed, without stacked marks: robust to the order pdftotext's layout modes give them."""
    return MARKS.sub("", squash(text))


def pdftotext(path: Path, first: int | None = None, last: int | None = None,
              area: tuple[float, float, float, float] | None = None, raw: bool = True,
              layout: bool = False) -> str:
    """Text of pages ``first..last`` (1-based), cropped to ``area`` = (x, y, w, h) in points;
    ``layout`` keeps each printed line one line of text, its columns apart."""
    need("pdftotext")
    cmd = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else ["-raw"] if raw else [])
    if first:
        cmd += ["-f", str(first), "-l", str(last or first)]
    if area:
        x, y, w, h = area
        cmd += ["-x", str(int(x)), "-y", str(int(y)), "-W", str(int(w)), "-H", str(int(h))]
    return subprocess.run(cmd + [str(path), "-"], capture_output=True, text=True, check=True).stdout


BODY_AREA = (0, TOP - 0.3 * CM, PAGE_W, PAGE_H - TOP - BOTTOM + 0.6 * CM)
FOOTER_AREA = (0, PAGE_H - BOTTOM + 0.3 * CM, PAGE_W, BOTTOM - 0.3 * CM)
HEADER_AREA = (0, 0, PAGE_W, TOP - 0.3 * CM)


def page_count(path: Path) -> int:
    import pypdf

    return len(pypdf.PdfReader(path).pages)


def body_text_pdftotext(path: Path) -> str:
    """The text inside the page margins (no running header or footer), all pages (the crop
    applies to each page)."""
    return pdftotext(path, area=BODY_AREA)


def body_text_pypdf(path: Path) -> str:
    """The same with pypdf: text drawn between the header and footer bands, in drawing order."""
    import pypdf

    parts: list[str] = []
    for page in pypdf.PdfReader(path).pages:
        height = float(page.mediabox.height)

        def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
            y_up = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]  # text origin, PDF user space (y up)
            if BOTTOM - 0.3 * CM < y_up < height - TOP + 0.3 * CM:
                parts.append(text)

        page.extract_text(visitor_text=visit)
        parts.append("\n")
    return "".join(parts)


def per_page(path: Path, area: tuple[float, float, float, float]) -> list[str]:
    """The text of ``area`` on every page (one pdftotext run; pages end with a form feed)."""
    return [text.strip() for text in pdftotext(path, area=area).split("\f")[:page_count(path)]]


def footers(path: Path) -> list[str]:
    return per_page(path, FOOTER_AREA)


def headers(path: Path) -> list[str]:
    return per_page(path, HEADER_AREA)


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
_BLOCK = re.compile(r"<block [^>]*>(.*?)</block>", re.S)
_PAGE = re.compile(r"<page [^>]*>(.*?)</page>", re.S)


def words(path: Path) -> list[list[Box]]:
    """Word boxes per page (``pdftotext -bbox``)."""
    need("pdftotext")
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [[Box(*map(float, m.groups()[:4]), html.unescape(m[5])) for m in _WORD.finditer(page)]
            for page in _PAGE.findall(out)]


def blocks(path: Path) -> list[list[list[Box]]]:
    """Blocks of word boxes per page (``pdftotext -bbox-layout``), in reading order."""
    need("pdftotext")
    out = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return [[[Box(*map(float, m.groups()[:4]), html.unescape(m[5])) for m in _WORD.finditer(block)]
             for block in _BLOCK.findall(page)] for page in _PAGE.findall(out)]


class _Blocks(html.parser.HTMLParser):
    """Text of each block-level element (p, li, td, th, h*) of a rendered HTML fragment."""

    BLOCK = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[list[str]] = []
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in self.BLOCK:
            self.stack.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCK and self.stack:
            text = "".join(self.stack.pop()).strip()
            if self.stack:
                self.stack[-1].append(text)
            if text:
                self.found.append(text)

    def handle_data(self, data: str) -> None:
        if self.stack:
            self.stack[-1].append(data)


def paragraphs(fragment: str) -> list[str]:
    """Every paragraph, list item and table cell of an HTML fragment, as plain text (an item
    holding a nested list is covered by its own text and the nested items')."""
    parser = _Blocks()
    parser.feed(fragment)
    parser.close()
    return parser.found


class LibThai:
    """Word breaks of libthai's dictionary (``th_brk_find_breaks``), through ctypes."""

    def __init__(self) -> None:
        name = ctypes.util.find_library("thai") or "libthai.so.0"
        try:
            self.lib = ctypes.CDLL(name)
        except OSError:
            pytest.skip("libthai is not installed: word breaks cannot be checked")
        self.lib.th_brk_new.restype = ctypes.c_void_p
        self.lib.th_brk_new.argtypes = [ctypes.c_char_p]
        self.lib.th_brk_delete.argtypes = [ctypes.c_void_p]
        self.lib.th_brk_find_breaks.restype = ctypes.c_int
        self.lib.th_brk_find_breaks.argtypes = [ctypes.c_void_p, ctypes.c_char_p,
                                                ctypes.POINTER(ctypes.c_int), ctypes.c_size_t]
        self.brk = self.lib.th_brk_new(None)
        if not self.brk:
            pytest.skip("libthai has no dictionary here")

    def close(self) -> None:
        self.lib.th_brk_delete(self.brk)

    def breaks(self, text: str) -> frozenset[int]:
        """Character offsets where libthai allows a line break (TIS-620: one byte a character)."""
        data = text.encode("tis_620", errors="replace")
        size = len(data) + 1
        positions = (ctypes.c_int * size)()
        found = self.lib.th_brk_find_breaks(self.brk, data, positions, size)
        return frozenset(positions[:found])


def outline_titles(outline: list) -> list:
    """Bookmark titles as nested lists: a title, then a list of its children when it has some."""
    titles: list = []
    for item in outline:
        if isinstance(item, list):
            titles.append(outline_titles(item))
        else:
            titles.append(item.title)
    return titles
