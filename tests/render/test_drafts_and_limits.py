"""Drafts (`dossier build --draft`), photos and the emblem, page limits from the rules file, and a
character no font has: each on a throw-away repository rendered once per session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pypdf
from support.render_helpers import ROOT, Rendered
from support.render_helpers import footers, pdftotext, skeleton, squash

from dossier.errors import Severity
from dossier.load import locate
from dossier.render.numerals import localize


def page_texts(path: Path) -> list[str]:
    return pdftotext(path).split("\f")[:len(pypdf.PdfReader(path).pages)]


def test_a_project_with_errors_renders_as_a_draft(drafts: Rendered) -> None:
    outcome = drafts.outcome
    assert sorted(b.checked.slug for b in outcome.built) == ["mangrove", "wastewater"]
    assert [c.slug for c in outcome.skipped] == ["broken"]  # no model to render: skipped even as a draft
    draft, final = drafts.built("mangrove"), drafts.built("wastewater")
    assert draft.draft and not final.draft
    assert draft.rendered.path.name == "mangrove.draft.pdf" and final.rendered.path.name == "wastewater.pdf"
    assert all("ฉบับร่าง" in text for text in page_texts(draft.rendered.path))  # the watermark, every page
    assert not any("ฉบับร่าง" in text for text in page_texts(final.rendered.path))
    assert pypdf.PdfReader(draft.rendered.path).attachments == {
        "mangrove.yaml": [(drafts.root / "projects" / "mangrove.yaml").read_bytes()]}


def test_a_draft_lists_its_problems_with_line_numbers_on_its_last_page(drafts: Rendered) -> None:
    draft = drafts.built("mangrove")
    problems = [d for d in draft.checked.diagnostics if d.file == draft.checked.file]
    assert {d.label for d in problems} >= {"min-running-time", "required-sections", "image-outside"}
    last = squash(page_texts(draft.rendered.path)[-1])
    assert squash("รายการที่ต้องแก้ไข (ฉบับร่าง)") in last
    for d in problems:
        assert squash(localize(d.message("th"), "thai")) in last, d.code
        assert squash(localize(f"{d.line}:{d.column}", "thai")) in last
    assert "ข้อผิดพลาด" in last
    # page numbers and the contents still work, and the problems are in the contents
    folios = footers(draft.rendered.path)
    assert folios[-1] == localize(f"หน้า {len(folios) - draft.pages.body} จาก {len(folios) - draft.pages.body}", "thai")
    contents = skeleton(page_texts(draft.rendered.path)[1])
    assert skeleton("รายการที่ต้องแก้ไข") in contents


def test_photos_inside_the_repository_only_and_the_emblem(drafts: Rendered) -> None:
    reader = pypdf.PdfReader(drafts.pdf("mangrove"))
    # WeasyPrint shares one resource dictionary between pages: count the image objects themselves
    xobjects = reader.pages[0]["/Resources"]["/XObject"]
    images = sorted((int(x.get_object()["/Width"]), int(x.get_object()["/Height"])) for x in xobjects.values()
                    if x.get_object()["/Subtype"] == "/Image")
    assert images == [(240, 240), (640, 400)]  # assets/emblem.png and the photo; /etc/hostname refused
    cover = reader.pages[0].get_contents().get_data()
    assert b" Do" in cover  # the emblem is drawn on the cover
    text = squash(pdftotext(drafts.pdf("mangrove")))
    assert squash("ภาพที่ ๑ ชาวบ้านร่วมกันเก็บผักตบชวาในคลอง ปี ๒๕๖๓") in text
    assert squash("ไฟล์นอกคลังเอกสาร") not in text
    assert not any(d.code == "resource-refused" for d in drafts.outcome.diagnostics)


def test_the_draft_book(drafts: Rendered) -> None:
    book = drafts.outcome.book
    assert book is not None and book.path.name == "สมุทรสงคราม-2564.draft.pdf"
    summary = squash(page_texts(book.path)[1])
    assert squash("ฉบับร่าง (ข้อผิดพลาด") in summary and squash("ผ่านการตรวจ") in summary
    assert squash("ไม่ได้รวมในเล่ม") in summary  # broken.yaml, by file name
    assert set(pypdf.PdfReader(book.path).attachments) == {"dossier.yaml", "mangrove.yaml", "wastewater.yaml"}


def test_without_draft_a_project_with_errors_is_skipped(drafts: Rendered, tmp_path: Path) -> None:
    env = {**os.environ, "DOSSIER_LANG": "en"}
    done = subprocess.run([sys.executable, "-m", "dossier", "build", "-o", str(tmp_path)], cwd=drafts.root,
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "skipped projects/mangrove.yaml" in done.stderr
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == ["wastewater.pdf", "สมุทรสงคราม-2564.pdf"]


def test_page_limits_are_reported_at_the_overflowing_section(limits: Rendered) -> None:
    built = limits.built("mangrove")
    found = [d for d in limits.outcome.diagnostics if d.file == built.checked.file]
    over = {k: n for k, n in built.counts.sections.items() if n > 1}
    assert over, built.counts
    by_section = {d.args["field"]: d for d in found if d.code == "pages-over-limit"}
    assert set(by_section) == {f"sections.{key}" for key in over}
    root = built.checked.source.root
    for key, pages in over.items():
        d = by_section[f"sections.{key}"]
        assert d.rule == "section-pages" and d.severity is Severity.WARNING
        assert d.pos == locate(root, f"sections.{key}") and d.args["pages"] == pages
        assert limits.ws.rules.section(key).th in d.message("th")
    document = [d for d in found if d.code == "document-over-pages"]
    assert len(document) == 1 and document[0].rule == "document-pages"
    assert document[0].pos == locate(root, "title") and document[0].args == {**document[0].args, "pages": built.counts.document, "limit": 5}


def test_a_character_no_font_has_fails_that_project_only(limits: Rendered) -> None:
    assert [c.slug for c in limits.outcome.failed] == ["tofu"]
    errors = [d for d in limits.outcome.diagnostics if d.code == "glyph-missing"]
    assert len(errors) == 1 and errors[0].severity is Severity.ERROR
    text = (limits.root / "projects" / "tofu.yaml").read_text(encoding="utf-8").splitlines()
    assert "\U000f0001" in text[errors[0].line - 1]  # located on the line holding it
    assert not (limits.root / "build" / "tofu.pdf").exists()


def test_validate_never_imports_weasyprint() -> None:
    code = ("import sys\nfrom dossier.cli import main\n"
            "try:\n    main(['validate', '-q'])\nexcept SystemExit:\n    pass\n"
            "assert 'weasyprint' not in sys.modules, 'validate imported WeasyPrint'\n")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60, capture_output=True)


def test_json_output_is_one_array(limits: Rendered, tmp_path: Path) -> None:
    """--format json: validation and build problems in one JSON array on stdout."""
    import json

    done = subprocess.run([sys.executable, "-m", "dossier", "build", "--format", "json", "-q", "-o", str(tmp_path)],
                          cwd=limits.root, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    found = json.loads(done.stdout)
    codes = {d["code"] for d in found}
    assert {"glyph-missing", "section-pages", "document-pages"} <= codes
    assert all(d["file"].startswith("projects/") and d["line"] >= 1 for d in found)
