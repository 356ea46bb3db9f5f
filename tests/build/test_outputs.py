"""Output names come from one module, :mod:`dossier.outputs`: the build, the no-op path and
``dossier serve`` ask it whether a file is a draft and which draft belongs to a document."""

from __future__ import annotations

import ast
from pathlib import Path

from dossier import outputs

PACKAGE = Path(__file__).resolve().parents[2] / "dossier"


def test_a_draft_is_known_by_its_name_and_found_beside_its_document() -> None:
    final, draft = outputs.dossier_name("mangrove", False), outputs.dossier_name("mangrove", True)
    assert (final, draft) == ("mangrove.pdf", "mangrove.draft.pdf")
    assert outputs.is_draft(draft) and outputs.is_draft(Path("build") / draft)
    assert not outputs.is_draft(final) and not outputs.is_draft("draft.pdf") and not outputs.is_draft("x.draft.yaml")
    assert outputs.draft_of(Path("build") / final) == Path("build") / draft
    book = outputs.book_name("น่าน", 2564, False)
    assert book == f"{outputs.book_slug('น่าน', 2564)}.pdf" == "น่าน-2564.pdf"
    assert outputs.draft_of(Path(book)).name == outputs.book_name("น่าน", 2564, True) == "น่าน-2564.draft.pdf"
    assert outputs.is_draft(outputs.draft_of(Path(book)))


def test_no_other_module_spells_a_draft_name() -> None:
    """Only outputs.py writes ``.draft``/``.draft.pdf`` in code (docstrings and the catalogue's
    sentences for people aside)."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "outputs.py" or "catalogue" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                      if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                      and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        found += [f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.value!r}" for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
                  and ".draft" in node.value]
    assert found == [], "ask dossier.outputs (is_draft, draft_of, dossier_name) instead"
