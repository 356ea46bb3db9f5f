"""``dossier build``: validate, then render each project's dossier and the province's book,
doing only what changed, in parallel."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from dossier import catalogue
from dossier.cli.common import common_options, edge, exit_code, print_diagnostics
from dossier.cli.progress import Display
from dossier.errors import Diagnostic, DossierError
from dossier.safetext import visible

if TYPE_CHECKING:  # the build and validation are imported when a build runs
    from dossier.render.pdf import Rendered
    from dossier.validate import Checked

VARIANTS = ("pdf/a-3b", "pdf/a-3u", "pdf/a-3a", "none")  # dossier.render.pdf.VARIANTS, without importing it


@click.command("build")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help=catalogue.option_help("out"))
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=None,
              help=catalogue.option_help("jobs"))
@click.option("--force", is_flag=True, help=catalogue.option_help("force"))
@click.option("--draft", is_flag=True,
              help=catalogue.option_help("draft"))
@click.option("--book/--no-book", default=None,
              help=catalogue.option_help("book"))
@click.option("--pdf-variant", type=click.Choice(VARIANTS), default="pdf/a-3b", show_default=True,
              help=catalogue.option_help("pdf-variant"))
@common_options
@edge
def build_command(paths: tuple[Path, ...], out: Path | None, jobs: int | None, force: bool, draft: bool,
                  book: bool | None, pdf_variant: str, lang: str, fmt: str, quiet: bool, strict: bool) -> int:
    """Validate the projects, then render each valid one as an A4 PDF, and the province's book.

    \b
    ตรวจแล้วสร้างเอกสาร PDF ขนาด A4 ของทุกโครงการที่ผ่านการตรวจ และเล่มรวมผลงานของจังหวัด
    ลงในโฟลเดอร์ build/ (PDF/A-3b ที่แนบไฟล์ต้นฉบับ YAML ไว้ในตัว)
    Only what changed is rebuilt: a project whose file, photos, the rules,
    templates, dossier.yaml and fonts are unchanged keeps its PDF (--force
    rebuilds all). Projects render in parallel (-j). A project with errors is
    reported and skipped (with --draft: rendered as a draft); the others still
    build. Every PDF is written to a temporary file and renamed, so a failed or
    killed build never leaves a broken file where the previous good one was.
    The same inputs give byte-identical PDFs (dated by SOURCE_DATE_EPOCH, or by
    the last git commit of the project).

    \b
    Examples / ตัวอย่าง:
      dossier build                            # all of projects/ → build/*.pdf + the book
      dossier build projects/mangrove.yaml     # one project (no book)
      dossier build --draft                    # drafts of unfinished projects too
      dossier build -j 2 --force               # everything again, two at a time
      dossier build -o /tmp/out --lang en
    """
    started = time.perf_counter()
    live = fmt not in ("json", "sarif")  # one document on stdout, printed at the end
    screen = Display(quiet)
    with_book = not paths if book is None else book
    if not paths and not force:
        from dossier.build.uptodate import up_to_date

        fresh = up_to_date(Path.cwd(), out, {"variant": pdf_variant, "book": with_book})
        if fresh is not None:  # nothing changed: told from the files' hashes, without reading them
            if not live:
                print_diagnostics([], fmt, lang)
            _summary(screen, lang, 0, fresh, 0, 0, False, with_book, time.perf_counter() - started)
            return 0
    from dossier.build.pipeline import BuildObserver, Built, Options, build
    from dossier.workspace import display, open_workspace

    ws = open_workspace(Path.cwd())
    files = ws.project_files(list(paths) or None)
    if not files:
        from dossier.validate import no_projects

        raise DossierError([no_projects(ws, ws.projects_dir)])
    diagnostics: list[Diagnostic] = list(ws.diagnostics)
    if live:
        print_diagnostics(diagnostics, fmt, lang)
    shown: list[Diagnostic] = []

    def problems(found: list[Diagnostic]) -> None:
        diagnostics.extend(found)
        if live and found:
            screen.stop()  # a bar would be drawn over the problems
            print_diagnostics(found, fmt, lang)
            shown.extend(found)

    class Shown(BuildObserver):
        """The build's events as lines, a bar on a terminal, and problems as they are found."""

        def checked(self, item: Checked) -> None:
            problems(item.diagnostics)

        def skipped(self, item: Checked) -> None:
            name = visible(item.file)
            screen.line(catalogue.phrase("build-skipped", lang, name=name))

        def rendering(self, count: int) -> None:
            screen.start(count, catalogue.phrase("build-rendering", lang))

        def tick(self) -> None:
            screen.advance()

        def failed(self, item: Checked, found: list[Diagnostic]) -> None:
            problems(found)

        def book_failed(self, found: list[Diagnostic]) -> None:
            problems(found)

        def rendered(self, built: Built) -> None:
            r, draft = built.rendered, catalogue.phrase("build-draft", lang) if built.draft else ""
            name, pdf = visible(built.checked.file), visible(display(r.path))
            screen.line(catalogue.phrase("build-rendered", lang, name=name, pdf=pdf, pages=r.pages, draft=draft,
                                      seconds=built.seconds))

        def lock_taken_over(self, pid: int | str) -> None:
            screen.line(catalogue.message("lock-taken-over", lang, {"pid": pid, "path": display(options.out_dir)}))

        def book(self, rendered: Rendered) -> None:
            pdf = visible(display(rendered.path))
            screen.line(catalogue.phrase("build-book", lang, pdf=pdf, pages=rendered.pages, seconds=rendered.seconds))

    options = Options(out or ws.root / "build", draft=draft, book=with_book,
                      variant=pdf_variant, jobs=jobs or os.cpu_count() or 1, force=force)
    try:
        outcome = build(ws, files, options, Shown())
    finally:
        screen.stop()
    for stale in outcome.removed:  # the project passes now: its draft would mislead
        screen.line(catalogue.phrase("build-stale-draft", lang, path=display(stale)))
    late = [d for d in outcome.diagnostics if d not in shown and d not in diagnostics]
    diagnostics += late
    print_diagnostics(late if live else diagnostics, fmt, lang)
    failed, skipped = len(outcome.failed), len(outcome.skipped)
    _summary(screen, lang, len(outcome.built), len(outcome.fresh), failed, skipped, outcome.book is not None,
             outcome.book_fresh, time.perf_counter() - started)
    trouble = failed or skipped or any(b.draft for b in outcome.built)
    return max(exit_code(diagnostics, strict), 1 if trouble else 0)


def _summary(screen: Display, lang: str, built: int, fresh: int, failed: int, skipped: int, book: bool,
             book_fresh: bool, seconds: float) -> None:
    books = "build-summary-book" if book else ("build-summary-book-fresh" if book_fresh else None)
    screen.line(catalogue.phrase("build-summary", lang, built=built, built_s=catalogue.plural(built),
                              book=catalogue.phrase(books, lang) if books else "", fresh=fresh, failed=failed,
                              skipped=skipped, seconds=seconds))
