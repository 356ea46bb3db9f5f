"""Running render jobs: in worker processes (``-j N``) or in this process (``-j 1``), each with
a wall-time and memory limit, results reported in a deterministic order.

A job that fails (an exception, the time limit, the memory limit, even a crashed worker) is
reported as that job's failure; the other jobs go on.
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


def run(jobs: Sequence[Job], workers: int, seconds: int, max_bytes: int,
        warmup: Callable[[], None] | None = None) -> Iterator[Outcome]:
    """Run ``jobs``; yield their outcomes as they finish (callers sort for display)."""
    if workers <= 1 or len(jobs) <= 1:
        if warmup is not None:
            warmup()
        for job in jobs:
            try:
                yield Outcome(job, run_limited(job.fn, job.args, seconds))
            except Exception as exc:  # noqa: BLE001 - a job's failure is its own outcome
                yield Outcome(job, error=exc)
        return
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    broken: list[Job] = []
    with cf.ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context,
                                initializer=_worker_init, initargs=(max_bytes, warmup)) as pool:
        futures = {pool.submit(run_limited, job.fn, job.args, seconds): job for job in jobs}
        for future in cf.as_completed(futures):
            job = futures[future]
            try:
                yield Outcome(job, future.result())
            except cf.process.BrokenProcessPool:
                broken.append(job)  # a worker died: which job killed it is not known yet
            except Exception as exc:  # noqa: BLE001 - a job's failure is its own outcome
                yield Outcome(job, error=exc)
    for job in broken:  # isolate each: only the job that crashes its worker fails
        with cf.ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_worker_init,
                                    initargs=(max_bytes, warmup)) as pool:
            try:
                yield Outcome(job, pool.submit(run_limited, job.fn, job.args, seconds).result())
            except Exception as exc:  # noqa: BLE001
                yield Outcome(job, error=exc)
