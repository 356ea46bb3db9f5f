"""How fast is `dossier build`? Time per project, for the province's book, and where it goes.

Renders every bundled project into a temporary folder, in one process, the way a `dossier build`
worker does (one Engine: fonts read once), and prints per project the layout, page-chrome and
PDF-writing times, then the book (front matter layout and writing, then the merge of the dossier
PDFs: the rest of its total), then the share of
the whole spent in layout, in PDF writing and, inside writing, in font subsetting (WeasyPrint's
build_fonts_dictionary, timed by wrapping it; HarfBuzz's subsetter when libharfbuzz-subset0 is
installed, fontTools otherwise). The last line is `dossier build` in a fresh process.

Run: .venv/bin/python benchmarks/render_speed.py [runs]      (best of `runs` for each figure)
"""

from __future__ import annotations

import ctypes.util
import functools
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def timed_subsetting() -> dict[str, float]:
    """Wrap WeasyPrint's font dictionary builder (where subsetting happens) with a stopwatch."""
    import weasyprint.pdf as pdf_module

    spent = {"subset": 0.0}
    original: Callable[..., Any] = pdf_module.build_fonts_dictionary

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent["subset"] += time.perf_counter() - start

    pdf_module.build_fonts_dictionary = wrapper
    return spent


def one_run(out: Path) -> dict[str, Any]:
    import datetime as dt

    from dossier.build.book import merge
    from dossier.render.book import Part, front_pdf
    from dossier.render.dossier import Task, engine, render
    from dossier.validate import check_paths
    from dossier.workspace import open_workspace

    ws = open_workspace(ROOT)
    checked = check_paths(ws)
    session = engine(ws)  # the worker's session: fonts read once, reused by every document
    subset = timed_subsetting()
    when = dt.datetime(2021, 1, 1)
    rows, parts = [], []

    def spent() -> tuple[float, float, float, float]:
        return session.timings.layout, session.timings.chrome, session.timings.write, subset["subset"]

    for item in checked:
        before = spent()
        start = time.perf_counter()
        result = render(Task(ws, item, out / f"{item.slug}.pdf", not item.ok, "pdf/a-3b", when))
        total = time.perf_counter() - start
        layout, chrome, write, sub = (b - a for a, b in zip(before, spent()))
        rows.append((item.slug, result.rendered.pages, total, layout, chrome, write, sub))
        parts.append(Part(item, not item.ok, result.pages, result.anchors, result.rendered.path, result.view))
    before = spent()
    start = time.perf_counter()
    book = merge(ws, parts, front_pdf(ws, parts, [], out, "pdf/a-3b", when), out, when)
    total = time.perf_counter() - start
    layout, chrome, write, sub = (b - a for a, b in zip(before, spent()))
    return {"rows": rows, "book": ("book (front + merge)", book.pages, total, layout, chrome, write, sub)}


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    hb = ctypes.util.find_library("harfbuzz-subset")
    start = time.perf_counter()
    import weasyprint  # noqa: F401 - timed for scale
    imported = time.perf_counter() - start
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(runs):
            results.append(one_run(Path(tmp) / str(run)))
    best = {row[0]: min((r for res in results for r in res["rows"] if r[0] == row[0]), key=lambda r: r[2])
            for row in results[0]["rows"]}
    book = min((res["book"] for res in results), key=lambda r: r[2])
    print(f"HarfBuzz subsetter: {'libharfbuzz-subset found (' + hb + ')' if hb else 'NOT installed: fontTools fallback'}")
    print(f"import weasyprint: {imported:.2f} s (once per process); best of {runs} runs below, seconds")
    header = f"{'document':<26}{'pages':>6}{'total':>8}{'layout':>8}{'chrome':>8}{'write':>8}{'subset':>8}"
    print(header)
    print("-" * len(header))
    for name, pages, total, layout, chrome, write, sub in [*best.values(), book]:
        print(f"{name:<26}{pages:>6}{total:>8.3f}{layout:>8.3f}{chrome:>8.3f}{write:>8.3f}{sub:>8.3f}")
    rows = [*best.values(), book]
    total = sum(r[2] for r in rows)
    layout = sum(r[3] + r[4] for r in rows)
    write = sum(r[5] for r in rows)
    sub = sum(r[6] for r in rows)
    per_project = sum(r[2] for r in best.values()) / len(best)
    print("-" * len(header))
    print(f"per project (mean): {per_project:.3f} s; book: {book[2]:.3f} s for {book[1]} pages; all: {total:.2f} s")
    print(f"shares of all: layout (dossiers, front matter, chrome) {layout / total:.0%}, PDF writing "
          f"{write / total:.0%} (font subsetting {sub / total:.0%} of all, {sub / write:.0%} of writing), "
          f"other (Markdown, Jinja, checks) {(total - layout - write) / total:.0%}")
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "dossier", "build", "-q", "-o", tmp], cwd=ROOT, check=True,
                       capture_output=True)
        print(f"`dossier build` (8 dossiers + book) in a fresh process: {time.perf_counter() - start:.2f} s wall")


if __name__ == "__main__":
    main()
