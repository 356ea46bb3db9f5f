"""The steps of one build, inside the output folder's lock (see ``dossier.build.pipeline``):
plan (what is up to date, what to validate and render), render in workers, then the book."""

from __future__ import annotations

import contextlib
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from dossier.build.events import BuildObserver
from dossier.build.freshness import book_key
from dossier.build.front import PREFIX, FrontMatter
from dossier.build.manifest import Entry, Manifest, document_key
from dossier.build.outcome import Built, Fresh, Item, Options, Outcome
from dossier.build.plan import (
    Planned,
    book_name,
    book_sources,
    check_item,
    environment,
    likely_work,
    output_name,
    photo_files,
    plan,
    source_date,
)
from dossier.build.uptodate import record
from dossier.build.workers import Job, Note, Runner
from dossier.build.workers import Outcome as JobOutcome
from dossier.errors import NOWHERE, Diagnostic, DossierError, Pos, RenderTimeout, Severity
from dossier.files import TEMP_FOLDER
from dossier.load import Source
from dossier.outputs import dossier_name, draft_of, is_draft
from dossier.paths import PROVINCE_FILE
from dossier.thaidict import activate

if TYPE_CHECKING:
    from dossier.validate import Checked
    from dossier.workspace import Workspace

_CODE_POINT = re.compile(r"U\+([0-9A-Fa-f]{4,6})")


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
    if isinstance(error, DossierError):
        return locate_glyphs(error.diagnostics, item.source.text)
    if isinstance(error, RenderTimeout):
        return [Diagnostic(item.file, NOWHERE, "render-timeout", args={"seconds": seconds})]
    if isinstance(error, MemoryError):
        return [Diagnostic(item.file, NOWHERE, "render-memory", args={})]
    return [Diagnostic(item.file, NOWHERE, "render-failed", args={"reason": repr(error)})]


def remember(manifest: Manifest, name: str, key: str, built: Built, sources: list[Path]) -> None:
    manifest.record(name, Entry(key, name, built.rendered.pages, built.rendered.path.stat().st_size,
                                round(built.seconds, 3), [str(p) for p in sources], {
                                    "pages": [built.pages.count, built.pages.toc, built.pages.body, built.pages.end],
                                    "anchors": built.anchors, "file": built.checked.file}))



def _render_task(task: object, sources: tuple[Path, ...], note: Note) -> object:
    """In the worker: date the dossier (git, off the build's critical path), then render it,
    noting its page numbers once it is laid out (the book's front matter can start then)."""
    from dossier.render.dossier import render  # Jinja, and WeasyPrint's engine: only where something renders

    task.when = source_date(sources)  # type: ignore[attr-defined]
    return render(task, lambda pages, anchors, view: note(("laid", pages, anchors, view)))  # type: ignore[arg-type]


def _warm_up() -> None:
    from dossier.render.dossier import warm_up  # in the workers

    warm_up()


def check(ws: Workspace, planned: list[Planned], options: Options, manifest: Manifest, env: str,
          outcome: Outcome, observer: BuildObserver) -> None:
    """Validate what is not known to be up to date, in the projects' order, and report each."""
    for p in planned:
        if p.fresh and p.checked is None:
            fresh = Fresh(p.item[1] if isinstance(p.item, tuple) else p.name, options.out_dir / p.name,
                          manifest.entries[p.name].pages)
            outcome.fresh.append(fresh)
            observer.fresh(fresh)
            continue
        checked = p.checked = check_item(p.item, ws)
        observer.checked(checked)
        p.draft = not (checked.ok and checked.award_type is not None)
        if checked.project is None or (p.draft and not options.draft):
            outcome.skipped.append(checked)
            observer.skipped(checked)
            continue
        p.name = output_name(checked, p.draft)
        p.sources = tuple([checked.path, *photo_files(checked, ws.root)]) if checked.path else ()
        p.key = document_key(env, p.sources) if p.sources else None
        entry = manifest.fresh(p.name, p.key) if p.key and not options.force else None
        if entry is not None:
            p.fresh = True
            fresh = Fresh(checked.file, options.out_dir / entry.output, entry.pages)
            outcome.fresh.append(fresh)
            observer.fresh(fresh)


