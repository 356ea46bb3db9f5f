"""The Jinja loader of the templates: a template is read only when it is a regular file, within
the size limit, that stays inside its folder's boundary (the repository for ``templates/``, the
package for the built-in ones) with symlinks followed. A template that does not is skipped, as
if absent: the next folder's (the built-in one) is used, and the workspace reports the symlink
(``dossier.paths.boundary_problems``)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import jinja2

from dossier.boundary import Refused, read_inside


class BoundedLoader(jinja2.BaseLoader):
    def __init__(self, folders: list[tuple[Path, Path]], cap: int) -> None:
        self.folders = folders  # (templates folder, the boundary its files must stay inside)
        self.cap = cap

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = jinja2.loaders.split_template_path(template)
        for folder, within in self.folders:
            path = folder.joinpath(*pieces)
            if not os.path.lexists(path):
                continue
            try:
                data = read_inside(path, within, self.cap)
                mtime = os.stat(path).st_mtime_ns
            except (Refused, OSError):
                continue
            return data.decode("utf-8"), str(path), lambda: _mtime(path) == mtime
        raise jinja2.TemplateNotFound(template)


def _mtime(path: Path) -> int | None:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None
