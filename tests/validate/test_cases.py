"""Expected diagnostics kept as data: each file in cases/ is a project, and each
``# expect: label[@column], ...`` comment names the problems expected on that line.

A file without ``# expect`` must validate with no problem at all. Labels are rule ids from the
rules file (``min-running-time``) or catalogue codes (``unknown-key``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from dossier.catalogue import MESSAGES
from dossier.rules import load_rules
from dossier.validate import check_file
from dossier.workspace import open_workspace

from support.cases import expectations

CASES = Path(__file__).parent / "cases"
FILES = sorted(p for p in CASES.glob("*.yaml") if p.name != "dossier.yaml")


@pytest.fixture(scope="module")
def ws():
    return open_workspace(CASES)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_case_gives_exactly_the_expected_diagnostics(path: Path, ws) -> None:
    checked = check_file(path, ws, path.name)
    got = sorted((d.line, d.label) for d in checked.diagnostics)
    expected = sorted((line, label) for line, label, _ in expectations(path))
    assert got == expected, "\n".join(f"{d.line}:{d.column} {d.label}: {d.message('en')}" for d in checked.diagnostics)
    for line, label, column in expectations(path):
        if column is not None:
            columns = [d.column for d in checked.diagnostics if d.line == line and d.label == label]
            assert column in columns, f"{label} at line {line}: columns {columns}"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_message_reads_well_in_thai_and_english(path: Path, ws) -> None:
    for d in check_file(path, ws, path.name).diagnostics:
        for lang in ("th", "en"):
            text = d.message(lang) + d.hint(lang)
            assert d.message(lang) and d.hint(lang), d.code
            assert "{" not in text and "}" not in text, text  # every placeholder filled
        assert re.search(r"[\u0e00-\u0e7f]", d.message("th")), d.message("th")
        assert not re.search(r"[\u0e01-\u0e2e]{3}", d.message("en").split('"')[0]), d.message("en")


def test_every_rule_in_the_rules_file_is_exercised_by_a_case() -> None:
    rules = load_rules(2564)
    render_checks = {"max_pages"}
    labels = {label for path in FILES for _, label, _ in expectations(path)}
    untested = [r.id for r in rules.rules if r.id not in labels and r.check not in render_checks]
    assert untested == []


def test_every_expected_label_is_a_rule_or_a_catalogue_code() -> None:
    rule_ids = {r.id for r in load_rules(2564).rules}
    for path in FILES:
        for _, label, _ in expectations(path):
            assert label in rule_ids or label in MESSAGES, (path.name, label)


def test_validation_never_modifies_the_file(ws) -> None:
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in FILES}
    for p in FILES:
        check_file(p, ws)
    assert before == {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in FILES}
