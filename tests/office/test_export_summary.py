"""`dossier export --to xlsx|csv|json`: the province summary, read back with openpyxl, csv, json."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from dossier.status import project_status
from dossier.validate import check_paths
from dossier.workspace import open_workspace
from openpyxl import load_workbook

from support.cli_runner import run


def _expected(root: Path) -> dict[str, tuple[int, int, int, int]]:
    ws = open_workspace(root)
    out = {}
    for checked in check_paths(ws):
        s = project_status(ws, checked, with_git=False)
        out[s.file] = (s.present, s.total, s.errors, s.warnings)
    return out


def test_xlsx_has_one_row_per_project_with_thai_and_status_numbers(province: Path) -> None:
    code, _, err = run(["export", "--to", "xlsx"], province)
    assert code == 0, err
    book = load_workbook(province / "build" / "summary.xlsx")
    sheet = book.active
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["ไฟล์", "ชื่อผลงาน", "รหัสหน่วยงาน", "หน่วยงาน"]
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    expected = _expected(province)
    assert set(rows) == set(expected) and len(rows) == 8
    for file, (present, total, errors, warnings) in expected.items():
        row = rows[file]
        assert (row["ส่วนที่มี"], row["ส่วนที่ต้องมี"], row["ข้อผิดพลาด"], row["คำเตือน"]) == (present, total, errors, warnings)
    mangrove = rows["projects/mangrove.yaml"]
    assert mangrove["ชื่อผลงาน"] == "การส่งเสริมกิจกรรมการปลูกป่าชายเลน"
    assert mangrove["หน่วยงาน"] == "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดสมุทรสงคราม"
    assert mangrove["ประเภทรางวัล"] == "สัมฤทธิผลประชาชนมีส่วนร่วม"
    assert mangrove["วันเริ่มดำเนินการ"] == dt.datetime(2017, 8, 12)
    assert "พื้นที่ป่าชายเลนที่ปลูกเพิ่ม: 450 ไร่ (เป้าหมาย 400 ไร่)" in mangrove["ตัวชี้วัดหลัก"]


def test_json_is_versioned_and_counts_match_status(province: Path) -> None:
    code, out, err = run(["export", "--to", "json", "-o", "-"], province)
    assert code == 0, err
    doc = json.loads(out)
    assert doc["schema_version"] == 1 and doc["province"] == "สมุทรสงคราม" and doc["edition"] == 2564
    expected = _expected(province)
    assert {p["file"] for p in doc["projects"]} == set(expected)
    for p in doc["projects"]:
        present, total, errors, warnings = expected[p["file"]]
        assert p["completeness"]["present"] == present and p["completeness"]["total"] == total
        assert p["problems"] == {"errors": errors, "warnings": warnings}
        assert set(p) == {"file", "slug", "title", "agency", "award_type", "started", "ended", "status",
                          "indicators", "completeness", "problems", "ready"}
    mangrove = next(p for p in doc["projects"] if p["slug"] == "mangrove")
    assert mangrove["started"] == "2017-08-12"
    assert mangrove["indicators"][0] == {"name": "พื้นที่ป่าชายเลนที่ปลูกเพิ่ม", "unit": "ไร่", "baseline": 120,
                                         "target": 400, "result": 450, "year": 2563}


def test_csv_has_a_bom_for_excel_and_reads_back(province: Path) -> None:
    (province / "projects" / "broken.yaml").write_text("title: ยังไม่เสร็จ\nsummary: สั้น\n", encoding="utf-8")
    code, _, err = run(["export", "--to", "csv", "projects/broken.yaml", "projects/mangrove.yaml"], province)
    assert code == 0, err
    data = (province / "build" / "summary.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r["ไฟล์"] for r in rows] == ["projects/broken.yaml", "projects/mangrove.yaml"]
    broken = rows[0]
    assert broken["ชื่อผลงาน"] == "ยังไม่เสร็จ" and broken["พร้อมส่ง"] == "ไม่"
    assert "ความเป็นมาและสภาพปัญหา" in broken["ยังขาด"]


def test_xlsx_to_standard_output_is_the_workbook_itself(province: Path) -> None:
    from click.testing import CliRunner
    from dossier.cli import main

    result = CliRunner().invoke(main, ["export", "--to", "xlsx", "-o", "-", "projects/mangrove.yaml"])
    assert result.exit_code == 0, result.output
    sheet = load_workbook(io.BytesIO(result.stdout_bytes)).active
    assert sheet["B2"].value == "การส่งเสริมกิจกรรมการปลูกป่าชายเลน"
    assert not (province / "build").exists()
