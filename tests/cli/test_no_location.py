"""A problem about a file as a whole has no line (``dossier.errors.NOWHERE``), and every format
says so: the file alone in text, an annotation of the file without a line for GitHub, a SARIF
location without a region. Line 1 is never made up for it."""

from __future__ import annotations

import json
from pathlib import Path

from support.cli_runner import run


def leaking(repo: Path, tmp_path: Path) -> Path:
    outside = tmp_path.parent / f"{tmp_path.name}-outside.yaml"
    outside.write_text("title: secret\n", encoding="utf-8")
    (repo / "projects" / "leak.yaml").symlink_to(outside)
    return repo


def test_a_file_level_problem_has_no_line_in_any_format(repo: Path, tmp_path: Path) -> None:
    leaking(repo, tmp_path)
    code, text, _ = run(["validate", "--lang", "en"], repo)
    assert code == 1 and "projects/leak.yaml: error: [path-outside]" in text and "leak.yaml:1:1" not in text

    _, github, _ = run(["validate", "--lang", "en", "--format", "github"], repo)
    annotation = next(line for line in github.splitlines() if "[path-outside]" in line)
    assert annotation.startswith("::error file=projects/leak.yaml,title=[path-outside]::") and "line=" not in annotation

    _, sarif, _ = run(["validate", "--lang", "en", "--format", "sarif"], repo)
    results = [r for r in json.loads(sarif)["runs"][0]["results"] if r["properties"]["code"] == "path-outside"]
    assert len(results) == 1
    location = results[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "projects/leak.yaml" and "region" not in location

    _, data, _ = run(["validate", "--lang", "en", "--format", "json"], repo)
    found = [d for d in json.loads(data) if d["code"] == "path-outside"]
    assert [(d["line"], d["column"]) for d in found] == [(0, 0)]


def test_a_problem_at_a_place_keeps_its_line_and_region(repo: Path, valid_text: str) -> None:
    (repo / "projects" / "typo.yaml").write_text(valid_text + "titel: x\n", encoding="utf-8")
    _, sarif, _ = run(["validate", "--lang", "en", "--format", "sarif"], repo)
    results = [r for r in json.loads(sarif)["runs"][0]["results"] if r["properties"]["code"] == "unknown-key"]
    assert results and all(r["locations"][0]["physicalLocation"]["region"]["startLine"] > 1 for r in results)
