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
    # One-line text fields, by the kind each model field declares (``meta(length=...)`` in
    # dossier/model/project.py; the JSON Schema's maxLength comes from the same place). Every
    # value of the book's summary (a skipped project's title too) is bounded by them.
    max_text_chars: int = 200  # names, positions, roles, units, sources, areas, ids, numbers, dates
    max_title_chars: int = 300  # a project's title, an earlier award's title (the examples: at most 76)
    max_note_chars: int = 1_000  # a photo's caption, the beneficiaries' note
    max_markdown_depth: int = 16  # nested blockquotes and lists in Markdown (the renderer recurses per level)
    max_image_pixels: int = 40_000_000  # one image, real size decoded (far above any camera photo)
    max_image_frames: int = 64  # frames of an animated GIF (only the first is printed)
    render_seconds: int = 60  # wall time for one document's render
    render_memory_bytes: int = 1_500_000_000  # address space for one render worker
    max_docx_bytes: int = 50_000_000  # a Word report given to `dossier import` (with its photos)
    max_docx_unpacked_bytes: int = 300_000_000  # its parts once decompressed (a zip bomb is refused unread)


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class OutputLimits:
    """Caps on what the tool prints, so a file with a thousand times the same mistake gives a
    readable report (and a GitHub job summary that GitHub accepts: it allows 1 MiB a step)."""

    max_problems_per_code: int = 20  # of one code in one file; then one "and N more" entry
    max_summary_bytes: int = 1_000_000  # the job summary ($GITHUB_STEP_SUMMARY) after this step


OUTPUT_LIMITS = OutputLimits()
