"""The province's book (``build/<province>-<edition>.pdf``) assembled from PDFs already made:
the front matter (laid out by ``dossier.render.book``), then every dossier's cover and body pages
taken from the dossier PDFs written by this or an earlier build (``pikepdf``, i.e. qpdf: 65 pages
in about 0.06 s), their own table of contents replaced by the shared one, bookmarks per project,
and the source files (``dossier.yaml`` and every project's YAML) attached as PDF/A-3 files.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import time
from pathlib import Path
from typing import Any

import pikepdf

from dossier.boundary import Refused, read_inside
from dossier.outputs import book_name
from dossier.render.book import Part
from dossier.render.dossier import source_attachment, source_bytes
from dossier.render.numerals import localize
from dossier.render.pages import ProjectPages
from dossier.render.pdf import Attachment, Rendered, save
from dossier.workspace import PROVINCE_FILE, Workspace


def chosen_pages(pages: ProjectPages) -> list[int]:
    """Pages of a dossier that go in the book: its cover and its body (not its own contents)."""
    return [*range(0, pages.toc), *range(pages.body, pages.count)]


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


def merge(ws: Workspace, parts: list[Part], front: bytes, out: Path, when: dt.datetime) -> Rendered:
    """The book: the front matter, then each dossier's cover and body pages with its bookmarks
    under its title, and every source attached; written atomically."""
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
    target = out / book_name(ws.province.province, ws.province.edition, any(part.draft for part in parts))
    save(target, buffer.getvalue(), PROVINCE_FILE)
    return Rendered(target, count, time.perf_counter() - started)


def attach(book: Any, files: list[Attachment]) -> None:
    """Embed the source files as PDF/A-3 associated files (relationship Source), as WeasyPrint
    does for a single dossier: /EmbeddedFiles names, /AF in the catalogue, type, size, dates."""
    specs = []
    for item in files:
        date = pdf_date(item.when) if item.when is not None else ""
        spec = pikepdf.AttachedFileSpec(book, item.data, description=item.description, filename=item.name,
                                        mime_type="application/octet-stream", creation_date=date, mod_date=date,
                                        relationship=pikepdf.Name.Source)
        book.attachments[item.name] = spec
        stream = spec.obj.EF.F
        params: dict[str, Any] = {"/Size": len(item.data),
                                  "/CheckSum": pikepdf.String(hashlib.md5(item.data).digest())}  # noqa: S324
        if date:
            params |= {"/CreationDate": date, "/ModDate": date}
        stream.Params = pikepdf.Dictionary(params)
        specs.append(spec.obj)
    book.Root.AF = pikepdf.Array(specs)


def pdf_date(when: dt.datetime) -> str:
    """A PDF date string (UTC when ``when`` has no zone)."""
    zone = when.utcoffset()
    minutes = int(zone.total_seconds() // 60) if zone is not None else 0
    sign = "+" if minutes >= 0 else "-"
    return f"D:{when:%Y%m%d%H%M%S}{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"
