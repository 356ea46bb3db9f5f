"""The message catalogue: every code once, in both languages, and every code the code emits."""

from __future__ import annotations

import re
from pathlib import Path

from dossier import catalogue
from dossier.catalogue import files, rules, tool

PACKAGE = Path(__file__).resolve().parents[1] / "dossier"


def test_each_code_is_defined_once_in_both_languages() -> None:
    parts = [set(files.MESSAGES), set(rules.MESSAGES), set(tool.MESSAGES)]
    assert sum(len(p) for p in parts) == len(catalogue.MESSAGES)
    for code, entry in catalogue.MESSAGES.items():
        assert entry.th and entry.en, code
        assert re.search(r"[\u0e00-\u0e7f]", entry.th + entry.hint_th), code


def test_every_code_the_package_emits_is_in_the_catalogue() -> None:
    emitted = set()
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        emitted |= set(re.findall(r"Diagnostic\([^()]*?(?:Pos\([^()]*\)|\w+)\s*,\s*\"([a-z][a-z0-9-]+)\"", text))
        emitted |= set(re.findall(r"ValueProblem\(\"([a-z][a-z0-9-]+)\"", text))
    assert emitted, "the pattern found nothing: it is out of date"
    assert sorted(emitted - set(catalogue.MESSAGES)) == []
