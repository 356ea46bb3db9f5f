"""Hostile input: the corpus in tests/hostile/ (each file with the problems it must produce, as
``# expect:`` comments) and generated monsters. Each is refused quickly, in bounded memory, with
a located message naming the limit; none raises."""

from __future__ import annotations

import shutil
import struct
import time
import tracemalloc
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from dossier.validate import check_file
from dossier.workspace import open_workspace

from support.cases import expectations
from support.hostile_images import IMAGES

HOSTILE = Path(__file__).parents[1] / "hostile"
CORPUS = sorted(p for p in HOSTILE.glob("*.yaml") if p.name != "dossier.yaml")
VALID = (Path(__file__).parent / "cases" / "valid-minimal.yaml").read_text(encoding="utf-8")


def bounded(fn: Callable[[], object], seconds: float = 30.0, megabytes: int = 150) -> object:
    """Run ``fn`` under a memory bound (what a limit is for) and a loose time bound that only
    catches a hang or a quadratic blow-up: speed is measured in benchmarks/, not here (the
    test machine is shared, and tracemalloc slows everything several times over)."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        result = fn()
    finally:
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert elapsed < seconds, f"took {elapsed:.1f} s"
    assert peak < megabytes * 1_000_000, f"peak {peak / 1e6:.0f} MB"
    return result


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_hostile_corpus(path: Path, tmp_path: Path) -> None:
    shutil.copytree(HOSTILE, tmp_path, dirs_exist_ok=True)
    for name, make in IMAGES.items():  # the hostile images, made here rather than committed
        (tmp_path / name).write_bytes(make())
    ws = open_workspace(tmp_path)
    checked = bounded(lambda: check_file(tmp_path / path.name, ws, path.name))
    got = sorted((d.line, d.column, d.label) for d in checked.diagnostics)
    want = sorted((line, col, label) for line, label, col in expectations(path))
    assert [(g[0], g[2]) for g in got] == [(w[0], w[2]) for w in want], got
    for (line, col, label) in want:
        if col is not None:
            assert (line, col, label) in got, got


def monster(repo: Path, name: str, data: bytes) -> Path:
    path = repo / "projects" / name
    path.write_bytes(data)
    return path


def codes_of(repo: Path, path: Path) -> list[str]:
    ws = open_workspace(repo)
    return [d.code for d in bounded(lambda: check_file(path, ws)).diagnostics]


def test_a_50_mb_file_is_refused_without_reading_it(repo: Path) -> None:
    path = repo / "projects" / "huge.yaml"
    with open(path, "wb") as handle:
        handle.write(b"title: x\nsummary: |\n")
        handle.write((b"    " + "ก".encode() * 1000 + b"\n") * 16_700)
    assert path.stat().st_size > 50_000_000
    assert codes_of(repo, path) == ["file-too-large"]


def test_10000_deep_nesting(repo: Path) -> None:
    path = monster(repo, "deep.yaml", b"title: " + b"[" * 10_000 + b"]" * 10_000 + b"\n")
    assert codes_of(repo, path)[0] in ("yaml-too-deep", "yaml-syntax")


def test_a_5_mb_section_is_over_the_file_limit(repo: Path) -> None:
    path = monster(repo, "big-section.yaml", VALID.replace("  results: ผลสัมฤทธิ์\n", "  results: " + "ผล" * 900_000 + "\n").encode())
    assert codes_of(repo, path) == ["file-too-large"]


def test_a_1_mb_section_is_over_the_markdown_limit(repo: Path) -> None:
    path = monster(repo, "long.yaml", VALID.replace("  results: ผลสัมฤทธิ์\n", "  results: " + "ผลสัมฤทธิ์ " * 30_000 + "\n").encode())
    assert "text-too-long" in codes_of(repo, path)


def test_thousands_of_indicators(repo: Path) -> None:
    rows = "".join(f"  - {{name: ตัวชี้วัด {i}, result: {i}}}\n" for i in range(5_000))
    path = monster(repo, "many.yaml", VALID.replace("indicators:\n", "indicators:\n" + rows).encode())
    assert "yaml-too-many-nodes" in codes_of(repo, path)


def png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", b"") + chunk(b"IEND", b"")


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


@pytest.mark.parametrize(
    ("setup", "code"),
    [
        (lambda d: (d / "p.png").write_bytes(png_header(40_000, 40_000)), "image-too-large"),
        (lambda d: (d / "p.png").write_bytes(b"not an image at all"), "image-not-image"),
        (lambda d: (d / "p.png").symlink_to("/etc/passwd"), "image-outside"),
        (lambda d: None, "image-missing"),
    ],
    ids=["40000x40000", "not-an-image", "symlink-outside", "missing"],
)
def test_photos_are_checked_before_any_render(repo: Path, setup: Callable[[Path], object], code: str) -> None:
    setup(repo / "projects")
    path = monster(repo, "photo.yaml", (VALID + "photos:\n  - {file: p.png, caption: ภาพ}\n").encode())
    assert codes_of(repo, path) == [code]


def test_a_real_small_png_is_accepted(repo: Path) -> None:
    (repo / "projects" / "p.png").write_bytes(png_header(800, 600))
    path = monster(repo, "photo.yaml", (VALID + "photos:\n  - {file: p.png, caption: ภาพ}\n").encode())
    assert codes_of(repo, path) == []


@pytest.mark.parametrize(
    ("encode", "codes"),
    [
        (lambda t: t.encode("cp874"), ["encoding-converted"]),
        (lambda t: t.encode("utf-16"), ["encoding-converted"]),
        (lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode(), []),
        (lambda t: t.encode("utf-8").decode("cp874", "replace").encode("utf-8"), ["encoding-mojibake"]),
        (lambda t: t.encode("utf-16-le"), ["encoding-not-utf8"]),
    ],
    ids=["tis-620", "utf-16-bom", "utf-8-bom-crlf", "mojibake", "utf-16-no-bom"],
)
def test_encodings_are_handled_and_said_or_refused(repo: Path, encode: Callable[[str], bytes], codes: list[str]) -> None:
    body = VALID.split("\n", 1)[1]  # no comment line: cp874 cannot encode every character of it
    path = monster(repo, "enc.yaml", encode(body))
    assert codes_of(repo, path) == codes
