"""Thai numerals, numbers and Buddhist-era dates as people type them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from dossier import thai


@pytest.mark.parametrize(
    "typed",
    ["2561-06-01", "2018-06-01", "1/6/2561", "01/06/2018", "1 มิ.ย. 2561", "1 มิถุนายน 2561",
     "๑ มิถุนายน ๒๕๖๑", "วันที่ 1 มิถุนายน พ.ศ. 2561", "1 มิย 2561", "1-6-2561", "1.6.2561", " 1  มิถุนายน  2561 "],
)
def test_every_accepted_date_form_means_1_june_2018(typed: str) -> None:
    assert thai.parse_date(typed) == thai.ThaiDate(dt.date(2018, 6, 1))


def test_month_precision() -> None:
    assert thai.parse_date("มิถุนายน 2561") == thai.ThaiDate(dt.date(2018, 6, 1), "month")
    assert thai.format_date(thai.parse_date("มิถุนายน 2561")) == "มิถุนายน ๒๕๖๑"


@pytest.mark.parametrize(
    ("typed", "code"),
    [("1/6/61", "date-two-digit-year"), ("31 กุมภาพันธ์ 2561", "date-impossible"), ("29/2/2563", None),
     ("29/2/2562", "date-impossible"), ("1/13/2561", "date-bad-month"), ("1 มิถุนา 2561", "date-bad-month-name"),
     ("เมื่อวาน", "not-a-date"), ("1/6/0999", "date-bad-year")],
)
def test_dates_that_cannot_be_read_say_why(typed: str, code: str | None) -> None:
    if code is None:
        assert thai.parse_date(typed).date == dt.date(2020, 2, 29)  # B.E. 2563 is a leap year
        return
    with pytest.raises(thai.ValueProblem) as info:
        thai.parse_date(typed)
    assert info.value.code == code


def test_two_digit_year_hint_shows_the_full_year() -> None:
    with pytest.raises(thai.ValueProblem) as info:
        thai.parse_date("1/6/61")
    assert info.value.args_["be"] == 2561


@pytest.mark.parametrize(
    ("typed", "value"),
    [("1200", Decimal(1200)), ("1,200", Decimal(1200)), ("๑,๒๐๐", Decimal(1200)), ("1200.5", Decimal("1200.5")),
     ("1 200", Decimal(1200)), ("1\u00a0200", Decimal(1200)), ("-5", Decimal(-5)), ("1,234,567.25", Decimal("1234567.25"))],
)
def test_numbers_as_typed(typed: str, value: Decimal) -> None:
    assert thai.parse_number(typed) == value


@pytest.mark.parametrize("typed", ["ประมาณ 120", "120 ไร่", "1,20", "12,00,000", "", "1.2.3", "หนึ่งร้อย"])
def test_words_are_not_numbers(typed: str) -> None:
    with pytest.raises(thai.ValueProblem):
        thai.parse_number(typed)


def test_formatting_in_both_numeral_styles() -> None:
    assert thai.format_number(Decimal("1234567.5"), "thai") == "๑,๒๓๔,๕๖๗.๕๐"
    assert thai.format_number(250000, "arabic") == "250,000"
    assert thai.format_date(dt.date(2020, 10, 20)) == "๒๐ ตุลาคม ๒๕๖๓"
    assert thai.format_date(dt.date(2020, 10, 20), "arabic", short=True) == "20 ต.ค. 2563"
    assert thai.format_date_en(dt.date(2020, 10, 20)) == "20 Oct 2020 (B.E. 2563)"


def test_years() -> None:
    assert thai.parse_year("2563") == thai.parse_year("๒๕๖๓") == thai.parse_year("2020") == 2563
    with pytest.raises(thai.ValueProblem):
        thai.parse_year("63")


def test_running_time() -> None:
    assert thai.months_between(dt.date(2020, 6, 1), dt.date(2020, 12, 31)) == 6
    assert thai.months_between(dt.date(2019, 12, 31), dt.date(2020, 12, 31)) == 12
    assert thai.duration_th(15) == "1 ปี 3 เดือน" and thai.duration_en(7) == "7 months"


def test_the_weasyprint_release_is_named_once_and_pinned_to_it() -> None:
    """``dossier.WEASYPRINT_VERSION`` is the one source; pyproject.toml's pin must say the same."""
    import tomllib
    from pathlib import Path

    import dossier

    pyproject = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert f"weasyprint=={dossier.WEASYPRINT_VERSION}" in pyproject["project"]["dependencies"]
