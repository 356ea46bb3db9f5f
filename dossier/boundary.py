"""The repository is the boundary of every path the tool reads or writes.

A path is followed through every symlink (``os.path.realpath``) and must land inside the
repository (the folder holding ``dossier.yaml``, itself resolved), or inside the tool's own
package for its built-in templates, rules and fonts. Only regular files are opened: a FIFO, a
device (``/dev/zero``) or a folder is refused from ``stat`` before ``open``, and the file is
opened non-blocking and checked again on the descriptor, so nothing can make a read wait or
run forever. A size cap is checked before the first byte is read.

Refusals are :class:`Refused` values carrying a catalogue code (``path-outside``,
``not-regular-file``, ``file-too-large``); their callers turn them into located diagnostics.
The target of a symlink is never part of a message: only the name inside the repository.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from dossier.errors import NOWHERE, Diagnostic, Pos, Severity


class Refused(Exception):
    """Why a path was not read: a catalogue code (path-outside, not-regular-file, file-too-large,
    file-not-found, file-unreadable) and the values its message needs."""

    def __init__(self, code: str, details: dict[str, Any] | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.details = details or {}

    def diagnostic(self, file: str, pos: Pos | None = None, name: str | None = None) -> Diagnostic:
        return Diagnostic(file, pos or NOWHERE, self.code, Severity.ERROR, {"path": name or file, **self.details})


def real(path: Path) -> Path:
    """``path`` with every symlink followed (no error if it does not exist)."""
    return Path(os.path.realpath(path))


def is_inside(path: Path, root: Path) -> bool:
    """Whether ``path``, symlinks followed, is ``root`` or inside it (``root`` resolved too)."""
    return real(path).is_relative_to(real(root))


def typed_inside(path: Path, root: Path) -> bool:
    """Whether ``path`` as the user typed it (relative to the real current folder, no symlink
    followed) lies in ``root``. A file named outside the repository on purpose is the user's to
    read; one named inside it that leads out (a committed symlink) is refused."""
    here = Path(os.path.realpath(os.getcwd()))
    lexical = Path(os.path.normpath(path if path.is_absolute() else here / path))
    return lexical.is_relative_to(real(root))


def check_inside(path: Path, root: Path) -> Path:
    """The real path of ``path``; :class:`Refused` when it lands outside ``root``."""
    target = real(path)
    if not target.is_relative_to(real(root)):
        raise Refused("path-outside")
    return target


def check_regular(path: Path, cap: int) -> os.stat_result:
    """``stat`` of a regular file of at most ``cap`` bytes (symlinks followed), else :class:`Refused`."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise Refused("file-not-found") from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise Refused("file-unreadable", {"reason": getattr(exc, "strerror", None) or str(exc)}) from None
    if not stat.S_ISREG(info.st_mode):
        raise Refused("not-regular-file")
    if info.st_size > cap:
        raise Refused("file-too-large", {"size": info.st_size, "limit": cap})
    return info


def read_regular(path: Path, cap: int) -> bytes:
    """The bytes of a regular file of at most ``cap`` bytes; never opens anything else for long:
    ``stat`` first, then a non-blocking open checked again on the descriptor."""
    check_regular(path, cap)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise Refused("file-not-found") from None
    except OSError as exc:
        raise Refused("file-unreadable", {"reason": exc.strerror or str(exc)}) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):  # replaced between stat and open
            raise Refused("not-regular-file")
        if info.st_size > cap:
            raise Refused("file-too-large", {"size": info.st_size, "limit": cap})
        os.set_blocking(fd, True)
        chunks, left = [], cap + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
    except OSError as exc:
        raise Refused("file-unreadable", {"reason": exc.strerror or str(exc)}) from None
    finally:
        os.close(fd)
    if len(data) > cap:  # grew since fstat
        raise Refused("file-too-large", {"size": len(data), "limit": cap})
    return data


def read_inside(path: Path, root: Path, cap: int) -> bytes:
    """The bytes of ``path`` when it lands inside ``root`` and is a regular file within ``cap``."""
    return read_regular(check_inside(path, root), cap)


def usable(path: Path, root: Path, cap: int) -> bool:
    """Whether :func:`read_inside` would read ``path`` (checked without opening it)."""
    try:
        check_regular(check_inside(path, root), cap)
    except Refused:
        return False
    return True


def escapes(folder: Path, root: Path) -> list[Path]:
    """Entries of ``folder`` (the folder itself included) that lead outside ``root``: a symlinked
    folder or file whose target is outside. Symlinked folders are not walked into."""
    if not os.path.lexists(folder):
        return []
    if not is_inside(folder, root):
        return [folder]
    found = []
    for here, dirs, files in os.walk(folder):  # followlinks=False: a symlinked folder is an entry
        for name in sorted(dirs + files):
            entry = Path(here) / name
            if entry.is_symlink() and not is_inside(entry, root):
                found.append(entry)
    return found
