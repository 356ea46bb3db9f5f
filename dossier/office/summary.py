"""The province summary for the office's spreadsheets: one row per project (agency, award type,
dates, key indicators, completeness, problems), as xlsx, csv or a versioned JSON document.

Completeness and problems come from ``dossier.status`` (the same numbers as ``dossier status``).
JSON shape (``schema_version`` 1) is described in the README; a change that removes or renames
a key raises the version.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from dossier.status import ProjectStatus, project_status
from dossier.workspace import Workspace

SCHEMA_VERSION = 1

# (key, Thai header, English header): the columns of the xlsx and csv files, in order.
COLUMNS: list[tuple[str, str, str]] = [
    ("file", "ไฟล์", "file"),
    ("title", "ชื่อผลงาน", "title"),
    ("agency_id", "รหัสหน่วยงาน", "agency id"),
    ("agency_name", "หน่วยงาน", "agency"),
    ("award_type", "ประเภทรางวัล", "award type"),
    ("started", "วันเริ่มดำเนินการ", "started"),
    ("ended", "วันสิ้นสุด", "ended"),
    ("status", "สถานะ", "status"),
    ("indicators", "ตัวชี้วัดหลัก", "key indicators"),
    ("present", "ส่วนที่มี", "parts present"),
    ("total", "ส่วนที่ต้องมี", "parts required"),
    ("percent", "ความครบถ้วน (%)", "completeness (%)"),
    ("missing", "ยังขาด", "missing"),
    ("errors", "ข้อผิดพลาด", "errors"),
    ("warnings", "คำเตือน", "warnings"),
    ("ready", "พร้อมส่ง", "ready"),
]


@dataclass
class Row:
    status: ProjectStatus
    started: dt.date | None
    ended: dt.date | None
    state: str
    indicators: list[dict[str, Any]]


def _number(value: Decimal | int | None) -> int | float | None:
    if value is None:
        return None
    number = Decimal(value)
    return int(number) if number == number.to_integral_value() else float(number)


def rows(ws: Workspace, checked: list[Any]) -> list[Row]:
    out: list[Row] = []
    for item in checked:
        status = project_status(ws, item, with_git=False)
        project = item.project
        indicators = [{
            "name": i.name, "unit": i.unit, "baseline": _number(i.baseline), "target": _number(i.target),
            "result": _number(i.result), "year": i.year,
        } for i in ((project.indicators or []) if project else [])]
        out.append(Row(status, project.started.date if project and project.started else None,
                       project.ended.date if project and project.ended else None,
                       (project.status or "") if project else "", indicators))
    return out


def _indicator_text(ind: dict[str, Any]) -> str:
    unit = f" {ind['unit']}" if ind.get("unit") else ""
    target = f" (เป้าหมาย {ind['target']:,}{unit})" if ind.get("target") is not None else ""
    result = f"{ind['result']:,}{unit}" if ind.get("result") is not None else "-"
    return f"{ind['name']}: {result}{target}"


def flat(row: Row) -> dict[str, Any]:
    """One row as spreadsheet cells (dates as dates, numbers as numbers)."""
    s = row.status
    return {
        "file": s.file, "title": s.title, "agency_id": s.agency_id, "agency_name": s.agency_name,
        "award_type": s.award_type.th if s.award_type else "", "started": row.started, "ended": row.ended,
        "status": row.state, "indicators": "\n".join(_indicator_text(i) for i in row.indicators),
        "present": s.present, "total": s.total, "percent": round(100 * s.ratio),
        "missing": ", ".join(m.th for m in s.missing), "errors": s.errors, "warnings": s.warnings,
        "ready": "ใช่" if s.ready else "ไม่",
    }


def to_json(ws: Workspace, items: list[Row], today: dt.date) -> str:
    def one(row: Row) -> dict[str, Any]:
        s = row.status
        return {
            "file": s.file, "slug": s.slug, "title": s.title,
            "agency": {"id": s.agency_id, "name": s.agency_name},
            "award_type": {"slug": s.award_type.slug, "th": s.award_type.th, "en": s.award_type.en} if s.award_type else None,
            "started": row.started.isoformat() if row.started else None,
            "ended": row.ended.isoformat() if row.ended else None,
            "status": row.state or None,
            "indicators": row.indicators,
            "completeness": {"present": s.present, "total": s.total, "percent": round(100 * s.ratio),
                             "missing": [{"key": m.key, "th": m.th, "en": m.en} for m in s.missing]},
            "problems": {"errors": s.errors, "warnings": s.warnings},
            "ready": s.ready,
        }

    document = {
        "schema_version": SCHEMA_VERSION, "province": ws.province.province or "",
        "edition": int(ws.province.edition or ws.rules.edition), "generated": today.isoformat(),
        "projects": [one(r) for r in items],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_csv(items: list[Row]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([th for _, th, _ in COLUMNS])
    for row in items:
        cells = flat(row)
        writer.writerow(["" if cells[k] is None else cells[k].isoformat() if isinstance(cells[k], dt.date) else cells[k]
                         for k, _, _ in COLUMNS])
    return buffer.getvalue().encode("utf-8-sig")  # the BOM makes Excel read the Thai as UTF-8


def to_xlsx(ws: Workspace, items: list[Row]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "สรุปผลงาน"
    sheet.append([th for _, th, _ in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(name="Sarabun", bold=True)
    for row in items:
        cells = flat(row)
        sheet.append([cells[k] for k, _, _ in COLUMNS])
    widths = {"file": 28, "title": 40, "agency_name": 36, "indicators": 60, "missing": 30}
    for index, (key, _, _) in enumerate(COLUMNS, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = widths.get(key, 14)
        for cell in sheet[letter][1:]:
            cell.font = Font(name="Sarabun")
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if key in ("started", "ended"):
                cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    book.properties.title = f"{ws.province.province or ''} สรุปผลงาน"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
