"""`dossier serve` with the book: a save's projects are pushed to the pages before the book is
made (no project page shows the book), then the build with its book. The real server, its
event stream read as a browser reads it."""

from __future__ import annotations

import http.client
import json
import re
import time
from pathlib import Path
from urllib.parse import urlsplit

from support.served import Served, two_projects


def events(served: Served) -> http.client.HTTPResponse:
    where = urlsplit(served.url)
    connection = http.client.HTTPConnection(where.hostname, where.port, timeout=180)
    connection.request("GET", "/__events")
    response = connection.getresponse()
    assert response.status == 200 and response.headers["Content-Type"].startswith("text/event-stream")
    return response


def next_build(stream: http.client.HTTPResponse, seconds: float = 150) -> dict[str, int]:
    """The next build event's data (keep-alive comments skipped), within ``seconds``."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        line = stream.fp.readline().decode("utf-8")
        assert line, "the stream ended"
        if line.startswith("data: "):
            return json.loads(line[len("data: "):])
    raise AssertionError(f"no build event in {seconds} s")


def test_the_projects_are_pushed_before_the_book(tmp_path: Path) -> None:
    repo = two_projects(tmp_path)
    served = Served(repo)
    try:
        stream = events(served)
        first = next_build(stream)
        assert first["version"] == 1
        alpha = repo / "projects" / "alpha.yaml"
        alpha.write_text(alpha.read_text(encoding="utf-8").replace("  concept: แนวคิด", "  concept: แนวคิดใหม่"),
                         encoding="utf-8")
        projects = next_build(stream)
        with_book = next_build(stream)
        assert projects["version"] == with_book["version"] == 2
        assert first["stamp"] < projects["stamp"] < with_book["stamp"]
        served.wait_for(r"rebuild 2: 3 PDFs, 0 problems", 120)  # said once, with the book
        status, page = served.get("/")
        documents = set(re.findall(r'href="/([^"/]+\.pdf)"', page.decode("utf-8")))
        assert status == 200 and len(documents) == 3 and {"alpha.pdf", "beta.pdf"} < documents, documents
        assert served.get("/__version")[1] == b'{"version": 2}'
    finally:
        code, log = served.stop()
    assert code == 0 and "Traceback" not in log and log.count("rebuild 2:") == 1, log
