"""The benchmark scripts keep up with the library they time: every name they import from
``dossier`` exists (they are too slow to run in the suite, and one once imported a function
that a refactoring had removed)."""

from __future__ import annotations

import ast
import importlib
import importlib.util
from pathlib import Path

import pytest

BENCHMARKS = sorted((Path(__file__).resolve().parents[1] / "benchmarks").glob("*.py"))


@pytest.mark.parametrize("script", BENCHMARKS, ids=lambda p: p.name)
def test_what_a_benchmark_imports_from_dossier_exists(script: Path) -> None:
    missing = []
    for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "dossier":
            module = importlib.import_module(node.module)
            package = hasattr(module, "__path__")  # then a name may also be a submodule
            missing += [f"{node.module}.{a.name}" for a in node.names if not hasattr(module, a.name)
                        and not (package and importlib.util.find_spec(f"{node.module}.{a.name}"))]
    assert missing == []
