"""``dossier build``: validate, then render each valid project's dossier and the province's book."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from dossier.cli.common import common_options, edge, exit_code, info, print_diagnostics, t
from dossier.errors import DossierError

VARIANTS = ("pdf/a-3b", "pdf/a-3u", "pdf/a-3a", "none")  # dossier.render.pdf.VARIANTS, without importing it


@click.command("build")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: build/ in the repository). / โฟลเดอร์ผลลัพธ์")
@click.option("--draft", is_flag=True,
              help="Also render projects with errors, as drafts (<name>.draft.pdf, watermarked, problems "
                   "listed at the end). / สร้างฉบับร่างของโครงการที่ยังไม่ผ่านการตรวจ")
@click.option("--book/--no-book", default=None,
              help="Make the province's book <province>-<edition>.pdf (default: when no PATHS are given). "
                   "/ สร้างเล่มรวมผลงานของจังหวัด")
@click.option("--pdf-variant", type=click.Choice(VARIANTS), default="pdf/a-3b", show_default=True,
              help="PDF standard claimed (none: plain tagged PDF). / มาตรฐาน PDF")
@common_options
@edge
def build_command(paths: tuple[Path, ...], out: Path | None, draft: bool, book: bool | None, pdf_variant: str,
                  lang: str, fmt: str, quiet: bool, strict: bool) -> int:
    """Validate the projects, then render each valid one as an A4 PDF, and the province's book.

    \b
    ตรวจแล้วสร้างเอกสาร PDF ขนาด A4 ของทุกโครงการที่ผ่านการตรวจ และเล่มรวมผลงานของจังหวัด
    ลงในโฟลเดอร์ build/ (PDF/A-3b ที่แนบไฟล์ต้นฉบับ YAML ไว้ในตัว)
    A project with errors is reported and skipped (with --draft: rendered as a
    draft); the others still build. Each PDF carries its source YAML, and is
    written to a temporary file and renamed, so a failed build never leaves a
    broken file where the previous good one was. Page limits of the award rules
    are checked on the rendered pages and reported like validation problems.

    \b
    Examples / ตัวอย่าง:
      dossier build                            # all of projects/ → build/*.pdf + the book
      dossier build projects/mangrove.yaml     # one project (no book)
      dossier build --draft                    # drafts of unfinished projects too
      dossier build -o /tmp/out --lang en
    """
    from dossier.validate import check_paths, no_projects
    from dossier.workspace import display, open_workspace

    ws = open_workspace(Path.cwd())
    out_dir = out or ws.root / "build"
    checked = check_paths(ws, list(paths) or None)
    if not checked:
        raise DossierError([no_projects(ws, ws.projects_dir)])
    diagnostics = list(ws.diagnostics) + [d for c in checked for d in c.diagnostics]
    live = fmt != "json"  # JSON is one array on stdout, printed at the end
    if live:
        print_diagnostics(diagnostics, fmt, lang)
    shown: list[Any] = []

    from dossier.render.pipeline import Options, build

    def progress(event: str, item: Any, data: Any) -> None:
        if event == "skipped":
            info(t(lang, f"ข้าม {item.file}: มีข้อผิดพลาด (ใช้ --draft เพื่อสร้างฉบับร่าง)",
                   f"skipped {item.file}: it has errors (--draft renders a draft)"), quiet)
        elif event in ("failed", "book-failed") and live:
            print_diagnostics(data, fmt, lang)
            shown.extend(data)
        elif event == "built":
            r, draft_th, draft_en = data.rendered, ", ฉบับร่าง" if data.draft else "", ", draft" if data.draft else ""
            info(t(lang, f"✓ {item.file} → {display(r.path)} ({r.pages} หน้า{draft_th}, {data.seconds:.1f} วินาที)",
                   f"✓ {item.file} → {display(r.path)} ({r.pages} pages{draft_en}, {data.seconds:.1f} s)"), quiet)
        elif event == "book":
            info(t(lang, f"✓ เล่มรวม → {display(data.path)} ({data.pages} หน้า, {data.seconds:.1f} วินาที)",
                   f"✓ book → {display(data.path)} ({data.pages} pages, {data.seconds:.1f} s)"), quiet)

    options = Options(out_dir, draft=draft, book=not paths if book is None else book, variant=pdf_variant)
    outcome = build(ws, checked, options, progress)
    diagnostics += outcome.diagnostics
    # page limits, refused resources, font fallback (failures were printed as they happened)
    print_diagnostics([d for d in outcome.diagnostics if d not in shown] if live else diagnostics, fmt, lang)
    built, failed, skipped = len(outcome.built), len(outcome.failed), len(outcome.skipped)
    info(t(lang, f"สร้าง PDF {built} ไฟล์, ล้มเหลว {failed}, ข้าม {skipped}",
           f"built {built} PDF{'s' if built != 1 else ''}, {failed} failed, {skipped} skipped"), quiet)
    problems = failed or skipped or any(b.draft for b in outcome.built)
    return max(exit_code(diagnostics, strict), 1 if problems else 0)
