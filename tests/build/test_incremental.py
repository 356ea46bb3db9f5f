"""The manifest and the lock: which change triggers which rebuild; one build at a time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from dossier.build.manifest import Entry, Manifest, document_key, environment_key
from dossier.files import BuildLock, LockedError


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    files = {name: tmp_path / name for name in ("template.j2", "font.ttf", "rules.yaml", "dossier.yaml", "p.yaml", "photo.jpg")}
    for name, path in files.items():
        path.write_text(name)
    return files


def keys(files: dict[str, Path], options: dict[str, object] | None = None) -> str:
    env = environment_key([files[n] for n in ("template.j2", "font.ttf", "rules.yaml", "dossier.yaml")], options or {})
    return document_key(env, [files["p.yaml"], files["photo.jpg"]])


@pytest.mark.parametrize("changed", ["template.j2", "font.ttf", "rules.yaml", "dossier.yaml", "p.yaml", "photo.jpg"])
def test_every_input_changes_the_key(inputs: dict[str, Path], changed: str) -> None:
    before = keys(inputs)
    inputs[changed].write_text("edited")
    assert keys(inputs) != before


def test_options_change_the_key_and_nothing_else_does(inputs: dict[str, Path]) -> None:
    assert keys(inputs) == keys(inputs)
    assert keys(inputs, {"draft": True}) != keys(inputs, {"draft": False})



def test_a_new_modification_time_alone_is_not_a_change(inputs: dict[str, Path]) -> None:
    before = keys(inputs)
    for path in inputs.values():  # every input touched a day later: same bytes, new times
        info = path.stat()
        os.utime(path, ns=(info.st_atime_ns + 86_400 * 10**9, info.st_mtime_ns + 86_400 * 10**9))
        assert path.stat().st_mtime_ns != info.st_mtime_ns
    assert keys(inputs) == before


def test_manifest_round_trip_and_freshness(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.7 a")
    manifest = Manifest.load(tmp_path)
    manifest.record("a", Entry("k1", "a.pdf", pages=3, size=10))
    again = Manifest.load(tmp_path)
    assert again.fresh("a", "k1") is not None and again.fresh("a", "k2") is None
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.7 damaged or replaced")
    assert Manifest.load(tmp_path).fresh("a", "k1") is None
    (tmp_path / "a.pdf").unlink()
    assert Manifest.load(tmp_path).fresh("a", "k1") is None


def test_a_damaged_manifest_means_rebuild_everything(tmp_path: Path) -> None:
    (tmp_path / ".dossier-manifest.json").write_text("{not json")
    assert Manifest.load(tmp_path).entries == {}


def test_a_second_build_is_refused_while_the_first_holds_the_lock(tmp_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from dossier.files import BuildLock\n"
        f"with BuildLock(Path({str(tmp_path)!r})):\n    print('locked', flush=True); time.sleep(30)")],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockedError) as info:
            with BuildLock(tmp_path):
                pass
        assert info.value.holder == str(holder.pid)
    finally:
        holder.kill()
        holder.wait()
    with BuildLock(tmp_path):  # the kernel released the lock of the killed process
        pass


def test_the_lock_clears_temporary_files_a_killed_build_left(tmp_path: Path) -> None:
    (tmp_path / ".a.pdf.x1y2.tmp").write_bytes(b"half a pdf")
    (tmp_path / "a.pdf").write_bytes(b"%PDF complete")
    with BuildLock(tmp_path):
        assert sorted(p.name for p in tmp_path.iterdir()) == [".dossier.lock", "a.pdf"]
