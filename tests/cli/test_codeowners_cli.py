"""``dossier codeowners``: .github/CODEOWNERS from dossier.yaml, and ``--check`` for CI."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from support.cli_runner import run

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "validate" / "cases"
VALID = (CASES / "valid-minimal.yaml").read_text(encoding="utf-8")




def owners(text: str) -> dict[str, list[str]]:
    lines = [line.split() for line in text.splitlines() if line and not line.startswith("#")]
    return {parts[0]: parts[1:] for parts in lines}


def test_the_committed_file_is_current() -> None:
    code, out, err = run(["codeowners", "--check", "--lang", "en"], ROOT)
    assert code == 0, out + err
    table = owners((ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8"))
    assert table["/projects/mangrove.yaml"] == ["@samutsongkhram/tnrs"]
    assert table["/rules/"] == table["/templates/"] == table["/dossier.yaml"] == table["/.github/"] == ["@samutsongkhram/strategy"]
    assert len([k for k in table if k.startswith("/projects/") and k.endswith(".yaml")]) == 8


def test_each_agency_owns_its_files_and_the_office_the_rest(repo: Path) -> None:
    (repo / "projects" / "mangrove.yaml").write_text(VALID, encoding="utf-8")  # tnrs
    (repo / "projects" / "new work.yaml").write_text(VALID, encoding="utf-8")  # a space in the name
    (repo / "projects" / "cdd.yaml").write_text(VALID.replace("agency: tnrs", "agency: cdd"), encoding="utf-8")
    (repo / "projects" / "lost.yaml").write_text(VALID.replace("agency: tnrs", "agency: nobody"), encoding="utf-8")
    (repo / "projects" / "broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    code, _, err = run(["codeowners", "--lang", "en"], repo)
    assert code == 0 and "wrote .github/CODEOWNERS" in err
    text = (repo / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    table = owners(text.replace("\\ ", "\0"))
    assert table["/projects/mangrove.yaml"] == ["@samutsongkhram/tnrs"]
    assert table["/projects/new\0work.yaml"] == ["@samutsongkhram/tnrs"]
    assert "/projects/cdd.yaml" not in table  # cdd has no reviewers: the office's /projects/ line applies
    assert "no reviewers yet" in text and "lost.yaml" in text and "broken.yaml" in text
    assert table["/projects/"] == []  # the cases' dossier.yaml names no office reviewers
    assert list(table).index("/projects/") < list(table).index("/projects/mangrove.yaml")  # last match wins


def test_check_fails_when_a_project_is_added_and_passes_after_regenerating(repo: Path) -> None:
    (repo / "projects" / "mangrove.yaml").write_text(VALID, encoding="utf-8")
    assert run(["codeowners"], repo)[0] == 0
    assert run(["codeowners", "--check"], repo)[0] == 0
    (repo / "projects" / "second.yaml").write_text(VALID, encoding="utf-8")
    code, out, err = run(["codeowners", "--check", "--lang", "en", "--format", "github"], repo)
    assert code == 1
    assert out.startswith("::error file=.github/CODEOWNERS,title=[codeowners-stale]::")
    assert "+/projects/second.yaml @samutsongkhram/tnrs" in err
    assert run(["codeowners"], repo)[0] == 0 and run(["codeowners", "--check"], repo)[0] == 0


def test_paths_are_relative_to_the_git_work_tree(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(repo.parent / "no-global-gitconfig"))
    sub = repo / "province"
    sub.mkdir()
    (repo / "dossier.yaml").rename(sub / "dossier.yaml")
    (repo / "projects").rename(sub / "projects")
    (sub / "projects" / "mangrove.yaml").write_text(VALID, encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    assert run(["codeowners"], sub)[0] == 0
    table = owners((repo / ".github" / "CODEOWNERS").read_text(encoding="utf-8"))
    assert table["/province/projects/mangrove.yaml"] == ["@samutsongkhram/tnrs"]
    assert "/province/rules/" in table
