"""`dossier serve` as a real server in a subprocess, stopped with a terminal's Ctrl+C."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path


class Served:
    def __init__(self, repo: Path, *args: str) -> None:
        env = {**os.environ, "SOURCE_DATE_EPOCH": "1609372800"}
        # Ctrl+C as at a terminal: a process started in the background (CI runners, `cmd &`)
        # inherits SIGINT ignored, and Python then keeps it ignored. SIGUSR1 prints every
        # thread's stack (faulthandler), in case it ever hangs.
        launcher = ("import faulthandler, signal, sys\nsignal.signal(signal.SIGINT, signal.default_int_handler)\n"
                    "faulthandler.register(signal.SIGUSR1, all_threads=True)\n"
                    "from dossier.cli import main\nsys.argv[0] = 'dossier'\nmain()")
        self.process = subprocess.Popen([sys.executable, "-c", launcher, "serve", "--port", "0", "--no-open",
                                         "--lang", "en", *args], cwd=repo, env=env, text=True,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        self.url = self.wait_for(r"preview at (http://\S+)", 180)[1]

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.log.append(line)
            self.lines.put(line)

    def wait_for(self, pattern: str, seconds: float) -> re.Match[str]:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                assert self.process.poll() is None, "".join(self.log)
                continue
            if found := re.search(pattern, line):
                return found
        raise AssertionError(f"no {pattern!r} in {''.join(self.log)}")

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=30) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, b""

    def stop(self) -> tuple[int, str]:
        """Ctrl+C; a serve that does not stop fails the test with its threads' stacks."""
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.send_signal(signal.SIGUSR1)
            time.sleep(2)
            self.process.kill()
            self.process.wait(timeout=30)
            time.sleep(0.5)
            raise AssertionError("serve did not stop on Ctrl+C:\n" + "".join(self.log)) from None
        time.sleep(0.2)
        return self.process.returncode, "".join(self.log)


def two_projects(tmp_path: Path) -> Path:
    """A repository with two valid projects, alpha and beta, as the serve tests use it."""
    import shutil

    cases = Path(__file__).resolve().parents[1] / "validate" / "cases"
    repo = tmp_path / "repo"
    (repo / "projects").mkdir(parents=True)
    shutil.copy(cases / "dossier.yaml", repo / "dossier.yaml")
    valid = (cases / "valid-minimal.yaml").read_text(encoding="utf-8")
    (repo / "projects" / "alpha.yaml").write_text(valid, encoding="utf-8")
    (repo / "projects" / "beta.yaml").write_text(valid.replace("การส่งเสริมกิจกรรม", "โครงการคลองสวย"), encoding="utf-8")
    return repo
