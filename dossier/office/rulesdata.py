"""The office formats' part of the rules file: ``import_headings:`` (Word headings → parts) and
``form:`` (the online form's fields, order and limits per award type), read from the raw YAML
of the workspace's rules file (the Rules object keeps only what validation needs)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dossier.errors import Diagnostic, DossierError
from dossier.load import Mapping, load_source, locate, to_plain
from dossier.paths import PACKAGE_DIR, rules_file
from dossier.workspace import Workspace, display

LIMITS = ("max_chars", "max_chars_no_spaces", "max_words")
PARTS = ("summary", "indicators", "partners", "budget", "photos", "contact")  # parts outside `sections`


@dataclass(frozen=True)
class FormField:
    field: str                 # summary | sections.<key>
    th: str
    en: str
    limits: dict[str, int]     # only the limits that are set


@dataclass(frozen=True)
class OfficeRules:
    file: str
    headings: dict[str, list[str]]          # part (summary, indicators or a section key) → headings
    form: dict[str, list[FormField]]        # award type slug or "default" → fields in order


def _raw(ws: Workspace) -> tuple[str, Mapping | None]:
    """The rules file's tree; office keys it lacks come from the edition it extends (or the
    built-in file of its edition), as the rest of a rules file does."""
    path = rules_file(ws.rules.edition, ws.root / "rules")
    if path is None:
        return "", None
    name = display(path) if path.parent != PACKAGE_DIR / "rules" else f"<built-in>/rules/{path.name}"
    root = load_source(path, name, ws.limits).root
    seen = {path}
    current = root
    while root is not None and current is not None and not all(k in root.entries for k in ("import_headings", "form")):
        extends = to_plain(current.get("extends")) if "extends" in current.entries else None
        base = (rules_file(int(str(extends)), ws.root / "rules") if str(extends or "").isdigit()
                else PACKAGE_DIR / "rules" / f"{ws.rules.edition}.yaml")
        if base is None or base in seen or not base.is_file():
            break
        seen.add(base)
        current = load_source(base, str(base), ws.limits).root
        for key in ("import_headings", "form"):
            if current is not None and key not in root.entries and key in current.entries:
                root.entries[key] = current.entries[key]
    return name, root


def _bad(file: str, root: Mapping | None, path: str, problem: str) -> DossierError:
    return DossierError([Diagnostic(file, locate(root, path), "office-rules-invalid", args={"problem": problem})])


def _label(ws: Workspace, field: str) -> tuple[str, str]:
    if field == "summary":
        return "บทสรุปผลงาน", "Summary"
    section = ws.rules.section(field.removeprefix("sections."))
    return (section.th, section.en) if section else (field, field)


def office_rules(ws: Workspace) -> OfficeRules:
    """The office keys of the workspace's rules file; a wrong value is an error at its place."""
    file, root = _raw(ws)
    plain: Any = to_plain(root) if root is not None else {}
    parts = {*PARTS, *(s.key for s in ws.rules.sections)}
    headings: dict[str, list[str]] = {}
    raw_headings = plain.get("import_headings") or {}
    if not isinstance(raw_headings, dict):
        raise _bad(file, root, "import_headings", "import_headings must map a part to a list of headings")
    for part, names in raw_headings.items():
        if part not in parts:
            raise _bad(file, root, f"import_headings.{part}", f"unknown part {part!r} (known: {', '.join(sorted(parts))})")
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            raise _bad(file, root, f"import_headings.{part}", f"the headings of {part} must be a list of texts")
        headings[part] = list(names)
    for section in ws.rules.sections:  # the rules' own names always match
        headings.setdefault(section.key, []).insert(0, section.th)
    form: dict[str, list[FormField]] = {}
    raw_form = plain.get("form") or {"default": [{"field": "summary"}] + [
        {"field": f"sections.{k}"} for k in ("background", "concept", "objectives", "model", "collaboration")]}
    if not isinstance(raw_form, dict):
        raise _bad(file, root, "form", "form must map an award type (or default) to a list of fields")
    slugs = {t.slug for t in ws.rules.types} | {"default"}
    fields_ok = {"summary", *(f"sections.{s.key}" for s in ws.rules.sections)}
    for slug, items in raw_form.items():
        where = f"form.{slug}"
        if slug not in slugs:
            raise _bad(file, root, where, f"unknown award type {slug!r} (known: {', '.join(sorted(slugs))})")
        if not isinstance(items, list):
            raise _bad(file, root, where, "a list of fields is expected")
        fields: list[FormField] = []
        for index, item in enumerate(items, start=1):
            at = f"{where}[{index}]"
            if not isinstance(item, dict) or item.get("field") not in fields_ok:
                raise _bad(file, root, at, f"each field needs `field:` one of {', '.join(sorted(fields_ok))}")
            unknown = set(item) - {"field", *LIMITS}
            if unknown:
                raise _bad(file, root, at, f"unknown key(s) {', '.join(sorted(unknown))} (known: field, {', '.join(LIMITS)})")
            limits: dict[str, int] = {}
            for key in LIMITS:
                value = item.get(key)
                if value is None:
                    continue
                if not str(value).isdigit() or int(value) <= 0:
                    raise _bad(file, root, f"{at}.{key}", f"{key} must be a positive whole number or null")
                limits[key] = int(value)
            th, en = _label(ws, item["field"])
            fields.append(FormField(item["field"], th, en, limits))
        form[slug] = fields
    return OfficeRules(file, headings, form)


def form_fields(rules: OfficeRules, slug: str | None) -> list[FormField]:
    return rules.form.get(slug or "default") or rules.form.get("default", [])

