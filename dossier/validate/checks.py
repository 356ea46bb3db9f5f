"""The vocabulary of rule checks. A rule in the rules file names one of these by ``check:``
and gives its ``params``; the check yields diagnostics located in the project file."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from dossier import thai
from dossier.errors import Diagnostic, Severity
from dossier.load import Mapping, Scalar, Sequence, locate
from dossier.model import Project, Province
from dossier.rules import AwardType, Rule, Rules


@dataclass
class Context:
    file: str
    root: Mapping | None
    project: Project
    award_type: AwardType
    province: Province
    rules: Rules
    draft: bool = False  # "to write" parts are warnings in a draft, errors in a submission

    def written(self, path: str) -> str:
        """What the file has at ``path``: ``absent``, ``empty`` (the key with no value, as
        ``dossier new`` leaves it) or ``value`` (possibly a wrong one, already reported)."""
        node: Any = self.root
        for part in path.replace("]", "").replace("[", ".").split("."):
            if isinstance(node, Mapping) and part in node.entries:
                node = node.entries[part].value
            elif isinstance(node, Sequence) and part.isdigit() and 0 < int(part) <= len(node.items):
                node = node.items[int(part) - 1]
            else:
                return "absent"
        if isinstance(node, Scalar) and (node.is_null or not node.text.strip()):
            return "empty"
        return "value"

    def to_write(self, rule: Rule, path: str, code: str, **args: Any) -> Diagnostic:
        """A required part whose key is written but still empty: named by its own code, still
        citing the rule's source; an error unless validating a draft."""
        diagnostic = self.problem(rule, path, code, **args)
        return dataclasses.replace(diagnostic, rule=None,
                                   severity=Severity.WARNING if self.draft else Severity.ERROR)

    def problem(self, rule: Rule, path: str, code: str, **args: Any) -> Diagnostic:
        args.setdefault("type_th", self.award_type.th)
        args.setdefault("type_en", f"{self.award_type.en} ({self.award_type.slug})")
        return Diagnostic(self.file, locate(self.root, path), code, rule.severity, args, rule.id, rule.source)


Check = Callable[[Context, Rule], Iterator[Diagnostic]]
CHECKS: dict[str, Check] = {}


def check(name: str) -> Callable[[Check], Check]:
    def register(fn: Check) -> Check:
        CHECKS[name] = fn
        return fn
    return register


def _label(name: str) -> tuple[str, str]:
    for f in dataclasses.fields(Project):
        if f.name == name:
            return f.metadata["th"], f.metadata["en"]
    return name, name


def _empty(value: Any) -> bool:
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, dict)):
        return not value
    return value is None


@check("required_fields")
def required_fields(ctx: Context, rule: Rule) -> Iterator[Diagnostic]:
    for name in rule.params["fields"]:
        if not _empty(getattr(ctx.project, name, None)):
            continue
        label_th, label_en = _label(name)
        state = ctx.written(name)
        if state == "absent":
            yield ctx.problem(rule, name, "missing-field", field=name, label_th=label_th, label_en=label_en)
        elif state == "empty":
            yield ctx.to_write(rule, name, "field-to-write", field=name, label_th=label_th, label_en=label_en)


@check("required_sections")
def required_sections(ctx: Context, rule: Rule) -> Iterator[Diagnostic]:
    """A required section absent from the file is missing; one whose key is there but still
    empty (as ``dossier new`` writes it) is still to write."""
    sections = ctx.project.sections or {}
    for key in rule.params["sections"]:
        if not (sections.get(key) or "").strip():
            section = ctx.rules.section(key)
            labels = {"section": key, "label_th": section.th if section else key,
                      "label_en": section.en if section else key}
            if ctx.written(f"sections.{key}") == "absent":
                yield ctx.problem(rule, f"sections.{key}", "missing-section", **labels)
            else:
                yield ctx.to_write(rule, f"sections.{key}", "section-to-write", **labels,
                                   prompt_th=section.prompt_th if section else "",
                                   prompt_en=section.prompt_en if section else "")


@check("min_running_months")
def min_running_months(ctx: Context, rule: Rule) -> Iterator[Diagnostic]:
    started, cutoff = ctx.project.started, ctx.province.cutoff
    if started is None or cutoff is None:
        return
    required = rule.params["months"]
    months = thai.months_between(started.date, cutoff.date)
    if months < 0:
        yield ctx.problem(rule, "started", "started-in-future", started=started, cutoff=cutoff)
    elif months < required:
        yield ctx.problem(
            rule, "started", "running-too-short", started=started, cutoff=cutoff,
            duration_th=thai.to_thai_digits(thai.duration_th(months)), duration_en=thai.duration_en(months),
            required_th=thai.to_thai_digits(thai.duration_th(required)), required_en=thai.duration_en(required),
        )


