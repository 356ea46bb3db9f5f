"""Diagnostics: the one error type of dossier, and the problems it carries.

Every stage (load, validate, render, write) reports problems as :class:`Diagnostic` values
located by file, line and column (1-based). Stages collect them and go on; only the edge (the
CLI) decides what to print and which exit code to use.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from dossier import catalogue
from dossier.limits import OUTPUT_LIMITS


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Pos:
    """A place in a source file: 1-based line and column (code points, as PyYAML counts)."""

    line: int = 1
    column: int = 1


NOWHERE = Pos(0, 0)  # explicitly no place in a file: git's answers, a command-line option


@dataclass(frozen=True)
class Diagnostic:
    """One problem: where it is, what it is (a catalogue code), and the values it mentions."""

    file: str
    pos: Pos
    code: str
    severity: Severity = Severity.ERROR
    args: dict[str, Any] = field(default_factory=dict, compare=False)
    rule: str | None = None  # the rule id in the award rules file, when a rule raised it
    source: str | None = None  # the rule's source (document and clause), when known

    @property
    def line(self) -> int:
        return self.pos.line

    @property
    def column(self) -> int:
        return self.pos.column

    @property
    def where(self) -> str:
        """``file:line:column``, or the file alone for a problem with no place in it (NOWHERE)."""
        return f"{self.file}:{self.line}:{self.column}" if self.line else self.file

    @property
    def label(self) -> str:
        """The code shown in brackets: the rule id when a rule raised it, else the catalogue code."""
        return self.rule or self.code

    def message(self, lang: str = "th") -> str:
        return catalogue.message(self.code, lang, self.args)

    def hint(self, lang: str = "th") -> str:
        return catalogue.hint(self.code, lang, self.args)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.pos.line, self.pos.column, self.label)


class DossierError(Exception):
    """The single exception type of the library: it carries located diagnostics.

    ``exit_code`` follows the command-line contract: 1 for problems in the user's files,
    2 for a usage error (no dossier repository, a path that does not exist).
    """

    exit_code = 1

    def __init__(self, diagnostics: Iterable[Diagnostic], exit_code: int | None = None) -> None:
        self.diagnostics = sorted(diagnostics, key=Diagnostic.sort_key)
        if exit_code is not None:
            self.exit_code = exit_code
        first = self.diagnostics[0] if self.diagnostics else None
        text = f"{first.where}: {first.message('en')}" if first else ""
        super().__init__(text)

    def __reduce__(self) -> tuple[type, tuple[list[Diagnostic], int]]:
        """Survive pickling: a render worker's problems travel back to the build."""
        return (type(self), (self.diagnostics, self.exit_code))


class UsageError(DossierError):
    exit_code = 2


MORE_PROBLEMS = "more-problems"


def capped(diagnostics: Iterable[Diagnostic], limit: int = OUTPUT_LIMITS.max_problems_per_code) -> list[Diagnostic]:
    """The problems in order, at most ``limit`` of one code (as shown: the rule id or the
    catalogue code) in one file; after the last one shown, one ``more-problems`` entry says how
    many more there are (an error if any of them is)."""
    items = list(diagnostics)
    totals: dict[tuple[str, str], list[Diagnostic]] = {}
    for d in items:
        totals.setdefault((d.file, d.label), []).append(d)
    shown: list[Diagnostic] = []
    seen: dict[tuple[str, str], int] = {}
    for d in items:
        key = (d.file, d.label)
        count = seen[key] = seen.get(key, 0) + 1
        if count > limit:
            continue
        shown.append(d)
        group = totals[key]
        if count == limit and len(group) > limit:
            hidden = group[limit:]
            severity = Severity.ERROR if any(h.severity is Severity.ERROR for h in hidden) else Severity.WARNING
            shown.append(Diagnostic(d.file, hidden[0].pos, MORE_PROBLEMS, severity,
                                    {"count": len(hidden), "code": d.label, "shown": limit}))
    return shown


class RenderTimeout(Exception):
    """A render ran past its time limit (``dossier.limits``): raised in the job by its alarm."""
