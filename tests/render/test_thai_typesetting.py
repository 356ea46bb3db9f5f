"""Thai typesetting on real renders (issue 13): the bundled projects (the session's `bundled`
build) and the realistic corpus of tests/corpus/ (rendered once, in a process of its own by
benchmarks/thai_text.py: libthai loads its dictionary once per process, and the corpus has names
of its own). The figures are those of tests/render/thai_measure.py; the README quotes them."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import asdict
from typing import Any

import pytest
from support.render_helpers import ROOT, Rendered
from support.thai_measure import measure

pytest.importorskip("pythainlp")
pytest.importorskip("pdfminer")
pytest.importorskip("pypdfium2")

# Every extractor reads every paragraph whole. Before: pdftotext's default mode read 6 / 7 table
# cells across their neighbours (columns 0.7em apart; 1.2em now, past poppler's and pdfminer.six's
# column gaps), pdfminer.six 218 / 94 paragraphs wrong before dossier.render.markjoin (two
# zero-width marks in a row cut its lines) and 0 / 1 after, and a line ending at the hyphen of
# "maejo-city" read "maejocity" in pdftotext and pdfium (they drop a hyphen at a line's end).
# In -layout a table row is a row of text: cells wrapping side by side are read line by line.
EXTRACTORS = ("pdftotext", "pdftotext-layout", "pdftotext-raw", "pypdf", "pdfminer", "pypdfium2")


@pytest.fixture(scope="module")
def figures(bundled: Rendered) -> dict[str, dict[str, Any]]:
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "thai_text.py"), "corpus", "--json"],
                          capture_output=True, text=True, timeout=900, check=True)
    corpus = json.loads(done.stdout.strip().splitlines()[-1])["corpus"]
    return {"bundled": asdict(measure(bundled.outcome, bundled.root, bundled.ws.numerals)), "corpus": corpus}


@pytest.mark.parametrize("name", ["bundled", "corpus"])
def test_lines_break_only_between_words(figures: dict[str, dict[str, Any]], name: str) -> None:
    found = figures[name]
    assert found["thai_line_ends"] > 200, found["thai_line_ends"]
    assert found["inside_word"] == []
    # Compounds of more than 20 letters (องค์กรปกครองส่วนท้องถิ่น, ธนาคารเพื่อการเกษตรและสหกรณ์
    # การเกษตร in a table cell) break between their own words.
    assert len(found["long_compounds"]) <= 12, found["long_compounds"]


@pytest.mark.parametrize("name", ["bundled", "corpus"])
def test_no_line_edge_violations(figures: dict[str, dict[str, Any]], name: str) -> None:
    assert figures[name]["line_ends"] > 300
    assert figures[name]["violations"] == []


@pytest.mark.parametrize("name", ["bundled", "corpus"])
def test_paragraphs_read_back(figures: dict[str, dict[str, Any]], name: str) -> None:
    found = figures[name]
    assert found["paragraphs"] > 200
    assert sorted(found["unread"]) == sorted(EXTRACTORS)
    assert {extractor: unread[:3] for extractor, unread in found["unread"].items() if unread} == {}
    # The table cells that wrap beside another exist, and -layout keeps each of their lines.
    assert found["layout_cells"] > 20


def test_the_book_reads_back_as_its_dossiers(figures: dict[str, dict[str, Any]]) -> None:
    """The book is made of the dossiers' pages: every paragraph of every dossier reads back from
    it too, in every extractor."""
    book = figures["bundled"]["book_unread"]
    assert sorted(book) == sorted(EXTRACTORS)
    assert {extractor: unread[:3] for extractor, unread in book.items() if unread} == {}


@pytest.mark.parametrize("name", ["bundled", "corpus"])
def test_no_mark_alone_on_a_line(figures: dict[str, dict[str, Any]], name: str) -> None:
    """In every extractor, pdfminer.six included (78 / 21 such lines before the fillers)."""
    marks = figures[name]["lone_marks"]
    assert set(marks) == set(EXTRACTORS)
    assert marks == dict.fromkeys(marks, 0)
