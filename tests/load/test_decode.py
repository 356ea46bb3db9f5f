"""Encodings: handled and said, or explained; never a silent wrong guess."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.errors import DossierError
from dossier.load import load_source
from dossier.load.decode import decode

THAI = "title: การส่งเสริมกิจกรรมการปลูกป่าชายเลน\nagency: tnrs\n"


def test_utf8_is_read_silently() -> None:
    decoded = decode(THAI.encode("utf-8"), "p.yaml")
    assert decoded.text == THAI and decoded.diagnostics == []


def test_tis620_is_read_and_said() -> None:
    decoded = decode(THAI.encode("cp874"), "p.yaml")
    assert decoded.text == THAI
    assert [(d.code, d.severity.value, d.args["encoding"]) for d in decoded.diagnostics] == [
        ("encoding-converted", "warning", "TIS-620 (Windows-874)")]
    assert decoded.diagnostics[0].line == 1


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_utf16_and_utf32_with_bom_are_read_and_said(codec: str) -> None:
    decoded = decode(THAI.encode(codec), "p.yaml")
    assert decoded.text == THAI and [d.code for d in decoded.diagnostics] == ["encoding-converted"]


def test_utf16_without_bom_is_refused_not_read_as_control_characters() -> None:
    with pytest.raises(DossierError) as info:
        decode(THAI.encode("utf-16-le"), "p.yaml")
    assert info.value.diagnostics[0].code == "encoding-not-utf8"


def test_latin1_bytes_are_refused_on_their_line() -> None:
    data = "title: ok\nnote: café\n".encode("latin-1")
    with pytest.raises(DossierError) as info:
        decode(data, "p.yaml")
    d = info.value.diagnostics[0]
    assert (d.code, d.line, d.column) == ("encoding-not-utf8", 2, 10)


def test_double_encoded_thai_is_refused() -> None:
    mojibake = THAI.encode("utf-8").decode("cp874", errors="replace").encode("utf-8")
    with pytest.raises(DossierError) as info:
        decode(mojibake, "p.yaml")
    assert info.value.diagnostics[0].code == "encoding-mojibake"


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * 2_100_000 + b"\n")
    assert [d.code for d in load_source(path).diagnostics] == ["file-too-large"]


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.yaml"
    path.write_bytes(bytes(range(256)) * 4)
    diagnostics = load_source(path).diagnostics
    assert [d.code for d in diagnostics] == ["encoding-not-utf8"]
