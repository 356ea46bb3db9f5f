"""Thai typesetting of the real PDFs: nothing past the margins, line breaks between words (libthai),
no heading alone at a page bottom, one numeral style everywhere, and page numbers that start on
the body and that the tables of contents point to correctly."""

from __future__ import annotations

import re

import pypdf
import pytest
from support.render_helpers import PROJECTS, Rendered
from support.render_helpers import (BOTTOM, LEFT, PAGE_H, PAGE_W, RIGHT, THAI, TOP, BODY_AREA, blocks, footers, headers,
                            pdftotext, skeleton, squash, words)
from weasyprint.formatting_structure import boxes

from dossier.render.html import front_label
from dossier.render.numerals import KEEP, localize

TOLERANCE = 1.5  # points: rounding of glyph boxes


def test_no_word_outside_the_margins(bundled: Rendered) -> None:
    assert bundled.outcome.book is not None
    paths = [b.rendered.path for b in bundled.outcome.built] + [bundled.outcome.book.path]
    checked = 0
    for path in paths:
        for number, page in enumerate(words(path), start=1):
            for w in page:
                where = f"{path.name} p{number} {w.text!r} {w.x0:.1f}-{w.x1:.1f} × {w.y0:.1f}-{w.y1:.1f}"
                assert w.x0 >= LEFT - TOLERANCE and w.x1 <= PAGE_W - RIGHT + TOLERANCE, where
                in_header, in_footer = w.y1 <= TOP, w.y0 >= PAGE_H - BOTTOM
                if in_header or in_footer:  # running header and footer: in the margin bands, on the page
                    assert 0.5 * 28.35 <= w.y0 and w.y1 <= PAGE_H - 0.3 * 28.35, where
                else:
                    assert w.y0 >= TOP - TOLERANCE and w.y1 <= PAGE_H - BOTTOM + TOLERANCE, where
                checked += 1
    assert checked > 5000


def _lines(box: boxes.Box, found: list[boxes.LineBox]) -> None:
    if isinstance(box, boxes.LineBox):
        found.append(box)
        return
    for child in getattr(box, "children", ()):
        _lines(child, found)


def _line_text(line: boxes.LineBox) -> str:
    return "".join(box.text for box in line.descendants() if isinstance(box, boxes.TextBox)
                   and not (box.element_tag or "").endswith(("::marker", "::before", "::after"))).replace("\u200b", "")


def test_lines_break_between_words(bundled: Rendered, libthai) -> None:
    """Every line that ends inside a Thai run (no space) ends on a libthai word boundary. The lines
    are those of the laid-out pages written to the PDFs (thai-pdf.md §3.2's method)."""
    checked, wrong = 0, []
    for b in bundled.outcome.built:
        paragraphs: list[tuple[object, list[str]]] = []  # consecutive lines of one element
        for page in b.laid.document.pages:
            found: list[boxes.LineBox] = []
            _lines(page._page_box, found)
            for line in found:
                if paragraphs and paragraphs[-1][0] is line.element:
                    paragraphs[-1][1].append(_line_text(line))
                else:
                    paragraphs.append((line.element, [_line_text(line)]))
        for element, texts in paragraphs:
            if element is None or len(texts) < 2:
                continue
            source = " ".join("".join(element.itertext()).replace("\u200b", "").split())  # thaiwrap's word marks
            end = 0
            for text in texts[:-1]:
                text = text.strip()
                start = source.find(text[:8], end) if text else -1
                if start < 0:
                    break
                end = start + len(text)
                if end >= len(source) or source[end] == " " or not (THAI.match(source[end - 1]) and THAI.match(source[end])):
                    continue
                checked += 1
                if end not in libthai.breaks(source):
                    wrong.append(f"{b.checked.slug}: {source[max(0, end - 12):end]}|{source[end:end + 12]}")
    assert checked > 300, checked
    assert wrong == [], f"{len(wrong)}/{checked} breaks inside a word: {wrong[:5]}"


def _headings(b) -> set[str]:
    names = ["บทสรุปผลงาน", "ตัวชี้วัดผลสัมฤทธิ์", "ภาคีเครือข่าย", "งบประมาณ", "ลำดับเหตุการณ์สำคัญ", "ภาพประกอบ",
             "ผู้ประสานงาน", "รายการที่ต้องแก้ไข (ฉบับร่าง)"]
    names += [localize(f"{s.number}. {s.heading}", "thai") for s in b.view.sections]
    return {skeleton(n) for n in names}


def test_no_heading_alone_at_a_page_bottom(bundled: Rendered) -> None:
    seen = 0
    for b in bundled.outcome.built:
        headings = _headings(b)
        for number, page in enumerate(blocks(b.rendered.path), start=1):
            body = [block for block in page if block and TOP - 2 <= block[0].y0 and block[-1].y1 <= PAGE_H - BOTTOM + 2]
            if number <= b.pages.body or not body:
                continue
            last = skeleton("".join(w.text for w in body[-1]))
            assert last not in headings, f"{b.checked.slug} p{number}: heading {last!r} ends the page"
            seen += 1
    assert seen > 30


def _digits_outside_kept_spans(text: str) -> list[str]:
    return re.findall(r".{0,12}[0-9].{0,12}", KEEP.sub("", text))


