"""Text that runs past the page: found on the laid-out pages, before anything is written.

WeasyPrint cuts what extends past a page's edge (an unbreakable 5,000-character word, a table
wider than the page) without a message. After layout, every text box is compared with its page's
content area; one that starts or ends outside it (beyond a small tolerance) is reported with its
page and its first characters, so the build can locate it in the project file.

Relies on WeasyPrint 70 internals (``Page._page_box`` and the box tree) like
``dossier.render.compose``; imported lazily by ``dossier.render.pdf`` only.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from weasyprint.formatting_structure import boxes

TOLERANCE = 2.0  # CSS px: rounding, italic overhang and hanging punctuation stay inside
# The line-break hints of dossier.render.thaiwrap are not in the project file: not quoted either.
_HINTS = str.maketrans({"\u200b": None, "\u2060": None})


@dataclass(frozen=True)
class Overflow:
    page: int  # 0-based index in the laid-out document
    text: str  # the start of the text that runs past the edge


def _text_boxes(box: Any) -> Iterator[Any]:
    stack = [box]
    while stack:  # iterative: nesting depth is bounded by validation, but never trust it here
        current = stack.pop()
        if isinstance(current, boxes.MarginBox):
            continue  # headers and footers live in the margins by design
        if isinstance(current, boxes.TextBox):
            yield current
        stack.extend(reversed(getattr(current, "children", None) or []))


def overflows(pages: list[Any], limit: int = 20) -> list[Overflow]:
    """Text boxes outside their page's content area, at most ``limit`` (the first ones)."""
    found: list[Overflow] = []
    for index, page in enumerate(pages):
        page_box = page._page_box
        left = page_box.content_box_x()
        right = left + page_box.width
        for text in _text_boxes(page_box):
            start, end = text.position_x, text.position_x + text.margin_width()
            if end > right + TOLERANCE or start < left - TOLERANCE:
                found.append(Overflow(index, text.text.translate(_HINTS)))
                if len(found) >= limit:
                    return found
                break  # one per page: the rest of a cut line says nothing new
    return found
