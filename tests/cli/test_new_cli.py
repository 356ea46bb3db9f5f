"""``dossier new``: a guided project file that loads back, with the sections "to write"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dossier.newproject import requirements
from dossier.validate import check_file
from dossier.workspace import open_workspace
from support.cli_runner import run

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "validate" / "cases"
# What a new file still owes besides its sections: facts only the agency can give.
STILL_TO_FILL = {"field-to-write", "poverty-sectors", "section-to-write"}




NEW = ["new", "--agency", "tnrs", "--type", "participation-results", "--title", "การส่งเสริมกิจกรรมการปลูกป่าชายเลน",
       "--slug", "mangrove", "--contact", "นางสาวสมศรี ใจดี", "--phone", "0 3471 3309", "--started", "1 มิถุนายน 2561",
       "--lang", "en"]


def test_the_new_file_loads_back_with_its_sections_to_write(repo: Path) -> None:
    code, _, err = run(NEW, repo)
    assert code == 0 and "created projects/mangrove.yaml" in err
    ws = open_workspace(repo)
    checked = check_file(repo / "projects" / "mangrove.yaml", ws, "projects/mangrove.yaml", draft=True)
    labels = [d.label for d in checked.diagnostics]
    _, sections, _ = requirements(ws.rules, ws.rules.find_type("participation-results"))
    to_write = [d for d in checked.diagnostics if d.code == "section-to-write"]
    assert sorted(d.args["section"] for d in to_write) == sorted(sections)
    assert all(d.severity.value == "warning" and d.source for d in to_write)
    assert "missing-section" not in {d.code for d in checked.diagnostics}
    assert set(labels) <= STILL_TO_FILL, labels  # no syntax, key or type error: only what is still to give
    assert all(d.severity.value == "warning" for d in checked.diagnostics)  # a draft: nothing blocks it
    to_fill = {d.args.get("field") for d in checked.diagnostics if d.code == "field-to-write"}
    assert to_fill == {"summary", "partners", "indicators"}  # title, type, agency, contact, start, status given
    submitted = check_file(repo / "projects" / "mangrove.yaml", ws, "projects/mangrove.yaml")
    assert {d.severity.value for d in submitted.diagnostics} == {"error"}  # not submittable as it is


def test_filled_in_as_the_comments_say_it_is_valid(repo: Path) -> None:
    assert run(NEW, repo)[0] == 0
    path = repo / "projects" / "mangrove.yaml"
    text = path.read_text(encoding="utf-8")
    for key in ("background", "concept", "objectives", "model", "collaboration", "results"):
        text = text.replace(f"  {key}: |\n", f"  {key}: |\n    เนื้อหาหัวข้อ {key}\n")
    text = text.replace("#  - name:", "  - name: ชุมชนคลองโคน", 2)  # the first partner and the first indicator
    text = text.replace("#    sector:", "    sector: community", 1).replace("#    result:", "    result: 450", 1)
    text = re.sub(r"^summary:\s+#", "summary: ชุมชนร่วมปลูกป่าชายเลน  #", text, flags=re.M)
    path.write_text(text, encoding="utf-8")
    code, out, err = run(["validate", "projects/mangrove.yaml", "--lang", "en"], repo)
    problems = [line for line in out.splitlines() if ": error:" in line or ": warning:" in line]
    assert problems == [], out
    assert code == 0


@pytest.mark.parametrize("award_type", ["open-government", "participation-results", "partnership-leadership",
                                        "scaling", "poverty"])
def test_every_award_type_gets_its_required_parts(repo: Path, award_type: str) -> None:
    code, _, _ = run(["new", "--agency", "tnrs", "--type", award_type, "--title", "ผลงาน: ทดสอบ #1"], repo)
    assert code == 0
    path = repo / "projects" / f"tnrs-{award_type}.yaml"
    ws = open_workspace(repo)
    checked = check_file(path, ws, path.name)
    assert checked.project is not None and checked.project.title == "ผลงาน: ทดสอบ #1"
    assert checked.award_type is not None and checked.award_type.slug == award_type
    fields, sections, _ = requirements(ws.rules, checked.award_type)
    text = path.read_text(encoding="utf-8")
    for field in fields:
        assert f"\n{field}:" in text, field
    for section in ws.rules.sections:
        assert (f"\n  {section.key}: |\n" in text) == (section.key in sections)
        assert section.prompt_th in text
    assert {d.args["section"] for d in checked.diagnostics if d.code == "section-to-write"} == set(sections)
    assert set(d.label for d in checked.diagnostics) <= STILL_TO_FILL


def test_it_never_overwrites(repo: Path) -> None:
    assert run(NEW, repo)[0] == 0
    before = (repo / "projects" / "mangrove.yaml").read_bytes()
    code, out, _ = run(NEW[:-2] + ["--lang", "en", "--title", "อีกโครงการ"], repo)
    assert code == 1 and "[file-exists] projects/mangrove.yaml already exists" in out
    assert (repo / "projects" / "mangrove.yaml").read_bytes() == before


def test_without_a_terminal_every_choice_is_an_option(repo: Path) -> None:
    code, _, err = run(["new", "--type", "scaling", "--title", "x", "--lang", "en"], repo)
    assert code == 2 and "--agency is required" in err and "tnrs, cdd" in err
    code, _, err = run(["new", "--agency", "tnrs", "--title", "x", "--lang", "th"], repo)
    assert code == 2 and "--type" in err and "scaling (เลื่องลือขยายผล)" in err
    code, out, _ = run(["new", "--agency", "nobody", "--type", "scaling", "--title", "x", "--lang", "en"], repo)
    assert code == 2 and "[unknown-agency]" in out
    code, out, _ = run(["new", "--agency", "tnrs", "--type", "best", "--title", "x", "--lang", "en"], repo)
    assert code == 2 and "[unknown-award-type]" in out
    code, _, err = run(["new", "--agency", "tnrs", "--type", "scaling", "--title", "x", "--slug", "ป่า", "--lang", "en"], repo)
    assert code == 2 and "cannot be a file name" in err
    assert list((repo / "projects").iterdir()) == []


def test_interactive_lists_the_choices_with_thai_names(repo: Path) -> None:
    answers = "\n".join(["9", "1", "tnrs", "ร่วมใจแก้จน", "ผลงานแก้จน", "", "นางสาวสมศรี ใจดี", ""]) + "\n"
    code, _, err = run(["new", "--interactive", "--lang", "th"], repo, stdin=answers)
    assert code == 0, err
    assert "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดสมุทรสงคราม" in err and "เลื่องลือขยายผล" in err
    assert "ไม่มีตัวเลือกนี้" in err  # "9" is not a choice: asked again
    text = (repo / "projects" / "tnrs-poverty.yaml").read_text(encoding="utf-8")
    assert "award_type: poverty" in text and "title: ผลงานแก้จน" in text and "  name: นางสาวสมศรี ใจดี" in text
