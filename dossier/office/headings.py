"""Matching a Word heading to a part of the project, tolerant of numbering, spacing, punctuation
and small spelling differences (the headings are rules data: ``import_headings:``)."""

from __future__ import annotations

import difflib
import re

from dossier.office.textclean import clean

_NUMBERING = re.compile(
    r"^\s*(?:(?:ส่วนที่|ข้อ|หัวข้อที่|บทที่|หัวข้อ)\s*)?[\(\[]?\s*(?:[0-9๐-๙]+(?:\s*[.]\s*[0-9๐-๙]+)*|[ก-ฮ]|[a-zA-Z]|[ivxlIVXL]+)\s*[.)\]:]\s*")
_NOISE = re.compile(r"[\s\u0e2f.,:;!?\"'“”‘’()\[\]{}\-–—_/*•·]+")


def strip_numbering(text: str) -> str:
    previous = None
    text = clean(text)[0].strip()
    while previous != text:
        previous = text
        text = _NUMBERING.sub("", text, count=1)
    return text


def normal(text: str) -> str:
    """A heading reduced to its letters: no numbering, spaces or punctuation."""
    return _NOISE.sub("", strip_numbering(text)).lower()


def match(text: str, headings: dict[str, list[str]], strict: bool = False) -> tuple[str, float] | None:
    """The part a heading names and how sure the match is (1.0 exact), or None. ``strict``: only
    an exact match or a known heading followed by more words (for paragraphs without a heading
    style)."""
    wanted = normal(text)
    if not wanted:
        return None
    best: tuple[str, float] | None = None
    for part, names in headings.items():
        for name in names:
            known = normal(name)
            if not known:
                continue
            if wanted == known:
                score = 1.0
            elif wanted.startswith(known) and len(known) >= 4:
                score = 0.9 + min(len(known), 99) / 1000
            elif strict:
                continue
            else:
                score = difflib.SequenceMatcher(None, wanted, known, autojunk=False).ratio()
                if score < 0.85:
                    continue
            if best is None or score > best[1]:
                best = (part, score)
    return best
