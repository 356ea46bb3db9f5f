"""Each project's pages as PNG images, made from the PDF the build wrote (what you see is what
prints), with pypdfium2 in this process. A document is drawn again only when its PDF changed
(its hash), and then only its pages whose content changed (a key per page, of its content
stream and resources): the others keep their images, and the browser, whose image addresses
carry the key, fetches only the changed ones. A page is rasterised and encoded as PNG when
first asked for, or right after the new build has been announced: the new build is pushed
before any page is drawn, and the first page the browser asks for is drawn first. A
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
KEY_SKIPPED = ("/Parent", "/Annots", "/StructParents", "/Tabs")  # not drawn, or the document's own bookkeeping


class PageImage:
    """One page: the key of its content (the browser asks again only when it changes) and its
    PNG, drawn from the PDF and encoded once, when first needed (by the browser's request or
    by :func:`encode` after the build was announced); only then is the PDF's page rasterised.
    Drawing takes ``lock``: pdfium is used by one thread at a time."""

    def __init__(self, digest: str, pdf: bytes, index: int, lock: threading.Lock, scale: float = SCALE) -> None:
        self.digest = digest
        self._pdf: bytes | None = pdf
        self._index = index
        self._scale = scale
        self._drawing = lock
        self._png: bytes | None = None
        self._lock = threading.Lock()

    def png(self) -> bytes:
        with self._lock:
            if self._png is None:
                assert self._pdf is not None
                with self._drawing:
                    image = draw_page(self._pdf, self._index, self._scale)
                buffer = io.BytesIO()
                image.save(buffer, "PNG", compress_level=1)
                self._png, self._pdf = buffer.getvalue(), None
            return self._png


@dataclass(frozen=True)
class Gallery:
    source: str  # the project file
    document: str  # the PDF's name in the output folder
    digest: str  # of the PDF
    pages: tuple[PageImage, ...]
    version: int  # the build that made it
    stale: bool = False  # the project has no document in the latest build: these are the last good pages


def draw_page(pdf: bytes, index: int, scale: float = SCALE) -> Image.Image:
    """Page ``index`` of ``pdf`` as an image."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        page = document[index]
        bitmap = page.render(scale=scale)
        image = bitmap.to_pil().convert("RGB")
        bitmap.close()
        page.close()
    finally:
        document.close()
    return image


def page_keys(pdf: bytes) -> list[str]:
    """A key per page of what it draws: its content stream and the resources it uses (images,
    patterns...), with each font named by its font file's name rather than its subset's tag
    (the tag changes with the glyphs the whole document uses; glyph numbers do not, WeasyPrint
    keeps them when it subsets). The same key is the same picture; a different one is drawn
    again even if it looks the same (only costs a redraw)."""
    import pikepdf

    keys = []
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            h = hashlib.sha256()
            content = page.obj.get("/Contents")
            data = b"".join(c.read_bytes() for c in (content if isinstance(content, pikepdf.Array) else [content])
                            if isinstance(c, pikepdf.Stream))
            resources = page.obj.get("/Resources")
            fonts = resources.get("/Font") if isinstance(resources, pikepdf.Dictionary) else None
            if isinstance(fonts, pikepdf.Dictionary):
                for name in fonts.keys():
                    base = str(fonts[name].get("/BaseFont", name)).partition("+")
                    data = data.replace(name.encode() + b" ", f"/{base[2] or base[0]} ".encode())
            h.update(data)
            if isinstance(resources, pikepdf.Dictionary):
                for category in sorted(k for k in resources.keys() if k != "/Font"):
                    h.update(category.encode())
                    _digest(resources[category], h, set())
            h.update(repr(page.obj.get("/MediaBox")).encode())
            keys.append(h.hexdigest()[:16])
    return keys


def _digest(obj: object, h: hashlib._Hash, seen: set[tuple[int, int]]) -> None:
    import pikepdf

    if isinstance(obj, pikepdf.Object) and obj.is_indirect:
        if obj.objgen in seen:
            return
        seen.add(obj.objgen)
    if isinstance(obj, pikepdf.Stream):
        h.update(obj.read_raw_bytes())
    if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
        for key in sorted(obj.keys()):
            if key not in KEY_SKIPPED:
                h.update(key.encode())
                _digest(obj[key], h, seen)
    elif isinstance(obj, pikepdf.Array):
        for item in obj:
            _digest(item, h, seen)
    else:
        h.update(repr(obj).encode())


def update(previous: dict[str, Gallery], documents: list[tuple[str, str]], out: Path, version: int,
           lock: threading.Lock) -> dict[str, Gallery]:
    """The galleries after a build whose project documents are ``documents`` ((source, PDF
    name) pairs): where the PDF changed, the pages whose content changed are new images (drawn
    when first asked for), the others kept; kept whole (stale) where the project has none now."""
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
            keys = page_keys(data)
        except Exception:  # noqa: BLE001 - a PDF that cannot be read: no pages shown, the build's problems say why
            continue
        kept = {page.digest: page for page in old.pages} if old is not None else {}
        pages = tuple(kept.get(key) or PageImage(key, data, index, lock) for index, key in enumerate(keys))
        galleries[source] = Gallery(source, name, digest, pages, version)
    for source, old in previous.items():
        if source not in galleries and Path(source).exists():  # a project removed is forgotten
            galleries[source] = replace(old, stale=True)
    return galleries


def encode(galleries: dict[str, Gallery]) -> None:
    """Encode every page not yet asked for (after the build was announced)."""
    for gallery in galleries.values():
        for page in gallery.pages:
            page.png()
