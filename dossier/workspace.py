"""A dossier repository: the folder with ``dossier.yaml``, its projects, rules and templates.

Opening a workspace reads the province file and the award rules of its edition once; every
command then works from this one object (no global state).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from dossier.errors import Diagnostic, DossierError, Pos, Severity
from dossier.limits import DEFAULT_LIMITS, Limits
from dossier.load import Mapping, load_source
from dossier.model import Province, read_model
from dossier.paths import (PACKAGE_DIR, PROVINCE_FILE, boundary_problems, builtin_templates_dir, display, find_root,
                           project_files, template_dirs)
from dossier.rules import Rules, load_rules, with_overrides

__all__ = ["PACKAGE_DIR", "PROVINCE_FILE", "Workspace", "builtin_templates_dir", "display", "find_root",
           "open_workspace"]

@dataclass
class Workspace:
    root: Path
    province: Province
    rules: Rules
    limits: Limits = DEFAULT_LIMITS
    diagnostics: list[Diagnostic] = field(default_factory=list)  # problems of dossier.yaml and rules

    @property
    def projects_dir(self) -> Path:
        return self.root / "projects"

    @property
    def numerals(self) -> str:
        return self.province.numerals or "thai"

    def template_dirs(self) -> list[Path]:
        """Override order: the repository's ``templates/`` first, then the built-in ones."""
        return template_dirs(self.root)

    def agency(self, agency_id: str):  # -> Agency | None
        return next((a for a in self.province.agencies or [] if a.id == agency_id), None)

    def project_files(self, paths: list[Path] | None = None) -> list[tuple[Path, str]]:
        """Project files named on the command line (files or folders), else all of ``projects/``."""
        return project_files(self.projects_dir, paths, self.root)


def open_workspace(start: Path | None = None, limits: Limits = DEFAULT_LIMITS) -> Workspace:
    """Read ``dossier.yaml`` and the rules of its edition. Raises :class:`DossierError` when the
    province file cannot be used at all (no edition, no cut-off, broken YAML)."""
    root = find_root(start or Path.cwd())
    path = root / PROVINCE_FILE
    name = display(path)
    read = read_model(load_source(path, name, limits, root), Province, limits=limits)
    province = read.value
    diagnostics = list(read.diagnostics)
    if province is None or province.edition is None or province.cutoff is None:
        if not any(d.severity is Severity.ERROR for d in diagnostics):
            diagnostics.append(Diagnostic(name, Pos(), "missing-key", args={
                "field": "edition/cutoff", "label_th": "ปีรางวัลและวันตัดยอด", "label_en": "edition and cut-off"}))
        raise DossierError(diagnostics)
    seen: dict[str, int] = {}
    root_node = read.source.root
    for index, agency in enumerate(province.agencies or [], start=1):
        if agency.id in seen:
            from dossier.load import locate

            diagnostics.append(Diagnostic(name, locate(root_node, f"agencies[{index}].id"), "yaml-duplicate-key",
                                          args={"key": agency.id, "first_line": seen[agency.id]}))
        seen.setdefault(agency.id, index)
    rules = load_rules(province.edition, root / "rules")
    overrides_node = root_node.get("rules") if isinstance(root_node, Mapping) else None
    positions = {k: e.key_pos for k, e in overrides_node.entries.items()} if isinstance(overrides_node, Mapping) else {}
    rules = with_overrides(rules, province.rules or {}, name, positions)
    diagnostics.extend(rules.diagnostics)
    diagnostics.extend(boundary_problems(root))
    return Workspace(root, province, rules, limits, diagnostics)
