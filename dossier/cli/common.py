"""What every command shares: options, the language choice, and the one place where library
errors become printed diagnostics and exit codes (the edge)."""

from __future__ import annotations

import functools
import io
import os
import sys
import traceback
from typing import Any, Callable, Iterable

import click

from dossier.cli.report import FORMATS, emit
from dossier.errors import Diagnostic, DossierError, Severity


def default_lang() -> str:
    """``DOSSIER_LANG``, else the locale: English only when the locale asks for it; Thai first."""
    explicit = os.environ.get("DOSSIER_LANG")
    if explicit in ("th", "en"):
        return explicit
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.startswith("en") else "th"
    return "th"


def t(lang: str, th: str, en: str) -> str:
    return th if lang == "th" else en


def common_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--lang``, ``--format``, ``-q`` and ``--strict`` on every command that reports problems."""
    fn = click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1). / ถือว่าคำเตือนเป็นข้อผิดพลาด")(fn)
    fn = click.option("-q", "--quiet", is_flag=True, help="Only problems, no progress or summary. / แสดงเฉพาะปัญหา")(fn)
    fn = click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
                      help="How to print problems: text for people, json for tools, github for annotations, sarif for code scanning.")(fn)
    fn = click.option("--lang", type=click.Choice(["th", "en"]), default=default_lang,
                      help="Language of messages (default: from the locale, Thai first). / ภาษาของข้อความ")(fn)
    return fn


def print_diagnostics(diagnostics: Iterable[Diagnostic], fmt: str, lang: str, err: bool = False) -> None:
    buffer = io.StringIO()
    emit(diagnostics, fmt, lang, buffer)
    click.echo(buffer.getvalue(), nl=False, err=err)


def usage_problem(lang: str, code: str, **args: Any) -> int:
    """A usage problem of a command (not of a file): message and hint on stderr, exit 2."""
    from dossier import catalogue

    info(f"{t(lang, 'ข้อผิดพลาด', 'error')}: {catalogue.message(code, lang, args)}")
    hint = catalogue.hint(code, lang, args)
    if hint:
        info(f"    {t(lang, 'วิธีแก้', 'hint')}: {hint}")
    return 2


def info(message: str, quiet: bool = False) -> None:
    """Progress and summaries go to stderr, so stdout stays machine-readable with --format json."""
    if not quiet:
        click.echo(message, err=True)


def edge(fn: Callable[..., int]) -> Callable[..., None]:
    """Run a command body: translate :class:`DossierError` into printed diagnostics and an exit
    code, and any unexpected failure into a short message (the traceback only with DOSSIER_DEBUG)."""
    return _edge(fn, problems_to_stderr=False)


def data_edge(fn: Callable[..., int]) -> Callable[..., None]:
    """:func:`edge` for a command whose standard output is data (a schema): problems go to
    stderr, so ``dossier schema > file.json`` never writes an error into the file."""
    return _edge(fn, problems_to_stderr=True)


def _edge(fn: Callable[..., int], problems_to_stderr: bool) -> Callable[..., None]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        lang = kwargs.get("lang") or default_lang()
        fmt = kwargs.get("fmt") or "text"
        try:
            code = fn(*args, **kwargs)
        except DossierError as exc:
            print_diagnostics(exc.diagnostics, fmt, lang, err=problems_to_stderr)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo(t(lang, "หยุดตามคำสั่งผู้ใช้", "interrupted"), err=True)
            sys.exit(130)
        except (RecursionError, MemoryError) as exc:
            click.echo(t(lang, f"ข้อมูลซับซ้อนเกินกว่าจะประมวลผลได้ ({type(exc).__name__})",
                         f"input too complex to process ({type(exc).__name__})"), err=True)
            sys.exit(1)
        except Exception as exc:  # noqa: BLE001 - the edge: never show a user a traceback by default
            if os.environ.get("DOSSIER_DEBUG"):
                traceback.print_exc()
            click.echo(t(lang, f"เกิดข้อผิดพลาดภายในเครื่องมือ: {exc!r} (ตั้ง DOSSIER_DEBUG=1 เพื่อดูรายละเอียด แล้วแจ้งผู้ดูแล)",
                         f"internal error: {exc!r} (set DOSSIER_DEBUG=1 for details and report it)"), err=True)
            sys.exit(3)
        sys.exit(code)

    return wrapper


def exit_code(diagnostics: Iterable[Diagnostic], strict: bool) -> int:
    items = list(diagnostics)
    if any(d.severity is Severity.ERROR for d in items):
        return 1
    if strict and items:
        return 1
    return 0
