"""What ``dossier init`` needs, from its options or asked at a terminal, checked before anything
is written: a problem is a catalogue code with its arguments (the command exits 2 with it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import click

from dossier import catalogue
from dossier.scaffold import AGENCY_ID, NewAgency, NewProvince


@dataclass(frozen=True)
class Problem:
    code: str
    args: dict[str, Any]


@dataclass
class Answers:
    province: str | None
    edition: str | None
    cutoff: str | None
    deadline: str
    numerals: str
    office: str
    agencies: list[tuple[str, str]]
    github_org: str
    install: str
    edition_year: int = 0
    reviewers: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def spec(self) -> NewProvince:
        org = self.github_org.strip().lstrip("@")
        return NewProvince(
            province=self.province or "", edition=self.edition_year, cutoff=self.cutoff or "",
            deadline=self.deadline, numerals=self.numerals, office=self.office,
            office_reviewers=(f"@{org}/office",) if org else (),
            agencies=tuple(NewAgency(i, n, (f"@{org}/{i}",) if org else ()) for i, n in self.agencies),
            install=self.install)


def _prompt(lang: str, key: str, default: str | None = None) -> str:
    return str(click.prompt(catalogue.phrase(key, lang), default=default, show_default=bool(default), err=True)).strip()


def ask_missing(a: Answers, ask: bool, lang: str) -> Problem | None:
    """Fill ``a`` from the terminal where allowed, and check every value; None when all is well."""
    from dossier import thai
    from dossier.rules import available_editions

    editions = available_editions()
    no_province = Problem("option-required", {"option": "--province", "allowed": catalogue.phrase("init-provinces", lang)})
    if not a.province:
        if not ask:
            return no_province
        a.province = _prompt(lang, "init-province")
    a.province = a.province.removeprefix(catalogue.phrase("init-province-prefix", lang)).strip()
    if not a.province:
        return no_province
    if not a.edition and ask:
        a.edition = _prompt(lang, "init-edition", str(editions[-1]))
    try:
        a.edition_year = thai.parse_year(a.edition) if a.edition else editions[-1]
    except thai.ValueProblem as exc:
        return Problem(exc.code, exc.args_)
    if a.edition_year not in editions:
        return Problem("init-edition", {"edition": str(a.edition_year), "available": [str(e) for e in editions]})
    if not a.cutoff:
        default = f"31 {thai.MONTHS[11]} {a.edition_year - 1}"
        a.cutoff = _prompt(lang, "init-cutoff", default) if ask else default
    for option, value in (("--cutoff", a.cutoff), ("--deadline", a.deadline)):
        if value:
            try:
                thai.parse_date(value)
            except thai.ValueProblem as exc:
                return Problem("init-bad-option", {"option": option, "problem_th": catalogue.message(
                    exc.code, "th", exc.args_), "problem_en": catalogue.message(exc.code, "en", exc.args_)})
    if not a.agencies and ask:
        a.agencies = _ask_agencies(lang, a.province)
    seen: set[str] = set()
    for ident, name in a.agencies:
        if not AGENCY_ID.fullmatch(ident) or ident in seen or not name:
            return Problem("init-bad-agency", {"value": f"{ident}={name}" if name else ident})
        seen.add(ident)
    return None


def _ask_agencies(lang: str, province: str) -> list[tuple[str, str]]:
    click.echo(catalogue.phrase("init-agencies", lang), err=True)
    found: list[tuple[str, str]] = []
    while True:
        ident = str(click.prompt(catalogue.phrase("init-agency-id", lang), default="", show_default=False,
                                 err=True)).strip()
        if not ident:
            return found
        if not AGENCY_ID.fullmatch(ident):
            click.echo(catalogue.message("bad-slug", lang, {"value": ident}), err=True)
            continue
        name = _prompt(lang, "init-agency-name", catalogue.phrase("init-agency-name-default", lang, province=province))
        found.append((ident, name))
