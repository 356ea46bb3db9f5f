"""`dossier serve`'s render worker is kept warm between saves: a real server, real processes,
real signals. It keeps the promises of every render worker (the memory cap, dying with its
parent, temporary files in the output folder only) and is replaced when what it has cached
(dossier.yaml, the templates) changes."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support.served import Served, two_projects

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return two_projects(tmp_path)


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def address_space_cap(pid: int) -> str:
    for line in Path(f"/proc/{pid}/limits").read_text().splitlines():
        if line.startswith("Max address space"):
            return line.split()[3]
    return ""


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.1)
    return bool(condition())


@linux
def test_a_worker_waits_between_saves_capped_and_dies_with_serve(repo: Path) -> None:
    served = Served(repo, "projects/alpha.yaml")
    pid = served.process.pid
    try:
        assert wait(lambda: len(children(pid)) == 1, 60), children(pid)
        worker = children(pid)[0]
        assert address_space_cap(worker) == "1500000000"  # README's limit for a render
        alpha = repo / "projects" / "alpha.yaml"
        alpha.write_text(alpha.read_text(encoding="utf-8").replace("  concept: แนวคิด", "  concept: แนวคิดใหม่"),
                         encoding="utf-8")
        served.wait_for(r"rebuild 2: ", 120)
        assert children(pid) == [worker]  # the same warm worker rendered it, and waits for the next
        temp = [p.name for p in (repo / "build").iterdir() if p.name.startswith(".dossier-tmp-serve-")]
        assert temp == [f".dossier-tmp-serve-{pid}"]
        served.process.send_signal(signal.SIGKILL)
        served.process.wait(30)
        assert wait(lambda: not alive(worker), 30), "the worker outlived serve"
    finally:
        if served.process.poll() is None:
            served.stop()
    again = Served(repo, "projects/alpha.yaml")  # the killed serve's temporary folder is removed
    try:
        assert not (repo / "build" / f".dossier-tmp-serve-{pid}").exists()
    finally:
        code, log = again.stop()
    assert code == 0 and not [p for p in (repo / "build").iterdir() if p.name.startswith(".dossier-tmp")], log


def test_a_change_to_dossier_yaml_reaches_the_next_render(repo: Path) -> None:
    """The worker's cached templates and settings are of the dossier.yaml it was started with:
    a new one gets a new worker, and the PDF says what dossier.yaml now says."""
    served = Served(repo, "projects/alpha.yaml")
    try:
        alpha = repo / "projects" / "alpha.yaml"
        alpha.write_text(alpha.read_text(encoding="utf-8").replace("  concept: แนวคิด", "  concept: แนวคิดใหม่"),
                         encoding="utf-8")
        served.wait_for(r"rebuild 2: ", 120)  # the warm worker has rendered once: its caches are made
        settings = repo / "dossier.yaml"
        text = settings.read_text(encoding="utf-8")
        assert "province: สมุทรสงคราม\n" in text
        settings.write_text(text.replace("province: สมุทรสงคราม\n", "province: ทดสอบใหม่\n", 1), encoding="utf-8")
        served.wait_for(r"rebuild 3: ", 120)
        pdf = next((repo / "build").glob("alpha*.pdf"))
        shown = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "จังหวัดทดสอบใหม่" in shown
    finally:
        code, log = served.stop()
    assert code == 0 and "Traceback" not in log, log
