"""A project file's sections and fields, compared between two versions (a text diff of each)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from dossier.load import load_text, to_plain


@dataclass
class FieldChange:
    path: str  # dotted, as diagnostics name places: sections.background, indicators[2].result
    lines: list[str]  # a unified diff of the field's text, without the file header


def flatten(value: Any, prefix: str = "") -> dict[str, str]:
    """Every field of a plain tree as text by its dotted path; a list of plain values is one field."""
    out: dict[str, str] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            out.update(flatten(item, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(value, list) and any(isinstance(item, (dict, list)) for item in value):
        for index, item in enumerate(value, start=1):
            out.update(flatten(item, f"{prefix}[{index}]"))
    elif isinstance(value, list):
        out[prefix] = "\n".join("" if item is None else str(item) for item in value)
    else:
        out[prefix] = "" if value is None else str(value)
    return out


def fields(text: str | None, name: str) -> dict[str, str]:
    """The fields of a project file's text; a file that does not parse is one field, its text."""
    if text is None:
        return {}
    source = load_text(text, name)
    if source.root is None:
        return {"(file)": text}
    return flatten(to_plain(source.root))


def compare(before: str | None, after: str | None, name: str) -> list[FieldChange]:
    """The fields that differ, in the order of the newer file (removed fields last)."""
    old, new = fields(before, name), fields(after, name)
    changes = []
    for path in [*new, *(p for p in old if p not in new)]:
        if old.get(path) == new.get(path):
            continue
        diff = difflib.unified_diff((old.get(path) or "").splitlines(), (new.get(path) or "").splitlines(),
                                    lineterm="", n=1)
        changes.append(FieldChange(path, [line for line in diff if not line.startswith(("---", "+++"))]))
    return changes
