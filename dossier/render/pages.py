"""Where the parts of a laid-out dossier fell, from the ids on each page (pure, no WeasyPrint).

A dossier is laid out once; its pages are then labelled (the footers), measured (the page limits
of the rules) and, in the province's book, renumbered, all from the set of ids on each page.
The ids are those of ``project.html.j2``: ``<anchor>--toc``, ``--summary``, ``--<key>``,
``--<key>--end`` (also ``--summary--end``) and ``--end``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from dossier.render.views import ProjectView, ident
from dossier.validate.checks import PageCounts

Anchors = Sequence[AbstractSet[str]]


@dataclass(frozen=True)
class Folio:
    """What a page's footer shows: ``body`` pages "หน้า n จาก total", ``front`` pages a letter."""

    kind: str  # "body" | "front"
    number: int = 0
    total: int = 0
    label: str = ""


def first_page(anchors: Anchors, name: str) -> int | None:
    """Index of the first page holding the id ``name``."""
    return next((index for index, names in enumerate(anchors) if name in names), None)


def _page(anchors: Anchors, name: str) -> int:
    index = first_page(anchors, name)
    if index is None:
        raise LookupError(f"the laid-out document has no element with id {name!r}; "
                          f"a customised template must keep the ids of project.html.j2")
    return index


@dataclass(frozen=True)
class ProjectPages:
    """Page indices (0-based) of a dossier's cover, table of contents and body."""

    count: int
    toc: int  # first page of the table of contents
    body: int  # first body page (the summary): page ๑
    end: int  # page holding the end of the body proper (before a draft's problems)

    @property
    def body_pages(self) -> int:
        return self.count - self.body

    def folios(self, front_label: Callable[[int], str]) -> list[Folio | None]:
        """Footers of the stand-alone dossier: none on the cover, letters on the table of
        contents, "หน้า n จาก N" on the body where N counts body pages only."""
        folios: list[Folio | None] = [None] * self.toc
        folios += [Folio("front", label=front_label(i)) for i in range(self.body - self.toc)]
        folios += [Folio("body", n, self.body_pages) for n in range(1, self.body_pages + 1)]
        return folios


def project_pages(anchors: Anchors, anchor: str) -> ProjectPages:
    toc, body, end = (_page(anchors, ident(anchor, part)) for part in ("toc", "summary", "end"))
    return ProjectPages(len(anchors), toc, body, end)


def page_counts(anchors: Anchors, view: ProjectView) -> PageCounts:
    """Pages per part: a part runs from the page of its heading to the page of its end marker."""
    pages = project_pages(anchors, view.anchor)

    def span(start: str) -> int:
        return _page(anchors, ident(start, "end")) - _page(anchors, start) + 1

    sections = {section.key: span(section.anchor) for section in view.sections}
    return PageCounts(span(ident(view.anchor, "summary")), sections, pages.end - pages.body + 1)
