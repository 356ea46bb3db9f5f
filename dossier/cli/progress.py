"""Progress of a build: a live bar on a terminal (rich), plain lines otherwise (CI logs, pipes)
or nothing with ``--quiet``. Lines go to stderr; stdout stays for machine-readable problems."""

from __future__ import annotations

import sys
from typing import Any

import click

from dossier.safetext import terminal


class Display:
    def __init__(self, quiet: bool, live: bool | None = None) -> None:
        self.quiet = quiet
        self.live = (sys.stderr.isatty() and not quiet) if live is None else live
        self._progress: Any = None
        self._task: Any = None

    def start(self, total: int, label: str) -> None:
        """A bar for ``total`` renders (only on a terminal; rich is imported only then)."""
        if not self.live or total <= 0:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                  TimeElapsedColumn(), console=Console(stderr=True), transient=True)
        self._progress.start()
        self._task = self._progress.add_task(label, total=total)

    def advance(self) -> None:
        if self._progress is not None:
            self._progress.advance(self._task)

    def line(self, text: str) -> None:
        """One line of progress (values escaped by the caller; nothing raw reaches the terminal)."""
        if self.quiet:
            return
        text = terminal(text)
        if self._progress is not None:
            self._progress.console.print(text, markup=False, highlight=False)
        else:
            click.echo(text, err=True)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
