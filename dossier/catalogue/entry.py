"""One message of the catalogue: its Thai and English text and hints (``str.format`` templates)."""

from __future__ import annotations

from typing import NamedTuple


class Entry(NamedTuple):
    th: str
    en: str
    hint_th: str = ""
    hint_en: str = ""
