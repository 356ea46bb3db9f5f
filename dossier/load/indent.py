"""What indentation a line of a project file needs, read from the lines above it: for the
messages of YAML syntax errors, which libyaml words in terms of its parser ("could not find
expected ':'") where the user's mistake is an indentation (text under ``background: |``
indented like the key, a tab where 4 spaces belong)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# a key line: indentation, list dashes, an English key, ':' and the rest (value and comment)
_KEY = re.compile(r"^(?P<indent> *)(?P<dashes>(?:- +)*)(?P<key>[A-Za-z_][A-Za-z0-9_-]*) *:(?:[ \t]+(?P<rest>.*))?$")
_BLOCK = re.compile(r"^[|>][-+0-9]*\s*(#.*)?$")  # `|`, `>-`, `|2` … with an optional comment


@dataclass(frozen=True)
class KeyLine:
    key: str
    content: int  # the key's column, 0-based (after any list dashes)
    block: bool  # its value is a block of text (`key: |`) below it
    opens: bool  # its value is below it (`key:` alone): a block, a mapping or a list


def key_line(line: str) -> KeyLine | None:
    found = _KEY.match(line.rstrip())
    if found is None:
        return None
    rest = (found["rest"] or "").strip()
    block = bool(_BLOCK.match(rest))
    return KeyLine(found["key"], len(found["indent"]) + len(found["dashes"]), block, block or not rest or rest.startswith("#"))


def _meaningful(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


@dataclass(frozen=True)
class ShallowText:
    """Text under ``key: |`` that is not indented more than the key: YAML reads it as a key."""

    key: str
    key_indent: int
    line: int  # 0-based: the first line of the text
    indent: int  # its indentation


def shallow_block_text(lines: list[str], at: int) -> ShallowText | None:
    """The block of text the error at line ``at`` (0-based) fell in, when that text is not
    indented more than its ``key: |`` line; None when the error is something else."""
    for index in range(min(at, len(lines) - 1), -1, -1):
        line = lines[index]
        if not _meaningful(line) or "\t" in line[: _indent(line) + 1]:
            continue
        found = key_line(line)
        if found is None:
            continue  # a line of text: its key is further up
        if not found.block or index == at:
            return None
        first = next((i for i in range(index + 1, at + 1) if _meaningful(lines[i])), None)
        if first is None or _indent(lines[first]) > found.content:
            return None
        return ShallowText(found.key, found.content, first, _indent(lines[first]))
    return None


def needed_indent(lines: list[str], at: int) -> tuple[int, str | None]:
    """The spaces the line ``at`` (0-based) needs, from the nearest meaningful line above it:
    2 more than a key whose value is below it (4 for a section's text), else the same as that
    line; and the key it belongs under, when it is one."""
    for index in range(min(at, len(lines)) - 1, -1, -1):
        line = lines[index]
        if not _meaningful(line) or line[:1] == "\t":
            continue
        found = key_line(line)
        if found is not None and found.opens:
            return found.content + 2, found.key
        if found is not None:
            return found.content, None
        return _indent(line), None  # a line of text: the text goes on at its indentation
    return 0, None
