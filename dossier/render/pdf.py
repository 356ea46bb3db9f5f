"""Stage 4, write: HTML → PDF with WeasyPrint, sandboxed, and replaced atomically.

This is the only module that imports WeasyPrint, and only when a PDF is actually made.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from dossier.errors import Diagnostic, DossierError, Pos, Severity


@dataclass
class Rendered:
    path: Path
    pages: int
    seconds: float
    diagnostics: list[Diagnostic] = field(default_factory=list)


class _Collect(logging.Handler):
    """Collects WeasyPrint's warnings (``.notdef`` glyphs, refused resources) during one render."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename: the
    path holds either its old complete content or the new one, never a partial file."""
    path.parent.mkdir(parents=True, exist_ok=True)
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


def render_pdf(html: str, out: Path, base_dir: Path, allowed: list[Path], source_file: str) -> Rendered:
    """Lay out ``html`` and write it to ``out``. Problems are located at ``source_file``."""
    started = time.perf_counter()
    import weasyprint

    from dossier.render import textlayer
    from dossier.render.fetcher import SandboxedFetcher

    textlayer.install()
    fetcher = SandboxedFetcher([base_dir, *allowed])
    collector = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collector)
    try:
        document = weasyprint.HTML(string=html, base_url=str(base_dir) + os.sep, url_fetcher=fetcher).render()
        data = document.write_pdf()
    except DossierError:
        raise
    except Exception as exc:  # a render failure is a problem of this project, not of the build
        raise DossierError([Diagnostic(source_file, Pos(), "render-failed", args={"reason": repr(exc)})]) from None
    finally:
        logger.removeHandler(collector)
    diagnostics = [Diagnostic(source_file, Pos(), "glyph-missing", Severity.ERROR, {"chars": m.split(":", 1)[-1].strip()})
                   for m in collector.messages if ".notdef" in m]
    if diagnostics:
        raise DossierError(diagnostics)
    try:
        atomic_write(out, data)
    except OSError as exc:
        raise DossierError([Diagnostic(source_file, Pos(), "write-failed",
                                       args={"path": str(out), "reason": exc.strerror or str(exc)})]) from None
    return Rendered(out, len(document.pages), time.perf_counter() - started)
