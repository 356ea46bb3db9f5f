"""Git, as dossier uses it: which files a branch changed, and who last changed a file.

Everything goes through the ``git`` command line (no library), so the tool sees exactly what
the user's git sees. Paths are read with ``-z`` (Thai or spaced file names arrive unquoted) and
returned absolute. Problems become :class:`~dossier.errors.DossierError` with a catalogue code;
nothing here prints.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from dossier.errors import NOWHERE, Diagnostic, UsageError

PROJECT_SUFFIXES = (".yaml", ".yml")
# A change to any of these can change every project's diagnostics or PDF: check them all.
SHARED_PATHS = ("rules", "templates", "dossier.yaml")
TIMEOUT = 60


def _usage(code: str, **args: str) -> UsageError:
    return UsageError([Diagnostic("git", NOWHERE, code, args=dict(args))])


def git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run ``git args`` in ``cwd``; a missing git or a failing command (when ``check``) is a usage error."""
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                                errors="replace", timeout=TIMEOUT, env=env)
    except FileNotFoundError:
        raise _usage("git-missing") from None
    except subprocess.TimeoutExpired:
        raise _usage("git-failed", command=" ".join(["git", *args]), reason=f"timeout {TIMEOUT} s") from None
    if check and result.returncode != 0:
        raise _usage("git-failed", command=" ".join(["git", *args]), reason=result.stderr.strip() or "?")
    return result


def toplevel(cwd: Path) -> Path | None:
    """The root of the git work tree holding ``cwd``, or None outside one (or without git)."""
    try:
        result = git(cwd, "rev-parse", "--show-toplevel", check=False)
    except UsageError:
        return None
    return Path(result.stdout.strip()).resolve() if result.returncode == 0 and result.stdout.strip() else None


def _names(output: str) -> list[str]:
    return [name for name in output.split("\0") if name]


def changed_files(cwd: Path, base: str) -> list[Path]:
    """Files changed on this branch against ``base`` (``git diff BASE...HEAD``: since the merge
    base, as a pull request shows them), plus staged, unstaged and untracked changes."""
    top = toplevel(cwd)
    if top is None:
        raise _usage("git-not-a-repository", path=str(cwd))
    if git(top, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}", check=False).returncode != 0:
        raise _usage("git-bad-ref", ref=base)
    names: set[str] = set()
    merged = git(top, "diff", "--name-only", "-z", "--no-renames", f"{base}...HEAD", check=False)
    if merged.returncode != 0:  # no merge base (unrelated histories): compare the two tips
        merged = git(top, "diff", "--name-only", "-z", "--no-renames", base, "HEAD")
    names.update(_names(merged.stdout))
    names.update(_names(git(top, "diff", "--name-only", "-z", "--no-renames", "HEAD").stdout))
    names.update(_names(git(top, "ls-files", "--others", "--exclude-standard", "-z").stdout))
    return sorted(top / name for name in names)


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False


@dataclass(frozen=True)
class Selection:
    """What ``--changed`` picked: the changed project files, or all of them (``everything``)
    because a shared file changed (``trigger``, relative to the dossier repository)."""

    projects: tuple[Path, ...]
    everything: bool = False
    trigger: str = ""


def select_changed(root: Path, changed: list[Path]) -> Selection:
    """From the changed files, the project files to check under the dossier repository ``root``."""
    root = root.resolve()
    projects_dir = root / "projects"
    for path in changed:
        for shared in SHARED_PATHS:
            if path == root / shared or _inside(path, root / shared):
                return Selection((), True, path.relative_to(root).as_posix())
    chosen = [p for p in changed if p.suffix in PROJECT_SUFFIXES and p.parent == projects_dir and p.is_file()]
    return Selection(tuple(chosen))


@dataclass(frozen=True)
class LastChange:
    """The last commit that touched a file: author and date, or ``committed=False``; ``dirty``
    when the work tree holds changes to it not yet committed."""

    committed: bool
    author: str = ""
    date: dt.datetime | None = None
    dirty: bool = False


def last_change(path: Path) -> LastChange | None:
    """Who changed ``path`` last and when (``git log -1``); None outside a git work tree."""
    folder = path.resolve().parent
    if toplevel(folder) is None:
        return None
    log = git(folder, "log", "-1", "--format=%an%x1f%aI", "--", path.name, check=False)
    status = git(folder, "status", "--porcelain", "--", path.name, check=False)
    dirty = bool(status.stdout.strip())
    if log.returncode != 0 or not log.stdout.strip():
        return LastChange(False, dirty=dirty)
    author, _, when = log.stdout.strip().partition("\x1f")
    try:
        date = dt.datetime.fromisoformat(when)
    except ValueError:
        date = None
    return LastChange(True, author, date, dirty)
