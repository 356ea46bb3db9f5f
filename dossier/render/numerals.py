"""One numeral rule for everything a dossier prints (``numerals:`` in ``dossier.yaml``).

:func:`localize` is applied to every value a template prints (Jinja ``finalize``) and to every
text node of rendered Markdown (:class:`NumeralsExtension`), so titles, tables, dates, list
numbers and the narrative all use the same digits. Page numbers and counters follow through the
CSS counter style (``thai`` or ``decimal``) and the page labels the build computes.

Kept as written, never converted (they must stay machine-readable or are Latin names):

* URLs (``https://…``, ``www.…``) and e-mail addresses;
* Numbers next to a Latin word: a number directly before or after a word in Latin letters,
  glued to it or one space apart, keeps Arabic digits (``PM2.5`` and ``PM 2.5``, ``ISO 9001``,
  ``COVID-19``, ``5G``, ``120 km``); so does a chain of them (``Windows 10 Pro``). A number
  within Thai text follows the setting, even glued to it (``โควิด-19`` → ``โควิด-๑๙``, ``ปี 2563``
  → ``ปี ๒๕๖๓``).
* Markdown's internal placeholders (``\\x02…\\x03``), and text inside ``code``/``pre``.

With ``numerals: arabic`` every Thai digit becomes Arabic (there is nothing to keep).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from dossier import thai

__all__ = ["KEEP", "localize", "NumeralsExtension"]

#: Spans that keep their digits (URLs, e-mails, Latin words with their numbers, Markdown placeholders):
#: a run of Latin words and numbers, glued or one space apart, holding a letter and a digit.
KEEP = re.compile(
    r"""\x02[^\x03]*\x03
      | (?:\b(?:https?|ftp|file|mailto):|\bwww\.)[^\s<>"')\]]+
      | [A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+
      | (?P<run>(?<![A-Za-z0-9])[A-Za-z0-9]+(?:(?:[._,:/-]|[ \u00a0](?=[A-Za-z0-9]))[A-Za-z0-9]+)*)
    """,
    re.VERBOSE,
)


_LETTER = re.compile("[A-Za-z]")
_NUMBER = re.compile("[0-9]")


def localize(text: str, numerals: str) -> str:
    """``text`` with its digits in the province's numerals, except in the spans of :data:`KEEP`."""
    if numerals != "thai":
        return thai.to_arabic_digits(text)
    if not any("0" <= c <= "9" for c in text):
        return text
    out: list[str] = []
    last = 0
    for match in KEEP.finditer(text):
        run = match["run"]
        if run is not None and not (_LETTER.search(run) and _NUMBER.search(run)):
            continue  # numbers among Thai words: converted with the text around them
        out.append(thai.to_thai_digits(text[last:match.start()]))
        out.append(match.group())
        last = match.end()
    out.append(thai.to_thai_digits(text[last:]))
    return "".join(out)


_SKIP = {"code", "pre", "kbd", "samp"}


class _Numerals(Treeprocessor):
    def __init__(self, md: Markdown, numerals: str) -> None:
        super().__init__(md)
        self.numerals = numerals

    def run(self, root: etree.Element) -> None:
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.tag not in _SKIP:
            if element.text:
                element.text = localize(element.text, self.numerals)
            for child in element:
                self._walk(child)
        for child in element:  # a child's tail belongs to this element's text
            if child.tail:
                child.tail = localize(child.tail, self.numerals)


class NumeralsExtension(Extension):
    """Markdown extension: digits of every text node (never attributes: URLs stay intact)."""

    def __init__(self, numerals: str, **kwargs: Any) -> None:
        self.numerals = numerals
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API
        # After 'inline' (20) has made the inline elements; placeholders are kept by KEEP.
        md.treeprocessors.register(_Numerals(md, self.numerals), "dossier-numerals", 1)
