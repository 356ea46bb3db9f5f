"""Thai line breaks only between words, and Thai line-edge rules (issue 13), as hints in the
HTML just before layout.

Pango lets libthai choose the break opportunities inside a Thai run, and libthai overrides the
usual no-break characters there: it breaks after U+00A0 and U+2060 as after any non-Thai
character (measured: ``๔๕๐\u00a0|ไร่``, ``“\u2060|ป่า``). So:

* the text is cut into words by newmm (``nlpo3``, Rust: 0.03 s to import, about 1 ms per page of
  text) with the same word list as libthai's (:mod:`dossier.thaidict`), and a U+200B ZERO WIDTH
  SPACE marks each boundary between two Thai letters: Pango may break there, and libthai, given
  one dictionary word between two of them, finds no break inside it;
* what must stay together is wrapped in ``<span style="white-space:nowrap">``, with U+200B on
  its outer sides where no space is (a box edge is no break opportunity by itself): an opening
  quote or bracket and the word after it, a closing one and the word before it, ๆ and ฯ (also
  when typed after a space) and the word before them, a number and its unit (``๔๕๐ ไร่``),
  พ.ศ./ค.ศ./ร้อยละ/หมู่ที่ and the number after them.

U+200B is not drawn (Pango gives it an empty glyph, so it is not in the text layer), and is
taken out of the bookmarks' labels by the caller. Only text between tags changes; ``<head>``,
``<style>`` and ``<script>`` are left alone. The rendered view's HTML (what the tests compare
the text layer with) is not touched: this runs on the string WeasyPrint is given.
"""

from __future__ import annotations

import functools
import html as html_module
import re
from collections.abc import Callable

from dossier.thaidict import segmenter

__all__ = ["ZWSP", "segmenter", "wrap_html", "wrap_text"]

ZWSP = "\u200b"
NOBR = '<span style="white-space:nowrap">'
THAI_LETTER = re.compile(r"[\u0e01-\u0e4e]")
OPENING = "“‘([{«"
CLOSING = "”’)]}»"
REPEATS = ("ๆ", "ฯ")
NUMBER = re.compile(r"^[0-9\u0e50-\u0e59](?:[0-9\u0e50-\u0e59,.]*[0-9\u0e50-\u0e59])?$")
UNITS = frozenset((
    "ไร่", "บาท", "คน", "ครัวเรือน", "หลังคาเรือน", "ตัน", "เมตร", "กิโลเมตร", "กิโลกรัม", "ชนิด", "ครั้ง",
    "ราย", "ปี", "เดือน", "วัน", "ชั่วโมง", "ใบ", "แห่ง", "ต้น", "ล้าน", "หมู่บ้าน", "ชุมชน", "รุ่น", "คัน",
    "เที่ยว", "จุด", "เรื่อง", "คืน", "ตารางกิโลเมตร", "ไมครอน", "ไมโครกรัม", "ฉบับ", "สัปดาห์", "ภาคเรียน",
    "หลัง", "ตัว", "กลุ่ม", "เท่า", "ข้อ", "คณะ", "คำถาม", "คู่", "ลิตร", "นาที", "หน่วย", "องศา", "ตันต่อวัน",
    "ครั้งต่อปี", "คนต่อปี", "ล้านบาท", "บาทต่อปี", "ไร่ต่อปี"))
UNIT_STARTS = tuple(sorted(UNITS, key=len, reverse=True))
BEFORE_NUMBER = ("พ.ศ.", "ค.ศ.", "ร้อยละ", "หมู่ที่", "ปี")  # ปี ๒๕๖๓ as พ.ศ. ๒๕๖๓
# Thai abbreviations (อบต. รพ.สต. พ.ศ. ม.ค.): newmm may cut อบ|ต., they are kept whole
ABBREVIATION = re.compile(r"[\u0e01-\u0e4e]{1,5}\.(?:[\u0e01-\u0e4e]{1,5}\.)*")
_TAG = re.compile(r"(<[^>]*>)")
_SKIP = {"head", "style", "script", "title"}
_BLOCK = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "tr", "table", "ul", "ol"}
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")
# A hyphen inside a word (maejo-city, COVID-19): a line ending with it is read as a hyphenated
# word by poppler and pdfium, which drop the hyphen (maejocity). U+2060 WORD JOINER after it
# takes away the break opportunity (outside Thai runs Pango follows UAX #14); it is not drawn.
# In a Thai run libthai breaks after any non-Thai character, U+2060 included: there the break
# after a hyphen between two words is held by the line-edge rules instead (:func:`_glue`).
_INNER_HYPHEN = re.compile(r"(?<=[A-Za-z0-9])-(?=[A-Za-z0-9])")
WORD_JOINER = "\u2060"
# A longer run (a web address of many words) may need its hyphens to fit a line at all.
HYPHENATED_LONGEST = 30
_RUN = re.compile(r"[^\s<>]+")


