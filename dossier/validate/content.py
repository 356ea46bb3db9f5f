"""Content policy of a project, checked before anything is rendered: what a project file may
make the tool read or show. Photos must be real, bounded images inside the repository; Markdown
may not carry raw HTML, remote or outside images, links other than http(s)/mailto, or tables
too long to lay out. Every finding is located on the line where it was written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from dossier.boundary import Refused, check_regular
from dossier.errors import Diagnostic, Pos, Severity
from dossier.limits import Limits
from dossier.load import Mapping, Node, Scalar, Source, locate
from dossier.mdnesting import too_deep
from dossier.model import Project
from dossier.validate.images import inspect_image

_RAW_HTML = re.compile(r"<(/?[A-Za-z][A-Za-z0-9-]*|!--)[^>]*>?")
_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]*)>?[^)]*\)")
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]*)>?[^)]*\)|^\s{0,3}\[[^\]]+\]:\s*(\S+)", re.M)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$", re.M)


def find_in_source(text: str, start_line: int, snippet: str) -> Pos:
    """Where ``snippet`` was written, searching from ``start_line`` (block scalars start there)."""
    lines = text.split("\n")
    needle = snippet.strip()[:40]
    for number in range(max(start_line, 1), len(lines) + 1):
        column = lines[number - 1].find(needle)
        if column >= 0:
            return Pos(number, column + 1)
    return Pos(start_line, 1)


def _fields(project: Project) -> Iterator[tuple[str, str]]:
    if project.summary:
        yield "summary", project.summary
    for key, text in (project.sections or {}).items():
        yield f"sections.{key}", text


def line_in_field(source: Source, path: str, index: int) -> Pos | None:
    """Where line ``index`` of a literal block scalar (``key: |``) at ``path`` was written: its
    lines follow the indicator's line one for one. None for other styles (folded, quoted)."""
    node: Node | None = source.root
    for part in path.split("."):
        node = node.get(part) if isinstance(node, Mapping) else None
    if not isinstance(node, Scalar) or node.plain or not node.pos.line:
        return None
    lines = source.text.split("\n")
    if not lines[node.pos.line - 1][node.pos.column - 1:].startswith("|"):
        return None
    number = node.pos.line + 1 + index
    if number > len(lines):
        return None
    written = lines[number - 1]
    return Pos(number, len(written) - len(written.lstrip()) + 1)


def markdown_checks(source: Source, project: Project, root: Path, limits: Limits) -> Iterator[Diagnostic]:
    for path, text in _fields(project):
        start = locate(source.root, path).line
        file = source.file

        def at(snippet: str) -> Pos:
            return find_in_source(source.text, start, snippet)

        for m in _RAW_HTML.finditer(text):
            yield Diagnostic(file, at(m[0]), "raw-html", Severity.WARNING, {"tag": m[0][:40], "field": path})
        for m in _IMAGE.finditer(text):
            url = m[1]
            if _SCHEME.match(url):
                yield Diagnostic(file, at(m[0]), "image-remote", Severity.ERROR, {"url": url[:80]})
            elif url.startswith("/") or ".." in Path(url).parts:
                yield Diagnostic(file, at(m[0]), "image-outside", Severity.ERROR, {"url": url[:80]})
            else:  # the file the renderer would show, decoded as a photo is
                base = source.path.parent if source.path else root
                yield from image_checks(source, unquote(url), at(m[0]), base, root, limits)
        for m in list(_LINK.finditer(text)) + list(_AUTOLINK.finditer(text)):
            url = m[1] or m[2] or ""
            scheme = _SCHEME.match(url)
            if scheme and scheme[1].lower() not in ("http", "https", "mailto"):
                yield Diagnostic(file, at(m[0]), "link-scheme", Severity.WARNING, {"url": url[:80]})
        yield from _pasted(source, start, path, text)
        for index, depth in too_deep(text, limits.max_markdown_depth):
            yield Diagnostic(file, line_in_field(source, path, index) or at(text.split("\n")[index]),
                             "markdown-too-deep", Severity.ERROR,
                             {"field": path, "depth": depth, "limit": limits.max_markdown_depth})
            break  # the first line is enough: the others are nested in it
        rows = len(_TABLE_ROW.findall(text))
        if rows > limits.max_table_rows:
            yield Diagnostic(file, locate(source.root, path), "table-too-long", Severity.ERROR,
                             {"field": path, "rows": rows, "limit": limits.max_table_rows})


def _pasted(source: Source, start: int, path: str, text: str) -> Iterator[Diagnostic]:
    """``#`` lines that print otherwise than they look (hashtags, notes as headings), each on
    its own line of the file: searched in order, so a line written twice is found twice."""
    if "#" not in text:
        return
    from dossier.validate.paste import findings  # Python-Markdown: only for text that has a # at all

    found_lines = findings(text)
    lines = source.text.split("\n") if found_lines else []
    after = max(start, 1)
    for found in found_lines:
        pos = Pos(start, 1)
        for number in range(after, len(lines) + 1):
            column = lines[number - 1].find(found.source)
            if column >= 0:
                pos, after = Pos(number, column + 1), number + 1
                break
        args = {"field": path, "shown": found.shown[:80]}
        if found.kind == "hashtag":
            yield Diagnostic(source.file, pos, "markdown-hashtag", Severity.WARNING, args)
        else:
            yield Diagnostic(source.file, pos, "markdown-heading-note", Severity.WARNING, args)


def image_checks(source: Source, name: str, pos: Pos, base: Path, root: Path,
                 limits: Limits) -> Iterator[Diagnostic]:
    """The image file ``name`` (relative to ``base``) that the project shows, written at ``pos``:
    inside the repository, a regular file, and an image Pillow decodes within the limits."""
    args = {"path": name}
    if "\x00" in name or not name.strip():
        yield Diagnostic(source.file, pos, "image-path-invalid", Severity.ERROR, {"path": repr(name)[1:-1]})
        return
    try:
        real = (base / name).resolve(strict=True)
    except (OSError, RuntimeError, ValueError):
        yield Diagnostic(source.file, pos, "image-missing", Severity.ERROR, args)
        return
    if not real.is_relative_to(root.resolve()):
        yield Diagnostic(source.file, pos, "image-outside", Severity.ERROR, {"url": name})
        return
    try:  # a regular file (never a FIFO or a device), its size checked before anything reads it
        check_regular(real, limits.max_resource_bytes)
    except Refused as exc:
        yield Diagnostic(source.file, pos, exc.code, Severity.ERROR, {**args, **exc.details})
        return

    problem = inspect_image(real, limits)
    if problem is not None:
        yield Diagnostic(source.file, pos, problem.code, Severity.ERROR, {**args, **problem.args})


def photo_checks(source: Source, project: Project, root: Path, limits: Limits) -> Iterator[Diagnostic]:
    base = source.path.parent if source.path else root
    for index, photo in enumerate(project.photos or [], start=1):
        if photo.file is None:
            continue  # missing-key, already reported
        yield from image_checks(source, photo.file, locate(source.root, f"photos[{index}].file"), base, root, limits)
