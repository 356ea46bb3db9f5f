"""``dossier diff`` runs in a real git repository: the same one the git tests use."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.gitrepo_util import make_gitrepo


@pytest.fixture
def gitrepo(repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_gitrepo(repo, monkeypatch)
