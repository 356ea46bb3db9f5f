"""How fast is `dossier validate` on the bundled projects? (goal: ≤ 0.3 s wall, for pre-commit)

Prints wall times of the real command in fresh processes (what a pre-commit hook pays), the
in-process time of validation alone, and checks that WeasyPrint is never imported.
Run: .venv/bin/python benchmarks/validate_speed.py [runs]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def wall(cmd: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=False, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def show(label: str, times: list[float]) -> None:
    print(f"{label:<44} min {min(times):.3f} s   median {statistics.median(times):.3f} s   max {max(times):.3f} s")


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    py = sys.executable
    files = sorted((ROOT / "projects").glob("*.yaml"))
    print(f"dossier validate on {len(files)} projects ({sum(f.stat().st_size for f in files) // 1024} KB), {runs} runs each")
    show("python -c pass", wall([py, "-c", "pass"], runs))
    show("python -c 'import weasyprint' (for scale)", wall([py, "-c", "import weasyprint"], max(3, runs // 5)))
    show("dossier --help", wall([py, "-m", "dossier", "--help"], runs))
    cli = wall([py, "-m", "dossier", "validate", "-q"], runs)
    show("dossier validate (fresh process)", cli)

    sys.path.insert(0, str(ROOT))
    from dossier.validate import check_paths
    from dossier.workspace import open_workspace

    start = time.perf_counter()
    ws = open_workspace(ROOT)
    opened = time.perf_counter() - start
    inner = []
    for _ in range(runs):
        start = time.perf_counter()
        checked = check_paths(ws)
        inner.append(time.perf_counter() - start)
    assert all(c.ok for c in checked)
    print(f"{'open workspace (dossier.yaml + rules)':<44} {opened:.4f} s")
    show("validate 8 files in-process", inner)
    print(f"{'per file in-process':<44} {statistics.median(inner) / len(files) * 1000:.1f} ms")
    assert "weasyprint" not in sys.modules, "validation imported WeasyPrint"
    images(runs)
    goal = statistics.median(cli)
    print(f"goal ≤ 0.300 s wall: {'met' if goal <= 0.3 else 'NOT met'} (median {goal:.3f} s); WeasyPrint imported: no")


def images(runs: int) -> None:
    """What checking a project's photos costs (Pillow: header, PNG checksums, JPEG at 1/8 scale,
    GIF frames), on camera-sized pictures, and the same decoded in full as the render's sandbox does."""
    import tempfile

    from dossier.limits import DEFAULT_LIMITS
    from dossier.validate.images import inspect_image
    from PIL import Image

    with tempfile.TemporaryDirectory() as folder:
        base = Image.effect_noise((4000, 3000), 40).convert("RGB")
        pictures = {"JPEG 4000×3000 (12 MP)": ("photo.jpg", base, {"quality": 90}),
                    "PNG 3000×2000 (6 MP)": ("photo.png", base.resize((3000, 2000)), {}),
                    "GIF 800×600, 20 frames": ("anim.gif", base.resize((800, 600)).convert("P"), {})}
        for label, (name, picture, options) in pictures.items():
            path = Path(folder) / name
            if name.endswith(".gif"):
                frames = [picture.point(lambda v, i=i: (v + i) % 256) for i in range(20)]
                frames[0].save(path, save_all=True, append_images=frames[1:])
            else:
                picture.save(path, **options)
            for full in (False, True):
                times = []
                for _ in range(max(3, runs // 3)):
                    start = time.perf_counter()
                    assert inspect_image(path, DEFAULT_LIMITS, full=full) is None
                    times.append(time.perf_counter() - start)
                show(f"{'decode in full' if full else 'check'} {label}", times)


if __name__ == "__main__":
    main()
