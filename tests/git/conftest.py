"""A real git repository in tmp_path: a dossier repository committed on ``main``, then a
``feature`` branch checked out, as an agency's pull request would have it."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.cli_runner import run
from support.gitrepo_util import VALID, commit_all, git


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


@pytest.fixture
def pull_request(gitrepo: Path) -> Path:
    """``gitrepo`` as a checkout on GitHub: generated files committed on main, origin/main."""
    git(gitrepo, "checkout", "-q", "main")
    assert run(["codeowners", "-q"], gitrepo)[0] == 0
    assert run(["schema", "-o", "schema/project.schema.json", "-q"], gitrepo)[0] == 0
    assert run(["schema", "province", "-o", "schema/province.schema.json", "-q"], gitrepo)[0] == 0
    commit_all(gitrepo, "generated files")
    git(gitrepo, "update-ref", "refs/remotes/origin/main", "main")
    git(gitrepo, "checkout", "-q", "feature")
    git(gitrepo, "merge", "-q", "--ff-only", "main")
    return gitrepo
