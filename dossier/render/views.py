"""What the templates see of a project: the model arranged for print, with nothing to compute.

Pure data (no Jinja, no WeasyPrint): the sections in the rules' order with the tables that belong
to them, partners grouped by sector, the timeline, photos resolved inside the repository, the
validation problems of a draft. Every label a reader sees is Thai text in the templates; this
module only arranges values.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from markupsafe import Markup

from dossier import thai
from dossier.boundary import usable
from dossier.errors import Diagnostic, Severity
from dossier.model import Agency, Indicator, Partner, Project
from dossier.rules import AwardType
from dossier.workspace import Workspace

SECTORS = ("government", "community", "civil-society", "private", "academic")
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}
EMBLEM_NAMES = ("emblem.svg", "emblem.png", "emblem.jpg", "emblem.jpeg")
# Where each table goes: after the narrative of this section, else as a section of its own.
BLOCK_HOME = {"indicators": "results", "partners": "collaboration"}


def ident(*parts: str) -> Markup:
    """An HTML id made of ``parts`` joined by ``--``, safe in HTML and in PDF names. It is Markup,
    so that printing it never localises its digits (ids must match what the build looks for)."""
    return Markup("--".join(re.sub(r"[^A-Za-z0-9_-]", "_", part) or "_" for part in parts))


def anchor_prefix(slug: str) -> Markup:
    """The id prefix of one project's dossier, unique per project in the book."""
    return ident(slug)


@dataclass
class SectionView:
    key: str
    anchor: Markup
    number: int
    heading: str  # Thai heading from the rules, or '' for a table-only section (template names it)
    html: str
    blocks: list[str] = field(default_factory=list)  # "indicators", "partners"


@dataclass
class Event:
    """One line of the timeline: ``when`` is a ThaiDate or a B.E. year; ``kind`` picks the wording."""

    when: thai.ThaiDate | int
    kind: str  # started | ended | measured | award | cutoff
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        if isinstance(self.when, thai.ThaiDate):
            d = self.when.date
            return (d.year + thai.BE_OFFSET, d.month, d.day)
        return (self.when, 13, 0)


@dataclass
class PhotoView:
    number: int
    uri: Markup  # a file: URL, printed as is
    caption: str


@dataclass
class ProblemView:
    line: int
    column: int
    error: bool
    code: str
    message: str
    hint: str


@dataclass
class ProjectView:
    """What a template sees of one project (``p`` is the model itself)."""

    slug: str
    anchor: Markup
    project: Project
    award_type: AwardType | None
    agency: Agency | None
    agency_name: str
    summary_html: str
    sections: list[SectionView]
    budget_total: Decimal | None
    partner_groups: list[tuple[str, list[Partner]]]
    timeline: list[Event]
    photos: list[PhotoView]
    emblem_uri: Markup | None
    running_months: int | None
    key_indicator: Indicator | None
    draft: bool = False
    problems: list[ProblemView] = field(default_factory=list)
    source_name: str = ""

    @property
    def title(self) -> str:
        return self.project.title or ""


def emblem(ws: Workspace) -> Path | None:
    """The province's emblem, only if the repository supplies one (``assets/emblem.png`` …)."""
    for folder in (ws.root / "assets", ws.root):
        for name in EMBLEM_NAMES:
            if usable(folder / name, ws.root, ws.limits.max_resource_bytes):
                return folder / name
    return None


def group_partners(partners: list[Partner]) -> list[tuple[str, list[Partner]]]:
    """Partners by sector, in a fixed order of sectors; partners without a sector last."""
    groups = {s: [p for p in partners if p.sector == s] for s in SECTORS}
    groups[""] = [p for p in partners if p.sector not in SECTORS]
    return [(sector, members) for sector, members in groups.items() if members]


