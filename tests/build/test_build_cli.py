"""`dossier build` end to end, in a real subprocess: which change triggers which rebuild,
byte-identical rebuilds, a no-op build that never imports WeasyPrint, locks, kill -9 and a
full disk."""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pypdf
import pytest

from support.buildutil import dossier

BOOK = "สมุทรสงคราม-2564.pdf"


def outputs(repo: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((repo / "build").glob("*.pdf"))}


def summary(result: subprocess.CompletedProcess[str]) -> str:
    return result.stderr.strip().splitlines()[-1]


def test_which_change_triggers_which_rebuild(small_repo: Path) -> None:
    first = dossier(small_repo, "build", "-j1")
    assert first.returncode == 0, first.stdout + first.stderr
    assert re.match(r"built 2 PDFs and the book, 0 up to date", summary(first))
    manifest = json.loads((small_repo / "build" / ".dossier-manifest.json").read_text())
    assert sorted(manifest["entries"]) == sorted(["alpha.pdf", "beta.pdf", BOOK])

    assert re.match(r"built 0 PDFs \(book up to date\), 2 up to date", summary(dossier(small_repo, "build")))
    os.utime(small_repo / "projects" / "alpha.yaml")  # a new mtime is not a change
    assert "built 0 PDFs" in summary(dossier(small_repo, "build"))

    alpha = small_repo / "projects" / "alpha.yaml"
    alpha.write_text(alpha.read_text(encoding="utf-8").replace("ความเป็นมา", "ความเป็นมาของโครงการ"), encoding="utf-8")
    assert re.match(r"built 1 PDF and the book, 1 up to date", summary(dossier(small_repo, "build")))

    (small_repo / "templates").mkdir()
    shutil.copy(Path(__file__).parents[2] / "templates" / "style.css.j2", small_repo / "templates" / "style.css.j2")
    with open(small_repo / "templates" / "style.css.j2", "a", encoding="utf-8") as handle:
        handle.write("\nh2 { color: #000; }\n")
    assert re.match(r"built 2 PDFs and the book, 0 up to date", summary(dossier(small_repo, "build")))

    province = small_repo / "dossier.yaml"
    province.write_text(province.read_text(encoding="utf-8").replace("numerals: thai", "numerals: arabic"), encoding="utf-8")
    assert re.match(r"built 2 PDFs and the book", summary(dossier(small_repo, "build")))

    assert re.match(r"built 2 PDFs and the book", summary(dossier(small_repo, "build", "--force")))
    assert re.match(r"built 1 PDF, 0 up to date", summary(dossier(small_repo, "build", "--force", "projects/beta.yaml")))


def test_a_photo_is_part_of_its_projects_key(small_repo: Path) -> None:
    from PIL import Image

    Image.new("RGB", (80, 60), "white").save(small_repo / "projects" / "p.png")
    alpha = small_repo / "projects" / "alpha.yaml"
    alpha.write_text(alpha.read_text(encoding="utf-8") + "photos:\n  - {file: p.png, caption: ภาพ}\n", encoding="utf-8")
    assert dossier(small_repo, "build", "-j1").returncode == 0
    Image.new("RGB", (80, 60), "black").save(small_repo / "projects" / "p.png")
    assert re.match(r"built 1 PDF and the book, 1 up to date", summary(dossier(small_repo, "build")))


