"""Award rules as data: parameters declared once and checked when loaded (in the rules file and
in ``dossier.yaml``'s overrides), and editions that cannot lie about their year."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.errors import DossierError, Severity
from dossier.paths import PACKAGE_DIR
from dossier.rules import load_rules
from dossier.rules.params import CHECK_PARAMS
from dossier.validate.checks import CHECKS, PAGE_CHECKS
from dossier.workspace import open_workspace
from support.cli_runner import run

BUILTIN = PACKAGE_DIR / "rules" / "2564.yaml"


def settings(repo: Path, old: str, new: str) -> None:
    path = repo / "dossier.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def add_overrides(repo: Path, block: str) -> None:
    """Append a ``rules:`` block to the repository's dossier.yaml (which has none)."""
    path = repo / "dossier.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\nrules:" not in text
    path.write_text(text.rstrip("\n") + "\n" + block, encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_every_kind_of_check_declares_its_parameters() -> None:
    assert set(CHECK_PARAMS) == set(CHECKS) | set(PAGE_CHECKS)


def test_the_built_in_parameters_are_typed_when_loaded() -> None:
    rules = load_rules(2564)
    assert rules.rule("min-running-time").params == {"months": 12}
    assert rules.rule("evidence-of-impact").params == {"field": "indicators", "min": 1}
    assert isinstance(rules.rule("required-sections").params["sections"], tuple)
    needs = rules.requires("participation-results", Severity.ERROR)
    assert "background" in needs.sections and ("indicators", 1) in needs.minimum


@pytest.mark.parametrize(("override", "code", "needle"), [
    ("rules:\n  summary-length: {max: สี่พันตัวอักษร}\n", "rule-bad-param", "max: สี่พัน"),
    ("rules:\n  summary-length: {mx: 4000}\n", "rule-unknown-param", "mx: 4000"),
    ("rules:\n  summary-length: 4000\n", "rule-override-shape", "summary-length: 4000"),
    ("rules:\n  summary-length: {max: -5}\n", "rule-bad-param", "max: -5"),
    ("rules:\n  summary-lenght: {max: 4000}\n", "rule-unknown-override", "summary-lenght"),
])
def test_a_wrong_override_is_a_located_error_at_its_key(repo: Path, override: str, code: str, needle: str) -> None:
    add_overrides(repo, override)
    exit_code, out, err = run(["validate", "--lang", "en"], repo)
    assert exit_code == 1 and "internal error" not in err
    line = line_of(repo / "dossier.yaml", needle)
    assert f"dossier.yaml:{line}:" in out and f"[{code}]" in out, out


def test_a_misspelt_parameter_is_told_the_right_one(repo: Path) -> None:
    add_overrides(repo, "rules:\n  summary-length: {mx: 4000}\n")
    ws = open_workspace(repo)
    problem = next(d for d in ws.diagnostics if d.code == "rule-unknown-param")
    assert 'did you mean "max"' in problem.message("en")


def test_a_thai_number_in_an_override_is_read(repo: Path) -> None:
    add_overrides(repo, 'rules:\n  summary-length: {max: "๔,๐๐๐"}\n')
    ws = open_workspace(repo)
    assert not [d for d in ws.diagnostics if d.severity is Severity.ERROR]
    assert ws.rules.rule("summary-length").params["max"] == 4000


def new_edition(repo: Path, text: str, edition: int = 2568) -> Path:
    (repo / "rules").mkdir(exist_ok=True)
    path = repo / "rules" / f"{edition}.yaml"
    path.write_text(text, encoding="utf-8")
    settings(repo, "edition: 2564", f"edition: {edition}")
    return path


def test_a_copied_rules_file_that_keeps_its_old_year_is_refused_at_its_edition_line(repo: Path) -> None:
    path = new_edition(repo, BUILTIN.read_text(encoding="utf-8"))  # copied as the README once said
    with pytest.raises(DossierError) as caught:
        open_workspace(repo)
    problem = caught.value.diagnostics[0]
    assert problem.code == "rules-edition-mismatch" and problem.file == "rules/2568.yaml"
    assert problem.line == line_of(path, "edition:")
    assert "edition 2564" in problem.message("en") and "2568" in problem.message("en")


def test_a_new_edition_writes_down_only_its_differences(repo: Path) -> None:
    new_edition(repo, "edition: 2568\nextends: 2564\nremove: [poverty-sectors]\nrules:\n"
                      "  - id: min-running-time\n    params: {months: 24}\n")
    ws = open_workspace(repo)
    assert ws.rules.edition == 2568
    assert ws.rules.rule("min-running-time").params == {"months": 24}
    assert ws.rules.rule("min-running-time").check == "min_running_months"  # inherited
    assert ws.rules.rule("poverty-sectors") is None
    assert len(ws.rules.types) == 5 and ws.rules.section("background") is not None


@pytest.mark.parametrize(("text", "code", "needle"), [
    ("edition: 2568\nextends: 2599\n", "rules-bad-extends", "extends:"),
    ("edition: 2568\nextends: 2564\nrules:\n  - id: min-running-time\n    params: {monthz: 24}\n",
     "rule-unknown-param", "monthz"),
    ("edition: 2568\nextends: 2564\nrules:\n  - id: new-rule\n    check: max_chars\n    severity: error\n"
     "    confidence: province\n    params: {field: summary}\n", "rule-missing-param", "- id: new-rule"),
    ("edition: 2568\nextends: 2564\nrules:\n  - id: new-rule\n    check: max_words\n    severity: error\n"
     "    confidence: province\n", "rules-invalid", "check: max_words"),
])
def test_a_rules_file_problem_is_located_in_that_file(repo: Path, text: str, code: str, needle: str) -> None:
    path = new_edition(repo, text)
    exit_code, out, err = run(["validate", "--lang", "en"], repo)
    assert exit_code == 1 and "internal error" not in err
    assert f"rules/2568.yaml:{line_of(path, needle)}:" in out and f"[{code}]" in out, out


def test_a_missing_edition_names_its_file_in_arabic_digits_at_the_edition_line(repo: Path) -> None:
    settings(repo, "edition: 2564", "edition: 2599")
    exit_code, out, _ = run(["validate", "--lang", "th"], repo)
    assert exit_code == 1
    assert f"dossier.yaml:{line_of(repo / 'dossier.yaml', 'edition:')}:" in out
    assert "rules/2599.yaml" in out and "๒๕๙๙.yaml" not in out


def test_the_cover_and_the_schema_print_the_repository_s_edition(repo: Path, valid_text: str) -> None:
    new_edition(repo, "edition: 2568\nextends: 2564\n")
    settings(repo, "cutoff: 31 ธันวาคม 2563", "cutoff: 31 ธันวาคม 2567")
    (repo / "projects" / "mangrove.yaml").write_text(valid_text, encoding="utf-8")
    code, out, err = run(["schema"], repo)
    assert code == 0 and "ปี 2568" in out
    result = subprocess.run([sys.executable, "-m", "dossier", "build", "-j1", "--no-book", "--lang", "en"],
                            cwd=repo, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    text = subprocess.run(["pdftotext", "-l", "1", str(repo / "build" / "mangrove.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "๒๕๖๘" in text and "๒๕๖๔" not in text
