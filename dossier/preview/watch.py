"""Waiting for a save: ``dossier serve``'s watcher of the files a build depends on (dossier.yaml,
projects/, templates/, assets/, rules/).

On Linux the kernel says when a file was saved (inotify, through ``ctypes``: no dependency): a
file closed after writing (``IN_CLOSE_WRITE``), one renamed into place (``IN_MOVED_TO``, how VS
Code saves), one deleted or moved away. A save is acted on once no such event has come for
``DEBOUNCE`` seconds (editors save in several steps); while a file that was there is missing
(vim moves it to a backup, then writes it anew) or a write is not closed yet, it waits up to
``RENAME_GRACE`` (1 s) for the rest. Where inotify is missing
(another system, a container without it, a network drive it does not see, the kernel's watch
limit reached), the files' sizes and modification times are polled instead (``next_change``).
Either way the answer is the files' new :data:`Fingerprint`, and a change that leaves it as it
was is not one.
"""

from __future__ import annotations

import ctypes
import errno
import os
import select
import struct
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from dossier.paths import PROVINCE_FILE

WATCHED = ("projects", "templates", "assets", "rules")  # with dossier.yaml
Fingerprint = dict[str, tuple[int, int]]

DEBOUNCE = 0.05  # seconds without a new event before a save is acted on
RENAME_GRACE = 1.0  # while a file that was there is missing or a write is open: the rest of the save comes in this time
WAKE = 0.2  # how often a waiting watcher looks at its stop event

# <sys/inotify.h>
IN_MODIFY, IN_ATTRIB, IN_CLOSE_WRITE = 0x2, 0x4, 0x8
IN_MOVED_FROM, IN_MOVED_TO, IN_CREATE, IN_DELETE = 0x40, 0x80, 0x100, 0x200
IN_DELETE_SELF, IN_MOVE_SELF, IN_Q_OVERFLOW, IN_IGNORED = 0x400, 0x800, 0x4000, 0x8000
IN_DONT_FOLLOW, IN_ISDIR = 0x02000000, 0x40000000
IN_NONBLOCK, IN_CLOEXEC = os.O_NONBLOCK, os.O_CLOEXEC
MASK = (IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_DELETE_SELF
        | IN_MOVE_SELF | IN_DONT_FOLLOW)
SAVED = IN_CLOSE_WRITE | IN_MOVED_TO  # a file is complete
GONE = IN_DELETE | IN_MOVED_FROM | IN_DELETE_SELF | IN_MOVE_SELF  # a file or folder went (maybe for a moment)
EVENT = struct.Struct("iIII")  # wd, mask, cookie, len; then the name, NUL-padded to len


