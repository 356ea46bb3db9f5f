"""Every user-facing sentence, in Thai and English, in one place: this package (messages by
stage in ``files``, ``rules`` and ``tool``; one code never appears in two of them).

A diagnostic names a code; the code's entry holds its message and hint in both languages as
``str.format`` templates. Arguments are rendered per language: dates in the Buddhist era with
Thai month names (Thai) or with both eras (English), integers with Thai digits in Thai text,
and keys ending in ``_th``/``_en`` are picked by language.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dossier import thai
from dossier.catalogue import commands, files, office, preview, rules, tool
from dossier.catalogue.entry import Entry
from dossier.safetext import visible

MESSAGES: dict[str, Entry] = {**files.MESSAGES, **rules.MESSAGES, **tool.MESSAGES, **office.MESSAGES,
                              **preview.MESSAGES}


def _suggest(args: dict[str, Any]) -> dict[str, str]:
    suggestion = args.get("suggestion")
    if not suggestion:
        return {"suggest_th": "", "suggest_en": ""}
    return {"suggest_th": f" หมายถึง \"{suggestion}\" หรือไม่", "suggest_en": f"; did you mean \"{suggestion}\"?"}


def _render(value: Any, lang: str) -> Any:
    if isinstance(value, (thai.ThaiDate, dt.date)):
        return thai.format_date(value, "thai", short=True) if lang == "th" else thai.format_date_en(value)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int) and lang == "th":
        return thai.to_thai_digits(str(value))
    if isinstance(value, (list, tuple)):
        return ", ".join(str(_render(v, lang)) for v in value)
    return value


class _Args(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _shown(value: Any) -> Any:
    """A value as a message shows it: numbers as they are, anything else as one line of text
    with control characters, newlines and bidi controls escaped (see :mod:`dossier.safetext`)."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return visible(value)


def _format(template: str, lang: str, args: dict[str, Any]) -> str:
    rendered = _Args({k: _shown(_render(v, lang)) for k, v in args.items()})
    rendered.update({k: _shown(v) for k, v in _suggest(args).items()})
    return template.format_map(rendered)


def entry(code: str) -> Entry:
    """The entry of ``code``; an unknown code is a bug of the tool (``tests/catalogue/test_catalogue.py``
    finds every code the package can emit), never printed as is."""
    found = MESSAGES.get(code)
    if found is None:
        raise KeyError(f"no catalogue entry for the code {code!r}")
    return found


def message(code: str, lang: str, args: dict[str, Any]) -> str:
    e = entry(code)
    return _format(e.th if lang == "th" else e.en, lang, args)


def hint(code: str, lang: str, args: dict[str, Any]) -> str:
    e = entry(code)
    return _format(e.hint_th if lang == "th" else e.hint_en, lang, args)


# Short phrases used inside messages (type names, value kinds), in both languages.
KINDS: dict[str, tuple[str, str]] = {
    "mapping": ("ชุดหัวข้อ (หัวข้อ: ค่า)", "a mapping (key: value)"),
    "list": ("รายการ (- ...)", "a list (- ...)"),
    "text": ("ข้อความ", "text"),
    "number": ("ตัวเลข", "a number"),
    "integer": ("จำนวนเต็ม", "a whole number"),
    "date": ("วันที่", "a date"),
    "year": ("ปี พ.ศ.", "a year"),
    "boolean": ("ค่าใช่/ไม่ใช่", "true/false"),
    "empty": ("ค่าว่าง", "an empty value"),
}


def kind(name: str, lang: str) -> str:
    th, en = KINDS.get(name, (name, name))
    return th if lang == "th" else en


def phrase(key: str, lang: str, **args: Any) -> str:
    """The phrase ``key`` of the commands (:data:`commands.TEXT`) in ``lang``, its ``{fields}``
    filled with ``args`` as they are; an unknown key is a bug of the tool (a KeyError)."""
    e = commands.TEXT[key]
    return (e.th if lang == "th" else e.en).format(**args)


def option_help(key: str) -> str:
    """The help of a command-line option (:data:`commands.HELP`): English, then Thai."""
    e = commands.HELP[key]
    return f"{e.en} / {e.th}"


def plural(count: int) -> str:
    """The English plural ending for ``count`` things: the ``{..._s}`` fields of :data:`commands.TEXT`."""
    return "s" if count != 1 else ""
