"""Text extracted from the real PDFs contains every paragraph of every project (Kozea/WeasyPrint#2841
fixed by dossier.render.textlayer): the source after the renderer's own digit conversion, Unicode
NFKC and whitespace removal, found in the text inside the page margins, with pypdf and with
`pdftotext -raw` (pdftotext's layout mode reorders stacked marks even when the text layer is
right, so it is not used here)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from support.render_helpers import PROJECTS, Rendered
from support.render_helpers import body_text_pdftotext, body_text_pypdf, paragraphs, squash

from dossier.render.numerals import localize

EXTRACTORS: dict[str, Callable[[Path], str]] = {"pypdf": body_text_pypdf, "pdftotext": body_text_pdftotext}


def source_paragraphs(bundled: Rendered, slug: str) -> list[str]:
    """Every paragraph, list item and table cell of the project's Markdown, as rendered (the view
    holds the HTML that went into the PDF), plus the values printed in the project's tables."""
    b = bundled.built(slug)
    found = paragraphs(b.view.summary_html)
    for section in b.view.sections:
        found += paragraphs(section.html)
    project, numerals = b.checked.project, bundled.ws.numerals
    found += [localize(text, numerals) for text in (
        [project.title]
        + [p.name for p in project.partners or []] + [p.role for p in project.partners or [] if p.role]
        + [i.name for i in project.indicators or []] + [line.source for line in project.budget or []])]
    return found


@pytest.mark.parametrize("extractor", sorted(EXTRACTORS))
@pytest.mark.parametrize("slug", PROJECTS)
def test_every_paragraph_round_trips(bundled: Rendered, slug: str, extractor: str) -> None:
    haystack = squash(EXTRACTORS[extractor](bundled.pdf(slug)))
    wanted = source_paragraphs(bundled, slug)
    missing = [p[:50] for p in wanted if squash(p) not in haystack]
    assert len(wanted) > 20
    assert not missing, f"{len(missing)}/{len(wanted)} paragraphs not extracted: {missing[:5]}"


def test_the_renderer_converted_the_digits_of_the_source(bundled: Rendered) -> None:
    """What the round trip compares with is the source with the digits converted, nothing else."""
    b = bundled.built("mangrove")
    source = b.checked.project.sections["results"]
    first = paragraphs(b.view.sections[5].html)[0]
    assert squash(first) == squash(localize(source.split("\n\n")[0], "thai"))
    assert "๔๕๐ ไร่" in first and "450" not in first


def test_book_text_round_trips_too(bundled: Rendered) -> None:
    assert bundled.outcome.book is not None
    haystack = squash(body_text_pdftotext(bundled.outcome.book.path))
    for slug in PROJECTS:
        wanted = source_paragraphs(bundled, slug)
        assert [p[:40] for p in wanted if squash(p) not in haystack] == [], slug
