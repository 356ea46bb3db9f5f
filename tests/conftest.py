"""Shared fixtures: the repository root, and a throw-away dossier repository in tmp_path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "validate" / "cases"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A dossier repository with the validation cases' dossier.yaml and an empty projects/,
    as the current folder."""
    shutil.copy(CASES / "dossier.yaml", tmp_path / "dossier.yaml")
    (tmp_path / "projects").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def valid_text() -> str:
    return (CASES / "valid-minimal.yaml").read_text(encoding="utf-8")
