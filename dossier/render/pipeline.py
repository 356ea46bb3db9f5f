"""``dossier build`` as a library: validated projects → their dossiers, page limits, the book.

Each project is laid out once. Its pages then become the stand-alone dossier
(``build/<slug>.pdf``) and, unchanged, a part of the province's book
(``build/<province>-<edition>.pdf``). A project with errors is skipped, unless ``draft`` is set
and its model could be read: it is then rendered as a draft (``<slug>.draft.pdf``, a watermark,
its problems listed on the last pages). WeasyPrint is imported only when the first PDF is made.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from dossier.errors import Diagnostic, DossierError, Pos, Severity
from dossier.render.book import build_book, source_attachment, source_bytes
from dossier.render.html import FONTS_DIR, Renderer, front_label
from dossier.render.pages import ProjectPages, page_counts, project_pages
from dossier.render.pdf import DEFAULT_VARIANT, Engine, Laid, Rendered
from dossier.render.views import ProjectView, build_project_view
from dossier.validate import Checked
from dossier.validate.checks import Context, PageCounts, page_checks
from dossier.workspace import Workspace

SHIPPED_FAMILY = "Sarabun"  # the only family a dossier should embed (dossier/fonts)
_CODE_POINT = re.compile(r"U\+([0-9A-Fa-f]{4,6})")


@dataclass
class Options:
    out_dir: Path
    draft: bool = False  # render projects with errors as drafts instead of skipping them
    book: bool = True  # also make the province's book of every dossier built
    variant: str = DEFAULT_VARIANT  # PDF/A-3b unless told otherwise


@dataclass
class Built:
    """One dossier made: its view, its laid-out pages (reused by the book) and the PDF."""

    checked: Checked
    view: ProjectView
    laid: Laid
    pages: ProjectPages
    rendered: Rendered
    counts: PageCounts
    seconds: float

    @property
    def draft(self) -> bool:
        return self.view.draft


@dataclass
class Outcome:
    built: list[Built] = field(default_factory=list)
    skipped: list[Checked] = field(default_factory=list)
    failed: list[Checked] = field(default_factory=list)
    book: Rendered | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)  # found while building


#: Called as each step ends: ("built", item, built) | ("skipped", item, None) |
#: ("failed", item, diagnostics) | ("book", None, rendered) | ("book-failed", None, diagnostics).
Progress = Callable[[str, Checked | None, object], None]


def locate_glyphs(diagnostics: list[Diagnostic], text: str) -> list[Diagnostic]:
    """Place each missing-glyph error on the first line of the source holding that character."""
    placed = []
    for d in diagnostics:
        found = _CODE_POINT.search(str(d.args.get("chars", ""))) if d.code == "glyph-missing" else None
        if found:
            char = chr(int(found[1], 16))
            for number, line in enumerate(text.splitlines(), start=1):
                if char in line:
                    d = replace(d, pos=Pos(number, line.index(char) + 1))
                    break
        placed.append(d)
    return placed


def build_project(ws: Workspace, renderer: Renderer, engine: Engine, item: Checked, options: Options,
                  draft: bool) -> tuple[Built, list[Diagnostic]]:
    """Render one project; returns what was built and the problems found on the way."""
    started = time.perf_counter()
    assert item.project is not None
    view = build_project_view(item.slug, item.project, item.award_type, ws, renderer.markdown,
                              source_path=item.path, file=item.file, draft=draft, diagnostics=item.diagnostics)
    base = item.path.parent if item.path else ws.root
    laid, found = engine.layout(renderer.project_html(view), base, item.file)
    try:
        pages = project_pages(laid.anchors, view.anchor)
        counts = page_counts(laid.anchors, view)
    except LookupError as exc:
        raise DossierError([Diagnostic(item.file, Pos(), "render-failed",
                                       args={"reason": str(exc)})]) from None
    composed = engine.compose([(laid, range(laid.pages))], renderer.chrome_html(pages.folios(front_label)))
    name = f"{item.slug}.draft.pdf" if draft else f"{item.slug}.pdf"
    source_name = item.path.name if item.path else f"{item.slug}.yaml"
    rendered = engine.write(composed, options.out_dir / name, [source_attachment(source_name, source_bytes(item))],
                            options.variant)
    fallback = sorted(rendered.fonts - {SHIPPED_FAMILY})
    if fallback:
        found.append(Diagnostic(item.file, Pos(), "font-fallback", Severity.WARNING, {"fonts": fallback}))
    if item.award_type is not None:
        ctx = Context(item.file, item.source.root, item.project, item.award_type, ws.province, ws.rules)
        found += page_checks(ctx, counts)
    return Built(item, view, laid, pages, rendered, counts, time.perf_counter() - started), found


def build(ws: Workspace, checked: list[Checked], options: Options, progress: Progress | None = None) -> Outcome:
    """Build every dossier of ``checked`` (and the book); never raises for a project's problems."""
    report: Progress = progress or (lambda *_: None)
    outcome = Outcome()
    renderer = Renderer(ws)
    engine: Engine | None = None
    for item in checked:
        draft = not (item.ok and item.award_type is not None)
        if item.project is None or (draft and not options.draft):
            outcome.skipped.append(item)
            report("skipped", item, None)
            continue
        engine = engine or Engine([ws.root, *ws.template_dirs(), FONTS_DIR])
        try:
            built, found = build_project(ws, renderer, engine, item, options, draft)
        except DossierError as exc:
            problems = locate_glyphs(exc.diagnostics, item.source.text)
            outcome.failed.append(item)
            outcome.diagnostics.extend(problems)
            report("failed", item, problems)
            continue
        outcome.built.append(built)
        outcome.diagnostics.extend(found)
        report("built", item, built)
    if options.book and outcome.built and engine is not None:
        try:
            outcome.book = build_book(ws, renderer, engine, outcome, options)
        except DossierError as exc:
            outcome.diagnostics.extend(exc.diagnostics)
            report("book-failed", None, exc.diagnostics)
        else:
            report("book", None, outcome.book)
    return outcome
