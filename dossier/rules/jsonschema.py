"""JSON Schema (draft 2020-12) of a project file and of ``dossier.yaml``, generated from the same
dataclasses the converter reads (``project.py``) and from the award rules: never written by hand.

Editors (VS Code's YAML extension) use it to complete keys, offer the allowed values (Thai aliases
included) and explain each field in Thai. It mirrors what the tool accepts, which is more than
YAML's types: the tool reads every value as text, so numbers, years and amounts may also be
strings (``1,200``, ``๑,๒๐๐``), and an empty value (null) is accepted wherever the tool accepts
it. Rules of severity ``error`` that require fields or sections become ``required``, per award
type through ``if``/``then``; warnings are left to ``dossier validate``.
"""

from __future__ import annotations

import dataclasses
import json
import typing
from decimal import Decimal
from typing import Any, Literal, Union, get_args, get_origin

from dossier import thai
from dossier.errors import Severity
from dossier.limits import DEFAULT_LIMITS, Limits
from dossier.model.project import Project, Province
from dossier.model.types import Email, Markdown, Phone, Year, max_length
from dossier.rules import AwardType, Rules

DRAFT = "https://json-schema.org/draft/2020-12/schema"
DIGIT = "[0-9๐-๙]"
# What thai.parse_number accepts: Thai or Arabic digits, thousands by commas or spaces, decimals.
AMOUNT_PATTERN = rf"^\s*\+?({DIGIT}{{1,3}}([, \u00a0]{DIGIT}{{3}})+|{DIGIT}+)(\.{DIGIT}+)?\s*$"
COUNT_PATTERN = rf"^\s*\+?({DIGIT}{{1,3}}([, \u00a0]{DIGIT}{{3}})+|{DIGIT}+)\s*$"
YEAR_PATTERN = rf"^\s*{DIGIT}{{4}}\s*$"

KIND_TH = {
    "date": "วันที่ เช่น 1 มิถุนายน 2561, 1 มิ.ย. 2561, 1/6/2561, 2561-06-01 หรือ มิถุนายน 2561 (วันก่อนเดือน ปี พ.ศ. หรือ ค.ศ. ๔ หลัก)",
    "amount": "ตัวเลข เช่น 1200, 1,200, ๑,๒๐๐ หรือ 1200.5 (ไม่ต้องใส่หน่วย)",
    "count": "จำนวนเต็ม เช่น 320 หรือ ๓๒๐",
    "year": "ปี พ.ศ. ๔ หลัก เช่น 2563",
    "markdown": "ข้อความ Markdown: ย่อหน้าคั่นด้วยบรรทัดว่าง รายการขึ้นต้นด้วย - หรือ 1.",
    "list_or_text": "รายการ (- ...) หรือข้อความเดียว",
}
KIND_EN = {
    "date": "a date: 1 มิถุนายน 2561, 1/6/2561, 2561-06-01 or มิถุนายน 2561 (day before month)",
    "amount": "a number: 1200, 1,200, ๑,๒๐๐ or 1200.5 (no unit)",
    "count": "a whole number",
    "year": "a four-digit Buddhist-era year such as 2563",
    "markdown": "Markdown text",
    "list_or_text": "a list, or a single text",
}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    kinds = schema.get("type")
    if isinstance(kinds, list) and "null" not in kinds:
        schema["type"] = [*kinds, "null"]
    elif isinstance(kinds, str):
        schema["type"] = [kinds, "null"]
    if "enum" in schema and None not in schema["enum"]:
        schema["enum"] = [*schema["enum"], None]
    if "anyOf" in schema and {"type": "null"} not in schema["anyOf"]:
        schema["anyOf"] = [*schema["anyOf"], {"type": "null"}]
    return schema


def _describe(schema: dict[str, Any], th: str, en: str, example: Any = None, title: str | None = None) -> dict[str, Any]:
    """Thai ``description`` (and a short Thai ``title``); English in ``x-description-en`` and,
    after the Thai, in ``markdownDescription`` (what VS Code shows on hover)."""
    described: dict[str, Any] = {"title": title or th, "description": th, "markdownDescription": f"{th}\n\n*{en}*",
                 "x-description-en": en}
    if example is not None:
        described["examples"] = [example]
    return {**described, **schema}


