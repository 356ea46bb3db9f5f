"""Processes that end when asked (issue 11): real builds of the bundled projects in a
subprocess of their own session, real signals (Ctrl+C as a terminal sends it: SIGINT to the whole
process group), and /proc asked what is left. The temp folder is a fresh one, compared after."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

from dossier.files import BuildLock, LockedError

ROOT = Path(__file__).resolve().parents[2]
# Ctrl+C as at a terminal: a process started in the background inherits SIGINT ignored, and
# Python keeps it ignored; the launcher gives it the default handler back.
LAUNCHER = ("import signal, sys\nsignal.signal(signal.SIGINT, signal.default_int_handler)\n"
            "from dossier.cli import main\nsys.argv[0] = 'dossier'\nmain()")


class Repo:
    """A fresh copy of the bundled projects, its own temp folder, and a marker in the
    environment of every process a command starts (its workers inherit it)."""

    def __init__(self, tmp_path: Path) -> None:
        self.root = tmp_path / "repo"
        (self.root / "projects").mkdir(parents=True)
        shutil.copy(ROOT / "dossier.yaml", self.root / "dossier.yaml")
        for project in (ROOT / "projects").glob("*.yaml"):
            shutil.copy(project, self.root / "projects" / project.name)
        self.temp = tmp_path / "tmp"
        self.temp.mkdir()
        self.mark = f"DOSSIER_TEST_MARK={uuid.uuid4().hex}"
        self.env = {**os.environ, "TMPDIR": str(self.temp), "DOSSIER_LANG": "en", "SOURCE_DATE_EPOCH": "1609372800",
                    self.mark.split("=")[0]: self.mark.split("=")[1]}

    def start(self, *args: str) -> Command:
        return Command(subprocess.Popen([sys.executable, "-c", LAUNCHER, *args], cwd=self.root, env=self.env,
                                        start_new_session=True, text=True, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT))

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "dossier", *args], cwd=self.root, env=self.env, text=True,
                              capture_output=True, timeout=600)

    def living(self) -> list[int]:
        """Processes still running (not zombies) that carry this repository's marker."""
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                if self.mark.encode() in (entry / "environ").read_bytes().split(b"\0") and state(int(entry.name)) != "Z":
                    found.append(int(entry.name))
            except OSError:
                continue
        return found

    def wait_until_none_live(self, seconds: float) -> list[int]:
        deadline = time.monotonic() + seconds
        while (left := self.living()) and time.monotonic() < deadline:
            time.sleep(0.1)
        return left

    def temp_left(self) -> list[str]:
        return sorted(p.name for p in self.temp.iterdir())


class Command:
    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.log.append(line)
            self.lines.put(line)

    def wait_for_line(self, text: str, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if text in self.lines.get(timeout=0.5):
                    return
            except queue.Empty:
                assert self.process.poll() is None, "".join(self.log)
        raise AssertionError(f"no {text!r} in {''.join(self.log)}")

    def wait_for_workers(self, count: int, seconds: float = 180) -> list[int]:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            found = children(self.process.pid)
            if len(found) >= count:
                return found
            assert self.process.poll() is None, "".join(self.log)
            time.sleep(0.05)
        raise AssertionError(f"fewer than {count} workers: {''.join(self.log)}")

    def stopped(self, seconds: float = 60) -> tuple[int, float, str]:
        """Exit code, seconds it took and the output; a command that does not stop is killed
        (with its group) and fails the test."""
        started = time.monotonic()
        try:
            self.process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)
            raise AssertionError("it did not stop:\n" + "".join(self.log)) from None
        took = time.monotonic() - started
        time.sleep(0.2)  # the reader thread takes the last lines
        return self.process.returncode, took, "".join(self.log)


def state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return ""


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo(tmp_path)


def assert_clean_after(repo: Repo, took_over: bool = False) -> None:
    """The lock is free (a second build runs), and neither build left a temporary file."""
    assert repo.wait_until_none_live(10) == []
    assert repo.temp_left() == []
    after = repo.run("build", "-j2", "--force")
    assert after.returncode == 0, after.stdout + after.stderr
    assert ("lock taken over" in after.stderr) is took_over, after.stderr
    assert repo.temp_left() == [] and not (repo.root / "build" / ".dossier-tmp").exists()
    assert repo.living() == []


def test_ctrl_c_stops_the_build_and_its_workers(repo: Repo) -> None:
    build = repo.start("build", "-j2", "--force")
    workers = build.wait_for_workers(2)
    build.wait_for_line("✓", 180)  # renders are under way
    os.killpg(build.process.pid, signal.SIGINT)  # what a terminal sends on Ctrl+C
    code, took, log = build.stopped()
    assert code == 130 and took < 30, log
    assert "interrupted (SIGINT)" in log and "Traceback" not in log, log
    assert [pid for pid in workers if state(pid) not in ("", "Z")] == []
    assert (repo.root / "build" / ".dossier.lock").read_text() == ""  # released, not abandoned
    assert_clean_after(repo)


def test_sigterm_stops_the_build_and_its_workers(repo: Repo) -> None:
    build = repo.start("build", "-j2", "--force")
    build.wait_for_workers(2)
    build.wait_for_line("✓", 180)
    os.kill(build.process.pid, signal.SIGTERM)  # the build process alone: `kill`, a CI timeout
    code, took, log = build.stopped()
    assert code == 143 and took < 30, log
    assert "interrupted (SIGTERM)" in log and "Traceback" not in log, log
    assert_clean_after(repo)


