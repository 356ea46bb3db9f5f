"""What every command shares: options, the language choice, and the one place where library
errors become printed diagnostics and exit codes (the edge)."""

from __future__ import annotations

import _thread
import contextlib
import functools
import io
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import click

from dossier import catalogue
from dossier.cli.report import FORMATS, emit
from dossier.errors import Diagnostic, DossierError, Severity
from dossier.safetext import annotation_lines, json_text, terminal


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


def common_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--lang``, ``--format``, ``-q`` and ``--strict`` on every command that reports problems."""
    fn = click.option("--strict", is_flag=True, help=catalogue.option_help("strict"))(fn)
    fn = click.option("-q", "--quiet", is_flag=True, help=catalogue.option_help("quiet"))(fn)
    fn = click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
                      help="How to print problems: text for people, json for tools, github for annotations, "
                           "sarif for code scanning.")(fn)
    fn = click.option("--lang", type=click.Choice(["th", "en"]), default=default_lang,
                      help=catalogue.option_help("common-lang"))(fn)
    return fn


def lang_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--lang`` on a command that reports no problems itself (default: from the locale, chosen later)."""
    return click.option("--lang", type=click.Choice(["th", "en"]), default=None, help=catalogue.option_help("lang"))(fn)


def interactive_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--interactive/--no-interactive`` of the commands that ask for what is missing."""
    return click.option("--interactive/--no-interactive", default=None, help=catalogue.option_help("interactive"))(fn)


def safe_output(text: str, fmt: str) -> str:
    """The last step before printing a report: nothing in it can reach a terminal or a CI log
    raw (see :mod:`dossier.safetext`)."""
    if fmt in ("json", "sarif"):
        return json_text(text)
    if fmt == "github":
        return annotation_lines(text)
    return terminal(text)


def print_diagnostics(diagnostics: Iterable[Diagnostic], fmt: str, lang: str, err: bool = False) -> None:
    buffer = io.StringIO()
    emit(diagnostics, fmt, lang, buffer)
    click.echo(safe_output(buffer.getvalue(), fmt), nl=False, err=err)


def usage_problem(lang: str, code: str, **args: Any) -> int:
    """A usage problem of a command (not of a file): message and hint on stderr, exit 2."""
    info(f"{catalogue.phrase('label-error', lang)}: {catalogue.message(code, lang, args)}")
    hint = catalogue.hint(code, lang, args)
    if hint:
        info(f"    {catalogue.phrase('label-hint', lang)}: {hint}")
    return 2


def info(message: str, quiet: bool = False) -> None:
    """Progress and summaries go to stderr, so stdout stays machine-readable with --format json."""
    if not quiet:
        click.echo(terminal(message), err=True)


class Stopped(KeyboardInterrupt):
    """Ctrl+C (SIGINT) or SIGTERM, raised in the main thread: every ``with`` block on the way
    out cleans up (workers killed, the lock released, temporary files removed)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


STOP_GRACE = 10.0  # seconds: the workers are killed and joined in at most 4


@contextlib.contextmanager
def stopped_by_signals() -> Iterator[None]:
    """While the command runs, the first SIGINT or SIGTERM raises :class:`Stopped`; a second
    one, while the first is being cleaned up, exits at once (safe: outputs are replaced
    atomically, the kernel releases the lock, the workers die with this process and the next
    build removes what was left). A SIGINT ignored when the process started (``nohup``, a
    background job) stays ignored."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    first: list[int] = []

    def stop(signum: int, frame: object) -> None:
        if first:
            os._exit(128 + first[0])
        first.append(signum)
        # Python drops an exception raised where it cannot propagate (a finalizer, a fork
        # handler): if the command is still running after the clean-up's time, end it then.
        last_resort = threading.Timer(STOP_GRACE, lambda: os._exit(128 + signum))
        last_resort.daemon = True  # never keeps a stopped process alive by itself
        last_resort.start()
        raise Stopped(signum)

    def dropped(unraisable: Any) -> None:
        """Python drops an exception raised in a finalizer or a weakref callback (a Ctrl+C in
        the middle of an import lands in one): the command would go on. Deliver it again."""
        if isinstance(unraisable.exc_value, Stopped):
            first.clear()  # not a second signal: raise again, with the clean-up, not exit at once
            # From another thread, once the finalizer is over (dropped again, it comes back again).
            again = threading.Timer(0.05, _thread.interrupt_main, [signal.Signals(unraisable.exc_value.signum)])
            again.daemon = True
            again.start()
        else:
            hook(unraisable)

    previous = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(signum) is not signal.SIG_IGN or signum == signal.SIGTERM:
            previous[signum] = signal.signal(signum, stop)
    hook, sys.unraisablehook = sys.unraisablehook, dropped
    try:
        yield
    finally:
        sys.unraisablehook = hook
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def edge(fn: Callable[..., int]) -> Callable[..., None]:
    """Run a command body: translate :class:`DossierError` into printed diagnostics and an exit
    code, and any unexpected failure into a short message (the traceback only with DOSSIER_DEBUG).
    Ctrl+C exits 130 and SIGTERM 143 (128 + the signal), after cleaning up."""
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
            with stopped_by_signals():
                code = fn(*args, **kwargs)
        except DossierError as exc:
            print_diagnostics(exc.diagnostics, fmt, lang, err=problems_to_stderr)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt as exc:
            signum = getattr(exc, "signum", signal.SIGINT)
            info(catalogue.message("stopped-by-signal", lang, {"signal": signal.Signals(signum).name}))
            sys.exit(128 + signum)
        except (RecursionError, MemoryError) as exc:
            info(catalogue.phrase("too-complex", lang, kind=type(exc).__name__))
            sys.exit(1)
        except Exception as exc:  # noqa: BLE001 - the edge: never show a user a traceback by default
            if os.environ.get("DOSSIER_DEBUG"):
                traceback.print_exc()
            info(catalogue.phrase("internal-error", lang, error=repr(exc)))
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
