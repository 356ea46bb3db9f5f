"""Correct ToUnicode maps for Thai text in WeasyPrint PDFs (Kozea/WeasyPrint#2841).

WeasyPrint 70.0 maps every glyph id to the text of the *first* shaping cluster in
which it was drawn (``weasyprint/draw/text.py``, ``draw_first_line``). HarfBuzz
splits ำ (U+0E33) into NIKHAHIT + SARA AA glyphs, so the SARA AA glyph is first
seen in the cluster ``ำ`` (or ``้ำ``) and every later ``า`` extracts as ``ำ``:
"การ" becomes "ก้ำร". Glyphs that share a cluster with others get an empty map.

:func:`install` wraps ``draw_first_line``: after WeasyPrint has drawn a line, the
same Pango line is read again (glyph ids and clusters only), and the ToUnicode
text of each drawn glyph is re-derived:

* a glyph that is the nominal glyph of exactly one code point in the font's own
  cmap maps to that code point (taken from the cluster's text, compatibility-
  decomposed if needed: ำ gives NIKHAHIT ``ํ`` and SARA AA ``า``);
* any other glyph (ligature, contextual alternate, space shared by U+0020 and
  U+00A0, …) maps to the text its cluster leaves over once the nominal glyphs
  have taken theirs, so the ``uni0E4D0E49`` ligature of น้ำ gets ``้ํ``. A nominal
  glyph whose code point is not in its cluster (``ﬁ`` drawn for "fi") is treated
  the same way. When clusters disagree, the most frequent answer wins.

Drawing is untouched and ``font.to_unicode`` keeps exactly the same keys (they are
the glyph set used for subsetting), so pages stay byte-identical except for the
ToUnicode CMaps. Call :func:`install` right before rendering; this module imports
neither WeasyPrint nor fontTools until then.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
import unicodedata
import weakref
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from dossier import WEASYPRINT_VERSION
from dossier.render.markjoin import join_marks, may_stack

__all__ = ["PINNED_WEASYPRINT", "install", "is_installed", "split_cluster"]

#: The only WeasyPrint version whose internals this module has been checked against.
PINNED_WEASYPRINT = WEASYPRINT_VERSION

_MARKER = "__dossier_textlayer_original__"
# Per WeasyPrint ``Font`` object: text votes for glyphs that are not nominal.
_VOTES: weakref.WeakKeyDictionary[Any, dict[int, Counter[str]]] = (
    weakref.WeakKeyDictionary())
_NOMINAL: weakref.WeakKeyDictionary[Any, dict[int, str]] = weakref.WeakKeyDictionary()
# Per font file (its MD5): a worker renders many documents with the same few fonts, each
# document with Font objects of its own; the cmap is read once per file, not per document.
_NOMINAL_BY_FILE: dict[tuple[bytes, int], dict[int, str]] = {}
# Per ``Font``: the current most frequent share of each voted glyph.
_BEST: weakref.WeakKeyDictionary[Any, dict[int, str]] = weakref.WeakKeyDictionary()


def install() -> None:
    """Patch WeasyPrint so that PDF text layers extract correctly; idempotent.

    :raises RuntimeError: if the installed WeasyPrint is not the pinned version.
    """
    import weasyprint
    from weasyprint.draw import text as draw_text

    if weasyprint.__version__ != PINNED_WEASYPRINT:
        raise RuntimeError(
            f"dossier.render.textlayer patches WeasyPrint internals and is pinned to "
            f"WeasyPrint {PINNED_WEASYPRINT}, but {weasyprint.__version__} is installed; "
            f"re-check the ToUnicode fix against the new version before bumping the pin")
    if is_installed():
        return
    original: Callable[..., Any] = draw_text.draw_first_line

    @functools.wraps(original)
    def draw_first_line(stream: Any, textbox: Any, text_overflow: str,
                        block_ellipsis: Any, matrix: Any) -> Any:
        actual = actual_text(textbox.text) if text_overflow != "ellipsis" and block_ellipsis == "none" else None
        if actual is not None:
            stream.begin_marked_content("Span", actual)
        start, current_font = len(stream.stream), getattr(stream, "_current_font", None)
        emojis = original(stream, textbox, text_overflow, block_ellipsis, matrix)
        if may_stack(textbox.text):
            join_marks(stream, start, current_font)
        if actual is not None:
            stream.end_marked_content()
        _remap_line(stream, textbox)
        return emojis

    setattr(draw_first_line, _MARKER, original)
    # Module attribute: draw_text() and svg.text (imported at call time) both use it.
    draw_text.draw_first_line = draw_first_line


# Thai marks drawn over or under their base: readers that place text by glyph position
# (poppler, pdfium) move them (มีส่วนร่วม → มีสว่นร่วม) or put them on a line of their own.
_THAI_MARKS = re.compile("[\u0e31\u0e33-\u0e3a\u0e47-\u0e4e]")
_NOT_DRAWN = str.maketrans({"\u200b": None, "\u2060": None})


def actual_text(text: str) -> bytes | None:
    """The property list of a ``/Span`` marked-content sequence giving the drawn ``text`` as
    ``/ActualText`` (PDF 32000-1 §14.9.4), for text with Thai marks (else None): poppler's
    pdftotext and pdfium (Chrome) then read it as typed, whatever the glyphs' positions."""
    if not _THAI_MARKS.search(text):
        return None
    encoded = ("\ufeff" + text.translate(_NOT_DRAWN)).encode("utf-16-be").hex().upper()
    return f"<</ActualText <{encoded}>>>".encode()


def is_installed() -> bool:
    """Tell whether :func:`install` has patched the imported WeasyPrint."""
    from weasyprint.draw import text as draw_text
    return hasattr(draw_text.draw_first_line, _MARKER)


