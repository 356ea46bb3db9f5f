"""Stage 2a, model: the typed domain read from a loaded file (see ``project.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from dossier.errors import Diagnostic
from dossier.limits import DEFAULT_LIMITS, Limits
from dossier.load import Source
from dossier.model.convert import Converter, suggest
from dossier.model.project import (
    Agency,
    Beneficiaries,
    BudgetLine,
    Contact,
    Indicator,
    Leader,
    Office,
    Partner,
    Photo,
    PreviousAward,
    Project,
    Province,
)

__all__ = [
    "Agency", "Beneficiaries", "BudgetLine", "Contact", "Indicator", "Leader", "Office", "Partner",
    "Photo", "PreviousAward", "Project", "Province", "Read", "read_model", "suggest",
]

T = TypeVar("T")


@dataclass
class Read(Generic[T]):
    """A model read from a source, with the problems found on the way (``value`` may be None)."""

    source: Source
    value: T | None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def read_model(source: Source, cls: type[T], sections: Sequence[str] = (), limits: Limits = DEFAULT_LIMITS) -> Read[T]:
    """Read a loaded file into ``cls`` (``Project`` or ``Province``), collecting all problems."""
    diagnostics = list(source.diagnostics)
    if source.root is None:
        return Read(source, None, diagnostics)
    converter = Converter(source.file, limits, sections)
    value = converter.model(source.root, cls, "")
    return Read(source, value, diagnostics + converter.diagnostics)
