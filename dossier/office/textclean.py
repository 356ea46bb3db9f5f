"""Text from Word files made clean: what old Thai fonts and Word's layout leave behind must not
leak into a project file.

* Private-use characters of the TIS-620-era Thai fonts (U+F700–U+F71A: positioned tone marks
  and vowels, ฐ and ญ without their tails) become the Thai characters they stand for; other
  private-use characters are dropped.
* Zero-width characters (U+200B…U+200D, U+2060, U+FEFF) and soft hyphens are dropped; no-break
  and other fixed-width spaces become plain spaces.
* "Distributed" Thai typed as letters separated by spaces (``ค ว า ม เ ป็ น ม า``) is joined.
* Thai typing errors (doubled vowels, a sara am typed in two parts) are corrected as
  ``dossier validate --fix`` does.
"""

from __future__ import annotations

import re
import unicodedata

from dossier.load.thaitext import fix

PUA_THAI = {
    0xF700: "\u0e10", 0xF701: "\u0e34", 0xF702: "\u0e35", 0xF703: "\u0e36", 0xF704: "\u0e37",
    0xF705: "\u0e48", 0xF706: "\u0e49", 0xF707: "\u0e4a", 0xF708: "\u0e4b", 0xF709: "\u0e4c",
    0xF70A: "\u0e48", 0xF70B: "\u0e49", 0xF70C: "\u0e4a", 0xF70D: "\u0e4b", 0xF70E: "\u0e4c",
    0xF70F: "\u0e0d", 0xF710: "\u0e31", 0xF711: "\u0e4d", 0xF712: "\u0e47", 0xF713: "\u0e48",
    0xF714: "\u0e49", 0xF715: "\u0e4a", 0xF716: "\u0e4b", 0xF717: "\u0e4c", 0xF718: "\u0e38",
    0xF719: "\u0e39", 0xF71A: "\u0e3a",
}
_DROP = {0x200B: None, 0x200C: None, 0x200D: None, 0x2060: None, 0xFEFF: None, 0x00AD: None}
_SPACES = {c: " " for c in (0x00A0, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A,
                            0x202F, 0x205F, 0x3000)}
_TABLE = {**PUA_THAI, **_DROP, **_SPACES}
_PRIVATE = re.compile("[\ue000-\uf8ff]")
_CLUSTER = "[\u0e01-\u0e2e\u0e30\u0e32\u0e33\u0e40-\u0e46][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*"
_DISTRIBUTED = re.compile(f"(?<![\u0e00-\u0e7f])(?:{_CLUSTER} ){{3,}}{_CLUSTER}(?![\u0e00-\u0e7f])")


def clean(text: str) -> tuple[str, int]:
    """``text`` cleaned, and how many odd characters were replaced or removed."""
    translated = text.translate(_TABLE)
    changed = sum(1 for c in text if ord(c) in _TABLE)
    translated, dropped = _PRIVATE.subn("", translated)
    joined = _DISTRIBUTED.sub(lambda m: m.group().replace(" ", ""), translated)
    changed += dropped + (len(translated) - len(joined))
    fixed, fixes = fix(unicodedata.normalize("NFC", joined))
    return fixed, changed + fixes