@check("status_is")
def status_is(ctx: Context, rule: Rule) -> Iterator[Diagnostic]:
    wanted = rule.params["status"]
    if ctx.project.status is not None and ctx.project.status != wanted:
        yield ctx.problem(rule, "status", "not-running", value=ctx.project.status)


@check("min_items")
def min_items(ctx: Context, rule: Rule) -> Iterator[Diagnostic]:
    name = rule.params["field"]
    minimum = rule.params["min"]
    count = len(getattr(ctx.project, name, None) or [])
    if count < minimum:
        label_th, label_en = _label(name)
        if ctx.written(name) == "empty":  # `partners:` with nothing under it yet
            yield ctx.to_write(rule, name, "field-to-write", field=name, label_th=label_th, label_en=label_en)
        else:
            yield ctx.problem(rule, name, "too-few-items", field=name, count=count, minimum=minimum,
                              label_th=label_th, label_en=label_en)


@check("indicator_results")
def indicator_results(ctx: Context, rule: Rule) -> Iterator[Diagnostic]:
    for index, indicator in enumerate(ctx.project.indicators or [], start=1):
        if indicator.result is None and ctx.written(f"indicators[{index}].result") != "value":
            yield ctx.problem(rule, f"indicators[{index}]", "indicator-no-result", name=indicator.name)


@check("min_distinct_sectors")
def min_distinct_sectors(ctx: Context, rule: Rule) -> Iterator[Diagnostic]:
    minimum = rule.params["min"]
    sectors = sorted({p.sector for p in ctx.project.partners or [] if p.sector})
    if len(sectors) < minimum:
        yield ctx.problem(rule, "partners", "too-few-sectors", count=len(sectors), sectors=sectors or ["-"],
                          minimum=minimum)


@check("participation_levels")
def participation_levels(ctx: Context, rule: Rule) -> Iterator[Diagnostic]:
    level = ctx.project.participation_level
    allowed = rule.params["levels"]
    if level is not None and level not in allowed:
        yield ctx.problem(rule, "participation_level", "participation-level-mismatch", value=level, allowed=allowed)


@check("max_chars")
def max_chars(ctx: Context, rule: Rule) -> Iterator[Diagnostic]:
    target, limit = rule.params["field"], rule.params["max"]
    if target.startswith("sections."):
        wanted = target.split(".", 1)[1]
        texts: dict[str, str] = {f"sections.{k}": v for k, v in (ctx.project.sections or {}).items() if wanted in ("*", k)}
    else:
        texts = {target: getattr(ctx.project, target, None) or ""}
    for path, text in texts.items():
        length = len("".join(str(text).split()))
        if length > limit:
            key = path.split(".")[-1]
            section = ctx.rules.section(key)
            label_th, label_en = (section.th, section.en) if section else _label(key)
            yield ctx.problem(rule, path, "text-over-limit", field=path, length=length, limit=limit,
                              label_th=label_th, label_en=label_en)


@dataclass(frozen=True)
class PageCounts:
    """Pages a rendered dossier gives each part: the summary, each section (by key) and the body
    (cover and table of contents not counted), measured by ``dossier build``."""

    summary: int
    sections: dict[str, int]
    document: int


PageCheck = Callable[[Context, Rule, PageCounts], Iterator[Diagnostic]]


def max_pages(ctx: Context, rule: Rule, pages: PageCounts) -> Iterator[Diagnostic]:
    """``params: {scope: summary | section | document, max: N}``; a section is located at its key."""
    scope, limit = rule.params["scope"], rule.params["max"]
    if scope == "summary" and pages.summary > limit:
        label_th, label_en = _label("summary")
        yield ctx.problem(rule, "summary", "pages-over-limit", field="summary", pages=pages.summary, limit=limit,
                          label_th=label_th, label_en=label_en)
    elif scope == "section":
        for key, count in pages.sections.items():
            section = ctx.rules.section(key)
            if count > limit and section is not None:
                yield ctx.problem(rule, f"sections.{key}", "pages-over-limit", field=f"sections.{key}", pages=count,
                                  limit=limit, label_th=section.th, label_en=section.en)
    elif scope == "document" and pages.document > limit:
        yield ctx.problem(rule, "title", "document-over-pages", pages=pages.document, limit=limit)


# Checks made on the rendered PDF (page counts): the rules file names them like the others; at
# validation time, before rendering, they have nothing to check, and ``dossier build`` runs them.
PAGE_CHECKS: dict[str, PageCheck] = {"max_pages": max_pages}
RENDER_CHECKS = set(PAGE_CHECKS)


def page_checks(ctx: Context, pages: PageCounts) -> list[Diagnostic]:
    """Every page-limit rule of the project's award type, on the pages it rendered to."""
    found: list[Diagnostic] = []
    for rule in ctx.rules.for_type(ctx.award_type.slug):
        check_pages = PAGE_CHECKS.get(rule.check)
        if check_pages is not None:
            found.extend(check_pages(ctx, rule, pages))
    return found
