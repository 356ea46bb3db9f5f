"""`dossier serve`'s document preview in a real browser: the real server on a loopback port
(a subprocess, as a user starts it), headless Chromium driven through DevTools, real edits."""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path

import pytest

from support.browser_util import Browser, chromium
from support.served import Served, two_projects

IMAGES_SHOWN = ("(() => { const imgs = Array.from(document.querySelectorAll('#pages img'));"
                " return imgs.length > 0 && imgs.every(i => i.complete && i.naturalWidth > 0); })()")
SOURCES = "Array.from(document.querySelectorAll('#pages img')).map(i => i.getAttribute('src'))"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with alpha and beta."""
    return two_projects(tmp_path)


@pytest.fixture
def browser(tmp_path: Path):  # type: ignore[no-untyped-def]
    executable = chromium()
    if executable is None:
        pytest.skip("no Chromium to drive")
    opened = Browser(tmp_path / "profile", executable)
    yield opened
    opened.close()


def test_a_project_page_shows_its_pages_and_follows_edits_without_a_reload(repo: Path, browser: Browser) -> None:  # noqa: F811
    served = Served(repo, "projects/alpha.yaml")
    try:
        browser.open(served.url + "project/alpha")
        browser.wait_until(IMAGES_SHOWN, 60)
        first = browser.evaluate(SOURCES)
        assert len(first) >= 3 and all(re.fullmatch(r"/__page/alpha/\d+\.png\?v=[0-9a-f]{16}", s) for s in first)
        with urllib.request.urlopen(served.url + first[0].lstrip("/"), timeout=30) as response:
            assert response.headers["Content-Type"] == "image/png" and response.read(8) == b"\x89PNG\r\n\x1a\n"
        assert browser.evaluate("document.querySelector('#problems').textContent").strip() == "no problems"
        browser.wait_until("document.body.dataset.live === 'yes'", 60)
        browser.evaluate("window.sameDocument = true")  # gone if the page reloads

        alpha = repo / "projects" / "alpha.yaml"
        good = alpha.read_text(encoding="utf-8").replace("  concept: แนวคิด", "  concept: แนวคิดที่ชุมชนร่วมกันคิดขึ้นใหม่")
        alpha.write_text(good, encoding="utf-8")
        browser.wait_until("document.body.dataset.version === '2' && document.body.dataset.shown", 120)
        assert browser.evaluate("window.sameDocument") is True
        browser.wait_until(IMAGES_SHOWN, 60)
        second = browser.evaluate(SOURCES)
        assert len(second) == len(first)
        changed = [n for n, (a, b) in enumerate(zip(first, second), start=1) if a != b]
        assert changed and 1 not in changed, changed  # the body page changed; the cover did not

        alpha.write_text("title: [ไม่ได้ปิดวงเล็บ\n" + good, encoding="utf-8")  # a broken save
        browser.wait_until("document.body.dataset.version === '3'", 120)
        assert browser.evaluate("window.sameDocument") is True
        problems = browser.evaluate("document.querySelector('#problems').textContent")
        assert re.search(r"projects/alpha\.yaml:\d+:\d+ error", problems), problems
        link = browser.evaluate("document.querySelector('#problems a').getAttribute('href')")
        assert re.fullmatch(r"vscode://file/.+/projects/alpha\.yaml:\d+:\d+", link), link
        assert browser.evaluate(SOURCES) == second  # the last good pages stay
        browser.wait_until(IMAGES_SHOWN, 30)
        assert browser.evaluate("document.querySelector('#pages').className") == "stale"
        assert "last good build" in browser.evaluate("document.querySelector('#stale').textContent")
        assert browser.evaluate("document.querySelector('#state').textContent") == "cannot be built: the last good pages are shown"
    finally:
        code, log = served.stop()
    assert code == 0 and "Traceback" not in log, log


def test_the_index_lists_every_project_with_its_state(repo: Path, browser: Browser) -> None:  # noqa: F811
    beta = repo / "projects" / "beta.yaml"
    beta.write_text(beta.read_text(encoding="utf-8").replace("status: ongoing", "status: completed"), encoding="utf-8")
    served = Served(repo, "--no-book")
    try:
        browser.open(served.url)
        states = browser.evaluate("Array.from(document.querySelectorAll('#projects li'))"
                                  ".map(li => [li.querySelector('a').getAttribute('href'), li.dataset.state])")
        assert states == [["/project/alpha", "ok"], ["/project/beta", "errors"]]
        assert served.get("/project/nothing")[0] == 404
        assert served.get("/__page/alpha/0.png")[0] == 404 and served.get("/__page/alpha/../x.png")[0] == 404
        assert served.get("/__page/alpha/1.png")[0] == 200
    finally:
        code, log = served.stop()
    assert code == 0 and "Traceback" not in log, log