def imported_by_a_build(repo: Path, *args: str) -> list[str]:
    code = ("import sys\nfrom dossier.cli import main\n"
            f"try:\n    main(['build', '-q', *{list(args)!r}])\nexcept SystemExit as e:\n    assert e.code == 0, e.code\n"
            "print(' '.join(sorted(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_a_build_with_nothing_to_do_never_imports_weasyprint(small_repo: Path) -> None:
    assert dossier(small_repo, "build", "-j1").returncode == 0
    heavy = ("weasyprint", "pikepdf", "pypdf", "jinja2", "markdown", "multiprocessing")
    assert [m for m in imported_by_a_build(small_repo) if m.split(".")[0] in heavy] == []
    # nor YAML, the domain model or the rules: the manifest and the files' hashes tell (dossier.build.uptodate)
    assert [m for m in imported_by_a_build(small_repo) if m.split(".")[0] == "yaml"
            or m in ("dossier.workspace", "dossier.model", "dossier.rules", "dossier.validate")] == []
    # a subset of the projects takes the full path (validation of what changed only), still light
    subset = imported_by_a_build(small_repo, "projects/alpha.yaml", "--no-book")
    assert "dossier.workspace" in subset and [m for m in subset if m.split(".")[0] in heavy] == []


@pytest.mark.parametrize("change, expect", [
    ("edit", r"built 1 PDF and the book, 1 up to date"),
    ("add", r"built 1 PDF and the book, 2 up to date"),
    ("remove", r"built 0 PDFs and the book, 1 up to date"),
    ("template", r"built 2 PDFs and the book, 0 up to date"),
    ("asset", r"built 2 PDFs and the book, 0 up to date"),
    ("rules", r"built 2 PDFs and the book, 0 up to date"),
    ("book-deleted", r"built 0 PDFs and the book, 2 up to date"),
    ("dossier-deleted", r"built 1 PDF \(book up to date\), 1 up to date"),  # made again, byte-identical
    ("variant", r"built 2 PDFs and the book, 0 up to date"),
    ("no-book", r"built 0 PDFs, 2 up to date"),
])
def test_the_quick_nothing_to_do_check_misses_no_change(small_repo: Path, change: str, expect: str) -> None:
    """After a clean build, the next one may tell "nothing to do" from hashes alone: every kind
    of change must still take the full path and rebuild exactly what it rebuilt before."""
    assert dossier(small_repo, "build", "-j1").returncode == 0
    assert re.match(r"built 0 PDFs \(book up to date\), 2 up to date", summary(dossier(small_repo, "build")))
    projects, args = small_repo / "projects", []
    if change == "edit":
        alpha = projects / "alpha.yaml"
        alpha.write_text(alpha.read_text(encoding="utf-8").replace("ความเป็นมา", "ความเป็นมาของโครงการ"), encoding="utf-8")
    elif change == "add":
        shutil.copy(projects / "alpha.yaml", projects / "gamma.yaml")
    elif change == "remove":
        (projects / "beta.yaml").unlink()
    elif change == "template":
        (small_repo / "templates").mkdir()
        (small_repo / "templates" / "extra.css").write_text("p { }\n", encoding="utf-8")
    elif change == "asset":
        (small_repo / "assets").mkdir()
        (small_repo / "assets" / "note.txt").write_text("x\n", encoding="utf-8")
    elif change == "rules":
        (small_repo / "rules").mkdir()
        builtin = Path(__file__).parents[2] / "dossier" / "rules" / "2564.yaml"
        (small_repo / "rules" / "2564.yaml").write_text(builtin.read_text(encoding="utf-8") + "\n# ours\n", encoding="utf-8")
    elif change == "book-deleted":
        (small_repo / "build" / BOOK).unlink()
    elif change == "dossier-deleted":
        (small_repo / "build" / "beta.pdf").unlink()
    elif change == "variant":
        args = ["--pdf-variant", "pdf/a-3u"]
    elif change == "no-book":
        args = ["--no-book"]
    result = dossier(small_repo, "build", "-j1", *args)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.match(expect, summary(result)), summary(result)
    assert "(book up to date)" in summary(dossier(small_repo, "build", *args)) or "--no-book" in args


def test_a_warning_about_dossier_yaml_is_shown_on_every_build(small_repo: Path) -> None:
    province = small_repo / "dossier.yaml"
    province.write_text(province.read_text(encoding="utf-8") + "colour: red\n", encoding="utf-8")
    for _ in range(2):
        result = dossier(small_repo, "build", "-j1")
        assert 'unknown key "colour"' in result.stdout + result.stderr


def test_rebuilds_are_byte_identical(small_repo: Path, tmp_path: Path) -> None:
    env = {"SOURCE_DATE_EPOCH": "1609372800"}  # 31 Dec 2020
    assert dossier(small_repo, "build", "-j2", env=env).returncode == 0
    first = outputs(small_repo)
    assert dossier(small_repo, "build", "-j1", "--force", env=env).returncode == 0
    assert outputs(small_repo) == first
    elsewhere = dossier(small_repo, "build", "-j2", "-o", str(tmp_path / "other"), env=env)
    assert elsewhere.returncode == 0
    assert {p.name: p.read_bytes() for p in (tmp_path / "other").glob("*.pdf")} == first
    created = pypdf.PdfReader(small_repo / "build" / "alpha.pdf").metadata["/CreationDate"]
    assert created.startswith("D:20201231")


def test_without_source_date_epoch_the_date_is_the_last_commit(small_repo: Path) -> None:
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.go.th"]
    subprocess.run(git + ["init", "-q"], cwd=small_repo, check=True)
    subprocess.run(git + ["add", "-A"], cwd=small_repo, check=True)
    subprocess.run(git + ["commit", "-qm", "x", "--date", "2021-01-15T10:00:00+07:00"], cwd=small_repo, check=True,
                   env={**os.environ, "GIT_COMMITTER_DATE": "2021-01-15T10:00:00+07:00"})
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    done = subprocess.run([sys.executable, "-m", "dossier", "build", "-j1", "projects/alpha.yaml"], cwd=small_repo,
                          capture_output=True, text=True, timeout=120, env=environment)
    assert done.returncode == 0, done.stderr
    assert pypdf.PdfReader(small_repo / "build" / "alpha.pdf").metadata["/CreationDate"].startswith("D:20210115")


def test_a_second_build_at_the_same_time_is_refused_clearly(small_repo: Path) -> None:
    for n in range(6):  # enough work that the first build is still running
        shutil.copy(small_repo / "projects" / "alpha.yaml", small_repo / "projects" / f"extra{n}.yaml")
    first = subprocess.Popen([sys.executable, "-m", "dossier", "build", "-j1"], cwd=small_repo,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "DOSSIER_LANG": "en"})
    lock = small_repo / "build" / ".dossier.lock"
    deadline = time.time() + 60
    while time.time() < deadline and not (lock.exists() and lock.read_text().strip() == str(first.pid)):
        time.sleep(0.05)
    second = dossier(small_repo, "build", "-j1")
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, out + err
    assert second.returncode == 1
    assert f"another build is writing" in second.stdout and f"process {first.pid}" in second.stdout
    assert "Traceback" not in second.stdout + second.stderr