def fingerprint(root: Path) -> Fingerprint:
    """Size and modification time of every file a build depends on."""
    found: Fingerprint = {}
    files = [root / PROVINCE_FILE, *(p for folder in WATCHED if (root / folder).is_dir()
                                     for p in (root / folder).rglob("*"))]
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            continue
        if path.is_file():
            found[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return found


def next_change(root: Path, seen: Fingerprint, stop: threading.Event, interval: float = 0.25,
                settle: float = 0.3) -> Fingerprint | None:
    """Polling, where inotify is missing: wait for the files to differ from ``seen``, then to
    stay unchanged for ``settle`` seconds; their new fingerprint, or None once ``stop`` is set."""
    while not stop.wait(interval):
        now = fingerprint(root)
        if now == seen:
            continue
        while not stop.wait(settle):
            later = fingerprint(root)
            if later == now:
                return now
            now = later
    return None


class Inotify:
    """The kernel's file events for a set of folders (Linux): a thin ``ctypes`` wrapper."""

    def __init__(self) -> None:
        self._libc = ctypes.CDLL(None, use_errno=True)
        self.fd = self._libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
        if self.fd < 0:
            error = ctypes.get_errno()
            raise OSError(error, os.strerror(error))

    def add(self, folder: Path) -> int:
        wd = self._libc.inotify_add_watch(self.fd, os.fsencode(folder), MASK)
        if wd < 0:
            error = ctypes.get_errno()
            raise OSError(error, os.strerror(error), str(folder))
        return int(wd)

    def read(self, timeout: float) -> list[tuple[int, int, str]]:
        """The events that came within ``timeout`` seconds (wd, mask, name), possibly none."""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return []
        try:
            data = os.read(self.fd, 64 * 1024)
        except BlockingIOError:
            return []
        events, offset = [], 0
        while offset + EVENT.size <= len(data):
            wd, mask, _cookie, length = EVENT.unpack_from(data, offset)
            raw = data[offset + EVENT.size:offset + EVENT.size + length]
            events.append((wd, mask, os.fsdecode(raw.rstrip(b"\0"))))
            offset += EVENT.size + length
        return events

    def close(self) -> None:
        os.close(self.fd)


@dataclass
class Watcher:
    """Waits for the next save under ``root``: by inotify when the kernel offers it, else by
    polling. Close it when done (its file descriptor)."""

    root: Path
    kind: str = "poll"  # "inotify" or "poll"
    _inotify: Inotify | None = None
    _folders: dict[int, Path] = field(default_factory=dict)  # watch descriptor -> folder

    @classmethod
    def start(cls, root: Path, poll: bool = False) -> Watcher:
        watcher = cls(root)
        if poll or not sys.platform.startswith("linux") or any((root / name).is_symlink() for name in WATCHED):
            return watcher  # a watched folder that is a link: its events would be the link's own
        try:
            watcher._inotify = Inotify()
            watcher._folders[watcher._inotify.add(root)] = root  # dossier.yaml, and watched folders made later
            for name in WATCHED:
                watcher._add_tree(root / name)
        except (OSError, AttributeError):  # no inotify here, or the watch limit: polling still works
            watcher.close()
            return cls(root)
        watcher.kind = "inotify"
        return watcher

    def _add_tree(self, top: Path) -> None:
        assert self._inotify is not None
        if not top.is_dir() or top.is_symlink():
            return
        for folder, dirs, _files in os.walk(top, followlinks=False):
            try:
                self._folders[self._inotify.add(Path(folder))] = Path(folder)
            except OSError as exc:
                if exc.errno in (errno.ENOENT, errno.ENOTDIR):  # gone meanwhile
                    dirs[:] = []
                    continue
                raise

    def _relevant(self, wd: int, mask: int, name: str) -> bool:
        """Whether an event is about a file a build reads; new folders are watched as they come."""
        folder = self._folders.get(wd)
        if mask & IN_Q_OVERFLOW:
            return True  # events were lost: look at the files
        if folder is None or mask & IN_IGNORED:
            if mask & IN_IGNORED:
                self._folders.pop(wd, None)
            return False
        new_folder = bool(mask & IN_ISDIR and mask & (IN_CREATE | IN_MOVED_TO))
        if folder == self.root and not (name in WATCHED and new_folder):
            return name == PROVINCE_FILE or (name in WATCHED and bool(mask & GONE))
        if new_folder and self._inotify is not None:
            try:
                self._add_tree(folder / name)
            except OSError:  # the kernel's watch limit: poll from now on
                self.close()
        if new_folder:
            return True
        return bool(mask & (SAVED | GONE | IN_MODIFY))

    def next(self, seen: Fingerprint, stop: threading.Event) -> Fingerprint | None:
        """The files' fingerprint once a save has changed it from ``seen``; None once ``stop`` is set."""
        if self._inotify is None:
            return next_change(self.root, seen, stop)
        while not stop.is_set():
            if self._inotify is None:  # given up on inotify meanwhile (the watch limit)
                return next_change(self.root, seen, stop)
            events = [e for e in self._inotify.read(WAKE) if self._relevant(*e)]
            missing: set[str] = set()  # files of ``seen`` gone in this save and not back yet
            while events:  # until the save is over: no event for DEBOUNCE, RENAME_GRACE while a
                for wd, mask, name in events:  # file is missing or a write is not closed
                    path = str(self._folders.get(wd, self.root) / name)
                    if mask & GONE and path in seen:
                        missing.add(path)
                    elif mask & (SAVED | IN_CREATE):
                        missing.discard(path)
                last = events[-1][1]
                unclosed = bool(last & IN_MODIFY and not last & SAVED)
                quiet = RENAME_GRACE if missing or unclosed else DEBOUNCE
                if self._inotify is None:
                    break
                events = [e for e in self._inotify.read(quiet) if self._relevant(*e)]
            now = fingerprint(self.root)
            if now != seen:
                return now
        return None

    def close(self) -> None:
        if self._inotify is not None:
            self._inotify.close()
            self._inotify = None
            self.kind = "poll"
