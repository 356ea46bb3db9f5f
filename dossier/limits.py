"""Every input limit of dossier, in one place (documented in the README's "Security" table).

Limits keep a hostile or mistaken file from hanging a build: each is checked before the work
it protects, and exceeding one is a located diagnostic naming the limit.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 2_000_000  # a project file, dossier.yaml, a rules file (the 8 examples are 12–20 KB)
    max_resource_bytes: int = 20_000_000  # a photo, an image, an asset, a template, a font (each)
    max_manifest_bytes: int = 50_000_000  # the build manifest (about 1 KB per dossier)
    max_depth: int = 64  # nesting of mappings and lists
    max_nodes: int = 20_000  # scalars, mappings and lists in one file
    max_markdown_chars: int = 20_000  # one Markdown field (a section, the summary)
    max_paragraph_chars: int = 5_000  # one paragraph: layout time grows quadratically
    max_list_items: int = 200  # indicators, partners, budget lines, photos
    max_table_rows: int = 500  # Markdown table rows in one field
    render_seconds: int = 60  # wall time for one document's render
    render_memory_bytes: int = 1_500_000_000  # address space for one render worker


DEFAULT_LIMITS = Limits()
