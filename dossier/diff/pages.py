"""A PDF's pages as text and images, and the matching of two versions' pages.

Pages are read with pypdfium2 (pdfium, the engine of Chrome's PDF viewer): one library, in this
process, gives each page's text and its image, with no system program to install (poppler is a
test-only dependency). The text of both versions' page bodies (the running header and footer,
with their page numbers, left out) is aligned line by line with :class:`difflib.SequenceMatcher`:
a page is changed when it holds a line that was inserted, replaced or deleted there; a page whose
lines all come unchanged from the old version, only moved by a paragraph inserted earlier, is not.
A page that holds exactly the lines of one old page is compared with it by image, so a changed
photo or layout is seen even when the text is equal.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, ImageChops, ImageDraw, ImageFilter

SCALE = 1.0  # 72 dpi: an A4 page is 595 x 842 pixels, enough to read a change and small to store
# The body of a dossier's page (templates/page.css.j2: margins 2.5 cm top, 2 cm bottom) in points;
# the header and footer outside it hold the page numbers, which shift when a page is added.
TOP_MARGIN = 2.3 * 72 / 2.54
BOTTOM_MARGIN = 1.8 * 72 / 2.54


@dataclass
class Page:
    number: int  # 1-based
    lines: list[str]  # the body's lines of text (no header or footer)
    image: Image.Image
    body: tuple[int, int, int, int]  # the body's box in the image (left, top, right, bottom)
    boxes: list[tuple[int, int, int, int]] = field(default_factory=list)  # each line's box in the image


def text_lines(text: Any, height: float, scale: float) -> tuple[list[str], list[tuple[int, int, int, int]]]:
    """The body's lines in reading order (pdfium's text, one character per index), each with
    the box of its characters in image pixels; lines in the running header or footer are left out."""
    full = text.get_text_range()
    runs = [text.get_rect(i) for i in range(text.count_rects())]  # text runs: a line's full width
    lines: list[str] = []
    boxes: list[tuple[int, int, int, int]] = []
    start = 0
    for end in [*(i for i, c in enumerate(full) if c == "\n"), len(full)]:
        words = " ".join(full[start:end].split())
        found = [text.get_charbox(i) for i in range(start, end) if not full[i].isspace()]
        start = end + 1
        found = [b for b in found if b[2] > b[0] or b[3] > b[1]]
        if not words or not found:
            continue
        left, bottom = min(b[0] for b in found), min(b[1] for b in found)
        right, top = max(b[2] for b in found), max(b[3] for b in found)
        beside = [r for r in runs if min(top, r[3]) - max(bottom, r[1]) > 0.5 * min(top - bottom, r[3] - r[1])]
        left, right = min([left, *(r[0] for r in beside)]), max([right, *(r[2] for r in beside)])
        if not BOTTOM_MARGIN <= (bottom + top) / 2 <= height - TOP_MARGIN:
            continue  # the running header and footer, with their page numbers
        lines.append(words)
        boxes.append((round(left * scale), round((height - top) * scale), round(right * scale), round((height - bottom) * scale)))
    return lines, boxes


def read_pages(pdf: Path, scale: float = SCALE) -> list[Page]:
    """Every page of ``pdf``: its body's lines and its image."""
    import pypdfium2 as pdfium

    pages: list[Page] = []
    document = pdfium.PdfDocument(str(pdf))
    try:
        for index in range(len(document)):
            page = document[index]
            height = page.get_size()[1]
            text = page.get_textpage()
            lines, boxes = text_lines(text, height, scale)
            image = page.render(scale=scale).to_pil().convert("RGB")
            box = (0, round(TOP_MARGIN * scale), image.width, image.height - round(BOTTOM_MARGIN * scale))
            pages.append(Page(index + 1, lines, image, box, boxes))
            text.close()
            page.close()
    finally:
        document.close()
    return pages


@dataclass
class Change:
    """A changed page: ``before`` is the old page it is shown beside (None: a page with no
    counterpart), ``after`` None for a page that was removed."""

    before: Page | None
    after: Page | None
    added: list[int] = field(default_factory=list)  # lines of ``after`` inserted or changed
    removed: list[int] = field(default_factory=list)  # lines of ``before`` deleted or changed


def same_image(before: Page, after: Page) -> bool:
    if before.image.size != after.image.size:
        return False
    return ImageChops.difference(before.image.crop(before.body), after.image.crop(after.body)).getbbox() is None


