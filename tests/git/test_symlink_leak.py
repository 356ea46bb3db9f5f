"""A pull request that commits symlinks out of the repository (git carries them: a project file,
a photo, the generated CODEOWNERS and schema whose ``--check`` prints a diff) leaks nothing:
the workflow's own dossier commands, run verbatim on the pull request's branch, refuse each link
with a located annotation, and the outside file's content appears in no output, no job summary
and no PDF of the artifact folder, embedded or not."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from support.gitrepo_util import VALID, commit_all, git
from support.pdfbytes import every_byte
from support.workflow import run_steps


def test_committed_symlinks_leak_nothing_into_the_ci_artifact(pull_request: Path,
                                                              tmp_path_factory: pytest.TempPathFactory) -> None:
    marker = f"MARKER-{uuid.uuid4().hex}"
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.yaml").write_text(VALID.replace("การส่งเสริมกิจกรรมการปลูกป่าชายเลน", marker) + f"{marker}: x\n",
                                         encoding="utf-8")
    (outside / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + marker.encode())
    projects = pull_request / "projects"
    (projects / "leak.yaml").symlink_to(outside / "secret.yaml")
    (projects / "images").mkdir()
    (projects / "images" / "photo.png").symlink_to(outside / "photo.png")
    mangrove = projects / "mangrove.yaml"
    mangrove.write_text(mangrove.read_text(encoding="utf-8") + "photos:\n  - {file: images/photo.png, caption: ภาพ}\n",
                        encoding="utf-8")
    for generated in ("schema/project.schema.json", ".github/CODEOWNERS"):  # their --check would print a diff
        (pull_request / generated).unlink()
        (pull_request / generated).symlink_to(outside / "secret.yaml")
    commit_all(pull_request, "a project, a photo and the generated files, linked from outside")
    assert git(pull_request, "ls-files", "-s", "projects/leak.yaml").startswith("120000")  # committed as a symlink
    results = {step["run"].split()[1]: result for step, result in run_steps(pull_request)}
    validate = results["validate"]
    assert validate.returncode == 1
    assert "::error file=projects/leak.yaml,title=[path-outside]::" in validate.stdout, validate.stdout
    assert "::error file=projects/mangrove.yaml,line=" in validate.stdout and "title=[image-outside]" in validate.stdout
    assert results["changed"].returncode != 0  # the build step fails on the refused project
    schema = results["schema"].stdout + results["schema"].stderr  # schema's stdout is data: problems go to stderr
    assert "::error file=schema/project.schema.json,title=[path-outside]::" in schema
    assert "::error file=.github/CODEOWNERS,title=[path-outside]::" in results["codeowners"].stdout
    summary = (pull_request.parent / "step-summary.md").read_text(encoding="utf-8")
    for text in [summary, *(r.stdout + r.stderr for r in results.values())]:
        assert marker not in text and str(outside) not in text
    pdfs = sorted((pull_request / "build").glob("*.pdf"))  # what actions/upload-artifact uploads
    assert [p.name for p in pdfs] == ["mangrove.draft.pdf"]
    for pdf in pdfs:
        assert marker.encode() not in every_byte(pdf)
    for path in (pull_request / "build").rglob("*"):
        if path.is_file():
            assert marker.encode() not in path.read_bytes()
