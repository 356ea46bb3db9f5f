"""``/__events``: each new build's number and stamp pushed to the open pages (server-sent events), so a
page follows the builds without asking every second. A comment every 15 s keeps the
connection open through proxies; a stream ends when the browser goes or the server stops."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from http.server import BaseHTTPRequestHandler

    from dossier.serve import Preview, Site

KEEPALIVE = 15.0  # seconds


def data(preview: Preview | None) -> str:
    """An event's data: the build's number, and the stamp of what is shown (a save shows its
    projects, then the book: one build, two stamps)."""
    return json.dumps({"version": preview.version if preview else 0, "stamp": preview.stamp if preview else 0})


def stream(handler: BaseHTTPRequestHandler, site: Site) -> None:
    from dossier.serve import DISCONNECTS

    handler.send_response(200)
    handler.send_header("Content-Type", "text/event-stream; charset=utf-8")
    handler.send_header("Cache-Control", "no-store")
    handler.send_header("Connection", "close")
    handler.end_headers()
    handler.close_connection = True
    handler.connection.settimeout(None)  # the stream waits for builds, not for the browser
    preview = site.current()
    stamp = preview.stamp if preview else 0
    message = f"retry: 1000\nevent: build\ndata: {data(preview)}\n\n"
    try:
        while True:
            handler.wfile.write(message.encode("utf-8"))
            handler.wfile.flush()
            newer = site.wait_newer(stamp, KEEPALIVE)
            if newer is None:
                return
            if newer.stamp == stamp:
                message = ": keep-alive\n\n"
            else:
                stamp = newer.stamp
                message = f"event: build\ndata: {data(newer)}\n\n"
    except DISCONNECTS + (OSError, ValueError):
        return
