"""Printing diagnostics: text (compiler style), JSON, and GitHub Actions annotations."""

from __future__ import annotations

import json
from typing import Iterable, TextIO

from dossier.errors import Diagnostic, Severity

LABELS = {
    "th": {"hint": "วิธีแก้", "source": "ที่มา"},
    "en": {"hint": "hint", "source": "source"},
}


def text_lines(diagnostic: Diagnostic, lang: str) -> list[str]:
    d = diagnostic
    lines = [f"{d.file}:{d.line}:{d.column}: {d.severity.value}: [{d.label}] {d.message(lang)}"]
    hint = d.hint(lang)
    if hint:
        lines.append(f"    {LABELS[lang]['hint']}: {hint}")
    if d.source:
        lines.append(f"    {LABELS[lang]['source']}: {d.source}")
    return lines


def as_dict(d: Diagnostic, lang: str) -> dict[str, object]:
    return {
        "file": d.file, "line": d.line, "column": d.column, "severity": d.severity.value,
        "code": d.label, "message": d.message(lang), "hint": d.hint(lang),
        "message_th": d.message("th"), "message_en": d.message("en"),
        "hint_th": d.hint("th"), "hint_en": d.hint("en"),
        "rule": d.rule, "source": d.source,
    }


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(d: Diagnostic, lang: str) -> str:
    kind = "error" if d.severity is Severity.ERROR else "warning"
    body = d.message(lang) + (f"\n{LABELS[lang]['hint']}: {d.hint(lang)}" if d.hint(lang) else "")
    props = f"file={_escape_property(d.file)},line={d.line},col={d.column},title={_escape_property('[' + d.label + ']')}"
    return f"::{kind} {props}::{_escape_data(body)}"


def emit(diagnostics: Iterable[Diagnostic], fmt: str, lang: str, out: TextIO) -> None:
    items = list(diagnostics)
    if fmt == "json":
        json.dump([as_dict(d, lang) for d in items], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for d in items:
        if fmt == "github":
            out.write(github_line(d, lang) + "\n")
        else:
            out.write("\n".join(text_lines(d, lang)) + "\n")
