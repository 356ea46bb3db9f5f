"""Coverage-guided fuzzing of the loader and validator with atheris (longer runs than the
hypothesis tests in tests/load/test_properties.py).

    pip install atheris            # 3.0.0 has a wheel for CPython 3.11 on x86_64
    python fuzz/fuzz_validate.py -max_total_time=300 fuzz/corpus

The target decodes arbitrary bytes as a project file and validates it against the test cases'
dossier.yaml. Any exception that escapes is a bug: bad input must become diagnostics.
The seed corpus is the bundled projects and tests/hostile/.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports():
    from dossier.errors import DossierError
    from dossier.load import load_text
    from dossier.load.decode import decode
    from dossier.validate import check_source
    from dossier.workspace import open_workspace

WS = open_workspace(ROOT / "tests" / "validate" / "cases")


def target(data: bytes) -> None:
    try:
        decoded = decode(data, "fuzz.yaml")
    except DossierError:
        return
    checked = check_source(load_text(decoded.text, "fuzz.yaml"), WS)
    for d in checked.diagnostics:
        d.message("th"), d.message("en"), d.hint("th")  # every message must format
        if d.line < 1 or d.column < 1:
            raise AssertionError(f"unlocated diagnostic {d}")


def main() -> None:
    corpus = ROOT / "fuzz" / "corpus"
    if not corpus.exists():
        corpus.mkdir(parents=True)
        for seed in [*(ROOT / "projects").glob("*.yaml"), *(ROOT / "tests" / "hostile").glob("*.yaml")]:
            (corpus / seed.name).write_bytes(seed.read_bytes())
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
