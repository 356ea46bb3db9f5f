"""``dossier build``: validate, then render one PDF per valid project into ``build/``."""

from __future__ import annotations

from pathlib import Path

import click

from dossier.cli.common import common_options, edge, exit_code, info, print_diagnostics, t
from dossier.errors import DossierError


@click.command("build")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: build/ in the repository). / โฟลเดอร์ผลลัพธ์")
@common_options
@edge
def build_command(paths: tuple[Path, ...], out: Path | None, lang: str, fmt: str, quiet: bool, strict: bool) -> int:
    """Validate the projects, then render each valid one as an A4 PDF.

    \b
    ตรวจแล้วสร้างเอกสาร PDF ขนาด A4 ของทุกโครงการที่ผ่านการตรวจ ลงในโฟลเดอร์ build/
    A project with errors is reported and skipped; the others still build.
    Each PDF is written to a temporary file and renamed, so a failed build
    never leaves a broken file where the previous good one was.

    \b
    Examples / ตัวอย่าง:
      dossier build                            # all of projects/ → build/*.pdf
      dossier build projects/mangrove.yaml     # one project
      dossier build -o /tmp/out --lang en
    """
    from dossier.validate import check_paths, no_projects
    from dossier.workspace import open_workspace

    ws = open_workspace(Path.cwd())
    out_dir = out or ws.root / "build"
    checked = check_paths(ws, list(paths) or None)
    if not checked:
        raise DossierError([no_projects(ws, ws.projects_dir)])
    diagnostics = list(ws.diagnostics) + [d for c in checked for d in c.diagnostics]
    print_diagnostics(diagnostics, fmt, lang)

    from dossier.render.html import Renderer, build_view
    from dossier.render.pdf import render_pdf
    from dossier.render.html import FONTS_DIR
    from dossier.workspace import display

    renderer = Renderer(ws)
    built = failed = 0
    for item in checked:
        if not item.ok or item.project is None or item.award_type is None:
            info(t(lang, f"ข้าม {item.file}: มีข้อผิดพลาด", f"skipped {item.file}: it has errors"), quiet)
            continue
        html = renderer.project_html(build_view(item.slug, item.project, item.award_type, ws))
        target = out_dir / f"{item.slug}.pdf"
        base = item.path.parent if item.path else ws.root
        try:
            result = render_pdf(html, target, base, [*ws.template_dirs(), FONTS_DIR], item.file)
        except DossierError as exc:
            failed += 1
            diagnostics.extend(exc.diagnostics)
            print_diagnostics(exc.diagnostics, fmt, lang)
            continue
        built += 1
        info(t(lang, f"✓ {item.file} → {display(result.path)} ({result.pages} หน้า, {result.seconds:.1f} วินาที)",
               f"✓ {item.file} → {display(result.path)} ({result.pages} pages, {result.seconds:.1f} s)"), quiet)
    skipped = len(checked) - built - failed
    info(t(lang, f"สร้าง PDF {built} ไฟล์, ล้มเหลว {failed}, ข้าม {skipped}",
           f"built {built} PDF{'s' if built != 1 else ''}, {failed} failed, {skipped} skipped"), quiet)
    return max(exit_code(diagnostics, strict), 1 if failed or skipped else 0)
