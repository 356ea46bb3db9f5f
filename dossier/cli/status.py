"""``dossier status``: every project's state, most urgent first (text, JSON, or an HTML board)."""

from __future__ import annotations

import datetime as dt
import json
import os
import unicodedata
from pathlib import Path
from typing import Any

import click

from dossier import catalogue
from dossier.cli.common import default_lang, edge, info
from dossier.errors import NOWHERE, Diagnostic, DossierError, capped
from dossier.safetext import json_text, terminal, visible


def width(text: str) -> int:
    """Columns a text takes in a terminal: Thai vowels and tone marks above or below take none."""
    return sum(0 if unicodedata.category(c) in ("Mn", "Me", "Cf") else
               2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def pad(text: str, columns: int) -> str:
    return text + " " * max(columns - width(text), 0)


def _date(value: dt.date | dt.datetime | None, lang: str) -> str:
    from dossier import thai

    if value is None:
        return ""
    day = value.date() if isinstance(value, dt.datetime) else value
    return thai.format_date(day, "arabic", short=True) if lang == "th" else day.isoformat()


def _last(p: Any, lang: str) -> str:
    if p.last is None or not p.last.committed:
        return catalogue.phrase("status-not-committed", lang)
    dirty = catalogue.phrase("status-uncommitted", lang) if p.last.dirty else ""
    return f"{p.last.author} {_date(p.last.date, lang)}{dirty}"


def text_report(board: Any, lang: str) -> str:
    head = f"{visible(board.province)} · {catalogue.phrase('status-award', lang)} {board.edition}"
    if board.deadline is not None:
        days = board.days_left
        when = (catalogue.phrase("status-days-left", lang, days=days) if days >= 0
                else catalogue.phrase("status-days-late", lang, days=-days))
        head += f" · {catalogue.phrase('status-deadline', lang)} {_date(board.deadline, lang)}: {when}"
    header = [catalogue.phrase(f"status-{key}", lang)
              for key in ("project", "agency", "type", "parts", "problems", "last", "missing")]
    rows = []
    for p in board.projects:
        mark = "✗" if p.errors else ("◐" if p.missing else "✓")
        kind = (p.award_type.th if lang == "th" else p.award_type.slug) if p.award_type else "?"
        problems = catalogue.phrase("status-count", lang, errors=p.errors, warnings=p.warnings)
        missing = ", ".join(m.th if lang == "th" else m.en for m in p.missing) or "-"
        rows.append([visible(cell) for cell in (f"{mark} {p.file}", p.agency_id or "?", kind, f"{p.present}/{p.total}",
                                                problems, _last(p, lang), missing)])
    widths = [max(width(r[i]) for r in [["  " + header[0], *header[1:]], *rows]) for i in range(len(header) - 1)]
    lines = [head, "  ".join(pad(h, w) for h, w in zip(["  " + header[0], *header[1:]], widths)) + "  " + header[-1]]
    lines += ["  ".join(pad(c, w) for c, w in zip(r, widths)) + "  " + r[-1] for r in rows]
    return terminal("\n".join(lines)) + "\n"


def json_report(board: Any) -> dict[str, Any]:
    from dossier.cli.report import as_dict

    def project(p: Any) -> dict[str, Any]:
        return {
            "file": p.file, "slug": p.slug, "title": p.title,
            "agency": {"id": p.agency_id, "name": p.agency_name},
            "award_type": ({"slug": p.award_type.slug, "th": p.award_type.th, "en": p.award_type.en}
                           if p.award_type else None),
            "completeness": {"present": p.present, "total": p.total, "percent": round(100 * p.ratio)},
            "missing": [{"key": m.key, "th": m.th, "en": m.en} for m in p.missing],
            "errors": p.errors, "warnings": p.warnings, "ready": p.ready,
            "problems": [as_dict(d, "en") for d in capped(p.diagnostics)],
            "last_change": (None if p.last is None else {
                "committed": p.last.committed, "author": p.last.author or None,
                "date": p.last.date.isoformat() if p.last.date else None, "uncommitted_changes": p.last.dirty}),
            "days_to_deadline": board.days_left,
        }

    return {
        "province": board.province, "edition": board.edition, "today": board.today.isoformat(),
        "deadline": board.deadline.isoformat() if board.deadline else None, "days_to_deadline": board.days_left,
        "projects": [project(p) for p in board.projects],
    }


@click.command("status")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True,
              help=catalogue.option_help("format"))
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=catalogue.option_help("status-out"))
@click.option("--today", metavar="DATE", default=None,
              help=catalogue.option_help("today"))
@click.option("--lang", type=click.Choice(["th", "en"]), default=None, help=catalogue.option_help("status-lang"))
@edge
def status_command(paths: tuple[Path, ...], fmt: str, out: Path | None, today: str | None, lang: str | None) -> int:
    """One line per project: agency, award type, completeness, problems, last change.

    \b
    สถานะของทุกผลงาน: หน่วยงาน ประเภทรางวัล ความครบถ้วน (ส่วนที่เกณฑ์ต้องมี)
    จำนวนปัญหา ผู้แก้ไขล่าสุด (จาก git) และจำนวนวันก่อนกำหนดส่งใน dossier.yaml
    เรียงงานเร่งด่วนที่สุดไว้บนสุด: มีข้อผิดพลาดก่อน แล้วตามความครบถ้วน

    \b
    Examples / ตัวอย่าง:
      dossier status                       # a table in the terminal
      dossier status --format json         # for tools
      dossier status --format html         # build/status.html: the office's board
    """
    from dossier import thai
    from dossier.files import atomic_write
    from dossier.status import board as make_board
    from dossier.workspace import display, open_workspace

    lang = lang or default_lang()
    ws = open_workspace(Path.cwd())
    day = None
    if today:
        try:
            day = thai.parse_date(today).date
        except thai.ValueProblem as exc:
            raise DossierError([Diagnostic("--today", NOWHERE, exc.code, args=exc.args_)], exit_code=2) from None
    board = make_board(ws, list(paths) or None, day)
    if not board.projects:
        from dossier.validate import no_projects

        raise DossierError([no_projects(ws, ws.projects_dir)])
    if fmt == "html":
        from dossier.statusboard import render

        text = render(board, ws.numerals, str(ws.rules.award.get("th", "")))
        out = out or ws.root / "build" / "status.html"
    elif fmt == "json":
        text = json_text(json.dumps(json_report(board), ensure_ascii=False, indent=2)) + "\n"
    else:
        text = text_report(board, lang)
    if out is None:
        click.echo(text, nl=False)
        return 0
    from dossier.boundary import is_inside

    where = Path(os.path.abspath(out.parent))
    if where.is_relative_to(ws.root) and not is_inside(where, ws.root):  # a symlinked build/
        raise DossierError([Diagnostic(display(where), NOWHERE, "output-outside", args={"path": display(where)})])
    try:
        atomic_write(out, text.encode("utf-8"))
    except OSError as exc:
        raise DossierError([Diagnostic(display(out), NOWHERE, "write-failed",
                                       args={"path": display(out), "reason": exc.strerror or str(exc)})]) from None
    info(catalogue.message("written", lang, {"path": display(out)}))
    return 0
