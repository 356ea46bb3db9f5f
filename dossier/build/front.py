"""When the book's front matter is laid out: as early as its inputs are known, not after the
last dossier is written.

The front matter (cover, summary, shared contents) cites every dossier's page numbers, so it
used to wait for the last dossier, and its layout was the tail of every build. Now:

* each dossier's job notes its page numbers as soon as it is laid out, before it is written;
  when every dossier of the build has noted them, the front matter is submitted at once and
  lays out on a free worker while the last dossiers are still being written;
* when the build re-renders projects that were built before, the front matter is submitted
  with the page numbers they had then, speculatively, after the dossiers' jobs (it fills the
  worker the last dossier leaves idle): most edits move no page number, and then it is ready
  the moment the last dossier is;
* every front matter made is kept with the inputs it was made from (its :class:`Signature`);
  the book uses the one made from the final inputs, and lays it out again only when none was
  (a page number moved, or a dossier failed).

This is plain data and scheduling: no WeasyPrint here (``dossier.render.book.front_pdf`` runs in a
worker).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dossier.build.manifest import Manifest
from dossier.build.outcome import Options, Outcome
from dossier.build.plan import Planned, book_sources, check_item, source_date
from dossier.build.workers import Job
from dossier.outputs import is_draft

if TYPE_CHECKING:
    from dossier.render.book import Part
    from dossier.render.pages import ProjectPages
    from dossier.workspace import Workspace

Signature = tuple[Any, ...]
Laid = tuple["ProjectPages", dict[str, int], Any]  # a dossier's pages, contents anchors and view
PREFIX = "front-matter#"  # the front matter's job names (never a dossier's: those end in .pdf)


def front_task(ws: Workspace, parts: list[Part], left_out: list[Any], out: Path, variant: str,
               when: dt.datetime, environment: str) -> bytes:
    """In a worker: the front matter's PDF."""
    from dossier.render.book import front_pdf  # Jinja and WeasyPrint: in the worker

    return front_pdf(ws, parts, left_out, out, variant, when, environment)


@dataclass
class FrontMatter:
    """The front matters of one build's book: submitted, made, and chosen."""

    ws: Workspace
    planned: list[Planned]
    options: Options
    manifest: Manifest
    env: str
    laid: dict[str, Laid] = field(default_factory=dict)  # noted by this build's dossier jobs
    submitted: dict[str, Signature] = field(default_factory=dict)  # job name → its inputs
    made: dict[Signature, bytes] = field(default_factory=dict)

    @functools.cached_property
    def when(self) -> dt.datetime:
        """The book's reproducible date: of ``dossier.yaml`` and every project's sources."""
        return source_date(book_sources(self.ws, self.planned))

    def parts(self, laid: dict[str, Laid], final: bool = False) -> list[Part] | None:
        """The book's parts with these page numbers for the dossiers rendered in this build
        (the others as the manifest has them). A dossier missing from ``laid`` makes it None,
        unless ``final``: then it failed, and is left out."""
        from dossier.render.book import Part  # Jinja: only when a book is made

        parts = []
        for p in self.planned:
            if not p.fresh and (p.checked is None or not p.name):
                continue  # left out (the caller passes it in left_out)
            if p.fresh:
                if (recorded := self.recorded(p.name)) is None:
                    return None
                p.checked = p.checked or check_item(p.item, self.ws)  # up to date: validated for the book only
                pages, anchors, _view = recorded
                parts.append(Part(p.checked, is_draft(p.name), pages, anchors,
                                  self.options.out_dir / p.name))
            elif p.name in laid:
                pages, anchors, view = laid[p.name]
                assert p.checked is not None  # laid out: it was checked
                parts.append(Part(p.checked, p.draft, pages, anchors, self.options.out_dir / p.name, view))
            elif not final:
                return None
        return parts or None

    def recorded(self, name: str) -> Laid | None:
        """A dossier's pages and anchors as the manifest has them from its last build."""
        from dossier.render.pages import ProjectPages  # with the checks: only when a book is made

        entry = self.manifest.entries.get(name)
        if entry is None or "pages" not in entry.extra:
            return None
        return ProjectPages(*entry.extra["pages"]), entry.extra["anchors"], None

    def signature(self, parts: list[Part], left_out: list[Any]) -> Signature:
        return (tuple((str(part.pdf), part.draft, part.pages.count, part.pages.toc, part.pages.body,
                       part.pages.end, tuple(sorted(part.anchors.items()))) for part in parts),
                tuple(c.file for c in left_out))

    def job(self, parts: list[Part], left_out: list[Any]) -> Job | None:
        """The front matter's job for these parts, unless one was submitted already."""
        signature = self.signature(parts, left_out)
        if signature in self.submitted.values():
            return None
        name = f"{PREFIX}{len(self.submitted) + 1}"
        self.submitted[name] = signature
        return Job(name, front_task, (
            self.ws, parts, left_out, self.options.out_dir, self.options.variant, self.when, self.env))

    def speculative(self, outcome: Outcome) -> list[Job]:
        """Submitted after the dossiers' jobs: the front matter with the page numbers the
        re-rendered dossiers had in the previous build, when every one of them had some."""
        prior: dict[str, Laid] = {}
        for p in self.planned:
            if p.checked is not None and p.name and not p.fresh:
                if (recorded := self.recorded(p.name)) is None:
                    return []
                prior[p.name] = recorded
        parts = self.parts(prior)
        job = self.job(parts, outcome.skipped + outcome.failed) if parts else None
        return [job] if job else []

    def on_note(self, name: str, what: Any, outcome: Outcome) -> list[Job]:
        """A dossier noted its page numbers: once all have, submit the front matter (unless the
        speculative one was made from the same)."""
        if not (isinstance(what, tuple) and what and what[0] == "laid") or outcome.failed:
            return []
        self.laid[name] = (what[1], what[2], what[3])
        parts = self.parts(self.laid)
        job = self.job(parts, outcome.skipped) if parts else None
        return [job] if job else []

    def finished(self, name: str, result: Any, error: BaseException | None) -> None:
        """A front matter's job ended: keep what it made (a failure is made again, and
        reported, by the book)."""
        if error is None and isinstance(result, bytes) and name in self.submitted:
            self.made[self.submitted[name]] = result

    def ready(self, parts: list[Part], left_out: list[Any]) -> bytes | None:
        """The front matter made from exactly these inputs, if one was."""
        return self.made.get(self.signature(parts, left_out))
