"""The steps of one build, inside the output folder's lock (see ``dossier.render.pipeline``):
plan (what is up to date, what to validate and render), render in workers, then the book."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from concurrent.futures import Future, ThreadPoolExecutor

from dossier.incremental import Manifest, document_key
from dossier.parallel import Job, Runner
from dossier.render.pipeline import (
    Built, Fresh, Item, Options, Outcome, Progress, book_name, check_item, environment, failure, output_name,
    photo_files, remember, source_date,
)
from dossier.workspace import PROVINCE_FILE, Workspace

if TYPE_CHECKING:
    from dossier.validate import Checked


@dataclass
class Planned:
    """One project in the build's order: up to date, left out, or to render."""

    item: Item
    checked: Checked | None = None
    name: str = ""  # its output file
    key: str | None = None
    sources: tuple[Path, ...] = ()
    fresh: bool = False
    draft: bool = False
    built: Built | None = None


def _render_task(task: object, sources: tuple[Path, ...]) -> object:
    """In the worker: date the dossier (git, off the build's critical path), then render it."""
    from dossier.render.dossier import render

    task.when = source_date(sources)  # type: ignore[attr-defined]
    return render(task)  # type: ignore[arg-type]


def _front_task(ws: Workspace, parts: list, left_out: list[Checked], out: Path, variant: str,
                when: object, environment: str) -> bytes:
    from dossier.render.book import front_pdf

    return front_pdf(ws, parts, left_out, out, variant, when, environment)  # type: ignore[arg-type]


class Preloader:
    """Parses dossier PDFs for the book in a thread while the workers render: the merge at the
    end then only copies (parsing is most of its cost). At most ``LIMIT`` are kept in memory."""

    LIMIT = 48

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.pool: ThreadPoolExecutor | None = None
        self.futures: dict[Path, Future[object]] = {}

    def add(self, pdf: Path) -> None:
        if not self.enabled or len(self.futures) >= self.LIMIT:
            return
        from dossier.render.book import preload

        self.pool = self.pool or ThreadPoolExecutor(max_workers=1, thread_name_prefix="dossier-preload")
        self.futures[pdf] = self.pool.submit(preload, pdf)

    def readers(self) -> dict[Path, object]:
        found = {}
        for pdf, future in self.futures.items():
            try:
                found[pdf] = future.result()
            except Exception:  # noqa: BLE001 - the merge reads it again and reports what is wrong
                pass
        return found

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


def _warm_up() -> None:
    from dossier.render.dossier import warm_up

    warm_up()


def plan(ws: Workspace, items: list[Item], options: Options, manifest: Manifest, env: str,
         outcome: Outcome, report: Progress) -> list[Planned]:
    planned: list[Planned] = []
    for item in items:
        p = Planned(item)
        planned.append(p)
        if isinstance(item, tuple) and not options.force:
            path, name = item
            prior = manifest.entries.get(f"{path.stem}.pdf")
            sources = (path, *(Path(s) for s in (prior.sources[1:] if prior else [])))
            entry = manifest.fresh(f"{path.stem}.pdf", document_key(env, sources))
            if entry is not None:  # up to date: not even validated again
                p.name, p.key, p.sources, p.fresh = entry.output, entry.key, sources, True
                fresh = Fresh(name, options.out_dir / entry.output, entry.pages)
                outcome.fresh.append(fresh)
                report("fresh", None, fresh)
                continue
        checked = p.checked = check_item(item, ws)
        report("checked", checked, None)
        p.draft = not (checked.ok and checked.award_type is not None)
        if checked.project is None or (p.draft and not options.draft):
            outcome.skipped.append(checked)
            report("skipped", checked, None)
            continue
        p.name = output_name(checked, p.draft)
        p.sources = tuple([checked.path, *photo_files(checked)]) if checked.path else ()
        p.key = document_key(env, p.sources) if p.sources else None
        entry = manifest.fresh(p.name, p.key) if p.key and not options.force else None
        if entry is not None:
            p.fresh = True
            fresh = Fresh(checked.file, options.out_dir / entry.output, entry.pages)
            outcome.fresh.append(fresh)
            report("fresh", None, fresh)
    return planned


def render_all(ws: Workspace, planned: list[Planned], options: Options, runner: Runner, manifest: Manifest,
               outcome: Outcome, report: Progress, preloader: Preloader) -> None:
    todo = [p for p in planned if p.checked is not None and p.name and not p.fresh]
    if not todo:
        return
    from dossier.render.dossier import Task

    report("rendering", None, len(todo))
    jobs = {}
    for p in todo:
        assert p.checked is not None
        task = Task(ws, p.checked, options.out_dir / p.name, p.draft, options.variant, None,
                    options.keep_layout and options.jobs == 1)
        jobs[p.name] = Job(p.name, _render_task, (task, p.sources or (ws.root / PROVINCE_FILE,)))
    done: dict[str, object] = {}
    order = [p.name for p in todo]
    by_name = {p.name: p for p in todo}
    for result in runner.run(list(jobs.values())):
        done[result.job.name] = result
        report("tick", None, None)
        while order and order[0] in done:  # report in the projects' order
            p = by_name[order.pop(0)]
            _finish(p, done[p.name], ws, manifest, outcome, report)
            if p.built is not None:
                preloader.add(p.built.rendered.path)


