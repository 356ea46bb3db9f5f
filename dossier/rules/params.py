"""What each kind of check takes, declared once: its parameters, their types and defaults.

The rules file and ``dossier.yaml``'s ``rules:`` overrides are read through this declaration:
a value of the wrong type, an unknown parameter (``mx:`` for ``max:``) or a missing one is a
located problem at its key, and every check, ``dossier status``, ``dossier new`` and the JSON
Schema receive typed values (an ``int`` is an ``int``, a list of names a ``tuple``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dossier import thai
from dossier.errors import Diagnostic, Pos
from dossier.model.convert import suggest

KINDS_TH = {"count": "จำนวนเต็มไม่ติดลบ เช่น 4000", "name": "ชื่อหนึ่งชื่อ", "names": "รายการชื่อ เช่น [background, concept]",
            "choice": "ค่าหนึ่งใน {choices}"}
KINDS_EN = {"count": "a whole number such as 4000", "name": "one name", "names": "a list of names such as [background, concept]",
            "choice": "one of {choices}"}


@dataclass(frozen=True)
class Param:
    name: str
    kind: str  # count | name | names | choice
    default: Any = None  # None: required
    choices: tuple[str, ...] = ()

    def describe(self, lang: str) -> str:
        text = (KINDS_TH if lang == "th" else KINDS_EN)[self.kind]
        return text.format(choices=" | ".join(self.choices))


CHECK_PARAMS: dict[str, tuple[Param, ...]] = {
    "required_fields": (Param("fields", "names"),),
    "required_sections": (Param("sections", "names"),),
    "min_running_months": (Param("months", "count", 12),),
    "status_is": (Param("status", "name", "ongoing"),),
    "min_items": (Param("field", "name"), Param("min", "count", 1)),
    "indicator_results": (),
    "min_distinct_sectors": (Param("min", "count", 3),),
    "participation_levels": (Param("levels", "names"),),
    "max_chars": (Param("field", "name"), Param("max", "count")),
    "max_pages": (Param("scope", "choice", "document", ("summary", "section", "document")), Param("max", "count")),
}


class _Bad(ValueError):
    pass


def _value(param: Param, raw: Any) -> Any:
    if param.kind == "count":
        if isinstance(raw, (list, dict)) or raw is None:
            raise _Bad
        try:
            number = thai.parse_number(str(raw))
        except (thai.ValueProblem, ValueError, ArithmeticError):
            raise _Bad from None
        if number != int(number) or number < 0:
            raise _Bad
        return int(number)
    if param.kind == "names":
        items = raw if isinstance(raw, list) else None
        if items is None or not all(isinstance(i, str) and i.strip() for i in items):
            raise _Bad
        return tuple(i.strip() for i in items)
    if not isinstance(raw, str) or not raw.strip():
        raise _Bad
    if param.kind == "choice" and raw.strip() not in param.choices:
        raise _Bad
    return raw.strip()


def read_params(check: str, raw: dict[str, Any], base: dict[str, Any] | None, file: str,
                where: Callable[[str | None], Pos], rule_id: str) -> tuple[dict[str, Any], list[Diagnostic]]:
    """``raw`` (text from YAML) as typed parameters of ``check``, over ``base`` (the parameters
    being overridden, already typed, or None for a rule's own); problems located by ``where(key)``
    (the key's position, or the rule's with None)."""
    declared = {p.name: p for p in CHECK_PARAMS.get(check, ())}
    problems: list[Diagnostic] = []
    typed: dict[str, Any] = dict(base or {})
    for key, value in raw.items():
        param = declared.get(key)
        if param is None:
            problems.append(Diagnostic(file, where(key), "rule-unknown-param", args={
                "rule": rule_id, "value": key, "suggestion": suggest(key, list(declared)),
                "allowed": list(declared) or ["-"]}))
            continue
        try:
            typed[key] = _value(param, value)
        except _Bad:
            problems.append(Diagnostic(file, where(key), "rule-bad-param", args={
                "rule": rule_id, "param": key, "value": value if not isinstance(value, (list, dict)) else str(value),
                "kind_th": param.describe("th"), "kind_en": param.describe("en")}))
    for param in declared.values():
        if param.name not in typed:
            if param.default is None:
                problems.append(Diagnostic(file, where(None), "rule-missing-param",
                                           args={"rule": rule_id, "param": param.name,
                                                 "kind_th": param.describe("th"), "kind_en": param.describe("en")}))
            else:
                typed[param.name] = param.default
    return typed, problems


@dataclass(frozen=True)
class Requirement:
    """What the rules require of one award type: fields, sections, minimum list lengths (by
    field). ``dossier new``, ``dossier status``, the JSON Schema and the checks read it here."""

    fields: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    minimum: tuple[tuple[str, int], ...] = ()

    def merged(self, other: Requirement) -> Requirement:
        def union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
            return a + tuple(x for x in b if x not in a)

        return dataclasses.replace(self, fields=union(self.fields, other.fields),
                                   sections=union(self.sections, other.sections),
                                   minimum=self.minimum + other.minimum)


def requirement(check: str, params: dict[str, Any]) -> Requirement:
    """What one rule requires, from its check and typed parameters."""
    if check == "required_fields":
        return Requirement(fields=tuple(params["fields"]))
    if check == "required_sections":
        return Requirement(sections=tuple(params["sections"]))
    if check == "min_items":
        return Requirement(fields=(params["field"],), minimum=((params["field"], params["min"]),))
    return Requirement()
