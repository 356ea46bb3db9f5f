"""The preview's pages: the index (every project with its state, the problems, the documents)
and a page per project (its pages as images, its problems beside them, each linked to its line
for VS Code), from ``templates/preview-index.html.j2`` and ``preview-project.html.j2``
(autoescaped; every value shown with control and bidi characters made visible)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from dossier import catalogue
from dossier.errors import Diagnostic, Severity, capped
from dossier.preview.gallery import Gallery

if TYPE_CHECKING:
    import jinja2

    from dossier.serve import Preview

# Problems that have a place on the pages, marked there: the pages over the document's limit, and
# any problem whose arguments name its page (text cut at the page's edge, found by the render's
# dossier/render/overflow.py, whose "page" is the PDF's page number).
PAGE_CODES = ("document-over-pages", "text-overflow")


@dataclass(frozen=True)
class Problem:
    severity: str
    where: str  # file:line:column
    message: str
    hint: str
    link: str  # vscode://file/...:line:column, or "" without a place in a file


@dataclass
class Project:
    source: str
    key: str  # in its page's address: /project/<key>
    state: str  # ok | warnings | errors | broken (no document: the last good pages shown) | none
    document: str = ""  # this build's PDF, "" when it has none
    draft: bool = False
    gallery: Gallery | None = None
    problems: list[Problem] = field(default_factory=list)
    marks: dict[int, list[str]] = field(default_factory=dict)  # page number -> what is wrong there


def key_of(source: str) -> str:
    return Path(source).stem


def problem(d: Diagnostic, lang: str) -> Problem:
    where = f"{d.file}:{d.line}:{d.column}" if d.line else d.file
    link = ""
    if d.line and d.file.endswith((".yaml", ".yml")):
        link = f"vscode://file{quote(str(Path(d.file).resolve()))}:{d.line}:{d.column}"
    return Problem(d.severity.value, where, d.message(lang), d.hint(lang), link)


def marks(diagnostics: list[Diagnostic], pages: int, lang: str) -> dict[int, list[str]]:
    """The pages a problem is about: those past the document's page limit (the last ones), and
    the page a problem names (``args["page"]``, 1-based), if the document has it."""
    found: dict[int, list[str]] = {}
    for d in diagnostics:
        if d.code == "document-over-pages" and isinstance(d.args.get("pages"), int) and isinstance(d.args.get("limit"), int):
            over = d.args["pages"] - d.args["limit"]
            for number in range(max(1, pages - over + 1), pages + 1):
                found.setdefault(number, []).append(d.message(lang))
        elif isinstance(d.args.get("page"), int) and not isinstance(d.args.get("page"), bool) and 0 < d.args["page"] <= pages:
            found.setdefault(d.args["page"], []).append(d.message(lang))
    return found


def projects(preview: Preview | None, galleries: dict[str, Gallery], lang: str) -> list[Project]:
    """Every project the build knows of (its documents, its problems, the pages kept), by file."""
    if preview is None:
        return []
    sources = {d.source for d in preview.documents if d.source}
    sources |= {d.file for d in preview.problems if d.file.endswith((".yaml", ".yml")) and Path(d.file).parent.name == "projects"}
    sources |= set(galleries)
    found = []
    for source in sorted(sources):
        document = next((d for d in preview.documents if d.source == source), None)
        own = [d for d in preview.problems if d.file == source]
        errors = any(d.severity is Severity.ERROR for d in own)
        gallery = galleries.get(source)
        if document is None:
            state = "broken" if gallery is not None else "none"
        else:
            state = "errors" if errors or document.draft else ("warnings" if own else "ok")
        pages = len(gallery.pages) if gallery else 0
        found.append(Project(source, key_of(source), state, document.name if document else "",
                             bool(document and document.draft), gallery,
                             [problem(d, lang) for d in capped(own)], marks(own, pages, lang)))
    return found


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    import jinja2
    from markupsafe import Markup

    from dossier.paths import builtin_templates_dir
    from dossier.safetext import visible

    def shown(value: Any) -> Any:
        return value if isinstance(value, Markup) or not isinstance(value, str) else visible(value)

    return jinja2.Environment(loader=jinja2.FileSystemLoader(builtin_templates_dir()), autoescape=True,
                              undefined=jinja2.StrictUndefined, finalize=shown)


def _common(preview: Preview | None, lang: str) -> dict[str, Any]:
    def say(code: str, **args: object) -> str:
        return catalogue.message(code, lang, args)

    status = (say("serve-status", when=preview.finished.strftime("%H:%M:%S"), seconds=f"{preview.seconds:.1f}",
                  version=preview.version) if preview else "")
    return {"lang": lang, "say": say, "status": status, "version": preview.version if preview else 0,
            "stamp": preview.stamp if preview else 0,
            "quote": quote}


def index_page(preview: Preview | None, galleries: dict[str, Gallery], lang: str) -> str:
    """The index: every project with its state and a link to its page; every problem; the documents."""
    problems = [problem(d, lang) for d in capped(preview.problems)] if preview else []
    return environment().get_template("preview-index.html.j2").render(
        **_common(preview, lang), projects=projects(preview, galleries, lang), problems=problems,
        documents=list(preview.documents) if preview else [])


def project_page(preview: Preview | None, galleries: dict[str, Gallery], lang: str, key: str) -> str | None:
    """A project's page, or None when no project has that key."""
    chosen = next((p for p in projects(preview, galleries, lang) if p.key == key), None)
    if chosen is None:
        return None
    return environment().get_template("preview-project.html.j2").render(**_common(preview, lang), project=chosen)
