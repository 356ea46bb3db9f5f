"""Dot leaders (``leader(". ")`` in the contents) drawn as one dotted stroke.

WeasyPrint 70 lays a leader out as one copy of its text box per repetition
(``weasyprint/layout/leader.py``) and draws each copy as text: a contents line
of 60 dots is 60 text runs, each shaped, drawn and (``dossier.render.textlayer``)
mapped back to Unicode. The contents pages of the 8 bundled dossiers and of the
book drew about 5,000 such runs, which made drawing a contents page cost as much
as three pages of prose, and put ". . . ." into the text layer.

:func:`install` wraps ``draw_inline_level``: a leader box whose children are
text boxes is drawn as one stroke with a round-capped dash pattern, one dot at
the place of each copy's full stop, on the same baseline and in the text's
colour, marked as an artifact (decoration, not content) in tagged PDFs. Layout
is untouched: the line, its number and its page are exactly what CSS gives.
Pinned to WeasyPrint 70.0 like ``textlayer`` and ``compose``; covered by tests
that read the contents back from the PDF and look at the page image.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

__all__ = ["DOT", "install", "is_installed"]

_MARKER = "__dossier_leaders_original__"
_COUNT = "dossier_leader_copies"  # set on a leader box: how many copies it stands for

#: The dot's diameter and the offset of its centre from the start of each copy, in ems:
#: Sarabun Regular's full stop (advance 0.252 em; a 0.124 em dot from 0.064 to 0.188 em, on the baseline).
DOT = (0.12, 0.126)


def install() -> None:
    """Patch WeasyPrint so that leaders are drawn as dotted strokes; idempotent."""
    from weasyprint import draw
    from weasyprint.layout import inline

    if is_installed():
        return
    lay_out: Callable[..., Any] = inline.handle_leader
    draw_original: Callable[..., Any] = draw.draw_inline_level

    @functools.wraps(lay_out)
    def handle_leader(context: Any, line: Any, containing_block: Any) -> None:
        lay_out(context, line, containing_block)
        _keep_first_copy(line)

    @functools.wraps(draw_original)
    def draw_inline_level(stream: Any, page: Any, box: Any, offset_x: float = 0,
                          text_overflow: str = "clip", block_ellipsis: str = "none") -> Any:
        if getattr(box, _COUNT, 0) and box.children:
            _draw_dots(stream, box)
            return None
        return draw_original(stream, page, box, offset_x, text_overflow, block_ellipsis)

    setattr(draw_inline_level, _MARKER, draw_original)
    # Module attributes, looked up at call time: by layout/inline.py's line loop, and by
    # draw_block_level and draw_inline_level itself.
    inline.handle_leader = handle_leader
    draw.draw_inline_level = draw_inline_level


def is_installed() -> bool:
    from weasyprint import draw

    return hasattr(draw.draw_inline_level, _MARKER)


def _keep_first_copy(line: Any) -> None:
    """After WeasyPrint has filled a line's leader with copies of its text box, keep the
    leftmost copy and their number: boxes are moved (alignment, pagination) by translating
    them, so a count and one position stay right where absolute coordinates would not."""
    from weasyprint.formatting_structure import boxes
    from weasyprint.layout.leader import leader_index

    _, box = leader_index(line)
    if box is None or not box.children:
        return
    copies = sorted(box.children, key=lambda child: child.position_x)
    first = copies[0]
    if (not all(isinstance(child, boxes.TextBox) and child.text == first.text for child in copies)
            or not first.text.lstrip().startswith(".") or first.width <= 0):
        return  # not a dotted leader: WeasyPrint draws it
    box.children = (first,)
    setattr(box, _COUNT, len(copies))


def _draw_dots(stream: Any, box: Any) -> None:
    """One round-capped dashed stroke: a dot where each copy's full stop was."""
    first = box.children[0]
    with stream.marked(first, "Span"):
        pass  # the structure tree expects every text box of the layout to be marked
    style = first.style
    if style["visibility"] != "visible":
        return
    size = style["font_size"]
    diameter, centre = DOT[0] * size, DOT[1] * size
    y = first.position_y + first.baseline - diameter / 2
    start = first.position_x + centre
    end = start + (getattr(box, _COUNT) - 1) * first.width
    with stream.artifact(), stream.stacked():
        stream.set_color(style["color"], stroke=True)
        stream.set_line_width(diameter)
        stream.set_line_cap(1)  # round: a zero-length dash is a dot
        stream.set_dash([0, first.width], 0)
        stream.move_to(start, y)
        stream.line_to(end + first.width / 2, y)  # past the last dot, short of a next one
        stream.stroke()
