"""``dossier validate``: check project files against the award rules (never imports WeasyPrint)."""

from __future__ import annotations

from pathlib import Path

import click

from dossier.cli.common import common_options, edge, exit_code, info, print_diagnostics, t
from dossier.errors import DossierError


def summary(lang: str, files: int, valid: int, errors: int, warnings: int) -> str:
    return t(lang, f"ตรวจ {files} ไฟล์: ผ่าน {valid} ไฟล์, ข้อผิดพลาด {errors}, คำเตือน {warnings}",
             f"checked {files} file{'s' if files != 1 else ''}: {valid} valid, {errors} error{'s' if errors != 1 else ''}, "
             f"{warnings} warning{'s' if warnings != 1 else ''}")


@click.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@common_options
@edge
def validate_command(paths: tuple[Path, ...], lang: str, fmt: str, quiet: bool, strict: bool) -> int:
    """Check project files against the award rules of the province's edition.

    \b
    ตรวจไฟล์โครงการตามเกณฑ์รางวัล: ทุกปัญหาแสดงเป็น ไฟล์:บรรทัด:คอลัมน์ พร้อมวิธีแก้
    Every problem is printed as file:line:column with a hint. Exit 0 when all
    files are valid (warnings allowed), 1 when there are problems, 2 on usage errors.

    \b
    Examples / ตัวอย่าง:
      dossier validate                         # all of projects/
      dossier validate projects/mangrove.yaml
      dossier validate --lang en --format json
      dossier validate --format github         # annotations in a pull request
    """
    from dossier.validate import check_paths, no_projects
    from dossier.workspace import open_workspace

    ws = open_workspace(Path.cwd())
    checked = check_paths(ws, list(paths) or None)
    if not checked:
        raise DossierError([no_projects(ws, ws.projects_dir)])
    diagnostics = list(ws.diagnostics) + [d for c in checked for d in c.diagnostics]
    print_diagnostics(diagnostics, fmt, lang)
    errors = sum(1 for d in diagnostics if d.severity.value == "error")
    valid = sum(1 for c in checked if c.ok)
    info(summary(lang, len(checked), valid, errors, len(diagnostics) - errors), quiet)
    return exit_code(diagnostics, strict)
