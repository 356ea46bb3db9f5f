"""Dot leaders in the contents (``dossier.render.leaders``): drawn as dots from the end of each
line's text to its page number, in the page image; absent from the text layer; one stroke per
line instead of a text run per dot."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from support.render_helpers import PROJECTS, Box, Rendered, pdftotext, words

DPI = 144  # 2 pixels per point
NUMBER = re.compile(r"^([๐-๙]+|[ก-ฮ])$")


def _page_image(pdf: Path, page: int, tmp_path: Path) -> object:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    from PIL import Image

    stem = tmp_path / f"page{page}"
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-singlefile", "-f", str(page), "-l", str(page),
                    "-png", str(pdf), str(stem)], check=True, capture_output=True, timeout=60)
    return Image.open(stem.with_suffix(".png")).convert("L")


def _contents_lines(page_words: list[Box]) -> list[tuple[Box, Box]]:
    """(last word of the text, page number) of each line that ends with a number at the right."""
    right = max(w.x1 for w in page_words)
    lines = []
    for number in (w for w in page_words if NUMBER.match(w.text) and w.x1 > right - 30):
        before = [w for w in page_words if w.x1 < number.x0 and abs(w.y1 - number.y1) < 3]
        if before:
            lines.append((max(before, key=lambda w: w.x1), number))
    return lines


def _dots(image: object, text: Box, number: Box) -> list[int]:
    """Widths in pixels of the dark runs between the text and its number, on the number's line."""
    scale = DPI / 72
    x0, x1 = int((text.x1 + 2) * scale), int((number.x0 - 2) * scale)
    y0, y1 = int(number.y0 * scale), int(number.y1 * scale)
    pixels = image.load()  # type: ignore[attr-defined]
    dark = [any(pixels[x, y] < 128 for y in range(y0, y1)) for x in range(x0, x1)]
    runs, width = [], 0
    for on in [*dark, False]:
        if on:
            width += 1
        elif width:
            runs.append(width)
            width = 0
    return runs


def _check_contents_page(pdf: Path, page: int, tmp_path: Path) -> int:
    lines = _contents_lines(words(pdf)[page - 1])
    assert len(lines) >= 3, f"no contents lines found on page {page} of {pdf.name}"
    image = _page_image(pdf, page, tmp_path)
    for text, number in lines:
        gap = number.x0 - text.x1  # points
        runs = _dots(image, text, number)
        pitch = 16 * 0.5 * 0.9  # ". " at 14–16 pt: 7–8 pt
        assert all(width <= 8 for width in runs), f"not dots after {text.text!r}: {runs}"
        assert len(runs) >= gap / (pitch * 1.3) - 2, f"{len(runs)} dots in a {gap:.0f} pt gap after {text.text!r}"
    return len(lines)


@pytest.mark.parametrize("slug", PROJECTS[:3])
def test_a_dossiers_contents_are_dotted_to_their_numbers(bundled: Rendered, slug: str, tmp_path: Path) -> None:
    b = bundled.built(slug)
    assert _check_contents_page(b.rendered.path, b.pages.toc + 1, tmp_path) >= 1 + len(b.view.sections)


def test_the_books_contents_are_dotted_to_their_numbers(bundled: Rendered, tmp_path: Path) -> None:
    book = bundled.outcome.book
    assert book is not None
    texts = pdftotext(book.path).split("\f")
    contents = next(i for i, text in enumerate(texts) if "สารบัญ" in text) + 1
    assert _check_contents_page(book.path, contents, tmp_path) >= 8


def test_the_dots_are_not_text(bundled: Rendered) -> None:
    for b in bundled.outcome.built:
        contents = pdftotext(b.rendered.path, b.pages.toc + 1, b.pages.body)
        assert ". ." not in contents and ".." not in contents, contents
        assert "บทสรุปผลงาน" in contents  # the text itself is there


def test_one_stroke_per_line_not_a_text_run_per_dot(bundled: Rendered) -> None:
    b = bundled.built(PROJECTS[0])
    page = pypdf.PdfReader(b.rendered.path).pages[b.pages.toc]
    stream = page.get_contents().get_data().decode("latin-1")
    lines = 1 + len(b.view.sections)
    assert len(re.findall(r"\[0 [\d.]+\] 0 d", stream)) >= lines  # a dotted dash pattern per line
    assert len(re.findall(r"/Artifact\s+BMC", stream)) >= lines  # marked as decoration in the tagged PDF
    assert stream.count(" Tj") + stream.count(" TJ") < 8 * lines  # text runs: the lines' words, no dots
