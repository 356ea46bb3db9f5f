"""The province's book (``build/<province>-<edition>.pdf``): a cover, a summary table of every
project, a shared table of contents, then every dossier built, with bookmarks per project.

The dossiers are not laid out again: their pages (cover and body; their own table of contents is
replaced by the shared one) are reused as laid out for the stand-alone PDFs, and given new
footers whose numbers run on through the book. Only the front matter is laid out here,
once (page numbers of the book start at the first project's cover, so they are known before the
front matter is laid out).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossier import catalogue
from dossier.errors import Diagnostic, DossierError, Pos
from dossier.render.html import Renderer, front_label
from dossier.render.pages import Folio, first_page
from dossier.render.pdf import Attachment, Engine, Rendered
from dossier.render.views import ProjectView, emblem, ident
from dossier.validate import Checked
from dossier.workspace import PROVINCE_FILE, Workspace

if TYPE_CHECKING:
    from dossier.render.pipeline import Built, Options, Outcome

BOOK_ANCHOR = "book"
MAX_PASSES = 4


@dataclass
class TocLine:
    anchor: str
    number: int  # the section number ("๑.") or 0
    heading: str  # '' for a table-only section: the template names it
    key: str
    page: int | None = None


@dataclass
class BookEntry:
    number: int
    view: ProjectView
    checked: Checked
    lines: list[TocLine]
    page: int | None = None

    @property
    def errors(self) -> int:
        return len(self.checked.errors)

    @property
    def warnings(self) -> int:
        return len(self.checked.warnings)


@dataclass
class BookView:
    """What ``book.html.j2`` sees. ``summary_label`` is the page label of the summary table."""

    entries: list[BookEntry]
    left_out: list[Checked]
    emblem_uri: str | None
    anchor: str = BOOK_ANCHOR
    summary_label: str | None = None

    @property
    def drafts(self) -> int:
        return sum(1 for e in self.entries if e.view.draft)


def source_attachment(name: str, data: bytes) -> Attachment:
    """A source file embedded in a PDF (the dossier's YAML; the book's YAMLs and dossier.yaml)."""
    return Attachment(name, data, catalogue.message("source-attachment", "th", {"name": name}))


def source_bytes(item: Checked) -> bytes:
    """The project file exactly as written (what the PDF carries as its source)."""
    if item.path is not None:
        try:
            return item.path.read_bytes()
        except OSError:
            pass
    return item.source.text.encode("utf-8")


def book_name(ws: Workspace, draft: bool) -> str:
    return f"{ws.province.province}-{ws.province.edition}{'.draft' if draft else ''}.pdf"


def _entries(built: list[Built]) -> list[BookEntry]:
    entries = []
    for number, item in enumerate(built, start=1):
        view = item.view
        lines = [TocLine(ident(view.anchor, "summary"), 0, "", "summary")]
        lines += [TocLine(s.anchor, s.number, s.heading, s.key) for s in view.sections]
        entries.append(BookEntry(number, view, item.checked, lines))
    return entries


def _book_pages(built: list[Built]) -> list[list[int]]:
    """Pages of each dossier that go in the book: its cover and its body."""
    return [[*range(0, b.pages.toc), *range(b.pages.body, b.pages.count)] for b in built]


def _number(entries: list[BookEntry], built: list[Built], chosen: list[list[int]]) -> None:
    """Book page numbers: page ๑ is the first project's cover; numbers run to the last page."""
    offset = 0
    for entry, item, indices in zip(entries, built, chosen):
        position = {local: offset + n + 1 for n, local in enumerate(indices)}
        entry.page = position[indices[0]]
        for line in entry.lines:
            local = first_page(item.laid.anchors, line.anchor)
            line.page = position.get(local) if local is not None else None
        offset += len(indices)


def build_book(ws: Workspace, renderer: Renderer, engine: Engine, outcome: Outcome, options: Options) -> Rendered:
    built = outcome.built
    found = emblem(ws)
    view = BookView(_entries(built), outcome.skipped + outcome.failed,
                    found.resolve().as_uri() if found else None)
    chosen = _book_pages(built)
    _number(view.entries, built, chosen)
    source = book_name(ws, any(b.draft for b in built))
    # The summary table follows the cover, so its label is known before layout: one pass.
    view.summary_label = front_label(0)
    for _ in range(MAX_PASSES):
        front, _warnings = engine.layout(renderer.book_html(view), ws.root, PROVINCE_FILE)
        summary = first_page(front.anchors, ident(BOOK_ANCHOR, "summary"))
        label = front_label(summary - 1) if summary else None
        if label == view.summary_label:
            break
        view.summary_label = label  # a customised template moved it: lay out again
    else:  # pragma: no cover - only a template whose length depends on its own page labels
        raise DossierError([Diagnostic(PROVINCE_FILE, Pos(), "render-failed",
                                       args={"reason": "the book's front matter did not settle"})])
    total = sum(len(indices) for indices in chosen)
    folios: list[Folio | None] = [None] + [Folio("front", label=front_label(i)) for i in range(front.pages - 1)]
    outline: dict[int, tuple[int, str]] = {}
    for entry, item, indices in zip(view.entries, built, chosen):
        outline[len(folios)] = (1, entry.view.title or entry.view.slug)
        for local in indices:
            number = len(folios) - front.pages + 1
            folios.append(None if local < item.pages.toc else Folio("body", number, total))
    composed = engine.compose([(front, range(front.pages)), *zip((b.laid for b in built), chosen)],
                              renderer.chrome_html(folios), outline, metadata_from=front)
    files: list[Attachment] = []
    try:
        files.append(source_attachment(PROVINCE_FILE, (ws.root / PROVINCE_FILE).read_bytes()))
    except OSError:
        pass
    for item in built:
        name = item.checked.path.name if item.checked.path else f"{item.checked.slug}.yaml"
        files.append(source_attachment(name, source_bytes(item.checked)))
    return engine.write(composed, options.out_dir / source, files, options.variant)
