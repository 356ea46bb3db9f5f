"""Award rules as data: one YAML file per edition (``rules/2564.yaml``).

The code knows the *kinds* of check (``dossier.validate.checks``); which checks apply to which
award type, with what limits, severity, confidence and source, is all in the file. A dossier
repository may replace the file (``rules/<edition>.yaml`` at its root) or override single rules
in ``dossier.yaml`` (``rules: {rule-id: {max: 4000, severity: error}}``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from dossier.errors import Diagnostic, DossierError, Pos, Severity
from dossier.load import Mapping, Node, Sequence, load_source, to_plain

BUILTIN_DIR = Path(__file__).parent
CONFIDENCES = ("official", "province", "observed", "assumed")


def _normal(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).split()).lower()


@dataclass(frozen=True)
class Section:
    key: str
    th: str
    en: str
    prompt_th: str = ""
    prompt_en: str = ""


@dataclass(frozen=True)
class AwardType:
    slug: str
    th: str
    en: str
    aliases: tuple[str, ...] = ()
    definition_th: str = ""
    definition_en: str = ""

    def names(self) -> tuple[str, ...]:
        return (self.slug, self.th, *self.aliases)


@dataclass(frozen=True)
class Rule:
    id: str
    check: str
    types: tuple[str, ...] | None  # None: every type
    severity: Severity
    confidence: str
    source: str
    params: dict[str, Any]
    pos: Pos = Pos()

    def applies_to(self, slug: str) -> bool:
        return self.types is None or slug in self.types


@dataclass
class Rules:
    edition: int
    file: str
    award: dict[str, str]
    branch: dict[str, str]
    organiser: dict[str, str]
    sources: dict[str, str]
    sections: tuple[Section, ...]
    types: tuple[AwardType, ...]
    rules: tuple[Rule, ...]
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def find_type(self, text: str) -> AwardType | None:
        wanted = _normal(text)
        for award_type in self.types:
            if any(_normal(name) == wanted for name in award_type.names()):
                return award_type
        return None

    def type_names(self) -> list[str]:
        return [name for t in self.types for name in t.names()]

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def for_type(self, slug: str) -> list[Rule]:
        return [r for r in self.rules if r.applies_to(slug)]


def available_editions(override_dir: Path | None = None) -> list[int]:
    dirs = [BUILTIN_DIR] + ([override_dir] if override_dir else [])
    return sorted({int(p.stem) for d in dirs if d.is_dir() for p in d.glob("*.yaml") if p.stem.isdigit()})


def rules_path(edition: int, override_dir: Path | None = None) -> Path | None:
    """The rules file for an edition: the repository's ``rules/`` first, then the built-in one."""
    from dossier.paths import rules_file

    return rules_file(edition, override_dir)


class _Reader:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Diagnostic] = []

    def bad(self, pos: Pos, problem: str) -> None:
        self.problems.append(Diagnostic(self.file, pos, "rules-invalid", args={"problem": problem}))

    def rule(self, node: Node, slugs: set[str]) -> Rule | None:
        if not isinstance(node, Mapping):
            self.bad(node.pos, "a rule must be a mapping")
            return None
        data = to_plain(node)
        missing = [k for k in ("id", "check", "severity", "confidence") if not data.get(k)]
        if missing:
            self.bad(node.pos, f"missing {', '.join(missing)}")
            return None
        types = data.get("types", "all")
        type_list = None if types == "all" else tuple(types if isinstance(types, list) else [types])
        for slug in type_list or ():
            if slug not in slugs:
                self.bad(node.pos, f"unknown award type {slug!r} in rule {data['id']}")
        if data["severity"] not in ("error", "warning") or data["confidence"] not in CONFIDENCES:
            self.bad(node.pos, f"rule {data['id']}: severity error|warning, confidence {'|'.join(CONFIDENCES)}")
            return None
        severity = Severity(data["severity"])
        if data["confidence"] == "assumed":
            severity = Severity.WARNING  # our own reading never blocks a submission unless promoted
        source = data.get("source") or {}
        return Rule(data["id"], data["check"], type_list, severity, data["confidence"],
                    self.source_text(source), data.get("params") or {}, node.pos)

    def source_text(self, source: Any) -> str:
        if isinstance(source, dict):
            return " — ".join(str(v) for v in (source.get("doc"), source.get("clause")) if v)
        return str(source or "")


