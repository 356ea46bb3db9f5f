"""Helpers for tests that run the real git: commands, commits, a CliRunner in a folder."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from click.testing import CliRunner

from dossier.cli import main

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


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None, stdin: str | None = None) -> tuple[int, str, str]:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, args, env=env, input=stdin)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr
