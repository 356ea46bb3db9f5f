"""Printing diagnostics: text (compiler style), JSON, GitHub Actions annotations, SARIF 2.1.0,
and the Markdown table of a GitHub job summary.

Every format carries the rule's source (the award document and clause) when the rules file has it,
so a reviewer on a pull request can check the requirement itself.
"""

from __future__ import annotations

import json
from typing import Iterable, TextIO
from urllib.parse import quote

from dossier import __version__
from dossier.errors import Diagnostic, Severity

FORMATS = ("text", "json", "github", "sarif")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

LABELS = {
    "th": {"hint": "วิธีแก้", "source": "ที่มา", "file": "ไฟล์", "line": "บรรทัด", "code": "รหัส",
           "problem": "ปัญหา", "error": "ข้อผิดพลาด", "warning": "คำเตือน"},
    "en": {"hint": "hint", "source": "source", "file": "file", "line": "line", "code": "code",
           "problem": "problem", "error": "error", "warning": "warning"},
}


def text_lines(diagnostic: Diagnostic, lang: str) -> list[str]:
    d = diagnostic
    lines = [f"{d.where}: {d.severity.value}: [{d.label}] {d.message(lang)}"]
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
    if d.source:
        body += f"\n{LABELS[lang]['source']}: {d.source}"
    title = f"title={_escape_property('[' + d.label + ']')}"
    if not d.line:  # no place in a file (git, an option): an annotation of the run, naming what it is about
        return f"::{kind} {title}::{_escape_data(d.file + ': ' + body)}"
    props = f"file={_escape_property(d.file)},line={d.line},col={d.column},{title}"
    return f"::{kind} {props}::{_escape_data(body)}"


def _uri(path: str) -> str:
    """A file name as a SARIF URI reference: forward slashes, Thai and spaces percent-encoded."""
    return quote(path.replace("\\", "/").removeprefix("./"), safe="/")


def sarif(diagnostics: Iterable[Diagnostic], lang: str) -> dict[str, object]:
    """A SARIF 2.1.0 log of one run (GitHub code scanning, VS Code's SARIF viewer)."""
    items = list(diagnostics)
    rules: dict[str, dict[str, object]] = {}
    results: list[dict[str, object]] = []
    for d in items:
        if d.label not in rules:
            rule: dict[str, object] = {
                "id": d.label, "name": d.label,
                "shortDescription": {"text": d.source or d.label},
                "help": {"text": d.hint(lang) or d.message(lang)},
                "defaultConfiguration": {"level": "error" if d.severity is Severity.ERROR else "warning"},
                "properties": {"source": d.source} if d.source else {},
            }
            rules[d.label] = rule
        results.append({
            "ruleId": d.label,
            "ruleIndex": list(rules).index(d.label),
            "level": "error" if d.severity is Severity.ERROR else "warning",
            "message": {"text": d.message(lang) + (f"\n{LABELS[lang]['hint']}: {d.hint(lang)}" if d.hint(lang) else "")},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(d.file), "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": max(d.line, 1), "startColumn": max(d.column, 1)},
            }}],
            "properties": {
                "code": d.code, "source": d.source, "message_th": d.message("th"), "message_en": d.message("en"),
                "hint_th": d.hint("th"), "hint_en": d.hint("en"),
            },
        })
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "dossier", "version": __version__, "rules": list(rules.values())}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def summary_markdown(diagnostics: Iterable[Diagnostic], lang: str, title: str) -> str:
    """Every problem as one Markdown table (for ``$GITHUB_STEP_SUMMARY``: GitHub shows at most
    10 annotations of each kind per step; the job summary shows them all)."""
    items = list(diagnostics)
    words = LABELS[lang]
    errors = sum(1 for d in items if d.severity is Severity.ERROR)
    lines = [f"### {title}", ""]
    if lang == "th":
        lines.append(f"ข้อผิดพลาด {errors} รายการ, คำเตือน {len(items) - errors} รายการ")
    else:
        lines.append(f"{errors} error{'s' if errors != 1 else ''}, {len(items) - errors} "
                     f"warning{'s' if len(items) - errors != 1 else ''}")
    if not items:
        return "\n".join(lines) + "\n"
    lines += ["", f"| | {words['file']} | {words['code']} | {words['problem']} | {words['hint']} | {words['source']} |",
              "|---|---|---|---|---|---|"]
    for d in items:
        mark = "❌" if d.severity is Severity.ERROR else "⚠️"
        lines.append(f"| {mark} | `{_cell(d.where)}` | `{_cell(d.label)}` | {_cell(d.message(lang))} "
                     f"| {_cell(d.hint(lang))} | {_cell(d.source or '')} |")
    return "\n".join(lines) + "\n"


def emit(diagnostics: Iterable[Diagnostic], fmt: str, lang: str, out: TextIO) -> None:
    items = list(diagnostics)
    if fmt == "json":
        json.dump([as_dict(d, lang) for d in items], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    if fmt == "sarif":
        json.dump(sarif(items, lang), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for d in items:
        if fmt == "github":
            out.write(github_line(d, lang) + "\n")
        else:
            out.write("\n".join(text_lines(d, lang)) + "\n")
