"""How well is Thai typeset, and how well does its text read back? (issue 13)

Renders the bundled projects (a copy of this repository's dossier.yaml and projects/) and the
realistic corpus of tests/corpus/, in this process as `dossier build` does with one job, and
prints per set: the Thai-to-Thai line ends, the breaks inside a word (PyThaiNLP's newmm
segmenter with its word list and the repository's names), the line-edge violations, and per
extractor the paragraphs that do not read back exactly (NFKC, whitespace removed) and the lines
holding only a Thai mark. In `pdftotext -layout` a table row is a row of text: a table cell that
wraps beside another counts as read when each of its lines is intact and in order. See tests/support/thai_measure.py for the definitions.

Run: .venv/bin/python benchmarks/thai_text.py [bundled|corpus ...] [--json] [--list] [--breaks]
(--breaks: line ends only, no extractors; --list: every case found)
Each set is rendered in a process of its own (libthai loads its dictionary once per process).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = {"bundled": ROOT, "corpus": ROOT / "tests" / "corpus"}


def figures(name: str, breaks_only: bool = False) -> dict[str, object]:
    sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
    from support.thai_measure import measure

    from dossier.build.pipeline import Options, build
    from dossier.validate import check_paths
    from dossier.workspace import open_workspace

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / name
        (root / "projects").mkdir(parents=True)
        source = SETS[name]
        shutil.copy(source / "dossier.yaml", root / "dossier.yaml")
        for path in sorted((source / "projects").glob("*.yaml")):
            shutil.copy(path, root / "projects" / path.name)
        if (source / "words.txt").is_file():
            shutil.copy(source / "words.txt", root / "words.txt")
        ws = open_workspace(root)
        outcome = build(ws, check_paths(ws), Options(root / "build", keep_layout=True, book=False, jobs=1))
        result = asdict(measure(outcome, root, ws.numerals, extractors={} if breaks_only else None))
    return result


def show(name: str, found: dict[str, object], listing: bool) -> None:
    print(f"{name}: {found['documents']} dossiers, {found['pages']} pages, {found['paragraphs']} paragraphs")
    print(f"  line ends {found['line_ends']}, Thai-to-Thai {found['thai_line_ends']}, "
          f"inside a word {len(found['inside_word'])} (and {len(found.get('long_compounds', []))} between the words "
          f"of a compound longer than 20 letters), line-edge violations {len(found['violations'])}")
    for extractor, unread in found["unread"].items():
        print(f"  {extractor:17} paragraphs not read back {len(unread):4} of {found['paragraphs']}, "
              f"lines of a lone mark {found['lone_marks'][extractor]}")
        if extractor == "pdftotext-layout" and found.get("layout_cells"):
            print(f"  {'':17} ({found['layout_cells']} of them table cells wrapping beside another, read row by "
                  "row: each of their lines intact and in order)")
    if listing:
        for item in found["inside_word"] + found.get("long_compounds", []) + found["violations"]:
            print("    " + item)
        for extractor, unread in found["unread"].items():
            for item in unread[:8]:
                print(f"    {extractor}: {item}")


def main(argv: list[str]) -> int:
    names = [a for a in argv if not a.startswith("--")] or list(SETS)
    if len(names) == 1 and "--child" in argv:
        print(json.dumps(figures(names[0], "--breaks" in argv), ensure_ascii=False))
        return 0
    results = {}
    for name in names:
        flags = ["--breaks"] if "--breaks" in argv else []
        out = subprocess.run([sys.executable, __file__, name, "--child", *flags], capture_output=True, text=True,
                             check=True)
        results[name] = json.loads(out.stdout.strip().splitlines()[-1])
    if "--json" in argv:
        print(json.dumps(results, ensure_ascii=False))
        return 0
    for name, found in results.items():
        show(name, found, "--list" in argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
