"""``dossier new``: start a project file for an agency and an award type (never overwrites)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from dossier import catalogue
from dossier.cli.common import edge, info, interactive_option, lang_option, usage_problem
from dossier.errors import NOWHERE, Diagnostic, DossierError
from dossier.safetext import terminal, visible


def _choose(lang: str, title: str, options: Sequence[tuple[str, str]], pick: Callable[[str], Any],
            default: str | None = None) -> Any:
    """Ask for one of ``options`` (key, Thai name): by number, or by anything ``pick`` accepts."""
    click.echo(terminal(title), err=True)
    for number, (key, name) in enumerate(options, start=1):
        click.echo(terminal(f"  {number:>2}) {visible(key):<24} {visible(name)}"), err=True)

    def convert(text: str) -> Any:
        text = text.strip()
        if text.isdigit() and 1 <= int(text) <= len(options):
            text = options[int(text) - 1][0]
        found = pick(text)
        if found is None:
            raise click.BadParameter(catalogue.phrase("new-not-a-choice", lang))
        return found

    return click.prompt(catalogue.phrase("new-choose", lang), default=default,
                        value_proc=convert, err=True)


@click.command("new")
@click.option("--agency", help=catalogue.option_help("agency"))
@click.option("--type", "award_type", help=catalogue.option_help("new-type"))
@click.option("--title", help=catalogue.option_help("title"))
@click.option("--slug", help=catalogue.option_help("slug"))
@click.option("--contact", "contact_name", default="", help=catalogue.option_help("contact"))
@click.option("--phone", default="", help=catalogue.option_help("phone"))
@click.option("--email", default="", help=catalogue.option_help("email"))
@click.option("--started", default="", help=catalogue.option_help("started"))
@interactive_option
@lang_option
@edge
def new_command(agency: str | None, award_type: str | None, title: str | None, slug: str | None, contact_name: str,
                phone: str, email: str, started: str, interactive: bool | None, lang: str | None) -> int:
    """Create projects/SLUG.yaml for an agency and an award type, as a guided form.

    \b
    สร้างไฟล์โครงการใหม่ให้หน่วยงาน: มีทุกส่วนที่ประเภทรางวัลต้องมี แต่ละหัวข้อมีคำอธิบาย
    ภาษาไทยว่าคณะกรรมการดูอะไร ที่หน้าจอจะถามทีละข้อ (เลือกหน่วยงานและประเภทจากรายการ)
    In scripts and CI give everything by options. The new file validates with
    the empty sections reported as "to write"; it never overwrites a file.

    \b
    Examples / ตัวอย่าง:
      dossier new                                   # asks, with the choices listed
      dossier new --agency tnrs --type participation-results \\
                  --title "การส่งเสริมกิจกรรมการปลูกป่าชายเลน" --slug mangrove
    """
    from dossier.cli.common import default_lang
    from dossier.newproject import NewProject, Writer, valid_slug
    from dossier.workspace import display, open_workspace

    lang = lang or default_lang()
    ws = open_workspace(Path.cwd())
    ask = interactive if interactive is not None else sys.stdin.isatty()
    agencies = list(ws.province.agencies or [])
    types = list(ws.rules.types)

    def find_agency(text: str) -> Any:
        return next((a for a in agencies if a.id == text.strip()), None)

    chosen_agency = find_agency(agency) if agency else None
    if agency and chosen_agency is None:
        file, place = ws.province_place("agencies")  # where an agency would be added
        raise DossierError([Diagnostic(file, place, "unknown-agency", args={
            "value": agency, "allowed": [a.id for a in agencies]})], exit_code=2)
    if chosen_agency is None:
        if not ask:
            return usage_problem(lang, "option-required", option="--agency", allowed=[a.id for a in agencies])
        chosen_agency = _choose(lang, catalogue.phrase("new-agency", lang),
                                [(a.id, a.name) for a in agencies], find_agency)

    chosen_type = ws.rules.find_type(award_type) if award_type else None
    if award_type and chosen_type is None:
        raise DossierError([Diagnostic("--type", NOWHERE, "unknown-award-type", args={
            "value": award_type, "edition": ws.rules.edition,
            "allowed": [f"{x.slug} ({x.th})" for x in types]})], exit_code=2)
    if chosen_type is None:
        if not ask:
            return usage_problem(lang, "option-required", option="--type",
                                  allowed=[f"{x.slug} ({x.th})" for x in types])
        chosen_type = _choose(lang, catalogue.phrase("new-type", lang), [(x.slug, x.th) for x in types],
                              ws.rules.find_type)

    if not title:
        if not ask:
            return usage_problem(lang, "option-required", option="--title", allowed="-")
        title = click.prompt(catalogue.phrase("new-title", lang), err=True).strip()
    if not slug:
        slug = f"{chosen_agency.id}-{chosen_type.slug}".lower()
        if ask:
            slug = click.prompt(catalogue.phrase("new-slug", lang),
                                default=slug, err=True).strip()
    if ask and not contact_name:
        contact_name = click.prompt(catalogue.phrase("new-contact", lang),
                                    default="", show_default=False, err=True).strip()
    if ask and not started:
        started = click.prompt(catalogue.phrase("new-started", lang),
                               default="", show_default=False, err=True).strip()
    if not valid_slug(slug):
        return usage_problem(lang, "bad-slug", value=slug)

    target = ws.projects_dir / f"{slug}.yaml"
    name = display(target)
    text = Writer(ws.rules, ws.province.cutoff).render(NewProject(
        chosen_agency, chosen_type, title, contact_name, phone, email, started))
    from dossier.boundary import is_inside

    if not is_inside(ws.projects_dir, ws.root):  # a symlinked projects/: never written through
        where = display(ws.projects_dir)
        raise DossierError([Diagnostic(where, NOWHERE, "path-outside", args={"path": where})])
    try:
        ws.projects_dir.mkdir(parents=True, exist_ok=True)
        with open(target, "x", encoding="utf-8") as handle:  # "x": never replace an existing file
            handle.write(text)
    except FileExistsError:
        raise DossierError([Diagnostic(name, NOWHERE, "file-exists", args={"path": name})]) from None
    except OSError as exc:
        raise DossierError([Diagnostic(name, NOWHERE, "write-failed",
                                       args={"path": name, "reason": exc.strerror or str(exc)})]) from None
    info(catalogue.message("new-created", lang, {"path": name}))
    return 0
