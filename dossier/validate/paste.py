"""Markdown as agencies paste it: list and heading forms read as the writer meant them.

Text pasted from a word processor or a LINE message breaks the strict rules of Markdown in a
few recurring ways. :func:`normalize` rewrites the source (line by line, before Markdown sees
it) and :class:`PasteExtension` finishes the tree:

* ``1.เพื่อ…`` (no space after the marker), ``1)`` and ``(1)`` markers, Thai-digit markers
  ``๑.``: list items. Their number is kept (``3.`` starts the list at 3, ``<ol start>`` plus a
  ``counter-reset`` since WeasyPrint ignores ``start``), printed in the province's numerals;
  ``1)`` and ``(1)`` keep their parentheses (classes ``paren-close`` / ``paren``).
* The marker alone on its line, the text on the next (blank lines between or not): one item.
* A list right after a sentence (no blank line between): a list, not a run-on paragraph.
* ``•``-like bullets: ``-`` items.
* ``#โครงการดีๆ`` (a hashtag: no space after ``#``) prints as written, never as a heading;
  ``# หัวข้อ`` becomes a heading *below* the section's own ``h2`` (``#`` → ``h3``).
* A line break inside a paragraph joins Thai to Thai without a space (``มีขยะ\\nสะสม`` →
  ``มีขยะสะสม``: Thai puts no space between words); a space stays where the source has one or
  where Latin letters, digits or punctuation meet across the break.
* A list item's first paragraph is inline (the inside marker stays on the text's line).

:func:`findings` reports the ``#`` lines that look like notes or hashtags, for ``validate``.
Nothing here imports WeasyPrint.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from typing import Literal

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from dossier import thai

__all__ = ["Finding", "Pasted", "PasteExtension", "findings", "normalize", "joins_without_space"]

Style = Literal["dot", "paren-close", "paren"]

_DIGIT = "0-9๐-๙"
# An ordered-list marker at the start of a line: 1.  1)  (1)  ๑.  — then the rest of the line.
_ORDERED = re.compile(rf"^(?P<indent>[ \t]*)(?:(?P<num>[{_DIGIT}]{{1,3}})(?P<close>[.)])|\((?P<pnum>[{_DIGIT}]{{1,3}})\))"
                      r"(?P<rest>.*)$")
_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>[-*+•●▪◦○■□➢➤►])(?P<rest>.*)$")
_NON_MD_BULLETS = "•●▪◦○■□➢➤►"
_HASHTAG = re.compile(r"^(?P<indent> {0,3})#(?=[^\s#\\])")
_HEADING = re.compile(r"^ {0,3}(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t#]*$")
_THAI = re.compile(r"[\u0e00-\u0e7f]")


@dataclass(frozen=True)
class Pasted:
    """Normalized Markdown and the marker style of each ordered-list item, in source order."""

    text: str
    styles: tuple[Style, ...] = ()


def _marker(line: str) -> tuple[str, str, Style, str] | None:
    """(indent, Arabic number, style, rest) when ``line`` starts an ordered-list item.

    ``2.5 ล้านบาท`` and ``1.1 หัวข้อ`` are numbers, not markers: a marker is followed by a
    space, the end of the line, or a letter."""
    m = _ORDERED.match(line)
    if not m:
        return None
    rest = m["rest"]
    if rest and (rest[0].isdigit() or rest[0] in ".,)/:%-"):
        return None
    number = thai.to_arabic_digits(m["num"] or m["pnum"])
    style: Style = "paren" if m["pnum"] else ("paren-close" if m["close"] == ")" else "dot")
    return m["indent"], str(int(number)), style, rest.strip()


def _bullet(line: str) -> tuple[str, str] | None:
    m = _BULLET.match(line)
    if not m:
        return None
    rest = m["rest"]
    if m["mark"] in _NON_MD_BULLETS:
        return m["indent"], rest.strip()
    if rest[:1] in (" ", "\t") and rest.strip():  # "- text"; a lone "-" may be a setext underline
        return m["indent"], rest.strip()
    return None


def normalize(text: str) -> Pasted:
    """The pasted forms of lists and hashtags rewritten as Markdown that means the same."""
    lines = text.split("\n")
    out: list[str] = []
    styles: list[Style] = []
    in_list = False
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line.strip():
            out.append(line)
            continue
        ordered = _marker(line)
        bullet = None if ordered else _bullet(line)
        if ordered is None and bullet is None:
            prev_blank = not out or not out[-1].strip()
            if prev_blank and not line[:1].isspace():
                in_list = False
            out.append(_HASHTAG.sub(r"\g<indent>\\#", line))
            continue
        indent, rest = (ordered[0], ordered[3]) if ordered else bullet  # type: ignore[misc]
        if not rest:  # the marker alone: the item's text is the next non-blank line
            ahead = index
            while ahead < len(lines) and not lines[ahead].strip():
                ahead += 1
            if ahead < len(lines) and not _marker(lines[ahead]) and not _bullet(lines[ahead]) \
                    and not lines[ahead].lstrip().startswith("#"):
                rest = lines[ahead].strip()
                index = ahead + 1
        if out and out[-1].strip() and not in_list:
            out.append("")  # a list right after a sentence
        in_list = True
        if ordered:
            styles.append(ordered[2])
            out.append(f"{indent}{ordered[1]}. {rest}".rstrip() if rest else f"{indent}{ordered[1]}.")
        else:
            out.append(f"{indent}- {rest}")
    return Pasted("\n".join(out), tuple(styles))


# --- the tree --------------------------------------------------------------------------------

_CONTAINERS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "blockquote"}
_BLOCKS = _CONTAINERS | {"ul", "ol", "table", "div", "pre", "hr", "thead", "tbody", "tr"}
_OPAQUE = {"code", "pre", "kbd", "samp"}
_BREAK = re.compile(r"[ \t]*\n[ \t]*")


def joins_without_space(before: str, after: str) -> bool:
    """Whether a source line break between these two characters prints as nothing (Thai meets
    Thai) rather than a space."""
    return bool(before and after and _THAI.match(before) and _THAI.match(after))


@dataclass
class _Segment:
    element: etree.Element
    attr: str  # "text" or "tail"
    opaque: bool

    def get(self) -> str:
        return getattr(self.element, self.attr) or ""

    def set(self, value: str) -> None:
        setattr(self.element, self.attr, value)


@dataclass
class _Run:
    """The inline text of one block, in reading order; ``None`` separates what a block or a
    ``<br>`` keeps apart."""

    parts: list[_Segment | None] = field(default_factory=list)

    def collect(self, element: etree.Element, opaque: bool) -> None:
        if element.text:
            self.parts.append(_Segment(element, "text", opaque))
        for child in element:
            if child.tag in _BLOCKS or child.tag == "br":
                self.parts.append(None)
            else:
                self.collect(child, opaque or child.tag in _OPAQUE)
            if child.tail:
                if child.tag == "br":
                    child.tail = child.tail.lstrip("\n")
                self.parts.append(_Segment(child, "tail", opaque))


def _join_lines(run: _Run) -> None:
    parts = run.parts
    for position, segment in enumerate(parts):
        if segment is None or segment.opaque or "\n" not in segment.get():
            continue
        text = segment.get()

        def before(start: int) -> str:
            if start > 0:
                return text[start - 1]
            for earlier in reversed(parts[:position]):
                if earlier is None:
                    return ""
                if earlier.get():
                    return earlier.get()[-1]
            return ""

        def after(end: int) -> str:
            if end < len(text):
                return text[end]
            for later in parts[position + 1:]:
                if later is None:
                    return ""
                if later.get():
                    return later.get()[0]
            return ""

        def join(m: re.Match[str]) -> str:
            first, last = before(m.start()), after(m.end())
            if not first or not last:  # at a block's edge: nothing to separate
                return ""
            if m.group() != "\n":  # the source has a space at the break
                return " "
            return "" if joins_without_space(first, last) else " "

        segment.set(_BREAK.sub(join, text))


class _Tree(Treeprocessor):
    def __init__(self, md: Markdown, styles: tuple[Style, ...], heading_offset: int) -> None:
        super().__init__(md)
        self.styles = styles
        self.heading_offset = heading_offset

    def run(self, root: etree.Element) -> None:
        in_ol = {id(li) for ol in root.iter("ol") for li in ol if li.tag == "li"}
        ordered_items = [id(li) for li in root.iter("li") if id(li) in in_ol]  # source order
        styled = len(ordered_items) == len(self.styles)  # else every list keeps "1." markers
        for ol in root.iter("ol"):
            start = ol.get("start")
            if start and start.isdigit() and int(start) != 1:
                ol.set("style", f"counter-reset: list-item {int(start) - 1}")
            if styled:
                first = next((li for li in ol if li.tag == "li"), None)
                if first is not None:
                    style = self.styles[ordered_items.index(id(first))]
                    if style != "dot":
                        ol.set("class", style)
        for element in root.iter():
            if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                element.tag = f"h{min(6, int(element.tag[1]) + self.heading_offset)}"
        for li in list(root.iter("li")):
            _inline_first_paragraph(li)
        for element in root.iter():
            if element.tag in _CONTAINERS:
                run = _Run()
                run.collect(element, element.tag in _OPAQUE)
                _join_lines(run)


def _inline_first_paragraph(li: etree.Element) -> None:
    """``<li><p>text</p>…`` → ``<li>text…``: a loose item's marker stays on its text's line."""
    if len(li) == 0 or li[0].tag != "p" or (li.text or "").strip():
        return
    first = li[0]
    li.text = first.text
    children = list(first)
    li.remove(first)
    for offset, child in enumerate(children):
        li.insert(offset, child)
    if children:
        children[-1].tail = (children[-1].tail or "") + (first.tail or "")
    else:
        li.text = (li.text or "") + (first.tail or "")


class PasteExtension(Extension):
    """Lists' numbers and styles, headings below the section's level, Thai line joins."""

    def __init__(self, styles: tuple[Style, ...] = (), heading_offset: int = 2) -> None:
        self.styles = styles
        self.heading_offset = heading_offset
        super().__init__()

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - the Markdown API's name
        # After 'inline' (20): the text nodes exist; before numerals and policy (1).
        md.treeprocessors.register(_Tree(md, self.styles, self.heading_offset), "dossier-paste", 5)


# --- what validate says -------------------------------------------------------------------------

@dataclass(frozen=True)
class Finding:
    """A ``#`` line of a Markdown field that may not print as the writer thinks."""

    line: int  # 0-based, within the field's text
    kind: Literal["hashtag", "heading"]
    source: str  # the line as written, stripped
    shown: str  # what prints


def findings(text: str) -> list[Finding]:
    """Hashtag lines (``#คำ``: printed as written) and single-``#`` headings, written as the
    hints of ``dossier new`` are (``# หมายเหตุ …``): they print as a sub-heading, not hidden.
    ``## หัวข้อ`` is the way to ask for a sub-heading, and is not reported."""
    found: list[Finding] = []
    for number, line in enumerate(text.split("\n")):
        if _HASHTAG.match(line):
            found.append(Finding(number, "hashtag", line.strip(), line.strip()))
            continue
        m = _HEADING.match(line)
        if m and m["text"] and len(m["hashes"]) == 1:
            found.append(Finding(number, "heading", line.strip(), m["text"]))
    return found
