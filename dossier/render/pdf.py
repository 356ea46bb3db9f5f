"""Stage 4, write: HTML → laid-out pages → PDF with WeasyPrint, sandboxed, replaced atomically.

This is the only module that imports WeasyPrint (and it does so lazily, in :class:`Engine`),
together with the modules it imports lazily: ``fetcher``, ``textlayer``, ``leaders``, ``compose`` and
``overflow``.

A build opens one :class:`Engine`: one font configuration for every document (fonts are read
and embedded once), one URL sandbox, WeasyPrint's warnings turned into diagnostics. Documents
are laid out once (:meth:`Engine.layout`); their pages are then composed with page chrome and
written (:meth:`Engine.compose`, :meth:`Engine.write`) as a stand-alone dossier and again,
unchanged, inside the province's book.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
import os
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier.errors import NOWHERE, Diagnostic, DossierError, RenderTimeout, Severity
from dossier.files import atomic_write

#: PDF variants offered by ``dossier build --pdf-variant`` (``none``: plain tagged PDF 1.7).
VARIANTS = ("pdf/a-3b", "pdf/a-3u", "pdf/a-3a", "none")
DEFAULT_VARIANT = "pdf/a-3b"


@dataclass
class Rendered:
    path: Path
    pages: int
    seconds: float
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fonts: frozenset[str] = frozenset()  # families embedded (font fallback shows here)


@dataclass
class Timings:
    """Seconds spent per step, summed over a build (for progress lines and the benchmark)."""

    layout: float = 0.0
    chrome: float = 0.0
    write: float = 0.0

    @property
    def total(self) -> float:
        return self.layout + self.chrome + self.write


@dataclass
class Laid:
    """A laid-out document: its pages and, per page, the ids found on it."""

    document: Any  # weasyprint.document.Document
    source_file: str
    anchors: list[frozenset[str]]
    seconds: float

    @property
    def pages(self) -> int:
        return len(self.anchors)


@dataclass
class Composed:
    document: Any  # weasyprint.document.Document, pages with their chrome
    source_file: str

    @property
    def pages(self) -> int:
        return len(self.document.pages)


@dataclass(frozen=True)
class Attachment:
    """A file embedded in the PDF (PDF/A-3 associated file, relationship Source). ``when`` dates
    it (the build's reproducible date; WeasyPrint would write the current time)."""

    name: str
    data: bytes
    description: str = ""
    when: dt.datetime | None = None


_FAILED_IMAGE = re.compile(r"Failed to load image at '([^']*)'")  # WeasyPrint 70's words (logged as an error)


class _Collect(logging.Handler):
    """Collects WeasyPrint's warnings (``.notdef`` glyphs, refused resources) during one step."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _finish(document: Any, pdf: Any) -> None:
    """Last touches on the PDF before it is written: WeasyPrint 70's PDF/A-3 code lists each
    attachment twice in the catalogue's /AF (from the name tree and from the file specs)."""
    associated = pdf.catalog.get("AF")
    if associated:
        unique = list(dict.fromkeys(associated))
        associated.clear()
        associated.extend(unique)


class Engine:
    """One build's WeasyPrint session (see the module docstring)."""

    def __init__(self, roots: Sequence[Path]) -> None:
        from weasyprint.text.fonts import FontConfiguration

        from dossier.render import leaders, textlayer
        from dossier.render.fetcher import SandboxedFetcher

        textlayer.install()
        leaders.install()
        self.font_config = FontConfiguration()
        self.fetcher = SandboxedFetcher(list(roots))
        self.timings = Timings()

    @contextlib.contextmanager
    def _step(self, source_file: str) -> Iterator[_Collect]:
        """Run a WeasyPrint step: failures and ``.notdef`` glyphs become located errors; the
        engine's other warnings are handed to the caller."""
        collector = _Collect()
        logger = logging.getLogger("weasyprint")
        logger.addHandler(collector)
        try:
            yield collector
        except (DossierError, RenderTimeout, MemoryError):
            raise  # the build names the project and the limit
        except OSError as exc:  # WeasyPrint writes fonts to temporary files: a full disk shows here
            import tempfile

            raise DossierError([Diagnostic(source_file, NOWHERE, "write-failed", args={
                "path": tempfile.gettempdir(), "reason": exc.strerror or str(exc)})]) from None
        except Exception as exc:  # noqa: BLE001 - a render failure is a problem of this project, not of the build
            raise DossierError([Diagnostic(source_file, NOWHERE, "render-failed", args={"reason": repr(exc)})]) from None
        finally:
            logger.removeHandler(collector)
        missing = [Diagnostic(source_file, NOWHERE, "glyph-missing", Severity.ERROR,
                              {"chars": m.split(":", 1)[-1].strip()}) for m in collector.messages if ".notdef" in m]
        if missing:
            raise DossierError(missing)

    def layout(self, html: str, base_dir: Path, source_file: str) -> tuple[Laid, list[Diagnostic]]:
        """Lay out ``html``; returns the pages and warnings for resources the sandbox refused."""
        import weasyprint

        from dossier.render.overflow import overflows

        started = time.perf_counter()
        refused_before = len(self.fetcher.refused)
        from dossier.render import thaiwrap

        with self._step(source_file) as log:
            document = weasyprint.HTML(string=thaiwrap.wrap_html(html), base_url=str(base_dir) + os.sep,
                                       url_fetcher=self.fetcher).render(font_config=self.font_config)
        for page in document.pages:  # the word marks of thaiwrap are no part of a bookmark's label
            page.bookmarks = [(level, label.replace(thaiwrap.ZWSP, ""), *rest)
                              for level, label, *rest in page.bookmarks]
        seconds = time.perf_counter() - started
        self.timings.layout += seconds
        refused = {url: why for url, why in self.fetcher.refused[refused_before:] if not url.startswith("data:")}
        warnings = [Diagnostic(source_file, NOWHERE, "resource-refused",  # an image left out is an error
                               Severity.ERROR if url in self.fetcher.images_refused else Severity.WARNING,
                               {"url": url, "reason": why}) for url, why in refused.items()]
        failed = dict.fromkeys(m[1] for message in log.messages if (m := _FAILED_IMAGE.match(message)))
        warnings += [Diagnostic(source_file, NOWHERE, "image-not-loaded", Severity.ERROR, {"url": url})
                     for url in failed if url not in refused and not url.startswith("data:")]
        warnings += [Diagnostic(source_file, NOWHERE, "text-overflow", Severity.ERROR,
                                {"text": cut.text[:40], "page": cut.page + 1}) for cut in overflows(document.pages)]
        return Laid(document, source_file, [frozenset(p.anchors) for p in document.pages], seconds), warnings

    def compose(self, parts: Sequence[tuple[Laid, Sequence[int]]], chrome_html: str,
                outline: dict[int, tuple[int, str]] | None = None, metadata_from: Laid | None = None) -> Composed:
        """The chosen pages of ``parts``, in order, each given the footer of the matching page of
        ``chrome_html``; ``outline`` adds bookmarks ``{page index: (level, label)}``."""
        import weasyprint

        from dossier.render import compose

        source_file = (metadata_from or parts[0][0]).source_file
        started = time.perf_counter()
        with self._step(source_file):
            chrome = weasyprint.HTML(string=chrome_html, url_fetcher=self.fetcher).render(font_config=self.font_config)
            pages = [laid.document.pages[i] for laid, indices in parts for i in indices]
            document = compose.with_chrome((metadata_from or parts[0][0]).document, pages, chrome, outline or {})
        self.timings.chrome += time.perf_counter() - started
        return Composed(document, source_file)

    def pdf_bytes(self, composed: Composed, attachments: Sequence[Attachment] = (),
                  variant: str = DEFAULT_VARIANT) -> tuple[bytes, float]:
        """The PDF (tagged, ``variant``, with exactly ``attachments``) and the seconds it took."""
        import weasyprint

        started = time.perf_counter()
        files = [weasyprint.Attachment(file_obj=io.BytesIO(a.data), name=a.name, description=a.description,
                                       relationship="Source", created=a.when, modified=a.when)
                 for a in attachments]
        with self._step(composed.source_file):
            data = composed.document.write_pdf(
                None, pdf_variant=None if variant == "none" else variant, pdf_tags=True, attachments=files,
                finisher=_finish)
        seconds = time.perf_counter() - started
        self.timings.write += seconds
        return data, seconds

    def write(self, composed: Composed, out: Path, attachments: Sequence[Attachment] = (),
              variant: str = DEFAULT_VARIANT) -> Rendered:
        """Write the PDF (tagged, ``variant``, with exactly ``attachments``) to ``out`` atomically."""
        data, seconds = self.pdf_bytes(composed, attachments, variant)
        save(out, data, composed.source_file)
        families = frozenset(font.family for font in composed.document.fonts.values())
        return Rendered(out, composed.pages, seconds, fonts=families)


def save(out: Path, data: bytes, source_file: str) -> None:
    """Replace ``out`` atomically; a failure is a located problem naming the output."""
    try:
        atomic_write(out, data)
    except OSError as exc:
        raise DossierError([Diagnostic(source_file, NOWHERE, "write-failed",
                                       args={"path": str(out), "reason": exc.strerror or str(exc)})]) from None
