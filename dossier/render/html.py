"""Stage 3, render: a project → HTML, through Markdown and the Jinja templates.

Data is never trusted: raw HTML in Markdown is escaped, Jinja autoescapes everything, and
project text is never rendered *as* a template. Every printed value and every text node of the
Markdown goes through :func:`dossier.render.numerals.localize`, so one numeral setting holds for
the whole document. No WeasyPrint here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import jinja2
import markdown
from markupsafe import Markup

from dossier import __version__, thai
from dossier.limits import DEFAULT_LIMITS
from dossier.mdnesting import clip
from dossier.render.loader import BoundedLoader
from dossier.render.mdpolicy import PolicyExtension
from dossier.render.numerals import NumeralsExtension, localize
from dossier.render.pages import Folio
from dossier.render.views import ProjectView
from dossier.validate.paste import PasteExtension, normalize
from dossier.workspace import PACKAGE_DIR, Workspace

FONTS_DIR = PACKAGE_DIR / "fonts"
# Characters that Sarabun lacks or that make layout pathological, replaced before rendering.
_REPLACE = str.maketrans({"\u2011": "-", "\u00ad": "", "\ufeff": ""})
THAI_LETTERS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผพฟภมยรลวศษสหฬอฮ"


def clean(text: str) -> str:
    return text.translate(_REPLACE)


def markdown_html(text: str | None, numerals: str = "arabic") -> str:
    """Markdown → HTML with raw HTML disabled (escaped, shown as text) and the digits of every
    text node in ``numerals`` (``arabic`` leaves Arabic digits and turns Thai ones Arabic)."""
    if not text:
        return ""
    # lists and hashtags as agencies paste them; nesting past the limit flattened (validation's error)
    pasted = normalize(clip(clean(text), DEFAULT_LIMITS.max_markdown_depth))
    md = markdown.Markdown(extensions=["tables", "sane_lists", PasteExtension(pasted.styles),
                                       NumeralsExtension(numerals), PolicyExtension()],
                           output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md.convert(pasted.text)


def front_label(index: int) -> str:
    """Page label of front matter (table of contents): ก, ข, ค … then กก, กข …"""
    letters = THAI_LETTERS
    label = ""
    index += 1
    while index > 0:
        index, rest = divmod(index - 1, len(letters))
        label = letters[rest] + label
    return label


class Renderer:
    """Jinja environment for one workspace: the repository's templates override the built-in ones."""

    def __init__(self, ws: Workspace, today: dt.date | None = None) -> None:
        self.ws = ws
        numerals: thai.Numerals = "thai" if ws.numerals == "thai" else "arabic"
        self.numerals = numerals
        self.today = today or dt.date.today()
        self.env = jinja2.Environment(
            loader=BoundedLoader([(d, ws.root if d.is_relative_to(ws.root) else d) for d in ws.template_dirs()],
                                 ws.limits.max_resource_bytes),
            autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
            finalize=self._finalize,
        )
        self.env.filters.update({
            "num": self._num,
            "date": self._date,
            "digits": lambda v: localize(str(v), numerals),
            "change": self._change,
            "duration": lambda months: "" if months is None else localize(thai.duration_th(months), numerals),
            "baht_words": baht_words,
        })
        self.env.globals.update({
            "fonts_url": Markup(FONTS_DIR.resolve().as_uri()),
            "numerals": numerals,
            "counter_style": Markup("thai" if numerals == "thai" else "decimal"),
            "province": ws.province,
            "rules": ws.rules,
            "generator": Markup(f"dossier {__version__}"),  # metadata values kept as they are
            "created": Markup(self.today.isoformat()),
            "today": self.today,
        })

    def _finalize(self, value: Any) -> Any:
        """Every ``{{ }}``: None prints nothing, digits follow the numeral setting (HTML that is
        already safe, such as rendered Markdown, was converted when it was made)."""
        if value is None:
            return ""
        if isinstance(value, Markup):
            return value
        return localize(str(value), self.numerals)

    def _num(self, value: Any, decimals: int | None = None) -> str:
        return "" if value is None else thai.format_number(value, self.numerals, decimals)

    def _date(self, value: Any, short: bool = False) -> str:
        return "" if value is None else thai.format_date(value, self.numerals, short)

    def markdown(self, text: str | None) -> str:
        return markdown_html(text, self.numerals)

    def _change(self, indicator: Any) -> str:
        """Result minus baseline, signed, in the province's numerals ('' when unknown)."""
        if indicator.result is None or indicator.baseline is None:
            return ""
        delta = indicator.result - indicator.baseline
        sign = "+" if delta > 0 else ("−" if delta < 0 else "")
        return sign + thai.format_number(abs(delta), self.numerals)

    def project_html(self, view: ProjectView) -> str:
        return self.env.get_template("project.html.j2").render(view=view, p=view.project)

    def book_html(self, book: Any) -> str:
        return self.env.get_template("book.html.j2").render(book=book)

    def chrome_html(self, folios: Sequence[Folio | None]) -> str:
        """The page-chrome document: one empty page per label, its footer showing the label."""
        return self.env.get_template("chrome.html.j2").render(folios=folios)


_UNITS = ("", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")
_PLACES = ("", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน")


def _thai_words(number: int) -> str:
    if number == 0:
        return "ศูนย์"
    millions, rest = divmod(number, 1_000_000)
    words = (_thai_words(millions) + "ล้าน") if millions else ""
    text = str(rest)
    for position, char in enumerate(text):
        digit, place = int(char), len(text) - position - 1
        if digit == 0:
            continue
        if place == 1 and digit == 1:
            words += "สิบ"
        elif place == 1 and digit == 2:
            words += "ยี่สิบ"
        elif place == 0 and digit == 1 and (rest > 9 or millions):
            words += "เอ็ด"
        else:
            words += _UNITS[digit] + _PLACES[place]
    return words


def baht_words(amount: Any) -> str:
    """An amount in Thai words, as on official documents: ๔๘๐,๐๐๐ → สี่แสนแปดหมื่นบาทถ้วน."""
    if amount is None:
        return ""
    satang_total = int((Decimal(str(amount)) * 100).quantize(Decimal(1)))
    baht, satang = divmod(abs(satang_total), 100)
    text = _thai_words(baht) + "บาท" + (_thai_words(satang) + "สตางค์" if satang else "ถ้วน")
    return ("ลบ" if satang_total < 0 else "") + text
