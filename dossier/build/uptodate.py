"""Whether ``dossier build`` has anything to do, told without reading ``dossier.yaml``.

A build where nothing changed costs what Python spends starting and importing; most of that was
loading YAML, the domain model and the rules, only to find every key unchanged. So a build of
every project that ends clean (every dossier and the book made or up to date, nothing skipped,
failed or drafted, no warning about ``dossier.yaml`` to repeat) records in the manifest what it
was made from: the options, the edition and the project files. The next ``dossier build``
recomputes the keys from those files' bytes alone (the environment: templates, fonts, assets,
``dossier.yaml``, the rules file of that edition) and, when every key and output still matches,
reports "nothing to do" without opening the workspace. Any difference (an edited, added or
removed file, other options, a missing output) takes the full path, which validates and
rebuilds as before; this module only ever answers "up to date" or "I don't know".
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from dossier.boundary import usable
from dossier.build.freshness import book_key, fresh_dossier
from dossier.build.manifest import Manifest, environment_for
from dossier.files import TEMP_FOLDER
from dossier.limits import DEFAULT_LIMITS
from dossier.paths import PROVINCE_FILE, find_root, project_files

FORMAT = 1


def record(manifest: Manifest, root: Path, edition: int, options: dict[str, Any], projects: list[Path],
           book: str | None) -> None:
    """Remember a clean build of every project (saved with the manifest's next save)."""
    manifest.quick = {"format": FORMAT, "root": str(root), "edition": edition, "options": options,
                      "projects": [str(p) for p in projects], "book": book}


def up_to_date(start: Path, out: Path | None, options: dict[str, Any]) -> int | None:
    """The number of dossiers when a build of every project with ``options`` has nothing to
    do; None when that cannot be told this way (then the full build decides, and reports
    whatever is wrong: this is only a shortcut)."""
    try:
        return _up_to_date(start, out, options)
    except Exception:  # noqa: BLE001 - no repository, a hand-edited manifest: the full build says
        return None


def _up_to_date(start: Path, out: Path | None, options: dict[str, Any]) -> int | None:
    root = find_root(start)
    manifest = Manifest.load(out if out is not None else root / "build")
    if os.path.lexists(manifest.path.parent / TEMP_FOLDER):  # a killed build's: the full path (locked) removes it
        return None
    quick = manifest.quick
    if not quick or quick.get("format") != FORMAT or quick.get("root") != str(root) or quick.get("options") != options:
        return None
    projects = [path for path, _name in project_files(root / "projects", None, root)]
    if [str(p) for p in projects] != quick.get("projects"):
        return None
    env = environment_for(root, quick.get("edition"), str(options.get("variant")))
    sources: list[Path] = [root / PROVINCE_FILE]
    for path in projects:
        if not usable(path, root, DEFAULT_LIMITS.max_file_bytes):
            return None
        entry, keyed = fresh_dossier(manifest, env, path, root)
        if entry is None:
            return None
        sources += keyed
    book = quick.get("book")
    if book is not None and manifest.fresh(book, book_key(env, sources)) is None:
        return None
    return len(projects)
