"""Helpers for tests that run the real git: commands, commits, and `run` from support/cli_runner.py."""

from __future__ import annotations

import subprocess
from pathlib import Path

from support.cli_runner import run  # noqa: F401 - re-exported; tests/ is on sys.path (the root conftest)

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "validate" / "cases"
VALID = (CASES / "valid-minimal.yaml").read_text(encoding="utf-8")


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True, timeout=60)
    return result.stdout


def commit_all(cwd: Path, message: str, author: str = "สมศรี ใจดี <somsri@example.go.th>") -> None:
    git(cwd, "add", "-A")
    git(cwd, "commit", "-q", "-m", message, f"--author={author}")


def break_project(path: Path) -> None:
    """Make a project invalid: a typo in a section key (an unknown-key error on its line)."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  background:", "  backgroud:"), encoding="utf-8")


