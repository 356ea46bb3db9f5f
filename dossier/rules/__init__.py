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

from dossier import thai
from dossier.errors import NOWHERE, Diagnostic, DossierError, Pos, Severity
from dossier.load import Mapping, Node, Scalar, Sequence, load_source, to_plain
from dossier.load.yamltree import Entry
from dossier.model.convert import suggest
from dossier.paths import rules_file
from dossier.rules.params import CHECK_PARAMS, Requirement, read_params, requirement

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
    pos: Pos = NOWHERE

    def applies_to(self, slug: str) -> bool:
        return self.types is None or slug in self.types

    @property
    def requires(self) -> Requirement:
        """The fields, sections and list lengths this rule requires (from its declared parameters)."""
        return requirement(self.check, self.params)


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

    def requires(self, slug: str, severity: Severity | None = None) -> Requirement:
        """What an award type requires, from all its rules (or only those of ``severity``)."""
        found = Requirement()
        for rule in self.for_type(slug):
            if severity is None or rule.severity is severity:
                found = found.merged(rule.requires)
        return found


def available_editions(override_dir: Path | None = None) -> list[int]:
    dirs = [BUILTIN_DIR] + ([override_dir] if override_dir else [])
    return sorted({int(p.stem) for d in dirs if d.is_dir() for p in d.glob("*.yaml") if p.stem.isdigit()})


def rules_path(edition: int, override_dir: Path | None = None) -> Path | None:
    """The rules file for an edition: the repository's ``rules/`` first, then the built-in one."""
    return rules_file(edition, override_dir)


