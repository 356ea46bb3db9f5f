"""The URL sandbox of every render: WeasyPrint may read only what the build allows.

Allowed: ``data:`` URLs, and ``file:`` URLs that resolve (symlinks followed) to a regular file
inside one of the allowed folders (the project's folder, the templates, the shipped fonts) and
within the size cap; an image only when Pillow decodes it within the image limits, as validation
checks it (``dossier.validate.images``; a draft renders despite its errors). Everything else
(http, https, ftp, other schemes, paths outside) is refused and recorded, so the build reports
it as a located problem instead of dropping it.
Imported only by ``dossier.render.pdf`` (it imports WeasyPrint).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

from dossier.boundary import Refused, read_regular
from dossier.limits import DEFAULT_LIMITS
from dossier.paths import PACKAGE_DIR
from dossier.validate.images import render_refusal

MAX_RESOURCE_BYTES = DEFAULT_LIMITS.max_resource_bytes
SHIPPED = PACKAGE_DIR.resolve()


class SandboxedFetcher(URLFetcher):
    def __init__(self, roots: list[Path], max_bytes: int = MAX_RESOURCE_BYTES) -> None:
        super().__init__(timeout=1, allowed_protocols={"file", "data"}, allow_redirects=False)
        self.roots = [root.resolve() for root in roots]
        self.max_bytes = max_bytes
        self.refused: list[tuple[str, str]] = []  # (url, reason)
        self.images_refused: set[str] = set()  # of those, images the author wrote: content lost

    def _refuse(self, url: str, reason: str) -> ValueError:
        self.refused.append((url, reason))
        return ValueError(f"dossier sandbox refused {url}: {reason}")

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            raise self._refuse(url, f"scheme {scheme or '(none)'} is not allowed")
        path = Path(url2pathname(unquote(urlsplit(url).path)))
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError):
            raise self._refuse(url, "no such file") from None
        if not any(real.is_relative_to(root) for root in self.roots):
            raise self._refuse(url, "outside the allowed folders")
        try:  # a regular file only, its size checked before reading
            body = read_regular(real, self.max_bytes)
        except Refused as exc:
            reason = f"larger than {self.max_bytes} bytes" if exc.code == "file-too-large" else "not a regular file"
            raise self._refuse(url, reason) from None
        shipped = real.is_relative_to(SHIPPED)  # the tool's own fonts: no image to check (nor Pillow to load)
        refusal = None if shipped else render_refusal(real, DEFAULT_LIMITS)  # as validation, in a draft too
        if refusal is not None:
            self.images_refused.add(url)
            raise self._refuse(url, refusal)
        return URLFetcherResponse(real.as_uri(), body=body)