def _join_hyphens(text: str) -> str:
    """``text`` (HTML between tags) with a word joiner after each hyphen inside a word, in runs
    short enough to fit a line whole."""
    return _RUN.sub(lambda run: run[0] if len(run[0]) > HYPHENATED_LONGEST
                    else _INNER_HYPHEN.sub("-" + WORD_JOINER, run[0]), text)


def _merge_abbreviations(text: str, tokens: list[str]) -> list[str]:
    """Tokens that overlap an abbreviation become one."""
    spans = [(m.start(), m.end()) for m in ABBREVIATION.finditer(text)]
    if not spans:
        return tokens
    merged: list[str] = []
    at, previous_end = 0, -1
    for token in tokens:
        start, end = at, at + len(token)
        at = end
        inside = any(s < start < e or (s <= start < e and start == previous_end and previous_end > s)
                     for s, e in spans)
        if merged and inside:
            merged[-1] += token
        else:
            merged.append(token)
        previous_end = end
    return merged


def _is_space(token: str) -> bool:
    return token.isspace()


def _glue(tokens: list[str], quotes_open: bool) -> tuple[list[bool], bool]:
    """Per gap between tokens ``i`` and ``i+1``: must they stay on one line?"""
    glue = [False] * max(len(tokens) - 1, 0)
    for i, token in enumerate(tokens):
        if token == '"':
            opening = not quotes_open
            quotes_open = opening
            if opening and i + 1 < len(tokens) and not _is_space(tokens[i + 1]):
                glue[i] = True
            elif not opening and i > 0 and not _is_space(tokens[i - 1]):
                glue[i - 1] = True
            continue
        if token and token[-1] in OPENING and i + 1 < len(tokens) and not _is_space(tokens[i + 1]):
            glue[i] = True
        if token and token[0] in CLOSING and i > 0 and not _is_space(tokens[i - 1]):
            glue[i - 1] = True
        if token.endswith("-") and 0 < i < len(tokens) - 1 and not (
                _is_space(tokens[i - 1]) or _is_space(tokens[i + 1])):
            glue[i] = True  # ก-ข: no line ends with the hyphen (readers would drop it)
            if token == "-":
                glue[i - 1] = True  # nor starts with it: ๒๕๖๒-๒๕๖๓ stays whole
        if token.startswith(REPEATS) and i > 0:
            glue[i - 1] = True
            if _is_space(tokens[i - 1]) and i > 1:
                glue[i - 2] = True
        if NUMBER.match(token) and i > 0 and ABBREVIATION.fullmatch(tokens[i - 1]):
            glue[i - 1] = True  # ชม.๑๖, ม.๔: an abbreviation and its number are one name
        if NUMBER.match(token):
            after = i + 2 if i + 2 < len(tokens) and tokens[i + 1] == " " else i + 1
            if after < len(tokens) and tokens[after].startswith(UNIT_STARTS):
                glue[i:after] = [True] * (after - i)
            before = i - 2 if i >= 2 and tokens[i - 1] == " " else i - 1
            if before >= 0 and tokens[before].endswith(BEFORE_NUMBER):
                glue[before:i] = [True] * (i - before)
    return glue, quotes_open


