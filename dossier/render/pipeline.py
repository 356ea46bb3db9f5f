"""``dossier build`` as a library: project files → their dossiers, page limits, the book.

Only what changed is made again. Every document has a key, the hash of everything it depends on
(``dossier.incremental``); a document whose key and output are those the manifest recorded is up
to date and is neither validated nor rendered again, so a build where nothing changed never
imports WeasyPrint. The others are validated, then rendered in worker processes (``jobs``), each
within the time and memory limits of ``dossier.limits``; a project that fails does not stop the
others. Results are reported in the projects' order whatever order they finish in. The book is
made from the dossier PDFs (``dossier.render.book``). The output folder is locked for the whole
build, and every file in it is replaced atomically.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from dossier import outputs
from dossier.errors import Diagnostic, DossierError, Pos
from dossier.files import BuildLock, LockedError
from dossier.incremental import MANIFEST, Entry, Manifest, environment_for
from dossier.outputs import dossier_name
from dossier.paths import display
from dossier.render.pdf import DEFAULT_VARIANT, Rendered

if TYPE_CHECKING:  # imported lazily: a build with nothing to do imports neither validation nor rendering
    from dossier.render.pages import ProjectPages
    from dossier.validate import Checked
    from dossier.validate.checks import PageCounts
    from dossier.workspace import Workspace

_CODE_POINT = re.compile(r"U\+([0-9A-Fa-f]{4,6})")


@dataclass
class Options:
    out_dir: Path
    draft: bool = False  # render projects with errors as drafts instead of skipping them
    book: bool = True  # also make the province's book of every dossier
    variant: str = DEFAULT_VARIANT  # PDF/A-3b unless told otherwise
    jobs: int = 1  # worker processes
    force: bool = False  # rebuild even what is up to date
    keep_layout: bool = False  # keep each dossier's laid-out pages in Built.laid (jobs=1 only, rendered in
    # this process without the memory cap: for tests, never a command's path)


@dataclass
class Built:
    """One dossier made in this build."""

    checked: Checked
    view: object  # dossier.render.views.ProjectView (not imported here: it pulls in Jinja)
    pages: ProjectPages
    rendered: Rendered
    counts: PageCounts
    anchors: dict[str, int]
    seconds: float
    laid: object = None  # dossier.render.pdf.Laid, with Options.keep_layout

    @property
    def draft(self) -> bool:
        return bool(getattr(self.view, "draft", False))


@dataclass
class Fresh:
    """A dossier that was up to date: its output was kept."""

    file: str
    path: Path
    pages: int


@dataclass
class Outcome:
    built: list[Built] = field(default_factory=list)
    fresh: list[Fresh] = field(default_factory=list)
    skipped: list[Checked] = field(default_factory=list)
    failed: list[Checked] = field(default_factory=list)
    book: Rendered | None = None
    book_fresh: bool = False
    diagnostics: list[Diagnostic] = field(default_factory=list)  # found while building
    book_path: Path | None = None  # the book as it stands after this build (made or up to date)
    removed: list[Path] = field(default_factory=list)  # stale drafts of documents now made final

    def current(self) -> list[Path]:
        """Every document this build made or found up to date, the book last: what is current
        in the output folder (anything else there is from an earlier build)."""
        return [*(b.rendered.path for b in self.built), *(f.path for f in self.fresh),
                *([self.book_path] if self.book_path is not None else [])]


#: Called as each step ends, in the projects' order: ("checked", item, None) |
#: ("fresh", None, fresh) | ("built", item, built) | ("skipped", item, None) |
#: ("failed", item, diagnostics) | ("book", None, rendered) | ("book-fresh", None, path) |
#: ("book-failed", None, diagnostics) | ("rendering", None, count) | ("tick", None, None).
Progress = Callable[[str, "Checked | None", object], None]
# a validated project, or a file validated only if out of date
Item: TypeAlias = "Checked | tuple[Path, str]"


def photo_files(item: Checked, root: Path) -> list[Path]:
    """The photos a dossier depends on: those it may show (inside the repository, regular files
    within the resource limit; validation reports the others, which are never read)."""
    from dossier.boundary import usable
    from dossier.limits import DEFAULT_LIMITS

    base = item.path.parent if item.path else Path.cwd()
    photos = item.project.photos if item.project and item.project.photos else []
    return [base / photo.file for photo in photos  # no file has a NUL
            if photo.file and "\x00" not in photo.file
            and usable(base / photo.file, root, DEFAULT_LIMITS.max_resource_bytes)]


def source_date(paths: Sequence[Path]) -> dt.datetime:
    """The reproducible date of a document: ``SOURCE_DATE_EPOCH`` when set, else the newest last
    commit of its files (git), else their newest modification time."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    from dossier.gitinfo import last_change

    dates = []
    for path in paths:
        change = last_change(path) if path.exists() else None
        if change is not None and change.committed and not change.dirty and change.date is not None:
            dates.append(change.date.astimezone(dt.UTC).replace(tzinfo=None))
        elif path.exists():
            dates.append(dt.datetime.fromtimestamp(int(path.stat().st_mtime), dt.UTC).replace(tzinfo=None))
    return max(dates) if dates else dt.datetime(2000, 1, 1)


