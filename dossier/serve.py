"""``dossier serve`` as a library: a local preview that rebuilds on save and reloads the page.

The repository's files are watched by the kernel's file events where there are (inotify, on
Linux), else by polling their sizes and modification times (``dossier.preview.watch``). The
first build uses every CPU; each rebuild is an ordinary incremental ``dossier build`` with
drafts, rendered in one worker process kept warm between saves (forked from this one, which
imported WeasyPrint once; the memory cap and time limit hold: ``warm_worker``), so saving one
project re-renders that project and, after its pages were pushed, the book. A small HTTP
server, on its own thread, shows the problems and the PDFs of the last build, and a page per
project with its pages as images (``dossier.preview``); each new build is pushed to the open
pages by server-sent events (``/__events``), which then swap in what changed. It serves the
output folder's PDFs of that build, the page images it drew from them, and nothing else.

It answers only requests addressed to itself: a ``Host:`` header other than 127.0.0.1, localhost,
[::1] or the address it listens on (with or without its port) is refused with 421, so a web page
on another site cannot reach it through a DNS name that points to this computer (DNS
rebinding). A browser that closes a connection early (a PDF viewer that stops reading, a page
reloaded mid-download) is not a problem and prints nothing.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from dossier import catalogue
from dossier.errors import Diagnostic, DossierError
from dossier.outputs import is_draft
from dossier.preview.gallery import Gallery, encode
from dossier.preview.watch import WATCHED, Fingerprint, Watcher, fingerprint, next_change
from dossier.preview.worker import warm_worker

if TYPE_CHECKING:
    from dossier.build.outcome import Outcome
    from dossier.build.workers import Runner
    from dossier.validate import Checked

FONTS = {"regular": "Sarabun-Regular.ttf", "bold": "Sarabun-Bold.ttf"}  # served to the page: Thai needs them
__all__ = ["WATCHED", "Fingerprint", "fingerprint", "next_change"]  # the watcher's, for callers of this module


@dataclass(frozen=True)
class Document:
    name: str  # in the output folder
    source: str  # the project file, or "" for the book
    pages: int
    draft: bool


@dataclass(frozen=True)
class Preview:
    """What one build left to show; replaced whole by the next (the server only reads it)."""

    version: int
    finished: dt.datetime
    seconds: float
    documents: tuple[Document, ...] = ()
    problems: tuple[Diagnostic, ...] = ()
    stamp: int = 0  # the how-many-th thing shown (Site.show): a save shows its projects, then the book


def rebuild(root: Path, out: Path, version: int, paths: list[Path] | None = None, book: bool = True,
            draft: bool = True, jobs: int = 1, runner: Runner | None = None,
            early: Callable[[Preview], None] | None = None) -> Preview:
    """Validate and build (incrementally, rendering in a worker); every problem ends up in the
    preview, none escapes as an exception. Every project's problems are shown, warnings
    included, also of a project whose dossier was up to date (the build did not validate it:
    it is validated here, a few milliseconds); the documents are exactly those the build says
    are current, never guessed from the output folder. ``runner``: the warm worker to render
    in (else the build forks its own). ``early`` is given the preview of the projects once
    they are done, before the book is made."""
    from dossier.build.pipeline import BuildObserver, Options, build
    from dossier.workspace import open_workspace

    started = time.perf_counter()
    problems: list[Diagnostic] = []
    checked: set[str] = set()
    files: list[tuple[Path, str]] = []

    def validate_fresh() -> None:
        """The projects up to date, so not validated by the build: their warnings still count."""
        unchecked = [(path, name) for path, name in files if name not in checked]
        if unchecked:
            from dossier.validate import check_file

            problems.extend(d for path, name in unchecked for d in check_file(path, ws, name).diagnostics)
            checked.update(name for _path, name in unchecked)

    class Collect(BuildObserver):
        def checked(self, item: Checked) -> None:
            checked.add(item.file)
            problems.extend(item.diagnostics)

        def dossiers_done(self, outcome: Outcome) -> None:
            if early is not None:
                validate_fresh()
                early(_preview(version, started, files, problems, outcome, None))

    try:
        ws = open_workspace(root)
        problems.extend(ws.diagnostics)
        files = ws.project_files(paths)
        outcome = build(ws, files, Options(out, draft=draft, book=book, jobs=jobs), Collect(), runner)
        validate_fresh()
        return _preview(version, started, files, problems, outcome, out)
    except DossierError as exc:
        problems.extend(exc.diagnostics)
    return Preview(version, dt.datetime.now(), time.perf_counter() - started, (), tuple(dict.fromkeys(problems)))


def _preview(version: int, started: float, files: list[tuple[Path, str]], problems: list[Diagnostic],
             outcome: Outcome, out: Path | None) -> Preview:
    """What ``outcome`` leaves to show; with its book when ``out`` is given."""
    order = {name: index for index, (_path, name) in enumerate(files)}
    found = sorted([*problems, *outcome.diagnostics], key=lambda d: order.get(d.file, -1))  # dossier.yaml's first
    documents = [Document(b.rendered.path.name, b.checked.file, b.rendered.pages, b.draft) for b in outcome.built]
    documents += [Document(f.path.name, f.file, f.pages, is_draft(f.path)) for f in outcome.fresh]
    documents.sort(key=lambda d: d.source)
    if out is not None and outcome.book_path is not None:
        from dossier.build.manifest import Manifest

        entry = Manifest.load(out).entries.get(outcome.book_path.name)  # its pages, as the build recorded
        documents.append(Document(outcome.book_path.name, "", entry.pages if entry else 0,
                                  is_draft(outcome.book_path)))
    return Preview(version, dt.datetime.now(), time.perf_counter() - started, tuple(documents),
                   tuple(dict.fromkeys(found)))


@dataclass
class Site:
    """The preview server's state: the last build's preview and each project's page images,
    read by the request threads; a new build wakes the event streams (``changed``)."""

    out: Path
    lang: str
    preview: Preview | None = None
    galleries: dict[str, Gallery] = field(default_factory=dict)
    changed: threading.Condition = field(default_factory=threading.Condition)
    closing: bool = False
    drawing: threading.Lock = field(default_factory=threading.Lock)  # pdfium: one thread at a time

    def current(self) -> Preview | None:
        with self.changed:
            return self.preview

    def pages(self) -> dict[str, Gallery]:
        with self.changed:
            return self.galleries

    def show(self, preview: Preview, galleries: dict[str, Gallery] | None = None) -> None:
        with self.changed:
            self.preview = replace(preview, stamp=(self.preview.stamp if self.preview else 0) + 1)
            if galleries is not None:
                self.galleries = galleries
            self.changed.notify_all()

    def close(self) -> None:
        with self.changed:
            self.closing = True
            self.changed.notify_all()

    def wait_newer(self, stamp: int, seconds: float) -> Preview | None:
        """What is shown once it is past ``stamp`` (or after ``seconds``, maybe the same); None
        when closing."""
        with self.changed:
            self.changed.wait_for(lambda: self.closing or (self.preview is not None and self.preview.stamp > stamp),
                                  seconds)
            if self.closing:
                return None
            return self.preview or Preview(0, dt.datetime.now(), 0.0)


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
DISCONNECTS = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError)


@dataclass(frozen=True)
class HostCheck:
    """Which ``Host:`` header values name this server: its loopback names and the address it
    listens on, with or without its port. Listening on every address (0.0.0.0, ::), any IP
    address is accepted too: a browser sends one only when it connected to that address, with
    no DNS name that could be rebound to this computer."""

    names: frozenset[str]
    port: int
    any_address: bool

    @classmethod
    def of(cls, host: str, port: int) -> HostCheck:
        listening = f"[{host}]" if ":" in host and not host.startswith("[") else host
        wildcard = listening in ("0.0.0.0", "[::]", "")
        return cls(frozenset({*LOOPBACK_NAMES, *(() if wildcard else (listening.lower(),))}), port, wildcard)

    def accepts(self, value: str | None) -> bool:
        text = (value or "").strip().lower()
        if text.startswith("["):  # an IPv6 address: [::1] or [::1]:8000
            close = text.find("]") + 1
            name, rest = (text[:close], text[close:]) if close else ("", "")
        else:
            name, colon, port = text.partition(":")
            rest = colon + port
        if not name or (rest and rest != f":{self.port}"):
            return False
        if name in self.names:
            return True
        try:
            ipaddress.ip_address(name.removeprefix("[").removesuffix("]"))
        except ValueError:
            return False
        return self.any_address


class _Handler(BaseHTTPRequestHandler):
    site: Site  # set on the subclass made for one server
    timeout = 10  # a browser's speculative connection that never sends a request is dropped

    def do_GET(self) -> None:
        hosts = self.headers.get_all("Host") or []
        if len(hosts) != 1 or not self.server.hosts.accepts(hosts[0]):  # type: ignore[attr-defined]
            self._send(421, "text/plain; charset=utf-8", b"misdirected request")  # DNS rebinding: not for us
            return
        path = unquote(urlsplit(self.path).path)
        preview = self.site.current()
        if path in ("/", "/index.html"):
            self._send(200, "text/html; charset=utf-8", page(preview, self.site.lang, self.site.pages()).encode("utf-8"))
        elif path == "/__events":
            from dossier.preview.events import stream

            stream(self, self.site)
        elif path.startswith(("/project/", "/__page/")):
            from dossier.preview.routes import answer

            self._send(*answer(path, preview, self.site.pages(), self.site.lang))
        elif path.startswith("/__fonts/") and path[len("/__fonts/"):] in FONTS.values():
            from dossier.paths import PACKAGE_DIR

            data = (PACKAGE_DIR / "fonts" / path[len("/__fonts/"):]).read_bytes()
            self._send(200, "font/ttf", data, cache="max-age=86400")
        elif path == "/__version":
            self._send(200, "application/json", json.dumps({"version": preview.version if preview else 0}).encode())
        elif preview is not None and path[1:] in {d.name for d in preview.documents}:
            try:  # a name of this build's documents: never a path of the caller's choosing
                data = (self.site.out / path[1:]).read_bytes()
            except OSError:
                self._send(404, "text/plain; charset=utf-8", b"not found")
                return
            self._send(200, "application/pdf", data)
        else:
            self._send(404, "text/plain; charset=utf-8", b"not found")

    def _send(self, status: int, kind: str, body: bytes, cache: str = "no-store") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", cache)
        if status == 421:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        try:
            self.wfile.write(body)
        except DISCONNECTS:  # the browser stopped reading: nothing to tell anyone
            self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
        pass


class _Server(ThreadingHTTPServer):
    hosts: HostCheck
    lang: str = "en"

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that went away is not an error; anything else is one line, not a traceback."""
        error = sys.exc_info()[1]
        if isinstance(error, DISCONNECTS) or error is None:
            return
        if os.environ.get("DOSSIER_DEBUG"):
            super().handle_error(request, client_address)  # type: ignore[arg-type]
            return
        client = client_address[0] if isinstance(client_address, tuple) else client_address
        message = catalogue.message("serve-request-failed", self.lang, {"client": client, "reason": repr(error)})
        try:
            sys.stderr.write(message + "\n")
        except (OSError, ValueError):
            pass


