"""Printing diagnostics: text (compiler style), JSON, GitHub Actions annotations, SARIF 2.1.0,
and the Markdown table of a GitHub job summary.

Every format carries the rule's source (the award document and clause) when the rules file has it,
so a reviewer on a pull request can check the requirement itself.

No value can forge output: messages escape their values (the catalogue), and every file name,
rule id and source is shown through :func:`dossier.safetext.visible`. Every format shows at most
``max_problems_per_code`` problems of one code in one file, then one "and N more" entry
(:func:`dossier.errors.capped`); the job summary stays under ``max_summary_bytes``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import TextIO
from urllib.parse import quote

from dossier import __version__, catalogue
from dossier.errors import MORE_PROBLEMS, Diagnostic, Severity, capped
from dossier.limits import OUTPUT_LIMITS
from dossier.safetext import visible

FORMATS = ("text", "json", "github", "sarif")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

LABELS = {lang: {word: catalogue.phrase(f"label-{word}", lang)
                 for word in ("hint", "source", "file", "line", "code", "problem", "error", "warning")}
          for lang in ("th", "en")}


def text_lines(diagnostic: Diagnostic, lang: str) -> list[str]:
    d = diagnostic
    lines = [f"{visible(d.where)}: {d.severity.value}: [{visible(d.label)}] {d.message(lang)}"]
    hint = d.hint(lang)
    if hint:
        lines.append(f"    {LABELS[lang]['hint']}: {hint}")
    if d.source:
        lines.append(f"    {LABELS[lang]['source']}: {visible(d.source)}")
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
    """GitHub's escaping of a workflow command's data (after :func:`visible`, only the
    tool's own newlines are left)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(d: Diagnostic, lang: str) -> str:
    kind = "error" if d.severity is Severity.ERROR else "warning"
    body = d.message(lang) + (f"\n{LABELS[lang]['hint']}: {d.hint(lang)}" if d.hint(lang) else "")
    if d.source:
        body += f"\n{LABELS[lang]['source']}: {visible(d.source)}"
    title = f"title={_escape_property('[' + visible(d.label) + ']')}"
    if not d.line and os.path.lexists(d.file):  # the file as a whole: annotated on the file, no line
        return f"::{kind} file={_escape_property(visible(d.file))},{title}::{_escape_data(body)}"
    if not d.line:  # no file (git, an option): an annotation of the run, naming what it is about
        return f"::{kind} {title}::{_escape_data(visible(d.file) + ': ' + body)}"
    props = f"file={_escape_property(visible(d.file))},line={d.line},col={d.column},{title}"
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
            "locations": [{"physicalLocation": {  # a problem with no place in its file has no region
                "artifactLocation": {"uri": _uri(d.file), "uriBaseId": "%SRCROOT%"},
                **({"region": {"startLine": d.line, "startColumn": max(d.column, 1)}} if d.line else {}),
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


def _cell(text: str, code: bool = False) -> str:
    """A table cell: one line, ``|`` escaped, and (in a code span, which has no escapes) no backtick."""
    shown = " ".join(visible(text).split()).replace("|", "\\|")
    return shown.replace("`", "\\x60") if code else shown


def summary_markdown(diagnostics: Iterable[Diagnostic], lang: str, title: str,
                     budget: int = OUTPUT_LIMITS.max_summary_bytes) -> str:
    """Every problem as one Markdown table (for ``$GITHUB_STEP_SUMMARY``: GitHub shows at most
    10 annotations of each kind per step; the job summary shows them all, capped per code and
    file). The text stays within ``budget`` bytes (UTF-8): rows that would not fit are left out,
    and a last line says how many."""
    total = list(diagnostics)
    items = capped(total)
    words = LABELS[lang]
    errors = sum(1 for d in total if d.severity is Severity.ERROR)
    lines = [f"### {_cell(title)}", ""]
    warnings = len(total) - errors
    lines.append(catalogue.phrase("summary-count", lang, errors=errors, errors_s=catalogue.plural(errors),
                               warnings=warnings, warnings_s=catalogue.plural(warnings)))
    if not items:
        return "\n".join(lines) + "\n"
    lines += ["", f"| | {words['file']} | {words['code']} | {words['problem']} | {words['hint']} | {words['source']} |",
              "|---|---|---|---|---|---|"]
    reserve = 1024  # room for the note on rows left out
    size = sum(len(line.encode("utf-8")) + 1 for line in lines) + reserve
    for shown, d in enumerate(items):
        mark = "❌" if d.severity is Severity.ERROR else "⚠️"
        row = (f"| {mark} | `{_cell(d.where, code=True)}` | `{_cell(d.label, code=True)}` "
               f"| {_cell(d.message(lang))} | {_cell(d.hint(lang))} | {_cell(d.source or '')} |")
        size += len(row.encode("utf-8")) + 1
        if size > budget:
            left = sum(int(d.args["count"]) if d.code == MORE_PROBLEMS else 1 for d in items[shown:])
            lines += ["", _cell(catalogue.message("summary-truncated", lang, {"count": left}))]
            break
        lines.append(row)
    return "\n".join(lines) + "\n"


def emit(diagnostics: Iterable[Diagnostic], fmt: str, lang: str, out: TextIO) -> None:
    """Print the problems in ``fmt``, at most ``max_problems_per_code`` of one code in one file
    (then one "and N more" entry)."""
    items = capped(diagnostics)
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
