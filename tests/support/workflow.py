"""The repository's GitHub workflow and pre-commit hooks as data, and its dossier steps run as
GitHub runs them (the workflow tests, and the symlink-leak test that runs them on a pull request)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from dossier.load import load_source, to_plain

from support.gitrepo_util import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "dossier.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
BIN = str(Path(sys.executable).parent)  # where the venv's `dossier` is


def load(path: Path) -> Any:
    """YAML as plain data with the tool's own loader (PyYAML would read the key `on` as True)."""
    source = load_source(path)
    assert source.root is not None and not source.diagnostics, source.diagnostics
    return to_plain(source.root)


def hooks() -> list[dict[str, Any]]:
    data = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))  # a list at the top: not a project-like file
    assert isinstance(data, list)
    return data


def job() -> dict[str, Any]:
    jobs = load(WORKFLOW)["jobs"]
    assert len(jobs) == 1
    return next(iter(jobs.values()))


def dossier_steps() -> list[dict[str, Any]]:
    return [s for s in job()["steps"] if "run" in s and re.search(r"(^|\n|\| )dossier ", s["run"])]



def run_steps(repo: Path) -> list[tuple[dict[str, Any], subprocess.CompletedProcess[str]]]:
    """Each dossier step's `run:` exactly as written, as GitHub runs it (bash -eo pipefail)."""
    summary = repo.parent / "step-summary.md"
    env = {**os.environ, **{k: v for k, v in job()["env"].items() if "${{" not in v},
           "BASE_REF": "main", "GITHUB_STEP_SUMMARY": str(summary), "PATH": BIN + os.pathsep + os.environ["PATH"]}
    results = []
    for step in dossier_steps():
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=repo,
                                env=env, capture_output=True, text=True, timeout=300)
        results.append((step, result))
    return results
