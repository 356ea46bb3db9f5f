"""``dossier diff BASE`` on a real git repository with two commits: real builds at both commits
(the base in a temporary worktree), pages read back from the PDFs, the HTML report on disk."""

from __future__ import annotations

from pathlib import Path

from support.gitrepo_util import VALID, commit_all, git, run

from dossier.diff.run import diff, worktree
from dossier.workspace import open_workspace

MARK = "INSERTEDPARAGRAPH"


def long_project(paragraphs: list[str]) -> str:
    """VALID with a background of many distinct paragraphs (several pages of body)."""
    block = "\n\n".join(paragraphs)
    indented = "\n".join(f"    {line}" if line else "" for line in block.splitlines())
    return VALID.replace("  background: ความเป็นมา", "  background: |\n" + indented)


def paragraphs(count: int) -> list[str]:
    return [f"ย่อหน้าที่ {n} ชุมชนคลองโคนร่วมกับหน่วยงานรัฐปลูกป่าชายเลนเพิ่มขึ้นทุกปี ตั้งแต่ปี 2561 "
            f"มีผู้เข้าร่วม {n * 7} คน ดูแลพื้นที่ {n * 3} ไร่ ติดตามผลทุกเดือน paragraph-{n}-end" for n in range(1, count + 1)]


def changed_texts(project) -> list[str]:  # type: ignore[no-untyped-def]
    return [" ".join(c.after.lines) for c in project.changes if c.after is not None]


def test_a_changed_page_is_reported_and_unchanged_projects_and_pages_are_not(gitrepo: Path) -> None:
    (gitrepo / "projects" / "mangrove.yaml").write_text(long_project(paragraphs(40)), encoding="utf-8")
    commit_all(gitrepo, "a long background")
    base = git(gitrepo, "rev-parse", "HEAD").strip()
    text = (gitrepo / "projects" / "mangrove.yaml").read_text(encoding="utf-8")
    (gitrepo / "projects" / "mangrove.yaml").write_text(text.replace("paragraph-25-end", "paragraph-25-CHANGED"),
                                                         encoding="utf-8")
    commit_all(gitrepo, "one word of paragraph 25")
    code, out, err = run(["diff", base, "--lang", "en"], gitrepo)
    assert code == 0, err
    assert "projects/mangrove.yaml: pages changed" in out and "canals" not in out
    [project] = diff(open_workspace(gitrepo), base)
    assert project.name == "projects/mangrove.yaml" and project.pages_before == project.pages_after >= 5
    assert len(project.changes) == 1  # one page of five or more
    [page] = project.changes
    assert page.before is not None and page.after is not None and page.before.number == page.after.number
    assert "paragraph-25-CHANGED" in " ".join(page.after.lines) and "paragraph-25-end" in " ".join(page.before.lines)
    marked = [page.after.lines[n] for n in page.added]  # the lines boxed in red on the difference image
    assert any("paragraph-25-CHANGED" in line for line in marked) and len(marked) <= 2, marked
    assert [f.path for f in project.fields] == ["sections.background"]
    assert any(line.startswith("+") and "paragraph-25-CHANGED" in line for line in project.fields[0].lines)
    report = gitrepo / "build" / "diff"
    html = (report / "index.html").read_text(encoding="utf-8")
    assert "projects/mangrove.yaml" in html and "canals" not in html and "sections.background" in html
    assert (report / "fonts" / "Sarabun-Regular.ttf").is_file()  # Thai shows on any computer
    pngs = sorted(p.name for p in (report / "projects-mangrove").iterdir())
    assert pngs == ["001-after.png", "001-before.png", "001-diff.png"]
    assert "pages changed" in (report / "summary.md").read_text(encoding="utf-8")
    assert git(gitrepo, "worktree", "list").count("\n") == 1  # the base's worktree is gone
    cached = {p: p.stat().st_mtime_ns for p in (gitrepo / "build" / "diff-cache").glob("*/*.pdf")}
    assert len(cached) == 2  # mangrove at the base and now
    assert run(["diff", base, "--lang", "en"], gitrepo)[0] == 0  # again: both sides are up to date
    assert {p: p.stat().st_mtime_ns for p in (gitrepo / "build" / "diff-cache").glob("*/*.pdf")} == cached


def test_an_inserted_paragraph_is_reported_once(gitrepo: Path) -> None:
    original = paragraphs(40)
    (gitrepo / "projects" / "mangrove.yaml").write_text(long_project(original), encoding="utf-8")
    commit_all(gitrepo, "a long background")
    base = git(gitrepo, "rev-parse", "HEAD").strip()
    inserted = [*original[:3], f"ย่อหน้าใหม่ที่แทรกเข้ามา {MARK} ชุมชนจัดเวรเฝ้าระวังป่าชายเลนร่วมกับอาสาสมัคร", *original[3:]]
    (gitrepo / "projects" / "mangrove.yaml").write_text(long_project(inserted), encoding="utf-8")
    commit_all(gitrepo, "a paragraph early in the background")
    [project] = diff(open_workspace(gitrepo), base)
    texts = changed_texts(project)
    assert sum(MARK in t for t in texts) == 1
    [page] = [c for c in project.changes if c.after is not None and MARK in " ".join(c.after.lines)]
    assert page.after is not None
    marked = [page.after.lines[n] for n in page.added]
    assert any(MARK in line for line in marked) and len(marked) <= 3, marked  # the new paragraph's lines only
    # every later page of the background moved by a line or two, and is not reported
    assert project.pages_after >= 6
    assert len(project.changes) == 1, [label for label in texts]


