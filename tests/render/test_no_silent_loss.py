"""Nothing about one project stops the book or another project, and nothing a render drops goes
unsaid: real builds in throw-away repositories, read back from their PDFs and the JSON report.

- a skipped project with a 600,000-character title: the good dossier and the book are built,
  and the book's summary shows the title cut to its limit;
- a 4,900-character word is cut at the page's edge: an error at its line, on the page named;
- a draft of a project that validation refuses (150 nested quotes, a NUL in a photo name,
  images too large or damaged) still renders, without the refused images, each refusal at its
  line; an image the engine cannot read (a broken SVG) is a warning at its line.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pypdf

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "validate" / "cases"
VALID = (CASES / "valid-minimal.yaml").read_text(encoding="utf-8")
RESULTS = "  results: ผลสัมฤทธิ์\n"


def repo_with(tmp_path: Path, projects: dict[str, str]) -> Path:
    repo = tmp_path / "repo"
    (repo / "projects").mkdir(parents=True)
    shutil.copy(CASES / "dossier.yaml", repo / "dossier.yaml")
    for name, text in projects.items():
        (repo / "projects" / name).write_text(text, encoding="utf-8")
    return repo


def build(repo: Path, *args: str) -> tuple[int, list[dict[str, object]], str]:
    done = subprocess.run([sys.executable, "-m", "dossier", "build", "-j1", "--format", "json", *args], cwd=repo,
                          capture_output=True, text=True, timeout=600, env={**os.environ, "DOSSIER_LANG": "en"})
    assert "Traceback" not in done.stdout + done.stderr and "internal error" not in done.stdout + done.stderr, done.stderr
    return done.returncode, json.loads(done.stdout), done.stderr


def found(report: list[dict[str, object]], code: str) -> list[tuple[object, object, object]]:
    return [(p["file"], p["line"], p["column"]) for p in report if p["code"] == code]


def text_of(pdf: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(pdf).pages)


def images_in(pdf: Path) -> list[tuple[int, int]]:
    sizes = []
    for page in pypdf.PdfReader(pdf).pages:
        for obj in (page["/Resources"].get("/XObject") or {}).values():
            obj = obj.get_object()
            if obj.get("/Subtype") == "/Image":
                sizes.append((int(obj["/Width"]), int(obj["/Height"])))
    return sizes


def test_a_skipped_projects_long_title_stops_neither_the_book_nor_another_project(tmp_path: Path) -> None:
    title = " ".join(f"w{i}" for i in range(100_000))  # 588,889 characters, breakable words
    skipped = VALID.replace("title: การส่งเสริมกิจกรรมการปลูกป่าชายเลน", f"title: {title}")
    repo = repo_with(tmp_path, {"good.yaml": VALID, "skipped.yaml": skipped})
    code, report, _ = build(repo)
    assert code == 1
    assert found(report, "text-too-long") == [("projects/skipped.yaml", 2, 8)]
    assert not found(report, "render-failed") and not found(report, "render-timeout")
    assert (repo / "build" / "good.pdf").is_file() and not (repo / "build" / "skipped.pdf").exists()
    book = text_of(repo / "build" / "สมุทรสงคราม-2564.pdf")
    assert "w0 w1 w2" in book.replace("\n", " ")  # the skipped project is listed, by its title's start
    assert "w60 " in book.replace("\n", " ") and "w99999" not in book and "w1000 " not in book


def test_a_word_cut_at_the_page_edge_is_an_error_at_its_line_every_build(tmp_path: Path) -> None:
    word = "a" * 4_900
    repo = repo_with(tmp_path, {"word.yaml": VALID.replace(RESULTS, f"  results: |\n    ผลสัมฤทธิ์\n\n    {word}\n")})
    for _ in range(2):  # not recorded as up to date: the second build says it again
        code, report, _ = build(repo, "--no-book")
        assert code == 1
        assert found(report, "text-overflow") == [("projects/word.yaml", 25, 5)]
    problem = next(p for p in report if p["code"] == "text-overflow")
    page = int(str(problem["message_en"]).split("page ")[1].split(":")[0])
    reader = pypdf.PdfReader(repo / "build" / "word.pdf")
    assert "a" * 100 in reader.pages[page - 1].extract_text()  # the page named holds the word


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int, idat: bytes) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def test_a_draft_renders_what_validation_refuses_without_losing_anything_unsaid(tmp_path: Path) -> None:
    deep = VALID.replace(RESULTS, "  results: |\n    ผลสัมฤทธิ์\n\n    " + "> " * 150 + "ข้อความลึก\n")
    nul = VALID + 'photos:\n  - {file: "ภาพ\\0.png", caption: ภาพกิจกรรม}\n'
    pictures = VALID.replace(RESULTS, """  results: |
    ผลสัมฤทธิ์

    ![ใหญ่](huge.png)

    ![เสีย](garbage.png)

    ![เวกเตอร์](broken.svg)

    ![ดี](fine.png)
