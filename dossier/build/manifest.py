"""Incremental builds: a content-hash manifest in the output folder.

A document is rebuilt only when something it depends on changed: its project file, its photos,
the rules, the templates, ``dossier.yaml``, the fonts, the build options, or the tool's version
(and WeasyPrint's). The manifest is replaced atomically after every finished document, so a
killed build keeps what it finished.
"""

from __future__ import annotations

import hashlib
import json
import platform
import stat
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from dossier import WEASYPRINT_VERSION, __version__
from dossier.boundary import Refused, read_regular, usable
from dossier.files import atomic_write
from dossier.limits import DEFAULT_LIMITS
from dossier.paths import builtin_templates_dir, environment_files
from dossier.thaidict import key

MANIFEST = ".dossier-manifest.json"
FORMAT = 2
PINNED_ENGINE = f"weasyprint=={WEASYPRINT_VERSION}"


def _digest_files(h: hashlib._Hash, files: Iterable[Path], root: Path | None = None) -> None:
    """Each file's name and bytes; only a regular file within the resource limit is read (a
    FIFO, a device or a huge file is named by why it was not: never opened, never read whole).
    Whether a file may be read at all (inside the repository) is decided by the callers."""
    for path in sorted(files):
        name = str(path.relative_to(root)) if root and path.is_relative_to(root) else path.name
        h.update(name.encode() + b"\0")
        try:
            h.update(read_regular(path, DEFAULT_LIMITS.max_resource_bytes))
        except Refused as exc:
            h.update(f"<{exc.code}>".encode())
        h.update(b"\0")


def environment_key(files: Iterable[Path], options: dict[str, object]) -> str:
    """What every document depends on: templates, fonts, rules, dossier.yaml, options, versions."""
    h = hashlib.sha256()
    h.update(f"dossier {__version__} {PINNED_ENGINE} format {FORMAT} {platform.python_version()}\0".encode())
    h.update(json.dumps(options, sort_keys=True, default=str).encode() + b"\0")
    _digest_files(h, files)
    return h.hexdigest()


def environment_for(root: Path, edition: int | None, variant: str) -> str:
    """The environment key of a build of the repository at ``root`` with these options.

    ``--draft`` is not part of it: it only decides whether a project with errors is rendered
    (as ``<name>.draft.pdf``, a document of its own), so a valid project's dossier and the book
    of valid projects are the same document with or without it, made once."""
    return environment_key(environment_files(root, edition),
                           {"variant": variant, "templates": str(builtin_templates_dir()),
                            "thai-words": key(root)})  # a new name in any project moves line breaks


def document_key(environment: str, sources: Iterable[Path]) -> str:
    """One document's key: the environment plus its own files (the project file and its photos)."""
    h = hashlib.sha256(environment.encode())
    _digest_files(h, sources)
    return h.hexdigest()


@dataclass
class Entry:
    key: str
    output: str
    pages: int = 0
    size: int = 0
    seconds: float = 0.0
    sources: list[str] = field(default_factory=list)  # the files the key was made of
    extra: dict[str, Any] = field(default_factory=dict)  # what a later book needs of the document


def _own_name(output: object) -> bool:
    """A name the build gives its PDFs: one file of the output folder (a hand-made manifest
    could name ``../../elsewhere``), not one of the tool's hidden files."""
    return (isinstance(output, str) and output.endswith(".pdf") and not output.startswith(".")
            and "/" not in output and "\\" not in output and "\0" not in output)


def recorded_sources(entry: Entry | None, root: Path) -> list[Path]:
    """The files besides the project that a manifest entry recorded (its photos), keeping only
    those the build may read: inside the repository, regular files within the resource limit. A
    manifest is data in the output folder, maybe committed by anyone: what it names is never
    trusted to be read (an ignored source changes the key, so the project is checked again)."""
    recorded = entry.sources[1:] if entry is not None and isinstance(entry.sources, list) else []
    return [Path(s) for s in recorded
            if isinstance(s, str) and usable(Path(s), root, DEFAULT_LIMITS.max_resource_bytes)]


@dataclass
class Manifest:
    path: Path
    entries: dict[str, Entry] = field(default_factory=dict)
    quick: dict[str, Any] | None = None  # what dossier.build.uptodate needs to tell a build has nothing to do

    @classmethod
    def load(cls, out_dir: Path) -> Manifest:
        path = out_dir / MANIFEST
        try:
            if path.is_symlink():  # the build writes a regular file: a link was put there
                return cls(path)
            data = json.loads(read_regular(path, DEFAULT_LIMITS.max_manifest_bytes).decode("utf-8"))
            if data.get("format") != FORMAT:
                return cls(path)
            quick = data.get("quick")
            return cls(path, {k: Entry(**v) for k, v in data.get("entries", {}).items()},
                       quick if isinstance(quick, dict) else None)
        except (OSError, ValueError, TypeError, AttributeError, Refused):
            return cls(path)  # no manifest, or a damaged one: rebuild everything

    def fresh(self, name: str, key: str) -> Entry | None:
        """The entry for ``name`` when its key matches and its output is still there, intact."""
        entry = self.entries.get(name)
        if entry is None or entry.key != key or not _own_name(entry.output):
            return None
        output = self.path.parent / entry.output
        try:
            info = output.lstat()  # the build's own regular file, not a link put in its place
        except (OSError, ValueError):
            return None
        return entry if stat.S_ISREG(info.st_mode) and info.st_size == entry.size else None

    def record(self, name: str, entry: Entry) -> None:
        self.entries[name] = entry
        self.save()

    def forget(self, name: str) -> None:
        if self.entries.pop(name, None) is not None:
            self.save()

    def save(self) -> None:
        data: dict[str, Any] = {"format": FORMAT, "entries": {k: asdict(v) for k, v in sorted(self.entries.items())}}
        if self.quick is not None:
            data["quick"] = self.quick
        atomic_write(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
