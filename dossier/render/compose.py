"""Pages from laid-out documents, given the footers of a page-chrome document.

Why: CSS cannot number "หน้า ๓ จาก ๑๒" when the cover is not counted (``counter(pages)`` counts
every page), nor run page numbers on through the dossiers of the province's book, whose pages
come from documents laid out separately. So footers are not part of a dossier's CSS: the build
computes every page's label, lays out a cheap chrome document with one empty page per label
(``templates/chrome.html.j2``, the same page geometry), and moves each chrome page's margin boxes
onto the matching page. Layout of the dossiers themselves is untouched and done once.

This relies on WeasyPrint internals (``Page._page_box``, ``MarginBox``): like
``dossier.render.textlayer`` it is pinned to WeasyPrint 70.0 (checked at import by the engine)
and covered by tests that read the footers back from the PDF. Imported lazily by
``dossier.render.pdf`` only.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from weasyprint.document import Document, Page
from weasyprint.formatting_structure import boxes

from dossier.render.textlayer import PINNED_WEASYPRINT

__all__ = ["PINNED_WEASYPRINT", "with_chrome"]


def with_chrome(base: Document, pages: Sequence[Page], chrome: Document,
                outline: dict[int, tuple[int, str]]) -> Document:
    """A new document of ``pages`` (metadata of ``base``), each with the margin boxes of the
    chrome page of the same index added, and the bookmarks of ``outline`` inserted first on their
    page. Attachment links are dropped: a dossier embeds only the files the build gives it."""
    if len(chrome.pages) != len(pages):
        raise RuntimeError(f"page chrome has {len(chrome.pages)} pages for {len(pages)} pages of content")
    composed: list[Page] = []
    for index, (page, frame) in enumerate(zip(pages, chrome.pages)):
        margins = [box for box in frame._page_box.children if isinstance(box, boxes.MarginBox)]
        page_box = page._page_box.copy_with_children([*page._page_box.children, *margins])
        new = Page(page_box)
        new.links = [link for link in new.links if link[0] != "attachment"]
        if index in outline:
            level, label = outline[index]
            new.bookmarks.insert(0, (level, label, (0, 0), "closed"))
        composed.append(new)
    document = base.copy(composed)
    metadata: Any = copy.copy(base.metadata)
    metadata.attachments = []
    document.metadata = metadata
    return document
