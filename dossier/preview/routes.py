"""The preview's own addresses: ``/project/<key>`` (a project's page) and
``/__page/<key>/<n>.png`` (its page images, from memory: never a path of the caller's choosing)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dossier.preview.gallery import Gallery
from dossier.preview.site import key_of, project_page

if TYPE_CHECKING:
    from dossier.serve import Preview

Reply = tuple[int, str, bytes, str]  # status, content type, body, Cache-Control
NOT_FOUND: Reply = (404, "text/plain; charset=utf-8", b"not found", "no-store")


def answer(path: str, preview: Preview | None, galleries: dict[str, Gallery], lang: str) -> Reply:
    if path.startswith("/project/"):
        shown = project_page(preview, galleries, lang, path[len("/project/"):])
        return NOT_FOUND if shown is None else (200, "text/html; charset=utf-8", shown.encode("utf-8"), "no-store")
    key, _, name = path[len("/__page/"):].partition("/")
    number = name.removesuffix(".png")
    gallery = next((g for g in galleries.values() if key_of(g.source) == key), None)
    if gallery is None or not name.endswith(".png") or not number.isdigit() or not 0 < int(number) <= len(gallery.pages):
        return NOT_FOUND
    # the address carries the image's digest (?v=): the same address is always the same image
    return 200, "image/png", gallery.pages[int(number) - 1].png(), "max-age=3600"
