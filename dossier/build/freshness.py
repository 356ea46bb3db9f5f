"""What is up to date, decided in one place: a dossier is fresh when the manifest's entry for its
output has the key of its project file and the photos that entry recorded, and the output is
still there, intact; the book is fresh when its key, made from ``dossier.yaml`` and every
project's sources, is the one recorded. The build's plan (``dossier.build.plan``) and the no-op
shortcut (``dossier.build.uptodate``) both ask these functions, so they cannot disagree."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from dossier.build.manifest import Entry, Manifest, document_key, recorded_sources
from dossier.outputs import dossier_name


def dossier_sources(manifest: Manifest, path: Path, root: Path) -> tuple[Path, ...]:
    """A project's sources as its last build recorded them: its file and the photos it showed
    (only those the build may read)."""
    return (path, *recorded_sources(manifest.entries.get(dossier_name(path.stem, False)), root))


def fresh_dossier(manifest: Manifest, env: str, path: Path, root: Path) -> tuple[Entry | None, tuple[Path, ...]]:
    """The manifest's entry for the final dossier of the project file ``path`` when it is up to
    date (else None), and the sources its key was made of."""
    sources = dossier_sources(manifest, path, root)
    return manifest.fresh(dossier_name(path.stem, False), document_key(env, sources)), sources


def book_key(env: str, sources: Iterable[Path]) -> str:
    """The book's key: ``dossier.yaml`` and every project's sources, in the build's order."""
    return document_key(env + "book", sources)