def timeline(project: Project, ws: Workspace) -> list[Event]:
    events: list[Event] = []
    if project.started:
        events.append(Event(project.started, "started"))
    for award in project.previous_awards or []:
        events.append(Event(award.year, "award", {"award": award}))
    years: dict[int, list[str]] = {}
    for indicator in project.indicators or []:
        if indicator.year and indicator.result is not None:
            years.setdefault(indicator.year, []).append(indicator.name)
    for year, names in years.items():
        events.append(Event(year, "measured", {"names": names}))
    if project.ended:
        events.append(Event(project.ended, "ended"))
    cutoff = ws.province.cutoff
    if project.started and cutoff and thai.months_between(project.started.date, cutoff.date) >= 0:
        events.append(Event(cutoff, "cutoff", {"months": thai.months_between(project.started.date, cutoff.date)}))
    return sorted(events, key=lambda e: e.sort_key)


def key_indicator(project: Project) -> Indicator | None:
    """The indicator the book's summary shows: the first with a result (and a baseline if any)."""
    measured = [i for i in project.indicators or [] if i.result is not None]
    with_baseline = [i for i in measured if i.baseline is not None]
    chosen = with_baseline or measured
    return chosen[0] if chosen else None


def photos(project: Project, source_path: Path | None, ws: Workspace) -> list[PhotoView]:
    """Photos resolved relative to the project file: only image files inside the repository.
    Others are left out here; validation reports them where they were written (a draft still
    renders without them)."""
    views: list[PhotoView] = []
    base = (source_path.parent if source_path else ws.projects_dir).resolve()
    repo = ws.root.resolve()
    for photo in project.photos or []:
        if not photo.file:
            continue
        try:
            path = (base / photo.file).resolve(strict=True)
        except (OSError, RuntimeError, ValueError):  # ValueError: a NUL in the name
            continue
        if path.is_relative_to(repo) and path.is_file() and path.suffix.lower() in IMAGE_SUFFIXES:
            views.append(PhotoView(len(views) + 1, Markup(path.as_uri()), photo.caption or ""))
    return views


def problem_views(diagnostics: list[Diagnostic], file: str) -> list[ProblemView]:
    own = [d for d in diagnostics if d.file == file]
    return [ProblemView(d.line, d.column, d.severity is Severity.ERROR, d.label, d.message("th"), d.hint("th"))
            for d in sorted(own, key=Diagnostic.sort_key)]


def build_project_view(slug: str, project: Project, award_type: AwardType | None, ws: Workspace,
                       markdown: Callable[[str | None], str], *, source_path: Path | None = None,
                       file: str = "", draft: bool = False,
                       diagnostics: list[Diagnostic] | None = None) -> ProjectView:
    """Arrange one project for print; a draft lists ``diagnostics`` (those of ``file``)."""
    anchor = anchor_prefix(slug)
    texts = project.sections or {}
    sections: list[SectionView] = []
    for section in ws.rules.sections:
        if (texts.get(section.key) or "").strip():
            sections.append(SectionView(section.key, ident(anchor, section.key), len(sections) + 1,
                                        section.th, markdown(texts[section.key])))
    present = {s.key: s for s in sections}
    for block, home in BLOCK_HOME.items():
        if not getattr(project, block):
            continue
        if home in present:
            present[home].blocks.append(block)
        else:  # e.g. a draft without the section yet: the table still shows
            sections.append(SectionView(block, ident(anchor, block), len(sections) + 1, "", "", [block]))
    amounts = [line.amount for line in project.budget or [] if line.amount is not None]
    agency = ws.agency(project.agency or "")
    started, cutoff = project.started, ws.province.cutoff
    months = thai.months_between(started.date, cutoff.date) if started and cutoff else None
    found = emblem(ws)
    return ProjectView(
        slug=slug, anchor=anchor, project=project, award_type=award_type, agency=agency,
        agency_name=agency.name if agency else (project.agency or ""),
        summary_html=markdown(project.summary), sections=sections,
        budget_total=sum(amounts, Decimal(0)) if amounts else None,
        partner_groups=group_partners(project.partners or []), timeline=timeline(project, ws),
        photos=photos(project, source_path, ws), emblem_uri=Markup(found.resolve().as_uri()) if found else None,
        running_months=months if months is not None and months >= 0 else None,
        key_indicator=key_indicator(project), draft=draft,
        problems=problem_views(list(diagnostics or []), file) if draft else [],
        source_name=Path(file).name if file else f"{slug}.yaml",
    )
