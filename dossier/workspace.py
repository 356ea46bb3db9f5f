"""A dossier repository: the folder with ``dossier.yaml``, its projects, rules and templates.

Opening a workspace reads the province file and the award rules of its edition once; every
command then works from this one object (no global state).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dossier.errors import Diagnostic, DossierError, Pos, Severity
from dossier.limits import DEFAULT_LIMITS, Limits
from dossier.load import Mapping, load_source, locate
from dossier.model import Province, read_model
from dossier.paths import (
    PACKAGE_DIR,
    PROVINCE_FILE,
    boundary_problems,
    builtin_templates_dir,
    display,
    find_root,
    project_files,
    template_dirs,
)
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

    def province_place(self, path: str) -> tuple[str, Pos]:
        """``dossier.yaml`` as the user sees it and the line of ``path`` in it (``agencies``,
        ``agencies[2].id``): where a problem with its settings is shown."""
        file = self.root / PROVINCE_FILE
        name = display(file)
        return name, locate(load_source(file, name, self.limits).root, path)


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
            missing = "edition" if province is None or province.edition is None else "cutoff"
            place = locate(read.source.root, missing)  # its empty key, else the top of the settings
            th, en = {"edition": ("ปีรางวัล", "edition"), "cutoff": ("วันตัดยอด", "cut-off")}[missing]
            diagnostics.append(Diagnostic(name, place, "missing-key", args={
                "field": missing, "label_th": th, "label_en": en}))
        raise DossierError(diagnostics)
    seen: dict[str, int] = {}
    root_node = read.source.root
    for index, agency in enumerate(province.agencies or [], start=1):
        if agency.id in seen:
            diagnostics.append(Diagnostic(name, locate(root_node, f"agencies[{index}].id"), "yaml-duplicate-key",
                                          args={"key": agency.id, "first_line": seen[agency.id]}))
        seen.setdefault(agency.id, index)
    edition_pos = locate(root_node, "edition") if isinstance(root_node, Mapping) else None
    rules = load_rules(province.edition, root / "rules", edition_pos)
    overrides_node = root_node.get("rules") if isinstance(root_node, Mapping) else None
    rules = with_overrides(rules, overrides_node, name)
    diagnostics.extend(rules.diagnostics)
    diagnostics.extend(boundary_problems(root))
    return Workspace(root, province, rules, limits, diagnostics)
