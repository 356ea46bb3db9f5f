"""Stage 3, render: a validated project → HTML, through Markdown and the Jinja templates.

Data is never trusted: raw HTML in Markdown is escaped, Jinja autoescapes everything, and
project text is never rendered *as* a template. No WeasyPrint here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
import markdown

from dossier import thai
from dossier.model import Agency, Project
from dossier.rules import AwardType, Section
from dossier.workspace import PACKAGE_DIR, Workspace

FONTS_DIR = PACKAGE_DIR / "fonts"
# Characters that Sarabun lacks or that make layout pathological, replaced before rendering.
_REPLACE = str.maketrans({"\u2011": "-", "\u00ad": "", "\ufeff": ""})


def clean(text: str) -> str:
    return text.translate(_REPLACE)


def markdown_html(text: str | None) -> str:
    """Markdown → HTML with raw HTML disabled (escaped, shown as text)."""
    if not text:
        return ""
    md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md.convert(clean(text))


@dataclass
class SectionView:
    key: str
    heading: str
    heading_en: str
    html: str


@dataclass
class ProjectView:
    """What a template sees of one project."""

    slug: str
    project: Project
    award_type: AwardType
    agency: Agency | None
    summary_html: str
    sections: list[SectionView]
    budget_total: Decimal | None


def build_view(slug: str, project: Project, award_type: AwardType, ws: Workspace) -> ProjectView:
    sections: list[Section] = list(ws.rules.sections)
    texts = project.sections or {}
    views = [SectionView(s.key, s.th, s.en, markdown_html(texts[s.key])) for s in sections if texts.get(s.key)]
    amounts = [line.amount for line in project.budget or [] if line.amount is not None]
    return ProjectView(slug, project, award_type, ws.agency(project.agency or ""),
                       markdown_html(project.summary), views, sum(amounts, Decimal(0)) if amounts else None)


class Renderer:
    """Jinja environment for one workspace: the repository's templates override the built-in ones."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        numerals = ws.numerals
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(d) for d in ws.template_dirs()]),
            autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        )
        self.env.filters.update({
            "num": lambda v, decimals=None: "" if v is None else thai.format_number(v, numerals, decimals),
            "date": lambda v, short=False: "" if v is None else thai.format_date(v, numerals, short),
            "digits": lambda v: thai.digits(str(v), numerals),
            "change": self._change,
        })
        self.env.globals.update({
            "fonts_url": FONTS_DIR.resolve().as_uri(),
            "numerals": numerals,
            "counter_style": "thai" if numerals == "thai" else "decimal",
            "province": ws.province,
            "rules": ws.rules,
        })

    def _change(self, indicator: Any) -> str:
        """Result minus baseline, signed, in the province's numerals ('' when unknown)."""
        if indicator.result is None or indicator.baseline is None:
            return ""
        delta = indicator.result - indicator.baseline
        sign = "+" if delta > 0 else ("−" if delta < 0 else "")
        return sign + thai.format_number(abs(delta), self.ws.numerals)

    def project_html(self, view: ProjectView) -> str:
        return self.env.get_template("project.html.j2").render(view=view, p=view.project)


def plain_text(html: str) -> str:
    """Text content of rendered HTML (for tests and text-layer checks)."""
    return re.sub(r"<[^>]+>", "", html)


def template_files(ws: Workspace) -> list[Path]:
    return sorted(p for d in ws.template_dirs() for p in d.rglob("*") if p.is_file())
