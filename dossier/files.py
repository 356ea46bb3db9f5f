"""Writing files safely: a file is replaced atomically or not at all."""

from __future__ import annotations

import errno
import os
import re
import struct
import sys
import threading
from pathlib import Path

TEMP_FOLDER = ".dossier-tmp"  # in an output folder: a build's workers' temporary files


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

    A POSIX record lock (``fcntl``): the kernel releases it when the process that took it ends,
    even by ``kill -9``, and it is *not* inherited by forked processes, so a worker that outlives
    the build never keeps it. Asking the kernel who holds it (``F_GETLK``) names that process
    itself, never a dead one. (One rule comes with it: closing *any* descriptor of the lock file
    in this process releases the lock, so nothing else here opens it.) The file holds the
    holder's process id while it builds and is emptied on release: a number found in it by the
    next build is a build that ended without releasing it (killed); its lock is taken over and
    :attr:`taken_over` names it. Entering it also removes temporary files that a killed build
    left behind (safe: no other build can be writing while we hold the lock).
    """

    NAME = ".dossier.lock"

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.fd: int | None = None
        self.taken_over = ""  # the process id a killed build left in the lock file
        self._key = (0, 0)

    def __enter__(self) -> BuildLock:
        import fcntl

        self.folder.mkdir(parents=True, exist_ok=True)
        key = _held_key(self.folder)
        with _HELD_GUARD:
            if key in _HELD:  # this process builds there already (a record lock would not tell)
                raise LockedError(self.folder, str(os.getpid()))
            fd = os.open(self.folder / self.NAME, os.O_CREAT | os.O_RDWR | os.O_CLOEXEC, 0o644)
            try:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno not in (errno.EACCES, errno.EAGAIN):
                    os.close(fd)
                    raise
                holder = _lock_holder(fd)
                os.close(fd)
                raise LockedError(self.folder, holder) from None
            _HELD.add(key)
        self.fd, self._key = fd, key
        try:
            self.taken_over = os.read(fd, 64).decode(errors="replace").strip()
            os.ftruncate(fd, 0)
            os.pwrite(fd, str(os.getpid()).encode(), 0)
            remove_stale_temps(self.folder)
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            try:
                os.ftruncate(self.fd, 0)  # released, not abandoned: the next build takes nothing over
            except OSError:
                pass
            os.close(self.fd)  # releases the record lock
            self.fd = None
            with _HELD_GUARD:
                _HELD.discard(self._key)


_HELD: set[tuple[int, int]] = set()  # (device, inode) of the output folders this process has locked
_HELD_GUARD = threading.Lock()


def _held_key(folder: Path) -> tuple[int, int]:
    stat = folder.stat()
    return stat.st_dev, stat.st_ino


def _lock_holder(fd: int) -> str:
    """The process id holding the lock on ``fd``, as the kernel says (Linux, 64-bit), else as
    the lock file says."""
    import fcntl

    if sys.platform.startswith("linux") and struct.calcsize("P") == 8:
        query = struct.pack("hhqqi4x", fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)  # struct flock
        try:
            kind, _whence, _start, _length, pid = struct.unpack("hhqqi4x", fcntl.fcntl(fd, fcntl.F_GETLK, query))
        except OSError:
            pid, kind = 0, fcntl.F_UNLCK
        if kind != fcntl.F_UNLCK and pid > 0:
            return str(pid)
    return os.pread(fd, 64, 0).decode(errors="replace").strip()


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
