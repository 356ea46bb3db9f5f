"""``dossier validate --changed BASE`` against a real git repository: only what the branch
changed, everything when shared files changed, and the GitHub job summary."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from dossier.gitinfo import changed_files, last_change, select_changed

from support.gitrepo_util import CASES, ROOT, VALID, break_project, commit_all, git, run


def test_only_the_file_changed_on_the_branch_is_checked(gitrepo: Path) -> None:
    break_project(gitrepo / "projects" / "canals.yaml")
    commit_all(gitrepo, "canals: a typo")
    code, out, err = run(["validate", "--changed", "main", "--lang", "en"], gitrepo)
    assert code == 1
    assert "projects/canals.yaml:17:3: error: [unknown-key]" in out
    assert "mangrove" not in out
    assert err.strip().endswith("checked 1 file: 0 valid, 2 errors, 0 warnings")


def test_a_branch_that_fixes_a_file_passes(gitrepo: Path) -> None:
    git(gitrepo, "checkout", "-q", "main")
    break_project(gitrepo / "projects" / "canals.yaml")
    commit_all(gitrepo, "main is broken")
    git(gitrepo, "checkout", "-q", "-b", "fix")
    (gitrepo / "projects" / "canals.yaml").write_text(VALID, encoding="utf-8")
    commit_all(gitrepo, "fixed")
    code, _, err = run(["validate", "--changed", "main", "--lang", "en"], gitrepo)
    assert code == 0 and "checked 1 file: 1 valid" in err
    assert run(["validate", "--lang", "en"], gitrepo)[0] == 0


def test_uncommitted_staged_and_new_files_count_as_changed(gitrepo: Path) -> None:
    break_project(gitrepo / "projects" / "mangrove.yaml")  # unstaged
    (gitrepo / "projects" / "canals.yaml").write_text(VALID + "\n", encoding="utf-8")
    git(gitrepo, "add", "projects/canals.yaml")  # staged
    (gitrepo / "projects" / "ป่าชายเลน ใหม่.yaml").write_text(VALID, encoding="utf-8")  # untracked, Thai name
    code, out, err = run(["validate", "--changed", "main", "--lang", "en", "--format", "json"], gitrepo)
    assert code == 1
    assert {item["file"] for item in json.loads(out)} == {"projects/mangrove.yaml"}
    assert "checked 3 files: 2 valid" in err


def test_a_change_to_rules_templates_or_dossier_yaml_checks_every_project(gitrepo: Path) -> None:
    break_project(gitrepo / "projects" / "mangrove.yaml")
    git(gitrepo, "commit", "-qam", "broken but not changed on the branch", "--no-verify")
    git(gitrepo, "branch", "-f", "main", "HEAD")
    for change in ("dossier.yaml", "rules/2564.yaml", "templates/style.css.j2"):
        git(gitrepo, "checkout", "-q", "-B", f"change-{change.split('/')[0]}", "main")
        target = gitrepo / change
        target.parent.mkdir(exist_ok=True)
        if change == "rules/2564.yaml":
            shutil.copy(ROOT / "dossier" / "rules" / "2564.yaml", target)
        elif change == "dossier.yaml":
            target.write_text(target.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
        else:
            target.write_text("/* override */\n", encoding="utf-8")
        commit_all(gitrepo, f"change {change}")
        code, out, err = run(["validate", "--changed", "main", "--lang", "en"], gitrepo)
        assert code == 1, change
        assert f"{change} changed, so every project is checked" in err
        assert "checked 2 files" in err and "projects/mangrove.yaml" in out


def test_nothing_changed_is_success_with_a_message(gitrepo: Path) -> None:
    (gitrepo / "README.md").write_text("# ผลงานจังหวัด\n", encoding="utf-8")
    commit_all(gitrepo, "docs only")
    code, out, err = run(["validate", "--changed", "main", "--lang", "en"], gitrepo)
    assert (code, out) == (0, "")
    assert "no project file changed against main" in err
    code, out, _ = run(["validate", "--changed", "main", "--format", "sarif"], gitrepo)
    assert code == 0 and json.loads(out)["runs"][0]["results"] == []


def test_a_deleted_project_is_not_checked(gitrepo: Path) -> None:
    git(gitrepo, "rm", "-q", "projects/canals.yaml")
    commit_all(gitrepo, "remove canals")
    code, _, err = run(["validate", "--changed", "main", "--lang", "en"], gitrepo)
    assert code == 0 and "no project file changed" in err


def test_the_branch_is_compared_from_the_merge_base(gitrepo: Path) -> None:
    """Work merged to main after the branch started is not the branch's change (BASE...HEAD)."""
    git(gitrepo, "checkout", "-q", "main")
    (gitrepo / "projects" / "later.yaml").write_text(VALID, encoding="utf-8")
    commit_all(gitrepo, "another agency's project lands on main")
    git(gitrepo, "checkout", "-q", "feature")
    break_project(gitrepo / "projects" / "canals.yaml")
    commit_all(gitrepo, "canals")
    names = [p.name for p in select_changed(gitrepo, changed_files(gitrepo, "main")).projects]
    assert names == ["canals.yaml"]


def test_a_bad_base_or_no_repository_is_a_usage_error(gitrepo: Path, tmp_path_factory) -> None:
    code, out, _ = run(["validate", "--changed", "origin/nope", "--lang", "en"], gitrepo)
    assert code == 2 and '[git-bad-ref] git knows no "origin/nope"' in out and "fetch-depth: 0" in out
    code, out, _ = run(["validate", "--changed", "main", "projects/canals.yaml", "--lang", "en"], gitrepo)
    assert code == 2 and "--changed cannot be used together with PATH" in out
    plain = tmp_path_factory.mktemp("plain")
    shutil.copy(CASES / "dossier.yaml", plain / "dossier.yaml")
    (plain / "projects").mkdir()
    code, out, _ = run(["validate", "--changed", "main", "--lang", "en"], plain)
    assert code == 2 and "is not inside a git repository" in out