class _Reader:
    """Reads one rules file's parts, collecting located problems instead of stopping at the first."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Diagnostic] = []

    def bad(self, pos: Pos, problem: str) -> None:
        self.problems.append(Diagnostic(self.file, pos, "rules-invalid", args={"problem": problem}))

    def rule(self, node: Node, slugs: set[str], base: Rule | None, sources: dict[str, str]) -> Rule | None:
        """A rule, or in a file that ``extends:`` another, the changes to the rule of the same id."""
        if not isinstance(node, Mapping):
            self.bad(node.pos, "a rule must be a mapping")
            return None
        data = to_plain(node)
        inherited = {"check": base.check, "severity": base.severity.value, "confidence": base.confidence,
                     "types": "all" if base.types is None else list(base.types)} if base else {}
        data = {**inherited, **data}
        missing = [k for k in ("id", "check", "severity", "confidence") if not data.get(k)]
        if missing:
            self.bad(node.pos, f"missing {', '.join(missing)}")
            return None
        if data["check"] not in CHECK_PARAMS:
            self.bad(_key_pos(node, "check"), f"rule {data['id']}: unknown check {data['check']!r} "
                                              f"(known: {', '.join(CHECK_PARAMS)})")
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
        params_node = node.get("params")
        raw = data.get("params") or {}
        if not isinstance(raw, dict):
            self.bad(_key_pos(node, "params"), f"rule {data['id']}: params must be a mapping")
            return None
        params, problems = read_params(data["check"], raw, base.params if base else None, self.file,
                                       lambda key: _key_pos(params_node, key) if key else node.pos, data["id"])
        self.problems.extend(problems)
        source = _expand_source(self.source_text(data["source"]), sources) if data.get("source") else (
            base.source if base else "")
        return Rule(data["id"], data["check"], type_list, severity, data["confidence"], source, params, node.pos)

    def source_text(self, source: Any) -> str:
        if isinstance(source, dict):
            return " — ".join(str(v) for v in (source.get("doc"), source.get("clause")) if v)
        return str(source or "")


def _key_pos(node: Node | None, key: str) -> Pos:
    """Where ``key`` is written in a mapping (the mapping's own place when it is not there)."""
    if isinstance(node, Mapping) and key in node.entries:
        return node.entries[key].key_pos
    return node.pos if node is not None else NOWHERE


def load_rules(edition: int, override_dir: Path | None = None, where: Pos | None = None) -> Rules:
    """Load and check the rules of one edition; raises :class:`DossierError` if unusable.
    ``where`` is the place of ``edition:`` in ``dossier.yaml``, for the problem of a missing file."""
    path = rules_path(edition, override_dir)
    if path is None:
        raise DossierError([Diagnostic("dossier.yaml", where or NOWHERE, "rules-missing", args={
            "edition": str(edition), "available": [str(e) for e in available_editions(override_dir)]})])
    return _load(path, edition, override_dir, ())


def _file_name(path: Path) -> str:
    return f"rules/{path.name}" if path.parent != BUILTIN_DIR else f"<built-in>/rules/{path.name}"


def _year_at(reader: _Reader, node: Node | None, what: str) -> int | None:
    """A year written in the rules file (``edition:``, ``extends:``), or None with a located problem."""
    try:
        return thai.parse_year(to_plain(node))
    except thai.ValueProblem:
        reader.bad(node.pos if node is not None else NOWHERE, f"`{what}:` must be a four-digit B.E. year")
        return None


def _load(path: Path, edition: int, override_dir: Path | None, chain: tuple[int, ...]) -> Rules:
    name = _file_name(path)
    own = path.parent != BUILTIN_DIR  # the repository's rules/: read only inside the repository
    source = load_source(path, name, root=override_dir.parent if own and override_dir is not None else None)
    if not isinstance(source.root, Mapping) or any(d.severity is Severity.ERROR for d in source.diagnostics):
        raise DossierError(source.diagnostics or [Diagnostic(name, NOWHERE, "rules-invalid", args={"problem": "empty"})])
    root = source.root
    reader = _Reader(name)
    if "edition" in root.entries:
        declared = _year_at(reader, root.get("edition"), "edition")
        if declared is not None and declared != edition:
            reader.problems.append(Diagnostic(name, _key_pos(root, "edition"), "rules-edition-mismatch", args={
                "declared": str(declared), "edition": str(edition), "file": path.name}))
    base = _base(reader, root, edition, override_dir, chain)
    plain = to_plain(root)
    sections = tuple(Section(**{k: str(v) for k, v in s.items()}) for s in plain.get("sections") or []) or (
        base.sections if base else ())
    types = tuple(
        AwardType(t["slug"], t["th"], t["en"], tuple(t.get("aliases") or ()), t.get("definition_th", ""),
                  t.get("definition_en", ""))
        for t in plain.get("types") or []
    ) or (base.types if base else ())
    if len(types) == 0 or len(sections) == 0:
        reader.bad(root.pos, "the file needs `sections:` and `types:` (or `extends:` an edition that has them)")
    sources = {**(base.sources if base else {}), **{str(k): str(v) for k, v in (plain.get("sources") or {}).items()}}
    rules = _rules(reader, root, {t.slug for t in types}, base, sources)
    if reader.problems:
        raise DossierError(reader.problems)

    def merged(key: str) -> dict[str, str]:
        return {**(getattr(base, key) if base else {}), **(plain.get(key) or {})}

    return Rules(edition, name, merged("award"), merged("branch"), merged("organiser"), sources, sections, types,
                 rules)


def _base(reader: _Reader, root: Mapping, edition: int, override_dir: Path | None,
          chain: tuple[int, ...]) -> Rules | None:
    """The edition this file ``extends:``, loaded (with its own problems located in its own file)."""
    if "extends" not in root.entries:
        return None
    base_edition = _year_at(reader, root.get("extends"), "extends")
    if base_edition is None:
        return None
    base_path = rules_path(base_edition, override_dir)
    if base_edition >= edition or base_edition in chain or base_path is None:
        reader.problems.append(Diagnostic(reader.file, _key_pos(root, "extends"), "rules-bad-extends", args={
            "base": str(base_edition), "edition": str(edition),
            "available": [str(e) for e in available_editions(override_dir) if e < edition] or ["-"]}))
        return None
    return _load(base_path, base_edition, override_dir, (*chain, edition))


def _rules(reader: _Reader, root: Mapping, slugs: set[str], base: Rules | None,
           sources: dict[str, str]) -> tuple[Rule, ...]:
    """The base edition's rules, each replaced by this file's rule of the same id (which gives only
    what changes), then this file's new rules; ``remove: [id, …]`` drops inherited ones."""
    found: dict[str, Rule] = {r.id: r for r in base.rules} if base else {}
    removed = to_plain(root.get("remove")) or []
    for rule_id in removed if isinstance(removed, list) else [removed]:
        if found.pop(str(rule_id), None) is None:
            reader.bad(_key_pos(root, "remove"), f"`remove:` names {rule_id!r}, which the base edition does not have")
    rules_node = root.get("rules")
    for node in rules_node.items if isinstance(rules_node, Sequence) else []:
        rule_id = to_plain(node.get("id")) if isinstance(node, Mapping) else None
        rule = reader.rule(node, slugs, found.get(str(rule_id)) if rule_id else None, sources)
        if rule is not None:
            found[rule.id] = rule
    return tuple(found.values())


def _expand_source(text: str, sources: dict[str, str]) -> str:
    doc, _, clause = text.partition(" — ")
    return f"{sources.get(doc, doc)}: {clause}" if clause else sources.get(doc, doc)


def with_overrides(rules: Rules, overrides: Node | None, file: str) -> Rules:
    """Apply ``dossier.yaml``'s ``rules:`` overrides (parameters and severity per rule id), each
    checked against the rule's declared parameters and located at its key."""
    if overrides is None or (isinstance(overrides, Scalar) and overrides.is_null):
        return rules
    if not isinstance(overrides, Mapping):
        rules.diagnostics.append(Diagnostic(file, overrides.pos, "rule-override-shape", args={"rule": "rules"}))
        return rules
    updated = list(rules.rules)
    for rule_id, entry in overrides.entries.items():
        index = next((i for i, r in enumerate(updated) if r.id == rule_id), None)
        if index is None:
            rules.diagnostics.append(Diagnostic(file, entry.key_pos, "rule-unknown-override", args={
                "value": rule_id, "suggestion": suggest(rule_id, [r.id for r in updated]),
                "allowed": [r.id for r in updated]}))
            continue
        node = entry.value
        if isinstance(node, Scalar) and node.is_null:
            continue
        if not isinstance(node, Mapping):
            rules.diagnostics.append(Diagnostic(file, node.pos, "rule-override-shape", args={"rule": rule_id}))
            continue
        change = to_plain(node)
        rule = updated[index]
        severity = change.pop("severity", None)
        if severity not in (None, "error", "warning"):
            rules.diagnostics.append(Diagnostic(file, _key_pos(node, "severity"), "bad-choice", args={
                "value": severity, "field": f"rules.{rule_id}.severity", "allowed": ["error", "warning"]}))
            severity = None
        def where(key: str | None, n: Mapping = node, e: Entry = entry) -> Pos:
            return _key_pos(n, key) if key else e.key_pos

        params, problems = read_params(rule.check, change, rule.params, file, where, rule_id)
        rules.diagnostics.extend(problems)
        updated[index] = replace(rule, params=params if not problems else rule.params,
                                 severity=Severity(severity) if severity else rule.severity)
    rules.rules = tuple(updated)
    return rules
