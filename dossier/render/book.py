"""The province's book's front matter: a cover, a summary table of every project and a shared
table of contents citing each dossier's own page numbers ("หน้า ๓ จาก ๙", as printed in the copy
the agency signed), laid out in a worker (``front_pdf``) and cached by its HTML. The book itself is
assembled from this and the dossier PDFs already written, without laying anything out again
(``dossier.build.book``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dossier.boundary import Refused, read_regular
from dossier.errors import NOWHERE, Diagnostic, DossierError
from dossier.render.dossier import engine, renderer
from dossier.render.html import Renderer, front_label
from dossier.render.pages import Folio, ProjectPages, first_page
from dossier.render.pdf import save
from dossier.render.views import ProjectView, build_project_view, emblem, ident
from dossier.validate import Checked
from dossier.workspace import PROVINCE_FILE, Workspace

BOOK_ANCHOR = "book"


@dataclass
class TocLine:
    anchor: str
    number: int  # the section number ("๑.") or 0
    heading: str  # '' for a table-only section: the template names it
    key: str
    page: int | None = None  # the page number printed on it in its dossier


@dataclass
class Part:
    """One dossier as the book needs it: its project, where its pages are, and its PDF."""

    checked: Checked
    draft: bool
    pages: ProjectPages
    anchors: dict[str, int]  # table-of-contents ids → page index in the dossier
    pdf: Path
    view: ProjectView | None = None  # as its dossier was rendered in this build (else made again)


@dataclass
class BookEntry:
    number: int
    view: ProjectView
    checked: Checked
    lines: list[TocLine]
    page: int | None = None  # the book page of its cover (for bookmarks; not printed)

    @property
    def errors(self) -> int:
        return len(self.checked.errors)

    @property
    def warnings(self) -> int:
        return len(self.checked.warnings)


@dataclass
class BookView:
    """What ``book.html.j2`` sees."""

    entries: list[BookEntry]
    left_out: list[Checked]
    emblem_uri: str | None
    anchor: str = BOOK_ANCHOR
    summary_label: str | None = None

    @property
    def drafts(self) -> int:
        return sum(1 for e in self.entries if e.view.draft)


def _entries(ws: Workspace, parts: list[Part], markdown: Callable[[str | None], str]) -> list[BookEntry]:
    entries = []
    for number, part in enumerate(parts, start=1):
        item = part.checked
        assert item.project is not None
        view = part.view or build_project_view(item.slug, item.project, item.award_type, ws, markdown,
                                               source_path=item.path, file=item.file, draft=part.draft,
                                               diagnostics=item.diagnostics)
        lines = [TocLine(ident(view.anchor, "summary"), 0, "", "summary")]
        lines += [TocLine(s.anchor, s.number, s.heading, s.key) for s in view.sections]
        for line in lines:
            index = part.anchors.get(str(line.anchor))
            line.page = index - part.pages.body + 1 if index is not None and index >= part.pages.body else None
        entries.append(BookEntry(number, view, part.checked, lines))
    return entries


def front_pdf(ws: Workspace, parts: list[Part], left_out: list[Checked], out: Path, variant: str,
              when: dt.datetime, environment: str = "") -> bytes:
    """In a worker: the front matter's PDF for these parts (from the cache when unchanged)."""
    found = emblem(ws)
    html = renderer(ws, when.date())
    view = BookView(_entries(ws, parts, html.markdown), left_out, found.resolve().as_uri() if found else None)
    view.summary_label = front_label(0)
    return front_matter(ws, html, html.book_html(view), out, variant, environment)


def front_matter(ws: Workspace, html: Renderer, book_html: str, out: Path, variant: str, environment: str) -> bytes:
    """The front matter's PDF (cover, summary, contents), laid out only when its HTML changed: an
    edit that moves no page number and no summary line reuses the previous one (kept in the
    output folder's ``.dossier-cache/``)."""
    key = hashlib.sha256(f"{environment}\0{variant}\0{book_html}".encode()).hexdigest()[:20]
    cached = out / ".dossier-cache" / f"front-{key}.pdf"
    usable = not cached.parent.is_symlink()  # the build's own folder, never a link to elsewhere
    if usable and not cached.is_symlink() and cached.is_file():
        try:
            return read_regular(cached, ws.limits.max_resource_bytes)
        except Refused:
            pass
    session = engine(ws)
    front, _warnings = session.layout(book_html, ws.root, PROVINCE_FILE)
    if first_page(front.anchors, ident(BOOK_ANCHOR, "summary")) is None:
        raise DossierError([Diagnostic(PROVINCE_FILE, NOWHERE, "render-failed",
                                       args={"reason": "the book template lost the id book--summary"})])
    folios: list[Folio | None] = [None] + [Folio("front", label=front_label(i)) for i in range(front.pages - 1)]
    composed = session.compose([(front, range(front.pages))], html.chrome_html(folios), metadata_from=front)
    data, _seconds = session.pdf_bytes(composed, (), variant)
    if usable:
        for stale in cached.parent.glob("front-*.pdf"):
            if stale.is_file() and not stale.is_symlink():
                stale.unlink(missing_ok=True)
        save(cached, data, PROVINCE_FILE)
    return data
