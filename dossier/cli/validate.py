"""``dossier validate``: check project files against the award rules (never imports WeasyPrint)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

from dossier import catalogue
from dossier.cli.common import common_options, edge, exit_code, info, print_diagnostics
from dossier.errors import NOWHERE, Diagnostic, DossierError, Severity, UsageError
from dossier.safetext import visible

if TYPE_CHECKING:
    from dossier.workspace import Workspace


def summary(lang: str, files: int, valid: int, errors: int, warnings: int) -> str:
    return catalogue.phrase("validate-summary", lang, files=files, files_s=catalogue.plural(files), valid=valid, errors=errors,
                         errors_s=catalogue.plural(errors), warnings=warnings, warnings_s=catalogue.plural(warnings))


def changed_paths(root: Path, base: str, lang: str, quiet: bool) -> list[Path] | None:
    """The project files ``--changed BASE`` selects, as the user would name them: a list (maybe
    empty), or None for all of ``projects/`` (a rule, template or dossier.yaml changed)."""
    from dossier.gitinfo import changed_files, select_changed
    from dossier.workspace import display

    selection = select_changed(root, changed_files(root, base))
    if selection.everything:
        info(catalogue.message("changed-everything", lang, {"trigger": selection.trigger}), quiet)
        return None
    return [Path(display(p)) for p in selection.projects]


def write_step_summary(diagnostics: list[Diagnostic], lang: str, title: str) -> None:
    """Append every problem to the GitHub job summary, when running in GitHub Actions, keeping
    the summary under ``max_summary_bytes`` (GitHub allows 1 MiB a step)."""
    from dossier.cli.report import summary_markdown
    from dossier.limits import OUTPUT_LIMITS

    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8") as handle:
            budget = OUTPUT_LIMITS.max_summary_bytes - os.fstat(handle.fileno()).st_size - 1  # earlier lines stay
            if budget < 4096:
                info(catalogue.message("summary-full", lang, {"path": target}))
                return
            handle.write(summary_markdown(diagnostics, lang, title, budget) + "\n")
    except OSError as exc:
        info(catalogue.message("write-failed", lang, {"path": target, "reason": exc.strerror or str(exc)}))


def fix_files(ws: Workspace, paths: list[Path] | None, lang: str, quiet: bool) -> None:
    """Correct Thai typing errors in place (atomically); only files that change are rewritten."""
    from dossier.boundary import usable
    from dossier.load.thaitext import fix_file

    for path, name in ws.project_files(paths):
        if path.is_symlink() or not usable(path, ws.root, ws.limits.max_file_bytes):
            continue  # never rewritten through a link, never read outside: validation reports why
        try:
            count, encoding = fix_file(path)
        except (DossierError, OSError):
            continue  # unreadable: validation reports why
        if count or encoding != "utf-8":
            shown = visible(name)
            saved = catalogue.phrase("fixed-encoding", lang, encoding=encoding) if encoding != "utf-8" else ""
            info(catalogue.phrase("fixed", lang, name=shown, count=count, count_s=catalogue.plural(count), saved=saved), quiet)


@click.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--changed", "base", metavar="BASE",
              help=catalogue.option_help("changed"))
@click.option("--draft", is_flag=True,
              help=catalogue.option_help("validate-draft"))
@click.option("--fix", is_flag=True,
              help=catalogue.option_help("fix"))
@common_options
@edge
def validate_command(paths: tuple[Path, ...], base: str | None, draft: bool, fix: bool, lang: str, fmt: str,
                     quiet: bool, strict: bool) -> int:
    """Check project files against the award rules of the province's edition.

    \b
    ตรวจไฟล์โครงการตามเกณฑ์รางวัล: ทุกปัญหาแสดงเป็น ไฟล์:บรรทัด:คอลัมน์ พร้อมวิธีแก้
    Every problem is printed as file:line:column with a hint. Exit 0 when all
    files are valid (warnings allowed), 1 when there are problems, 2 on usage errors.

    \b
    With --changed BASE only the files a branch changed are checked (git diff
    BASE...HEAD, plus staged, unstaged and new files). With --format github and
    $GITHUB_STEP_SUMMARY set, every problem is also written to the job summary.

    \b
    Examples / ตัวอย่าง:
      dossier validate                         # all of projects/
      dossier validate projects/mangrove.yaml
      dossier validate --lang en --format json
      dossier validate --format github         # annotations in a pull request
      dossier validate --changed origin/main   # only what this branch changed
      dossier validate --format sarif > dossier.sarif
      dossier validate --draft projects/new.yaml  # an unfinished file
      dossier validate --fix                   # correct Thai typing errors in place
    """
    from dossier.validate import check_paths, no_projects
    from dossier.workspace import open_workspace

    ws = open_workspace(Path.cwd())
    selected: list[Path] | None = list(paths) or None
    if base is not None:
        if paths:
            raise UsageError([Diagnostic("dossier validate", NOWHERE, "option-conflict",
                                         args={"first": "--changed", "second": "PATH"})])
        selected = changed_paths(ws.root, base, lang, quiet)
        if selected == []:
            print_diagnostics(ws.diagnostics, fmt, lang)
            if fmt == "github":
                write_step_summary(list(ws.diagnostics), lang, "dossier validate")
            info(catalogue.message("changed-none", lang, {"base": base}), quiet)
            return exit_code(ws.diagnostics, strict)
    if fix:
        fix_files(ws, selected, lang, quiet)
    checked = check_paths(ws, selected, draft)
    if not checked:
        raise DossierError([*ws.diagnostics, no_projects(ws, ws.projects_dir)])
    diagnostics = list(ws.diagnostics) + [d for c in checked for d in c.diagnostics]
    print_diagnostics(diagnostics, fmt, lang)
    errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
    valid = sum(1 for c in checked if c.ok)
    totals = summary(lang, len(checked), valid, errors, len(diagnostics) - errors)
    if fmt == "github":
        write_step_summary(diagnostics, lang, f"dossier validate: {totals}")
    info(totals, quiet)
    return exit_code(diagnostics, strict)
