"""``dossier export``: the province summary (xlsx, csv, json), the online form's text, Word files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from dossier import catalogue
from dossier.cli.common import default_lang, edge, info, print_diagnostics
from dossier.errors import NOWHERE, Diagnostic, DossierError

SUMMARY = ("xlsx", "csv", "json")
TARGETS = (*SUMMARY, "form", "docx")


def write(path: Path, data: bytes, lang: str, announce: bool = True) -> None:
    from dossier.files import atomic_write
    from dossier.workspace import display

    try:
        atomic_write(path, data)
    except OSError as exc:
        raise DossierError([Diagnostic(display(path), NOWHERE, "write-failed",
                                       args={"path": display(path), "reason": exc.strerror or str(exc)})]) from None
    if announce:
        info(catalogue.message("written", lang, {"path": display(path)}))


def _summary(ws: Any, checked: list[Any], to: str, out: Path | None, lang: str) -> None:
    from dossier.office import summary

    rows = summary.rows(ws, checked)
    if to == "json":
        data = summary.to_json(ws, rows, dt.date.today()).encode("utf-8")
    elif to == "csv":
        data = summary.to_csv(rows)
    else:
        data = summary.to_xlsx(ws, rows)
    if out is not None and str(out) == "-":
        click.echo(data, nl=False)  # bytes go to the binary stream as they are
        return
    write(out or ws.root / "build" / f"summary.{to}", data, lang)


@click.command("export")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--to", "to", type=click.Choice(TARGETS), required=True,
              help=catalogue.option_help("to"))
@click.option("-o", "--out", type=click.Path(path_type=Path), default=None,
              help=catalogue.option_help("export-out"))
@click.option("--lang", type=click.Choice(["th", "en"]), default=None, help=catalogue.option_help("export-lang"))
@click.option("--strict", is_flag=True, help=catalogue.option_help("export-strict"))
@edge
def export_command(paths: tuple[Path, ...], to: str, out: Path | None, lang: str | None, strict: bool) -> int:
    """Export for the office's other tools: a spreadsheet, the online form, Word.

    \b
    ส่งออกข้อมูลไปใช้กับงานอื่นของสำนักงาน
      --to xlsx|csv|json  สรุปผลงานทั้งจังหวัด หนึ่งแถวต่อหนึ่งผลงาน
      --to form           ข้อความแต่ละช่องของแบบฟอร์มออนไลน์ พร้อมนับตัวอักษรและคำ
      --to docx           ไฟล์ Word ที่แก้ไขได้ หนึ่งไฟล์ต่อหนึ่งผลงาน

    \b
    Examples / ตัวอย่าง:
      dossier export --to xlsx                      # build/summary.xlsx
      dossier export --to json -o -                 # JSON on standard output
      dossier export --to form projects/mangrove.yaml
      dossier export --to docx                      # build/docx/<project>.docx
    """
    from dossier.validate import check_paths, no_projects
    from dossier.workspace import open_workspace

    lang = lang or default_lang()
    ws = open_workspace(Path.cwd())
    checked = check_paths(ws, list(paths) or None)
    if not checked:
        raise DossierError([no_projects(ws, ws.projects_dir)])
    if to in SUMMARY:
        _summary(ws, checked, to, out, lang)
        return 0
    unreadable = [c for c in checked if c.project is None]
    for item in unreadable:
        print_diagnostics(item.errors, "text", lang, err=True)
    usable = [c for c in checked if c.project is not None]
    code = 1 if unreadable else 0
    if to == "form":
        from dossier.cli.export_form import export_form

        code = max(code, export_form(ws, usable, out or ws.root / "build" / "form", lang, strict))
    else:
        from dossier.cli.export_docx import export_docx

        code = max(code, export_docx(ws, usable, out or ws.root / "build" / "docx", lang))
    return code
