"""``dossier status`` on a real git repository: completeness from the rules, problems, the last
change from git, days to the deadline, most urgent first; text, JSON and the HTML board."""

from __future__ import annotations

import json
import re
from pathlib import Path

from support.gitrepo_util import CASES, VALID, break_project, commit_all, run


def make_mid_preparation(repo: Path) -> None:
    """mangrove: valid (committed); canals: a typo (committed); draft: a section to write and no
    summary (not committed)."""
    break_project(repo / "projects" / "canals.yaml")
    commit_all(repo, "canals: a typo", author="นายอนุชา มีสุข <anucha@example.go.th>")
    draft = VALID.replace("  results: ผลสัมฤทธิ์", "  results: |").replace("summary: ชุมชนร่วมปลูกป่าชายเลน\n", "")
    (repo / "projects" / "draft.yaml").write_text(draft, encoding="utf-8")


def test_json_has_every_column_and_the_most_urgent_first(gitrepo: Path) -> None:
    make_mid_preparation(gitrepo)
    code, out, _ = run(["status", "--format", "json", "--today", "2564-02-10"], gitrepo)
    assert code == 0
    report = json.loads(out)
    assert (report["deadline"], report["today"], report["days_to_deadline"]) == ("2021-02-26", "2021-02-10", 16)
    files = [p["file"] for p in report["projects"]]
    # draft: as many errors as canals (a section still to write is an error in a submission), less complete
    assert files == ["projects/draft.yaml", "projects/canals.yaml", "projects/mangrove.yaml"]
    draft, canals, mangrove = report["projects"]
    assert canals["errors"] == 2 and canals["completeness"] == {"present": 14, "total": 15, "percent": 93}
    assert [m["key"] for m in canals["missing"]] == ["sections.background"]
    assert canals["last_change"]["author"] == "นายอนุชา มีสุข" and canals["last_change"]["committed"]
    assert draft["errors"] == 2 and draft["warnings"] == 0
    assert {m["key"] for m in draft["missing"]} == {"summary", "sections.results"}
    assert draft["last_change"] == {"committed": False, "author": None, "date": None, "uncommitted_changes": True}
    assert mangrove["ready"] and mangrove["errors"] == 0 and mangrove["missing"] == []
    assert mangrove["agency"] == {"id": "tnrs", "name": "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดสมุทรสงคราม"}
    assert mangrove["award_type"]["slug"] == "participation-results" and mangrove["days_to_deadline"] == 16
    assert any(p["code"] == "unknown-key" and p["line"] == 17 for p in canals["problems"])


def test_text_is_one_line_per_project(gitrepo: Path) -> None:
    make_mid_preparation(gitrepo)
    code, out, _ = run(["status", "--lang", "en", "--today", "2564-03-01"], gitrepo)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].endswith("deadline 2021-02-26: 3 days late")
    assert [line.split()[1] for line in lines[2:]] == ["projects/draft.yaml", "projects/canals.yaml", "projects/mangrove.yaml"]
    assert lines[3].startswith("✗") and "14/15" in lines[3] and "นายอนุชา มีสุข" in lines[3] and "Background and problem" in lines[3]
    assert "not committed" in lines[2] and "summary" in lines[2]
    assert lines[4].startswith("✓") and lines[4].rstrip().endswith("-")
    thai = run(["status", "--lang", "th", "--today", "2564-02-10"], gitrepo)[1]
    assert "อีก 16 วัน" in thai.splitlines()[0] and "ยังไม่ commit" in thai


def test_the_html_board_is_one_self_contained_page(gitrepo: Path) -> None:
    make_mid_preparation(gitrepo)
    (gitrepo / "projects" / "xss.yaml").write_text(VALID.replace("title: การส่งเสริม", "title: <script>alert(1)</script>การส่งเสริม"),
                                                  encoding="utf-8")
    code, _, err = run(["status", "--format", "html", "--today", "2564-02-10", "--lang", "en"], gitrepo)
    assert code == 0 and "wrote build/status.html" in err
    page = (gitrepo / "build" / "status.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<script>" not in page and "&lt;script&gt;" in page
    assert not re.search(r"(src|href)=\"?https?:", page)  # nothing fetched: it opens offline
    assert "font/ttf;base64," in page and "๑๖ วัน" in page  # the province's numerals
    assert page.index("projects/draft.yaml") < page.index("projects/canals.yaml") < page.index("projects/mangrove.yaml")
    assert "นายอนุชา มีสุข" in page and "ยังไม่ commit" in page
    code, _, _ = run(["status", "--format", "html", "-o", "board.html"], gitrepo)
    assert code == 0 and (gitrepo / "board.html").is_file()


def test_without_git_every_project_is_not_committed(repo: Path) -> None:
    (repo / "projects" / "a.yaml").write_text((CASES / "valid-minimal.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run(["status", "--format", "json"], repo)
    assert code == 0 and json.loads(out)["projects"][0]["last_change"] is None
    assert "not committed" in run(["status", "--lang", "en"], repo)[1]


def test_an_unreadable_file_and_an_unknown_type_still_have_a_line(gitrepo: Path) -> None:
    (gitrepo / "projects" / "broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    (gitrepo / "projects" / "odd.yaml").write_text(VALID.replace("award_type: participation-results", "award_type: best"),
                                                  encoding="utf-8")
    report = json.loads(run(["status", "--format", "json"], gitrepo)[1])
    by_file = {p["file"]: p for p in report["projects"]}
    assert by_file["projects/broken.yaml"]["completeness"]["present"] == 0
    assert by_file["projects/odd.yaml"]["award_type"] is None and by_file["projects/odd.yaml"]["errors"] >= 1
    assert run(["status", "--today", "31/2/2564"], gitrepo)[0] == 2
