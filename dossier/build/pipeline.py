"""``dossier build`` as a library: project files → their dossiers, page limits, the book.

Only what changed is made again. Every document has a key, the hash of everything it depends on
(``dossier.build.manifest``, ``dossier.build.freshness``); a document whose key and output are those the manifest recorded is up
to date and is neither validated nor rendered again, so a build where nothing changed never
imports WeasyPrint. The others are validated, then rendered in worker processes (``jobs``), each
within the time and memory limits of ``dossier.limits``; a project that fails does not stop the
others. Results are reported in the projects' order whatever order they finish in. The book is
made from the dossier PDFs (``dossier.build.book``). The output folder is locked for the whole
build, and every file in it is replaced atomically.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from dossier import outputs
from dossier.boundary import is_inside
from dossier.build.events import BuildObserver
from dossier.build.manifest import MANIFEST
from dossier.build.outcome import Built, Fresh, Item, Options, Outcome
from dossier.build.plan import book_slug
from dossier.build.stages import run_build
from dossier.errors import NOWHERE, Diagnostic, DossierError
from dossier.files import BuildLock, LockedError
from dossier.paths import display

if TYPE_CHECKING:
    from dossier.build.workers import Runner
    from dossier.workspace import Workspace

__all__ = ["BuildObserver", "Built", "Fresh", "Item", "Options", "Outcome", "build", "refuse_conflicts"]


def refuse_conflicts(ws: Workspace, items: Sequence[Item], options: Options) -> None:
    """Before anything is written: the output folder must not lead outside the repository (a
    symlinked ``build/``), and no two inputs may write one output (``dossier.outputs``)."""
    out = Path(os.path.abspath(options.out_dir))
    if out.is_relative_to(ws.root) and not is_inside(out, ws.root):
        raise DossierError([Diagnostic(display(out), NOWHERE, "output-outside", args={"path": display(out)})])
    linked = [out / name for name in (BuildLock.NAME, MANIFEST, ".dossier-cache") if (out / name).is_symlink()]
    if linked:  # the lock is opened for writing: through a link it would overwrite another file
        raise DossierError([Diagnostic(display(p), NOWHERE, "output-symlink", args={"path": display(p)}) for p in linked])
    chosen = [item if isinstance(item, tuple) else (item.path or Path(item.file), item.file) for item in items]
    found = outputs.collisions(chosen, ws.project_files(None), book_slug(ws))
    if found:
        raise DossierError(found)


def build(ws: Workspace, items: Sequence[Item], options: Options, observer: BuildObserver | None = None,
          runner: Runner | None = None) -> Outcome:
    """Build every dossier of ``items`` (already validated, or (path, name) pairs validated only
    when out of date) and the book; never raises for a project's problems. ``runner``: workers
    the caller keeps warm between builds (``dossier serve``), else the build starts its own."""
    refuse_conflicts(ws, items, options)
    try:
        with BuildLock(options.out_dir) as lock:
            told = observer or BuildObserver()
            if lock.taken_over:  # a build killed before it could release the lock (kill -9)
                told.lock_taken_over(lock.taken_over)
            return run_build(ws, list(items), options, told, runner)
    except LockedError as exc:
        raise DossierError([Diagnostic(str(options.out_dir), NOWHERE, "build-locked",
                                       args={"path": str(options.out_dir), "pid": exc.holder or "?"})]) from None
    except OSError as exc:  # the output folder cannot be made or locked (read-only, full disk)
        raise DossierError([Diagnostic(str(options.out_dir), NOWHERE, "write-failed",
                                       args={"path": str(options.out_dir), "reason": exc.strerror or str(exc)})]) from None
