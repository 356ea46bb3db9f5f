"""Content policy of a project, checked before anything is rendered: what a project file may
make the tool read or show. Photos must be real, bounded images inside the repository; Markdown
may not carry raw HTML, remote or outside images, links other than http(s)/mailto, or tables
too long to lay out. Every finding is located on the line where it was written.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import Iterator

from dossier.errors import Diagnostic, Pos, Severity
from dossier.limits import DEFAULT_LIMITS, Limits
from dossier.load import Source, locate
from dossier.model import Project

_RAW_HTML = re.compile(r"<(/?[A-Za-z][A-Za-z0-9-]*|!--)[^>]*>?")
_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]*)>?[^)]*\)")
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]*)>?[^)]*\)|^\s{0,3}\[[^\]]+\]:\s*(\S+)", re.M)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$", re.M)
_IMAGE_TYPES = {b"\x89PNG": "png", b"\xff\xd8\xff": "jpeg", b"GIF8": "gif"}
MAX_IMAGE_PIXELS = 40_000_000  # 40 megapixels: far above any camera photo a dossier needs


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


def markdown_checks(source: Source, project: Project, limits: Limits) -> Iterator[Diagnostic]:
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
        for m in list(_LINK.finditer(text)) + list(_AUTOLINK.finditer(text)):
            url = m[1] or m[2] or ""
            scheme = _SCHEME.match(url)
            if scheme and scheme[1].lower() not in ("http", "https", "mailto"):
                yield Diagnostic(file, at(m[0]), "link-scheme", Severity.WARNING, {"url": url[:80]})
        rows = len(_TABLE_ROW.findall(text))
        if rows > limits.max_table_rows:
            yield Diagnostic(file, locate(source.root, path), "table-too-long", Severity.ERROR,
                             {"field": path, "rows": rows, "limit": limits.max_table_rows})


def image_size(data: bytes) -> tuple[str, int, int] | None:
    """(kind, width, height) from a PNG, GIF or JPEG header, without decoding the image."""
    kind = next((k for magic, k in _IMAGE_TYPES.items() if data.startswith(magic)), None)
    if kind == "png" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return kind, width, height
    if kind == "gif" and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return kind, width, height
    if kind == "jpeg":
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                i += 1
                continue
            marker = data[i + 1]
            length = struct.unpack(">H", data[i + 2:i + 4])[0]
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                height, width = struct.unpack(">HH", data[i + 5:i + 9])
                return kind, width, height
            i += 2 + length
    return None


def photo_checks(source: Source, project: Project, root: Path) -> Iterator[Diagnostic]:
    base = source.path.parent if source.path else root
    for index, photo in enumerate(project.photos or [], start=1):
        pos = locate(source.root, f"photos[{index}].file")
        args = {"path": photo.file}
        candidate = base / photo.file
        try:
            real = candidate.resolve(strict=True)
        except (OSError, RuntimeError):
            yield Diagnostic(source.file, pos, "image-missing", Severity.ERROR, args)
            continue
        if not real.is_relative_to(root.resolve()):
            yield Diagnostic(source.file, pos, "image-outside", Severity.ERROR, {"url": photo.file})
            continue
        if not real.is_file():  # a folder, a FIFO, a device: never opened
            yield Diagnostic(source.file, pos, "not-regular-file", Severity.ERROR, args)
            continue
        if real.stat().st_size > DEFAULT_LIMITS.max_resource_bytes:
            yield Diagnostic(source.file, pos, "file-too-large", Severity.ERROR,
                             {**args, "size": real.stat().st_size, "limit": DEFAULT_LIMITS.max_resource_bytes})
            continue
        with open(real, "rb") as handle:
            header = handle.read(65536)
        size = image_size(header)
        if size is None:
            yield Diagnostic(source.file, pos, "image-not-image", Severity.ERROR, args)
        elif size[1] * size[2] > MAX_IMAGE_PIXELS:
            yield Diagnostic(source.file, pos, "image-too-large", Severity.ERROR,
                             {**args, "width": size[1], "height": size[2], "limit": MAX_IMAGE_PIXELS // 1_000_000})
