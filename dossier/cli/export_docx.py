"""``dossier export --to docx``: an editable Word file per project (``build/docx/<project>.docx``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dossier.cli.export import write


def export_docx(ws: Any, checked: list[Any], out: Path, lang: str) -> int:
    from dossier.office.docx_write import project_docx

    for item in checked:
        write(out / f"{item.slug}.docx", project_docx(ws, item), lang)
    return 0
