"""The status board: one self-contained HTML page (fonts embedded) the office can open from
disk or publish, showing every project's state before the deadline, most urgent on top."""

from __future__ import annotations

import base64
import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

from dossier import thai
from dossier.status import Board, ProjectStatus

FONTS = Path(__file__).parent / "fonts"

PAGE = """<!DOCTYPE html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="dossier status">
<title>สถานะผลงาน {{ board.province }} · {{ award }} {{ num(board.edition) }}</title>
<style>
{{ fonts }}
:root { --red:#b42318; --red-bg:#fef3f2; --amber:#b54708; --amber-bg:#fffaeb; --green:#067647; --green-bg:#ecfdf3;
        --ink:#1d2939; --muted:#667085; --line:#eaecf0; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Sarabun", "Leelawadee UI", "Tahoma", "Noto Sans Thai", sans-serif; color: var(--ink);
       background: #f9fafb; font-size: 15px; line-height: 1.45; }
header { background: #12355b; color: #fff; padding: 18px 28px; display: flex; justify-content: space-between; align-items: center; }
header h1 { margin: 0; font-size: 22px; }
header p { margin: 2px 0 0; opacity: .85; }
.countdown { text-align: right; }
.countdown b { display: block; font-size: 34px; line-height: 1; }
.countdown.late b { color: #fda29b; }
.tiles { display: flex; gap: 12px; padding: 16px 28px 4px; }
.tile { flex: 1; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.tile b { font-size: 24px; display: block; }
.tile.red b { color: var(--red); } .tile.amber b { color: var(--amber); } .tile.green b { color: var(--green); }
main { padding: 12px 28px 24px; }
table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
th { text-align: left; font-weight: 700; font-size: 13px; color: var(--muted); background: #f2f4f7; padding: 8px 10px; }
td { padding: 8px 10px; border-top: 1px solid var(--line); vertical-align: top; }
tr.errors td:first-child { box-shadow: inset 4px 0 var(--red); }
tr.incomplete td:first-child { box-shadow: inset 4px 0 var(--amber); }
tr.ready td:first-child { box-shadow: inset 4px 0 var(--green); }
.title { font-weight: 700; } .small { font-size: 12.5px; color: var(--muted); }
.bar { height: 8px; background: var(--line); border-radius: 4px; overflow: hidden; width: 110px; margin-top: 4px; }
.bar span { display: block; height: 100%; background: var(--amber); }
tr.ready .bar span { background: var(--green); }
.badge { display: inline-block; white-space: nowrap; margin: 0 0 2px; border-radius: 10px; padding: 0 8px; font-size: 13px; font-weight: 700; }
.badge.red { background: var(--red-bg); color: var(--red); } .badge.amber { background: var(--amber-bg); color: var(--amber); }
.badge.green { background: var(--green-bg); color: var(--green); }
.missing { font-size: 13px; max-width: 260px; }
footer { padding: 0 28px 20px; color: var(--muted); font-size: 12.5px; }
@media print { body { background: #fff; } header { background: #fff; color: var(--ink); border-bottom: 2px solid var(--ink); } }
</style>
</head>
<body>
<header>
  <div>
    <h1>สถานะผลงานส่งประกวด{{ award }} ปี {{ num(board.edition) }}</h1>
    <p>จังหวัด{{ board.province }} · ข้อมูล ณ {{ date(board.today) }} · {{ num(board.projects|length) }} ผลงาน</p>
  </div>
  {% if board.deadline %}
  <div class="countdown{% if board.days_left < 0 %} late{% endif %}">
    {% if board.days_left >= 0 %}<b>{{ num(board.days_left) }} วัน</b>ก่อนกำหนดส่ง {{ date(board.deadline) }}
    {% else %}<b>เลย {{ num(-board.days_left) }} วัน</b>กำหนดส่ง {{ date(board.deadline) }}{% endif %}
  </div>
  {% endif %}
</header>
<section class="tiles">
  <div class="tile green"><b>{{ num(ready) }}</b>พร้อมส่ง (ready)</div>
  <div class="tile amber"><b>{{ num(incomplete) }}</b>ยังไม่ครบ (incomplete)</div>
  <div class="tile red"><b>{{ num(with_errors) }}</b>มีข้อผิดพลาด (errors)</div>
</section>
<main>
<table>
  <thead><tr><th>ผลงาน</th><th>หน่วยงาน</th><th>ประเภทรางวัล</th><th>ความครบถ้วน</th><th>ปัญหา</th><th>ยังขาด</th><th>แก้ไขล่าสุด</th></tr></thead>
  <tbody>
  {% for p in board.projects %}
  <tr class="{{ state(p) }}">
    <td><div class="title">{{ p.title or p.slug }}</div><div class="small">{{ p.file }}</div></td>
    <td>{{ p.agency_id }}<div class="small">{{ p.agency_name }}</div></td>
    <td>{% if p.award_type %}{{ p.award_type.th }}<div class="small">{{ p.award_type.slug }}</div>{% else %}<span class="badge red">ไม่ทราบ</span>{% endif %}</td>
    <td>{{ num(p.present) }}/{{ num(p.total) }}<div class="bar"><span style="width: {{ (100 * p.ratio)|round|int }}%"></span></div></td>
    <td>{% if p.errors %}<span class="badge red">{{ num(p.errors) }} ข้อผิดพลาด</span> {% endif %}
        {% if p.warnings %}<span class="badge amber">{{ num(p.warnings) }} คำเตือน</span>{% endif %}
        {% if not p.errors and not p.warnings %}<span class="badge green">ผ่าน</span>{% endif %}</td>
    <td class="missing">{% if p.missing %}{% for m in p.missing %}{{ m.th }}{% if not loop.last %} · {% endif %}{% endfor %}{% else %}–{% endif %}</td>
    <td>{% if p.last and p.last.committed %}{{ p.last.author }}<div class="small">{{ date(p.last.date) }}{% if p.last.dirty %} · มีการแก้ที่ยังไม่ commit{% endif %}</div>
        {% else %}<span class="small">ยังไม่ commit</span>{% endif %}</td>
  </tr>
  {% endfor %}
  </tbody>
</table>
</main>
<footer>สร้างโดย dossier status · เรียงงานเร่งด่วนที่สุดไว้บนสุด: มีข้อผิดพลาดก่อน แล้วตามความครบถ้วน ·
  Generated by dossier status, most urgent first</footer>
</body>
</html>
"""


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


def render(board: Board, numerals: str = "thai", award: str = "รางวัลเลิศรัฐ", fonts: bool = True) -> str:
    import jinja2
    from markupsafe import Markup

    from dossier.safetext import visible

    def shown(value: Any) -> Any:  # every value on the page: control and bidi characters escaped
        return value if isinstance(value, Markup) or not isinstance(value, str) else visible(value)

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, finalize=shown)

    def num(value: Any) -> str:
        return thai.digits(str(value), numerals)  # type: ignore[arg-type]

    def date(value: dt.date | dt.datetime | None) -> str:
        if value is None:
            return ""
        day = value.date() if isinstance(value, dt.datetime) else value
        return thai.format_date(day, numerals, short=True)  # type: ignore[arg-type]

    projects = board.projects
    return env.from_string(PAGE).render(
        board=board, award=award, num=num, date=date, state=state, fonts=Markup(embedded_fonts() if fonts else ""),
        ready=sum(1 for p in projects if p.ready), with_errors=sum(1 for p in projects if p.errors),
        incomplete=sum(1 for p in projects if not p.errors and p.missing),
    )
