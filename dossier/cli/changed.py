"""``dossier changed BASE``: the project files a branch changed, for other commands (CI)."""

from __future__ import annotations

from pathlib import Path

import click

from dossier import catalogue
from dossier.cli.common import default_lang, edge, lang_option
from dossier.safetext import terminal, visible


@click.command("changed")
@click.argument("base")
@click.option("-0", "--null", "null", is_flag=True, help=catalogue.option_help("null"))
@lang_option
@edge
def changed_command(base: str, null: bool, lang: str | None) -> int:
    """Print the project files changed against the git ref BASE, one per line.

    \b
    แสดงไฟล์โครงการที่แก้เทียบกับกิ่ง BASE (git diff BASE...HEAD รวมการแก้ที่ยังไม่ commit)
    ถ้าเกณฑ์ แม่แบบ หรือ dossier.yaml เปลี่ยน จะแสดงทุกโครงการ
    The same selection as `dossier validate --changed BASE`: all project files
    when rules/, templates/ or dossier.yaml changed; nothing when none changed.

    \b
    Examples / ตัวอย่าง:
      dossier changed origin/main
      dossier changed origin/main -0 | xargs -0 -r dossier build --draft   # PDFs of a pull request
    """
    from dossier.cli.validate import changed_paths
    from dossier.workspace import open_workspace

    lang = lang or default_lang()
    ws = open_workspace(Path.cwd())
    selected = changed_paths(ws.root, base, lang, quiet=False)
    if selected is None:
        selected = [Path(name) for _, name in ws.project_files()] if ws.projects_dir.is_dir() else []
    if null:
        click.echo("".join(f"{path}\0" for path in selected), nl=False)
    else:  # one name a line: a name is shown escaped, never as lines of its own
        click.echo("".join(f"{terminal(visible(path))}\n" for path in selected), nl=False)
    return 0
