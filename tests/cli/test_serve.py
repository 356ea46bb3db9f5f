"""`dossier serve`: a real server in a subprocess, real edits, a real browser (Chromium)."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from support.browser_util import Browser
from dossier.serve import fingerprint, next_change

from support.served import Served, two_projects

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "validate" / "cases"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return two_projects(tmp_path)


def pdf_text(data: bytes, tmp_path: Path) -> str:
    pdf = tmp_path / "got.pdf"
    pdf.write_bytes(data)
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_the_preview_follows_every_save(repo: Path, tmp_path: Path) -> None:
    served = Served(repo)
    try:
        status, page = served.get("/")
        text = page.decode("utf-8")
        assert status == 200 and "alpha.pdf" in text and "beta.pdf" in text and "no problems" in text
        status, pdf = served.get("/alpha.pdf")
        assert status == 200 and pdf.startswith(b"%PDF")
        status, font = served.get("/__fonts/Sarabun-Regular.ttf")  # the page's Thai font
        assert status == 200 and font[:4] == b"\x00\x01\x00\x00"
        for outside in ("/../dossier.yaml", "/%2e%2e/dossier.yaml", "/dossier.yaml", "/.dossier-manifest.json",
                        "/__fonts/../serve.py", "/__fonts/OFL.txt"):
            assert served.get(outside)[0] == 404, outside

        alpha = repo / "projects" / "alpha.yaml"
        alpha.write_text(alpha.read_text(encoding="utf-8").replace("การส่งเสริมกิจกรรม", "โครงการส่งเสริมกิจกรรม", 1),
                         encoding="utf-8")
        served.wait_for(r"rebuild 2: 3 PDFs, 0 problems", 120)
        assert b'"version": 2' in served.get("/__version")[1]
        assert "โครงการส่งเสริมกิจกรรม" in pdf_text(served.get("/alpha.pdf")[1], tmp_path)

        alpha.write_text("title: [ไม่ได้ปิดวงเล็บ\n" + alpha.read_text(encoding="utf-8"), encoding="utf-8")
        served.wait_for(r"rebuild 3: \d+ PDFs, [1-9]\d* problems", 120)
        page = served.get("/")[1].decode("utf-8")
        assert re.search(r"projects/alpha\.yaml:\d+:\d+</code> error", page), page
        assert "beta.pdf" in page and 'href="/alpha.pdf"' not in page
        assert served.get("/alpha.pdf")[0] == 404  # not a document of this build any more

        chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        if chromium is None:
            pytest.skip("no Chromium to load the page in")
        # driven through DevTools: the page holds an open event stream, which --dump-dom's virtual
        # time would wait for forever
        browser = Browser(tmp_path / "profile", chromium)
        try:
            browser.open(served.url)
            browser.wait_until("document.body.dataset.live === 'yes'", 60)
            dom = browser.evaluate("document.documentElement.outerHTML")
        finally:
            browser.close()
        assert re.search(r"projects/alpha\.yaml:\d+:\d+", dom) and "beta.pdf" in dom
        assert 'data-live="yes"' in dom  # its script ran and reached the server's event stream
    finally:
        code, log = served.stop()
    assert code == 0 and "preview stopped" in log and "Traceback" not in log, log


def test_a_port_in_use_is_explained(repo: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "dossier", "serve", "--port", str(port), "--no-open", "--lang", "en"],
                              cwd=repo, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0 and f"cannot listen on port {port}" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_a_change_is_acted_on_once_the_files_settle(repo: Path) -> None:
    seen = fingerprint(repo)
    stop = threading.Event()
    alpha = repo / "projects" / "alpha.yaml"

    def save_in_two_writes() -> None:
        time.sleep(0.3)
        alpha.write_text("title: ครึ่ง\n", encoding="utf-8")
        time.sleep(0.15)
        alpha.write_text("title: ครบ\n", encoding="utf-8")

    threading.Thread(target=save_in_two_writes).start()
    now = next_change(repo, seen, stop, interval=0.05, settle=0.4)
    assert now is not None and alpha.read_text(encoding="utf-8") == "title: ครบ\n"
    assert now[str(alpha)][1] == len("title: ครบ\n".encode())  # the last write, not the first
    stop.set()
    assert next_change(repo, now, stop, interval=0.05) is None


def test_sigterm_stops_it_as_ctrl_c_does(repo: Path) -> None:
    """`kill`, a service manager or a container stop: the same clean stop."""
    served = Served(repo)
    served.process.send_signal(signal.SIGTERM)
    served.process.wait(timeout=60)
    time.sleep(0.2)
    assert served.process.returncode == 0 and "preview stopped" in "".join(served.log), served.log


def test_stopping_does_not_wait_for_a_connection_left_open(repo: Path) -> None:
    """Browsers open connections ahead of need and may never send on them: Ctrl+C must still
    stop the server at once."""
    import socket

    served = Served(repo)
    host, port = served.url.split("//")[1].rstrip("/").split(":")
    with socket.create_connection((host, int(port))):  # open, silent
        time.sleep(0.5)
        started = time.monotonic()
        code, log = served.stop()
        assert code == 0 and "Traceback" not in log, log
        assert time.monotonic() - started < 30


def test_the_page_shows_cached_projects_warnings_and_only_current_documents(repo: Path) -> None:
    """Issue 14: projects served from the build cache keep their warnings; after an error is
    fixed the page links the final dossier and book, never the stale drafts (which are removed)."""
    alpha, beta = repo / "projects" / "alpha.yaml", repo / "projects" / "beta.yaml"
    alpha.write_text(alpha.read_text(encoding="utf-8").replace("ชุมชนร่วมปลูกป่าชายเลน", "ชุมชนร่วมปลูกป่าชายเลนและทํางาน"),
                     encoding="utf-8")  # ํ+า for ำ: a warning, the project stays valid
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1609372800", "DOSSIER_LANG": "en"}
    done = subprocess.run([sys.executable, "-m", "dossier", "build"], cwd=repo, capture_output=True, text=True,
                          env=env, timeout=300)
    assert done.returncode == 0 and "thai-typing" in done.stdout + done.stderr, done.stderr
    served = Served(repo)  # its first build finds every dossier up to date: nothing is validated by the build
    try:
        page = served.get("/")[1].decode("utf-8")
        assert re.search(r"projects/alpha\.yaml:15:\d+</code> warning", page), page
        assert "no problems" not in page

        good = beta.read_text(encoding="utf-8")
        beta.write_text(good.replace("status: ongoing", "status: completed"), encoding="utf-8")
        served.wait_for(r"rebuild 2: 3 PDFs, [1-9]\d* problems", 120)
        page = served.get("/")[1].decode("utf-8")
        assert 'href="/beta.draft.pdf"' in page and f'href="/{quote("สมุทรสงคราม-2564.draft.pdf")}"' in page, page
        assert re.search(r"projects/alpha\.yaml:15:\d+</code> warning", page), page  # alpha: up to date, still warned

        beta.write_text(good, encoding="utf-8")  # fixed
        served.wait_for(r"rebuild 3: 3 PDFs, 1 problems", 120)
        page = served.get("/")[1].decode("utf-8")
        assert 'href="/beta.pdf"' in page and f'href="/{quote("สมุทรสงคราม-2564.pdf")}"' in page, page
        assert ".draft.pdf" not in page, page
        assert served.get("/beta.draft.pdf")[0] == 404
        assert sorted(p.name for p in (repo / "build").glob("*.pdf")) == [
            "alpha.pdf", "beta.pdf", "สมุทรสงคราม-2564.pdf"]
    finally:
        code, log = served.stop()
    assert code == 0 and "Traceback" not in log, log
