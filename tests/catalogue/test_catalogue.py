"""The message catalogue: every code once, in both languages, and every code the code emits."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from dossier import catalogue
from dossier.catalogue import files, office, preview, rules, tool

PACKAGE = Path(__file__).resolve().parents[2] / "dossier"


def test_each_code_is_defined_once_in_both_languages() -> None:
    parts = [set(files.MESSAGES), set(rules.MESSAGES), set(tool.MESSAGES), set(office.MESSAGES),
             set(preview.MESSAGES)]
    assert sum(len(p) for p in parts) == len(catalogue.MESSAGES)
    for code, entry in catalogue.MESSAGES.items():
        assert entry.th and entry.en, code
        assert re.search(r"[\u0e00-\u0e7f]", entry.th + entry.hint_th), code


# Calls that take a catalogue code, and at which position (their ``code=`` keyword too).
CODE_TAKERS = {"Diagnostic": {2}, "ValueProblem": {0}, "Problem": {0}}
CODE_SHAPE = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
CATALOGUE_CALLS = {"message": {0}, "hint": {0}, "entry": {0}}


def _callee(call: ast.Call) -> str | None:
    """The name of a code-taking callee: ``catalogue.message`` counts, ``d.message(lang)`` does not."""
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        if func.attr in CATALOGUE_CALLS:
            return func.attr if isinstance(func.value, ast.Name) and func.value.id == "catalogue" else None
        return func.attr
    return None


def _strings(node: ast.expr) -> set[str] | None:
    """The codes an argument can be: a literal, or either side of ``a if c else b``; None otherwise."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        body, orelse = _strings(node.body), _strings(node.orelse)
        return body | orelse if body is not None and orelse is not None else None
    return None


def emitted_codes() -> tuple[set[str], list[str]]:
    """Every code the package can emit, found from its syntax tree: literal codes given to a
    code-taking call, where a function that passes one of its parameters on as a code becomes a
    code-taking call itself (to a fixpoint, so helpers like ``ctx.problem(rule, path, code)`` and
    ``write_or_check(..., stale_code=...)`` count). Returns the codes and the call sites whose code
    could not be read (neither a literal nor a parameter passed on)."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(PACKAGE.rglob("*.py"))}
    takers = {name: set(at) for name, at in {**CODE_TAKERS, **CATALOGUE_CALLS}.items()}
    keywords = {"code"}
    for _ in range(10):  # forwarding chains are short; the loop stops when nothing new is found
        before = ({k: set(v) for k, v in takers.items()}, set(keywords))
        for tree in trees.values():
            for fn in (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))):
                params = [a.arg for a in fn.args.args]
                keyword_only = [a.arg for a in fn.args.kwonlyargs]
                for call in (n for n in ast.walk(fn) if isinstance(n, ast.Call)):
                    for arg in _code_args(call, takers, keywords):
                        if isinstance(arg, ast.Name) and arg.id in params:
                            index = params.index(arg.id) - (1 if params and params[0] in ("self", "cls") else 0)
                            takers.setdefault(fn.name, set()).add(index)
                        if isinstance(arg, ast.Name) and arg.id in keyword_only:
                            keywords.add(arg.id)
        if before == (takers, keywords):
            break
    codes: set[str] = set()
    unread: list[str] = []
    for path, tree in trees.items():
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            # a method name two classes share (``problem``) has two candidate positions: the
            # literal that looks like a code is the code; an argument passed on is read at its caller
            candidates = _code_args(call, takers, keywords)
            found = [x for a in candidates for x in (_strings(a) or ()) if CODE_SHAPE.fullmatch(x)]
            codes |= set(found)
            if candidates and not found and not any(isinstance(a, (ast.Name, ast.Attribute)) for a in candidates):
                unread.append(f"{path.name}:{call.lineno}: {', '.join(ast.unparse(a) for a in candidates)}")
    return codes, unread


def _code_args(call: ast.Call, takers: dict[str, set[int]], keywords: set[str]) -> list[ast.expr]:
    name = _callee(call)
    found = [call.args[i] for i in sorted(takers.get(name or "", ())) if i < len(call.args)]
    found += [k.value for k in call.keywords if k.arg in keywords and k.arg is not None]
    # a flag that happens to be named ``code`` (``_cell(text, code=True)``) is no code
    return [a for a in found if not (isinstance(a, ast.Constant) and not isinstance(a.value, str))]


def test_every_code_the_package_emits_is_in_the_catalogue() -> None:
    codes, unread = emitted_codes()
    assert len(codes) > 100, "the search found too little: it is out of date"
    assert {"field-to-write", "schema-stale", "rules-edition-mismatch"} <= codes  # via helpers and keywords
    assert unread == []
    assert sorted(codes - set(catalogue.MESSAGES)) == []


def test_an_unknown_code_is_an_error_not_a_silent_echo() -> None:
    import pytest

    with pytest.raises(KeyError):
        catalogue.entry("no-such-code")
