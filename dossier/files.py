"""Writing files safely: a file is replaced atomically or not at all."""

from __future__ import annotations

import os
import re
from pathlib import Path


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, fsync and rename:
    ``path`` holds its old complete content or the new one, never a partial file. The mode of an
    existing file is kept (new files get 0644)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    import tempfile  # not at import: a build with nothing to do writes nothing

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


class BuildLock:
    """An exclusive lock on an output folder, so two builds never write it at once.

    ``flock`` is released by the kernel when the process ends, even by ``kill -9``: a stale lock
    file never blocks the next build. Entering it also removes temporary files that a killed
    build left behind (safe: no other build can be writing while we hold the lock).
    """

    NAME = ".dossier.lock"

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.fd: int | None = None

    def __enter__(self) -> "BuildLock":
        import fcntl

        self.folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.folder / self.NAME, os.O_CREAT | os.O_RDWR, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 64).decode(errors="replace").strip()
            os.close(fd)
            raise LockedError(self.folder, holder) from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self.fd = fd
        remove_stale_temps(self.folder)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


#: The temporary files :func:`atomic_write` makes of a build's outputs (PDFs, the manifest,
#: ``status.html``): ``.<name>.<random>.tmp``.
TEMP_NAME = re.compile(r"\A\.(?:[^/]+\.pdf|\.dossier-manifest\.json|status\.html)\.[a-z0-9_]+\.tmp\Z")


def remove_stale_temps(folder: Path) -> None:
    """Delete what a killed build left: only files named as :func:`atomic_write` names its
    temporary files, only regular files (never through a symlink), and only in a real folder
    (the output folder and its ``.dossier-cache/``, neither a symlink)."""
    for where in (folder, folder / ".dossier-cache"):
        if where.is_symlink() or not where.is_dir():
            continue
        for entry in os.scandir(where):
            if TEMP_NAME.match(entry.name) and entry.is_file(follow_symlinks=False):
                try:
                    os.unlink(entry.path)
                except FileNotFoundError:
                    pass


class LockedError(Exception):
    def __init__(self, folder: Path, holder: str) -> None:
        super().__init__(f"{folder} is being built by process {holder or '?'}")
        self.folder = folder
        self.holder = holder
