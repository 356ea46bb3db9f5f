"""Stage 1, load: a file's bytes → text → a tree of positioned YAML nodes.

``load_source`` never raises for bad input: problems come back as diagnostics, and the tree is
``None`` when the file could not be read at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier.boundary import Refused, check_inside, read_regular
from dossier.catalogue import kind
from dossier.errors import NOWHERE, Diagnostic, DossierError, Pos
from dossier.limits import DEFAULT_LIMITS, Limits
from dossier.load import thaitext
from dossier.load.decode import decode
from dossier.load.yamltree import Entry, Mapping, Node, Scalar, Sequence, parse

__all__ = ["Source", "load_source", "load_text", "to_plain", "locate", "Entry", "Mapping", "Node", "Scalar", "Sequence"]


def to_plain(node: Node | None) -> Any:
    """A positioned tree as plain Python: text stays text (numbers are parsed by their user)."""
    if node is None:
        return None
    if isinstance(node, Scalar):
        return None if node.is_null else node.text
    if isinstance(node, Sequence):
        return [to_plain(item) for item in node.items]
    return {key: to_plain(entry.value) for key, entry in node.entries.items()}


def locate(root: Mapping | None, path: str) -> Pos:
    """The position of a dotted path (``sections.model``, ``indicators[2].result``), or of the
    deepest part of it that exists (where the missing piece should be added)."""
    if root is None:
        return NOWHERE
    node: Node = root
    pos = root.pos
    for part in path.replace("]", "").replace("[", ".").split("."):
        if isinstance(node, Mapping) and part in node.entries:
            entry = node.entries[part]
            pos, node = entry.key_pos, entry.value
        elif isinstance(node, Sequence) and part.isdigit() and 0 < int(part) <= len(node.items):
            node = node.items[int(part) - 1]
            pos = node.pos
        else:
            break
    return pos


@dataclass
class Source:
    """A loaded file: its display name, text, tree (a mapping, or None) and load problems."""

    file: str
    path: Path | None
    text: str = ""
    root: Mapping | None = None
    encoding: str = "utf-8"
    diagnostics: list[Diagnostic] = field(default_factory=list)


def load_text(text: str, file: str, path: Path | None = None, limits: Limits = DEFAULT_LIMITS) -> Source:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    source = Source(file, path, text, diagnostics=thaitext.find(text, file))
    try:
        parsed = parse(text, file, limits)
    except DossierError as exc:
        source.diagnostics.extend(exc.diagnostics)
        return source
    source.diagnostics.extend(parsed.diagnostics)
    root = parsed.root
    if root is None or (isinstance(root, Scalar) and root.is_null):
        source.diagnostics.append(Diagnostic(file, Pos(1, 1), "empty-file"))
    elif not isinstance(root, Mapping):
        got = "list" if isinstance(root, Sequence) else "text"

        source.diagnostics.append(
            Diagnostic(file, root.pos, "not-a-mapping", args={"got_th": kind(got, "th"), "got_en": kind(got, "en")})
        )
    else:
        source.root = root
    return source


def load_source(path: Path, file: str | None = None, limits: Limits = DEFAULT_LIMITS,
                root: Path | None = None) -> Source:
    """Read and parse one file. ``file`` is the name shown in diagnostics (as the user gave it).
    With ``root``, a file that lands outside it (symlinks followed) is refused unread; in every
    case only a regular file within the size limit is read (checked before reading)."""
    name = file if file is not None else str(path)
    try:
        data = read_regular(check_inside(path, root) if root is not None else path, limits.max_file_bytes)
    except Refused as exc:
        if exc.code == "file-not-found":
            return Source(name, path, diagnostics=[Diagnostic(name, NOWHERE, "file-not-found", args={"path": name})])
        return Source(name, path, diagnostics=[exc.diagnostic(name)])
    try:
        decoded = decode(data, name, limits)
    except DossierError as exc:
        return Source(name, path, diagnostics=list(exc.diagnostics))
    source = load_text(decoded.text, name, path, limits)
    source.encoding = decoded.encoding
    source.diagnostics[:0] = decoded.diagnostics
    return source
