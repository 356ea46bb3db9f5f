"""Measuring Thai typesetting on rendered dossiers (issue 13), for the tests and for
``benchmarks/thai_text.py``:

* every line end of every paragraph, from WeasyPrint's own layout boxes (what was printed, not
  what a reader makes of the text layer); a *Thai-to-Thai* line end has a Thai letter on both
  sides and no space between them;
* a break *inside a word*: a Thai-to-Thai line end that is not a word boundary of PyThaiNLP's
  ``newmm`` segmenter, given PyThaiNLP's word list plus the repository's names
  (:func:`dossier.thaidict.repository_words`) as its dictionary;
* *line-edge violations*: a line ending with an opening quote or bracket, a line starting with a
  closing one, ๆ or ฯ, a number apart from its unit (``๔๕๐ | ไร่``), พ.ศ. or ร้อยละ apart from
  its number;
* per extractor (``pdftotext`` default, ``-layout`` and ``-raw``, pypdf, pdfminer.six with its
  default settings, pypdfium2), the paragraphs that are not found exactly in the text inside the
  page margins (NFKC, whitespace removed), and the lines holding only Thai marks.

``pdftotext -layout`` reproduces the page: a table row is one row of text, so the lines of two
cells that wrap beside each other alternate (by design, and what a reader of a table wants from
that mode). There a table cell counts as read back when each of its printed lines is found intact,
in order (``layout_cells``); every other paragraph must be found whole, as in the other modes.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier.render.numerals import localize

from support.render_helpers import BODY_AREA, BOTTOM, CM, TOP, paragraphs, pdftotext, squash

THAI = re.compile(r"[\u0e01-\u0e4e]")
MARKS_ONLY = re.compile(r"^[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+$")
OPENING = "“‘([{«"
CLOSING = "”’)]}»"
UNITS = tuple(sorted((
    "ไร่", "บาท", "คน", "ครัวเรือน", "หลังคาเรือน", "ตัน", "เมตร", "กิโลเมตร", "กิโลกรัม", "ชนิด", "ครั้ง",
    "ราย", "ปี", "เดือน", "วัน", "ชั่วโมง", "ใบ", "แห่ง", "ต้น", "ล้าน", "หมู่บ้าน", "ชุมชน", "รุ่น", "คัน",
    "เที่ยว", "จุด", "เรื่อง", "คืน", "ตารางกิโลเมตร", "ไมครอน", "ไมโครกรัม", "ฉบับ", "สัปดาห์", "ภาคเรียน",
    "หลัง", "ตัว", "กลุ่ม", "เท่า", "ข้อ", "คณะ", "คำถาม", "คู่", "ลิตร", "นาที", "หน่วย", "องศา"), key=len, reverse=True))
BEFORE_NUMBER = ("พ.ศ.", "ค.ศ.", "ร้อยละ", "หมู่ที่")
ABBREVIATION = re.compile(r"[\u0e01-\u0e4e]{1,5}\.(?:[\u0e01-\u0e4e]{1,5}\.)*")
DIGIT = re.compile(r"[0-9\u0e50-\u0e59]")
IGNORED = str.maketrans({"\u2060": None, "\u200b": None, "\u00a0": " ", "\u202f": " "})


@dataclass
class Paragraph:
    """The printed lines of one block (paragraph, list item, cell, heading), in order, and per
    line end whether a space was there (WeasyPrint drops the space a line ends at)."""

    lines: list[str] = field(default_factory=list)
    spaced: list[bool] = field(default_factory=list)
    tag: str = ""

    @property
    def text(self) -> str:
        return "".join(line + (" " if space else "") for line, space in zip(self.lines, self.spaced + [False]))


@dataclass(frozen=True)
class LineEnd:
    before: str  # the end of the line
    after: str  # the start of the next
    paragraph: str
    offset: int  # where the break falls in the paragraph's text
    spaced: bool  # the break took the place of a space


def _element_text(element: Any) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext()).translate(IGNORED)) if element is not None else ""


def _spaces(lines: list[str], source: str) -> list[bool]:
    """Whether each line but the last ended at a space of ``source`` (the block's own text)."""
    found, at = [], 0
    for line in lines[:-1]:
        text = line.strip()
        where = source.find(text, at) if text else -1
        if where < 0:
            found.append(line != line.rstrip())
            continue
        at = where + len(text)
        found.append(at < len(source) and source[at] == " ")
    return found


def laid_paragraphs(document: Any) -> list[Paragraph]:
    """Every block's printed lines, from a WeasyPrint Document's layout boxes; a block split
    over pages is one paragraph (its fragments share their element), a fragment repeated on a
    later page (a table's header row) counts once."""
    from weasyprint.formatting_structure import boxes

    fragments: dict[object, list[list[str]]] = {}
    elements: dict[object, Any] = {}
    tags: dict[object, str] = {}

    def text_of(box: Any) -> str:
        if isinstance(box, boxes.TextBox):
            return box.text
        return "".join(text_of(child) for child in getattr(box, "children", ()))

    def walk(box: Any) -> Iterator[tuple[Any, Any]]:
        for child in getattr(box, "children", ()):
            if isinstance(child, boxes.LineBox):
                yield box, child
            else:
                yield from walk(child)

    for number, page in enumerate(document.pages):
        on_page: dict[object, list[str]] = {}
        for block, line in walk(page._page_box):
            key = (block.element, block.element_tag) if block.element is not None else (number, id(block))
            elements[key] = block.element
            tags[key] = block.element_tag or ""
            on_page.setdefault(key, []).append(text_of(line).translate(IGNORED))
        for key, lines in on_page.items():
            if lines not in fragments.get(key, []):
                fragments.setdefault(key, []).append(lines)
    found = []
    for key, parts in fragments.items():
        lines = [line for part in parts for line in part]
        spaced = _spaces(lines, _element_text(elements.get(key)))
        found.append(Paragraph([line.rstrip() if space else line for line, space in zip(lines, spaced + [False])],
                               spaced, tags.get(key, "")))
    return found


def line_ends(paragraph: Paragraph) -> Iterator[LineEnd]:
    offset = 0
    for before, after, spaced in zip(paragraph.lines, paragraph.lines[1:], paragraph.spaced):
        offset += len(before)
        yield LineEnd(before, after, paragraph.text, offset, spaced)
        offset += spaced


def thai_to_thai(end: LineEnd) -> bool:
    return bool(not end.spaced and end.before and end.after and THAI.match(end.before[-1])
                and THAI.match(end.after[0]))


class Segmenter:
    """PyThaiNLP's newmm with its word list and the repository's names."""

    def __init__(self, root: Path) -> None:
        from dossier.thaidict import repository_words
        from pythainlp.corpus import thai_words
        from pythainlp.tokenize import Tokenizer

        self.words = set(thai_words()) | repository_words(root)
        self.tokenizer = Tokenizer(custom_dict=self.words, engine="newmm")
        self._cache: dict[str, frozenset[int]] = {}

    def boundaries(self, text: str) -> frozenset[int]:
        found = self._cache.get(text)
        if found is None:
            offsets, at = [0], 0
            for token in self.tokenizer.word_tokenize(text):
                at += len(token)
                offsets.append(at)
            for abbreviation in ABBREVIATION.finditer(text):  # อพ.สธ. is a word of its own
                offsets += [abbreviation.start(), abbreviation.end()]
            found = self._cache[text] = frozenset(offsets)
        return found


def inside_word(end: LineEnd, segmenter: Segmenter) -> bool:
    return thai_to_thai(end) and end.offset not in segmenter.boundaries(end.paragraph)


def in_long_compound(end: LineEnd, segmenter: Segmenter) -> bool:
    """A break inside a word longer than dossier.thaidict.LONGEST letters (a long compound such
    as องค์กรปกครองส่วนท้องถิ่น, which the renderer breaks between its own words)."""
    from dossier.thaidict import LONGEST

    bounds = sorted(segmenter.boundaries(end.paragraph))
    start = max((b for b in bounds if b < end.offset), default=0)
    stop = min((b for b in bounds if b > end.offset), default=len(end.paragraph))
    return stop - start > LONGEST


def edge_violation(end: LineEnd) -> str | None:
    """What is wrong with this line end, if anything."""
    before, after = end.before.rstrip(), end.after.lstrip()
    if not before or not after:
        return None
    quotes_before = end.paragraph[:end.offset].count('"')
    if before[-1] in OPENING or (before[-1] == '"' and quotes_before % 2 == 1):
        return f"opening quote or bracket at a line's end: …{before[-12:]}|{after[:8]}…"
    if after[0] in CLOSING or (after[0] == '"' and quotes_before % 2 == 1):
        return f"closing quote or bracket at a line's start: …{before[-12:]}|{after[:8]}…"
    if after[0] in "ๆฯ":
        return f"{after[0]} at a line's start: …{before[-12:]}|{after[:8]}…"
    if DIGIT.match(before[-1]) and after.startswith(UNITS):
        return f"a number apart from its unit: …{before[-12:]}|{after[:8]}…"
    if DIGIT.match(after[0]) and (before.endswith(BEFORE_NUMBER) or (
            not end.spaced and before[-1] == "." and ABBREVIATION.search(before[-8:]))):
        return f"{before.split()[-1]} apart from its number: …{before[-12:]}|{after[:8]}…"
    return None


# The text inside the page margins, per extractor (headers and footers would cut paragraphs
# that run over a page break).
def _pdftotext(mode: str | None) -> Callable[[Path], str]:
    def extract(path: Path) -> str:
        if mode is None:
            return pdftotext(path, area=BODY_AREA, raw=False)
        if mode == "layout":
            return pdftotext(path, area=BODY_AREA, layout=True)
        return pdftotext(path, area=BODY_AREA, raw=True)
    return extract


def _pypdf(path: Path) -> str:
    from support.render_helpers import body_text_pypdf

    return body_text_pypdf(path)


def _pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer

    parts: list[str] = []
    for page in extract_pages(str(path), laparams=LAParams()):
        low, high = BOTTOM - 0.3 * CM, page.height - TOP + 0.3 * CM
        for element in page:
            if isinstance(element, LTTextContainer) and low < (element.y0 + element.y1) / 2 < high:
                parts.append(element.get_text())
    return "\n".join(parts)


def _pypdfium2(path: Path) -> str:
    import pypdfium2

    parts: list[str] = []
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        for page in pdf:
            width, height = page.get_size()
            textpage = page.get_textpage()
            parts.append(textpage.get_text_bounded(0, BOTTOM - 0.3 * CM, width, height - TOP + 0.3 * CM))
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return "\n".join(parts)


EXTRACTORS: dict[str, Callable[[Path], str]] = {
    "pdftotext": _pdftotext(None), "pdftotext-layout": _pdftotext("layout"),
    "pdftotext-raw": _pdftotext("raw"), "pypdf": _pypdf, "pdfminer": _pdfminer, "pypdfium2": _pypdfium2}


def source_paragraphs(built: Any, numerals: str) -> list[str]:
    """Every paragraph, list item and table cell of a built dossier's Markdown as rendered, and
    the project's names printed in its tables."""
    view = built.view
    found = paragraphs(view.summary_html)
    for section in view.sections:
        found += paragraphs(section.html)
    project = built.checked.project
    found += [localize(text, numerals) for text in (
        [project.title]
        + [p.name for p in project.partners or []] + [p.role for p in project.partners or [] if p.role]
        + [i.name for i in project.indicators or []] + [line.source for line in project.budget or []])]
    return [p.translate(IGNORED) for p in found]


def lone_marks(text: str) -> int:
    return sum(1 for line in text.splitlines() if MARKS_ONLY.match(line.strip()))


@dataclass
class Figures:
    """The figures of one set of dossiers."""

    documents: int = 0
    pages: int = 0
    line_ends: int = 0
    thai_line_ends: int = 0
    inside_word: list[str] = field(default_factory=list)
    long_compounds: list[str] = field(default_factory=list)  # between the words of a long compound
    violations: list[str] = field(default_factory=list)
    paragraphs: int = 0
    unread: dict[str, list[str]] = field(default_factory=dict)
    layout_cells: int = 0  # table cells of several lines read line by line in -layout (see above)
    book_unread: dict[str, list[str]] = field(default_factory=dict)  # the same paragraphs, in the book
    lone_marks: dict[str, int] = field(default_factory=dict)


def measure(outcome: Any, root: Path, numerals: str, segmenter: Segmenter | None = None,
            extractors: dict[str, Callable[[Path], str]] | None = None) -> Figures:
    """The figures of the dossiers of a build made with ``keep_layout``."""
    segmenter = segmenter or Segmenter(root)
    figures = Figures()
    everything: list[tuple[str, list[str], dict[str, list[str]]]] = []
    for built in outcome.built:
        figures.documents += 1
        figures.pages += built.rendered.pages
        laid = laid_paragraphs(built.laid.document)
        cells = {squash(p.text): [squash(line) for line in p.lines] for p in laid
                 if p.tag in ("td", "th") and len(p.lines) > 1}
        for paragraph in laid:
            for end in line_ends(paragraph):
                figures.line_ends += 1
                if thai_to_thai(end):
                    figures.thai_line_ends += 1
                    if inside_word(end, segmenter):
                        where = f"{built.checked.slug}: …{end.before[-12:]}|{end.after[:10]}…"
                        if in_long_compound(end, segmenter):
                            figures.long_compounds.append(where)
                        else:
                            figures.inside_word.append(where)
                problem = edge_violation(end)
                if problem:
                    figures.violations.append(f"{built.checked.slug}: {problem}")
        wanted = source_paragraphs(built, numerals)
        wanted += [text for text in dict.fromkeys(p.text.strip() for p in laid if p.tag in ("td", "th"))
                   if text and text not in wanted]  # the cells the template writes too (the summary's facts)
        figures.paragraphs += len(wanted)
        everything.append((built.checked.slug, wanted, cells))
        for name, extract in (EXTRACTORS if extractors is None else extractors).items():
            text = extract(built.rendered.path)
            unread, by_line = _unread(name, text, wanted, cells)
            figures.layout_cells += by_line
            figures.unread.setdefault(name, []).extend(f"{built.checked.slug}: {p[:40]}" for p in unread)
            figures.lone_marks[name] = figures.lone_marks.get(name, 0) + lone_marks(text)
    book = getattr(outcome, "book_path", None)
    if book is not None and Path(book).is_file():
        for name, extract in (EXTRACTORS if extractors is None else extractors).items():
            text = extract(Path(book))
            figures.book_unread[name] = [f"{slug}: {p[:40]}" for slug, wanted, cells in everything
                                         for p in _unread(name, text, wanted, cells)[0]]
    return figures


def _unread(name: str, text: str, wanted: list[str], cells: dict[str, list[str]]) -> tuple[list[str], int]:
    """The paragraphs of ``wanted`` not found in an extractor's ``text``, and how many table
    cells ``-layout`` read row by row."""
    haystack = squash(text)
    unread = [p for p in wanted if squash(p) not in haystack]
    if name != "pdftotext-layout":
        return unread, 0
    by_line = [p for p in unread if in_order(cells.get(squash(p)), haystack)]
    return [p for p in unread if p not in by_line], len(by_line)


def in_order(lines: list[str] | None, haystack: str) -> bool:
    """Each of a cell's printed ``lines`` (squashed) is found in ``haystack``, in order."""
    if not lines:
        return False
    at = 0
    for line in lines:
        at = haystack.find(line, at)
        if at < 0:
            return False
        at += len(line)
    return True


def pdftotext_version() -> str:
    found = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True).stderr.split("\n")[0]
    return unicodedata.normalize("NFC", found)
