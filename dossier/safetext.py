"""Text that cannot forge output: values and file names shown with visible escapes.

A project file's values, its file name, the rules file's ids and a git author's name all end up
in messages. Shown raw, a newline would start a line of its own (in a CI log, a line such as
``::error file=x::…`` or ``::add-mask::…`` is a GitHub workflow command), an escape sequence would
drive the terminal (``ESC[2J`` clears it) and a bidi control (U+202E) would show the text in an
order other than the one it has. So every such character is shown as a visible escape: ``\\n``,
``\\x1b``, ``\\u202e``.

- :func:`visible` escapes one value; the catalogue applies it to every value substituted into a
  message, and the reports to every file name, rule id and source they show.
- :func:`terminal` is the last step of text printed for people (text reports, progress lines,
  summaries): it escapes what is left line by line and breaks any line that would start a
  workflow command (``::`` or ``##[``, after leading spaces, as GitHub's runner reads them).
- :func:`json_text` makes serialized JSON safe to print on a terminal (same data, only escaped).
"""

from __future__ import annotations

BIDI = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
LINE_SEPARATORS = (0x2028, 0x2029)  # line breaks for Unicode-aware readers (and str.splitlines)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _table() -> dict[int, str]:
    table: dict[int, str] = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0))}
    table.update({ord(c): escaped for c, escaped in _NAMED.items()})
    table.update({c: f"\\u{c:04x}" for c in (*BIDI, *LINE_SEPARATORS)})
    return table


_ESCAPES = _table()
_JSON_ESCAPES = {c: f"\\u{c:04x}" for c in (0x7F, *range(0x80, 0xA0), *BIDI, *LINE_SEPARATORS)}
COMMAND_STARTS = ("::", "##[")  # GitHub Actions workflow commands (and their older form)


def visible(value: object) -> str:
    """``value`` as text with control characters (C0, DEL, C1: terminal escapes), newlines and
    bidi controls shown as escapes (``\\n``, ``\\x1b``, ``\\u202e``); one line, always."""
    return str(value).translate(_ESCAPES)


def no_command(line: str) -> str:
    """``line``, with a backslash before it when it would start a workflow command."""
    stripped = line.lstrip()
    if stripped.startswith(COMMAND_STARTS):
        cut = len(line) - len(stripped)
        return line[:cut] + "\\" + stripped
    return line


def terminal(text: str) -> str:
    """Text of the tool's own (its newlines are kept), made safe to print: every line escaped
    and none starting a workflow command."""
    return "\n".join(no_command(visible(line)) for line in text.split("\n"))


def annotation_lines(text: str) -> str:
    """The tool's own GitHub annotations (one per line, data already %-escaped): every line
    escaped; a line that is not an annotation cannot start a workflow command."""
    lines = []
    for line in text.split("\n"):
        shown = visible(line)
        lines.append(shown if shown.startswith(("::error ", "::warning ", "::notice ")) else no_command(shown))
    return "\n".join(lines)


def json_text(text: str) -> str:
    """Serialized JSON with DEL, C1 controls, bidi controls and line separators written as
    ``\\uXXXX`` (the same data: they can only occur inside strings, where that escape means them)."""
    return text.translate(_JSON_ESCAPES)