def _finish(p: Planned, result: object, ws: Workspace, manifest: Manifest, outcome: Outcome, report: Progress) -> None:
    assert p.checked is not None
    error = getattr(result, "error")
    if error is not None:
        problems = failure(p.checked, error, ws.limits.render_seconds)
        outcome.failed.append(p.checked)
        outcome.diagnostics.extend(problems)
        report("failed", p.checked, problems)
        return
    r = getattr(result, "result")
    p.built = Built(p.checked, r.view, r.pages, r.rendered, r.counts, r.anchors, r.seconds, r.laid)
    outcome.built.append(p.built)
    outcome.diagnostics.extend(r.diagnostics)
    if p.key:
        remember(manifest, p.name, p.key, p.built, list(p.sources))
    report("built", p.checked, p.built)


def make_book(ws: Workspace, planned: list[Planned], options: Options, runner: Runner, manifest: Manifest,
              env: str, outcome: Outcome, report: Progress, preloader: Preloader) -> None:
    included = [p for p in planned if p.built is not None or p.fresh]
    if not options.book or not included:
        return
    sources = [s for p in planned for s in (p.sources or ((p.item[0],) if isinstance(p.item, tuple) else ()))]
    key = document_key(env + "book", [ws.root / PROVINCE_FILE, *sources])
    name = book_name(ws, any(p.draft or p.name.endswith(".draft.pdf") for p in included))
    if not options.force and manifest.fresh(name, key) is not None and not outcome.failed:
        outcome.book_fresh = True
        report("book-fresh", None, options.out_dir / name)
        return
    from dossier.render.book import Part, merge
    from dossier.render.pages import ProjectPages

    parts = []
    for p in included:
        checked = p.checked = p.checked or check_item(p.item, ws)
        if p.built is not None:
            pages, anchors = p.built.pages, p.built.anchors
        else:
            extra = manifest.entries[p.name].extra
            pages, anchors = ProjectPages(*extra["pages"]), extra["anchors"]
            p.draft = p.name.endswith(".draft.pdf")
        parts.append(Part(checked, p.draft, pages, anchors, options.out_dir / p.name))
    left_out = outcome.skipped + outcome.failed
    when = source_date([ws.root / PROVINCE_FILE, *sources])
    job = Job(name, _front_task, (ws, parts, left_out, options.out_dir, options.variant, when, env))
    for result in runner.run([job]):
        try:
            if result.error is not None:
                raise result.error
            outcome.book = merge(ws, parts, result.result, preloader.readers(), options.out_dir, when)
        except Exception as exc:  # noqa: BLE001 - the book's failure is reported, the dossiers stand
            problems = failure(_province_item(ws), exc, ws.limits.render_seconds)
            outcome.diagnostics.extend(problems)
            report("book-failed", None, problems)
            continue
        from dossier.incremental import Entry

        manifest.record(name, Entry(key, name, outcome.book.pages, outcome.book.path.stat().st_size,
                                    round(outcome.book.seconds, 3)))
        report("book", None, outcome.book)


def _province_item(ws: Workspace) -> Checked:
    from dossier.load import Source
    from dossier.validate import Checked

    return Checked(PROVINCE_FILE, ws.root / PROVINCE_FILE, Source(PROVINCE_FILE, ws.root / PROVINCE_FILE))


def run_build(ws: Workspace, items: list[Item], options: Options, report: Progress) -> Outcome:
    outcome = Outcome()
    manifest = Manifest.load(options.out_dir)
    env = environment(ws, options)
    planned = plan(ws, items, options, manifest, env, outcome, report)
    work = any(p.checked is not None and p.name and not p.fresh for p in planned)
    preloader = Preloader(options.book and work)
    try:
        with Runner(options.jobs, ws.limits.render_seconds, ws.limits.render_memory_bytes, _warm_up) as runner:
            if work:
                runner.prepare()  # fork the workers before the preloading thread starts
            for p in planned:
                if p.fresh:  # parsed for the book while the others render
                    preloader.add(options.out_dir / p.name)
            render_all(ws, planned, options, runner, manifest, outcome, report, preloader)
            make_book(ws, planned, options, runner, manifest, env, outcome, report, preloader)
    finally:
        preloader.close()
    return outcome
