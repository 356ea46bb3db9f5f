"""Markdown images that name a file of the repository (``![](images/a.png)``): the file must stay
inside the repository with symlinks followed, be a regular file and be within the resource
limit. (Remote, absolute and ``../`` URLs are refused by ``dossier.validate.content``.) Each
finding is located on the line where the image was written; the render's URL sandbox refuses
the same files again (``dossier.render.fetcher``)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator
from urllib.parse import unquote, urlsplit

from dossier.boundary import Refused, check_inside, check_regular
from dossier.errors import Diagnostic, Severity
from dossier.limits import Limits
from dossier.load import Source, locate
from dossier.model import Project
from dossier.validate.content import _IMAGE, _SCHEME, _fields, find_in_source


def local_image_checks(source: Source, project: Project, root: Path, limits: Limits) -> Iterator[Diagnostic]:
    base = source.path.parent if source.path else root
    for path, text in _fields(project):
        start = locate(source.root, path).line
        for m in _IMAGE.finditer(text):
            url = m[1]
            if not url or _SCHEME.match(url) or url.startswith("/") or ".." in Path(url).parts:
                continue  # not a file of the repository, or refused as such already
            name = unquote(urlsplit(url).path)
            if not name or "\0" in name:
                continue
            try:
                check_regular(check_inside(base / name, root), limits.max_resource_bytes)
            except Refused as exc:
                if exc.code == "file-not-found":
                    continue
                code = "image-outside" if exc.code == "path-outside" else exc.code
                yield Diagnostic(source.file, find_in_source(source.text, start, m[0]), code, Severity.ERROR,
                                 {"url": url[:80], "path": url[:80], **exc.details})
