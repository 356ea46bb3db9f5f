"""Every sentence the command line shows lives in the catalogue: no module of ``dossier/cli/``
(nor ``serve.py``, ``statusboard.py``, nor ``newproject.py``, the guided form of ``dossier new``)
holds a string with Thai letters outside a docstring, and every phrase and option help the code
asks the catalogue for exists there."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from dossier import catalogue
from dossier.catalogue import commands

PACKAGE = Path(__file__).resolve().parents[2] / "dossier"
THAI = re.compile(r"[\u0e00-\u0e7f]")


def user_facing_modules() -> list[Path]:
    return sorted((PACKAGE / "cli").glob("*.py")) + [PACKAGE / name for name in ("serve.py", "statusboard.py", "newproject.py")]


def _docstrings(tree: ast.Module) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def inline_thai(path: Path) -> list[str]:
    """The string constants of ``path`` (f-string parts too) with Thai letters, docstrings aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = _docstrings(tree)
    name = path.relative_to(PACKAGE.parent) if path.is_relative_to(PACKAGE.parent) else path.name
    return [f"{name}:{node.lineno}: {node.value[:60]!r}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and THAI.search(node.value)]


def test_the_command_line_holds_no_inline_thai_text() -> None:
    modules = user_facing_modules()
    assert len(modules) > 15, "the modules were not found"
    found = [line for path in modules for line in inline_thai(path)]
    assert found == [], "move these into dossier/catalogue/commands.py (catalogue.phrase, catalogue.option_help)"


def test_the_search_sees_a_string_and_skips_a_docstring(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text('"""ตรวจ"""\n\ndef f(lang):\n    """ตรวจ"""\n    return f"ข้าม {lang}" if lang else "x"\n',
                      encoding="utf-8")
    assert [line.split(": ", 1)[1] for line in inline_thai(module)] == ["'ข้าม '"]


def _asked(name: str) -> list[tuple[str, str]]:
    """The literal keys given to ``catalogue.<name>(...)`` anywhere in the package."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == name
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "catalogue"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                found.append((f"{path.name}:{node.lineno}", str(node.args[0].value)))
    return found


@pytest.mark.parametrize(("name", "table"), [("phrase", commands.TEXT), ("option_help", commands.HELP)])
def test_every_key_asked_for_is_in_the_catalogue(name: str, table: dict[str, object]) -> None:
    asked = _asked(name)
    assert len(asked) > 20, "the search found too little: it is out of date"
    assert [f"{where}: {key}" for where, key in asked if key not in table] == []


def test_every_phrase_in_both_languages() -> None:
    for key, entry in {**commands.TEXT, **commands.HELP}.items():
        assert entry.th and entry.en, key
        assert THAI.search(entry.th), key
    with pytest.raises(KeyError):
        catalogue.phrase("no-such-phrase", "th")
    assert catalogue.phrase("build-stale-draft", "en", path="build/x.draft.pdf") == "removed the stale draft build/x.draft.pdf"
    assert catalogue.option_help("force") == "Rebuild everything, even what is up to date. / สร้างใหม่ทั้งหมด"
