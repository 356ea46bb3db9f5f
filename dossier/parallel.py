"""Running render jobs: in worker processes (``-j N``) or in this process (``-j 1``), each with
a wall-time and memory limit.

A :class:`Runner` keeps its workers for its whole ``with`` block, so a later batch (the book,
after the dossiers) finds WeasyPrint already imported. A job that fails (an exception, the time
limit, the memory limit, even a crashed worker) is that job's failure; the other jobs go on.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import resource
import signal
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Sequence


class RenderTimeout(Exception):
    pass


@dataclass(frozen=True)
class Job:
    name: str
    fn: Callable[..., Any]
    args: tuple[Any, ...]


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


def _worker_init(max_bytes: int, warmup: Callable[[], None] | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    limit_memory(max_bytes)
    if warmup is not None:
        warmup()


def run_limited(fn: Callable[..., Any], args: tuple[Any, ...], seconds: int) -> Any:
    """Call ``fn(*args)``, interrupting it with :class:`RenderTimeout` after ``seconds``
    (main thread only: a worker's, or the CLI's with ``-j 1``)."""
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.alarm(seconds)
    try:
        return fn(*args)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


class Runner:
    """Runs batches of jobs; ``workers <= 1`` runs them here, one after another."""

    def __init__(self, workers: int, seconds: int, max_bytes: int, warmup: Callable[[], None] | None = None) -> None:
        self.workers = max(1, workers)
        self.seconds = seconds
        self.max_bytes = max_bytes
        self.warmup = warmup
        self._pool: cf.ProcessPoolExecutor | None = None
        self._warm = False
        self._context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")

    def __enter__(self) -> "Runner":
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def prepare(self) -> None:
        """Start the workers now (fork), before the caller starts threads of its own: a process
        forked while another thread holds a lock could deadlock on it."""
        if self.workers > 1 and self._pool is None:
            self._pool = self._new_pool(self.workers)
            self._pool.submit(int).result()  # with fork, the first job starts every worker

    def _new_pool(self, workers: int) -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(max_workers=workers, mp_context=self._context,
                                      initializer=_worker_init, initargs=(self.max_bytes, self.warmup))

    def run(self, jobs: Sequence[Job]) -> Iterator[Outcome]:
        """Yield each job's outcome as it finishes (callers order them for display)."""
        if not jobs:
            return
        if self.workers == 1:
            yield from self._here(jobs)
            return
        if self._pool is None:
            self._pool = self._new_pool(self.workers)
        broken: list[Job] = []
        futures = {self._pool.submit(run_limited, job.fn, job.args, self.seconds): job for job in jobs}
        for future in cf.as_completed(futures):
            job = futures[future]
            try:
                yield Outcome(job, future.result())
            except cf.process.BrokenProcessPool:
                broken.append(job)  # a worker died: which job killed it is not known yet
            except Exception as exc:  # noqa: BLE001 - a job's failure is its own outcome
                yield Outcome(job, error=exc)
        if broken:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
            for job in broken:  # isolate each: only the job that crashes its worker fails
                with self._new_pool(1) as alone:
                    try:
                        yield Outcome(job, alone.submit(run_limited, job.fn, job.args, self.seconds).result())
                    except Exception as exc:  # noqa: BLE001
                        yield Outcome(job, error=exc)

    def _here(self, jobs: Sequence[Job]) -> Iterator[Outcome]:
        if self.warmup is not None and not self._warm:
            self.warmup()
            self._warm = True
        for job in jobs:
            try:
                yield Outcome(job, run_limited(job.fn, job.args, self.seconds))
            except Exception as exc:  # noqa: BLE001 - a job's failure is its own outcome
                yield Outcome(job, error=exc)


def run(jobs: Sequence[Job], workers: int, seconds: int, max_bytes: int,
        warmup: Callable[[], None] | None = None) -> Iterator[Outcome]:
    """One batch of jobs with a runner of its own."""
    with Runner(workers, seconds, max_bytes, warmup) as runner:
        yield from runner.run(jobs)
