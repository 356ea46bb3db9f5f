"""Thai numerals, numbers and Buddhist-era dates: parsing what people type, formatting output.

Pure functions, no I/O. Parsing raises :class:`ValueProblem` carrying a catalogue code and
arguments, so the caller can turn it into a located diagnostic.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

BE_OFFSET = 543
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)

MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

Numerals = Literal["thai", "arabic"]


class ValueProblem(ValueError):
    """A value that cannot be read: ``code`` names the catalogue entry, ``args`` fill it in."""

    def __init__(self, code: str, **args: Any) -> None:
        super().__init__(code)
        self.code = code
        self.args_ = args


def to_arabic_digits(text: str) -> str:
    return text.translate(_TO_ARABIC)


def to_thai_digits(text: str) -> str:
    return text.translate(_TO_THAI)


def digits(text: str, numerals: Numerals) -> str:
    return to_thai_digits(text) if numerals == "thai" else to_arabic_digits(text)


# --- numbers -------------------------------------------------------------------------------

_NUMBER = re.compile(r"[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?")


def parse_number(raw: str) -> Decimal:
    """Read a number as Thai people type it: ``1200``, ``1,200``, ``๑,๒๐๐``, ``1200.5``.

    Spaces (including NBSP) around and as thousands separators are ignored. Words, units and
    misplaced commas are refused with a hint.
    """
    text = to_arabic_digits(str(raw)).strip().replace("\u00a0", " ")
    compact = re.sub(r"(?<=\d) (?=\d{3}\b)", ",", text)
    if not _NUMBER.fullmatch(compact):
        raise ValueProblem("not-a-number", value=str(raw), unit_th="", unit_en="")
    try:
        return Decimal(compact.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the regex already guarantees a number
        raise ValueProblem("not-a-number", value=str(raw), unit_th="", unit_en="") from exc


def format_number(value: Decimal | int | float, numerals: Numerals, decimals: int | None = None) -> str:
    """``1234567.5`` → ``๑,๒๓๔,๕๖๗.๕๐`` (grouped; integers without decimals)."""
    number = Decimal(str(value))
    if decimals is None:
        decimals = 0 if number == number.to_integral_value() else 2
    text = f"{number:,.{decimals}f}"
    return digits(text, numerals)


# --- dates ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class ThaiDate:
    """A date as typed, normalised: ``precision`` is ``day`` or ``month`` (``มิถุนายน 2561``)."""

    date: dt.date
    precision: Literal["day", "month"] = "day"

    @property
    def be_year(self) -> int:
        return self.date.year + BE_OFFSET


def _month_number(name: str) -> int | None:
    key = name.replace(" ", "")
    for i, (full, short) in enumerate(zip(MONTHS, MONTHS_SHORT), start=1):
        if key in (full, short, short.replace(".", ""), short.rstrip(".")):
            return i
    return None


def _year(text: str, raw: str) -> int:
    """A year as typed: ≥ 2400 is Buddhist era, 1000–2399 Common Era; two digits are ambiguous."""
    if len(text) <= 2:
        raise ValueProblem("date-two-digit-year", value=raw, be=2500 + int(text))
    year = int(text)
    if year >= 2400:
        return year - BE_OFFSET
    if 1000 <= year < 2400:
        return year
    raise ValueProblem("date-bad-year", value=raw, year=year)


def _make(year: int, month: int, day: int, raw: str) -> dt.date:
    if not 1 <= month <= 12:
        raise ValueProblem("date-bad-month", value=raw, month=month)
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ValueProblem(
            "date-impossible", value=raw, day=day, month_th=MONTHS[month - 1],
            month_en=MONTHS_EN[month - 1], be_year=year + BE_OFFSET,
        ) from exc


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SLASH = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})")
_WORDS = re.compile(r"(?:วันที่\s*)?(\d{1,2})?\s*([^\d\s][^\d]*?)\s*(?:พ\.?\s*ศ\.?\s*)?(\d{2}|\d{4})")


def parse_date(raw: Any) -> ThaiDate:
    """Read a date in any of the forms of ``project-format.md``.

    ``2561-06-01``, ``2018-06-01``, ``1/6/2561``, ``01/06/2018``, ``1 มิ.ย. 2561``,
    ``1 มิถุนายน 2561``, ``๑ มิถุนายน ๒๕๖๑``, ``มิถุนายน 2561``. Day before month, always.
    """
    if isinstance(raw, dt.date):
        return ThaiDate(raw)
    text = " ".join(to_arabic_digits(str(raw)).replace("\u00a0", " ").split())
    if m := _ISO.fullmatch(text):
        return ThaiDate(_make(_year(m[1], str(raw)), int(m[2]), int(m[3]), str(raw)))
    if m := _SLASH.fullmatch(text):
        return ThaiDate(_make(_year(m[3], str(raw)), int(m[2]), int(m[1]), str(raw)))
    if m := _WORDS.fullmatch(text):
        month = _month_number(m[2].strip())
        if month is None:
            raise ValueProblem("date-bad-month-name", value=str(raw), name=m[2].strip())
        year = _year(m[3], str(raw))
        if m[1] is None:
            return ThaiDate(_make(year, month, 1, str(raw)), "month")
        return ThaiDate(_make(year, month, int(m[1]), str(raw)))
    raise ValueProblem("not-a-date", value=str(raw))


def parse_year(raw: Any) -> int:
    """A year (``2563``, ``๒๕๖๓``, ``2020``) as a Buddhist-era year."""
    text = to_arabic_digits(str(raw)).strip()
    if not re.fullmatch(r"\d{4}", text):
        raise ValueProblem("not-a-year", value=str(raw))
    year = int(text)
    if year >= 2400:
        return year
    if 1900 <= year < 2400:
        return year + BE_OFFSET
    raise ValueProblem("not-a-year", value=str(raw))


def format_date(value: ThaiDate | dt.date, numerals: Numerals = "thai", short: bool = False) -> str:
    """``๑ มิถุนายน ๒๕๖๑`` (or ``๑ มิ.ย. ๒๕๖๑`` when short); month precision omits the day."""
    thai_date = value if isinstance(value, ThaiDate) else ThaiDate(value)
    d = thai_date.date
    month = (MONTHS_SHORT if short else MONTHS)[d.month - 1]
    text = f"{month} {d.year + BE_OFFSET}"
    if thai_date.precision == "day":
        text = f"{d.day} {text}"
    return digits(text, numerals)


def format_date_en(value: ThaiDate | dt.date) -> str:
    thai_date = value if isinstance(value, ThaiDate) else ThaiDate(value)
    d = thai_date.date
    text = f"{MONTHS_EN[d.month - 1]} {d.year} (B.E. {d.year + BE_OFFSET})"
    return f"{d.day} {text}" if thai_date.precision == "day" else text


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end`` (negative when ``end`` is earlier)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return months


def duration_th(months: int) -> str:
    """``๗ เดือน``, ``๑ ปี ๓ เดือน`` (Arabic digits; the caller converts)."""
    years, rest = divmod(max(months, 0), 12)
    parts = ([f"{years} ปี"] if years else []) + ([f"{rest} เดือน"] if rest or not years else [])
    return " ".join(parts)


def duration_en(months: int) -> str:
    years, rest = divmod(max(months, 0), 12)
    parts = ([f"{years} year{'s' if years != 1 else ''}"] if years else [])
    if rest or not years:
        parts.append(f"{rest} month{'s' if rest != 1 else ''}")
    return " ".join(parts)
