"""The book's front matter starts as soon as its inputs are known (``dossier.build.front``):
laid out once in a cold build, speculatively from the previous page numbers when projects are
re-rendered, and again only when a page number moved; whatever the path, the book's contents
cite each dossier's own page numbers."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pypdf
import pytest
from dossier.build.pipeline import Options, build
from dossier.render.pdf import Engine
from dossier.validate import check_paths
from dossier.workspace import PROVINCE_FILE, open_workspace

BOOK = "สมุทรสงคราม-2564.pdf"


@pytest.fixture
def front_layouts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A file that gets a line each time a front matter is laid out, in this process or in a
    worker (workers are forked after the patch, so they inherit it)."""
    log = tmp_path / "front-layouts.txt"
    log.write_text("", encoding="utf-8")
    original = Engine.layout

    def layout(self: Engine, html: str, base_dir: Path, source_file: str) -> object:
        if source_file == PROVINCE_FILE:
            with open(log, "a", encoding="utf-8") as handle:
                handle.write("front\n")
        return original(self, html, base_dir, source_file)

    monkeypatch.setattr(Engine, "layout", layout)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1609372800")
    return log


def make(repo: Path, jobs: int = 2) -> None:
    ws = open_workspace(repo)
    outcome = build(ws, [(p, f"projects/{p.name}") for p in sorted((repo / "projects").glob("*.yaml"))],
                    Options(repo / "build", jobs=jobs))
    assert not outcome.failed and outcome.book is not None, [d.message("en") for d in outcome.diagnostics]


def laid_out(log: Path) -> int:
    count = len(log.read_text(encoding="utf-8").split())
    log.write_text("", encoding="utf-8")
    return count


def contents_numbers(pdf: Path, first: int, last: int) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", "-f", str(first), "-l", str(last), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    return re.findall(r"\S {3,}([๐-๙]+|[ก-ฮ])\s*$", text, flags=re.M)


def assert_book_cites_each_dossiers_numbers(repo: Path) -> None:
    """The book's contents list, per project in order, the numbers its own contents print (its
    summary and sections: the book leaves out the budget, timeline and contact lines)."""
    import pypdf

    dossiers = [pdf for pdf in sorted((repo / "build").glob("*.pdf")) if pdf.name != BOOK]
    book = repo / "build" / BOOK
    pages = pypdf.PdfReader(book).pages
    contents = next(i for i, page in enumerate(pages) if "สารบัญ" in page.extract_text()) + 1
    cited = contents_numbers(book, contents, contents + 1)[1:]  # after the summary table's letter
    per = len(cited) // len(dossiers)
    assert per >= 7 and [cited[i * per:(i + 1) * per] for i in range(len(dossiers))] == [
        contents_numbers(pdf, 2, 2)[:per] for pdf in dossiers]


def grow(project: Path, paragraphs: int) -> None:
    """Make the first section long enough to move every later section's page."""
    text = project.read_text(encoding="utf-8")
    long = "\\n\\n".join(["ชุมชนร่วมกันดูแลป่าชายเลนและติดตามผลทุกเดือน " * 12] * paragraphs)
    project.write_text(text.replace("  background: ความเป็นมา", f'  background: "ความเป็นมา\\n\\n{long}"'), encoding="utf-8")


def test_a_cold_build_lays_the_front_matter_out_once(small_repo: Path, front_layouts: Path) -> None:
    make(small_repo)
    assert laid_out(front_layouts) == 1
    assert_book_cites_each_dossiers_numbers(small_repo)


def test_an_edit_that_moves_no_page_number_uses_the_front_matter_made_while_rendering(
        small_repo: Path, front_layouts: Path) -> None:
    make(small_repo)
    laid_out(front_layouts)
    alpha = small_repo / "projects" / "alpha.yaml"
    alpha.write_text(alpha.read_text(encoding="utf-8").replace("การส่งเสริมกิจกรรม", "โครงการส่งเสริมกิจกรรม", 1),
                     encoding="utf-8")
    make(small_repo)
    assert laid_out(front_layouts) == 1  # the speculative one: its page numbers were right
    import pypdf

    front = "".join(page.extract_text() for page in pypdf.PdfReader(small_repo / "build" / BOOK).pages[:4])
    assert "โครงการส่งเสริมกิจกรรมการปลูกป่าชายเลน" in front
    assert_book_cites_each_dossiers_numbers(small_repo)


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_edit_that_moves_page_numbers_gets_a_front_matter_with_the_new_ones(
        small_repo: Path, front_layouts: Path, jobs: int) -> None:
    make(small_repo, jobs)
    laid_out(front_layouts)
    before = contents_numbers(small_repo / "build" / "alpha.pdf", 2, 2)
    grow(small_repo / "projects" / "alpha.yaml", 12)
    make(small_repo, jobs)
    assert contents_numbers(small_repo / "build" / "alpha.pdf", 2, 2) != before  # the numbers did move
    # the new numbers need one layout; with -j2 the speculative front matter (the previous
    # numbers, the same HTML) came from the cache and was not used
    assert laid_out(front_layouts) == 1
    assert_book_cites_each_dossiers_numbers(small_repo)


def test_the_checked_projects_are_those_the_book_lists(small_repo: Path, front_layouts: Path) -> None:
    """Validated items (not paths) go through the same scheduling."""
    ws = open_workspace(small_repo)
    checked = check_paths(ws)
    outcome = build(ws, checked, Options(small_repo / "build", jobs=2))
    assert outcome.book is not None and laid_out(front_layouts) == 1
    book = pypdf.PdfReader(outcome.book.path)
    listed = [item.title for item in book.outline if not isinstance(item, list)]  # the summary, then each project
    assert listed[0] == "สรุปผลงานที่ส่งประกวด"
    assert listed[1:] == [c.project.title for c in checked if c.project] and len(listed) - 1 == len(checked) == 2
    sources = sorted(book.attachments)  # dossier.yaml and each project's file, attached
    assert sources == sorted(["dossier.yaml", *(Path(c.file).name for c in checked)])


def test_a_build_with_nothing_to_do_starts_no_worker_even_with_a_project_left_out(
        small_repo: Path, front_layouts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A project left out for its errors has no dossier, so it is validated on every build; that
    alone must not start workers (they would import WeasyPrint for nothing)."""
    from dossier.build.workers import Runner

    (small_repo / "projects" / "broken.yaml").write_text("title: ไม่ครบ\n", encoding="utf-8")
    ws = open_workspace(small_repo)
    items = [(p, f"projects/{p.name}") for p in sorted((small_repo / "projects").glob("*.yaml"))]
    first = build(ws, items, Options(small_repo / "build", jobs=2))
    assert [c.file for c in first.skipped] == ["projects/broken.yaml"] and first.book is not None
    started: list[int] = []
    original = Runner._new_pool
    monkeypatch.setattr(Runner, "_new_pool", lambda self, workers: started.append(workers) or original(self, workers))
    again = build(ws, items, Options(small_repo / "build", jobs=2))
    assert len(again.fresh) == 2 and again.book_fresh and started == []
