"""The repository is the boundary of every path the tool reads or writes. Each hostile layout is
made for real in tmp_path (symlinks, a FIFO, /dev/zero), next to a folder outside the repository
holding a marker no output may contain; commands run as subprocesses with a timeout, so a
regression that blocks on a FIFO or reads /dev/zero fails instead of hanging the suite."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from support.pdfbytes import every_byte

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "validate" / "cases"
VALID = (CASES / "valid-minimal.yaml").read_text(encoding="utf-8")
PHOTO = "photos:\n  - {file: images/photo.png, caption: ภาพกิจกรรม}\n"


def dossier(repo: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dossier", *args], cwd=repo, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "DOSSIER_LANG": "en"})


@pytest.fixture
def layout(tmp_path: Path) -> tuple[Path, Path, str]:
    """(repository, a folder outside it, the marker every file outside holds)."""
    marker = f"MARKER-{uuid.uuid4().hex}"
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text(VALID.replace("การส่งเสริมกิจกรรมการปลูกป่าชายเลน", marker) + f"{marker}: x\n",
                                         encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / "projects").mkdir(parents=True)
    shutil.copy(CASES / "dossier.yaml", repo / "dossier.yaml")
    (repo / "projects" / "mangrove.yaml").write_text(VALID, encoding="utf-8")
    return repo, outside, marker


def everything(folder: Path) -> bytes:
    """Every file under ``folder``, PDFs with every stream decoded."""
    return b"".join(every_byte(p) if p.suffix == ".pdf" else p.read_bytes()
                    for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink())


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): (os.readlink(p) if p.is_symlink() else hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(folder.rglob("*")) if p.is_symlink() or p.is_file()}


def test_a_symlinked_project_file_is_refused_unread(layout: tuple[Path, Path, str]) -> None:
    repo, outside, marker = layout
    (repo / "projects" / "leak.yaml").symlink_to(outside / "secret.yaml")
    (repo / "projects" / "near.yaml").symlink_to("../../outside/secret.yaml")
    validate = dossier(repo, "validate")
    assert validate.returncode == 1
    assert "projects/leak.yaml: error: [path-outside] projects/leak.yaml leads outside the repository" in validate.stdout
    assert "projects/near.yaml: error: [path-outside]" in validate.stdout
    build = dossier(repo, "build", "--draft", "-j1")
    assert build.returncode == 1 and "[path-outside]" in build.stdout
    made = sorted(p.name for p in (repo / "build").glob("*.pdf"))
    assert "mangrove.pdf" in made and not [name for name in made if name.startswith(("leak", "near"))], made
    for output in (validate.stdout, validate.stderr, build.stdout, build.stderr):
        assert marker not in output and str(outside) not in output
    assert marker.encode() not in everything(repo / "build")


def test_a_file_named_outside_the_repository_is_checked_but_a_link_to_it_from_inside_is_not(
        layout: tuple[Path, Path, str]) -> None:
    """The boundary guards what the repository leads to, not what the user names: `dossier validate
    /elsewhere/x.yaml` checks that file (a draft being prepared, a probe), named as typed; the same
    file reached through projects/leak.yaml, as a pull request would commit it, stays unread."""
    repo, outside, marker = layout
    (outside / "broken.yaml").write_text("title: x\ntitle: y\n", encoding="utf-8")
    named = dossier(repo, "validate", str(outside / "broken.yaml"))
    assert named.returncode == 1
    assert f"{outside / 'broken.yaml'}:2:1: error: [yaml-duplicate-key]" in named.stdout, named.stdout
    (repo / "projects" / "leak.yaml").symlink_to(outside / "secret.yaml")
    linked = dossier(repo, "validate", "projects/leak.yaml")
    assert linked.returncode == 1 and "[path-outside]" in linked.stdout
    assert marker not in linked.stdout + linked.stderr


def test_a_symlinked_projects_folder_is_refused(layout: tuple[Path, Path, str]) -> None:
    repo, outside, marker = layout
    shutil.rmtree(repo / "projects")
    (repo / "projects").symlink_to(outside)
    for args in (["validate"], ["build", "--draft", "-j1"]):
        done = dossier(repo, *args)
        assert done.returncode == 1 and "projects: error: [path-outside]" in done.stdout, done.stdout
        assert marker not in done.stdout + done.stderr and "secret" not in done.stdout + done.stderr
    assert not list(repo.glob("build/*.pdf"))


def test_symlinked_templates_assets_rules_and_province_file(layout: tuple[Path, Path, str]) -> None:
    repo, outside, marker = layout
    (outside / "project.html.j2").write_text(f"<p>{marker}</p>", encoding="utf-8")
    (outside / "assets").mkdir()
    (outside / "assets" / "notes.txt").write_text(marker, encoding="utf-8")
    (repo / "templates").mkdir()
    (repo / "templates" / "project.html.j2").symlink_to(outside / "project.html.j2")  # an override, linked out
    (repo / "assets").symlink_to(outside / "assets")
    build = dossier(repo, "build", "-j1", "--no-book")
    assert build.returncode == 1
    assert "templates/project.html.j2: error: [path-outside]" in build.stdout
    assert "assets: error: [path-outside]" in build.stdout
    pdf = repo / "build" / "mangrove.pdf"
    assert pdf.is_file(), build.stdout + build.stderr  # rendered with the built-in template instead
    assert marker.encode() not in everything(repo / "build")
    from dossier.paths import PACKAGE_DIR, environment_files  # what the build hashes: nothing outside

    hashed = [Path(os.path.realpath(p)) for p in environment_files(repo.resolve(), 2564)]
    assert hashed and all(p.is_relative_to(repo.resolve()) or p.is_relative_to(PACKAGE_DIR.parent.resolve())
                          for p in hashed), [p for p in hashed if p.is_relative_to(outside)]
    # the repository's rules file, and dossier.yaml itself
    (outside / "2564.yaml").write_text(f"{marker}: x\n", encoding="utf-8")
    (repo / "rules").mkdir()
    (repo / "rules" / "2564.yaml").symlink_to(outside / "2564.yaml")
    done = dossier(repo, "validate")
    assert done.returncode == 1 and "rules/2564.yaml: error: [path-outside]" in done.stdout
    assert marker not in done.stdout + done.stderr
    (repo / "rules" / "2564.yaml").unlink()
    shutil.move(repo / "dossier.yaml", outside / "dossier.yaml")
    (repo / "dossier.yaml").symlink_to(outside / "dossier.yaml")
    done = dossier(repo, "validate")
    assert done.returncode == 1 and "dossier.yaml: error: [path-outside]" in done.stdout


def test_a_markdown_image_linked_outside_is_refused_on_its_line(layout: tuple[Path, Path, str]) -> None:
    repo, outside, marker = layout
    (outside / "picture.png").write_bytes(b"\x89PNG" + marker.encode())
    (repo / "projects" / "picture.png").symlink_to(outside / "picture.png")
    text = VALID.replace("  results: ผลสัมฤทธิ์\n", "  results: |\n    ผลสัมฤทธิ์\n\n    ![ภาพ](picture.png)\n")
    (repo / "projects" / "mangrove.yaml").write_text(text, encoding="utf-8")
    line = text.splitlines().index("    ![ภาพ](picture.png)") + 1
    done = dossier(repo, "validate")
    assert done.returncode == 1
    assert f"projects/mangrove.yaml:{line}:5: error: [image-outside]" in done.stdout, done.stdout


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_fifo_or_dev_zero_photo_ends_quickly_with_a_located_error(layout: tuple[Path, Path, str], kind: str) -> None:
    repo, _outside, _marker = layout
    (repo / "projects" / "images").mkdir()
    photo = repo / "projects" / "images" / "photo.png"
    if kind == "fifo":
        os.mkfifo(photo)
    else:
        photo.symlink_to("/dev/zero")
    (repo / "projects" / "mangrove.yaml").write_text(VALID + PHOTO, encoding="utf-8")
    line = (VALID + PHOTO).splitlines().index("  - {file: images/photo.png, caption: ภาพกิจกรรม}") + 1
    code = "not-regular-file" if kind == "fifo" else "image-outside"
    for args in (["validate"], ["build", "--draft", "-j1", "--no-book"]):
        done = dossier(repo, *args, timeout=120)  # today's code blocks on the FIFO or reads /dev/zero forever
        assert done.returncode == 1, done.stdout + done.stderr
        assert f"projects/mangrove.yaml:{line}:" in done.stdout and f"error: [{code}]" in done.stdout, done.stdout
        assert "Traceback" not in done.stderr
    assert (repo / "build" / "mangrove.draft.pdf").is_file()  # the draft renders without the photo


def test_sources_recorded_in_a_manifest_are_never_read(layout: tuple[Path, Path, str]) -> None:
    repo, outside, marker = layout
    assert dossier(repo, "build", "-j1").returncode == 0
    manifest = repo / "build" / ".dossier-manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    os.mkfifo(repo / "fifo")
    for entry in data["entries"].values():
        if entry["sources"]:
            entry["sources"] += [str(repo / "fifo"), "/dev/zero", str(outside / "secret.yaml")]
    manifest.write_text(json.dumps(data), encoding="utf-8")
    for args in (["build", "-j1"], ["build", "-j1", "projects/mangrove.yaml"]):  # the no-op path and the full one
        done = dossier(repo, *args, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr
    assert marker not in manifest.read_text(encoding="utf-8")


def test_a_symlinked_build_folder_is_refused_and_left_untouched(layout: tuple[Path, Path, str]) -> None:
    repo, outside, _marker = layout
    target = outside / "elsewhere"
    target.mkdir()
    (target / ".report.pdf.abcd1234.tmp").write_bytes(b"a file named like a temporary file")
    (target / "mangrove.pdf").write_bytes(b"someone else's file")
    before = snapshot(outside)
    (repo / "build").symlink_to(target)
    done = dossier(repo, "build", "-j1")
    assert done.returncode == 1 and "build: error: [output-outside]" in done.stdout, done.stdout
    assert snapshot(outside) == before
    status = dossier(repo, "status", "--format", "html")
    assert status.returncode == 1 and "[output-outside]" in status.stdout
    assert snapshot(outside) == before


def test_a_lock_file_linked_elsewhere_is_never_written_through(layout: tuple[Path, Path, str]) -> None:
    repo, outside, _marker = layout
    (repo / "build").mkdir()
    (repo / "build" / ".dossier.lock").symlink_to(outside / "secret.yaml")
    before = snapshot(outside)
    done = dossier(repo, "build", "-j1")
    assert done.returncode == 1 and "build/.dossier.lock: error: [output-symlink]" in done.stdout, done.stdout
    assert snapshot(outside) == before


def test_the_build_deletes_only_its_own_temporary_files(layout: tuple[Path, Path, str]) -> None:
    repo, outside, _marker = layout
    build = repo / "build"
    build.mkdir()
    (build / ".notes.tmp").write_text("a reviewer's notes", encoding="utf-8")  # not a name the tool makes
    (build / ".mangrove.pdf.k3j9x0q1.tmp").write_bytes(b"half a pdf a killed build left")
    (outside / ".x.pdf.aaaaaaaa.tmp").write_bytes(b"outside")
    (build / ".x.pdf.aaaaaaaa.tmp").symlink_to(outside / ".x.pdf.aaaaaaaa.tmp")
    assert dossier(repo, "build", "-j1", "--no-book").returncode == 0
    names = sorted(p.name for p in build.iterdir())
    assert ".notes.tmp" in names and ".mangrove.pdf.k3j9x0q1.tmp" not in names
    assert (outside / ".x.pdf.aaaaaaaa.tmp").read_bytes() == b"outside"


def test_new_never_writes_through_a_symlinked_projects_folder(layout: tuple[Path, Path, str]) -> None:
    repo, outside, _marker = layout
    shutil.rmtree(repo / "projects")
    (repo / "projects").symlink_to(outside)
    before = snapshot(outside)
    done = dossier(repo, "new", "--agency", "tnrs", "--type", "participation-results", "--title", "โครงการ",
                   "--slug", "planted")
    assert done.returncode == 1 and "projects: error: [path-outside]" in done.stdout, done.stdout + done.stderr
    assert snapshot(outside) == before


def test_a_photo_or_markdown_image_over_the_size_limit_is_refused_unread(layout: tuple[Path, Path, str]) -> None:
    from dossier.limits import DEFAULT_LIMITS

    repo, _outside, _marker = layout
    (repo / "projects" / "images").mkdir()
    for name in ("photo.png", "big.png"):
        with open(repo / "projects" / "images" / name, "wb") as handle:  # sparse: no disk, no time
            handle.write(b"\x89PNG\r\n\x1a\n")
            handle.truncate(DEFAULT_LIMITS.max_resource_bytes + 1)
    text = VALID.replace("  results: ผลสัมฤทธิ์\n", "  results: |\n    ผลสัมฤทธิ์\n\n    ![ภาพ](images/big.png)\n") + PHOTO
    (repo / "projects" / "mangrove.yaml").write_text(text, encoding="utf-8")
    lines = text.splitlines()
    done = dossier(repo, "validate")
    assert done.returncode == 1
    image = lines.index("    ![ภาพ](images/big.png)") + 1
    photo = lines.index("  - {file: images/photo.png, caption: ภาพกิจกรรม}") + 1
    assert f"projects/mangrove.yaml:{image}:5: error: [file-too-large]" in done.stdout, done.stdout
    assert f"projects/mangrove.yaml:{photo}:" in done.stdout and done.stdout.count("[file-too-large]") == 2, done.stdout


def test_a_manifest_that_is_a_fifo_is_ignored(layout: tuple[Path, Path, str]) -> None:
    repo, _outside, _marker = layout
    (repo / "build").mkdir()
    os.mkfifo(repo / "build" / ".dossier-manifest.json")
    done = dossier(repo, "build", "-j1", "--no-book", timeout=120)  # today's code waits for a writer forever
    assert done.returncode == 0, done.stdout + done.stderr
    assert (repo / "build" / "mangrove.pdf").is_file() and (repo / "build" / ".dossier-manifest.json").is_file()


def test_fix_never_reads_or_rewrites_through_a_link_out(layout: tuple[Path, Path, str]) -> None:
    repo, outside, marker = layout
    typed = outside / "typed.yaml"  # a Thai typing error --fix would correct: ํ + า for ำ
    typed.write_text(VALID.replace("การส่งเสริม", "การส่งเสริม" + marker + "ทํา"), encoding="utf-8")
    (repo / "projects" / "typed.yaml").symlink_to(typed)
    before = snapshot(outside)
    done = dossier(repo, "validate", "--fix")
    assert done.returncode == 1 and "projects/typed.yaml: error: [path-outside]" in done.stdout
    assert (repo / "projects" / "typed.yaml").is_symlink() and snapshot(outside) == before
    assert marker.encode() not in everything(repo)
