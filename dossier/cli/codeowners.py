"""``dossier codeowners``: write ``.github/CODEOWNERS`` from the agencies in ``dossier.yaml``."""

from __future__ import annotations

from pathlib import Path

import click

from dossier import catalogue
from dossier.cli.common import common_options, edge


@click.command("codeowners")
@click.option("--check", is_flag=True, help=catalogue.option_help("check"))
@common_options
@edge
def codeowners_command(check: bool, lang: str, fmt: str, quiet: bool, strict: bool) -> int:
    """Write .github/CODEOWNERS: each agency reviews its own project files.

    \b
    สร้างไฟล์ .github/CODEOWNERS จาก dossier.yaml: ผู้ตรวจของแต่ละหน่วยงาน (reviewers)
    เป็นเจ้าของไฟล์โครงการที่ agency: เป็นของหน่วยงานนั้น สำนักงานจังหวัด (office.reviewers)
    เป็นเจ้าของเกณฑ์ แม่แบบ dossier.yaml และ .github/ GitHub จะขอให้เจ้าของตรวจ pull request
    Regenerate it after adding a project or changing reviewers; --check (in CI)
    exits 1 when the committed file no longer matches.

    \b
    Examples / ตัวอย่าง:
      dossier codeowners            # write .github/CODEOWNERS
      dossier codeowners --check    # in CI: is it up to date?
    """
    from dossier.cli.generated import write_or_check
    from dossier.codeowners import render
    from dossier.gitinfo import toplevel
    from dossier.workspace import display, open_workspace

    ws = open_workspace(Path.cwd())
    top = toplevel(ws.root)
    repo_root = top if top is not None and ws.root.resolve().is_relative_to(top) else ws.root
    target = repo_root / ".github" / "CODEOWNERS"
    return write_or_check(target, render(ws, repo_root), check=check, stale_code="codeowners-stale",
                          name=display(target), lang=lang, fmt=fmt, quiet=quiet, root=repo_root)
