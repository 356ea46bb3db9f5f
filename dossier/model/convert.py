"""Positioned YAML tree → typed dataclasses, collecting every problem of the file in one pass.

The converter is driven by the models' type hints: a wrong value becomes a located
diagnostic and the field is left empty, so one pass reports all problems and later stages
still see the rest of the project.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import typing
from decimal import Decimal
from typing import Any, Literal, Union, get_args, get_origin

from dossier import catalogue, thai
from dossier.errors import Diagnostic, Pos, Severity
from dossier.limits import DEFAULT_LIMITS, Limits
from dossier.load import Mapping, Node, Scalar, Sequence, to_plain
from dossier.model.types import Email, Markdown, Phone, Year, max_length

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# What is left of a number like 7,450.5 written inside { }, where YAML splits at the comma.
_THOUSANDS_TAIL = re.compile(r"[0-9๐-๙]{3}([.,][0-9๐-๙]+)*")
_PHONE = re.compile(r"(\+66|0)[\d\s\-]{7,14}(\s*(ต่อ|ext\.?|#)\s*\d{1,5})?")


def suggest(word: str, choices: typing.Iterable[str]) -> str | None:
    """The closest of ``choices`` to ``word`` (a typo like ``backgroud``), if any is close."""
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def _kind(node: Node) -> str:
    if isinstance(node, Mapping):
        return "mapping"
    if isinstance(node, Sequence):
        return "list"
    return "empty" if node.is_null else "text"


_HINT_KIND: dict[Any, str] = {str: "text", Markdown: "text", Email: "text", Phone: "text",
                              Decimal: "number", int: "integer", Year: "year", thai.ThaiDate: "date"}


def _unit_hint(info: dict[str, Any]) -> dict[str, str]:
    """Where a number's unit goes: its mapping's ``unit`` field when it has one (an
    indicator), else nowhere (``households`` counts households)."""
    if info.get("unit_field"):
        return {"unit_th": " แล้วใส่หน่วยในช่อง unit", "unit_en": "; put the unit in `unit`"}
    key, th, en = info.get("key", ""), info.get("th", ""), info.get("en", "")
    return {"unit_th": f" ไม่ต้องเขียนหน่วย เพราะ {key} คือ{th}อยู่แล้ว" if th else " ไม่ต้องเขียนหน่วย",
            "unit_en": f", without a unit: `{key}` means {en}" if en else ", without a unit"}


class Converter:
    """Reads one file's tree into a model; ``diagnostics`` holds what was wrong."""

    def __init__(self, file: str, limits: Limits = DEFAULT_LIMITS, sections: typing.Sequence[str] = ()) -> None:
        self.file = file
        self.limits = limits
        self.sections = tuple(sections)
        self.diagnostics: list[Diagnostic] = []

    def add_problem(self, pos: Pos, code: str, severity: Severity = Severity.ERROR, **args: Any) -> None:
        self.diagnostics.append(Diagnostic(self.file, pos, code, severity, args))

    def wrong_type(self, node: Node, path: str, expected: str) -> None:
        got = _kind(node)
        self.add_problem(node.pos, "wrong-type", field=path,
                     expected_th=catalogue.kind(expected, "th"), expected_en=catalogue.kind(expected, "en"),
                     got_th=catalogue.kind(got, "th"), got_en=catalogue.kind(got, "en"))

    # --- dispatch ------------------------------------------------------------------------------
    def convert(self, node: Node, tp: Any, path: str, info: dict[str, Any] | None = None) -> Any:
        origin = get_origin(tp)
        if origin is Union:
            inner = [a for a in get_args(tp) if a is not type(None)]
            return None if isinstance(node, Scalar) and node.is_null else self.convert(node, inner[0], path, info)
        if isinstance(node, Scalar) and node.is_null:
            return None
        if tp is Any:
            return to_plain(node)
        if dataclasses.is_dataclass(tp) and tp is not thai.ThaiDate:
            return self.model(node, tp, path)
        if origin is list:
            return self.sequence(node, get_args(tp)[0], path, info)
        if origin is dict:
            return self.mapping(node, get_args(tp)[1], path)
        if origin is Literal:
            return self.choice(node, get_args(tp), path, (info or {}).get("aliases", {}))
        if not isinstance(node, Scalar):
            self.wrong_type(node, path, _HINT_KIND.get(tp, "text"))
            return None
        return self.scalar(node, tp, path, info or {})

    def model(self, node: Node, cls: Any, path: str) -> Any:
        if not isinstance(node, Mapping):
            self.wrong_type(node, path or "file", "mapping")
            return None
        fields = {f.name: f for f in dataclasses.fields(cls)}
        hints = typing.get_type_hints(cls)
        values: dict[str, Any] = {}
        for key, entry in node.entries.items():
            if key not in fields:
                if _THOUSANDS_TAIL.fullmatch(key):  # {result: 7,450}: the comma split the number
                    self.add_problem(entry.key_pos, "number-comma-in-braces", tail=key)
                    continue
                allowed = list(fields)
                self.add_problem(entry.key_pos, "unknown-key", key=key, suggestion=suggest(key, allowed), allowed=allowed)
                continue
            sub = f"{path}.{key}" if path else key
            info = {**fields[key].metadata, "key": key, "unit_field": "unit" in fields}
            values[key] = self.convert(entry.value, hints[key], sub, info)
        for name, f in fields.items():
            if f.metadata.get("required") and values.get(name) in (None, ""):
                if name not in node.entries:
                    self.add_problem(node.pos, "missing-key", field=f"{path}.{name}" if path else name,
                                 label_th=f.metadata["th"], label_en=f.metadata["en"])
        return cls(**{k: v for k, v in values.items() if v is not None})

    def sequence(self, node: Node, item_tp: Any, path: str, info: dict[str, Any] | None) -> list[Any] | None:
        if isinstance(node, Scalar) and item_tp is str:  # `area: ตำบลคลองโคน` is a list of one
            value = self.scalar(node, str, path, info)
            return [value] if value else None
        if not isinstance(node, Sequence):
            self.wrong_type(node, path, "list")
            return None
        if len(node.items) > self.limits.max_list_items:
            self.add_problem(node.pos, "yaml-too-many-nodes", limit=self.limits.max_list_items)
            return None
        items = [self.convert(item, item_tp, f"{path}[{i + 1}]", info) for i, item in enumerate(node.items)]
        return [item for item in items if item is not None]

    def mapping(self, node: Node, value_tp: Any, path: str) -> dict[str, Any] | None:
        if not isinstance(node, Mapping):
            self.wrong_type(node, path, "mapping")
            return None
        result: dict[str, Any] = {}
        for key, entry in node.entries.items():
            if path == "sections" and self.sections and key not in self.sections:
                self.add_problem(entry.key_pos, "unknown-key", key=key, suggestion=suggest(key, self.sections),
                             allowed=list(self.sections))
                continue
            value = self.convert(entry.value, value_tp, f"{path}.{key}")
            if value is not None:
                result[key] = value
        return result

    def choice(self, node: Node, choices: tuple[str, ...], path: str, aliases: dict[str, str]) -> str | None:
        if not isinstance(node, Scalar):
            self.wrong_type(node, path, "text")
            return None
        value = node.text.strip()
        if len(value) > self.limits.max_text_chars:
            self.add_problem(node.pos, "text-too-long", field=path, length=len(value), limit=self.limits.max_text_chars)
            return None
        if value in choices:
            return value
        if value in aliases:
            return aliases[value]
        if value.lower() in choices:
            return value.lower()
        self.add_problem(node.pos, "bad-choice", value=value, field=path,
                     suggestion=suggest(value, list(choices) + list(aliases)), allowed=list(choices))
        return None

    # --- scalars -------------------------------------------------------------------------------
    def scalar(self, node: Scalar, tp: Any, path: str, info: dict[str, Any] | None = None) -> Any:
        text = node.text
        if tp is Markdown:
            return self.markdown(node, path)
        if tp is str:
            text = " ".join(text.split())
        limit = max_length(self.limits, info)
        if len(text) > limit:  # every one-line value: a title, a name, a number, a date
            self.add_problem(node.pos, "text-too-long", field=path, length=len(text), limit=limit)
            return text[:limit] if tp is str else None  # a draft still renders, bounded
        try:
            if tp is str:
                return text
            if tp is Email:
                if not _EMAIL.fullmatch(text.strip()):
                    raise thai.ValueProblem("not-an-email", value=text)
                return text.strip()
            if tp is Phone:
                phone = thai.to_arabic_digits(text.strip())
                if not _PHONE.fullmatch(phone):
                    raise thai.ValueProblem("not-a-phone", value=text)
                return phone
            if tp is Year:
                return thai.parse_year(text)
            if tp is thai.ThaiDate:
                return thai.parse_date(text)
            if tp is Decimal or tp is int:
                number = thai.parse_number(text)
                if number < 0:
                    self.add_problem(node.pos, "negative-number", field=path, value=text)
                    return None
                if tp is int:
                    if number != number.to_integral_value():
                        raise thai.ValueProblem("not-a-number", value=text, unit_th="", unit_en="")
                    return int(number)
                return number
        except thai.ValueProblem as exc:
            args = dict(exc.args_)
            if exc.code == "not-a-number" and info:
                args.update(_unit_hint(info))
            self.add_problem(node.pos, exc.code, **args)
            return None
        raise TypeError(f"no converter for {tp!r} at {path}")  # a bug in the models, not user input

    def markdown(self, node: Scalar, path: str) -> str:
        text = node.text
        if len(text) > self.limits.max_markdown_chars:
            self.add_problem(node.pos, "text-too-long", field=path, length=len(text), limit=self.limits.max_markdown_chars)
            return text[: self.limits.max_markdown_chars]
        for paragraph in re.split(r"\n\s*\n", text):
            if all(line.strip().startswith("|") for line in paragraph.strip().splitlines()):
                continue  # a table is many short cells, not one long paragraph (rows are capped)
            if len(paragraph) > self.limits.max_paragraph_chars:
                self.add_problem(node.pos, "text-too-long", field=path, length=len(paragraph),
                             limit=self.limits.max_paragraph_chars)
                return text[: self.limits.max_paragraph_chars]
        return text
