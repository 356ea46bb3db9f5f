"""Running render jobs in worker processes (``-j N``; ``-j 1`` is one worker), each with a
wall-time and memory limit: a render never runs in the calling process, so the memory cap holds
on every path (``build -j N``, ``build -j 1``, ``serve``); only tests that need results which
cannot cross processes (WeasyPrint's layout) ask for ``in_process``, uncapped.

A :class:`Runner` keeps its workers for its whole ``with`` block, so a later batch (the book,
after the dossiers) finds WeasyPrint already imported. A job that fails (an exception, the time
limit, the memory limit, even a crashed worker) is that job's failure; the other jobs go on.

A job made with ``notes=True`` is called with a ``note`` function: what it passes reaches the
batch's ``on_note`` while the job is still running (the dossier's page numbers, known after its
layout and before its writing), and ``on_note`` may answer with more jobs for the same batch.

Workers never outlive the runner: leaving its ``with`` block by an exception (Ctrl+C, SIGTERM)
kills them at once instead of waiting for their renders; a worker whose parent dies (``kill -9``)
is killed by the kernel (``PR_SET_PDEATHSIG``, Linux) or notices its new parent and exits. Their
temporary files (WeasyPrint's font copies) go to the runner's own folder, removed at the end.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dossier.errors import RenderTimeout

if TYPE_CHECKING:  # imported when workers start: a build with nothing to do never needs them
    import concurrent.futures as cf


@dataclass(frozen=True)
class Job:
    name: str
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    notes: bool = False  # call fn(*args, note=...) to report progress before it returns


Note = Callable[[Any], None]
OnNote = Callable[[str, Any], Sequence[Job]]  # (job name, what it noted) → jobs to add


class _Channel:
    """Notes from workers to the parent: a pipe made before the workers are forked (they
    inherit it), read by the parent between waits. A worker knows its channel from its
    initializer, which is the only state a worker process keeps."""

    def __init__(self, context: Any) -> None:
        self.queue = context.SimpleQueue()

    def drain(self) -> list[tuple[str, Any]]:
        found = []
        while not self.queue.empty():
            try:
                found.append(self.queue.get())
            except Exception:  # noqa: BLE001 - a note that cannot be read is only a lost hint
                pass
        return found

    def put(self, name: str, what: Any) -> None:
        """Send a note whole: the time limit's SIGALRM is held back while it is written (a note
        cut in the middle would corrupt the pipe), and delivered right after."""
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        try:
            self.queue.put((name, what))
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)


_WORKER_CHANNEL: list[_Channel] = []  # in a worker process only: set once by its initializer


@dataclass
class Outcome:
    job: Job
    result: Any = None
    error: BaseException | None = None


def _on_alarm(signum: int, frame: object) -> None:
    raise RenderTimeout()


def limit_memory(max_bytes: int) -> None:
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = max_bytes if hard == resource.RLIM_INFINITY else min(max_bytes, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):  # not permitted here: run without the cap
        pass


def die_with_parent(parent: int) -> None:
    """In a worker: be killed by the kernel when ``parent`` ends, even by ``kill -9`` (Linux's
    ``PR_SET_PDEATHSIG``); exit now if it already has (the worker was adopted by another)."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # 1: PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # no prctl here: the parent check below still holds
            pass
    if os.getppid() != parent:
        os._exit(1)


def use_temp(folder: Path) -> None:
    """In a worker: every temporary file (``tempfile``, and C libraries reading ``TMPDIR``) goes
    into ``folder``."""
    import tempfile

    os.environ["TMPDIR"] = str(folder)
    tempfile.tempdir = str(folder)


def remove_temp(folder: Path) -> None:
    """Remove a runner's temporary folder and what is in it (a symlink in its place is removed,
    never followed)."""
    if folder.is_symlink() or folder.is_file():
        folder.unlink(missing_ok=True)
    elif folder.exists():
        shutil.rmtree(folder, ignore_errors=True)


STOPPING = {signal.SIGINT, signal.SIGTERM}


def _worker_init(max_bytes: int, warmup: Callable[[], None] | None, channel: _Channel, parent: int,
                 temp: Path | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C, and stops the workers
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler: terminate() ends a worker
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPPING)  # held back in the parent while it forked
    die_with_parent(parent)
    if temp is not None:
        use_temp(temp)
    _WORKER_CHANNEL[:] = [channel]
    limit_memory(max_bytes)
    if warmup is not None:
        warmup()


def _in_worker(job: Job, seconds: int) -> Any:
    if not job.notes:
        return run_limited(job.fn, job.args, seconds)
    channel = _WORKER_CHANNEL[0]
    return run_limited(job.fn, job.args, seconds, lambda what: channel.put(job.name, what))


def run_limited(fn: Callable[..., Any], args: tuple[Any, ...], seconds: int, note: Note | None = None) -> Any:
    """Call ``fn(*args)`` (with ``note=`` when given), interrupting it with
    :class:`RenderTimeout` after ``seconds`` (main thread only: a worker's)."""
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.alarm(seconds)
    try:
        return fn(*args) if note is None else fn(*args, note=note)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


