"""What one build makes: each project in the build's order (:class:`Planned`), whether the
manifest alone shows its dossier up to date (``dossier.build.freshness``), what each document
depends on (its sources, its reproducible date) and what it is called (``dossier.outputs``)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dossier import outputs
from dossier.boundary import usable
from dossier.build.freshness import fresh_dossier
from dossier.build.manifest import Manifest, environment_for
from dossier.build.outcome import Built, Item, Options
from dossier.gitinfo import last_change
from dossier.limits import DEFAULT_LIMITS
from dossier.paths import PROVINCE_FILE

if TYPE_CHECKING:  # imported lazily: a build with nothing to do imports neither validation nor rendering
    from dossier.validate import Checked
    from dossier.workspace import Workspace


@dataclass
class Planned:
    """One project in the build's order: up to date, left out, or to render."""

    item: Item
    checked: Checked | None = None
    name: str = ""  # its output file
    key: str | None = None
    sources: tuple[Path, ...] = ()
    fresh: bool = False
    draft: bool = False
    built: Built | None = None


def plan(items: list[Item], options: Options, manifest: Manifest, env: str, root: Path) -> list[Planned]:
    """Each project, and whether the manifest alone shows its dossier up to date (then it is
    neither validated nor rendered again). Nothing is reported yet: see ``stages.check``."""
    planned: list[Planned] = []
    for item in items:
        p = Planned(item)
        planned.append(p)
        if isinstance(item, tuple) and not options.force:
            entry, sources = fresh_dossier(manifest, env, item[0], root)
            if entry is not None:
                p.name, p.key, p.sources, p.fresh = entry.output, entry.key, sources, True
    return planned


def likely_work(planned: list[Planned], manifest: Manifest) -> bool:
    """Worth starting the workers before validating: a first build, or a project whose dossier
    is out of date. (A project with no dossier at all may be one left out for its errors.)"""
    return any(not p.fresh and (not manifest.entries or isinstance(p.item, tuple)
                                and outputs.dossier_name(p.item[0].stem, False) in manifest.entries) for p in planned)


def check_item(item: Item, ws: Workspace) -> Checked:
    if isinstance(item, tuple):
        from dossier.validate import check_file  # only what is out of date is validated: kept lazy

        return check_file(item[0], ws, item[1])
    return item


def photo_files(item: Checked, root: Path) -> list[Path]:
    """The photos a dossier depends on: those it may show (inside the repository, regular files
    within the resource limit; validation reports the others, which are never read)."""
    base = item.path.parent if item.path else Path.cwd()
    photos = item.project.photos if item.project and item.project.photos else []
    return [base / photo.file for photo in photos  # no file has a NUL
            if photo.file and "\x00" not in photo.file
            and usable(base / photo.file, root, DEFAULT_LIMITS.max_resource_bytes)]


def book_sources(ws: Workspace, planned: list[Planned]) -> list[Path]:
    """What the book depends on: ``dossier.yaml`` and every project's file and photos."""
    return [ws.root / PROVINCE_FILE,
            *(s for p in planned for s in (p.sources or ((p.item[0],) if isinstance(p.item, tuple) else ())))]


def source_date(paths: Sequence[Path]) -> dt.datetime:
    """The reproducible date of a document: ``SOURCE_DATE_EPOCH`` when set, else the newest last
    commit of its files (git), else their newest modification time."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    dates = []
    for path in paths:
        change = last_change(path) if path.exists() else None
        if change is not None and change.committed and not change.dirty and change.date is not None:
            dates.append(change.date.astimezone(dt.UTC).replace(tzinfo=None))
        elif path.exists():
            dates.append(dt.datetime.fromtimestamp(int(path.stat().st_mtime), dt.UTC).replace(tzinfo=None))
    return max(dates) if dates else dt.datetime(2000, 1, 1)


def output_name(item: Checked, draft: bool) -> str:
    return outputs.dossier_name(item.slug, draft)


def book_name(ws: Workspace, draft: bool) -> str:
    return outputs.book_name(ws.province.province, ws.province.edition, draft)


def book_slug(ws: Workspace) -> str:
    return outputs.book_slug(ws.province.province, ws.province.edition)


def environment(ws: Workspace, options: Options) -> str:
    return environment_for(ws.root, ws.province.edition, options.variant)
