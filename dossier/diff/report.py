"""The diff report: ``index.html`` (``templates/diff.html.j2``, autoescaped) with, per changed
page, the page before, after, and the difference in red; a text diff of each changed field;
and ``summary.md``, the short version for a CI job summary. The report is written to a new
folder which then replaces the old one, so a reader never sees half of it."""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier import catalogue
from dossier.diff.pages import Change, highlight
from dossier.diff.run import ProjectDiff


@dataclass
class ShownPage:
    label: str  # "3 → 4", "+ 5", "− 2"
    before: str | None  # image paths, relative to the report
    after: str | None
    difference: str


def slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9ก-๛_-]+", "-", name.removesuffix(".yaml").removesuffix(".yml")).strip("-") or "project"


def label(change: Change) -> str:
    if change.before is None and change.after is not None:
        return f"+ {change.after.number}"
    if change.after is None and change.before is not None:
        return f"− {change.before.number}"
    assert change.before is not None and change.after is not None
    if change.before.number == change.after.number:
        return str(change.after.number)
    return f"{change.before.number} → {change.after.number}"


def pages_changed(project: ProjectDiff) -> list[str]:
    return [label(c) for c in project.changes]


def state_text(project: ProjectDiff, lang: str) -> str:
    """What became of the project as a whole: "" for a changed one."""
    if project.state == "deleted":
        return catalogue.phrase("diff-deleted", lang, pages=project.pages_before,
                                pages_s=catalogue.plural(project.pages_before))
    if project.state == "added":
        return catalogue.phrase("diff-added", lang, pages=project.pages_after, pages_s=catalogue.plural(project.pages_after))
    return ""


def headline(project: ProjectDiff, lang: str) -> str:
    """One line for the terminal: the project, deleted or added, and its changed pages."""
    if project.state == "deleted":
        return f"{project.name}: {state_text(project, lang)}"
    changed = catalogue.phrase("diff-pages", lang, pages=", ".join(pages_changed(project)) or "—")
    return f"{project.name}: " + (f"{state_text(project, lang)}; {changed}" if project.state == "added" else changed)


def _save_pages(project: ProjectDiff, folder: Path, prefix: str) -> list[ShownPage]:
    shown = []
    folder.mkdir(parents=True, exist_ok=True)
    for index, change in enumerate(project.changes, start=1):
        names: dict[str, str | None] = {}
        for side, page in (("before", change.before), ("after", change.after)):
            if page is None:
                names[side] = None
                continue
            names[side] = f"{prefix}/{index:03d}-{side}.png"
            page.image.save(folder / f"{index:03d}-{side}.png", optimize=True)
        highlight(change).save(folder / f"{index:03d}-diff.png", optimize=True)
        shown.append(ShownPage(label(change), names["before"], names["after"], f"{prefix}/{index:03d}-diff.png"))
    return shown


def summary_markdown(projects: list[ProjectDiff], base: str, lang: str) -> str:
    th = lang == "th"
    title = "### dossier diff " + ("เทียบกับ" if th else "against") + f" `{base[:12]}`"
    if not projects:
        return title + "\n\n" + ("ไม่มีหน้าที่เปลี่ยน" if th else "No page changed.") + "\n"
    lines = [title, ""]
    for p in projects:
        if p.state == "deleted":
            lines.append(f"- **{p.name}**: {state_text(p, lang)}")
            continue
        pages = ", ".join(pages_changed(p)) or "—"
        if p.state == "added":
            pages = f"{pages} — {state_text(p, lang)}"
        fields = ", ".join(f"`{f.path}`" for f in p.fields[:8]) + (" …" if len(p.fields) > 8 else "")
        if th:
            lines.append(f"- **{p.name}**: หน้าที่เปลี่ยน {pages} ({p.pages_before} → {p.pages_after} หน้า)"
                         + (f"; ช่องที่แก้ {fields}" if p.fields else "") + ("; สร้างไม่ได้บางส่วน" if p.problems else ""))
        else:
            lines.append(f"- **{p.name}**: pages changed {pages} ({p.pages_before} → {p.pages_after} pages)"
                         + (f"; fields {fields}" if p.fields else "") + ("; could not be built in part" if p.problems else ""))
    return "\n".join(lines) + "\n"


def render_html(projects: list[Any], base: str, lang: str) -> str:
    import jinja2
    from markupsafe import Markup

    from dossier.paths import builtin_templates_dir
    from dossier.safetext import visible

    def shown(value: Any) -> Any:
        return value if isinstance(value, Markup) or not isinstance(value, str) else visible(value)

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(builtin_templates_dir()), autoescape=True,
                             undefined=jinja2.StrictUndefined, finalize=shown)
    return env.get_template("diff.html.j2").render(projects=projects, base=base, lang=lang)


def write_report(projects: list[ProjectDiff], out: Path, base: str, lang: str) -> Path:
    """Write the report into ``out`` (replaced as a whole); returns its index.html."""
    from dossier import catalogue

    out.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=".diff-new-", dir=out.parent))
    try:
        rows = []
        for project in projects:
            name = slug(project.name)
            problems = [f"{d.file}:{d.line}: {catalogue.message(d.code, lang, d.args)}" if d.line
                        else f"{d.file}: {catalogue.message(d.code, lang, d.args)}" for d in project.problems]
            rows.append({"name": project.name, "id": name, "before": project.pages_before, "after": project.pages_after,
                         "state": project.state, "state_text": state_text(project, lang),
                         "pages": _save_pages(project, fresh / name, name), "fields": project.fields,
                         "problems": problems})
        from dossier.paths import PACKAGE_DIR

        (fresh / "fonts").mkdir()
        for font in ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf"):  # Thai text looks the same on any computer
            shutil.copyfile(PACKAGE_DIR / "fonts" / font, fresh / "fonts" / font)
        (fresh / "index.html").write_text(render_html(rows, base, lang), encoding="utf-8")
        (fresh / "summary.md").write_text(summary_markdown(projects, base, lang), encoding="utf-8")
        old = out.parent / f".diff-old-{fresh.name}"
        if out.exists():
            out.rename(old)
        fresh.rename(out)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return out / "index.html"
