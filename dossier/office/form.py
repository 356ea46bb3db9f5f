"""The online form's fields of one project as plain text, counted as forms count them.

A field's text is its Markdown rendered to blocks (as in the PDF) and written back as plain text
(``blocks.to_text``). Counts: characters with spaces and line breaks (what a browser's
``maxlength`` counts; every Thai character is one UTF-16 unit), characters without white space,
and Thai words with PyThaiNLP's ``newmm`` segmenter (tokens holding a letter or a digit).
"""

from __future__ import annotations

import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier.errors import Diagnostic, Severity
from dossier.load import locate
from dossier.office import blocks
from dossier.office.rulesdata import FormField
from dossier.thaidict import segmenter, shipped_words

MEASURES = {
    "max_chars": ("chars", "ตัวอักษร (รวมช่องว่าง)", "characters (with spaces)"),
    "max_chars_no_spaces": ("chars_no_spaces", "ตัวอักษร (ไม่รวมช่องว่าง)", "characters (without spaces)"),
    "max_words": ("words", "คำ", "words"),
}


@dataclass(frozen=True)
class Counts:
    chars: int
    chars_no_spaces: int
    words: int


@dataclass
class FieldText:
    spec: FormField
    text: str
    counts: Counts
    over: list[str] = field(default_factory=list)   # the limits exceeded (max_chars, ...)


def count_words(text: str) -> int:
    """Words as a Thai segmenter cuts them: newmm with PyThaiNLP's word list as shipped (not the
    repository's names: a form counts a name of three words as three); a token counts when it
    holds a letter or a digit."""
    segment = None
    for cache in (None, Path(tempfile.gettempdir()) / "dossier-words"):  # a read-only home: the temp folder
        try:
            segment = segmenter(shipped_words(cache))
            break
        except OSError:
            continue
    tokens = segment(text) if segment is not None else text.split()
    return sum(1 for t in tokens if any(unicodedata.category(c)[0] in "LN" for c in t))


def count(text: str) -> Counts:
    return Counts(len(text), sum(1 for c in text if not c.isspace()), count_words(text))


def value(project: Any, key: str) -> str:
    if key == "summary":
        return project.summary or ""
    return (project.sections or {}).get(key.removeprefix("sections."), "") or ""


def fields(project: Any, specs: list[FormField], numerals: str) -> list[FieldText]:
    out = []
    for spec in specs:
        text = blocks.to_text(blocks.parse(value(project, spec.field), numerals))
        counts = count(text)
        over = [limit for limit, maximum in spec.limits.items() if getattr(counts, MEASURES[limit][0]) > maximum]
        out.append(FieldText(spec, text, counts, over))
    return out


def over_limit(checked: Any, items: list[FieldText]) -> list[Diagnostic]:
    """A warning at the field in the project file for each limit exceeded."""
    problems = []
    for item in items:
        for limit in item.over:
            attr, th, en = MEASURES[limit]
            problems.append(Diagnostic(checked.file, locate(checked.source.root, item.spec.field), "form-over-limit",
                                       Severity.WARNING, {
                                           "field_th": item.spec.th, "field_en": item.spec.en,
                                           "count": getattr(item.counts, attr), "limit": item.spec.limits[limit],
                                           "measure_th": th, "measure_en": en}))
    return problems
