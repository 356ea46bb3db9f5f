"""The README's screenshots of `dossier diff`'s report and `dossier serve`'s project page, made
with the real commands on a copy of projects/mangrove.yaml and headless Chromium (DevTools).
Run: .venv/bin/python docs/preview-screenshots.py"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from support.browser_util import Browser, chromium  # noqa: E402

ENV = {**os.environ, "DOSSIER_LANG": "th", "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "สมศรี",
       "GIT_AUTHOR_EMAIL": "a@example.go.th", "GIT_COMMITTER_NAME": "สมศรี", "GIT_COMMITTER_EMAIL": "a@example.go.th"}
DOSSIER = [sys.executable, "-m", "dossier"]


def sh(args: list[str], cwd: Path) -> str:
    return subprocess.run(args, cwd=cwd, env=ENV, check=True, capture_output=True, text=True).stdout


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="shots-"))
    (work / "projects").mkdir()
    shutil.copy(ROOT / "dossier.yaml", work / "dossier.yaml")
    shutil.copy(ROOT / "projects" / "mangrove.yaml", work / "projects" / "mangrove.yaml")
    sh(["git", "init", "-q", "-b", "main"], work)
    sh(["git", "add", "-A"], work)
    sh(["git", "commit", "-qm", "base"], work)
    sh(["git", "checkout", "-qb", "feature"], work)
    path = work / "projects" / "mangrove.yaml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(  concept: \|[^\n]*\n)", r"\1    ชุมชนคลองโคนตั้งกลุ่มอาสาสมัครเฝ้าระวังป่าชายเลนทุกหมู่บ้าน ผลัดกันออกตรวจแนวป่าทุกสัปดาห์\n\n", text, count=1)
    path.write_text(text, encoding="utf-8")
    sh(["git", "commit", "-qam", "concept: a paragraph"], work)
    sh([*DOSSIER, "diff"], work)
    browser = Browser(work / "profile", chromium() or "chromium")
    try:
        browser.send("Emulation.setDeviceMetricsOverride", session=True, width=1280, height=900, deviceScaleFactor=1,
                     mobile=False)
        browser.open((work / "build" / "diff" / "index.html").as_uri())
        browser.screenshot(ROOT / "docs" / "img" / "diff-report.png")
        path.write_text(text.replace("status:", "stauts:", 1), encoding="utf-8")
        server = subprocess.Popen([*DOSSIER, "serve", "projects/mangrove.yaml", "--port", "0", "--no-open"], cwd=work,
                                  env=ENV, text=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        assert server.stderr is not None
        url = ""
        for line in server.stderr:
            found = re.search(r"(http://\S+)", line)
            if found:
                url = found[1]
                break
        try:
            browser.open(url + "project/mangrove")
            browser.wait_until("Array.from(document.querySelectorAll('#pages img')).every(i => i.complete && i.naturalWidth)", 60)
            browser.evaluate("document.querySelector('#pages figure:nth-child(4)').scrollIntoView()")
            browser.screenshot(ROOT / "docs" / "img" / "serve-project.png")
        finally:
            server.terminate()
            server.wait(timeout=60)
    finally:
        browser.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
