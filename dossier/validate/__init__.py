"""Stage 2, validate: a project file against its award type's rules.

``check_file`` runs load → model → rules for one file and returns every problem found, in
one pass. It never imports WeasyPrint (a test pins the modules ``dossier validate`` imports).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dossier.boundary import typed_inside
from dossier.errors import NOWHERE, Diagnostic, Severity
from dossier.load import Source, load_source, load_text, locate
from dossier.model import Project, read_model, suggest
from dossier.outputs import book_slug, collisions
from dossier.rules import AwardType
from dossier.validate.checks import CHECKS, RENDER_CHECKS, Context
from dossier.validate.content import markdown_checks, photo_checks
from dossier.workspace import Workspace, display

__all__ = ["Checked", "check_file", "check_text", "check_source", "check_paths"]


@dataclass
class Checked:
    """One project file after validation."""

    file: str
    path: Path | None
    source: Source
    project: Project | None = None
    award_type: AwardType | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def slug(self) -> str:
        return self.path.stem if self.path else Path(self.file).stem


def check_source(source: Source, ws: Workspace, draft: bool = False) -> Checked:
    rules = ws.rules
    read = read_model(source, Project, [s.key for s in rules.sections], ws.limits)
    checked = Checked(source.file, source.path, source, read.value, diagnostics=list(read.diagnostics))
    project = read.value
    if project is None:
        return _sorted(checked)
    root = source.root
    if project.award_type:
        checked.award_type = rules.find_type(project.award_type)
        if checked.award_type is None:
            checked.diagnostics.append(Diagnostic(
                source.file, locate(root, "award_type"), "unknown-award-type",
                args={"value": project.award_type, "suggestion": suggest(project.award_type, rules.type_names()),
                      "edition": rules.edition, "allowed": [f"{t.slug} ({t.th})" for t in rules.types]}))
    if project.agency:
        agency = ws.agency(project.agency)
        known = [a.id for a in ws.province.agencies or []]
        if agency is None:
            checked.diagnostics.append(Diagnostic(
                source.file, locate(root, "agency"), "unknown-agency",
                args={"value": project.agency, "suggestion": suggest(project.agency, known), "allowed": known}))
        elif not agency.reviewers:
            checked.diagnostics.append(Diagnostic(source.file, locate(root, "agency"), "agency-no-reviewers",
                                                  Severity.WARNING, {"agency": agency.id}))
    checked.diagnostics.extend(markdown_checks(source, project, ws.root, ws.limits))
    checked.diagnostics.extend(photo_checks(source, project, ws.root, ws.limits))
    if checked.award_type is not None:
        ctx = Context(source.file, root, project, checked.award_type, ws.province, rules, draft)
        for rule in rules.for_type(checked.award_type.slug):
            if rule.check in RENDER_CHECKS:
                continue
            run = CHECKS.get(rule.check)
            if run is None:
                checked.diagnostics.append(Diagnostic(rules.file, rule.pos, "rules-invalid",
                                                      args={"problem": f"unknown check {rule.check!r} in rule {rule.id}"}))
                continue
            checked.diagnostics.extend(run(ctx, rule))
    return _sorted(checked)


def _sorted(checked: Checked) -> Checked:
    checked.diagnostics.sort(key=Diagnostic.sort_key)
    return checked


def check_file(path: Path, ws: Workspace, name: str | None = None, draft: bool = False) -> Checked:
    """Check one project file. A file inside the repository is read only if it stays inside it
    (symlinks followed); a file the user named outside the repository is read as named."""
    root = ws.root if typed_inside(path, ws.root) else None
    return check_source(load_source(path, name or display(path), ws.limits, root), ws, draft)


def check_text(text: str, ws: Workspace, name: str = "project.yaml") -> Checked:
    return check_source(load_text(text, name, None, ws.limits), ws)


def check_paths(ws: Workspace, paths: list[Path] | None = None, draft: bool = False) -> list[Checked]:
    """Validate the named files (or all of ``projects/``), in a stable order."""
    files = ws.project_files(paths)
    checked = [check_file(path, ws, name, draft) for path, name in files]
    book = book_slug(ws.province.province, ws.province.edition)
    by_file = {c.file: c for c in checked}
    for problem in collisions(files, ws.project_files(None) if paths else files, book):
        by_file[problem.file].diagnostics.append(problem)
    return [_sorted(c) for c in checked]


def no_projects(ws: Workspace, where: Path) -> Diagnostic:
    return Diagnostic(display(where), NOWHERE, "no-projects", args={"path": display(where)})
