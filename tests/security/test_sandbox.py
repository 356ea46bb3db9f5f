"""What a project file cannot make the tool do: read outside the repository, fetch from the
network, or put a foreign file in the PDF. Each hostile input is rendered for real (as a draft,
so validation errors do not stop it), against a loopback HTTP server that counts requests and a
marker file outside the repository whose bytes must appear nowhere in the PDF. The same hostile
HTML through WeasyPrint's defaults shows the hazard is real."""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest

from support.pdfbytes import every_byte

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "validate" / "cases"


class Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:
        Recorder.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    Recorder.requests = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture
def outside(tmp_path: Path) -> tuple[Path, bytes]:
    marker = f"MARKER-{uuid.uuid4().hex}".encode()
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_bytes(marker + b"\n")
    return secret, marker


def hostile_repo(tmp_path: Path, url: str, secret: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "projects").mkdir(parents=True)
    shutil.copy(CASES / "dossier.yaml", repo / "dossier.yaml")
    (repo / "projects" / "leak.png").symlink_to(secret)
    relative = os.path.relpath(secret, repo / "projects")
    text = (CASES / "valid-minimal.yaml").read_text(encoding="utf-8").replace("  results: ผลสัมฤทธิ์\n", f"""  results: |
    ผลสัมฤทธิ์ ![ภาพ]({url}/remote.png) ![ภาพ]({relative}) ![ภาพ](file://{secret})

    <link rel="attachment" href="file://{secret}"> <img src="{url}/raw.png">

    <a rel="attachment" href="file://{secret}">แนบ</a> [ลิงก์](file://{secret}) <style>@import "{url}/x.css";</style>
""") + f"photos:\n  - {{file: leak.png, caption: ภาพ}}\n  - {{file: {relative}, caption: ภาพ}}\n"
    (repo / "projects" / "hostile.yaml").write_text(text, encoding="utf-8")
    return repo


def test_a_hostile_project_reads_nothing_outside_and_fetches_nothing(tmp_path: Path, server: str,
                                                                     outside: tuple[Path, bytes]) -> None:
    secret, marker = outside
    repo = hostile_repo(tmp_path, server, secret)
    validate = subprocess.run([sys.executable, "-m", "dossier", "validate", "--lang", "en"], cwd=repo,
                              capture_output=True, text=True, timeout=120)
    assert validate.returncode == 1
    for code in ("image-remote", "image-outside", "raw-html", "link-scheme"):
        assert f"[{code}]" in validate.stdout, code
    done = subprocess.run([sys.executable, "-m", "dossier", "build", "--draft", "-j1", "--lang", "en"], cwd=repo,
                          capture_output=True, text=True, timeout=300)
    assert "Traceback" not in done.stdout + done.stderr
    pdf = repo / "build" / "hostile.draft.pdf"
    assert pdf.is_file(), done.stdout + done.stderr
    assert Recorder.requests == []  # zero network requests
    assert marker not in every_byte(pdf)  # no byte of the outside file
    assert set(pypdf.PdfReader(pdf).attachments) == {"hostile.yaml"}  # only the project's own source


HOSTILE_HTML = """<html lang="en"><head><link rel="stylesheet" href="{url}/style.css">
<link rel="attachment" href="file://{secret}"></head>
<body><p>test <img src="{url}/image.png"> <img src="file://{secret}"></p>
<a rel="attachment" href="file://{secret}">attach</a></body></html>"""

DEFAULTS = """
import sys, weasyprint
weasyprint.HTML(string=open(sys.argv[1]).read(), base_url="/").write_pdf(sys.argv[2])
"""


def test_the_engine_sandbox_refuses_what_weasyprint_defaults_allow(tmp_path: Path, server: str,
                                                                   outside: tuple[Path, bytes]) -> None:
    from dossier.render.pdf import Composed, Engine

    secret, marker = outside
    html = HOSTILE_HTML.format(url=server, secret=secret)
    page = tmp_path / "hostile.html"
    page.write_text(html, encoding="utf-8")
    # today's defaults: the file is embedded and the network is used
    subprocess.run([sys.executable, "-c", DEFAULTS, str(page), str(tmp_path / "default.pdf")], check=True, timeout=120,
                   capture_output=True)
    assert marker in every_byte(tmp_path / "default.pdf") and Recorder.requests
    Recorder.requests = []
    # the sandbox: nothing outside its roots, no network, every refusal reported
    engine = Engine([tmp_path / "allowed"])
    laid, refused = engine.layout(html, tmp_path / "allowed", "hostile.html")
    engine.write(Composed(laid.document, "hostile.html"), tmp_path / "sandboxed.pdf")
    assert Recorder.requests == []
    assert marker not in every_byte(tmp_path / "sandboxed.pdf")
    assert pypdf.PdfReader(tmp_path / "sandboxed.pdf").attachments == {}
    assert {d.code for d in refused} == {"resource-refused"} and len(refused) >= 3
