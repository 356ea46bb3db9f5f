"""Value kinds of the project format, beyond plain text, and field metadata.

A model field's type tells the converter how to read what people type: ``Markdown`` is text
with limits, ``Amount`` a number (``1,200``, ``๑,๒๐๐``), ``Year`` a Buddhist-era year,
``ThaiDate`` any accepted date form. ``meta`` attaches the Thai and English descriptions used in
diagnostics and in the JSON Schema, and Thai aliases for choices.
"""

from __future__ import annotations

from dataclasses import field
from decimal import Decimal
from typing import Any, NewType

from dossier.thai import ThaiDate

Markdown = NewType("Markdown", str)
Email = NewType("Email", str)
Phone = NewType("Phone", str)
Year = NewType("Year", int)
Amount = Decimal
Count = int

__all__ = ["Markdown", "Email", "Phone", "Year", "Amount", "Count", "ThaiDate", "meta", "MISSING_REQUIRED"]

MISSING_REQUIRED: Any = object()  # default of a field that must be present when its parent is


def meta(th: str, en: str, *, required: bool = False, aliases: dict[str, str] | None = None,
         example: Any = None, default_factory: Any = None) -> Any:
    """A dataclass field with its Thai/English description; ``required`` inside its parent."""
    metadata = {"th": th, "en": en, "aliases": aliases or {}, "example": example, "required": required}
    if default_factory is not None:
        return field(default_factory=default_factory, metadata=metadata)
    return field(default=None, metadata=metadata)
