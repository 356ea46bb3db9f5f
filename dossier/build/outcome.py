"""What a build is asked (:class:`Options`) and what it answers (:class:`Outcome`): plain data,
shared by every step of ``dossier.build`` and by its callers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from dossier.errors import Diagnostic
from dossier.render.pdf import DEFAULT_VARIANT, Rendered

if TYPE_CHECKING:  # imported lazily: a build with nothing to do imports neither validation nor rendering
    from dossier.render.pages import ProjectPages
    from dossier.validate import Checked
    from dossier.validate.checks import PageCounts


@dataclass
class Options:
    out_dir: Path
    draft: bool = False  # render projects with errors as drafts instead of skipping them
    book: bool = True  # also make the province's book of every dossier
    variant: str = DEFAULT_VARIANT  # PDF/A-3b unless told otherwise
    jobs: int = 1  # worker processes
    force: bool = False  # rebuild even what is up to date
    keep_layout: bool = False  # keep each dossier's laid-out pages in Built.laid (jobs=1 only, rendered in
    # this process without the memory cap: for tests, never a command's path)


@dataclass
class Built:
    """One dossier made in this build."""

    checked: Checked
    view: object  # dossier.render.views.ProjectView (not imported here: it pulls in Jinja)
    pages: ProjectPages
    rendered: Rendered
    counts: PageCounts
    anchors: dict[str, int]
    seconds: float
    laid: object = None  # dossier.render.pdf.Laid, with Options.keep_layout

    @property
    def draft(self) -> bool:
        return bool(getattr(self.view, "draft", False))


@dataclass
class Fresh:
    """A dossier that was up to date: its output was kept."""

    file: str
    path: Path
    pages: int


@dataclass
class Outcome:
    built: list[Built] = field(default_factory=list)
    fresh: list[Fresh] = field(default_factory=list)
    skipped: list[Checked] = field(default_factory=list)
    failed: list[Checked] = field(default_factory=list)
    book: Rendered | None = None
    book_fresh: bool = False
    diagnostics: list[Diagnostic] = field(default_factory=list)  # found while building
    book_path: Path | None = None  # the book as it stands after this build (made or up to date)
    removed: list[Path] = field(default_factory=list)  # stale drafts of documents now made final

    def current(self) -> list[Path]:
        """Every document this build made or found up to date, the book last: what is current
        in the output folder (anything else there is from an earlier build)."""
        return [*(b.rendered.path for b in self.built), *(f.path for f in self.fresh),
                *([self.book_path] if self.book_path is not None else [])]


# a validated project, or a file validated only if out of date
Item: TypeAlias = "Checked | tuple[Path, str]"
