"""A real git repository in tmp_path: a dossier repository committed on ``main``, then a
``feature`` branch checked out, as an agency's pull request would have it."""

from __future__ import annotations

from pathlib import Path

import pytest

from gitrepo_util import VALID, commit_all, git


@pytest.fixture
def gitrepo(repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
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