def match(before: list[Page], after: list[Page]) -> list[Change]:
    """The changed pages of ``after`` (and the pages of ``before`` gone without a trace), in
    reading order, each with the old page it is best compared with."""
    old = [(k, line) for k, page in enumerate(before) for line in page.lines]
    new = [(k, line) for k, page in enumerate(after) for line in page.lines]
    old_at = [n for page in before for n in range(len(page.lines))]  # each line's index on its page
    new_at = [n for page in after for n in range(len(page.lines))]
    added: dict[int, list[int]] = {}  # new page -> its edited lines
    removed: dict[int, list[int]] = {}  # old page -> its deleted lines
    matcher = difflib.SequenceMatcher(None, [t for _, t in old], [t for _, t in new], autojunk=False)
    edited: set[int] = set()  # pages of after with an edit
    origin: dict[int, dict[int, int]] = {k: {} for k in range(len(after))}  # new page -> old page -> lines
    place: dict[int, int] = {}  # new page -> the old page where its edit is
    touched_old: set[int] = set()
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for (from_page, _), (to_page, _) in zip(old[i1:i2], new[j1:j2]):
                origin[to_page][from_page] = origin[to_page].get(from_page, 0) + 1
            continue
        touched_old.update(k for k, _ in old[i1:i2])
        for i in range(i1, i2):
            removed.setdefault(old[i][0], []).append(old_at[i])
        for j in range(j1, j2):
            added.setdefault(new[j][0], []).append(new_at[j])
        at_old = old[i1][0] if i1 < len(old) else (old[-1][0] if old else None)
        pages = {k for k, _ in new[j1:j2]} or ({new[j1][0]} if j1 < len(new) else ({new[-1][0]} if new else set()))
        for k in pages:
            edited.add(k)
            if at_old is not None:
                place.setdefault(k, at_old)
    changes: list[Change] = []
    used_old: set[int] = set()
    for k, page in enumerate(after):
        sources = origin[k]
        ko: int | None
        if k in edited:
            ko = max(sources, key=lambda o: sources[o]) if sources else place.get(k)
            if ko is None and not page.lines and k < len(before):
                ko = k
            changes.append(Change(before[ko] if ko is not None else None, page, added.get(k, []),
                                  removed.get(ko, []) if ko is not None else []))
            used_old.update([ko] if ko is not None else [])
            continue
        whole = len(sources) == 1 and next(iter(sources.values())) == len(page.lines)
        if whole:
            only = next(iter(sources))
            used_old.add(only)
            if sum(1 for o in origin.values() if only in o) == 1 and len(before[only].lines) == len(page.lines):
                if not same_image(before[only], page):  # the same text, another look (a photo, the layout)
                    changes.append(Change(before[only], page))
            continue
        if not page.lines:  # a page without text (a photo): compared with the old page at its place
            ko = _neighbour(k, after, before, origin)
            if ko is None or before[ko].lines or not same_image(before[ko], page):
                changes.append(Change(before[ko] if ko is not None and not before[ko].lines else None, page))
            if ko is not None:
                used_old.add(ko)
    for gone, page in enumerate(before):  # old pages whose lines were all removed
        if gone in touched_old and gone not in used_old and not any(gone in o for o in origin.values()):
            changes.append(Change(page, None, [], removed.get(gone, [])))
    return changes


def _neighbour(k: int, after: list[Page], before: list[Page], origin: dict[int, dict[int, int]]) -> int | None:
    """The old page at the place of the new page ``k``: one past the old page of the new page before it."""
    if k == 0:
        return 0 if before else None
    previous = origin.get(k - 1) or {}
    if not previous:
        return k if k < len(before) else None
    ko = max(previous) + 1
    return ko if ko < len(before) else None


def highlight(change: Change) -> Image.Image:
    """The after page (or the before page, when removed) faded, with what differs in red: the
    lines inserted or changed, or, for a page whose text is the same, the pixels that differ."""
    before, after = change.before, change.after
    base = after or before
    assert base is not None
    faded = Image.blend(base.image, Image.new("RGB", base.image.size, "white"), 0.7)
    page, lines = (after, change.added) if after is not None else (before, change.removed)
    assert page is not None
    if lines or (before is None or after is None):
        marked = faded.copy()
        draw = ImageDraw.Draw(marked)
        for n in lines if lines else range(len(page.boxes)):
            left, top, right, bottom = page.boxes[n]
            box = (max(0, left - 2), max(0, top - 1), min(marked.width, right + 2), min(marked.height, bottom + 1))
            draw.rectangle(box, fill=(255, 205, 205), outline=(220, 20, 20))
            region = page.image.crop(box)  # the line's own ink, unfaded, over the red box
            ink = region.convert("L").point(lambda v: 255 if v < 170 else 0)
            marked.paste(region, box[:2], ink)
        return marked
    assert before is not None
    other = before.image if before.image.size == after.image.size else before.image.resize(after.image.size)
    mask = ImageChops.difference(other, after.image).convert("L").point(lambda v: 255 if v > 24 else 0)
    mask = mask.filter(ImageFilter.MaxFilter(3))
    red = Image.new("RGB", faded.size, (220, 20, 20))
    return Image.composite(red, faded, mask)
