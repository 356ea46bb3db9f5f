"""Keep stacked Thai marks on their line for readers that build lines from glyph boxes.

pdfminer.six (``pdfminer.layout.LTLayoutContainer.group_objects``) joins two glyphs drawn one
after the other into one line only if the gap between their boxes is *strictly* less than
``char_margin`` (2.0 by default) times the wider of the two. A Thai mark has no advance (the
font's width is 0, and PDF/A wants the PDF's width to equal the font's), so its box is 0 wide, and
two marks in a row (ิ + ่ in ที่, ั + ้ in ปั้น) can never be joined: the line is cut there, and
the two halves end up in different text boxes, often apart (ที / ่ทำการ).

:func:`join_marks` rewrites the ``TJ`` operators WeasyPrint has just written for one line: between
a zero-width glyph and the next one, it draws a *filler*, a glyph of the same font that has an
advance but no outline, and that no text can produce (Sarabun's ``nonmarkingreturn``, mapped
from U+000D only), then moves the pen back by the filler's width. Nothing is painted and every
other glyph keeps its position, so pages render identically; the filler's ToUnicode entry
is empty, so it adds no text; and the glyph sequence now alternates between glyphs with and
without width, which pdfminer joins. The filler is a real glyph of the font, kept in the subset
with the width of the font's ``hmtx`` (what PDF/A checks).

The same filler also goes after a mark drawn well left of the pen (over ป, ฝ, ฟ) when the next
letter starts more than ``word_margin`` (0.1 em) to its right: pdfminer would read a space there
(ปั้ น), unless the filler's box covers the gap.

The module imports neither WeasyPrint nor fontTools until a line is drawn.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import weakref
from dataclasses import dataclass
from typing import Any

__all__ = ["CHAR_MARGIN", "WORD_MARGIN", "filler_glyph", "join_marks", "may_stack"]

#: pdfminer.six's default ``LAParams.char_margin`` and ``word_margin``.
CHAR_MARGIN = 2.0
WORD_MARGIN = 0.1
# Per font file (MD5, face index): the filler's glyph id and width in 1/1000 em, or None.
_FILLERS: dict[tuple[bytes, int], tuple[int, float] | None] = {}
# Per WeasyPrint Font (hashing its file on every line would cost more than the rest).
_FILLER_OF_FONT: weakref.WeakKeyDictionary[Any, tuple[int, float] | None] = weakref.WeakKeyDictionary()
# Marks (Thai above and below marks, ำ whose NIKHAHIT is one, combining diacritics): the only
# text that draws zero-width glyphs.
_MARK = re.compile("[\u0e31\u0e33-\u0e3a\u0e47-\u0e4e\u0300-\u036f]")
_TOKEN = re.compile(rb"<([0-9A-Fa-f]*)>|(-?(?:[0-9]+\.?[0-9]*|\.[0-9]+))")
_TF = re.compile(rb"^/(\S+) (\S+) Tf$")
_TS = re.compile(rb"^(\S+) Ts$")


@dataclass(frozen=True)
class _Glyph:
    item: int  # index in the stream's operator list
    start: int  # where its 4 hex digits start in that operator
    font: Any  # WeasyPrint Font
    size: float
    x: float  # where it is drawn, in text space
    width: float  # its advance, in 1/1000 of the font size


def filler_glyph(font: Any) -> tuple[int, float] | None:
    """The filler of a WeasyPrint ``Font``: (glyph id, advance in 1/1000 em), or None.

    A glyph with an advance, no outline, and only control characters (U+000D…) mapped to it in
    the font's cmap: shaping never draws it, so its text can be empty."""
    try:
        return _FILLER_OF_FONT[font]
    except (KeyError, TypeError):  # TypeError: not weakly referenceable
        pass
    key = (hashlib.md5(font.file_content, usedforsecurity=False).digest(), font.index)
    if key in _FILLERS:
        return _remember(font, _FILLERS[key])
    from fontTools.pens.boundsPen import BoundsPen
    from fontTools.ttLib import TTFont

    ttfont = TTFont(io.BytesIO(font.file_content), fontNumber=font.index, lazy=True)
    mapped: dict[str, list[int]] = {}
    for code_point, name in (ttfont.getBestCmap() or {}).items():
        mapped.setdefault(name, []).append(code_point)
    glyph_set = ttfont.getGlyphSet()
    upem = ttfont["head"].unitsPerEm
    found = None
    for name, points in sorted(mapped.items(), key=lambda item: min(item[1])):
        if not all(unicodedata.category(chr(point)) == "Cc" for point in points):
            continue
        advance = ttfont["hmtx"][name][0]
        pen = BoundsPen(glyph_set)
        glyph_set[name].draw(pen)
        if advance > 0 and pen.bounds is None:
            found = (ttfont.getGlyphID(name), advance * 1000 / upem)
            break
    _FILLERS[key] = found
    return _remember(font, found)