class SchemaBuilder:
    """Builds the schemas of one repository: its rules (award types, sections) and, when given,
    its province file (agency ids)."""

    def __init__(self, rules: Rules, province: Province | None = None, limits: Limits = DEFAULT_LIMITS) -> None:
        self.rules = rules
        self.province = province
        self.limits = limits

    # --- types ---------------------------------------------------------------------------------
    def of_type(self, tp: Any, info: dict[str, Any]) -> tuple[dict[str, Any], str, str]:
        """The schema of a type hint, with a Thai and an English note on the accepted forms."""
        origin = get_origin(tp)
        if origin is Union:
            return self.of_type(next(a for a in get_args(tp) if a is not type(None)), info)
        if tp is Any:
            return {}, "", ""
        if dataclasses.is_dataclass(tp) and tp is not thai.ThaiDate:
            return self.model(tp), "", ""
        if origin is list:
            item, th, en = self.of_type(get_args(tp)[0], {"length": info.get("length")})
            if get_args(tp)[0] is str:  # `area: ตำบลคลองโคน` is a list of one
                return ({"type": ["array", "string"], "items": item, "maxLength": max_length(self.limits, info)},
                        KIND_TH["list_or_text"], KIND_EN["list_or_text"])
            return {"type": "array", "items": item}, th, en
        if origin is Literal:
            return self.choice(get_args(tp), info.get("aliases") or {})
        if tp is thai.ThaiDate:
            return {"type": "string", "maxLength": self.limits.max_text_chars}, KIND_TH["date"], KIND_EN["date"]
        if tp is Markdown:
            return ({"type": "string", "maxLength": self.limits.max_markdown_chars, "contentMediaType": "text/markdown"},
                    KIND_TH["markdown"], KIND_EN["markdown"])
        if tp is Decimal:
            return ({"anyOf": [{"type": "number", "minimum": 0},
                               {"type": "string", "pattern": AMOUNT_PATTERN, "maxLength": self.limits.max_text_chars}]},
                    KIND_TH["amount"], KIND_EN["amount"])
        if tp is int:
            return ({"anyOf": [{"type": "integer", "minimum": 0},
                               {"type": "string", "pattern": COUNT_PATTERN, "maxLength": self.limits.max_text_chars}]},
                    KIND_TH["count"], KIND_EN["count"])
        if tp is Year:
            return ({"anyOf": [{"type": "integer", "minimum": 1900, "maximum": 9999},
                               {"type": "string", "pattern": YEAR_PATTERN}]}, KIND_TH["year"], KIND_EN["year"])
        if tp in (str, Email, Phone):
            # the tool reads any scalar as text: `title: 2564` or `phone: 034713309` are fine
            return {"type": ["string", "number"], "maxLength": max_length(self.limits, info)}, "", ""
        raise TypeError(f"no JSON Schema for {tp!r}")  # a bug in the models, like the converter's

    def choice(self, choices: tuple[str, ...], aliases: dict[str, str]) -> tuple[dict[str, Any], str, str]:
        names: dict[str, list[str]] = {c: [] for c in choices}
        for alias, value in aliases.items():
            names.setdefault(value, []).append(alias)
        values = [*choices, *aliases]
        descriptions = [", ".join(names[c]) for c in choices] + [f"= {aliases[a]}" for a in aliases]
        listing = "; ".join(f"{c} ({', '.join(names[c])})" if names[c] else c for c in choices)
        return ({"enum": values, "enumDescriptions": descriptions},
                f"ค่าที่ใช้ได้: {listing}", f"allowed: {', '.join(choices)} (or a Thai alias)")

    def field(self, f: dataclasses.Field[Any], tp: Any) -> dict[str, Any]:
        meta = dict(f.metadata)
        schema, kind_th, kind_en = self.of_type(tp, meta)
        label = th = meta.get("th", f.name)
        en = meta.get("en", f.name)
        if kind_th:
            th, en = f"{th}: {kind_th}", f"{en}: {kind_en}"
        return _nullable(_describe(schema, th, en, meta.get("example"), title=label))

    def model(self, cls: Any, root: bool = False) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if cls is Project and f.name == "award_type":
                properties[f.name] = self.award_type(f)
            elif cls is Project and f.name == "agency":
                properties[f.name] = self.agency(f)
            elif cls is Project and f.name == "sections":
                properties[f.name] = self.sections(f)
            elif cls is Province and f.name == "rules":
                properties[f.name] = self.overrides(f)
            else:
                properties[f.name] = self.field(f, hints[f.name])
        schema: dict[str, Any] = {"type": "object" if root else ["object", "null"], "properties": properties,
                                  "additionalProperties": False}
        required = [f.name for f in dataclasses.fields(cls) if f.metadata.get("required")]
        if required:
            schema["required"] = required
        return schema

    # --- fields that depend on the rules or the province ---------------------------------------
    def award_type(self, f: dataclasses.Field[Any]) -> dict[str, Any]:
        values: list[str] = []
        descriptions: list[str] = []
        for t in self.rules.types:
            for name in t.names():
                values.append(name)
                descriptions.append(f"{t.th} ({t.slug}): {t.definition_th}")
        listing = "; ".join(f"{t.slug} = {t.th}" for t in self.rules.types)
        th = f"{f.metadata['th']} ปี {self.rules.edition}: ชื่อไทยหรือรหัส ({listing})"
        en = f"{f.metadata['en']} of edition {self.rules.edition}: the Thai name or the slug"
        return _nullable(_describe({"enum": values, "enumDescriptions": descriptions}, th, en, title=f.metadata["th"]))

    def agency(self, f: dataclasses.Field[Any]) -> dict[str, Any]:
        agencies = self.province.agencies if self.province and self.province.agencies else []
        if not agencies:
            return self.field(f, str)
        schema = {"enum": [a.id for a in agencies], "enumDescriptions": [a.name for a in agencies]}
        listing = "; ".join(f"{a.id} = {a.name}" for a in agencies)
        return _nullable(_describe(schema, f"{f.metadata['th']}: {listing}", str(f.metadata["en"]), title=f.metadata["th"]))

    def sections(self, f: dataclasses.Field[Any]) -> dict[str, Any]:
        properties = {}
        for s in self.rules.sections:
            th = f"{s.th}: {s.prompt_th}" if s.prompt_th else s.th
            en = f"{s.en}: {s.prompt_en}" if s.prompt_en else s.en
            properties[s.key] = _nullable(_describe(
                {"type": "string", "maxLength": self.limits.max_markdown_chars, "contentMediaType": "text/markdown"},
                th, en, title=s.th))
        schema = {"type": ["object", "null"], "properties": properties, "additionalProperties": False}
        return _describe(schema, str(f.metadata["th"]), str(f.metadata["en"]))

    def overrides(self, f: dataclasses.Field[Any]) -> dict[str, Any]:
        # Rule ids are not an enum here: the validator already names an unknown one with a
        # suggestion, and this file then does not go stale each time a rule is added.
        override = {"type": ["object", "null"], "properties": {
            "severity": {"enum": ["error", "warning"], "description": "ระดับ: error หรือ warning"}}}
        schema = {"type": ["object", "null"], "propertyNames": {"pattern": "^[a-z0-9][a-z0-9-]*$"},
                  "additionalProperties": override}
        return _describe(schema, f"{f.metadata['th']}: รหัสเกณฑ์ใน rules/{self.rules.edition}.yaml",
                         f"{f.metadata['en']}: rule ids of rules/{self.rules.edition}.yaml", title=f.metadata["th"])

    # --- what the rules require --------------------------------------------------------------
    def requirements(self, award_type: AwardType | None) -> dict[str, Any]:
        """``required`` (and ``minItems``, required section keys) from the error rules that apply
        to every type (``award_type`` None) or only to some types including ``award_type``."""
        required: list[str] = []
        properties: dict[str, Any] = {}
        sections: list[str] = []
        for rule in self.rules.rules:
            if rule.severity is not Severity.ERROR:
                continue
            if (rule.types is None) != (award_type is None):
                continue
            if award_type is not None and award_type.slug not in (rule.types or ()):
                continue
            needs = rule.requires
            required += [f for f in needs.fields if f not in required]
            for name, minimum in needs.minimum:
                properties[name] = {"type": "array", "minItems": minimum}
            sections += [s for s in needs.sections if s not in sections]
        if sections:
            required += ["sections"] if "sections" not in required else []
            properties["sections"] = {"type": "object", "required": sections}
        result: dict[str, Any] = {}
        if required:
            result["required"] = required
        if properties:
            result["properties"] = properties
        return result

    # --- the two schemas ---------------------------------------------------------------------
    def _schema(self, model: type, comment: str, title: str, th: str, en: str) -> dict[str, Any]:
        """The head every schema starts with (draft, comment, title, description), then ``model``'s."""
        schema: dict[str, Any] = {"$schema": DRAFT, "$comment": comment, "title": title}
        schema.update(_describe({}, th, en, title=title))
        schema.update(self.model(model, root=True))
        return schema

    def project(self) -> dict[str, Any]:
        schema = self._schema(
            Project, "Generated by `dossier schema` from dossier/model/project.py and the award rules: do not edit.",
            f"ไฟล์โครงการส่งประกวด{self.rules.award.get('th', '')} ปี {self.rules.edition} (dossier project file)",
            f"หนึ่งไฟล์ต่อหนึ่งผลงาน {self.rules.branch.get('th', '')}: หัวข้อเป็นภาษาอังกฤษ เนื้อหาเป็นภาษาไทย",
            f"One file per project, {self.rules.branch.get('en', '')} {self.rules.edition}")
        common = self.requirements(None)
        schema["required"] = [*schema.get("required", []), *common.get("required", [])]
        conditions: list[dict[str, Any]] = []
        if common.get("properties"):  # e.g. at least one partner, every required section key
            conditions.append({"properties": common["properties"]})
        for award_type in self.rules.types:
            then = self.requirements(award_type)
            if then:
                conditions.append({"if": {"properties": {"award_type": {"enum": list(award_type.names())}},
                                          "required": ["award_type"]}, "then": then})
        if conditions:
            schema["allOf"] = conditions
        return schema

    def province_file(self) -> dict[str, Any]:
        return self._schema(
            Province, "Generated by `dossier schema province` from dossier/model/project.py: do not edit.",
            "การตั้งค่าของจังหวัด dossier.yaml (province settings)",
            "ใช้ร่วมกันทุกโครงการ: ปีรางวัล วันตัดยอด กำหนดส่ง หน่วยงานและผู้ตรวจ",
            "Shared by every project: edition, cut-off, deadline, agencies and reviewers")


def dumps(schema: dict[str, Any]) -> str:
    """The committed form: UTF-8 Thai, stable indentation, one final newline."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
