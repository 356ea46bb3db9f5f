"""A PDF's every byte, as a leak would show: what the file holds raw and each stream decoded."""

from __future__ import annotations

import zlib
from pathlib import Path

import pypdf


def every_byte(pdf: Path) -> bytes:
    """The PDF's raw bytes plus every stream decoded (pages, fonts, attachments)."""
    raw = pdf.read_bytes()
    decoded = [raw]
    reader = pypdf.PdfReader(pdf)
    for number in range(1, int(reader.trailer["/Size"])):
        try:
            obj = reader.get_object(number)
        except Exception:  # noqa: BLE001 - free or missing object numbers
            continue
        if isinstance(obj, pypdf.generic.StreamObject):
            try:
                decoded.append(obj.get_data())
            except Exception:  # noqa: BLE001
                decoded.append(zlib.decompress(obj._data) if obj._data[:1] == b"x" else obj._data)
    return b"".join(decoded)
