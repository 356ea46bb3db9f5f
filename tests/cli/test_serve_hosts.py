"""`dossier serve` answers only requests addressed to itself (DNS rebinding), shows hostile values
escaped, and says nothing when a browser closes a connection early. A real server in a
subprocess, spoken to in raw HTTP."""

from __future__ import annotations

import random
import shutil
import socket
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from support.served import Served

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "validate" / "cases"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """alpha: a valid project with a 1.4-megapixel photo of noise (a PDF of a few MB);
    gamma: an agency value that would forge a terminal line."""
    from PIL import Image

    repo = tmp_path / "repo"
    (repo / "projects" / "images").mkdir(parents=True)
    shutil.copy(CASES / "dossier.yaml", repo / "dossier.yaml")
    noise = random.Random(11).randbytes(1200 * 1200 * 3)
    Image.frombytes("RGB", (1200, 1200), noise).save(repo / "projects" / "images" / "noise.jpg", quality=95)
    valid = (CASES / "valid-minimal.yaml").read_text(encoding="utf-8")
    (repo / "projects" / "alpha.yaml").write_text(
        valid + "photos:\n  - {file: images/noise.jpg, caption: ภาพทดสอบ}\n", encoding="utf-8")
    (repo / "projects" / "gamma.yaml").write_text(
        valid.replace("agency: tnrs", 'agency: "tnrs\\n::error::x\\e[2J\\u202e"'), encoding="utf-8")
    return repo


def raw_get(port: int, path: str, host: str | None) -> tuple[int, bytes]:
    """One request, as a browser (or a rebinding attack's browser) sends it; the whole answer."""
    header = f"Host: {host}\r\n" if host is not None else ""
    with socket.create_connection(("127.0.0.1", port), timeout=60) as conn:
        conn.sendall(f"GET {path} HTTP/1.1\r\n{header}Connection: close\r\n\r\n".encode())
        data = b""
        while chunk := conn.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


def test_only_its_own_host_names_are_answered(repo: Path) -> None:
    served = Served(repo, "--no-book")
    port = urlsplit(served.url).port
    assert port is not None
    try:
        for host in ("127.0.0.1", f"127.0.0.1:{port}", "localhost", f"localhost:{port}", f"LocalHost:{port}",
                     "[::1]", f"[::1]:{port}"):
            status, body = raw_get(port, "/", host)
            assert status == 200 and b"alpha.pdf" in body, host
        assert raw_get(port, "/alpha.pdf", f"localhost:{port}")[1].startswith(b"%PDF")
        for host in (f"attacker.example:{port}", "attacker.example", f"127.0.0.1.nip.io:{port}", f"localhost:{port + 1}",
                     f"127.0.0.1:{port}@attacker.example", f"192.168.1.10:{port}", "", None):
            for path in ("/", "/alpha.pdf", "/__version"):
                status, body = raw_get(port, path, host)
                assert status == 421 and body == b"misdirected request", (host, path, status)

        page = raw_get(port, "/", "127.0.0.1")[1].decode("utf-8")  # gamma's value, escaped on the page
        assert "tnrs ::error::x\\x1b[2J\\u202e" in page and "\u202e" not in page and "\x1b" not in page
    finally:
        code, log = served.stop()
    assert code == 0 and "Traceback" not in log, log


def test_a_browser_that_stops_reading_prints_nothing(repo: Path) -> None:
    served = Served(repo, "--no-book")
    port = urlsplit(served.url).port
    assert port is not None
    try:
        size = len(raw_get(port, "/alpha.pdf", "127.0.0.1")[1])
        assert size > 1_000_000
        for _ in range(5):  # a PDF viewer that closes the tab mid-download: unread data, the socket reset
            conn = socket.socket()
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            conn.connect(("127.0.0.1", port))
            conn.sendall(f"GET /alpha.pdf HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
            assert conn.recv(64).startswith(b"HTTP/1.0 200")
            conn.close()
        for _ in range(3):  # a connection closed before its request was even sent
            socket.create_connection(("127.0.0.1", port)).close()
        status, body = raw_get(port, "/alpha.pdf", "127.0.0.1")  # and it goes on serving
        assert status == 200 and len(body) == size
    finally:
        code, log = served.stop()
    assert code == 0 and "Traceback" not in log and "BrokenPipe" not in log and "ConnectionReset" not in log, log