def _remember(font: Any, filler: tuple[int, float] | None) -> tuple[int, float] | None:
    try:
        _FILLER_OF_FONT[font] = filler
    except TypeError:
        pass
    return filler


def may_stack(text: str) -> bool:
    """Whether a line of ``text`` may draw zero-width glyphs (a cheap test first)."""
    return _MARK.search(text) is not None


def join_marks(stream: Any, start: int, current_font: tuple[str, float] | None) -> int:
    """Insert fillers between consecutive zero-width glyphs in the operators WeasyPrint wrote
    to ``stream`` from index ``start`` (one line: ``Tm``, ``Tf``, ``TJ``, ``Ts``), given the
    font and size that were current before them (WeasyPrint's ``stream._current_font``: it
    writes no ``Tf`` that would repeat it); returns how many fillers were inserted."""
    glyphs = _glyphs(stream, start, current_font)
    insertions: dict[int, list[tuple[int, bytes]]] = {}
    for one, two in zip(glyphs, glyphs[1:]):
        if one.width != 0:
            continue
        if two.width != 0:
            # A mark drawn well left of the pen (over ป, ฝ, ฟ): pdfminer would read a space
            # between it and the next letter (ปั้ น) unless a filler covers the gap.
            margin = WORD_MARGIN * max(two.width * two.size / 1000, two.size)
            if two.x - one.x <= margin or two.font is not one.font:
                continue
        filler = _filler_for(stream, two.font)
        if filler is None:
            continue
        glyph_id, advance = filler
        extent = advance * two.size / 1000
        # Draw the filler from the leftmost of the two, so that it touches both.
        left = min(one.x, two.x)
        if max(one.x, two.x) - (left + extent) >= CHAR_MARGIN * extent:
            continue
        if two.width != 0 and two.x - (left + extent) > margin:
            continue
        # Right before the second glyph, in its string: from where the pen is (where the second
        # is drawn), move to the filler's place, draw it, come back. Never at the end of a TJ
        # array: pdfium drops a TJ's last number when the array also holds an empty string,
        # which WeasyPrint writes (<>).
        shift = (two.x - left) * 1000 / two.size
        code = (b" " + _number(shift) if shift else b"") + b" <%04x> " % glyph_id + _number(advance - shift) + b" "
        insertions.setdefault(two.item, []).append((two.start, code))
    for item, places in insertions.items():
        data = _bytes(stream.stream[item])
        for at, code in sorted(places, reverse=True):
            if data[at - 1:at] == b"<":  # the glyph starts its hex string
                data = data[:at - 1] + code + data[at - 1:]
            else:  # close the string before the glyph, open it again after the filler
                data = data[:at] + b">" + code + b"<" + data[at:]
        stream.stream[item] = data
    return sum(len(places) for places in insertions.values())


def _filler_for(stream: Any, font: Any) -> tuple[int, float] | None:
    """The font's filler, registered (empty text, the font's width) in every WeasyPrint Font of
    the document that shares its PDF font name, so that whichever writes the font dictionary
    has it."""
    if font.bitmap:
        return None
    filler = filler_glyph(font)
    if filler is None:
        return None
    glyph_id, advance = filler
    if font.to_unicode.get(glyph_id):
        return None  # drawn as text after all: leave it alone
    for other in stream._fonts.values():
        if other.hash == font.hash:
            other.to_unicode[glyph_id] = ""
            other.widths[glyph_id] = advance
    return filler


def _bytes(item: Any) -> bytes:
    return item if isinstance(item, bytes) else str(item).encode()


def _number(value: float) -> bytes:
    """A PDF number (no exponent)."""
    if float(value).is_integer():
        return b"%d" % int(value)
    return (b"%.6f" % value).rstrip(b"0").rstrip(b".")


def _glyphs(stream: Any, start: int, current_font: tuple[str, float] | None) -> list[_Glyph]:
    """The glyphs drawn by the operators from ``start``, with where they are drawn."""
    fonts = {font.hash: font for font in stream._fonts.values()}
    glyphs: list[_Glyph] = []
    font, size, x = None, 0.0, 0.0
    if current_font is not None:
        font, size = fonts.get(str(current_font[0])), float(current_font[1])
    for index in range(start, len(stream.stream)):
        data = _bytes(stream.stream[index])
        if data.endswith(b" Tm"):
            x = 0.0
        elif match := _TF.match(data):
            font, size = fonts.get(match.group(1).decode()), float(match.group(2))
        elif data.endswith(b"] TJ") and data.startswith(b"[") and font is not None and not font.bitmap:
            for token in _TOKEN.finditer(data, 1, len(data) - 4):
                if token.group(2) is not None:
                    x -= float(token.group(2)) * size / 1000
                    continue
                for at in range(token.start(1), token.end(1), 4):
                    glyph_id = int(data[at:at + 4], 16)
                    width = font.widths.get(glyph_id, 1000)
                    glyphs.append(_Glyph(index, at, font, size, x, width))
                    x += width * size / 1000
    return glyphs
