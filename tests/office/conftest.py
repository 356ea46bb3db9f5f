"""A copy of the bundled province repository (dossier.yaml and projects/) in tmp_path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def province(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(ROOT / "dossier.yaml", tmp_path / "dossier.yaml")
    shutil.copytree(ROOT / "projects", tmp_path / "projects")
    monkeypatch.chdir(tmp_path)
    return tmp_path
