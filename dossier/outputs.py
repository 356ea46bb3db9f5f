"""The names a build writes, in one place: each project's dossier (``<name>.pdf``, its draft
``<name>.draft.pdf``) and the province's book (``<province>-<edition>.pdf``). The build names its
files with these functions, and the check that no two inputs share an output derives from them:
two project files that would write the same PDF (``x.yml`` beside ``x.yaml``, ``x.draft.yaml``
beside ``x.yaml``), or a project named like the book or like a draft, are located errors before
anything renders (``dossier validate`` and ``dossier build`` alike). Names are compared
case-folded: the artifact a reviewer downloads may land on a case-insensitive disk."""

from __future__ import annotations

import os
from pathlib import Path

from dossier.errors import NOWHERE, Diagnostic

DRAFT = ".draft"
PDF = ".pdf"


def dossier_name(slug: str, draft: bool) -> str:
    return f"{slug}{DRAFT}{PDF}" if draft else f"{slug}{PDF}"


def book_slug(province: object, edition: object) -> str:
    return f"{province}-{edition}"


def book_name(province: object, edition: object, draft: bool) -> str:
    return dossier_name(book_slug(province, edition), draft)


def is_draft(name: str | os.PathLike[str]) -> bool:
    """Whether an output (its name or path) is a draft: ``<name>.draft.pdf``."""
    return os.fspath(name).endswith(DRAFT + PDF)


def draft_of(path: Path) -> Path:
    """The draft beside a final document: ``build/x.pdf`` → ``build/x.draft.pdf``."""
    return path.with_name(dossier_name(path.name.removesuffix(PDF), True))


def _outputs(slug: str) -> list[str]:
    return [dossier_name(slug, False), dossier_name(slug, True)]


def collisions(chosen: list[tuple[Path, str]], every: list[tuple[Path, str]], book_slug: str | None) -> list[Diagnostic]:
    """A located error for each of ``chosen`` (project files as (path, name shown)) that would
    write a file another project of ``every`` or ``chosen`` writes, or a name the tool keeps for
    itself: the book (``book_slug``) and drafts."""
    writers: dict[str, list[tuple[str, str]]] = {}  # output (case-folded) → (absolute path, name shown)
    seen: set[str] = set()
    project_files = [(path, name) for path, name in every if path.suffix in (".yaml", ".yml") and not path.is_dir()]
    for path, name in [*chosen, *project_files]:
        key = os.path.abspath(path)
        if key in seen:
            continue
        seen.add(key)
        for output in _outputs(path.stem):
            writers.setdefault(output.casefold(), []).append((key, name))
    book = {n.casefold(): n for n in _outputs(book_slug)} if book_slug else {}
    problems: list[Diagnostic] = []
    done: set[str] = set()
    for path, name in chosen:
        key = os.path.abspath(path)
        if key in done:
            continue
        done.add(key)
        slug = path.stem
        if slug.casefold().endswith(DRAFT):
            problems.append(Diagnostic(name, NOWHERE, "output-reserved", args={
                "path": name, "output": dossier_name(slug, False),
                "what_th": "ฉบับร่างของโครงการ (<ชื่อ>.draft.pdf)", "what_en": "drafts (<name>.draft.pdf)"}))
            continue
        reserved = next((book[o.casefold()] for o in _outputs(slug) if o.casefold() in book), None)
        if reserved is not None:
            problems.append(Diagnostic(name, NOWHERE, "output-reserved", args={
                "path": name, "output": reserved, "what_th": "เล่มรวมผลงานของจังหวัด", "what_en": "the province's book"}))
            continue
        for output in _outputs(slug):
            others = [other for real, other in writers[output.casefold()] if real != key]
            if others:
                problems.append(Diagnostic(name, NOWHERE, "output-collision", args={
                    "path": name, "other": others[0], "output": output}))
                break
    return problems
