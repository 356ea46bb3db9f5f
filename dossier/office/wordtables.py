"""Tables of a Word report read as project data: indicators, partners, budget and the facts
table (award type, agency, dates, status, area, participation level); others stay Markdown."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from dossier import thai
from dossier.model.project import STATUS_ALIASES
from dossier.office.headings import normal

_LEVELS = ("inform", "consult", "involve", "collaborate", "empower")


def _columns(header: list[str], spec: list[tuple[str, tuple[str, ...]]]) -> dict[str, int]:
    """Which column holds which key: the first key whose words start (or appear in) a header."""
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        text = normal(cell)
        for key, words in spec:
            if key not in found and any(text.startswith(w) or (len(w) > 3 and w in text) for w in words):
                found[key] = index
                break
    return found


INDICATOR = [("year", ("ปี",)), ("name", ("ตัวชี้วัด", "indicator")), ("unit", ("หน่วย", "unit")),
             ("baseline", ("ค่าฐาน", "ก่อน", "baseline")), ("target", ("เป้าหมาย", "ค่าเป้าหมาย", "target")),
             ("result", ("ผล", "result"))]
PARTNER = [("name", ("ภาคี", "ชื่อ", "หน่วยงาน", "partner")), ("sector", ("ภาคส่วน", "ประเภท", "sector")),
           ("role", ("บทบาท", "หน้าที่", "role"))]
BUDGET = [("year", ("ปี",)), ("source", ("แหล่ง", "งบประมาณ", "source")), ("amount", ("จำนวนเงิน", "จำนวน", "amount", "บาท"))]
FACTS = {"ประเภทรางวัล": "award_type", "หน่วยงาน": "agency", "เริ่มดำเนินการ": "started",
         "วันเริ่มดำเนินการ": "started", "สถานะ": "status", "พื้นที่ดำเนินการ": "area", "พื้นที่ขยายผล": "new_areas",
         "ระดับการมีส่วนร่วม": "participation_level", "ผู้ได้รับประโยชน์": "beneficiaries"}


def _number(text: str) -> Any:
    return None if not text.strip() or text.strip() in ("-", "–") else thai.parse_number(text)


def _records(rows: list[list[str]], cols: dict[str, int]) -> list[dict[str, str]]:
    """Each row below the header as {field: its cell's text} (a missing cell is empty)."""
    return [{k: row[i].strip() if i < len(row) else "" for k, i in cols.items()} for row in rows[1:]]


def _items(rows: list[list[str]], cols: dict[str, int], key: str,
           item: Callable[[dict[str, str]], dict[str, Any]]) -> list[dict[str, Any]] | None:
    """``item`` of each row whose ``key`` cell is filled, with its year when the table has one;
    None when a number or a year cannot be read, or no row is left."""
    out = []
    try:
        for cell in _records(rows, cols):
            if not cell[key]:
                continue
            found = item(cell)
            if cell.get("year"):
                found["year"] = thai.parse_year(cell["year"])
            out.append(found)
    except thai.ValueProblem:
        return None
    return out or None


def indicators(rows: list[list[str]]) -> list[dict[str, Any]] | None:
    """Indicator rows, or None when the table is not one or a number cannot be read."""
    cols = _columns(rows[0], INDICATOR)
    if "name" not in cols or not ({"target", "result"} & set(cols)):
        return None

    def item(cell: dict[str, str]) -> dict[str, Any]:
        found: dict[str, Any] = {"name": cell["name"]}
        if cell.get("unit"):
            found["unit"] = cell["unit"]
        for key in ("baseline", "target", "result"):
            value = _number(cell.get(key, ""))
            if value is not None:
                found[key] = value
        return found

    return _items(rows, cols, "name", item)


def partners(rows: list[list[str]]) -> list[dict[str, Any]] | None:
    cols = _columns(rows[0], PARTNER)
    if "name" not in cols or not ({"role", "sector"} & set(cols)):
        return None
    return _items(rows, cols, "name", lambda cell: {k: v for k, v in cell.items() if v})


def budget(rows: list[list[str]]) -> list[dict[str, Any]] | None:
    cols = _columns(rows[0], BUDGET)
    if not {"source", "amount"} <= set(cols):
        return None
    return _items(rows, cols, "source", lambda cell: {"source": cell["source"], "amount": _number(cell["amount"])})


def facts(rows: list[list[str]], agencies: dict[str, str]) -> tuple[dict[str, Any], list[str]] | None:
    """A two-column table of known labels (the exported Word file's first table): the values
    read, and the rows that were not (as "label: value")."""
    if any(len(r) != 2 for r in rows):
        return None
    labels = {normal(k): v for k, v in FACTS.items()}
    found: dict[str, Any] = {}
    left: list[str] = []
    for label, value in rows:
        key = labels.get(normal(label))
        value = value.strip()
        if key is None:
            if value:
                left.append(f"{label}: {value}" if label else value)
            continue
        if not value:
            continue
        if key == "agency":
            found[key] = agencies.get(normal(value), value)
        elif key in ("area", "new_areas"):
            found[key] = [a.strip() for a in value.split(",") if a.strip()]
        elif key == "beneficiaries":
            counts = {unit: re.search(rf"([0-9๐-๙][0-9๐-๙,]*)\s*{word}", value)
                      for unit, word in (("households", "ครัวเรือน"), ("people", "คน"))}
            if not any(counts.values()):
                left.append(f"{label}: {value}")
                continue
            found[key] = {unit: int(thai.parse_number(m.group(1))) for unit, m in counts.items() if m}
            note = re.search(r"\((.*)\)\s*$", value)
            if note:
                found[key]["note"] = note.group(1)
        elif key == "status":
            status = re.sub(r"\s*\(.*\)$", "", value)
            found[key] = STATUS_ALIASES.get(status, status)
            ended = re.search(r"\((.*)\)\s*$", value)
            if ended:  # the exported file writes "สิ้นสุดแล้ว (<end date>)"
                found["ended"] = ended.group(1)
        elif key == "started":
            found[key] = re.sub(r"\s*\(.*\)$", "", value)
        elif key == "participation_level":
            english = re.search(r"\(([A-Za-z]+)\)", value)
            found[key] = english.group(1).lower() if english and english.group(1).lower() in _LEVELS else value
        else:
            found[key] = value
    return (found, left) if len(found) >= 2 else None


def markdown_table(rows: list[list[str]]) -> str:
    width = max(len(r) for r in rows)

    def line(row: list[str]) -> str:
        cells = [c.replace("|", "\\|").replace("\n", " ").strip() for c in row] + [""] * (width - len(row))
        return "| " + " | ".join(cells) + " |"

    return "\n".join([line(rows[0]), "|" + "---|" * width, *(line(r) for r in rows[1:])])
