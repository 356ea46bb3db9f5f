"""The bundled projects' dossiers, read back from the real PDFs: they all render, and each has
the properties a reviewer and an archivist expect (metadata, /Lang, PDF/A-3b, tags, bookmarks,
exactly its source YAML attached, only Sarabun embedded, qpdf-clean)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pypdf
import pytest
from dossier.render.numerals import localize

from support.render_helpers import PROJECTS, Rendered, need, outline_titles

SARABUN = {"Sarabun", "Sarabun-Bold", "Sarabun-Italic", "Sarabun-Bold-Italic"}


def test_every_project_and_the_book_render(bundled: Rendered) -> None:
    built = sorted(b.checked.slug for b in bundled.outcome.built)
    assert built == PROJECTS and len(PROJECTS) == 8
    assert not bundled.outcome.failed and not bundled.outcome.skipped
    for b in bundled.outcome.built:
        assert b.rendered.path.name == f"{b.checked.slug}.pdf"
        assert 5 <= b.rendered.pages == len(pypdf.PdfReader(b.rendered.path).pages)
    book = bundled.outcome.book
    assert book is not None and book.path.name == "สมุทรสงคราม-2564.pdf"
    assert book.pages > sum(b.rendered.pages for b in bundled.outcome.built) - 8  # own contents pages dropped


def test_bundled_projects_are_within_the_page_limits(bundled: Rendered) -> None:
    limits = [d for d in bundled.outcome.diagnostics if d.code in ("pages-over-limit", "document-over-pages")]
    assert limits == []
    for b in bundled.outcome.built:
        assert b.counts.summary == 1 and b.counts.document <= 20
        assert set(b.counts.sections) == set(b.checked.project.sections or {})


def all_pdfs(bundled: Rendered) -> list[Path]:
    assert bundled.outcome.book is not None
    return [b.rendered.path for b in bundled.outcome.built] + [bundled.outcome.book.path]


def test_qpdf_check_is_clean(bundled: Rendered) -> None:
    need("qpdf")
    for path in all_pdfs(bundled):
        done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert done.returncode == 0, (path.name, done.stdout, done.stderr)
        assert "No syntax or stream encoding errors" in done.stdout


def test_only_sarabun_embedded_and_subset_with_unicode(bundled: Rendered) -> None:
    need("pdffonts")
    for path in all_pdfs(bundled):
        rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        fonts = [line.split() for line in rows.splitlines()[2:] if line.strip()]
        names = {row[0].split("+", 1)[-1] for row in fonts}
        assert names and names <= SARABUN, (path.name, names)
        assert {"Sarabun", "Sarabun-Bold"} <= names
        for row in fonts:  # emb sub uni: the three yes/no columns before the object id
            assert row[-5:-2] == ["yes", "yes", "yes"], (path.name, row)
    assert all(b.rendered.fonts == {"Sarabun"} for b in bundled.outcome.built)


@pytest.mark.parametrize("slug", PROJECTS)
def test_metadata_and_language(bundled: Rendered, slug: str) -> None:
    b = bundled.built(slug)
    reader = pypdf.PdfReader(b.rendered.path)
    info = reader.metadata
    project, numerals = b.checked.project, bundled.ws.numerals
    assert info.title == localize(project.title, numerals)
    assert info.author == bundled.ws.agency(project.agency).name
    assert "รางวัลเลิศรัฐ" in info.subject and b.checked.award_type.th in info.subject
    assert "ประจำปี พ.ศ. ๒๕๖๔" in info.subject and "จังหวัดสมุทรสงคราม" in info.subject
    assert b.checked.award_type.th in info["/Keywords"]
    assert info["/Creator"].startswith("dossier ")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "th"
    assert root["/MarkInfo"]["/Marked"] in (True, "true")  # tagged
    assert "/StructTreeRoot" in root
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert re.search(r'pdfaid:part="3"', xmp) and re.search(r'pdfaid:conformance="B"', xmp)
    assert localize(project.title, numerals) in xmp  # dc:title, in Thai
    intents = root["/OutputIntents"]
    assert intents[0].get_object()["/S"] == "/GTS_PDFA1"


@pytest.mark.parametrize("slug", PROJECTS)
def test_exactly_the_source_yaml_is_attached(bundled: Rendered, slug: str) -> None:
    reader = pypdf.PdfReader(bundled.pdf(slug))
    source = (bundled.root / "projects" / f"{slug}.yaml").read_bytes()
    assert reader.attachments == {f"{slug}.yaml": [source]}
    root = reader.trailer["/Root"]
    associated = [f.get_object() for f in root["/AF"]]
    assert len(associated) == 1 and associated[0]["/AFRelationship"] == "/Source"
    assert not any(annot.get_object().get("/Subtype") == "/FileAttachment"
                   for page in reader.pages for annot in page.get("/Annots") or [])


@pytest.mark.parametrize("slug", PROJECTS)
def test_bookmarks_follow_the_headings(bundled: Rendered, slug: str) -> None:
    b = bundled.built(slug)
    reader = pypdf.PdfReader(b.rendered.path)
    top = [t for t in outline_titles(reader.outline) if isinstance(t, str)]
    numerals = bundled.ws.numerals
    expected = ["บทสรุปผลงาน"] + [localize(f"{s.number}. {s.heading}", numerals) for s in b.view.sections]
    assert top[:len(expected)] == expected
    assert localize(b.checked.project.title, numerals) not in top  # not the cover's title
    assert "สารบัญ" not in top
    assert top[len(expected):] == [t for t in ("งบประมาณ", "ลำดับเหตุการณ์สำคัญ", "ผู้ประสานงาน")
                                   if t != "งบประมาณ" or b.checked.project.budget]
    # the bookmark of a section points at the page its heading is on
    for item in reader.outline:
        if not isinstance(item, list) and item.title == expected[1]:
            page = reader.get_destination_page_number(item)
            assert b.pages.body <= page and b.view.sections[0].anchor in b.laid.anchors[page]
