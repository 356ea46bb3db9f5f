"""``dossier init``: a new province repository, ready to push (never overwrites a file)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dossier import catalogue
from dossier.cli.common import edge, info, interactive_option, lang_option, usage_problem


def _agency(text: str) -> tuple[str, str]:
    """``ID=NAME`` as given; anything else is reported (with how to write it) by the checks."""
    ident, _, name = text.partition("=")
    return ident.strip(), name.strip()


@click.command("init")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option("--province", help=catalogue.option_help("province"))
@click.option("--edition", help=catalogue.option_help("edition"))
@click.option("--cutoff", help=catalogue.option_help("cutoff"))
@click.option("--deadline", default="", help=catalogue.option_help("deadline"))
@click.option("--numerals", type=click.Choice(["thai", "arabic"]), default="thai", show_default=True,
              help=catalogue.option_help("numerals"))
@click.option("--office", default="", help=catalogue.option_help("office"))
@click.option("--agency", "agencies", multiple=True, help=catalogue.option_help("init-agency"))
@click.option("--github-org", default="", help=catalogue.option_help("github-org"))
@click.option("--install", default="", help="What CI installs the tool with (pip requirement), default: dossier==VERSION.")
@interactive_option
@lang_option
@edge
def init_command(folder: Path, province: str | None, edition: str | None, cutoff: str | None, deadline: str,
                 numerals: str, office: str, agencies: tuple[str, ...], github_org: str, install: str,
                 interactive: bool | None, lang: str | None) -> int:
    """Create a province repository in FOLDER (default: here), ready to push.

    \b
    สร้างคลังเอกสารของจังหวัดใหม่: dossier.yaml, schema/, เวิร์กโฟลว์ตรวจ pull request,
    .github/CODEOWNERS, .pre-commit-config.yaml, .gitignore และคู่มือหน่วยงาน GUIDE.md
    At a terminal it asks for what the options do not give. It never overwrites
    a file (an existing .gitignore only gets the lines it lacks); then
    `dossier new` adds projects and `dossier validate` / `dossier build` work.

    \b
    Examples / ตัวอย่าง:
      dossier init nan-2564                          # asks province, edition, agencies
      dossier init --province น่าน --edition 2564 \\
                   --agency cdd=สำนักงานพัฒนาชุมชนจังหวัดน่าน \\
                   --agency agri=สำนักงานเกษตรจังหวัดน่าน --github-org nan-province
    """
    from dossier.cli.common import default_lang
    from dossier.cli.init_ask import Answers, ask_missing
    from dossier.paths import display
    from dossier.scaffold import create

    lang = lang or default_lang()
    ask = interactive if interactive is not None else sys.stdin.isatty()
    answers = Answers(province, edition, cutoff, deadline, numerals, office, list(map(_agency, agencies)),
                      github_org, install)
    problem = ask_missing(answers, ask, lang)
    if problem is not None:
        return usage_problem(lang, problem.code, **problem.args)
    written = create(folder, answers.spec())
    for relative in written:
        info(catalogue.message("written", lang, {"path": display(folder / relative)}))
    info(catalogue.message("init-done", lang, {"folder": display(folder)}))
    return 0
