"""What a build tells as it goes, typed: a :class:`BuildObserver` has one method per event, each
a no-op by default, so a caller overrides only those it shows (``dossier build``'s lines and bar,
``dossier serve``'s list of problems). Events come in the projects' order, whatever order the
workers finish in. What the build wrote is in its :class:`~dossier.build.outcome.Outcome`, not
in the events: nothing needs to collect paths from them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dossier.build.outcome import Built, Fresh, Outcome
    from dossier.errors import Diagnostic
    from dossier.render.pdf import Rendered
    from dossier.validate import Checked


class BuildObserver:
    """The events of one build; override the ones you need."""

    def lock_taken_over(self, pid: int | str) -> None:
        """The output folder's lock was left by a build that was killed (``kill -9``): taken over."""

    def checked(self, item: Checked) -> None:
        """A project was validated (its problems are in ``item.diagnostics``)."""

    def fresh(self, fresh: Fresh) -> None:
        """A project's dossier was up to date: kept, neither validated nor rendered again."""

    def skipped(self, item: Checked) -> None:
        """A project with errors was left out (no ``--draft``)."""

    def rendering(self, count: int) -> None:
        """``count`` dossiers are about to be rendered."""

    def tick(self) -> None:
        """One render ended (in whatever order the workers finish)."""

    def rendered(self, built: Built) -> None:
        """A dossier was made and written."""

    def failed(self, item: Checked, problems: list[Diagnostic]) -> None:
        """A project's render failed (time or memory limit, a located error); the others go on."""

    def dossiers_done(self, outcome: Outcome) -> None:
        """Every dossier is made, failed or known up to date (``outcome`` so far); the book,
        if any, comes next (``dossier serve`` shows the projects' pages meanwhile)."""

    def book(self, rendered: Rendered) -> None:
        """The province's book was made and written."""

    def book_fresh(self, path: Path) -> None:
        """The book was up to date: kept."""

    def book_failed(self, problems: list[Diagnostic]) -> None:
        """The book could not be made; the dossiers stand."""
