"""`dossier serve`'s watcher on real files: the kernel's events (inotify) for a save in place, a
save by rename (vim, VS Code), a new folder, a deletion; polling where inotify is not used."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from dossier.preview.watch import Fingerprint, Watcher, fingerprint

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "projects").mkdir()
    (tmp_path / "dossier.yaml").write_text("province: x\n", encoding="utf-8")
    (tmp_path / "projects" / "alpha.yaml").write_text("title: ก\n", encoding="utf-8")
    return tmp_path


def after_save(watcher: Watcher, save: Callable[[], None]) -> Fingerprint | None:
    """What the watcher answers to ``save``, made once it is waiting (60 s at most)."""
    stop = threading.Event()
    seen = fingerprint(watcher.root)
    answer: list[Fingerprint | None] = []
    waiting = threading.Thread(target=lambda: answer.append(watcher.next(seen, stop)))
    waiting.start()
    time.sleep(0.3)  # it is waiting: what follows is a change to it
    save()
    waiting.join(60)
    stop.set()
    waiting.join(10)
    return answer[0] if answer else None


@linux
def test_the_kernel_tells_of_a_save_in_place(repo: Path) -> None:
    watcher = Watcher.start(repo)
    try:
        assert watcher.kind == "inotify"
        alpha = repo / "projects" / "alpha.yaml"
        now = after_save(watcher, lambda: alpha.write_text("title: กข\n", encoding="utf-8"))
        assert now is not None and now[str(alpha)][1] == len("title: กข\n".encode())
    finally:
        watcher.close()


@linux
def test_a_save_by_rename_is_seen_once_complete(repo: Path) -> None:
    """VS Code: write a temporary file next to it, rename it over the file."""
    watcher = Watcher.start(repo)
    alpha = repo / "projects" / "alpha.yaml"
    text = "title: บันทึกโดยเปลี่ยนชื่อ\n"

    def save() -> None:
        temp = repo / "projects" / ".alpha.yaml.tmp"
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, alpha)

    try:
        now = after_save(watcher, save)
        assert now is not None and now[str(alpha)][1] == len(text.encode())
        assert str(repo / "projects" / ".alpha.yaml.tmp") not in now
    finally:
        watcher.close()


@linux
def test_a_vim_save_moves_the_file_away_then_writes_it_anew(repo: Path) -> None:
    """vim (backupcopy=no): rename the file to a backup, write a new one, delete the backup;
    the watcher answers with the new file there, not with the moment it was missing."""
    watcher = Watcher.start(repo)
    alpha = repo / "projects" / "alpha.yaml"
    text = "title: vim\n"

    def save() -> None:
        backup = repo / "projects" / "alpha.yaml~"
        os.rename(alpha, backup)
        time.sleep(0.1)  # longer than the debounce: a deletion waits for its new file
        alpha.write_text(text, encoding="utf-8")
        backup.unlink()

    try:
        now = after_save(watcher, save)
        assert now is not None and now.get(str(alpha), (0, 0))[1] == len(text.encode())
    finally:
        watcher.close()


@linux
def test_a_file_in_a_new_folder_and_a_deleted_project_are_changes(repo: Path) -> None:
    watcher = Watcher.start(repo)
    photo = repo / "assets" / "alpha" / "photo.jpg"

    def new_folder() -> None:
        photo.parent.mkdir(parents=True)
        time.sleep(0.2)  # the folder's watch is set, then the file comes
        photo.write_bytes(b"\xff\xd8\xff")

    try:
        now = after_save(watcher, new_folder)
        assert now is not None and str(photo) in now
        beta = repo / "assets" / "alpha" / "beta.jpg"
        now = after_save(watcher, lambda: beta.write_bytes(b"\xff\xd8"))  # inside the new folder, watched now
        assert now is not None and str(beta) in now
        alpha = repo / "projects" / "alpha.yaml"
        now = after_save(watcher, alpha.unlink)
        assert now is not None and str(alpha) not in now
    finally:
        watcher.close()


def test_polling_where_inotify_is_not_used(repo: Path) -> None:
    watcher = Watcher.start(repo, poll=True)
    assert watcher.kind == "poll"
    settings = repo / "dossier.yaml"
    now = after_save(watcher, lambda: settings.write_text("province: y\n", encoding="utf-8"))
    assert now is not None and now[str(settings)][1] == len("province: y\n")
    watcher.close()


@linux
def test_a_stopped_watcher_answers_none(repo: Path) -> None:
    watcher = Watcher.start(repo)
    stop = threading.Event()
    stop.set()
    assert watcher.next(fingerprint(repo), stop) is None
    watcher.close()


def test_a_linked_projects_folder_is_polled(repo: Path, tmp_path: Path) -> None:
    """The kernel would report the link's own events, not its folder's: such a repository is polled."""
    real = repo / "real-projects"
    (repo / "projects").rename(real)
    (repo / "projects").symlink_to(real.name)
    watcher = Watcher.start(repo)
    assert watcher.kind == "poll"
    alpha = repo / "projects" / "alpha.yaml"
    now = after_save(watcher, lambda: alpha.write_text("title: ลิงก์\n", encoding="utf-8"))
    assert now is not None and now[str(alpha)][1] == len("title: ลิงก์\n".encode())
    watcher.close()
