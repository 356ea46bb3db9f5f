"""A new project file for an agency and an award type, written as a guided form.

Every part the award type requires is in the file: the facts as keys (left empty, or filled
from what ``dossier new`` was told), the list entries as commented examples, and each required
section as a key still to write under a Thai comment saying what the committee looks for (the
rules' ``prompt_th``). The file loads back: ``dossier validate`` reports the empty sections as
"to write" and points at the lines still to fill.

Which fields and sections are required comes from the rules file; labels, choices and Thai
aliases come from the dataclasses of ``dossier.model.project``: nothing here repeats the format.
"""

from __future__ import annotations

import dataclasses
import json
import re
import typing
from dataclasses import dataclass
from typing import Any, Literal, get_args, get_origin

import yaml

from dossier import catalogue, thai
from dossier.model.project import Agency, Contact, Project
from dossier.rules import AwardType, Rules

SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
# Shown to every agency even when no rule requires them: they make a stronger dossier.
ALWAYS = ("title", "award_type", "agency", "contact", "started", "status", "area", "participation_level",
          "partners", "indicators", "beneficiaries", "budget", "summary", "sections", "photos")


@dataclass(frozen=True)
class NewProject:
    """What the agency told ``dossier new``; everything but the first three may be empty."""

    agency: Agency
    award_type: AwardType
    title: str
    contact_name: str = ""
    phone: str = ""
    email: str = ""
    started: str = ""


def scalar(text: str) -> str:
    """``text`` as a YAML value: plain when it reads back the same, else double-quoted."""
    try:
        if text and yaml.safe_load(f"k: {text}") == {"k": text}:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)


def requirements(rules: Rules, award_type: AwardType) -> tuple[list[str], list[str], dict[str, int]]:
    """Fields, sections and minimum list lengths the rules require of ``award_type``."""
    needs = rules.requires(award_type.slug)
    return list(needs.fields), list(needs.sections), dict(needs.minimum)


def _form(key: str, **args: Any) -> str:
    """A line or phrase of the form, from the catalogue: the form's comments are in Thai."""
    return catalogue.phrase(key, "th", **args)


def _choices(tp: Any, aliases: dict[str, str]) -> str:
    thai_names: dict[str, list[str]] = {}
    for alias, value in aliases.items():
        thai_names.setdefault(value, []).append(alias)
    return " | ".join(f"{c} ({thai_names[c][0]})" if c in thai_names else c for c in get_args(tp))


def _note(f: dataclasses.Field[Any], tp: Any) -> str:
    note = str(f.metadata.get("th", f.name))
    if get_origin(tp) is Literal:
        note += ": " + _choices(tp, f.metadata.get("aliases") or {})
    elif f.metadata.get("example"):
        note += _form("form-example", example=f.metadata["example"])
    return note


def _example_item(cls: Any, indent: str, first_prefix: str) -> list[str]:
    """The fields of ``cls`` as commented lines (``#   - name: ...  # label``)."""
    hints = typing.get_type_hints(cls)
    lines = []
    for index, f in enumerate(dataclasses.fields(cls)):
        prefix = first_prefix if index == 0 else " " * len(first_prefix)
        required = _form("form-required") if f.metadata.get("required") else ""
        lines.append(f"#{indent}{prefix}{f.name}:".ljust(30) + f"  # {_note(f, hints[f.name])}{required}")
    return lines


class Writer:
    """Writes the guided form of one new project."""

    def __init__(self, rules: Rules, cutoff: thai.ThaiDate | None = None) -> None:
        self.rules = rules
        self.cutoff = cutoff

    def render(self, new: NewProject) -> str:
        award_type = new.award_type
        fields, sections, minimum = requirements(self.rules, award_type)
        hints = typing.get_type_hints(Project)
        lines = [
            "# yaml-language-server: $schema=../schema/project.schema.json",
            _form("form-head", award=self.rules.award.get("th", ""), edition=self.rules.edition, type=award_type.th,
                  slug=award_type.slug),
            f"# {award_type.definition_th}",
            _form("form-how"),
            _form("form-then"),
        ]
        narrative = ("summary", "sections")  # the writing comes last, after the facts
        ordered = sorted(dataclasses.fields(Project), key=lambda f: f.name in narrative)
        for f in ordered:
            if f.name not in ALWAYS and f.name not in fields:
                continue
            required = f.name in fields
            lines += self.field(f, hints[f.name], new, required, minimum.get(f.name), sections)
        return "\n".join(lines) + "\n"

    def field(self, f: dataclasses.Field[Any], tp: Any, new: NewProject, required: bool, minimum: int | None,
              sections: list[str]) -> list[str]:
        name = f.name
        mark = _form("form-required") if required else ""
        if name == "title":
            return [f"title: {scalar(new.title)}"]
        if name == "award_type":
            return [f"award_type: {new.award_type.slug}".ljust(31) + f" # {new.award_type.th}"]
        if name == "agency":
            return [f"agency: {new.agency.id}".ljust(31) + f" # {new.agency.name}"]
        if name == "contact":
            return self.contact(f, new, mark)
        if name == "started":
            running = ""
            if self.cutoff is not None:
                running = _form("form-running", date=thai.format_date(self.cutoff, "thai"))
            value = scalar(new.started) if new.started else ""
            return [f"started: {value}".rstrip().ljust(31) + f" # {_note(f, tp)}{mark}{running}"]
        if name == "status":
            return ["status: ongoing".ljust(31) + f" # {_note(f, tp)}"]
        if name == "sections":
            return self.sections(sections)
        if name == "summary":
            return ["summary:".ljust(31) + f" # {f.metadata['th']}{mark}" + _form("form-summary"), _form("form-summary-more")]
        origin = get_origin(tp)
        note = _note(f, tp) + mark + (_form("form-at-least", count=thai.to_thai_digits(str(minimum))) if minimum else "")
        head = [f"{name}:".ljust(31) + f" # {note}"]
        if origin is list:
            item = get_args(tp)[0]
            if dataclasses.is_dataclass(item):
                return head + _example_item(item, "  ", "- ")
            return head + ["#  - ..."]
        if dataclasses.is_dataclass(tp) and tp is not thai.ThaiDate:
            return head + _example_item(tp, "  ", "")
        return head

    def contact(self, f: dataclasses.Field[Any], new: NewProject, mark: str) -> list[str]:
        head = "contact:".ljust(31) + f" # {f.metadata['th']}{mark}" + _form("form-contact")
        if not new.contact_name:
            return [head] + _example_item(Contact, "  ", "")
        lines = [head, f"  name: {scalar(new.contact_name)}"]
        lines.append(f"  phone: {scalar(new.phone)}" if new.phone else _form("form-blank", field="phone", example="0 3471 3309"))
        lines.append(f"  email: {scalar(new.email)}" if new.email
                     else _form("form-blank", field="email", example="somsri@example.go.th"))
        return lines

    def sections(self, required: list[str]) -> list[str]:
        lines = ["sections:".ljust(31) + _form("form-sections")]
        number = 0
        for section in self.rules.sections:
            is_required = section.key in required
            number += 1
            status = _form("form-section-required" if is_required else "form-section-optional")
            lines += ["", f"  # {thai.to_thai_digits(str(number))}. {section.th} ({status})"]
            if section.prompt_th:
                lines.append(_form("form-prompt", prompt=section.prompt_th))
            lines.append(f"  {section.key}: |" if is_required else f"  # {section.key}: |")
        return lines


def valid_slug(slug: str) -> bool:
    return bool(SLUG.fullmatch(slug))