class LibThai:
    """libthai's own word breaks (``th_brk_find_breaks``), via ctypes, from the breaker libthai
    shares in the process: the one Pango uses, with the dictionary it loaded first."""

    def __init__(self) -> None:
        import ctypes
        import ctypes.util

        self.lib = ctypes.CDLL(ctypes.util.find_library("thai") or "libthai.so.0")
        self.lib.th_brk_find_breaks.restype = ctypes.c_int
        self.lib.th_brk_find_breaks.argtypes = [ctypes.c_void_p, ctypes.c_char_p,
                                                ctypes.POINTER(ctypes.c_int), ctypes.c_size_t]
        self._ctypes = ctypes

    def breaks(self, text: str) -> set[int]:
        """Offsets where libthai allows a break (TIS-620: one byte a character)."""
        data = text.encode("tis_620", errors="replace")
        positions = (self._ctypes.c_int * (len(data) + 1))()
        found = self.lib.th_brk_find_breaks(None, data, positions, len(data) + 1)
        return set(positions[:max(found, 0)])


@functools.lru_cache(maxsize=1)
def libthai() -> LibThai | None:
    try:
        return LibThai()
    except (OSError, AttributeError):
        return None


def wrap_text(text: str, segment: Callable[[str], list[str]], quotes_open: bool = False,
              breaker: LibThai | None = None) -> tuple[str, bool]:
    """One text node (unescaped) → HTML with the hints; also whether a straight quote is open.

    A line may break inside a Thai run only where newmm *and* libthai both see a word boundary:
    where libthai alone does (คณะกรรมการ|หมู่บ้าน against newmm's คณะ|กรรมการหมู่บ้าน), the
    words around are kept on one line; the line-edge rules keep their pieces together too."""
    tokens = [t for t in segment(text) if t]
    if "".join(tokens) != text:
        tokens = [text]
    tokens = _merge_abbreviations(text, tokens)
    glue, quotes_open = _glue(tokens, quotes_open)
    offsets, at = [], 0
    for token in tokens[:-1]:
        at += len(token)
        offsets.append(at)
    newmm = set(offsets)
    held = {at for at, gap in zip(offsets, glue) if gap}
    theirs = breaker.breaks(text) if breaker is not None else set()
    if breaker is not None:
        for at in theirs - newmm:
            if 0 < at < len(text) and THAI_LETTER.match(text[at - 1]) and THAI_LETTER.match(text[at]):
                held.add(at)  # libthai would break inside newmm's word: no break there
    if not held:
        return html_module.escape(text, quote=False), quotes_open
    def agreed(at: int) -> bool:  # a break both segmenters allow (or not inside Thai)
        inside = THAI_LETTER.match(text[at - 1]) and THAI_LETTER.match(text[at])
        return at in newmm and not text[at - 1].isspace() and not text[at].isspace() and (
            not inside or breaker is None or at in theirs)

    out: list[str] = []
    start = 0
    cuts = sorted({0, len(text)} | ((newmm | theirs) - held))  # pieces are whole words
    for stop in cuts[1:]:
        piece = text[start:stop]
        joined = any(start < at < stop for at in held)
        if joined:
            if start > 0 and agreed(start):
                out.append(ZWSP)  # a box edge is no break opportunity: give it one
            out.append(f"{NOBR}{html_module.escape(piece, quote=False)}</span>")
            if stop < len(text) and agreed(stop):
                out.append(ZWSP)
        else:
            out.append(html_module.escape(piece, quote=False))
        start = stop
    return "".join(out), quotes_open


def wrap_html(document: str, segment: Callable[[str], list[str]] | None = None) -> str:
    """The HTML WeasyPrint is given, with the hints in every text node that holds Thai."""
    segment = segment or segmenter()
    if segment is None:
        return document
    breaker = libthai()
    parts = _TAG.split(document)
    skipping: list[str] = []
    quotes_open = False
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            found = _TAG_NAME.match(part)
            if found:
                closing, name = found[1] == "/", found[2].lower()
                if name in _SKIP:
                    if closing and skipping and skipping[-1] == name:
                        skipping.pop()
                    elif not closing and not part.rstrip().endswith("/>"):
                        skipping.append(name)
                if name in _BLOCK:
                    quotes_open = False
            continue
        if skipping:
            continue
        if THAI_LETTER.search(part):
            part, quotes_open = wrap_text(html_module.unescape(part), segment, quotes_open, breaker)
        parts[index] = "".join(_join_hyphens(text) if i % 2 == 0 else text for i, text in enumerate(_TAG.split(part)))
    return "".join(parts)
