"""The render worker of ``dossier serve``: one process kept warm for every save, with the same
memory cap, time limit and death with its parent as the build's workers."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dossier.errors import DossierError

if TYPE_CHECKING:
    from dossier.build.workers import Runner

__all__ = ["settle_worker", "warm_worker"]


def settle_worker() -> None:
    """In serve's worker, once: WeasyPrint imported (done already in this process, so cheap),
    then what exists so far is kept out of the garbage collector's passes (``gc.freeze``) and
    young objects are collected less often: a render here makes a great many short-lived
    objects, and this took 7-13 % off it (in one process, 5 renders each way, twice; within the
    noise of benchmarks/preview_latency.py on this shared machine)."""
    import gc

    from dossier.render.dossier import warm_up

    warm_up()
    gc.collect()
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)


def warm_worker(root: Path, out: Path, book: bool, draft: bool) -> Runner:
    """The render worker the rebuilds share (the memory cap, the time limit, death with this
    process: ``dossier.build.workers``), started now for the repository as it is, so a save's
    render finds WeasyPrint imported and, from the second save on, its templates and fonts
    loaded. It is replaced when ``dossier.yaml``, a template or the word list changes. Its
    temporary files go to its own folder in the output folder (a killed serve's is removed by
    the next)."""
    from dossier.build.pipeline import Options
    from dossier.build.plan import environment
    from dossier.build.workers import Runner, remove_temp
    from dossier.files import TEMP_FOLDER
    from dossier.limits import DEFAULT_LIMITS
    from dossier.workspace import open_workspace

    for old in out.glob(f"{TEMP_FOLDER}-serve-*"):  # a killed serve's (its process is gone)
        pid = old.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists() and sys.platform.startswith("linux"):
            remove_temp(old)
    limits = DEFAULT_LIMITS
    runner = Runner(1, limits.render_seconds, limits.render_memory_bytes, settle_worker,
                    out / f"{TEMP_FOLDER}-serve-{os.getpid()}")
    runner.__enter__()
    try:
        ws = open_workspace(root)
        runner.adopt(environment(ws, Options(out, draft=draft, book=book)), ws.limits.render_seconds,
                     ws.limits.render_memory_bytes)
    except DossierError:  # dossier.yaml is broken: the first build that can render starts it
        return runner
    runner.prepare()
    return runner
