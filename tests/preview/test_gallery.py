"""The preview's page images after a save: real PDFs from a real `dossier build`, read back with
pikepdf and pdfium. Only the pages whose content changed are new images, and none is drawn
before it is asked for."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from dossier.preview.gallery import page_keys, update

from support.served import two_projects


def build(repo: Path) -> Path:
    done = subprocess.run([sys.executable, "-m", "dossier", "build", "projects/alpha.yaml", "--no-book", "-j", "1"],
                          cwd=repo, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "SOURCE_DATE_EPOCH": "1609372800"})
    assert done.returncode == 0, done.stdout + done.stderr
    return next((repo / "build").glob("alpha*.pdf"))


def test_only_the_changed_pages_are_new_images_drawn_when_asked_for(tmp_path: Path) -> None:
    repo = two_projects(tmp_path)
    lock = threading.Lock()
    pdf = build(repo)
    source = str(repo / "projects" / "alpha.yaml")
    first = update({}, [(source, pdf.name)], pdf.parent, 1, lock)[source]
    before = page_keys(pdf.read_bytes())
    assert [p.digest for p in first.pages] == before and len(set(before)) == len(before) >= 3

    alpha = repo / "projects" / "alpha.yaml"
    alpha.write_text(alpha.read_text(encoding="utf-8").replace("  concept: แนวคิด", "  concept: แนวคิดที่ชุมชนร่วมกันคิดขึ้นใหม่"),
                     encoding="utf-8")
    pdf = build(repo)
    second = update({source: first}, [(source, pdf.name)], pdf.parent, 2, lock)[source]
    assert len(second.pages) == len(first.pages)
    kept = [n for n, (a, b) in enumerate(zip(first.pages, second.pages)) if a is b]
    new = [n for n, (a, b) in enumerate(zip(first.pages, second.pages)) if a is not b]
    assert 0 in kept and new, (kept, new)  # the cover is the same image; the edited page is a new one
    assert all(second.pages[n].digest != first.pages[n].digest for n in new)
    assert all(second.pages[n]._png is None for n in new)  # not drawn until asked for
    png = second.pages[new[0]].png()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and 744 <= int.from_bytes(png[16:20], "big") <= 745  # A4 at 90 dpi

    again = update({source: second}, [(source, pdf.name)], pdf.parent, 3, lock)[source]  # the same PDF
    assert all(a is b for a, b in zip(second.pages, again.pages))


def test_the_same_document_built_twice_has_the_same_page_keys(tmp_path: Path) -> None:
    repo = two_projects(tmp_path)
    first = page_keys(build(repo).read_bytes())
    (repo / "build" / ".dossier-manifest.json").unlink(missing_ok=True)
    for made in (repo / "build").glob("*.pdf"):
        made.unlink()
    assert page_keys(build(repo).read_bytes()) == first
