"""Nesting depth of Markdown blocks (blockquotes, lists), counted per line without parsing.

The renderer recurses once per nested block (Python-Markdown, then WeasyPrint's layout): 150
nested blockquotes or list levels end in a RecursionError. A line's depth counts each ``>``, each
list marker and, before a marker, each 4 columns of indentation (Python-Markdown's list
indentation), which bounds the depth Markdown can give that line. Validation reports a line over
the limit (``dossier.validate.content``); rendering flattens such lines (``clip``), so a draft of
the project still renders. Pure: imported by validation and rendering alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_MARKER = re.compile(r"[ \t]*(>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))")


def _columns(space: str) -> int:
    width = 0
    for char in space:
        width = width + 4 - width % 4 if char == "\t" else width + 1
    return width


def prefix(line: str) -> tuple[int, int]:
    """(depth, length of the nesting prefix) of one line of Markdown."""
    depth = end = 0
    while m := _MARKER.match(line, end):
        depth += 1 + _columns(line[end:m.start(1)]) // 4
        end = m.end()
    return depth, end


def too_deep(text: str, limit: int) -> Iterator[tuple[int, int]]:
    """(line index, depth) of each line of ``text`` nested deeper than ``limit``."""
    for index, line in enumerate(text.split("\n")):
        if len(line) <= limit:
            continue  # each level takes at least one character
        depth, _end = prefix(line)
        if depth > limit:
            yield index, depth


def clip(text: str, limit: int) -> str:
    """``text`` with every line deeper than ``limit`` stripped of its nesting prefix."""
    deep = dict(too_deep(text, limit))
    if not deep:
        return text
    lines = text.split("\n")
    for index in deep:
        lines[index] = lines[index][prefix(lines[index])[1]:].lstrip()
    return "\n".join(lines)
