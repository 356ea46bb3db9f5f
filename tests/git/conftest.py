"""A real git repository in tmp_path: a dossier repository committed on ``main``, then a
``feature`` branch checked out, as an agency's pull request would have it."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.cli_runner import run
from support.gitrepo_util import commit_all, git, make_gitrepo


@pytest.fixture
def gitrepo(repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``repo`` (dossier.yaml + projects/, the current folder) with two valid projects committed
    on ``main`` and the branch ``feature`` checked out; git isolated from the user's config."""
    return make_gitrepo(repo, monkeypatch)


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
