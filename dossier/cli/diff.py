"""``dossier diff [BASE]``: the pages a branch changed, as an HTML report (build/diff/)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from dossier import catalogue
from dossier.cli.common import default_lang, edge, info, lang_option
from dossier.safetext import terminal, visible


@click.command("diff")
@click.argument("base", required=False)
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help=catalogue.option_help("diff-out"))
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=None,
              help=catalogue.option_help("jobs"))
@lang_option
@edge
def diff_command(base: str | None, out: Path | None, jobs: int | None, lang: str | None) -> int:
    """Build the changed projects at BASE and now, and report the pages that differ.

    \b
    เทียบหน้าเอกสารของโครงการที่แก้ ระหว่าง BASE กับตอนนี้ เขียนรายงาน build/diff/index.html
    (ก่อน | หลัง | ส่วนที่ต่าง) และส่วน/ช่องที่แก้ในไฟล์โครงการ หน้าที่ไม่เปลี่ยนไม่แสดง
    BASE defaults to the merge base with the main branch. It is checked out in a
    temporary git worktree (removed afterwards). Pages are matched by their text,
    so a paragraph that adds a page does not mark every later page as changed.
    In GitHub Actions a short summary goes to the job summary.

    \b
    Examples / ตัวอย่าง:
      dossier diff                   # against the merge base with main
      dossier diff origin/main       # in a pull request
    """
    from dossier.diff.report import headline, summary_markdown, write_report
    from dossier.diff.run import default_base, diff
    from dossier.workspace import display, open_workspace

    lang = lang or default_lang()
    ws = open_workspace(Path.cwd())
    ref = base or default_base(ws.root)
    projects = diff(ws, ref, jobs or os.cpu_count() or 1)
    index = write_report(projects, out or ws.root / "build" / "diff", ref, lang)
    for project in projects:
        click.echo(terminal(visible(headline(project, lang))))
    info(catalogue.phrase("diff-done", lang, count=len(projects), count_s=catalogue.plural(len(projects)), path=display(index)))
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        try:
            with open(target, "a", encoding="utf-8") as handle:
                handle.write(summary_markdown(projects, ref, lang))
        except OSError as exc:

            info(catalogue.message("write-failed", lang, {"path": target, "reason": exc.strerror or str(exc)}))
    return 0