def load_rules(edition: int, override_dir: Path | None = None) -> Rules:
    """Load and check the rules of one edition; raises :class:`DossierError` if unusable."""
    path = rules_path(edition, override_dir)
    if path is None:
        raise DossierError([Diagnostic("dossier.yaml", Pos(), "rules-missing", args={
            "edition": edition, "available": available_editions(override_dir)})])
    name = f"rules/{path.name}" if path.parent != BUILTIN_DIR else f"<built-in>/rules/{path.name}"
    own = path.parent != BUILTIN_DIR  # the repository's rules/: read only inside the repository
    source = load_source(path, name, root=override_dir.parent if own and override_dir is not None else None)
    if source.root is None or any(d.severity is Severity.ERROR for d in source.diagnostics):
        raise DossierError(source.diagnostics or [Diagnostic(name, Pos(), "rules-invalid", args={"problem": "empty"})])
    root = source.root
    reader = _Reader(name)
    plain = to_plain(root)
    sections = tuple(Section(**{k: str(v) for k, v in s.items()}) for s in plain.get("sections") or [])
    types = tuple(
        AwardType(t["slug"], t["th"], t["en"], tuple(t.get("aliases") or ()), t.get("definition_th", ""),
                  t.get("definition_en", ""))
        for t in plain.get("types") or []
    )
    slugs = {t.slug for t in types}
    rules_node = root.get("rules")
    rules = [reader.rule(n, slugs) for n in rules_node.items] if isinstance(rules_node, Sequence) else []
    if len(types) == 0 or len(sections) == 0:
        reader.bad(root.pos, "the file needs `sections:` and `types:`")
    if reader.problems:
        raise DossierError(reader.problems)
    sources = {str(k): str(v) for k, v in (plain.get("sources") or {}).items()}
    resolved = tuple(replace(r, source=_expand_source(r.source, sources)) for r in rules if r is not None)
    return Rules(int(plain.get("edition") or edition), name, plain.get("award") or {}, plain.get("branch") or {},
                 plain.get("organiser") or {}, sources, sections, types, resolved)


def _expand_source(text: str, sources: dict[str, str]) -> str:
    doc, _, clause = text.partition(" — ")
    return f"{sources.get(doc, doc)}: {clause}" if clause else sources.get(doc, doc)


def with_overrides(rules: Rules, overrides: dict[str, Any], file: str, positions: dict[str, Pos]) -> Rules:
    """Apply ``dossier.yaml``'s ``rules:`` overrides: params and severity per rule id."""
    from dossier.model.convert import suggest

    updated = list(rules.rules)
    for rule_id, change in (overrides or {}).items():
        index = next((i for i, r in enumerate(updated) if r.id == rule_id), None)
        pos = positions.get(rule_id, Pos())
        if index is None:
            rules.diagnostics.append(Diagnostic(file, pos, "rule-unknown-override", args={
                "value": rule_id, "suggestion": suggest(rule_id, [r.id for r in updated]),
                "allowed": [r.id for r in updated]}))
            continue
        change = dict(change or {})
        rule = updated[index]
        severity = change.pop("severity", None)
        if severity not in (None, "error", "warning"):
            rules.diagnostics.append(Diagnostic(file, pos, "bad-choice", args={
                "value": severity, "field": f"rules.{rule_id}.severity", "allowed": ["error", "warning"]}))
            severity = None
        updated[index] = replace(rule, params={**rule.params, **change},
                                 severity=Severity(severity) if severity else rule.severity)
    rules.rules = tuple(updated)
    return rules