def test_ctrl_c_while_the_workers_warm_up(repo: Repo) -> None:
    build = repo.start("build", "-j2", "--force")
    build.wait_for_workers(2)  # forked, importing WeasyPrint
    os.killpg(build.process.pid, signal.SIGINT)
    code, took, log = build.stopped()
    assert code == 130 and took < 30, log
    assert_clean_after(repo)


def test_after_kill_9_of_the_build_its_workers_end_and_the_next_build_takes_over(repo: Repo) -> None:
    first = repo.run("build", "-j1")  # a normal build: up to date from now on
    assert first.returncode == 0, first.stdout + first.stderr
    assert repo.temp_left() == [] and repo.living() == []
    build = repo.start("build", "-j2", "--force")
    workers = build.wait_for_workers(2)
    build.wait_for_line("✓", 180)
    os.kill(build.process.pid, signal.SIGKILL)  # the build alone: its workers are not told
    build.stopped()
    assert repo.wait_until_none_live(30) == [], [Path(f"/proc/{p}/cmdline").read_bytes() for p in workers]
    assert (repo.root / "build" / ".dossier-tmp").exists()  # what the killed build left, reclaimed next
    after = repo.run("build", "-j2")  # nothing changed, yet it takes the lock to clean up
    assert after.returncode == 0, after.stdout + after.stderr
    assert f"the previous build (process {build.process.pid}) ended without releasing" in after.stderr
    assert "lock taken over" in after.stderr
    assert repo.temp_left() == [] and not (repo.root / "build" / ".dossier-tmp").exists()
    assert repo.living() == []
    again = repo.run("build", "-j2")
    assert again.returncode == 0 and "lock taken over" not in again.stderr and "8 up to date" in again.stderr


def test_ctrl_c_stops_serve_and_its_renders(repo: Repo) -> None:
    serve = repo.start("serve", "--port", "0", "--no-open")
    serve.wait_for_workers(2)  # the first build, in workers
    os.killpg(serve.process.pid, signal.SIGINT)
    code, took, log = serve.stopped()
    assert code == 0 and took < 30 and "preview stopped" in log and "Traceback" not in log, log
    assert repo.wait_until_none_live(10) == []
    assert repo.temp_left() == []
    assert (repo.root / "build" / ".dossier.lock").read_text() == ""


def test_serve_renders_each_rebuild_in_a_worker_and_stops_it_on_ctrl_c(repo: Repo) -> None:
    serve = repo.start("serve", "--port", "0", "--no-open", "projects/mangrove.yaml")
    serve.wait_for_line("preview at", 300)
    assert repo.temp_left() == []  # the first build's workers left nothing
    project = repo.root / "projects" / "mangrove.yaml"
    project.write_text(project.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    serve.wait_for_workers(1)  # the rebuild renders in a worker forked for it: under the memory cap
    os.killpg(serve.process.pid, signal.SIGINT)
    code, took, log = serve.stopped()
    assert code == 0 and took < 30 and "Traceback" not in log, log
    assert repo.wait_until_none_live(10) == []
    assert repo.temp_left() == []


def test_sigterm_stops_serve_and_leaves_nothing(repo: Repo) -> None:
    serve = repo.start("serve", "--port", "0", "--no-open", "projects/mangrove.yaml")
    serve.wait_for_line("preview at", 300)
    os.kill(serve.process.pid, signal.SIGTERM)
    code, took, log = serve.stopped()
    assert code == 0 and "preview stopped" in log, log
    assert repo.wait_until_none_live(10) == [] and repo.temp_left() == []


# --- the lock ---------------------------------------------------------------------------------

HOLDER = """
import os, sys, time
from pathlib import Path
from dossier.files import BuildLock
lock = BuildLock(Path(sys.argv[1]))
lock.__enter__()
child = os.fork()  # as a worker is forked: it shares the lock file's descriptor
if child == 0:
    time.sleep(60)
    os._exit(0)
print(child, flush=True)
time.sleep(60)
"""


def test_a_lock_names_its_real_holder_and_a_forked_child_never_keeps_it(tmp_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None
    child = int(holder.stdout.readline())
    try:
        (tmp_path / BuildLock.NAME).write_text("1")  # whatever the file says: the kernel knows
        with pytest.raises(LockedError) as info:
            with BuildLock(tmp_path):
                pass
        assert info.value.holder == str(holder.pid)
        holder.kill()
        holder.wait()
        assert state(child) not in ("", "Z")  # the forked child lives on, with the descriptor
        with BuildLock(tmp_path) as lock:  # yet the lock is free: taken over, and said so
            assert lock.taken_over == "1"
    finally:
        holder.kill()
        holder.wait()
        os.kill(child, signal.SIGKILL)


def test_a_lock_released_normally_is_not_taken_over(tmp_path: Path) -> None:
    with BuildLock(tmp_path) as first:
        assert first.taken_over == ""  # (reading the file here would release the lock: see BuildLock)
        with pytest.raises(LockedError):  # the same process, a second build: refused too
            with BuildLock(tmp_path):
                pass
    with BuildLock(tmp_path) as second:
        assert second.taken_over == ""
