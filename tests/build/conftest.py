"""A small dossier repository for build tests: two short valid projects (fast to render)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "validate" / "cases"
VALID = (CASES / "valid-minimal.yaml").read_text(encoding="utf-8")


@pytest.fixture
def small_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "projects").mkdir(parents=True)
    shutil.copy(CASES / "dossier.yaml", repo / "dossier.yaml")
    (repo / "projects" / "alpha.yaml").write_text(VALID, encoding="utf-8")
    (repo / "projects" / "beta.yaml").write_text(VALID.replace("การส่งเสริมกิจกรรมการปลูกป่าชายเลน", "โครงการคลองสวยน้ำใส"),
                                                encoding="utf-8")
    return repo
