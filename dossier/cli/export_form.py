"""``dossier export --to form``: per project a folder of the online form's fields as UTF-8 text
files (``01-summary.txt``…) and ``form.html`` with a copy button per field; counts on stdout."""

from __future__ import annotations

import base64
import dataclasses
from pathlib import Path
from typing import Any

import click

from dossier import catalogue
from dossier.cli.common import print_diagnostics
from dossier.cli.export import write
from dossier.cli.status import pad, width


def _html(ws: Any, checked: Any, items: list[Any]) -> str:
    import jinja2

    from dossier.office.form import MEASURES
    from dossier.paths import PACKAGE_DIR, builtin_templates_dir

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(builtin_templates_dir())), autoescape=True)
    project = checked.project
    font = base64.b64encode((PACKAGE_DIR / "fonts" / "Sarabun-Regular.ttf").read_bytes()).decode("ascii")
    return env.get_template("form.html.j2").render(
        font=font,
        title=project.title or checked.slug, award_type=checked.award_type.th if checked.award_type else "",
        fields=[dataclasses.replace(i, counts=dataclasses.asdict(i.counts)) for i in items],
        measures=[(limit, attr, th) for limit, (attr, th, _) in MEASURES.items()])


def export_form(ws: Any, checked: list[Any], out: Path, lang: str, strict: bool) -> int:
    from dossier.office.form import fields, over_limit
    from dossier.office.rulesdata import form_fields, office_rules

    rules = office_rules(ws)
    problems = []
    for item in checked:
        specs = form_fields(rules, item.award_type.slug if item.award_type else None)
        texts = fields(item.project, specs, ws.numerals)
        folder = out / item.slug
        for index, field in enumerate(texts, start=1):
            write(folder / f"{index:02d}-{field.spec.field.removeprefix('sections.')}.txt",
                  (field.text + "\n").encode("utf-8"), lang, announce=False)
        write(folder / "form.html", _html(ws, item, texts).encode("utf-8"), lang)
        header = [catalogue.phrase(f"form-{key}", lang) for key in ("field", "chars", "no-spaces", "words", "limits")]
        rows = []
        for index, field in enumerate(texts, start=1):
            limits = ", ".join(f"{k}={v}" for k, v in field.spec.limits.items()) or "-"
            rows.append([f"{index:02d} {field.spec.th if lang == 'th' else field.spec.en}", str(field.counts.chars),
                         str(field.counts.chars_no_spaces), str(field.counts.words),
                         limits + (" ✗" if field.over else "")])
        widths = [max(width(r[i]) for r in [header, *rows]) for i in range(len(header))]
        click.echo(item.file)
        for row in [header, *rows]:
            click.echo("  " + "  ".join(pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip())
        problems.extend(over_limit(item, texts))
    if problems:
        print_diagnostics(problems, "text", lang, err=True)
    return 1 if problems and strict else 0