def test_thai_numerals_everywhere(bundled: Rendered) -> None:
    """numerals: thai: no Arabic digit in any page's text (headers, footers, tables, narrative),
    nor in the metadata, except in URLs, e-mails and Latin identifiers (dossier.render.numerals)."""
    assert bundled.ws.numerals == "thai"
    assert bundled.outcome.book is not None
    for path in [b.rendered.path for b in bundled.outcome.built] + [bundled.outcome.book.path]:
        text = pdftotext(path)
        assert _digits_outside_kept_spans(text) == [], path.name
        assert re.search("[๐-๙]", text)
        info = pypdf.PdfReader(path).metadata
        for field in (info.title, info.subject, info["/Keywords"]):
            assert not re.search("[0-9]", field), field
    covid = pdftotext(bundled.pdf("covid-recovery"))
    assert "โควิด-๑๙" in covid and "COVID" not in covid  # the source writes โควิด-19 in the text


def test_arabic_numerals_everywhere(arabic: Rendered) -> None:
    path = arabic.pdf("covid-recovery")
    text = pdftotext(path)
    assert not re.search("[๐-๙]", text), re.findall(".{0,10}[๐-๙].{0,10}", text)[:5]
    assert squash("การฟื้นฟูเศรษฐกิจชุมชนหลังจากวิกฤตโควิด 19") in squash(text)  # the title is written ๑๙
    footer = footers(path)
    assert footer[2] == f"หน้า 1 จาก {len(footer) - 2}"
    info = pypdf.PdfReader(path).metadata
    assert info.title.endswith("19") and "2564" in info.subject


def _toc_numbers(path, page: int) -> list[str]:
    """The page numbers of a contents page: what ends a line, after the dotted leader's gap
    (the dots are drawn, not text: ``dossier.render.leaders``)."""
    text = pdftotext(path, page, page, area=BODY_AREA, layout=True)
    return re.findall(r"\S {3,}([๐-๙]+|[ก-ฮ]+)\s*$", text, flags=re.M)


@pytest.mark.parametrize("slug", PROJECTS)
def test_page_numbers_start_on_the_body(bundled: Rendered, slug: str) -> None:
    b = bundled.built(slug)
    folios = footers(b.rendered.path)
    body = len(folios) - b.pages.body
    assert folios[:b.pages.toc] == [""] * b.pages.toc  # the cover: no number, not counted
    assert folios[b.pages.toc:b.pages.body] == [front_label(i) for i in range(b.pages.body - b.pages.toc)]
    assert folios[b.pages.body:] == [localize(f"หน้า {n} จาก {body}", "thai") for n in range(1, body + 1)]
    # running header: nothing on the cover and contents; the current section's heading on the body
    running = headers(b.rendered.path)
    assert running[:b.pages.body] == [""] * b.pages.body
    assert running[b.pages.body] == "บทสรุปผลงาน"


@pytest.mark.parametrize("slug", PROJECTS)
def test_table_of_contents_points_to_the_right_pages(bundled: Rendered, slug: str) -> None:
    b = bundled.built(slug)
    anchors = ["summary"] + [s.key for s in b.view.sections] + ["budget", "timeline", "photos", "contact"]
    expected = []
    for name in anchors:
        page = next((i for i, ids in enumerate(b.laid.anchors) if f"{b.view.anchor}--{name}" in ids), None)
        if page is not None:
            expected.append(localize(str(page - b.pages.body + 1), "thai"))
    printed = [n for page in range(b.pages.toc + 1, b.pages.body + 1) for n in _toc_numbers(b.rendered.path, page)]
    assert printed == expected


def test_book_keeps_each_dossiers_numbers_and_its_contents_cite_them(bundled: Rendered) -> None:
    book = bundled.outcome.book
    assert book is not None
    folios = footers(book.path)
    body_texts = [skeleton(t) for t in pdftotext(book.path, area=BODY_AREA).split("\f")[:len(folios)]]
    kept = {b.checked.slug: [*range(0, b.pages.toc), *range(b.pages.body, b.pages.count)] for b in bundled.outcome.built}
    front = len(folios) - sum(len(pages) for pages in kept.values())
    assert folios[0] == "" and folios[1:front] == [front_label(i) for i in range(front - 1)]
    contents = next(i for i, text in enumerate(body_texts) if text.startswith(skeleton("สารบัญ")))
    printed = [n for page in range(contents + 1, front + 1) for n in _toc_numbers(book.path, page)]
    assert printed[0] == front_label(0)  # the summary table
    position, start = 1, front
    for b in bundled.outcome.built:
        pages = kept[b.checked.slug]
        alone = footers(b.rendered.path)
        assert folios[start:start + len(pages)] == [alone[i] for i in pages]  # the dossier's own footers
        numbered = {folio: start + offset for offset, folio in enumerate(folios[start:start + len(pages)])}
        assert skeleton(localize(b.checked.project.title, "thai")) in body_texts[start]  # its cover opens its part
        for line in range(1 + len(b.view.sections)):
            page = numbered[localize(f"หน้า {printed[position + line]} จาก {b.pages.body_pages}", "thai")]
            wanted = "บทสรุปผลงาน" if line == 0 else localize(f"{b.view.sections[line - 1].number}. "
                                                                 f"{b.view.sections[line - 1].heading}", "thai")
            assert skeleton(wanted) in body_texts[page], (b.checked.slug, wanted)
        position += 1 + len(b.view.sections)
        start += len(pages)
    assert position == len(printed)