def test_kill_9_leaves_old_or_new_complete_files_and_no_temporary_file(small_repo: Path, tmp_path: Path) -> None:
    for n in range(4):
        shutil.copy(small_repo / "projects" / "alpha.yaml", small_repo / "projects" / f"extra{n}.yaml")
    assert dossier(small_repo, "build", "-j1").returncode == 0
    old = outputs(small_repo)
    for path in (small_repo / "projects").glob("*.yaml"):  # every dossier changes
        path.write_text(path.read_text(encoding="utf-8").replace("ผลสัมฤทธิ์", "ผลสัมฤทธิ์ที่วัดได้"), encoding="utf-8")
    reference = dossier(small_repo, "build", "-j1", "-o", str(tmp_path / "reference"))
    assert reference.returncode == 0
    new = {p.name: p.read_bytes() for p in (tmp_path / "reference").glob("*.pdf")}
    assert all(new[name] != old[name] for name in old)
    for delay in (0.4, 1.0, 1.6, 2.2, 2.8):
        build = subprocess.Popen([sys.executable, "-m", "dossier", "build", "-j2", "--force"], cwd=small_repo,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(delay)
        os.killpg(build.pid, signal.SIGKILL)  # the build and its workers, at once
        build.wait()
        for name, data in outputs(small_repo).items():
            assert data in (old[name], new[name]), f"{name} is neither the old nor the new file after kill at {delay} s"
    finished = dossier(small_repo, "build", "-j1")
    assert finished.returncode == 0
    assert outputs(small_repo) == new
    assert [p.name for p in (small_repo / "build").iterdir() if p.name.endswith(".tmp")] == []


def test_a_full_disk_gives_a_clear_error_and_keeps_the_previous_file(small_repo: Path) -> None:
    assert dossier(small_repo, "build", "-j1", "projects/alpha.yaml").returncode == 0
    before = (small_repo / "build" / "alpha.pdf").read_bytes()

    def small_files() -> None:  # every write past 20 KB fails with EFBIG, as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    alpha = small_repo / "projects" / "alpha.yaml"
    alpha.write_text(alpha.read_text(encoding="utf-8").replace("ความเป็นมา", "ความเป็นมาใหม่"), encoding="utf-8")
    done = dossier(small_repo, "build", "-j1", "projects/alpha.yaml", preexec_fn=small_files)
    assert done.returncode == 1
    assert "error: [write-failed] cannot write" in done.stdout and "Traceback" not in done.stdout + done.stderr
    assert (small_repo / "build" / "alpha.pdf").read_bytes() == before
    assert [p.name for p in (small_repo / "build").iterdir() if p.name.endswith(".tmp")] == []


def test_an_output_folder_that_cannot_be_made_is_explained(small_repo: Path) -> None:
    (small_repo / "not-a-folder").write_text("x")
    done = dossier(small_repo, "build", "-j1", "-o", "not-a-folder/out")
    assert done.returncode == 1 and "[write-failed]" in done.stdout and "Traceback" not in done.stderr


def test_a_render_over_its_time_limit_fails_that_project_only(small_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    from dossier.limits import Limits
    from dossier.build.pipeline import Options, build
    from dossier.workspace import open_workspace

    rows = "\n".join(["    | ปี | ไร่ | หมายเหตุ |", "    |---|---|---|"]
                     + [f"    | {2500 + i} | {i} | ชาวบ้านร่วมปลูกป่าชายเลนและดูแลแปลงป่า |" for i in range(300)])
    slow = small_repo / "projects" / "alpha.yaml"
    text = slow.read_text(encoding="utf-8")
    for key, word in (("results", "ผลสัมฤทธิ์"), ("background", "ความเป็นมา"), ("concept", "แนวคิด")):
        text = text.replace(f"  {key}: {word}\n", f"  {key}: |\n{rows}\n")  # seconds of table layout
    slow.write_text(text, encoding="utf-8")
    monkeypatch.chdir(small_repo)
    # alpha takes about 7 s, beta under 1 s in a cold worker: a 3 s limit parts them on a busy machine
    ws = dataclasses.replace(open_workspace(small_repo), limits=Limits(render_seconds=3))
    outcome = build(ws, ws.project_files(), Options(small_repo / "build", jobs=2, book=False))
    assert [c.file for c in outcome.failed] == ["projects/alpha.yaml"]
    assert [(d.file, d.code) for d in outcome.diagnostics] == [("projects/alpha.yaml", "render-timeout")]
    assert "3 s" in outcome.diagnostics[0].message("en")
    assert [b.checked.slug for b in outcome.built] == ["beta"]  # the other project still built
