"""Helpers for tests that run the real git: commands, commits, and `run` from support/cli_runner.py."""

from __future__ import annotations

import subprocess
from typing import Any
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




def make_gitrepo(repo: Path, monkeypatch: Any) -> Path:
    """``repo`` (dossier.yaml + projects/, the current folder) with two valid projects committed
    on ``main`` and the branch ``feature`` checked out; git isolated from the user's config."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(repo.parent / "no-global-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    (repo / "projects" / "mangrove.yaml").write_text(VALID, encoding="utf-8")
    (repo / "projects" / "canals.yaml").write_text(VALID, encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "สำนักงานจังหวัด")
    git(repo, "config", "user.email", "office@example.go.th")
    git(repo, "config", "commit.gpgsign", "false")
    commit_all(repo, "base")
    git(repo, "checkout", "-q", "-b", "feature")
    return repo
