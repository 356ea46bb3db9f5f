"""Problems with a place on a page are marked on that page of `dossier serve`'s project page: a
word cut at the page's edge (found by the render) on the page that holds it. The real server,
a real render, the PDF read back."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf

from support.served import Served, two_projects

RESULTS = "  results: ผลสัมฤทธิ์\n"


def test_text_cut_at_the_page_edge_is_marked_on_its_page(tmp_path: Path) -> None:
    repo = two_projects(tmp_path)
    alpha = repo / "projects" / "alpha.yaml"
    text = alpha.read_text(encoding="utf-8")
    assert RESULTS in text
    alpha.write_text(text.replace(RESULTS, f"  results: |\n    ผลสัมฤทธิ์\n\n    {'a' * 4_900}\n"), encoding="utf-8")
    served = Served(repo, "projects/alpha.yaml")
    try:
        status, body = served.get("/project/alpha")
        page = body.decode("utf-8")
        assert status == 200
        marked = re.findall(r'<figure id="page-(\d+)" class="marked">.*?</figure>', page, re.S)
        assert len(marked) == 1, page
        number = int(marked[0])
        figure = re.search(rf'<figure id="page-{number}" class="marked">(.*?)</figure>', page, re.S)
        assert figure is not None and f"runs past the edge of page {number}" in figure.group(1)
        pdf = next((repo / "build").glob("alpha*.pdf"))
        assert "a" * 100 in pypdf.PdfReader(pdf).pages[number - 1].extract_text()  # the marked page holds the word
    finally:
        code, log = served.stop()
    assert code == 0 and "Traceback" not in log, log
