"""Bytes to text, deterministically: never a silent wrong guess.

Order: size cap, BOM (UTF-8, UTF-16, UTF-32), strict UTF-8 (refusing NUL bytes, the sign of
UTF-16 without a BOM, and double-encoded Thai), then Windows-874/TIS-620 only when the bytes
decode cleanly and the non-ASCII text is Thai. Anything else is an error on the line of the
first byte that is not UTF-8.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from dossier.errors import NOWHERE, Diagnostic, DossierError, Pos, Severity
from dossier.limits import DEFAULT_LIMITS, Limits

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", None),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
# UTF-8 Thai read as Windows-874 and saved again: "ก" (E0 B8 81) shows as "เธ" + a letter.
_MOJIBAKE = re.compile(r"[เแ][ธน][\u0e01-\u0e1f\u0080-\u00a0]")
# A Thai above/below vowel or tone mark must sit on a Thai letter: "café" read as TIS-620 would not.
_STRAY_MARK = re.compile(r"(?<![\u0e01-\u0e3a\u0e47-\u0e4e])[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class Decoded:
    text: str
    encoding: str
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _pos_of_offset(data: bytes, offset: int) -> Pos:
    before = data[:offset]
    line = before.count(b"\n") + 1
    column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
    return Pos(line, column)


def _pos_in_text(text: str, index: int) -> Pos:
    line = text.count("\n", 0, index) + 1
    return Pos(line, index - (text.rfind("\n", 0, index) + 1) + 1)


def _fail(file: str, pos: Pos, code: str, **args: object) -> DossierError:
    return DossierError([Diagnostic(file, pos, code, args=dict(args))])


def _thai_share(text: str) -> float:
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return 0.0
    return sum(1 for c in non_ascii if "\u0e00" <= c <= "\u0e7f") / len(non_ascii)


def decode(data: bytes, file: str, limits: Limits = DEFAULT_LIMITS) -> Decoded:
    """Decode a project file's bytes, or raise :class:`DossierError` with a located reason."""
    if len(data) > limits.max_file_bytes:
        raise _fail(file, NOWHERE, "file-too-large", size=len(data), limit=limits.max_file_bytes)
    notes: list[Diagnostic] = []
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise _fail(file, _pos_of_offset(data, exc.start), "encoding-not-utf8") from None
            if label:
                notes.append(Diagnostic(file, Pos(1, 1), "encoding-converted", Severity.WARNING, {"encoding": label}))
            return _checked(text, codec, file, notes)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
        try:
            text = data.decode("cp874")
        except UnicodeDecodeError:
            raise _fail(file, _pos_of_offset(data, first_bad), "encoding-not-utf8") from None
        if _thai_share(text) < 0.9 or _CONTROL.search(text) or _STRAY_MARK.search(text):
            raise _fail(file, _pos_of_offset(data, first_bad), "encoding-not-utf8") from None
        notes.append(
            Diagnostic(file, _pos_of_offset(data, first_bad), "encoding-converted", Severity.WARNING,
                       {"encoding": "TIS-620 (Windows-874)"})
        )
        return _checked(text, "cp874", file, notes)
    return _checked(text, "utf-8", file, notes)


def _checked(text: str, encoding: str, file: str, notes: list[Diagnostic]) -> Decoded:
    if (m := _CONTROL.search(text)) is not None:
        # NUL bytes in "valid UTF-8" mean UTF-16 without a BOM; other controls mean binary data.
        raise _fail(file, _pos_in_text(text, m.start()), "encoding-not-utf8")
    found = _MOJIBAKE.findall(text)
    if len(found) >= 3:
        m = _MOJIBAKE.search(text)
        assert m is not None
        sample = text[m.start() : m.start() + 12].split("\n")[0]
        raise _fail(file, _pos_in_text(text, m.start()), "encoding-mojibake", sample=sample)
    return Decoded(text, encoding, notes)
