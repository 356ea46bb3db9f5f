"""Value kinds of the project format, beyond plain text, and field metadata.

A model field's type tells the converter how to read what people type: ``Markdown`` is text
with limits, ``Amount`` a number (``1,200``, ``๑,๒๐๐``), ``Year`` a Buddhist-era year,
``ThaiDate`` any accepted date form. ``meta`` attaches the Thai and English descriptions used in
diagnostics and in the JSON Schema, and Thai aliases for choices.
"""

from __future__ import annotations

from dataclasses import field
from decimal import Decimal
from typing import Any, Literal, NewType

from dossier.thai import ThaiDate

Markdown = NewType("Markdown", str)
Email = NewType("Email", str)
Phone = NewType("Phone", str)
Year = NewType("Year", int)
Amount = Decimal
Count = int

__all__ = ["Markdown", "Email", "Phone", "Year", "Amount", "Count", "ThaiDate", "meta", "MISSING_REQUIRED", "TextLength",
           "max_length"]

MISSING_REQUIRED: Any = object()  # default of a field that must be present when its parent is


TextLength = Literal["text", "title", "note"]


def meta(th: str, en: str, *, required: bool = False, aliases: dict[str, str] | None = None,
         example: Any = None, default_factory: Any = None, length: TextLength = "text") -> Any:
    """A dataclass field with its Thai/English description; ``required`` inside its parent.
    ``length`` names the limit of its text (each item's, for a list): ``Limits.max_<length>_chars``
    (``dossier.limits``); Markdown fields have their own limits."""
    metadata = {"th": th, "en": en, "aliases": aliases or {}, "example": example, "required": required,
                "length": length}
    if default_factory is not None:
        return field(default_factory=default_factory, metadata=metadata)
    return field(default=None, metadata=metadata)


def max_length(limits: Any, info: dict[str, Any] | None) -> int:
    """The length limit of a one-line text field (``meta(length=...)``) under ``limits``."""
    return int(getattr(limits, f"max_{(info or {}).get('length') or 'text'}_chars"))