def locate_glyphs(diagnostics: list[Diagnostic], text: str) -> list[Diagnostic]:
    """Place each missing-glyph error on the first line of the source holding that character."""
    placed = []
    for d in diagnostics:
        found = _CODE_POINT.search(str(d.args.get("chars", ""))) if d.code == "glyph-missing" else None
        if found:
            char = chr(int(found[1], 16))
            for number, line in enumerate(text.splitlines(), start=1):
                if char in line:
                    d = replace(d, pos=Pos(number, line.index(char) + 1))
                    break
        placed.append(d)
    return placed


def failure(item: Checked, error: BaseException, seconds: int) -> list[Diagnostic]:
    """A job's failure as the project's located problems."""
    from dossier.parallel import RenderTimeout

    if isinstance(error, DossierError):
        return locate_glyphs(error.diagnostics, item.source.text)
    if isinstance(error, RenderTimeout):
        return [Diagnostic(item.file, Pos(), "render-timeout", args={"seconds": seconds})]
    if isinstance(error, MemoryError):
        return [Diagnostic(item.file, Pos(), "render-memory", args={})]
    return [Diagnostic(item.file, Pos(), "render-failed", args={"reason": repr(error)})]


def output_name(item: Checked, draft: bool) -> str:
    return dossier_name(item.slug, draft)


def book_name(ws: Workspace, draft: bool) -> str:
    return outputs.book_name(ws.province.province, ws.province.edition, draft)


def book_slug(ws: Workspace) -> str:
    return book_name(ws, False).removesuffix(".pdf")


def refuse_conflicts(ws: Workspace, items: Sequence[Item], options: Options) -> None:
    """Before anything is written: the output folder must not lead outside the repository (a
    symlinked ``build/``), and no two inputs may write one output (``dossier.outputs``)."""
    from dossier.boundary import is_inside

    out = Path(os.path.abspath(options.out_dir))
    if out.is_relative_to(ws.root) and not is_inside(out, ws.root):
        raise DossierError([Diagnostic(display(out), Pos(), "output-outside", args={"path": display(out)})])
    linked = [out / name for name in (BuildLock.NAME, MANIFEST, ".dossier-cache") if (out / name).is_symlink()]
    if linked:  # the lock is opened for writing: through a link it would overwrite another file
        raise DossierError([Diagnostic(display(p), Pos(), "output-symlink", args={"path": display(p)}) for p in linked])
    chosen = [item if isinstance(item, tuple) else (item.path or Path(item.file), item.file) for item in items]
    found = outputs.collisions(chosen, ws.project_files(None), book_slug(ws))
    if found:
        raise DossierError(found)


def build(ws: Workspace, items: Sequence[Item], options: Options, progress: Progress | None = None) -> Outcome:
    """Build every dossier of ``items`` (already validated, or (path, name) pairs validated only
    when out of date) and the book; never raises for a project's problems."""
    from dossier.render.stages import run_build

    refuse_conflicts(ws, items, options)
    try:
        with BuildLock(options.out_dir) as lock:
            report = progress or (lambda *_: None)
            if lock.taken_over:  # a build killed before it could release the lock (kill -9)
                report("lock-taken-over", None, lock.taken_over)
            return run_build(ws, list(items), options, report)
    except LockedError as exc:
        raise DossierError([Diagnostic(str(options.out_dir), Pos(), "build-locked",
                                       args={"path": str(options.out_dir), "pid": exc.holder or "?"})]) from None
    except OSError as exc:  # the output folder cannot be made or locked (read-only, full disk)
        raise DossierError([Diagnostic(str(options.out_dir), Pos(), "write-failed",
                                       args={"path": str(options.out_dir), "reason": exc.strerror or str(exc)})]) from None


def check_item(item: Item, ws: Workspace) -> Checked:
    if isinstance(item, tuple):
        from dossier.validate import check_file

        return check_file(item[0], ws, item[1])
    return item


def remember(manifest: Manifest, name: str, key: str, built: Built, sources: list[Path]) -> None:
    manifest.record(name, Entry(key, name, built.rendered.pages, built.rendered.path.stat().st_size,
                                round(built.seconds, 3), [str(p) for p in sources], {
                                    "pages": [built.pages.count, built.pages.toc, built.pages.body, built.pages.end],
                                    "anchors": built.anchors, "file": built.checked.file}))


def environment(ws: Workspace, options: Options) -> str:
    return environment_for(ws.root, ws.province.edition, options.variant)
