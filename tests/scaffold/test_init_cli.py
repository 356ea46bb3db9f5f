"""``dossier init``: a province repository from nothing, where ``new``, ``validate``, ``schema``,
``codeowners`` and ``build`` then work; it never overwrites, and bad options write nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import jsonschema
import pytest
import yaml

from dossier.scaffold import workflow_text
from support.cli_runner import run

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "validate" / "cases"
NAN = ["init", "nan", "--province", "น่าน", "--edition", "2564", "--deadline", "26 กุมภาพันธ์ 2564",
       "--agency", "cdd=สำนักงานพัฒนาชุมชนจังหวัดน่าน", "--agency", "agri=สำนักงานเกษตรจังหวัดน่าน",
       "--github-org", "nan-province", "--no-interactive", "--lang", "en"]
WRITTEN = {".github/CODEOWNERS", ".github/workflows/dossier.yml", ".gitignore", ".pre-commit-config.yaml",
           "GUIDE.md", "dossier.yaml", "projects/.gitkeep", "schema/project.schema.json",
           "schema/province.schema.json"}


def tree(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_a_new_province_validates_and_builds_its_first_project(tmp_path: Path) -> None:
    code, _, err = run(NAN, tmp_path)
    assert code == 0, err
    repo = tmp_path / "nan"
    assert tree(repo) == WRITTEN
    assert "created the province repository in nan" in err
    settings = yaml.safe_load((repo / "dossier.yaml").read_text(encoding="utf-8"))
    assert settings["province"] == "น่าน" and settings["edition"] == 2564
    assert settings["cutoff"] == "31 ธันวาคม 2563"  # the default: the end of the year before the edition
    assert [a["reviewers"] for a in settings["agencies"]] == [["@nan-province/cdd"], ["@nan-province/agri"]]
    # what it generated is current from the first commit, as CI checks it
    assert run(["schema", "--check"], repo)[0] == 0
    assert run(["schema", "province", "-o", "schema/province.schema.json", "--check"], repo)[0] == 0
    assert run(["codeowners", "--check"], repo)[0] == 0
    schema = json.loads((repo / "schema/project.schema.json").read_text(encoding="utf-8"))
    assert "cdd" in json.dumps(schema["properties"]["agency"], ensure_ascii=False)
    assert (repo / ".github/workflows/dossier.yml").read_text(encoding="utf-8") == workflow_text("")
    assert 'pip install dossier==' in (repo / ".github/workflows/dossier.yml").read_text(encoding="utf-8")

    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    code, _, err = run(["new", "--agency", "cdd", "--type", "participation-results", "--title", "ธนาคารขยะชุมชน",
                        "--slug", "waste-bank", "--lang", "en"], repo)
    assert code == 0, err
    code, out, _ = run(["validate", "--lang", "en"], repo)
    assert code == 1 and "projects/waste-bank.yaml:" in out and "[section-to-write]" in out

    project = (CASES / "valid-minimal.yaml").read_text(encoding="utf-8").replace("agency: tnrs", "agency: cdd")
    (repo / "projects/waste-bank.yaml").write_text(project, encoding="utf-8")
    code, out, err = run(["validate", "--lang", "en"], repo)
    assert code == 0, out + err
    result = subprocess.run([sys.executable, "-m", "dossier", "build", "-j1", "--lang", "en"], cwd=repo, capture_output=True, text=True,
                            env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})
    assert result.returncode == 0, result.stderr
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(repo / "build/waste-bank.pdf").pages)
    text = unicodedata.normalize("NFKC", text)
    assert unicodedata.normalize("NFKC", "สำนักงานพัฒนาชุมชนจังหวัดน่าน จังหวัดน่าน") in text


def test_init_overwrites_nothing_and_writes_nothing_when_a_file_exists(tmp_path: Path) -> None:
    repo = tmp_path / "nan"
    (repo / "schema").mkdir(parents=True)
    (repo / "schema/project.schema.json").write_text("mine", encoding="utf-8")
    code, out, err = run(NAN, tmp_path)
    assert code == 1
    assert "schema/project.schema.json exists already" in out + err
    assert tree(repo) == {"schema/project.schema.json"}  # nothing else written, nothing left behind
    assert (repo / "schema/project.schema.json").read_text(encoding="utf-8") == "mine"


def test_an_existing_gitignore_only_gets_the_lines_it_lacks(tmp_path: Path) -> None:
    repo = tmp_path / "nan"
    repo.mkdir()
    (repo / ".gitignore").write_text("# GitHub's template\n/build/\n*.log", encoding="utf-8")
    assert run(NAN, tmp_path)[0] == 0
    lines = (repo / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert lines[:3] == ["# GitHub's template", "/build/", "*.log"]
    assert lines.count("/build/") == 1 and ".dossier-cache/" in lines and ".venv/" in lines


@pytest.mark.parametrize(("option", "value", "expected"), [
    ("--cutoff", "31 กุมภาพันธ์ 2563", "the value of --cutoff cannot be used"),
    ("--edition", "2599", "no award rules for edition 2599"),
    ("--edition", "63", "63"),
    ("--agency", "CDD สำนักงาน", "the agency \"CDD สำนักงาน\" cannot be used"),
    ("--province", "", "--province is required"),
])
def test_a_bad_option_is_explained_on_stderr_and_writes_nothing(tmp_path: Path, option: str, value: str,
                                                                 expected: str) -> None:
    args = [*NAN]
    if option in args and option != "--agency":
        args[args.index(option) + 1] = value
    else:
        args += [option, value]
    code, out, err = run(args, tmp_path)
    assert code == 2 and out == ""
    assert expected in err and "Traceback" not in err
    assert not (tmp_path / "nan").exists() or tree(tmp_path / "nan") == set()


def test_at_a_terminal_init_asks_for_what_is_missing(tmp_path: Path) -> None:
    answers = "เชียงราย\n\n\ncdd\nสำนักงานพัฒนาชุมชนจังหวัดเชียงราย\n\n"  # province, edition, cutoff, 1 agency
    code, _, err = run(["init", "cr", "--interactive", "--lang", "en"], tmp_path, stdin=answers)
    assert code == 0, err
    settings = yaml.safe_load((tmp_path / "cr/dossier.yaml").read_text(encoding="utf-8"))
    assert settings["province"] == "เชียงราย"
    assert settings["agencies"] == [{"id": "cdd", "name": "สำนักงานพัฒนาชุมชนจังหวัดเชียงราย", "reviewers": []}]


def test_schema_works_outside_a_repository_and_keeps_errors_out_of_stdout(tmp_path: Path) -> None:
    code, out, err = run(["schema"], tmp_path)
    assert code == 0
    schema = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert "participation-results" in json.dumps(schema)
    code, out, err = run(["schema", "--check"], tmp_path)  # --check needs a repository: said on stderr
    assert code == 2 and out == "" and "no-repository" in err


def test_this_repository_s_workflow_is_the_one_init_writes() -> None:
    committed = (ROOT / ".github/workflows/dossier.yml").read_text(encoding="utf-8")
    assert committed == workflow_text("."), "regenerate it: python -c 'from dossier.scaffold import workflow_text; ...'"
