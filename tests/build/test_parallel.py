"""The job runner: limits, failures isolated, crashed workers survived."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from dossier.build.workers import Job, Outcome, Runner
from dossier.errors import RenderTimeout


def run(jobs: list[Job], workers: int, seconds: int, max_bytes: int) -> Iterator[Outcome]:
    """One batch of jobs with a runner of its own."""
    with Runner(workers, seconds, max_bytes) as runner:
        yield from runner.run(jobs)


def headroom(extra: int) -> int:
    """A memory cap ``extra`` bytes above this process's address space: a forked worker inherits
    that space, which a long test session (threads, malloc arenas) can grow past a fixed cap."""
    with open("/proc/self/status", encoding="ascii") as status:
        size = next((int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:")), 0)
    return size + extra


ROOMY = 1 << 40  # no cap to speak of, for the tests that are not about memory


def square(x: int) -> int:
    return x * x


def boom(x: int) -> int:
    raise ValueError(f"bad {x}")


def sleepy(x: int) -> int:
    time.sleep(x)
    return x


def crash(x: int) -> int:
    os._exit(9)  # a worker that dies, as a segfault in a C library would


def hog(x: int) -> int:
    blob = bytearray(x)  # beyond the memory limit: MemoryError, not a machine swapping
    return len(blob)


@pytest.mark.parametrize("workers", [1, 2])
def test_results_and_failures_are_per_job(workers: int) -> None:
    jobs = [Job("a", square, (3,)), Job("b", boom, (1,)), Job("c", square, (4,))]
    outcomes = {o.job.name: o for o in run(jobs, workers, seconds=30, max_bytes=ROOMY)}
    assert outcomes["a"].result == 9 and outcomes["c"].result == 16
    assert isinstance(outcomes["b"].error, ValueError)


@pytest.mark.parametrize("workers", [1, 2])
def test_time_limit_ends_a_job(workers: int) -> None:
    start = time.perf_counter()
    outcomes = {o.job.name: o for o in run([Job("slow", sleepy, (30,)), Job("ok", square, (2,))], workers,
                                           seconds=1, max_bytes=ROOMY)}
    assert isinstance(outcomes["slow"].error, RenderTimeout) and outcomes["ok"].result == 4
    assert time.perf_counter() - start < 10


def test_memory_limit_ends_a_job_not_the_machine() -> None:
    cap = headroom(1_000_000_000)
    outcomes = {o.job.name: o for o in run([Job("hog", hog, (cap,)), Job("ok", square, (5,))], 2,
                                           seconds=30, max_bytes=cap)}
    assert isinstance(outcomes["hog"].error, MemoryError) and outcomes["ok"].result == 25


def test_a_crashed_worker_fails_only_its_job() -> None:
    jobs = [Job("crash", crash, (0,)), Job("a", square, (6,)), Job("b", square, (7,))]
    outcomes = {o.job.name: o for o in run(jobs, 2, seconds=30, max_bytes=ROOMY)}
    assert outcomes["a"].result == 36 and outcomes["b"].result == 49
    assert outcomes["crash"].error is not None


def located_failure(x: int) -> int:
    from dossier.errors import Diagnostic, DossierError, Pos

    raise DossierError([Diagnostic("projects/a.yaml", Pos(3, 5), "render-failed", args={"reason": "x"})])


def test_a_workers_located_problems_come_back_intact() -> None:
    outcomes = {o.job.name: o for o in run([Job("a", located_failure, (1,)), Job("b", square, (2,))], 2, 30,
                                           ROOMY)}
    d = outcomes["a"].error.diagnostics[0]
    assert (d.file, d.line, d.column, d.code, d.args) == ("projects/a.yaml", 3, 5, "render-failed", {"reason": "x"})


def noting(x: int, note) -> int:
    note(("half-way", x))
    time.sleep(0.2)  # the note reaches the parent while the job still runs
    return x + 1


@pytest.mark.parametrize("workers", [1, 2])
def test_a_job_notes_progress_and_the_batch_grows_from_it(workers: int) -> None:
    seen: list[tuple[str, object]] = []
    order: list[str] = []

    def on_note(name: str, what: object) -> list[Job]:
        seen.append((name, what))
        order.append(f"note {name}")
        return [Job(f"after-{name}", square, (what[1],))]  # type: ignore[index]

    jobs = [Job("a", noting, (3,), notes=True), Job("b", noting, (5,), notes=True), Job("c", square, (2,))]
    outcomes = {}
    for o in _run_with(jobs, workers, on_note):
        outcomes[o.job.name] = o
        order.append(f"done {o.job.name}")
    assert sorted(seen) == [("a", ("half-way", 3)), ("b", ("half-way", 5))]
    assert {n: o.result for n, o in outcomes.items()} == {"a": 4, "b": 6, "c": 4, "after-a": 9, "after-b": 25}
    assert order.index("note a") < order.index("done a") and order.index("note b") < order.index("done b")


def _run_with(jobs: list[Job], workers: int, on_note):
    from dossier.build.workers import Runner

    with Runner(workers, 30, ROOMY) as runner:
        yield from runner.run(jobs, on_note)


def test_workers_started_for_nothing_are_stopped_without_waiting_for_their_warm_up() -> None:
    from dossier.build.workers import Runner

    with Runner(2, 30, ROOMY, warmup=lambda: time.sleep(60)) as runner:
        runner.prepare()
        processes = list(runner._pool._processes.values())  # type: ignore[union-attr]
        assert len(processes) == 2 and all(p.is_alive() for p in processes), [p.exitcode for p in processes]
        pids = [p.pid for p in processes]
        runner.discard()

    def running(pid: int) -> bool:  # what the system says, not a Process object another thread may reap
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return False
        return state != "Z"

    deadline = time.monotonic() + 10
    while any(running(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(running(pid) for pid in pids)


def test_a_note_is_written_whole_even_when_the_time_limit_strikes() -> None:
    """SIGALRM (the time limit) is held back while a note is written to the pipe, so that it
    never leaves half a note behind, and is delivered right after."""
    import multiprocessing
    import signal

    from dossier.build.workers import _Channel

    channel = _Channel(multiprocessing.get_context("fork"))
    masks: list[set[int]] = []
    original = channel.queue.put

    def put(item: object) -> None:
        masks.append(signal.pthread_sigmask(signal.SIG_BLOCK, []))
        os.kill(os.getpid(), signal.SIGALRM)  # the limit strikes in the middle of writing
        original(item)

    channel.queue.put = put  # type: ignore[method-assign]
    struck: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda *_: struck.append(1))
    try:
        channel.put("job", ("laid", list(range(1000))))
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert signal.SIGALRM in masks[0] and struck == [1]
    assert channel.drain() == [("job", ("laid", list(range(1000))))]


def where_and_cap(x: int) -> tuple[int, int]:
    import resource

    return os.getpid(), resource.getrlimit(resource.RLIMIT_AS)[0]


@pytest.mark.parametrize("workers", [1, 2])
def test_every_job_renders_in_a_worker_under_the_memory_cap(workers: int) -> None:
    """``-j 1`` (and ``serve``, which renders with one) too: never in the calling process,
    whose address space is not capped."""
    cap = headroom(1_000_000_000)
    outcomes = list(run([Job("a", where_and_cap, (1,)), Job("b", where_and_cap, (2,))], workers, 30, cap))
    assert {o.result[1] for o in outcomes} == {cap}
    assert os.getpid() not in {o.result[0] for o in outcomes}


def test_memory_limit_ends_a_job_in_a_single_worker_too() -> None:
    cap = headroom(1_000_000_000)
    outcomes = {o.job.name: o for o in run([Job("hog", hog, (cap,)), Job("ok", square, (5,))], 1,
                                           seconds=30, max_bytes=cap)}
    assert isinstance(outcomes["hog"].error, MemoryError) and outcomes["ok"].result == 25


def test_workers_use_the_runners_temp_folder_and_it_is_removed(tmp_path: Path) -> None:
    from dossier.build.workers import Runner

    temp = tmp_path / "build" / ".dossier-tmp"
    temp.mkdir(parents=True)
    (temp / "left-by-a-killed-build").write_text("x")
    with Runner(2, 30, ROOMY, temp=temp) as runner:
        assert list(temp.iterdir()) == []  # a killed runner's leftovers: gone
        made = [o.result for o in runner.run([Job("a", make_temp, (1,)), Job("b", make_temp, (2,))])]
        assert all(Path(m).parent == temp for m in made)
    assert not temp.exists()


def make_temp(x: int) -> str:
    import tempfile

    return tempfile.mkdtemp(prefix="weasyprint-")  # as WeasyPrint's fonts do, and never remove
