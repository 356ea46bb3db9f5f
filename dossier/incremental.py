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
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable

from dossier import __version__
from dossier.files import atomic_write

MANIFEST = ".dossier-manifest.json"
FORMAT = 2
PINNED_ENGINE = "weasyprint==70.0"


def _digest_files(h: "hashlib._Hash", files: Iterable[Path], root: Path | None = None) -> None:
    for path in sorted(files):
        name = str(path.relative_to(root)) if root and path.is_relative_to(root) else path.name
        h.update(name.encode() + b"\0")
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"<missing>")
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
    from dossier.paths import builtin_templates_dir, environment_files

    return environment_key(environment_files(root, edition),
                           {"variant": variant, "templates": str(builtin_templates_dir())})


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


@dataclass
class Manifest:
    path: Path
    entries: dict[str, Entry] = field(default_factory=dict)
    quick: dict[str, Any] | None = None  # what dossier.uptodate needs to tell a build has nothing to do

    @classmethod
    def load(cls, out_dir: Path) -> "Manifest":
        path = out_dir / MANIFEST
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                return cls(path)
            quick = data.get("quick")
            return cls(path, {k: Entry(**v) for k, v in data.get("entries", {}).items()},
                       quick if isinstance(quick, dict) else None)
        except (OSError, ValueError, TypeError):
            return cls(path)  # no manifest, or a damaged one: rebuild everything

    def fresh(self, name: str, key: str) -> Entry | None:
        """The entry for ``name`` when its key matches and its output is still there, intact."""
        entry = self.entries.get(name)
        if entry is None or entry.key != key:
            return None
        output = self.path.parent / entry.output
        try:
            return entry if output.stat().st_size == entry.size else None
        except OSError:
            return None

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