""")
    no_file = VALID + "photos:\n  - {caption: ภาพที่ยังไม่มีไฟล์}\n"
    repo = repo_with(tmp_path, {"deep.yaml": deep, "nul.yaml": nul, "pictures.yaml": pictures, "good.yaml": VALID,
                                "no-file.yaml": no_file})
    folder = repo / "projects"
    (folder / "huge.png").write_bytes(png(15_000, 11_800, zlib.compress(b"")))  # 177 megapixels
    (folder / "garbage.png").write_bytes(png(64, 48, b"\x78\x9c" + b"\xff" * 200))  # checksums right, data not
    (folder / "broken.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><rect', encoding="utf-8")
    (folder / "fine.png").write_bytes(png(2, 1, zlib.compress(b"\x00" + b"\x10\x80\x30" * 2)))
    code, report, _ = build(repo, "--draft")
    assert code == 1
    for name in ("deep.draft.pdf", "nul.draft.pdf", "no-file.draft.pdf", "pictures.draft.pdf", "good.pdf",
                 "สมุทรสงคราม-2564.draft.pdf"):
        assert (repo / "build" / name).is_file(), name
    assert found(report, "markdown-too-deep") == [("projects/deep.yaml", 25, 5)]
    assert found(report, "image-path-invalid") == [("projects/nul.yaml", 24, 6)]
    assert found(report, "image-too-large") == [("projects/pictures.yaml", 25, 5)]
    assert ("projects/pictures.yaml", 25, 13) in found(report, "resource-refused")  # not sent to the engine
    assert ("projects/pictures.yaml", 27, 13) in found(report, "resource-refused")  # decoded: damaged
    assert found(report, "image-not-loaded") == [("projects/pictures.yaml", 29, 17)]  # the engine failed
    assert "ข้อความลึก" in text_of(repo / "build" / "deep.draft.pdf")
    assert set(images_in(repo / "build" / "pictures.draft.pdf")) == {(2, 1)}  # only the good image ships


def test_a_photo_damaged_past_its_header_is_an_error_at_its_line_and_left_out(tmp_path: Path) -> None:
    """Validation reads a JPEG's markers only (decoding costs 0.1-0.5 s a photo); the render's
    sandbox decodes it in full, and a damaged one is an error, not a broken image in the PDF."""
    from PIL import Image

    repo = repo_with(tmp_path, {"photo.yaml": VALID + "photos:\n  - {file: cut.jpg, caption: ภาพที่เสีย}\n"
                                                       "  - {file: whole.jpg, caption: ภาพที่ดี}\n"})
    picture = Image.effect_noise((320, 240), 60).convert("RGB")
    picture.save(repo / "projects" / "whole.jpg", quality=90)
    data = (repo / "projects" / "whole.jpg").read_bytes()
    (repo / "projects" / "cut.jpg").write_bytes(data[: len(data) // 2])
    code, report, _ = build(repo, "--no-book")
    assert code == 1
    assert [(p["line"], p["column"], p["severity"]) for p in report if p["code"] == "resource-refused"] == [
        (24, 12, "error")]
    assert set(images_in(repo / "build" / "photo.pdf")) == {(320, 240)}


def test_the_bundled_projects_lose_nothing(bundled) -> None:  # type: ignore[no-untyped-def]
    """No false alarm on real dossiers: nothing overflows, every resource loads."""
    codes = {d.code for d in bundled.outcome.diagnostics}
    assert not codes & {"text-overflow", "image-not-loaded", "resource-refused"}, codes