def render_all(ws: Workspace, planned: list[Planned], options: Options, runner: Runner, manifest: Manifest,
               outcome: Outcome, observer: BuildObserver, front: FrontMatter | None) -> None:
    """Render what is out of date, in workers; the book's front matter starts as soon as every
    dossier's page numbers are known (``dossier.build.front``)."""
    todo = [p for p in planned if p.checked is not None and p.name and not p.fresh]
    if not todo:
        return
    from dossier.render.dossier import Task  # Jinja: only when something is out of date

    observer.rendering(len(todo))
    jobs = []
    for p in todo:
        assert p.checked is not None
        task = Task(ws, p.checked, options.out_dir / p.name, p.draft, options.variant, None,
                    options.keep_layout and options.jobs == 1)
        jobs.append(Job(p.name, _render_task, (task, p.sources or (ws.root / PROVINCE_FILE,)), notes=True))
    if front is not None and options.jobs > 1:
        jobs += front.speculative(outcome)
    done: dict[str, JobOutcome] = {}
    order = [p.name for p in todo]
    by_name = {p.name: p for p in todo}
    on_note = (lambda name, what: front.on_note(name, what, outcome)) if front is not None else None
    for result in runner.run(jobs, on_note):
        if result.job.name.startswith(PREFIX):
            if front is not None:
                front.finished(result.job.name, result.result, result.error)
            continue
        done[result.job.name] = result
        observer.tick()
        while order and order[0] in done:  # report in the projects' order
            p = by_name[order.pop(0)]
            _finish(p, done[p.name], ws, manifest, outcome, observer)


def _finish(p: Planned, result: JobOutcome, ws: Workspace, manifest: Manifest, outcome: Outcome, observer: BuildObserver) -> None:
    assert p.checked is not None
    error = result.error
    if error is not None:
        problems = failure(p.checked, error, ws.limits.render_seconds)
        outcome.failed.append(p.checked)
        outcome.diagnostics.extend(problems)
        observer.failed(p.checked, problems)
        return
    r = result.result
    p.built = Built(p.checked, r.view, r.pages, r.rendered, r.counts, r.anchors, r.seconds, r.laid)
    outcome.built.append(p.built)
    outcome.diagnostics.extend(r.diagnostics)
    if p.key and not any(d.severity is Severity.ERROR for d in r.diagnostics):  # else made and said again
        remember(manifest, p.name, p.key, p.built, list(p.sources))
    observer.rendered(p.built)


def make_book(ws: Workspace, planned: list[Planned], options: Options, runner: Runner, manifest: Manifest,
              outcome: Outcome, observer: BuildObserver, front: FrontMatter) -> None:
    included = [p for p in planned if p.built is not None or p.fresh]
    if not options.book or not included:
        return
    key = book_key(front.env, book_sources(ws, planned))
    name = book_name(ws, any(p.draft or is_draft(p.name) for p in included))
    if not options.force and manifest.fresh(name, key) is not None and not outcome.failed:
        outcome.book_fresh = True
        outcome.book_path = options.out_dir / name
        observer.book_fresh(options.out_dir / name)
        return
    from dossier.build.book import merge  # pikepdf: only when the book is made

    parts = front.parts({p.name: (p.built.pages, p.built.anchors, p.built.view) for p in included if p.built},
                        final=True)
    if parts is None:
        return
    left_out = outcome.skipped + outcome.failed
    made = front.ready(parts, left_out)
    job = None if made is not None else front.job(parts, left_out)
    results = runner.run([job]) if job is not None else [None]
    for result in results:
        try:
            if result is not None and result.error is not None:
                raise result.error
            data = made if result is None else result.result  # no job: the front matter was made already
            assert data is not None
            outcome.book = merge(ws, parts, data, options.out_dir, front.when)
            outcome.book_path = outcome.book.path
        except Exception as exc:  # noqa: BLE001 - the book's failure is reported, the dossiers stand
            problems = failure(_province_item(ws), exc, ws.limits.render_seconds)
            outcome.diagnostics.extend(problems)
            observer.book_failed(problems)
            continue
        manifest.record(name, Entry(key, name, outcome.book.pages, outcome.book.path.stat().st_size,
                                    round(outcome.book.seconds, 3)))
        observer.book(outcome.book)


