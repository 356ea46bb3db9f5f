"""The tests mirror the package: every package of ``dossier/`` has its folder of tests (``tests/<package>/``
with at least one test module), and the tests share helpers through ``tests/support/``, never by
importing another test module."""

from __future__ import annotations

import ast
import re
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


def _layout_section() -> str:
    """The README's "How the code is laid out" section, up to the next heading."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("### How the code is laid out")
    rest = text[start + 1:]
    ends = [i for i in (rest.find("\n## "), rest.find("\n### ")) if i >= 0]
    return rest[:min(ends)] if ends else rest


def test_the_readme_layout_names_every_package_and_module_and_only_what_exists() -> None:
    section = _layout_section()
    named = set(re.findall(r"`([^`\s]+)`", section))
    package = ROOT / "dossier"
    wanted = [f"dossier/{p.parent.name}/" for p in sorted(package.glob("*/__init__.py"))]
    wanted += [f"dossier/{m.name}" for m in sorted(package.glob("*.py")) if m.name not in ("__init__.py", "__main__.py")]
    assert len(wanted) > 20, "the package was not found"
    assert [name for name in wanted if name not in named] == [], "name it in README.md, How the code is laid out"
    modules = {p.name for p in package.rglob("*.py")}
    missing = [name for name in sorted(named) if name.startswith(("dossier/", "tests/")) and not (ROOT / name).exists()
               or "/" not in name and name.endswith(".py") and name not in modules]
    assert missing == [], "the README names what the tree does not have"
