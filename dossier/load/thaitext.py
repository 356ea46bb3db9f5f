"""Thai typing errors that look right on screen but break search, sorting and the PDF's text:
``ํ`` + ``า`` typed for ``ำ``, ``เ`` + ``เ`` for ``แ``, a tone mark typed before its vowel,
doubled marks, and invisible characters. Found with their exact position, and fixed on request.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dossier.errors import Diagnostic, Pos, Severity
from dossier.files import atomic_write
from dossier.load.decode import decode

_TONE = "\u0e48-\u0e4b"
_VOWEL_MARK = "\u0e31\u0e34-\u0e3a"  # above and below vowels that a tone mark must follow
_MARK = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"


@dataclass(frozen=True)
class Fix:
    name: str
    pattern: re.Pattern[str]
    replace: Callable[[re.Match[str]], str]


FIXES = (
    Fix("sara-am", re.compile(rf"\u0e4d([{_TONE}]?)\u0e32"), lambda m: m[1] + "\u0e33"),
    Fix("sara-ae", re.compile("\u0e40\u0e40"), lambda m: "\u0e41"),
    Fix("tone-order", re.compile(rf"([{_TONE}])([{_VOWEL_MARK}])"), lambda m: m[2] + m[1]),
    Fix("doubled-mark", re.compile(rf"([{_MARK}])\1+"), lambda m: m[1]),
    Fix("invisible", re.compile("[\ufeff\u2060\u200e\u200f]"), lambda m: ""),
)
_THAI_RUN = re.compile(r"[\u0e01-\u0e5b]{0,12}")


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    """The word around a match (Thai letters on both sides), as typed."""
    left = start
    while left > 0 and start - left < 12 and "\u0e01" <= text[left - 1] <= "\u0e5b":
        left -= 1
    right = end
    while right < len(text) and right - end < 12 and "\u0e01" <= text[right] <= "\u0e5b":
        right += 1
    return text[left:start], text[end:right]


def find(text: str, file: str) -> list[Diagnostic]:
    """Every typing error in ``text``, located, with the corrected word in the message."""
    found: list[Diagnostic] = []
    line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    for fix in FIXES:
        for m in fix.pattern.finditer(text):
            before, after = _context(text, m.start(), m.end())
            line = _line_of(line_starts, m.start())
            pos = Pos(line, m.start() - line_starts[line - 1] + 1)
            typed = before + m[0] + after
            corrected = before + fix.replace(m) + after
            found.append(Diagnostic(file, pos, "thai-typing", Severity.WARNING, {
                "kind": fix.name, "typed": typed, "fixed": corrected,
                "typed_codes": " ".join(f"U+{ord(c):04X}" for c in m[0])}))
    return sorted(found, key=Diagnostic.sort_key)


def _line_of(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo + 1


def fix(text: str) -> tuple[str, int]:
    """``text`` with every typing error corrected, and how many corrections were made."""
    total = 0
    for _ in range(3):  # a fix can expose another (a doubled tone mark typed before its vowel)
        changed = 0
        for f in FIXES:
            text, n = f.pattern.subn(f.replace, text)
            changed += n
        total += changed
        if not changed:
            break
    return text, total


def fix_file(path: Path) -> tuple[int, str]:
    """Correct the typing errors of one file in place (atomically), saving it as UTF-8.

    Returns (corrections, original encoding). The file is rewritten only when something changes:
    a correction, or an encoding other than UTF-8. Raises :class:`DossierError` if it cannot be
    decoded at all.
    """
    data = path.read_bytes()
    decoded = decode(data, str(path))
    text, count = fix(decoded.text)
    if count or decoded.encoding != "utf-8" or data.startswith(b"\xef\xbb\xbf"):
        atomic_write(path, text.encode("utf-8"))
    return count, decoded.encoding
