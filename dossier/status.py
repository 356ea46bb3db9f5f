"""Where every project stands: the office's view before the deadline.

For each project file: its agency and award type, how many of the parts its type requires are
there (from the rules file: required fields, sections and list entries), its problems, and who
changed it last (git). Sorted so the most urgent work is on top: errors first, then the least
complete. The formats (text, JSON, the HTML board) are in ``dossier.cli.status`` and
``dossier.statusboard``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier.errors import Diagnostic
from dossier.gitinfo import LastChange, last_change
from dossier.model.project import Project
from dossier.rules import AwardType, Rules
from dossier.workspace import Workspace


@dataclass(frozen=True)
class Part:
    """One part an award type requires: a field (``summary``), a section (``sections.model``)
    or a minimum of list entries (``partners``)."""

    key: str
    th: str
    en: str
    present: bool


@dataclass
class ProjectStatus:
    file: str
    slug: str
    title: str = ""
    agency_id: str = ""
    agency_name: str = ""
    award_type: AwardType | None = None
    parts: list[Part] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    last: LastChange | None = None

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity.value == "error")

    @property
    def warnings(self) -> int:
        return len(self.diagnostics) - self.errors

    @property
    def present(self) -> int:
        return sum(1 for p in self.parts if p.present)

    @property
    def total(self) -> int:
        return len(self.parts)

    @property
    def ratio(self) -> float:
        return self.present / self.total if self.total else 1.0

    @property
    def missing(self) -> list[Part]:
        return [p for p in self.parts if not p.present]

    @property
    def ready(self) -> bool:
        return self.errors == 0 and not self.missing

    def urgency(self) -> tuple[int, float, int, str]:
        """Sort key, most urgent first: errors, then incompleteness, then warnings."""
        return (-self.errors, self.ratio, -self.warnings, self.file)


@dataclass
class Board:
    province: str
    edition: int
    deadline: dt.date | None
    today: dt.date
    projects: list[ProjectStatus]

    @property
    def days_left(self) -> int | None:
        return (self.deadline - self.today).days if self.deadline else None


def _label(name: str) -> tuple[str, str]:
    for f in dataclasses.fields(Project):
        if f.name == name:
            return str(f.metadata["th"]), str(f.metadata["en"])
    return name, name


def _filled(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, dict)):
        return bool(value)
    return value is not None


def required_parts(rules: Rules, award_type: AwardType | None, project: Project | None) -> list[Part]:
    """The parts the rules require of ``award_type`` (only the every-type rules when the type
    is unknown), each marked present or not in ``project``."""
    parts: dict[str, Part] = {}
    sections = (project.sections if project else None) or {}
    for rule in rules.rules:
        if award_type is None and rule.types is not None:
            continue
        if award_type is not None and not rule.applies_to(award_type.slug):
            continue
        needs = rule.requires
        if not (needs.fields or needs.sections):
            continue
        for key in needs.sections:
            section = rules.section(key)
            th, en = (section.th, section.en) if section else (key, key)
            parts[f"sections.{key}"] = Part(f"sections.{key}", th, en, _filled(sections.get(key)))
        minimum = dict(needs.minimum)
        for name in needs.fields:
            value = getattr(project, name, None) if project else None
            present = len(value or []) >= minimum[name] if name in minimum else _filled(value)
            previous = parts.get(name)
            th, en = _label(name)
            parts[name] = Part(name, th, en, present and (previous.present if previous else True))
    return list(parts.values())


def project_status(ws: Workspace, checked: Any, with_git: bool = True) -> ProjectStatus:
    """The status of one validated project (a ``dossier.validate.Checked``)."""
    project: Project | None = checked.project
    agency_id = (project.agency or "") if project else ""
    agency = ws.agency(agency_id) if agency_id else None
    status = ProjectStatus(
        file=checked.file, slug=checked.slug, title=(project.title or "") if project else "",
        agency_id=agency_id, agency_name=agency.name if agency else "",
        award_type=checked.award_type, diagnostics=list(checked.diagnostics),
        parts=required_parts(ws.rules, checked.award_type, project),
    )
    if with_git and checked.path is not None:
        status.last = last_change(Path(checked.path))
    return status


def board(ws: Workspace, paths: list[Path] | None = None, today: dt.date | None = None, with_git: bool = True) -> Board:
    """Validate the projects (all of ``projects/`` by default) and rank them, most urgent first."""
    from dossier.validate import check_paths

    statuses = [project_status(ws, checked, with_git) for checked in check_paths(ws, paths)]
    statuses.sort(key=ProjectStatus.urgency)
    deadline = ws.province.deadline.date if ws.province.deadline else None
    return Board(ws.province.province or "", int(ws.province.edition or ws.rules.edition), deadline,
                 today or dt.date.today(), statuses)
