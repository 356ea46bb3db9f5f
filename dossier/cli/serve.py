"""``dossier serve``: a preview in the browser, rebuilt and reloaded on every save."""

from __future__ import annotations

from pathlib import Path

import click

from dossier import catalogue
from dossier.cli.common import default_lang, edge, info


@click.command("serve")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help=catalogue.option_help("out"))
@click.option("--host", default="127.0.0.1", show_default=True,
              help=catalogue.option_help("host"))
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help=catalogue.option_help("port"))
@click.option("--draft/--no-draft", default=True, show_default=True,
              help=catalogue.option_help("serve-draft"))
@click.option("--book/--no-book", default=None,
              help=catalogue.option_help("serve-book"))
@click.option("--open/--no-open", "open_browser", default=True, show_default=True,
              help=catalogue.option_help("open"))
@click.option("--lang", type=click.Choice(["th", "en"]), default=default_lang,
              help=catalogue.option_help("serve-lang"))
@edge
def serve_command(paths: tuple[Path, ...], out: Path | None, host: str, port: int, draft: bool, book: bool | None,
                  open_browser: bool, lang: str) -> int:
    """Preview the dossiers in the web browser while you edit: every time you save a project
    file (or its photos, dossier.yaml, templates), the changed dossiers are built again and
    the page reloads by itself with the new problems and PDFs.

    \b
    ดูตัวอย่างเอกสารในเว็บเบราว์เซอร์ระหว่างแก้ไข: บันทึกไฟล์โครงการเมื่อใด ระบบสร้าง PDF
    ใหม่เฉพาะที่เปลี่ยน และหน้าเว็บแสดงปัญหาที่ต้องแก้พร้อมลิงก์ PDF ล่าสุดให้เอง
    Drafts are on (--no-draft for finals only). Ctrl+C stops.

    \b
    Examples / ตัวอย่าง:
      dossier serve                               # all projects and the book, http://127.0.0.1:8000/
      dossier serve projects/mangrove.yaml        # one project, faster
      dossier serve --port 0 --no-open            # any free port, no browser
    """
    from dossier.paths import find_root
    from dossier.serve import Preview, serve

    root = find_root(Path.cwd())

    def ready(url: str) -> None:
        info(catalogue.message("serve-ready", lang, {"url": url}))
        if open_browser:
            import webbrowser

            webbrowser.open(url)

    def built(preview: Preview) -> None:
        info(catalogue.message("serve-rebuilt", lang, {
            "version": preview.version, "documents": len(preview.documents), "problems": len(preview.problems),
            "seconds": f"{preview.seconds:.1f}"}))

    try:  # Ctrl+C and SIGTERM (`kill`, a service manager, a container stop) raise here (see edge)
        serve(root, out or root / "build", host, port, lang, list(paths) or None,
              not paths if book is None else book, draft, ready, built)
    except KeyboardInterrupt:
        info(catalogue.message("serve-stopped", lang, {}))
    return 0