def split_cluster(text: str, nominal: Sequence[str | None]) -> list[str | None]:
    """Share a shaping cluster's ``text`` among its glyphs, given in glyph order.

    ``nominal`` holds, per glyph, the code point it is the nominal glyph of (as a
    string), or ``None``. A nominal glyph takes its character from the cluster,
    out of a character's compatibility decomposition if needed (ำ gives ``ํ`` and
    ``า``). The other glyphs, and nominal glyphs whose character is not in the
    cluster (``ﬁ`` used for "fi"), share what is left: one character each if the
    counts match, else all of it to the first of them. Returns each glyph's text,
    ``None`` for a glyph that gets nothing.
    """
    remaining = list(text)
    result: list[str | None] = [None] * len(nominal)
    free: list[int] = []
    for glyph, char in enumerate(nominal):
        if char is not None and _take(remaining, char):
            result[glyph] = char
        else:
            free.append(glyph)
    if free and remaining:
        if len(free) == len(remaining):
            for glyph, char in zip(free, remaining):
                result[glyph] = char
        else:
            result[free[0]] = "".join(remaining)
    return result


@functools.lru_cache(maxsize=8192)
def _shares(text: str, nominal: tuple[str | None, ...]) -> tuple[str | None, ...]:
    """:func:`split_cluster`, remembered: the same clusters come back on every line."""
    return tuple(split_cluster(text, nominal))


def _take(remaining: list[str], char: str) -> bool:
    """Remove ``char`` from ``remaining``, decomposing a character if needed."""
    if char in remaining:
        remaining.remove(char)
        return True
    for index, source in enumerate(remaining):
        decomposed = unicodedata.normalize("NFKD", source)
        if decomposed != source and char in decomposed:
            remaining[index:index + 1] = list(decomposed.replace(char, "", 1))
            return True
    return False


def _nominal_glyphs(font: Any) -> dict[int, str]:
    """Map glyph ids that are the cmap glyph of exactly one code point to it."""
    found = _NOMINAL.get(font)
    if found is None:
        key = (hashlib.md5(font.file_content, usedforsecurity=False).digest(), font.index)
        found = _NOMINAL_BY_FILE.get(key)
        if found is None:
            from fontTools.ttLib import TTFont

            ttfont = TTFont(io.BytesIO(font.file_content), fontNumber=font.index, lazy=True)
            glyph_ids = ttfont.getReverseGlyphMap()
            code_points: dict[int, list[int]] = {}
            for code_point, name in (ttfont.getBestCmap() or {}).items():
                code_points.setdefault(glyph_ids[name], []).append(code_point)
            found = _NOMINAL_BY_FILE[key] = {
                glyph: chr(points[0]) for glyph, points in code_points.items() if len(points) == 1}
        _NOMINAL[font] = found
    return found


def _remap_line(stream: Any, textbox: Any) -> None:
    """Re-derive ``font.to_unicode`` for the glyphs of the line just drawn."""
    from weasyprint.text.ffi import ffi, pango

    # Same early exits as draw_first_line: nothing was drawn.
    if not textbox.text.strip() or textbox.style["font_size"] < 1e-6:
        return
    utf8_text = textbox.pango_layout.text.encode()
    first_line, _ = textbox.pango_layout.get_first_line()
    run = first_line.runs[0]
    while run != ffi.NULL:
        glyph_item, run = run.data, run.next
        font, _ = stream.add_font(glyph_item.item.analysis.font)  # cached Font
        nominal = _nominal_glyphs(font)
        votes = _VOTES.setdefault(font, {})
        bests = _BEST.setdefault(font, {})
        item_offset, item_length = glyph_item.item.offset, glyph_item.item.length
        glyph_string = glyph_item.glyphs
        clusters: dict[int, list[tuple[int, str | None]]] = {}
        for i in range(glyph_string.num_glyphs):
            glyph_id = glyph_string.glyphs[i].glyph
            glyphs = clusters.setdefault(glyph_string.log_clusters[i], [])
            if glyph_id == pango.PANGO_GLYPH_EMPTY:
                continue  # Not drawn (U+200B…), but its cluster still ends others.
            if glyph_id & pango.PANGO_GLYPH_UNKNOWN_FLAG:
                code_point = glyph_id - pango.PANGO_GLYPH_UNKNOWN_FLAG
                glyph: tuple[int, str | None] = (
                    font.missing[code_point], chr(code_point))
            else:
                glyph = (glyph_id, nominal.get(glyph_id))
            glyphs.append(glyph)
        # Cluster starts are byte offsets in the item; a cluster ends where the
        # next one (in logical order) starts, whatever the direction.
        starts = sorted(clusters) + [item_length]
        for start, end in zip(starts, starts[1:]):
            if not (glyphs := clusters[start]):
                continue
            text = utf8_text[item_offset + start:item_offset + end].decode()
            shares = _shares(text, tuple(char for _, char in glyphs))
            for (glyph_id, char), share in zip(glyphs, shares):
                if glyph_id not in font.to_unicode:
                    continue  # Never add glyphs: the keys are the subset glyph set.
                if share:
                    counter = votes.get(glyph_id)
                    if counter is None:
                        counter = votes[glyph_id] = Counter()
                    counter[share] += 1
                    # Most frequent share (first seen on ties); a vote for the current
                    # best keeps it best, so only another share can change the answer.
                    if bests.get(glyph_id) != share:
                        bests[glyph_id] = counter.most_common(1)[0][0]
                best = bests.get(glyph_id) or char  # else the cmap's text
                if best:
                    font.to_unicode[glyph_id] = best
