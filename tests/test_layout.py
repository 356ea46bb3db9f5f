"""The tests mirror the package: every package of ``dossier/`` has its folder of tests (``tests/<package>/``
with at least one test module), and the tests share helpers through ``tests/support/``, never by
importing another test module."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_has_a_test_folder() -> None:
    packages = sorted(p.parent.name for p in (ROOT / "dossier").glob("*/__init__.py"))
    assert packages, "no package found"
    missing = [name for name in packages if not list((ROOT / "tests" / name).glob("test_*.py"))]
    assert missing == [], f"add tests/<package>/ with tests for: {missing}"


def test_no_test_module_imports_another() -> None:
    found = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else \
                [a.name for a in node.names] if isinstance(node, ast.Import) else []
            found += [f"{path.relative_to(ROOT)}: {name}" for name in names
                      if name.split(".")[-1].startswith("test_") or name.startswith("tests.")]
    assert found == []
