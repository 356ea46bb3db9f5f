"""Each project's pages as PNG images, made from the PDF the build wrote (what you see is what
prints), with pypdfium2 in this process. A document is drawn again only when its PDF changed
(its hash), and each page has its own digest, so the browser fetches only the pages that
changed. A project that has no document after a build (a broken save) keeps the pages of its
last good one, marked as such, beside its new problems."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, replace
from pathlib import Path

SCALE = 1.25  # 90 dpi: an A4 page is 744 x 1052 pixels, sharp at the preview's width


@dataclass(frozen=True)
class PageImage:
    png: bytes
    digest: str  # of the PNG: the browser asks again only when it changes


@dataclass(frozen=True)
class Gallery:
    source: str  # the project file
    document: str  # the PDF's name in the output folder
    digest: str  # of the PDF
    pages: tuple[PageImage, ...]
    version: int  # the build that made it
    stale: bool = False  # the project has no document in the latest build: these are the last good pages


def draw(pdf: Path, scale: float = SCALE) -> tuple[PageImage, ...]:
    """Every page of ``pdf`` as a PNG."""
    import pypdfium2 as pdfium

    images = []
    document = pdfium.PdfDocument(str(pdf))
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=scale)
            buffer = io.BytesIO()
            bitmap.to_pil().convert("RGB").save(buffer, "PNG", compress_level=1)
            data = buffer.getvalue()
            images.append(PageImage(data, hashlib.sha256(data).hexdigest()[:16]))
            bitmap.close()
            page.close()
    finally:
        document.close()
    return tuple(images)


def update(previous: dict[str, Gallery], documents: list[tuple[str, str]], out: Path, version: int) -> dict[str, Gallery]:
    """The galleries after a build whose project documents are ``documents`` ((source, PDF
    name) pairs): redrawn where the PDF changed, kept (stale) where the project has none now."""
    galleries: dict[str, Gallery] = {}
    for source, name in documents:
        try:
            data = (out / name).read_bytes()
        except OSError:
            continue
        digest = hashlib.sha256(data).hexdigest()
        old = previous.get(source)
        if old is not None and old.digest == digest and old.document == name:
            galleries[source] = replace(old, stale=False)
            continue
        try:
            galleries[source] = Gallery(source, name, digest, draw(out / name), version)
        except Exception:  # noqa: BLE001 - a PDF pdfium cannot read: no pages shown, the build's problems say why
            continue
    for source, old in previous.items():
        if source not in galleries and Path(source).exists():  # a project removed is forgotten
            galleries[source] = replace(old, stale=True)
    return galleries