def test_a_dossier_repository_in_a_subfolder_of_the_git_repository(gitrepo: Path) -> None:
    sub = gitrepo / "province"
    sub.mkdir()
    for name in ("dossier.yaml", "projects"):
        git(gitrepo, "mv", name, f"province/{name}")
    commit_all(gitrepo, "move into a folder")
    git(gitrepo, "branch", "-f", "main", "HEAD")
    break_project(sub / "projects" / "canals.yaml")
    code, out, err = run(["validate", "--changed", "main", "--lang", "en"], sub)
    assert code == 1 and "projects/canals.yaml:17:3:" in out and "checked 1 file" in err


def test_github_format_writes_every_problem_to_the_job_summary(gitrepo: Path) -> None:
    """GitHub shows 10 annotations per step; the summary table has them all, with the source."""
    text = VALID
    for key in ("background", "concept", "objectives", "model", "collaboration", "results"):
        text = text.replace(f"  {key}:", f"  {key}x:")
    for name in ("a", "b"):
        (gitrepo / "projects" / f"{name}.yaml").write_text(text.replace("started: 1 มิถุนายน 2561", "started: 1 มิถุนายน 2563"),
                                                            encoding="utf-8")
    commit_all(gitrepo, "two projects, many problems")
    summary = gitrepo.parent / "step-summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    code, out, _ = run(["validate", "--changed", "main", "--format", "github", "--lang", "th"], gitrepo,
                       env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert code == 1
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert len(annotations) > 10
    table = summary.read_text(encoding="utf-8")
    assert table.startswith("earlier step\n### dossier validate")
    rows = [line for line in table.splitlines() if line.startswith("| ❌") or line.startswith("| ⚠️")]
    assert len(rows) == len(annotations)
    assert any("min-running-time" in row and "ดำเนินการอย่างจริงจังและต่อเนื่อง" in row for row in rows)
    assert all(row.count(" | ") >= 5 for row in rows)


def test_every_format_names_the_rule_source(gitrepo: Path) -> None:
    (gitrepo / "projects" / "young.yaml").write_text((CASES / "too-young.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    source = "ดำเนินการอย่างจริงจังและต่อเนื่องมาเป็นระยะเวลาตั้งแต่ ๑ ปีขึ้นไป"
    _, text, _ = run(["validate", "--changed", "main"], gitrepo)
    _, github, _ = run(["validate", "--changed", "main", "--format", "github"], gitrepo)
    _, as_json, _ = run(["validate", "--changed", "main", "--format", "json"], gitrepo)
    _, sarif, _ = run(["validate", "--changed", "main", "--format", "sarif"], gitrepo)
    assert source in text and source in github
    assert source in json.loads(as_json)[0]["source"]
    log = json.loads(sarif)
    assert source in log["runs"][0]["results"][0]["properties"]["source"]
    assert source in log["runs"][0]["tool"]["driver"]["rules"][0]["properties"]["source"]


def test_sarif_is_a_valid_2_1_0_log(gitrepo: Path) -> None:
    (gitrepo / "projects" / "ป่าชายเลน.yaml").write_text((CASES / "typo-section-key.yaml").read_text(encoding="utf-8"),
                                                       encoding="utf-8")
    code, out, _ = run(["validate", "--changed", "main", "--format", "sarif", "--lang", "en"], gitrepo)
    assert code == 1
    log = json.loads(out)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run_ = log["runs"][0]
    rule_ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    assert len(rule_ids) == len(set(rule_ids))
    for result in run_["results"]:
        assert result["level"] in ("error", "warning")
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "projects/%E0%B8%9B%E0%B9%88%E0%B8%B2%E0%B8%8A%E0%B8%B2%E0%B8%A2%E0%B9%80%E0%B8%A5%E0%B8%99.yaml"
        assert location["region"]["startLine"] >= 1 and location["region"]["startColumn"] >= 1
        assert result["message"]["text"] and result["properties"]["message_th"]


def test_last_change_names_the_author_or_not_committed(gitrepo: Path) -> None:
    change = last_change(gitrepo / "projects" / "canals.yaml")
    assert change is not None and change.committed and change.author == "สมศรี ใจดี" and not change.dirty
    break_project(gitrepo / "projects" / "canals.yaml")
    assert last_change(gitrepo / "projects" / "canals.yaml").dirty
    (gitrepo / "projects" / "new.yaml").write_text(VALID, encoding="utf-8")
    fresh = last_change(gitrepo / "projects" / "new.yaml")
    assert fresh is not None and not fresh.committed


def test_the_changed_command_lists_what_validate_would_check(gitrepo: Path) -> None:
    break_project(gitrepo / "projects" / "canals.yaml")
    (gitrepo / "projects" / "ป่า ใหม่.yaml").write_text(VALID, encoding="utf-8")
    code, out, _ = run(["changed", "main"], gitrepo)
    assert code == 0 and out.splitlines() == ["projects/canals.yaml", "projects/ป่า ใหม่.yaml"]
    code, out, _ = run(["changed", "main", "-0"], gitrepo)
    assert out == "projects/canals.yaml\0projects/ป่า ใหม่.yaml\0"
    (gitrepo / "dossier.yaml").write_text((gitrepo / "dossier.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    code, out, err = run(["changed", "main", "--lang", "en"], gitrepo)
    assert len(out.splitlines()) == 3 and "dossier.yaml changed" in err
    assert run(["changed", "nope"], gitrepo)[0] == 2
