"""Where things are: the repository (the folder holding ``dossier.yaml``), the package and its
built-in templates, and paths as the user should see them. Kept apart from ``dossier.workspace``
(which reads the province file and the rules) so that a build with nothing to do can find its
way without loading YAML or the domain model (``dossier.build.uptodate``)."""

from __future__ import annotations

import os
from pathlib import Path

from dossier.boundary import escapes, is_inside
from dossier.errors import NOWHERE, Diagnostic, UsageError

PROVINCE_FILE = "dossier.yaml"
PACKAGE_DIR = Path(__file__).parent  # the dossier package


def display(path: Path, cwd: Path | None = None) -> str:
    """A path as the user should see it: relative to the current folder when inside it."""
    try:
        return os.path.relpath(path, cwd or Path.cwd()) if path.is_absolute() else str(path)
    except ValueError:  # another drive (Windows)
        return str(path)


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` holding ``dossier.yaml``."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / PROVINCE_FILE).is_file():
            return folder
    raise UsageError([Diagnostic(PROVINCE_FILE, NOWHERE, "no-repository")])


def builtin_templates_dir() -> Path:
    """The templates shipped with the tool: inside the installed package, or the source checkout's
    top-level ``templates/`` (which the wheel packs as ``dossier/templates``)."""
    packaged = PACKAGE_DIR / "templates"
    return packaged if packaged.is_dir() else PACKAGE_DIR.parent / "templates"


def template_dirs(root: Path) -> list[Path]:
    """Override order: the repository's ``templates/`` first, then the built-in ones. A
    ``templates/`` that leads outside the repository (a symlink) is never used (the workspace
    reports it: :func:`boundary_problems`)."""
    own, builtin = root / "templates", builtin_templates_dir()
    dirs = [own] if own.is_dir() and is_inside(own, root) else []
    if not dirs or own.resolve() != builtin.resolve():
        dirs.append(builtin)
    return dirs


def rules_file(edition: int, override_dir: Path | None = None) -> Path | None:
    """The rules file for an edition: the repository's ``rules/`` first, then the built-in one."""
    for folder in ([override_dir] if override_dir else []) + [PACKAGE_DIR / "rules"]:
        candidate = folder / f"{edition}.yaml"
        if candidate.is_file():
            return candidate
    return None


def environment_files(root: Path, edition: int | None) -> list[Path]:
    """What every document depends on besides its project: templates, fonts, the emblem and
    other assets, ``dossier.yaml`` and the rules of its edition. Only what the build may read:
    the repository's files that stay inside it (symlinks followed; a symlinked folder inside is
    not walked), the package's own inside the package."""
    builtin = builtin_templates_dir()
    folders = [(folder, folder if folder == builtin else root) for folder in template_dirs(root)]
    folders += [(PACKAGE_DIR / "fonts", PACKAGE_DIR / "fonts"), (root / "assets", root)]
    files = [p for folder, within in folders if folder.is_dir() and is_inside(folder, within)
             for p in folder.rglob("*") if is_inside(p, within) and p.is_file()]
    rules = rules_file(edition, root / "rules") if edition is not None else None
    return files + [root / PROVINCE_FILE] + ([rules] if rules else [])


def project_files(projects_dir: Path, paths: list[Path] | None = None,
                  root: Path | None = None) -> list[tuple[Path, str]]:
    """Project files named on the command line (files or folders), else all of ``projects_dir``,
    each with the name diagnostics show: as the user typed it, or relative to the current folder.
    A folder that leads outside ``root`` is not listed: it is returned itself, for reading it to
    be refused. Every ``.yaml``/``.yml`` entry is listed, regular file or not (reading says why not)."""
    chosen = [(p, str(p)) for p in paths] if paths else [(projects_dir, display(projects_dir))]
    files: list[tuple[Path, str]] = []
    for path, name in chosen:
        if path.is_dir() and (root is None or is_inside(path, root)):
            files.extend((p, os.path.join(name, p.name)) for p in sorted(path.iterdir())
                         if p.suffix in (".yaml", ".yml") and not p.is_dir())
        else:
            files.append((path, name))
    return files


def boundary_problems(root: Path) -> list[Diagnostic]:
    """A located error for each folder the tool reads from the repository, and each entry of
    ``templates/`` and ``assets/``, that a symlink takes outside it: none is followed or read.
    (Project files, ``dossier.yaml`` and the rules file are refused when read: ``load_source``.)"""
    found = [root / "rules"] if os.path.lexists(root / "rules") and not is_inside(root / "rules", root) else []
    for folder in ("templates", "assets"):
        found += escapes(root / folder, root)
    return [Diagnostic(display(p), NOWHERE, "path-outside", args={"path": display(p)}) for p in found]