class Runner:
    """Runs batches of jobs in ``workers`` worker processes (at least one).

    ``temp``, when given, is the workers' temporary folder: made empty on entering (a killed
    runner's leftovers go) and removed on leaving, once the workers are gone. Give it a folder
    only this runner uses (the build's, under its lock)."""

    def __init__(self, workers: int, seconds: int, max_bytes: int, warmup: Callable[[], None] | None = None,
                 temp: Path | None = None, in_process: bool = False) -> None:
        self.workers = max(1, workers)
        self.seconds = seconds
        self.max_bytes = max_bytes
        self.warmup = warmup
        self.temp = temp
        self.in_process = in_process  # tests only (results that cannot cross processes): no memory cap
        self._warm = False
        self._pool: cf.ProcessPoolExecutor | None = None
        self._processes: list[Any] = []  # the pool's worker processes, as forked by _new_pool
        self._channel: _Channel | None = None
        self.tag = ""  # what the workers' state was made for (a shared runner: the build's environment)

    def adopt(self, tag: str, seconds: int, max_bytes: int) -> None:
        """For a runner kept warm between builds (``dossier serve``): this build's limits, and
        workers whose cached state (templates, fonts, word lists) was made for ``tag``; workers
        made for another (``dossier.yaml``, a template, the word list changed) or under another
        memory cap are stopped, and the next batch forks fresh ones."""
        if tag != self.tag or max_bytes != self.max_bytes:
            self.discard()
        self.tag, self.seconds, self.max_bytes = tag, seconds, max_bytes

    def __enter__(self) -> Runner:
        if self.temp is not None:
            remove_temp(self.temp)
            self.temp.mkdir(mode=0o700, parents=True)
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        try:
            if kind is None:  # every job is done: the workers are idle and end at once
                if self._pool is not None:
                    self._pool.shutdown(wait=True, cancel_futures=True)
                    self._pool = None
            else:  # Ctrl+C, SIGTERM, a failure: never wait for a render
                self.discard()
        finally:
            if self.temp is not None:
                remove_temp(self.temp)

    def prepare(self) -> None:
        """Start the workers now, without waiting for them: they warm up (import WeasyPrint)
        while the caller goes on. Call it before starting threads of your own: a process forked
        while another thread holds a lock could deadlock on it."""
        if self._pool is None and not self.in_process:
            self._pool = self._new_pool(self.workers)

    def discard(self) -> None:
        """Stop the workers now, whatever they are doing (warming up, rendering), and wait
        until they are gone."""
        if self._pool is not None:
            pool, self._pool = self._pool, None
            processes, self._processes = self._processes, []
            for process in processes:  # first: the pool's own shutdown would wait for their jobs
                process.terminate()
            for process in processes:
                process.join(2)
                if process.is_alive():
                    process.kill()
                    process.join(2)
            pool.shutdown(wait=False, cancel_futures=True)
            self._channel = None  # a killed worker may have held its lock: the next pool gets a new one

    def _new_pool(self, workers: int) -> cf.ProcessPoolExecutor:
        import concurrent.futures as cf
        import multiprocessing

        context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
        self._channel = self._channel or _Channel(context)
        pool = cf.ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_init,
                                      initargs=(self.max_bytes, self.warmup, self._channel, os.getpid(), self.temp))
        # With fork, the first job forks every worker, here and now. Ctrl+C and SIGTERM wait
        # until it is done: raised in the fork's own handlers, their exception would be lost.
        # The processes it forked are this runner's to stop (discard), told apart from any other
        # child of this process by being new.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, STOPPING)
        try:
            before = set(multiprocessing.active_children())
            pool.submit(int)
            self._processes = [p for p in multiprocessing.active_children() if p not in before]
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        return pool

    def run(self, jobs: Sequence[Job], on_note: OnNote | None = None) -> Iterator[Outcome]:
        """Yield each job's outcome as it finishes (callers order them for display), and the
        outcomes of the jobs ``on_note`` adds."""
        if not jobs:
            return
        if self.in_process:
            yield from self._here(jobs, on_note)
            return
        import concurrent.futures as cf

        if self._pool is None and not self.in_process:
            self._pool = self._new_pool(self.workers)
        assert self._channel is not None
        self._channel.drain()  # stale: from a crashed batch's isolated reruns
        broken: list[Job] = []
        futures = {self._pool.submit(_in_worker, job, self.seconds): job for job in jobs}
        pending = set(futures)
        listen = any(job.notes for job in jobs)  # drained often: a full pipe would block a worker
        while pending:
            done, pending = cf.wait(pending, timeout=0.02 if listen else None, return_when=cf.FIRST_COMPLETED)
            for name, what in self._channel.drain():  # a job's notes come before its outcome
                for job in (on_note(name, what) if on_note else ()):
                    future = self._pool.submit(_in_worker, job, self.seconds)
                    futures[future] = job
                    pending.add(future)
            for future in done:
                job = futures[future]
                try:
                    yield Outcome(job, future.result())
                except cf.process.BrokenProcessPool:
                    broken.append(job)  # a worker died: which job killed it is not known yet
                except Exception as exc:  # noqa: BLE001 - a job's failure is its own outcome
                    yield Outcome(job, error=exc)
        if broken:
            self.discard()
            for job in broken:  # isolate each: only the job that crashes its worker fails
                self._pool = self._new_pool(1)  # held by the runner: Ctrl+C here stops it too
                try:
                    yield Outcome(job, self._pool.submit(_in_worker, job, self.seconds).result())
                except Exception as exc:  # noqa: BLE001
                    yield Outcome(job, error=exc)
                self.discard()

    def _here(self, jobs: Sequence[Job], on_note: OnNote | None) -> Iterator[Outcome]:
        if self.warmup is not None and not self._warm:
            self.warmup()
            self._warm = True
        queue = list(jobs)
        while queue:
            job = queue.pop(0)
            noted: list[Job] = []

            def note(what: Any, name: str = job.name, into: list[Job] = noted) -> None:
                into.extend(on_note(name, what) if on_note else ())

            try:
                yield Outcome(job, run_limited(job.fn, job.args, self.seconds, note if job.notes else None))
            except Exception as exc:  # noqa: BLE001 - a job's failure is its own outcome
                yield Outcome(job, error=exc)
            queue.extend(noted)

