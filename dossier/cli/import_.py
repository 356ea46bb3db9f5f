"""``dossier import FILE.docx``: an agency's Word report as a new project file, then validated."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

import click

from dossier import catalogue
from dossier.cli.common import default_lang, edge, info, print_diagnostics
from dossier.errors import NOWHERE, Diagnostic, DossierError


def create_new(path: Path, data: bytes) -> None:
    """Write a new file completely or not at all, and never over an existing one (the link fails)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.link(tmp, path)
    finally:
        os.unlink(tmp)


def _exists(path: Path) -> DossierError:
    from dossier.workspace import display

    return DossierError([Diagnostic(display(path), NOWHERE, "import-exists", args={"path": display(path)})])


def _read(path: Path, ws: Any) -> Any:
    import zipfile

    from lxml.etree import XMLSyntaxError

    from dossier.office.docx_read import read_docx
    from dossier.office.headings import normal
    from dossier.office.rulesdata import office_rules
    from dossier.workspace import display

    rules = office_rules(ws)
    agencies = {normal(a.name): a.id for a in ws.province.agencies or []}
    try:
        from docx.opc.exceptions import PackageNotFoundError

        return read_docx(path, rules.headings, [s.key for s in ws.rules.sections], agencies)
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, XMLSyntaxError, OSError) as exc:
        raise DossierError([Diagnostic(display(path), NOWHERE, "import-unreadable", args={
            "path": display(path), "reason": str(exc) or type(exc).__name__})]) from None


def _place(place: str, lang: str) -> str:
    """Where a part of the Word file is, as :mod:`dossier.office` names it (in Thai), in ``lang``."""
    if lang != "th":
        for key in ("place-paragraph", "place-table"):
            place = place.replace(catalogue.phrase(key, "th"), catalogue.phrase(key, "en"))
    return place


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=catalogue.option_help("import-out"))
@click.option("--agency", default=None, help=catalogue.option_help("agency"))
@click.option("--type", "award_type", default=None, help=catalogue.option_help("type"))
@click.option("--lang", type=click.Choice(["th", "en"]), default=None, help=catalogue.option_help("export-lang"))
@edge
def import_command(file: Path, out: Path | None, agency: str | None, award_type: str | None, lang: str | None) -> int:
    """Turn an agency's Word report (.docx) into a new project file.

    \b
    นำเข้ารายงานผลงานจากไฟล์ Word (.docx) เป็นไฟล์โครงการใหม่
    หัวข้อใน Word (เช่น "๑. ความเป็นมา") จับคู่กับหัวข้อของผลงานตาม import_headings: ในไฟล์เกณฑ์
    ตารางตัวชี้วัดกลายเป็น indicators ภาพบันทึกไว้ข้างไฟล์โครงการ ส่วนที่จับคู่ไม่ได้แสดงพร้อมตำแหน่ง
    แล้วตรวจไฟล์ใหม่ด้วย validate ไม่เขียนทับไฟล์ที่มีอยู่แล้ว

    \b
    Examples / ตัวอย่าง:
      dossier import รายงานผลงาน.docx --agency cdd
      dossier import report.docx -o projects/mangrove-2565.yaml
    """
    from dossier.office.project_yaml import dump
    from dossier.validate import check_file
    from dossier.workspace import display, open_workspace

    lang = lang or default_lang()
    ws = open_workspace(Path.cwd())
    slug = re.sub(r"[\s/\\]+", "-", file.stem).strip("-.") or "imported"
    target = out or ws.projects_dir / f"{slug}.yaml"
    if target.exists():
        raise _exists(target)
    imported = _read(file, ws)
    data = imported.data
    if agency:
        data["agency"] = agency
    if award_type:
        data["award_type"] = award_type
    images_dir = target.parent / f"{target.stem}-images"
    if imported.images:
        data["photos"] = [{"file": f"{images_dir.name}/{name}", **({"caption": caption} if caption else {})}
                          for name, _, caption in imported.images]
        for name, _, _ in imported.images:
            if (images_dir / name).exists():
                raise _exists(images_dir / name)
    target.parent.mkdir(parents=True, exist_ok=True)
    text = dump(data, file.name)
    try:
        for name, blob, _ in imported.images:
            images_dir.mkdir(exist_ok=True)
            create_new(images_dir / name, blob)
        create_new(target, text.encode("utf-8"))
    except FileExistsError as exc:
        raise _exists(Path(exc.filename or target)) from None
    except OSError as exc:
        raise DossierError([Diagnostic(display(target), NOWHERE, "write-failed",
                                       args={"path": display(target), "reason": exc.strerror or str(exc)})]) from None
    for item in imported.unmapped:
        info(f"{display(file)}: " + catalogue.message("import-unmapped", lang, {
            "place": _place(item.place, lang),
            "heading": item.heading, "text": item.text}))
    if imported.cleaned:
        info(catalogue.message("import-cleaned", lang, {"count": imported.cleaned}))
    parts = (1 if data.get("summary") else 0) + len(data.get("sections") or {})
    info(catalogue.message("import-done", lang, {
        "source": display(file), "path": display(target), "parts": parts,
        "indicators": len(data.get("indicators") or []), "images": len(imported.images)}))
    checked = check_file(target, ws)
    print_diagnostics(checked.diagnostics, "text", lang)
    return 0