def server(site: Site, host: str, port: int) -> ThreadingHTTPServer:
    """The preview's HTTP server (not started). Raises OSError when the port is taken."""
    handler = type("Handler", (_Handler,), {"site": site})
    made = _Server((host, port), handler)
    made.daemon_threads = True
    made.block_on_close = False  # stopping never waits for a connection a browser left open
    made.hosts = HostCheck.of(host, made.server_address[1])
    made.lang = site.lang
    return made


def serve(root: Path, out: Path, host: str, port: int, lang: str, paths: list[Path] | None = None,
          book: bool = True, draft: bool = True, ready: Callable[[str], None] = lambda url: None,
          built: Callable[[Preview], None] = lambda preview: None, stop: threading.Event | None = None) -> None:
    """Build, serve, and rebuild on every change until ``stop`` is set (or Ctrl+C). Raises
    :class:`DossierError` when the port cannot be used."""
    stop = stop or threading.Event()
    site = Site(out, lang)
    try:
        http = server(site, host, port)
    except OSError as exc:  # the port is taken, or the address is not this machine's
        from dossier.errors import Pos

        raise DossierError([Diagnostic("dossier serve", Pos(), "serve-port-busy",
                                       args={"port": port, "reason": exc.strerror or str(exc)})]) from None
    serving: threading.Thread | None = None
    watcher = Watcher.start(root)  # before the first build: a save during it is seen after it
    runner: Runner | None = None
    try:
        seen = fingerprint(root)
        # the first build in workers (every CPU), before the server's thread exists: a process
        # forked while another thread holds a lock could deadlock on it
        first = rebuild(root, out, 1, paths, book, draft, jobs=os.cpu_count() or 1)
        site.show(first, drawn(site, first, out))
        encode(site.pages())
        built(site.current())  # type: ignore[arg-type]
        from dossier.render.dossier import warm_up

        warm_up()  # WeasyPrint imported here once: the worker is forked warm
        runner = warm_worker(root, out, book, draft)  # forked now, before the server's thread
        serving = threading.Thread(target=http.serve_forever, name="dossier-serve", daemon=True)
        serving.start()
        ready(f"http://{host}:{http.server_address[1]}/")
        version = 1
        while (now := watcher.next(seen, stop)) is not None:
            seen, version = now, version + 1

            def early(projects: Preview) -> None:  # pushed before the book is made: no project page shows it
                site.show(projects, drawn(site, projects, out))

            latest = rebuild(root, out, version, paths, book, draft, runner=runner, early=early if book else None)
            site.show(latest, drawn(site, latest, out))
            encode(site.pages())  # after the push: the browser's requests for changed pages come first
            built(site.current())  # type: ignore[arg-type]
    finally:
        site.close()  # the event streams end
        watcher.close()
        if runner is not None:
            runner.discard()  # stopped at once, never waited for (Ctrl+C mid-render)
            runner.__exit__(None)  # its temporary folder removed
        if serving is not None:
            http.shutdown()  # waits for serve_forever to return: only once it has started
        http.server_close()


def drawn(site: Site, preview: Preview, out: Path) -> dict[str, Gallery]:
    """The projects' page images after ``preview``'s build (of a changed PDF, only the pages
    whose content changed are new, drawn when first asked for)."""
    from dossier.preview.gallery import update

    return update(site.pages(), [(d.source, d.name) for d in preview.documents if d.source], out, preview.version,
                  site.drawing)


def page(preview: Preview | None, lang: str, galleries: dict[str, Gallery] | None = None) -> str:
    """The index page: every project with its state, the problems (file:line:column, what is
    wrong, the fix), the documents; it follows the builds by server-sent events."""
    from dossier.preview.site import index_page

    return index_page(preview, galleries or {}, lang)