def test_a_new_project_is_all_new_pages(gitrepo: Path) -> None:
    (gitrepo / "projects" / "fresh.yaml").write_text(VALID, encoding="utf-8")
    commit_all(gitrepo, "a new project")
    [project] = diff(open_workspace(gitrepo), "main")
    assert project.name == "projects/fresh.yaml" and project.pages_before == 0 and project.pages_after >= 3
    assert len(project.changes) == project.pages_after and all(c.before is None for c in project.changes)
    assert "sections.background" in [f.path for f in project.fields]


def test_nothing_changed_writes_an_empty_report(gitrepo: Path) -> None:
    code, out, err = run(["diff", "main", "--lang", "en"], gitrepo)
    assert code == 0 and out == ""
    assert "0 projects changed" in err
    assert "No page changed." in (gitrepo / "build" / "diff" / "index.html").read_text(encoding="utf-8")


def test_the_worktree_is_removed_even_when_the_build_fails(gitrepo: Path) -> None:
    try:
        with worktree(gitrepo, "main") as tree:
            assert (tree / "projects" / "canals.yaml").read_text(encoding="utf-8") == VALID
            raise RuntimeError("stop")
    except RuntimeError:
        pass
    assert not tree.exists()
    assert git(gitrepo, "worktree", "list").count("\n") == 1


def test_default_base_is_the_merge_base_with_main(gitrepo: Path) -> None:
    (gitrepo / "projects" / "canals.yaml").write_text(VALID.replace("ความร่วมมือ", "ความร่วมมือของชุมชน"), encoding="utf-8")
    commit_all(gitrepo, "canals")
    code, out, err = run(["diff", "--lang", "en"], gitrepo)
    assert code == 0, err
    assert out.startswith("projects/canals.yaml: pages changed") and "mangrove" not in out


def test_no_main_branch_is_a_usage_problem(gitrepo: Path) -> None:
    git(gitrepo, "branch", "-m", "main", "trunk")
    code, out, err = run(["diff", "--lang", "en"], gitrepo)
    assert code == 2
    assert "[diff-no-base] no main branch to compare with" in out and "dossier diff origin/main" in out
    assert "Traceback" not in out + err


def test_a_deleted_project_is_listed_as_deleted_with_its_old_page_count(gitrepo: Path, tmp_path: Path) -> None:
    base = git(gitrepo, "rev-parse", "HEAD").strip()
    (gitrepo / "projects" / "canals.yaml").unlink()
    commit_all(gitrepo, "canals is withdrawn")
    summary = tmp_path / "step-summary.md"
    code, out, err = run(["diff", base, "--lang", "en"], gitrepo, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert code == 0, err
    found = [line for line in out.splitlines() if line.startswith("projects/canals.yaml")]
    assert len(found) == 1 and "deleted (had " in found[0], out
    pages = int(found[0].split("deleted (had ")[1].split()[0])
    assert pages >= 3 and "mangrove" not in out
    [project] = diff(open_workspace(gitrepo), base)
    assert (project.name, project.state, project.pages_before, project.pages_after) == (
        "projects/canals.yaml", "deleted", pages, 0)
    assert f"**projects/canals.yaml**: deleted (had {pages} pages)" in summary.read_text(encoding="utf-8")
    report = gitrepo / "build" / "diff"
    assert f"**projects/canals.yaml**: deleted (had {pages} pages)" in (report / "summary.md").read_text(encoding="utf-8")
    html = (report / "index.html").read_text(encoding="utf-8")
    assert f'<p class="state deleted">deleted (had {pages} pages)</p>' in html


def test_a_deletion_not_yet_committed_and_an_added_project_are_both_listed(gitrepo: Path, tmp_path: Path) -> None:
    (gitrepo / "projects" / "fresh.yaml").write_text(VALID.replace("ความร่วมมือ", "ความร่วมมือใหม่"), encoding="utf-8")
    commit_all(gitrepo, "a new project")
    (gitrepo / "projects" / "mangrove.yaml").unlink()  # in the work tree only
    summary = tmp_path / "step-summary.md"
    code, out, err = run(["diff", "main", "--lang", "th"], gitrepo, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert code == 0, err
    lines = sorted(out.splitlines())
    assert lines[0].startswith("projects/fresh.yaml: เพิ่มใหม่ (") and "หน้าที่เปลี่ยน" in lines[0], out
    assert lines[1].startswith("projects/mangrove.yaml: ลบออกแล้ว (เดิม ") and len(lines) == 2, out
    text = summary.read_text(encoding="utf-8")
    assert "**projects/mangrove.yaml**: ลบออกแล้ว (เดิม " in text and "เพิ่มใหม่" in text
