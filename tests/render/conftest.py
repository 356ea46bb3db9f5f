"""Session fixtures for the render tests: every bundled project and the province's book are
rendered once (into tmp_path_factory), and small throw-away repositories once each: a draft with
photos and an emblem, Arabic numerals, tightened page limits and a glyph no font has."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

if str(Path(__file__).resolve().parents[2]) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

pytest.importorskip("pypdf")
pytest.importorskip("weasyprint")

from dossier.build.pipeline import Built, Options, Outcome, build  # noqa: E402
from dossier.validate import check_paths  # noqa: E402
from dossier.workspace import Workspace, open_workspace  # noqa: E402
from support.render_helpers import PROJECTS, ROOT, LibThai, Rendered  # noqa: E402, F401



def render(root: Path, out: Path, **options: bool) -> Rendered:
    ws = open_workspace(root)
    return Rendered(root, ws, build(ws, check_paths(ws), Options(out, keep_layout=True, **options)))


@pytest.fixture(scope="session")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """The 8 bundled projects and the book, as `dossier build` makes them (from a copy of the
    repository's dossier.yaml and projects, so that files appearing meanwhile do not count)."""
    root = tmp_path_factory.mktemp("bundled")
    (root / "projects").mkdir()
    shutil.copy(ROOT / "dossier.yaml", root / "dossier.yaml")
    for slug in PROJECTS:
        shutil.copy(ROOT / "projects" / f"{slug}.yaml", root / "projects" / f"{slug}.yaml")
    return render(root, root / "build")


def make_repo(root: Path, numerals: str = "thai", rules: str = "{}") -> Path:
    text = (ROOT / "dossier.yaml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^numerals: \w+", f"numerals: {numerals}", text)
    text = re.sub(r"(?m)^rules: \{\}", f"rules: {rules}", text)
    (root / "projects").mkdir(parents=True)
    (root / "dossier.yaml").write_text(text, encoding="utf-8")
    return root


def project_text(slug: str) -> str:
    return (ROOT / "projects" / f"{slug}.yaml").read_text(encoding="utf-8")


def image(path: Path, size: tuple[int, int], colour: str) -> None:
    from PIL import Image, ImageDraw

    path.parent.mkdir(parents=True, exist_ok=True)
    picture = Image.new("RGB", size, "white")
    ImageDraw.Draw(picture).ellipse((10, 10, size[0] - 10, size[1] - 10), outline=colour, width=8)
    picture.save(path)


DRAFT_PHOTOS = """photos:
  - file: ../photos/canal.png
    caption: ชาวบ้านร่วมกันเก็บผักตบชวาในคลอง ปี 2563
  - file: /etc/hostname
    caption: ไฟล์นอกคลังเอกสาร ต้องไม่ถูกนำมาใส่
"""


@pytest.fixture(scope="session")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """A repository with an emblem, a photo, an unfinished project (too recent, a section
    missing, a photo outside), a finished one and one that cannot be read; built with --draft."""
    root = make_repo(tmp_path_factory.mktemp("drafts"))
    image(root / "assets" / "emblem.png", (240, 240), "navy")
    image(root / "photos" / "canal.png", (640, 400), "darkgreen")
    text = project_text("mangrove").replace("started: 12 สิงหาคม 2560", "started: 12 สิงหาคม 2563")
    text = re.sub(r"(?ms)^  model: \|.*?(?=^  collaboration:)", "", text)
    (root / "projects" / "mangrove.yaml").write_text(text + DRAFT_PHOTOS, encoding="utf-8")
    (root / "projects" / "wastewater.yaml").write_text(project_text("wastewater"), encoding="utf-8")
    (root / "projects" / "broken.yaml").write_text("title: [ยังไม่เสร็จ\n", encoding="utf-8")
    return render(root, root / "build", draft=True)


@pytest.fixture(scope="session")
def arabic(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """`numerals: arabic`, on the project whose title is written with Thai digits."""
    root = make_repo(tmp_path_factory.mktemp("arabic"), numerals="arabic")
    (root / "projects" / "covid-recovery.yaml").write_text(project_text("covid-recovery"), encoding="utf-8")
    return render(root, root / "build", book=False)


@pytest.fixture(scope="session")
def limits(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """Page limits tightened in dossier.yaml, and a project with a character no font has."""
    root = make_repo(tmp_path_factory.mktemp("limits"),
                     rules="{section-pages: {max: 1}, document-pages: {max: 5}}")
    (root / "projects" / "mangrove.yaml").write_text(project_text("mangrove"), encoding="utf-8")
    tofu = project_text("beautiful-canals").replace("summary: |\n", "summary: |\n  ตัวอักษร \U000f0001 ไม่มีในฟอนต์\n\n", 1)
    (root / "projects" / "tofu.yaml").write_text(tofu, encoding="utf-8")
    return render(root, root / "build", book=False)


@pytest.fixture(scope="session")
def libthai() -> Iterator[LibThai]:
    brk = LibThai()
    yield brk
    brk.close()
