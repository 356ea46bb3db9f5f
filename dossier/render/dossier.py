"""One dossier, rendered where a job runs (a worker process, or the CLI with ``-j 1``).

A :class:`Task` carries everything the render needs and a :class:`Result` everything the build
keeps: both are plain data that cross process boundaries. The WeasyPrint session and the Jinja
environment are made once per process and reused by its later tasks.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from dossier import catalogue
from dossier.boundary import Refused, read_inside
from dossier.errors import NOWHERE, Diagnostic, DossierError, Severity
from dossier.limits import DEFAULT_LIMITS
from dossier.render.html import FONTS_DIR, Renderer, front_label
from dossier.render.pages import ProjectPages, first_page, page_counts, project_pages
from dossier.render.pdf import Attachment, Engine, Laid, Rendered
from dossier.render.views import ProjectView, build_project_view, ident
from dossier.render.where import located
from dossier.validate import Checked
from dossier.validate.checks import Context, PageCounts, page_checks
from dossier.workspace import Workspace

SHIPPED_FAMILY = "Sarabun"  # the only family a dossier should embed (dossier/fonts)
_SESSIONS: dict[tuple[str, ...], Engine] = {}  # per process: one WeasyPrint session per set of roots
_RENDERERS: dict[tuple[str, dt.date], Renderer] = {}  # per process: one Jinja environment per day


@dataclass
class Task:
    ws: Workspace
    item: Checked
    out: Path  # the PDF to write
    draft: bool
    variant: str
    when: dt.datetime | None  # the reproducible date (SOURCE_DATE_EPOCH or git); None: today
    keep_layout: bool = False  # return the laid-out pages too (in this process only: not picklable)


@dataclass
class Result:
    """A dossier made: what the book, the manifest and the progress display need of it."""

    view: ProjectView
    pages: ProjectPages
    rendered: Rendered
    counts: PageCounts
    anchors: dict[str, int]  # the table-of-contents ids → page index
    seconds: float
    diagnostics: list[Diagnostic] = field(default_factory=list)
    laid: Laid | None = None  # with Task.keep_layout


def source_attachment(name: str, data: bytes, when: dt.datetime | None = None) -> Attachment:
    """A source file embedded in a PDF (the dossier's YAML; the book's YAMLs and dossier.yaml)."""
    return Attachment(name, data, catalogue.message("source-attachment", "th", {"name": name}), when)


def source_bytes(item: Checked, root: Path) -> bytes:
    """The project file exactly as written (what the PDF carries as its source), read again only
    inside the repository, as a regular file within the limit; else the text validation read."""
    if item.path is not None:
        try:
            return read_inside(item.path, root, DEFAULT_LIMITS.max_file_bytes)
        except Refused:
            pass
    return item.source.text.encode("utf-8")


def engine(ws: Workspace) -> Engine:
    roots = (ws.root, *ws.template_dirs(), FONTS_DIR)
    key = tuple(str(r) for r in roots)
    if key not in _SESSIONS:
        _SESSIONS[key] = Engine(list(roots))
    return _SESSIONS[key]


def renderer(ws: Workspace, day: dt.date) -> Renderer:
    key = (str(ws.root), day)
    if key not in _RENDERERS:
        _RENDERERS[key] = Renderer(ws, today=day)
    return _RENDERERS[key]


def warm_up() -> None:
    """Import WeasyPrint and install the text-layer fix before the first task arrives."""
    import weasyprint  # noqa: F401

    from dossier.render import compose, leaders, textlayer  # noqa: F401

    textlayer.install()
    leaders.install()
    from dossier.render import thaiwrap

    thaiwrap.segmenter()  # the word lists are loaded once per process, before the first task:
    breaker = thaiwrap.libthai()  # newmm's, and libthai's trie (about 0.1 s)
    if breaker is not None:
        breaker.breaks("ก")


def toc_anchors(view: ProjectView) -> list[str]:
    return [str(ident(view.anchor, "summary")), *(str(s.anchor) for s in view.sections)]


def render(task: Task, on_laid: Callable[[ProjectPages, dict[str, int], ProjectView], None] | None = None) -> Result:
    """Lay out, paginate, measure and write one dossier; ``on_laid`` is told its pages, contents
    anchors and view as soon as they are known, before it is written. Raises
    :class:`DossierError` with the project's located problems when it cannot be made."""
    started = time.perf_counter()
    item, ws = task.item, task.ws
    assert item.project is not None
    when = task.when or dt.datetime.now().replace(microsecond=0)
    html = renderer(ws, when.date())
    view = build_project_view(item.slug, item.project, item.award_type, ws, html.markdown,
                              source_path=item.path, file=item.file, draft=task.draft, diagnostics=item.diagnostics)
    session = engine(ws)
    base = item.path.parent if item.path else ws.root
    laid, found = session.layout(html.project_html(view), base, item.file)
    found = located(found, item.source.text, base)
    try:
        pages = project_pages(laid.anchors, view.anchor)
        counts = page_counts(laid.anchors, view)
    except LookupError as exc:
        raise DossierError([Diagnostic(item.file, NOWHERE, "render-failed", args={"reason": str(exc)})]) from None
    anchors = {name: page for name in toc_anchors(view)
               if (page := first_page(laid.anchors, name)) is not None}
    if on_laid is not None:
        on_laid(pages, anchors, view)
    composed = session.compose([(laid, range(laid.pages))], html.chrome_html(pages.folios(front_label)))
    source_name = item.path.name if item.path else f"{item.slug}.yaml"
    rendered = session.write(composed, task.out, [source_attachment(source_name, source_bytes(item, ws.root), when)],
                             task.variant)
    fallback = sorted(rendered.fonts - {SHIPPED_FAMILY})
    if fallback:
        found.append(Diagnostic(item.file, NOWHERE, "font-fallback", Severity.WARNING, {"fonts": fallback}))
    if item.award_type is not None:
        ctx = Context(item.file, item.source.root, item.project, item.award_type, ws.province, ws.rules)
        found += page_checks(ctx, counts)
    return Result(view, pages, replace(rendered, diagnostics=[]), counts, anchors,
                  time.perf_counter() - started, found, laid if task.keep_layout else None)
