"""Files the tool generates and a repository commits (CODEOWNERS, JSON Schemas): write them,
or with ``--check`` tell whether the committed one is stale (for CI and pre-commit)."""

from __future__ import annotations

import difflib
from pathlib import Path

import click

from dossier import catalogue
from dossier.cli.common import info, print_diagnostics
from dossier.errors import NOWHERE, Diagnostic, DossierError
from dossier.safetext import terminal


def write_or_check(path: Path, text: str, *, check: bool, stale_code: str, name: str, lang: str, fmt: str,
                   quiet: bool, root: Path | None = None) -> int:
    """Write ``text`` to ``path`` (atomically, only when it changed); with ``check``, write
    nothing and return 1 with a diagnostic and a diff on stderr when ``path`` differs. A path in
    the repository ``root`` that a symlink takes outside it is refused: never read (its diff
    would print the outside file in the CI log) nor written through."""
    import os

    from dossier.boundary import Refused, is_inside, read_regular
    from dossier.files import atomic_write
    from dossier.limits import DEFAULT_LIMITS

    if root is not None and Path(os.path.abspath(path)).is_relative_to(root) and not is_inside(path, root):
        raise DossierError([Diagnostic(name, NOWHERE, "path-outside", args={"path": name})])
    try:
        current = read_regular(path, DEFAULT_LIMITS.max_file_bytes).decode("utf-8")
    except (Refused, UnicodeDecodeError):
        current = None
    if current == text:
        info(catalogue.message("up-to-date", lang, {"path": name}), quiet)
        return 0
    if check:
        print_diagnostics([Diagnostic(name, NOWHERE, stale_code, args={"path": name})], fmt, lang)
        diff = difflib.unified_diff((current or "").splitlines(keepends=True), text.splitlines(keepends=True),
                                    f"{name} (committed)", f"{name} (expected)", n=1)
        if not quiet:
            click.echo(terminal("".join(diff)), err=True, nl=False)
        return 1
    try:
        atomic_write(path, text.encode("utf-8"))
    except OSError as exc:
        raise DossierError([Diagnostic(name, NOWHERE, "write-failed",
                                       args={"path": name, "reason": exc.strerror or str(exc)})]) from None
    info(catalogue.message("written", lang, {"path": name}), quiet)
    return 0
