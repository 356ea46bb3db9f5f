"""The province's book, read back from the PDF: metadata, bookmarks nested per project, the
sources it carries, and the dossiers' pages reused (not laid out again)."""

from __future__ import annotations

from pathlib import Path

import pypdf
from dossier.render.numerals import localize

from support.render_helpers import PROJECTS, Rendered, outline_titles


def book(bundled: Rendered) -> Path:
    assert bundled.outcome.book is not None
    return bundled.outcome.book.path


def test_book_metadata(bundled: Rendered) -> None:
    reader = pypdf.PdfReader(book(bundled))
    info = reader.metadata
    assert info.title == "ผลงานที่ส่งประกวดรางวัลเลิศรัฐ ประจำปี พ.ศ. ๒๕๖๔ จังหวัดสมุทรสงคราม"
    assert info.author == bundled.ws.province.office.name
    assert "๘ ผลงาน" in info.subject
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "th" and "/StructTreeRoot" in root
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp


def test_book_carries_every_source(bundled: Rendered) -> None:
    attachments = pypdf.PdfReader(book(bundled)).attachments
    assert set(attachments) == {"dossier.yaml", *(f"{slug}.yaml" for slug in PROJECTS)}
    for slug in PROJECTS:
        assert attachments[f"{slug}.yaml"] == [(bundled.root / "projects" / f"{slug}.yaml").read_bytes()]
    assert attachments["dossier.yaml"] == [(bundled.root / "dossier.yaml").read_bytes()]


def test_book_bookmarks_nest_each_dossier(bundled: Rendered) -> None:
    reader = pypdf.PdfReader(book(bundled))
    titles = outline_titles(reader.outline)
    top = [t for t in titles if isinstance(t, str)]
    built = bundled.outcome.built
    assert top == ["สรุปผลงานที่ส่งประกวด"] + [localize(b.checked.project.title, "thai") for b in built]
    children = [t for t in titles if isinstance(t, list)]
    assert len(children) == len(built)
    for b, sub in zip(built, children):
        names = [t for t in sub if isinstance(t, str)]
        assert names[:2] == ["บทสรุปผลงาน", localize(f"1. {b.view.sections[0].heading}", "thai")]
        assert "ผู้ประสานงาน" in names
    # each project's bookmark opens on its cover
    entries = [item for item in reader.outline if not isinstance(item, list)]
    for b, entry in zip(built, entries[1:]):
        page = reader.get_destination_page_number(entry)
        text = reader.pages[page].extract_text()
        assert localize("ประจำปี พ.ศ. 2564", "thai").replace("ำ", "ํา") in text.replace("ำ", "ํา")


def test_book_reuses_the_dossier_pdfs(bundled: Rendered) -> None:
    """The book's pages are the stand-alone dossiers' pages, footer and all (their own contents
    page aside): taken from their PDFs, not laid out again."""
    reader = pypdf.PdfReader(book(bundled))
    total = sum(b.pages.count - (b.pages.body - b.pages.toc) for b in bundled.outcome.built)
    first = len(reader.pages) - total
    for b in bundled.outcome.built:
        alone = pypdf.PdfReader(b.rendered.path)
        kept = [*range(0, b.pages.toc), *range(b.pages.body, b.pages.count)]
        for offset, index in enumerate(kept):
            assert alone.pages[index].get_contents().get_data() == reader.pages[first + offset].get_contents().get_data()
        assert localize(f"หน้า 1 จาก {b.pages.body_pages}", "thai") in reader.pages[first + b.pages.toc].extract_text()
        first += len(kept)
