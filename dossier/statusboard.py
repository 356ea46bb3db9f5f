"""The status board: one self-contained HTML page (fonts embedded) the office can open from
disk or publish, showing every project's state before the deadline, most urgent on top
(``templates/status.html.j2``, autoescaped)."""

from __future__ import annotations

import base64
import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

from dossier import catalogue, thai
from dossier.status import Board, ProjectStatus

FONTS = Path(__file__).parent / "fonts"



@lru_cache(maxsize=1)
def embedded_fonts() -> str:
    """@font-face rules with Sarabun inlined, so the page looks the same on any computer."""
    rules = []
    for weight, name in (("400", "Sarabun-Regular.ttf"), ("700", "Sarabun-Bold.ttf")):
        path = FONTS / name
        if path.is_file():
            data = base64.b64encode(path.read_bytes()).decode("ascii")
            rules.append(f'@font-face {{ font-family: "Sarabun"; font-weight: {weight}; '
                         f'src: url(data:font/ttf;base64,{data}) format("truetype"); }}')
    return "\n".join(rules)


def state(p: ProjectStatus) -> str:
    return "errors" if p.errors else ("incomplete" if p.missing else "ready")


def render(board: Board, numerals: str = "thai", award: str | None = None, fonts: bool = True) -> str:
    import jinja2
    from markupsafe import Markup

    from dossier.safetext import visible

    def shown(value: Any) -> Any:  # every value on the page: control and bidi characters escaped
        return value if isinstance(value, Markup) or not isinstance(value, str) else visible(value)

    from dossier.paths import builtin_templates_dir

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(builtin_templates_dir()), autoescape=True,
                             undefined=jinja2.StrictUndefined, finalize=shown)

    def num(value: Any) -> str:
        return thai.digits(str(value), numerals)  # type: ignore[arg-type]

    def date(value: dt.date | dt.datetime | None) -> str:
        if value is None:
            return ""
        day = value.date() if isinstance(value, dt.datetime) else value
        return thai.format_date(day, numerals, short=True)  # type: ignore[arg-type]

    projects = board.projects
    default_award = catalogue.phrase("status-award", "th")
    return env.get_template("status.html.j2").render(
        board=board, award=default_award if award is None else award, num=num, date=date, state=state,
        fonts=Markup(embedded_fonts() if fonts else ""),
        ready=sum(1 for p in projects if p.ready), with_errors=sum(1 for p in projects if p.errors),
        incomplete=sum(1 for p in projects if not p.errors and p.missing),
    )
