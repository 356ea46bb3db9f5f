"""Each project's pages as PNG images, made from the PDF the build wrote (what you see is what
prints), with pypdfium2 in this process. A document is drawn again only when its PDF changed
(its hash), and each page has its own digest (of its pixels), so the browser fetches only the
pages that changed. A page is encoded as PNG when first asked for, or right after the new build
has been announced, so encoding is off the path from a save to the changed page on screen. A
project that has no document after a build (a broken save) keeps the pages of its last good
one, marked as such, beside its new problems."""

from __future__ import annotations

import hashlib
import io
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

SCALE = 1.25  # 90 dpi: an A4 page is 744 x 1052 pixels, sharp at the preview's width


class PageImage:
    """One page: the digest of its pixels (the browser asks again only when it changes) and
    its PNG, encoded once, when first needed (then the pixels are let go)."""

    def __init__(self, image: Image.Image) -> None:
        self.digest = hashlib.sha256(image.tobytes()).hexdigest()[:16]
        self._image: Image.Image | None = image
        self._png: bytes | None = None
        self._lock = threading.Lock()

    def png(self) -> bytes:
        with self._lock:
            if self._png is None:
                assert self._image is not None
                buffer = io.BytesIO()
                self._image.save(buffer, "PNG", compress_level=1)
                self._png, self._image = buffer.getvalue(), None
            return self._png


@dataclass(frozen=True)
class Gallery:
    source: str  # the project file
    document: str  # the PDF's name in the output folder
    digest: str  # of the PDF
    pages: tuple[PageImage, ...]
    version: int  # the build that made it
    stale: bool = False  # the project has no document in the latest build: these are the last good pages


def draw(pdf: Path, scale: float = SCALE) -> tuple[PageImage, ...]:
    """Every page of ``pdf`` as an image."""
    import pypdfium2 as pdfium

    images = []
    document = pdfium.PdfDocument(str(pdf))
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=scale)
            images.append(PageImage(bitmap.to_pil().convert("RGB")))
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


def encode(galleries: dict[str, Gallery]) -> None:
    """Encode every page not yet asked for (after the build was announced)."""
    for gallery in galleries.values():
        for page in gallery.pages:
            page.png()
