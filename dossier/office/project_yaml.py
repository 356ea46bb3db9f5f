"""Imported project data written as a project file: the keys in the usual order, Markdown as
literal blocks (``|``), Thai as is."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import yaml

ORDER = ["title", "award_type", "agency", "contact", "started", "ended", "status", "area", "participation_level",
         "partners", "indicators", "beneficiaries", "budget", "summary", "sections", "photos"]


class _Dumper(yaml.SafeDumper):
    pass


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        value = "\n".join(line.rstrip() for line in value.splitlines()) + "\n"
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    text = format(value.normalize(), "f") if value == value.to_integral_value() else str(value)
    return dumper.represent_scalar("tag:yaml.org,2002:int" if "." not in text else "tag:yaml.org,2002:float", text)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(Decimal, _decimal)


def dump(data: dict[str, Any], source_name: str) -> str:
    data = dict(data)
    if data.get("summary"):
        data["summary"] = data["summary"].rstrip("\n") + "\n"          # Markdown as a literal block
    if data.get("sections"):
        data["sections"] = {k: v.rstrip("\n") + "\n" for k, v in data["sections"].items()}
    ordered = {k: data[k] for k in ORDER if k in data}
    ordered.update({k: v for k, v in data.items() if k not in ordered})
    body = yaml.dump(ordered, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100000, indent=2)
    return ("# yaml-language-server: $schema=../schema/project.schema.json\n"
            f"# นำเข้าจาก {source_name} ด้วย dossier import: ตรวจทานทุกส่วนก่อนส่ง (imported from Word: review every part)\n"
            + body)
