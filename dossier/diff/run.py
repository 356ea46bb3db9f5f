"""Build the changed projects at a base commit and now, and compare them page by page.

The base is checked out in a temporary ``git worktree`` (removed afterwards, whatever happens);
each side is built with :func:`dossier.build.pipeline.build` as drafts (a project with errors
is still shown) into its own folder under ``build/diff-cache/``, which stays between runs: a
document whose inputs did not change since the last diff is not rendered again. Both sides are
dated alike (``SOURCE_DATE_EPOCH``), so a date never shows as a change.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dossier.diff.fields import FieldChange, compare
from dossier.diff.pages import Change, match, read_pages
from dossier.errors import NOWHERE, Diagnostic, UsageError
from dossier.gitinfo import PROJECT_SUFFIXES, changed_files, git, select_changed, toplevel
from dossier.workspace import Workspace

CACHE = "diff-cache"
MAIN_BRANCHES = ("main", "origin/main", "master", "origin/master")


@dataclass
class ProjectDiff:
    name: str  # relative to the dossier repository: projects/mangrove.yaml
    pages_before: int  # 0: no document (a new project, or it could not be built)
    pages_after: int
    changes: list[Change] = field(default_factory=list)
    fields: list[FieldChange] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)  # why a side has no document
    state: str = "changed"  # "added" (no such file at the base), "deleted" (gone since the base)


def default_base(root: Path) -> str:
    """The merge base of HEAD with the main branch (main, else origin/main, master...)."""
    for branch in MAIN_BRANCHES:
        found = git(root, "merge-base", "HEAD", branch, check=False)
        if found.returncode == 0 and found.stdout.strip():
            return found.stdout.strip()
    raise UsageError([Diagnostic("git", NOWHERE, "diff-no-base", args={"branches": ", ".join(MAIN_BRANCHES)})])


@contextlib.contextmanager
def worktree(root: Path, commit: str) -> Iterator[Path]:
    """``commit`` checked out in a temporary worktree, removed on the way out."""
    folder = Path(tempfile.mkdtemp(prefix="dossier-diff-"))
    tree = folder / "tree"
    git(root, "worktree", "add", "--detach", "--quiet", str(tree), commit)
    try:
        yield tree
    finally:
        git(root, "worktree", "remove", "--force", str(tree), check=False)
        shutil.rmtree(folder, ignore_errors=True)
        git(root, "worktree", "prune", check=False)


@contextlib.contextmanager
def dated(epoch: str) -> Iterator[None]:
    """Both sides dated alike while they build (the workers inherit the environment)."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def project_names(ws: Workspace, base: str) -> list[str]:
    """The project files changed against ``base``, relative to the repository (all of them when
    a rule, template or dossier.yaml changed)."""
    selection = select_changed(ws.root, changed_files(ws.root, base))
    if selection.everything:
        now = [path for path, _ in ws.project_files(None)] if ws.projects_dir.is_dir() else []
        return sorted(p.resolve().relative_to(ws.root.resolve()).as_posix() for p in now)
    names = [p.relative_to(ws.root.resolve()).as_posix() for p in selection.projects]
    return sorted(n for n in names if n.endswith(PROJECT_SUFFIXES))


def deleted_names(ws: Workspace, base: str) -> list[str]:
    """The project files changed against ``base`` that the repository no longer has (whether
    the base had them is for the caller to check)."""
    projects = ws.root.resolve() / "projects"
    return sorted(path.relative_to(ws.root.resolve()).as_posix() for path in changed_files(ws.root, base)
                  if path.parent == projects and path.suffix in PROJECT_SUFFIXES and not os.path.lexists(path))


def build_side(ws: Workspace, names: list[str], out: Path, jobs: int) -> tuple[dict[str, Path], dict[str, list[Diagnostic]]]:
    """Build ``names`` (those that exist) as drafts into ``out``: each one's PDF, or its problems."""
    from dossier.build.pipeline import Options, build

    items = [(ws.root / name, name) for name in names if (ws.root / name).is_file()]
    if not items:
        return {}, {}
    outcome = build(ws, items, Options(out, draft=True, book=False, jobs=jobs))
    pdfs: dict[str, Path] = {b.checked.file: b.rendered.path for b in outcome.built}
    pdfs.update({f.file: f.path for f in outcome.fresh})
    problems: dict[str, list[Diagnostic]] = {}
    for checked in [*outcome.failed, *outcome.skipped]:
        problems[checked.file] = [d for d in checked.diagnostics if d.severity.name == "ERROR"][:5]
    for d in outcome.diagnostics:
        problems.setdefault(d.file, []).append(d)
    return pdfs, problems


def read_text(path: Path, root: Path) -> str | None:
    """A project file's text for the field diff: only a regular file inside the repository,
    within the size limit (a symlink out of it is never read: the build reports it)."""
    from dossier.boundary import Refused, check_inside, read_regular
    from dossier.limits import DEFAULT_LIMITS

    try:
        return read_regular(check_inside(path, root), DEFAULT_LIMITS.max_file_bytes).decode("utf-8", errors="replace")
    except (Refused, OSError):
        return None


def diff(ws: Workspace, base: str, jobs: int = 1) -> list[ProjectDiff]:
    """Every changed project that differs in its pages or its fields, against the git ref ``base``."""
    from dossier.workspace import open_workspace

    top = toplevel(ws.root)
    if top is None:
        raise UsageError([Diagnostic("git", NOWHERE, "git-not-a-repository", args={"path": str(ws.root)})])
    if git(top, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}", check=False).returncode != 0:
        raise UsageError([Diagnostic("git", NOWHERE, "git-bad-ref", args={"ref": base})])
    commit = git(top, "rev-parse", f"{base}^{{commit}}").stdout.strip()
    names, gone = project_names(ws, base), deleted_names(ws, base)
    if not names and not gone:
        return []
    inside = ws.root.resolve().relative_to(top)
    cache = ws.root / "build" / CACHE
    epoch = git(top, "log", "-1", "--format=%ct", "HEAD", check=False).stdout.strip() or "946684800"
    with dated(epoch), worktree(top, commit) as tree:
        base_ws = open_workspace(tree / inside)
        deleted = {name for name in gone if (base_ws.root / name).is_file()}  # not one added, then deleted
        names = sorted({*names, *deleted})
        added = {name for name in names if not (base_ws.root / name).exists()}
        before, before_problems = build_side(base_ws, names, cache / "base", jobs)
        before_texts = {name: read_text(base_ws.root / name, base_ws.root) for name in names}
    with dated(epoch):
        after, after_problems = build_side(ws, [n for n in names if n not in deleted], cache / "now", jobs)
    diffs = []
    for name in names:
        old = read_pages(before[name]) if name in before else []
        if name in deleted:  # listed with the pages it had; its pages and fields are not shown one by one
            diffs.append(ProjectDiff(name, len(old), 0, problems=before_problems.get(name, []), state="deleted"))
            continue
        new = read_pages(after[name]) if name in after else []
        found = ProjectDiff(name, len(old), len(new), match(old, new),
                            compare(before_texts.get(name), read_text(ws.root / name, ws.root), name),
                            [*before_problems.get(name, []), *after_problems.get(name, [])],
                            "added" if name in added else "changed")
        if found.changes or found.fields or found.problems or found.state == "added":
            diffs.append(found)
    return diffs
