"""Output that cannot be forged: a value and a file name holding a newline, GitHub workflow
commands, a terminal escape and a bidi override, run through every command and format as real
subprocesses; and a file with thousands of the same mistake gives a bounded report and a job
summary GitHub accepts (1 MiB)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "validate" / "cases"
EVIL = "\n::error file=x::forged\n::add-mask::x\x1b[2J\u202e"
EVIL_YAML = "\\n::error file=x::forged\\n::add-mask::x\\e[2J\\u202e"  # the same, in a YAML double-quoted string
ESCAPED = "\\n::error file=x::forged\\n::add-mask::x\\x1b[2J\\u202e"  # as the tool shows it
RAW = ("\x1b", "\u202e", "\x9b", "\r")
MEBIBYTE = 1024 * 1024


def dossier(repo: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    full.update({"SOURCE_DATE_EPOCH": "1609372800", **(env or {})})
    return subprocess.run([sys.executable, "-m", "dossier", *args], cwd=repo, env=full, capture_output=True,
                          text=True, encoding="utf-8", timeout=600)


@pytest.fixture
def evil_repo(tmp_path: Path) -> Path:
    """Two projects whose file names forge commands: one valid (it renders), one whose agency
    value forges them too (an error that quotes the value); and a province named like a command,
    which the status report puts at the start of a line."""
    repo = tmp_path / "repo"
    (repo / "projects").mkdir(parents=True)
    province = (CASES / "dossier.yaml").read_text(encoding="utf-8")
    (repo / "dossier.yaml").write_text(re.sub(r"(?m)^province: .*$", 'province: "::error::forged province"', province),
                                       encoding="utf-8")
    valid = (CASES / "valid-minimal.yaml").read_text(encoding="utf-8")
    (repo / "projects" / f"ok{EVIL}.yaml").write_text(valid, encoding="utf-8")
    (repo / "projects" / f"bad{EVIL}.yaml").write_text(valid.replace("agency: tnrs", f'agency: "tnrs{EVIL_YAML}"'),
                                                       encoding="utf-8")
    return repo


def assert_unforged(text: str, annotations: bool = False) -> None:
    """No line starts a workflow command (GitHub's runner trims leading spaces first), except
    the tool's own annotations; nothing raw for a terminal."""
    for line in text.split("\n"):
        if line.lstrip().startswith(("::", "##[")):
            assert annotations and re.match(r"::(error|warning) file=[^,:]*,line=\d+,col=\d+,title=\[[^\]:,]*\]::", line), line
    for raw in RAW:
        assert raw not in text, f"raw {raw!r} in output"


@pytest.mark.parametrize("fmt", ["text", "github", "json", "sarif"])
def test_validate_never_prints_a_forged_line(evil_repo: Path, fmt: str) -> None:
    done = dossier(evil_repo, "validate", "--lang", "en", "--format", fmt)
    assert done.returncode == 1, done.stderr
    assert_unforged(done.stdout, annotations=fmt == "github")
    assert_unforged(done.stderr)
    if fmt == "text":
        assert f"projects/bad{ESCAPED}.yaml:4:1: error: [unknown-agency]" in done.stdout
        assert '"tnrs ::error file=x::forged ::add-mask::x\\x1b[2J\\u202e"' in done.stdout  # the value, one line
    elif fmt == "github":
        own = [line for line in done.stdout.splitlines() if line.startswith("::")]
        assert len(own) == 1 and own[0].startswith("::error file=projects/bad\\n%3A%3Aerror file=x%3A%3Aforged\\n")
        assert "::add-mask::x\\x1b[2J\\u202e" in own[0].split("::", 2)[2]  # in the data, escaped, mid-line
    else:
        report = json.loads(done.stdout)  # the data is exact: only the printing is escaped
        files = ([d["file"] for d in report] if fmt == "json" else
                 [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in report["runs"][0]["results"]])
        assert files == [f"projects/bad{EVIL}.yaml"] if fmt == "json" else len(files) == 1


def test_github_summary_and_status_and_build_never_print_a_forged_line(evil_repo: Path, tmp_path: Path) -> None:
    summary = tmp_path / "step-summary.md"
    done = dossier(evil_repo, "validate", "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    table = summary.read_text(encoding="utf-8")
    assert_unforged(table)
    assert f"`projects/bad{ESCAPED}.yaml:4:1`" in table

    for fmt in ("text", "json"):
        status = dossier(evil_repo, "status", "--lang", "en", "--format", fmt)
        assert status.returncode == 0, status.stderr
        assert_unforged(status.stdout)
        assert_unforged(status.stderr)
    text = dossier(evil_repo, "status", "--lang", "en").stdout
    assert text.startswith("\\::error::forged province · ") and f"✗ projects/bad{ESCAPED}.yaml" in text
    board = tmp_path / "board.html"
    done = dossier(evil_repo, "status", "--format", "html", "-o", str(board))
    assert done.returncode == 0, done.stderr
    page = board.read_text(encoding="utf-8")
    assert "\u202e" not in page and "\x1b" not in page and f"bad{ESCAPED}" in page

    done = dossier(evil_repo, "build", "--lang", "en", "-j", "1", "--no-book")
    assert done.returncode == 1
    assert_unforged(done.stdout)
    assert_unforged(done.stderr)
    assert f"skipped projects/bad{ESCAPED}.yaml: it has errors" in done.stderr
    assert re.search(rf"✓ projects/ok{re.escape(ESCAPED)}\.yaml → build/ok{re.escape(ESCAPED)}\.pdf \(\d+ pages", done.stderr), done.stderr


def many_warnings(repo: Path, count: int) -> Path:
    """A valid project with ``count`` Thai typing warnings in a comment (เ+เ typed for แ)."""
    valid = (CASES / "valid-minimal.yaml").read_text(encoding="utf-8")
    path = repo / "projects" / "many.yaml"
    path.write_text("# " + "เเ " * count + "\n" + valid, encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "projects").mkdir(parents=True)
    shutil.copy(CASES / "dossier.yaml", repo / "dossier.yaml")
    return repo


def test_thousands_of_one_warning_are_capped_in_every_format(repo: Path, tmp_path: Path) -> None:
    many_warnings(repo, 5000)
    text = dossier(repo, "validate", "--lang", "en")
    assert text.returncode == 0, text.stderr
    assert text.stdout.count("warning: [thai-typing]") == 20
    more = [line for line in text.stdout.splitlines() if "[more-problems]" in line]
    assert more == ["projects/many.yaml:1:63: warning: [more-problems] and 4980 more [thai-typing] in this file "
                    "(only the first 20 are shown)"]
    assert "5000 warnings" in text.stderr  # the count is the whole count
    assert len(text.stdout.encode()) < 20_000

    report = json.loads(dossier(repo, "validate", "--format", "json").stdout)
    assert [d["code"] for d in report] == ["thai-typing"] * 20 + ["more-problems"]
    sarif = json.loads(dossier(repo, "validate", "--format", "sarif").stdout)
    assert len(sarif["runs"][0]["results"]) == 21

    summary = tmp_path / "step-summary.md"
    github = dossier(repo, "validate", "--format", "github", "--lang", "en", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert len(github.stdout.splitlines()) == 21 and "and 4980 more [thai-typing]" in github.stdout.splitlines()[-1]
    table = summary.read_text(encoding="utf-8")
    assert len(table.encode()) < 20_000 and table.count("| ⚠️ |") == 21 and "0 errors, 5000 warnings" in table
    status = json.loads(dossier(repo, "status", "--format", "json").stdout)
    assert len(status["projects"][0]["problems"]) == 21 and status["projects"][0]["warnings"] == 5000


def test_the_job_summary_stays_under_one_mebibyte(repo: Path, tmp_path: Path) -> None:
    """Earlier steps already wrote most of the summary: this step adds what fits, and says so."""
    for name in ("a", "b", "c"):
        many_warnings(repo, 30).rename(repo / "projects" / f"{name}.yaml")
    summary = tmp_path / "step-summary.md"
    summary.write_text("earlier step\n" + "x" * 988_000 + "\n", encoding="utf-8")
    done = dossier(repo, "validate", "--format", "github", "--lang", "en", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == 3 * 21  # the annotations are all there
    size = summary.stat().st_size
    table = summary.read_text(encoding="utf-8")
    assert size < MEBIBYTE and table.startswith("earlier step\n")
    note = re.search(r"(\d+) more problems are not in this summary \(GitHub allows 1 MiB\)", table)
    assert note and int(note[1]) > 0
    rows = table.count("| `thai-typing` |")
    folded = sum(int(n) for n in re.findall(r"and (\d+) more \[thai-typing\]", table))
    assert rows + folded + int(note[1]) == 3 * 30  # every problem is in a row, an "and N more" or the note

    summary.write_text("x" * (MEBIBYTE - 100), encoding="utf-8")  # full: nothing is added
    done = dossier(repo, "validate", "--format", "github", "--lang", "en", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert summary.stat().st_size == MEBIBYTE - 100 and "close to the 1 MiB GitHub allows" in done.stderr


@pytest.mark.parametrize("fmt", ["text", "github", "json", "sarif"])
def test_the_hostile_corpus_never_prints_a_forged_line(fmt: str) -> None:
    """Every file of tests/hostile/ (log-injection.yaml among them), in one run per format."""
    hostile = ROOT / "tests" / "hostile"
    files = sorted(p.name for p in hostile.glob("*.yaml") if p.name != "dossier.yaml")
    done = dossier(hostile, "validate", "--lang", "en", "--format", fmt, *files)
    assert done.returncode == 1 and "log-injection.yaml" in done.stdout
    assert_unforged(done.stdout, annotations=fmt == "github")
    assert_unforged(done.stderr)
