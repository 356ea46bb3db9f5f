"""The province's book (``build/<province>-<edition>.pdf``): a cover, a summary table of every
project, a shared table of contents, then every dossier, with bookmarks per project.

The dossiers are not laid out again, not even in this process: their pages are taken from the
dossier PDFs already written (``pikepdf``, i.e. qpdf: 65 pages in about 0.06 s), cover and body,
their own table of contents replaced by the shared one. So the book costs its front matter and a
merge, whichever process or earlier build made the dossiers, and an incremental build that changed one project never lays out the
other seven. Each dossier keeps its own page numbers ("หน้า ๓ จาก ๙", as printed in the copy the
agency signed); the shared table of contents cites them per project, and bookmarks open each part.
Only the front matter is laid out here; it carries the book's metadata, PDF/A identification and
the source files (``dossier.yaml`` and every project's YAML).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.boundary import Refused, read_inside, read_regular
from dossier.errors import Diagnostic, DossierError, Pos
from dossier.render.dossier import engine, renderer, source_attachment, source_bytes
from dossier.render.html import Renderer, front_label
from dossier.render.numerals import localize
from dossier.render.pages import Folio, ProjectPages, first_page
from dossier.render.pdf import Attachment, Rendered, save
from dossier.render.pipeline import book_name
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


def chosen_pages(pages: ProjectPages) -> list[int]:
    """Pages of a dossier that go in the book: its cover and its body (not its own contents)."""
    return [*range(0, pages.toc), *range(pages.body, pages.count)]


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


def _outline(pdf: Any) -> list[tuple[int, str, int]]:
    """A dossier's bookmarks as (level, title, page index), in order."""
    found: list[tuple[int, str, int]] = []
    pages = {page.objgen: index for index, page in enumerate(pdf.pages)}

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            target = item.destination
            if target is not None and len(target) and target[0].objgen in pages:
                found.append((level, str(item.title), pages[target[0].objgen]))
            walk(item.children, level + 1)

    with pdf.open_outline() as outline:
        walk(outline.root, 1)
    return found


def front_pdf(ws: Workspace, parts: list[Part], left_out: list[Checked], out: Path, variant: str,
              when: dt.datetime, environment: str = "") -> bytes:
    """In a worker: the front matter's PDF for these parts (from the cache when unchanged)."""
    found = emblem(ws)
    html = renderer(ws, when.date())
    view = BookView(_entries(ws, parts, html.markdown), left_out, found.resolve().as_uri() if found else None)
    view.summary_label = front_label(0)
    return front_matter(ws, html, html.book_html(view), out, variant, environment)


def merge(ws: Workspace, parts: list[Part], front: bytes, out: Path, when: dt.datetime) -> Rendered:
    """The book: the front matter, then each dossier's cover and body pages with its bookmarks
    under its title, and every source attached; written atomically."""
    import contextlib

    import pikepdf

    started = time.perf_counter()
    files = []
    try:
        files.append(source_attachment(PROVINCE_FILE, read_inside(ws.root / PROVINCE_FILE, ws.root, ws.limits.max_file_bytes),
                                       when))
    except Refused:
        pass
    with contextlib.ExitStack() as sources, pikepdf.open(io.BytesIO(front)) as book:
        with book.open_outline() as outline:
            for part in parts:
                item = part.checked
                files.append(source_attachment(item.path.name if item.path else f"{item.slug}.yaml",
                                               source_bytes(item, ws.root), when))
                dossier = sources.enter_context(pikepdf.open(part.pdf))  # open until the book is saved
                where: dict[int, int] = {}
                for index in chosen_pages(part.pages):
                    book.pages.append(dossier.pages[index])
                    page = book.pages[-1].obj
                    if "/StructParents" in page:  # its structure tree stays in the dossier's own PDF
                        del page["/StructParents"]
                    where[index] = len(book.pages) - 1
                title = (item.project.title if item.project else None) or item.slug
                stack = [pikepdf.OutlineItem(localize(title, ws.numerals), where[0])]
                outline.root.append(stack[0])
                for level, heading, index in _outline(dossier):
                    if index in where:
                        del stack[level:]
                        stack.append(pikepdf.OutlineItem(heading, where[index]))
                        stack[-2].children.append(stack[-1])
        attach(book, files)
        buffer = io.BytesIO()
        book.save(buffer, fix_metadata_version=False, deterministic_id=True)
        count = len(book.pages)
    target = out / book_name(ws, any(part.draft for part in parts))
    save(target, buffer.getvalue(), PROVINCE_FILE)
    return Rendered(target, count, time.perf_counter() - started)


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
        raise DossierError([Diagnostic(PROVINCE_FILE, Pos(), "render-failed",
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


def attach(book: Any, files: list[Attachment]) -> None:
    """Embed the source files as PDF/A-3 associated files (relationship Source), as WeasyPrint
    does for a single dossier: /EmbeddedFiles names, /AF in the catalogue, type, size, dates."""
    import pikepdf

    specs = []
    for item in files:
        date = pdf_date(item.when) if item.when is not None else ""
        spec = pikepdf.AttachedFileSpec(book, item.data, description=item.description, filename=item.name,
                                        mime_type="application/octet-stream", creation_date=date, mod_date=date,
                                        relationship=pikepdf.Name.Source)
        book.attachments[item.name] = spec
        stream = spec.obj.EF.F
        params = {"/Size": len(item.data), "/CheckSum": pikepdf.String(hashlib.md5(item.data).digest())}  # noqa: S324
        if date:
            params.update({"/CreationDate": date, "/ModDate": date})
        stream.Params = pikepdf.Dictionary(params)
        specs.append(spec.obj)
    book.Root.AF = pikepdf.Array(specs)


def pdf_date(when: dt.datetime) -> str:
    """A PDF date string (UTC when ``when`` has no zone)."""
    zone = when.utcoffset()
    minutes = int(zone.total_seconds() // 60) if zone is not None else 0
    sign = "+" if minutes >= 0 else "-"
    return f"D:{when:%Y%m%d%H%M%S}{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"