def _province_item(ws: Workspace) -> Checked:
    from dossier.validate import Checked  # the full path has validated already: no cost

    return Checked(PROVINCE_FILE, ws.root / PROVINCE_FILE, Source(PROVINCE_FILE, ws.root / PROVINCE_FILE))


def run_build(ws: Workspace, items: list[Item], options: Options, observer: BuildObserver,
              shared: Runner | None = None) -> Outcome:
    """One build; its renders in ``shared``'s workers when given (warm from an earlier build),
    else in workers of its own, made for it and stopped at its end."""
    outcome = Outcome()
    activate(ws.root)  # before the workers start and before any Thai is laid out here
    from dossier.render.thaiwrap import segmenter  # the word list: only a build that reached here

    segmenter()  # its word list loaded once here: the forked workers have it already
    manifest = Manifest.load(options.out_dir)
    env = environment(ws, options)
    planned = plan(items, options, manifest, env, ws.root)
    if shared is not None:  # kept warm by the caller between builds, stopped by it
        shared.adopt(env, ws.limits.render_seconds, ws.limits.render_memory_bytes)
    with contextlib.nullcontext(shared) if shared is not None else Runner(
            options.jobs, ws.limits.render_seconds, ws.limits.render_memory_bytes, _warm_up,
            options.out_dir / TEMP_FOLDER,  # the workers' temp folder, under the lock
            in_process=options.keep_layout and options.jobs == 1) as runner:
        if likely_work(planned, manifest):
            runner.prepare()  # the workers import WeasyPrint while this process validates
        check(ws, planned, options, manifest, env, outcome, observer)
        if any(p.checked is not None and p.name and not p.fresh for p in planned):
            runner.prepare()
        elif shared is None:
            runner.discard()  # started for nothing: stopped, not waited for
        front = FrontMatter(ws, planned, options, manifest, env)
        render_all(ws, planned, options, runner, manifest, outcome, observer, front if options.book else None)
        observer.dossiers_done(outcome)
        make_book(ws, planned, options, runner, manifest, outcome, observer, front)
    remove_stale_drafts(outcome, manifest)
    remember_clean(ws, planned, options, manifest, outcome)
    return outcome


def remove_stale_drafts(outcome: Outcome, manifest: Manifest) -> None:
    """A document current in its final form (made or up to date) makes its draft stale: the
    draft is removed, if the manifest shows this tool made it (a file of the same name that
    the tool did not make is left alone)."""
    for path in outcome.current():
        if is_draft(path):
            continue
        draft = draft_of(path)
        if draft.name not in manifest.entries:
            continue
        try:
            draft.unlink(missing_ok=True)
        except OSError:
            continue  # cannot be removed (permissions): still the manifest's, tried again next build
        manifest.forget(draft.name)
        outcome.removed.append(draft)


def remember_clean(ws: Workspace, planned: list[Planned], options: Options, manifest: Manifest,
                   outcome: Outcome) -> None:
    """After a clean build of every project, what lets the next one see it has nothing to do
    without reading ``dossier.yaml`` (``dossier.build.uptodate``); after any other, forget it."""
    every = [path for path, _name in ws.project_files(None)]
    paths = [p.item[0] for p in planned if isinstance(p.item, tuple)]
    clean = (paths == every and len(paths) == len(planned) and not outcome.failed and not outcome.skipped
             and not ws.diagnostics and all(p.name == dossier_name(path.stem, False) for p, path in zip(planned, paths))
             and (not options.book or outcome.book is not None or outcome.book_fresh))
    before = manifest.quick
    if clean:
        book = book_name(ws, False) if options.book else None
        record(manifest, ws.root, ws.province.edition, quick_options(options), paths, book)
    else:
        manifest.quick = None
    if manifest.quick != before:
        manifest.save()


def quick_options(options: Options) -> dict[str, object]:
    """The options a recorded clean build must share with a later one to stand for it (not
    ``draft``: a clean build has no project with errors, so it is the same with or without)."""
    return {"variant": options.variant, "book": options.book}
