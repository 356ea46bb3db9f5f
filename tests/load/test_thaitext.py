"""Thai typing errors: found where they were typed, fixed only on request, atomically."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.load import thaitext


@pytest.mark.parametrize(
    ("typed", "fixed", "kind", "column"),
    [
        ("น้\u0e4d\u0e32", "น้ำ", "sara-am", 10),
        ("น\u0e4d\u0e49\u0e32", "น้ำ", "sara-am", 9),
        ("\u0e40\u0e40ม่", "แม่", "sara-ae", 8),
        ("ก\u0e48\u0e34น", "กิ่น", "tone-order", 9),
        ("ที\u0e48\u0e48", "ที่", "doubled-mark", 10),
        ("ผล\ufeffงาน", "ผลงาน", "invisible", 10),
    ],
)
def test_each_kind_is_found_and_fixed(typed: str, fixed: str, kind: str, column: int) -> None:
    found = thaitext.find(f"title: {typed}\n", "p.yaml")
    assert [(d.line, d.column, d.args["kind"], d.args["fixed"]) for d in found] == [(1, column, kind, fixed)]
    assert thaitext.fix(typed) == (fixed, 1)


def test_correct_thai_is_left_alone() -> None:
    text = "น้ำ ทำ แม่ กิ่ง ที่ ผู้ใหญ่ ปั้น ฤๅษี กตัญญู ๑๒๓"
    assert thaitext.find(text, "p.yaml") == [] and thaitext.fix(text) == (text, 0)


def test_fix_file_rewrites_atomically_and_keeps_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes("title: น\u0e4d\u0e32ใส\r\nagency: tnrs\r\n".encode())
    assert thaitext.fix_file(path) == (1, "utf-8")
    assert path.read_bytes() == "title: นำใส\r\nagency: tnrs\r\n".encode()
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_fix_file_saves_tis620_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes("title: แม่น้ำ\n".encode("cp874"))
    assert thaitext.fix_file(path) == (0, "cp874")
    assert path.read_text(encoding="utf-8") == "title: แม่น้ำ\n"


def test_nothing_to_fix_leaves_the_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("title: แม่น้ำ\n", encoding="utf-8")
    before = path.stat().st_mtime_ns
    assert thaitext.fix_file(path) == (0, "utf-8")
    assert path.stat().st_mtime_ns == before
