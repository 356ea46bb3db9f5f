"""Coverage-guided fuzzing of the image checks (``dossier.validate.images``) with atheris.

    pip install atheris
    python fuzz/fuzz_images.py -max_total_time=120 fuzz/image-corpus

Arbitrary bytes are written as one image file and checked as validation does and as the render's
sandbox does (decoded in full). Any exception that escapes is a bug: a hostile image must become
a problem code, and within the limits (Pillow's own bomb guard stays on). The seed corpus is a
few small valid images and the hostile ones of tests/validate/hostile_images.py.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "validate"))

with atheris.instrument_imports():
    from dossier.limits import DEFAULT_LIMITS
    from dossier.validate.images import inspect_image, render_refusal

FOLDER = Path(tempfile.mkdtemp(prefix="fuzz-images-"))
FILE = FOLDER / "image"


def target(data: bytes) -> None:
    FILE.write_bytes(data)
    problem = inspect_image(FILE, DEFAULT_LIMITS)
    if problem is not None and not problem.code.startswith("image-"):
        raise AssertionError(problem)
    render_refusal(FILE, DEFAULT_LIMITS)


def seed(corpus: Path) -> None:
    import io

    from hostile_images import IMAGES
    from PIL import Image

    corpus.mkdir(parents=True, exist_ok=True)
    for name, make in IMAGES.items():
        if name != "many-frames.gif":
            (corpus / name).write_bytes(make())
    for kind in ("PNG", "JPEG", "GIF"):
        out = io.BytesIO()
        Image.new("RGB", (8, 6), (200, 30, 60)).save(out, kind)
        (corpus / f"small.{kind.lower()}").write_bytes(out.getvalue())


def main() -> None:
    corpus = next((Path(a) for a in sys.argv[1:] if not a.startswith("-")), ROOT / "fuzz" / "image-corpus")
    if not corpus.exists():
        seed(corpus)
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
