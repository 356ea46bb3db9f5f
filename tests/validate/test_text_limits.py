"""Every text field of the project file and of dossier.yaml has a length limit, declared once in
the model (``meta(length=...)``), enforced by the converter at the value's line and published as
``maxLength`` in the JSON Schema: for each field, a value one character over its limit is refused
by both, and a value at the limit by neither."""

from __future__ import annotations

import dataclasses
import typing
from typing import Any, Literal, get_args, get_origin

import jsonschema
import pytest
import yaml
from dossier.limits import DEFAULT_LIMITS
from dossier.load import load_text
from dossier.model import Project, Province, read_model
from dossier.model.types import Email, Phone, max_length
from dossier.rules import load_rules
from dossier.rules.jsonschema import SchemaBuilder

TEXT = (str, Email, Phone)


def text_fields(cls: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any, dict[str, Any]]]:
    """(path, type, metadata) of every one-line text field (lists of text too), recursively."""
    found = []
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        tp = hints[f.name]
        if get_origin(tp) is typing.Union:
            tp = next(a for a in get_args(tp) if a is not type(None))
        item = get_args(tp)[0] if get_origin(tp) is list else tp
        if dataclasses.is_dataclass(item) and item.__name__ != "ThaiDate":
            found += text_fields(item, (*path, f.name if get_origin(tp) is not list else f"{f.name}[]"))
        elif item in TEXT or get_origin(item) is Literal:
            found.append(((*path, f.name if get_origin(tp) is not list else f"{f.name}[]"), item, dict(f.metadata)))
    return found


def instance(path: tuple[str, ...], value: str) -> dict[str, Any]:
    """A document with ``value`` at ``path`` (``x[]`` is a list of one mapping or value)."""
    node: Any = value
    for part in reversed(path):
        node = [node] if part.endswith("[]") else node
        node = {part.removesuffix("[]"): node}
    return node


def value_of(limit: int, item: Any) -> str:
    if item is Email:
        return "a" * (limit - len("@example.go.th")) + "@example.go.th"
    if item is Phone:
        return "0" + "1" * (limit - 1)
    return "ก" * limit


CASES = [(cls, path, item, meta) for cls in (Project, Province) for path, item, meta in text_fields(cls)]


@pytest.mark.parametrize(("cls", "path", "item", "meta"), CASES,
                         ids=[f"{c.__name__}:{'.'.join(p)}" for c, p, _, _ in CASES])
def test_every_text_field_is_bounded_by_the_converter_and_the_schema(cls: Any, path: tuple[str, ...], item: Any,
                                                                      meta: dict[str, Any]) -> None:
    limit = max_length(DEFAULT_LIMITS, meta) if get_origin(item) is not Literal else DEFAULT_LIMITS.max_text_chars
    rules = load_rules(2564)
    builder = SchemaBuilder(rules)
    schema = builder.project() if cls is Project else builder.province_file()
    for length, refused in ((limit, False), (limit + 1, True)):
        document = instance(path, value_of(length, item))
        text = yaml.safe_dump(document, allow_unicode=True, width=10**6)
        read = read_model(load_text(text, "x.yaml"), cls, [s.key for s in rules.sections])
        codes = [(d.code, d.line) for d in read.diagnostics]
        line = next(n for n, written in enumerate(text.split("\n"), start=1) if "ก" * 20 in written or "1" * 20 in written
                    or "a" * 20 in written)
        assert (("text-too-long", line) in codes) is refused, (length, codes)
        if get_origin(item) is not Literal and path != ("award_type",):  # the schema lists award types
            errors = [e for e in jsonschema.Draft202012Validator(schema).iter_errors(document) if e.validator == "maxLength"]
            assert bool(errors) is refused, (length, [e.message[:80] for e in errors])


def test_the_fields_the_books_summary_shows_are_bounded() -> None:
    """The book lists every project, skipped ones too, by title: the title has a limit."""
    declared = {".".join(path): max_length(DEFAULT_LIMITS, meta) for path, _item, meta in text_fields(Project)}
    assert declared["title"] == DEFAULT_LIMITS.max_title_chars == 300
    assert declared["photos[].caption"] == DEFAULT_LIMITS.max_note_chars
    assert all(limit <= DEFAULT_LIMITS.max_note_chars for limit in declared.values())
