"""Where in the project file a problem found by the render was written (pure, no WeasyPrint).

The engine reports an image it could not load, or a resource its sandbox refused, by absolute
URL, and text cut at the page's edge by the text itself. The project file is searched for what
the author typed: the path relative to the project's folder (as written, or percent-encoded),
then the file's name; for text, its first characters (with Arabic digits too, as the province's
numerals may have turned them Thai). Not found: the problem has no line (``NOWHERE``, shown as the file alone)
rather than a wrong one.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit
from urllib.request import url2pathname

from dossier import thai
from dossier.errors import NOWHERE, Diagnostic, Pos


def find(text: str, needles: Iterable[str]) -> Pos:
    """The first line of ``text`` holding one of ``needles`` (tried in order), else ``NOWHERE``."""
    lines = text.split("\n")
    for needle in needles:
        if not needle.strip():
            continue
        for number, line in enumerate(lines, start=1):
            column = line.find(needle)
            if column >= 0:
                return Pos(number, column + 1)
    return NOWHERE


def url_needles(url: str, base: Path) -> list[str]:
    """What the author may have typed for ``url`` (a ``file:`` URL under ``base``)."""
    parts = urlsplit(url)
    if parts.scheme != "file":
        return [url]
    path = url2pathname(unquote(parts.path))
    try:
        relative = Path(os.path.relpath(path, base)).as_posix()
    except ValueError:
        relative = Path(path).name
    return [relative, quote(relative), Path(path).name]


def text_needles(snippet: str) -> list[str]:
    head = snippet.strip()[:30]
    return [head, thai.to_arabic_digits(head), head[:12], thai.to_arabic_digits(head[:12])]


def located(diagnostics: list[Diagnostic], source_text: str, base: Path) -> list[Diagnostic]:
    """``diagnostics`` of the render with a position found in the project file where possible."""
    result = []
    for d in diagnostics:
        if d.pos == NOWHERE and "url" in d.args:
            d = dataclasses.replace(d, pos=find(source_text, url_needles(str(d.args["url"]), base)))
        elif d.pos == NOWHERE and d.code == "text-overflow":
            d = dataclasses.replace(d, pos=find(source_text, text_needles(str(d.args["text"]))))
        result.append(d)
    return result
