"""The one numeral rule (dossier.render.numerals), the Markdown it applies to, amounts in Thai words
and front-matter page labels: pure functions, no PDF."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from support.render_helpers import ROOT
from markupsafe import Markup

from dossier.render.html import Renderer, baht_words, front_label, markdown_html
from dossier.render.numerals import localize
from dossier.workspace import open_workspace


@pytest.mark.parametrize("text, thai", [
    ("ปี 2563 จำนวน 1,200.50 บาท", "ปี ๒๕๖๓ จำนวน ๑,๒๐๐.๕๐ บาท"),
    ("โควิด-19", "โควิด-๑๙"),  # a number glued to Thai text follows the setting
    ("COVID-19 และ PM2.5", "COVID-19 และ PM2.5"),  # Latin identifiers keep their digits
    ("ISO 9001", "ISO 9001"),  # a number one space from a Latin word keeps its digits
    ("ค่า PM 2.5 และ PM2.5 เกิน 50 ไมโครกรัม", "ค่า PM 2.5 และ PM2.5 เกิน ๕๐ ไมโครกรัม"),
    ("ระยะ 120 km จาก 3 จุด", "ระยะ 120 km จาก ๓ จุด"),  # before a Latin word too
    ("ข้อ 1. Introduction", "ข้อ ๑. Introduction"),  # "1." is not one space from the word
    ("5G", "5G"),
    ("อีเมล somsri.j2@example.go.th โทร 0 3471 1463", "อีเมล somsri.j2@example.go.th โทร ๐ ๓๔๗๑ ๑๔๖๓"),
    ("ดู https://example.go.th/a1/2?x=3 หน้า 4", "ดู https://example.go.th/a1/2?x=3 หน้า ๔"),
    ("www.k2.go.th 7", "www.k2.go.th ๗"),
    ("\x02wzxhzdk:12\x03 3", "\x02wzxhzdk:12\x03 ๓"),  # Markdown's placeholders
])
def test_localize(text: str, thai: str) -> None:
    assert localize(text, "thai") == thai
    assert localize(thai, "arabic") == localize(text, "arabic")
    assert not any("๐" <= c <= "๙" for c in localize(thai, "arabic"))


def test_markdown_text_nodes_only() -> None:
    html = markdown_html("ปี 2563 **12** [ลิงก์ 3](https://a.go.th/4) <https://x.go.th/5> `code 6`\n\n"
                         "1. ข้อ 1\n2. ข้อ 2\n\n| ก | 2 |\n|---|---|\n| 3 | <b>4</b> |", "thai")
    assert "ปี ๒๕๖๓ <strong>๑๒</strong>" in html
    assert 'href="https://a.go.th/4">ลิงก์ ๓</a>' in html  # attribute untouched, text converted
    assert ">https://x.go.th/5</a>" in html and "<code>code 6</code>" in html
    assert "<li>ข้อ ๑</li>" in html and "<th>๒</th>" in html and "<td>๓</td>" in html
    assert "&lt;b&gt;๔&lt;/b&gt;" in html  # raw HTML escaped, shown as text
    assert markdown_html("ปี ๒๕๖๓", "arabic") == "<p>ปี 2563</p>"


def test_every_printed_value_follows_the_setting() -> None:
    renderer = Renderer(open_workspace(ROOT), today=dt.date(2021, 2, 26))
    template = renderer.env.from_string("{{ a }}|{{ b }}|{{ c }}|{{ d|date }}|{{ e|num(2) }}|{{ f }}")
    out = template.render(a="ปี 2564", b=None, c=Markup("id-2"), d=dt.date(2021, 2, 26), e=Decimal("480000"), f=7)
    assert out == "ปี ๒๕๖๔||id-2|๒๖ กุมภาพันธ์ ๒๕๖๔|๔๘๐,๐๐๐.๐๐|๗"


@pytest.mark.parametrize("amount, words", [
    (0, "ศูนย์บาทถ้วน"), (1, "หนึ่งบาทถ้วน"), (11, "สิบเอ็ดบาทถ้วน"), (21, "ยี่สิบเอ็ดบาทถ้วน"),
    (101, "หนึ่งร้อยเอ็ดบาทถ้วน"), (480000, "สี่แสนแปดหมื่นบาทถ้วน"), (1_000_001, "หนึ่งล้านเอ็ดบาทถ้วน"),
    (Decimal("1234567.50"), "หนึ่งล้านสองแสนสามหมื่นสี่พันห้าร้อยหกสิบเจ็ดบาทห้าสิบสตางค์"),
    (Decimal("25.25"), "ยี่สิบห้าบาทยี่สิบห้าสตางค์"),
])
def test_baht_words(amount: Decimal, words: str) -> None:
    assert baht_words(amount) == words


def test_front_labels() -> None:
    assert [front_label(i) for i in range(4)] == ["ก", "ข", "ค", "ง"]
    assert len({front_label(i) for i in range(200)}) == 200
