"""Images a project shows (photos and Markdown images), checked by decoding them with Pillow.

A header alone can lie: a chunk before a PNG's IHDR, a GIF frame larger than its logical screen,
or thousands of frames get past a reader of the first bytes, while the PDF engine (which decodes
with Pillow too) would then allocate the real size. So each image is opened by Pillow (its own
decompression-bomb guard included), its real dimensions compared with the limit, and its data
checked as far as is cheap: a JPEG's markers (opening parses them up to the image data), a
PNG's chunks and checksums (``verify``, nothing decompressed: 0.02 s for 6 MP), and a GIF's
frames, each decoded (Pillow learns a frame's extent only then), within a budget of
``max_image_frames`` and of ``max_image_pixels`` decoded pixels in all. Decoding a camera JPEG
costs 0.1-0.5 s even at 1/8 scale (``benchmarks/validate_speed.py``), too much for validation:
the render's sandbox decodes every image in full (``full=True``) and refuses a damaged one, as a
located error. Pillow is imported only when a project has images.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier.limits import Limits

FORMATS = ("PNG", "JPEG", "GIF")  # what a dossier prints (the engine's raster formats)


@dataclass(frozen=True)
class ImageProblem:
    code: str  # a catalogue code: image-not-image, image-corrupt, image-too-large, ...
    args: dict[str, Any] = field(default_factory=dict)


_MAGIC = {b"\x89PNG": "PNG", b"\xff\xd8\xff": "JPEG", b"GIF8": "GIF"}


def _magic(path: Path) -> str | None:
    with open(path, "rb") as handle:
        head = handle.read(4)
    return next((kind for magic, kind in _MAGIC.items() if head.startswith(magic)), None)


@contextlib.contextmanager
def _strict() -> Iterator[None]:
    """Pillow as it is by default while the check runs: WeasyPrint sets Pillow's process-wide
    ``LOAD_TRUNCATED_IMAGES`` when imported (in a render, in ``serve``), under which damaged data
    decodes silently and ``verify`` skips the checksums. Restored after (renders are sequential
    within a process)."""
    from PIL import ImageFile

    before = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = before


def _gif_screen(path: Path) -> tuple[int, int]:
    with open(path, "rb") as handle:
        head = handle.read(10)
    return int.from_bytes(head[6:8], "little"), int.from_bytes(head[8:10], "little")


def inspect_image(path: Path, limits: Limits, full: bool = False) -> ImageProblem | None:
    """What is wrong with the image file at ``path`` (a regular file), or None. ``full`` also
    decodes every pixel (the render's check: the engine copies a PNG's compressed data into the
    PDF as it is, so damaged data would ship unnoticed; validation keeps to the cheap checks)."""
    from PIL import Image, UnidentifiedImageError

    with warnings.catch_warnings(), _strict():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # our own limit is lower
        try:
            with Image.open(path, formats=FORMATS) as image:
                problem = _check(path, image, limits)
            if problem is None and full:
                with Image.open(path, formats=FORMATS) as image:
                    image.load()
            return problem
        except UnidentifiedImageError:
            kind = _magic(path)  # an image's signature, then nothing Pillow can read: damaged
            return ImageProblem("image-corrupt", {"kind": kind}) if kind else ImageProblem("image-not-image")
        except Image.DecompressionBombError:
            return ImageProblem("image-too-large", {"width": "?", "height": "?",
                                                    "limit": limits.max_image_pixels // 1_000_000})
        except Exception as exc:  # noqa: BLE001 - any failure of the decoder on this file is the file's
            return ImageProblem("image-corrupt", {"kind": f"{_magic(path) or '?'}: {type(exc).__name__}"})


def _check(path: Path, image: Any, limits: Limits) -> ImageProblem | None:
    width, height = image.size
    if width * height > limits.max_image_pixels or not width or not height:
        return ImageProblem("image-too-large", {"width": width, "height": height,
                                                "limit": limits.max_image_pixels // 1_000_000})
    if image.format == "PNG":
        image.verify()  # every chunk's CRC, to the end of the file; nothing decompressed
    elif image.format == "GIF":
        return _gif_frames(path, image, limits, (width, height))
    return None


def _gif_frames(path: Path, image: Any, limits: Limits, size: tuple[int, int]) -> ImageProblem | None:
    screen = _gif_screen(path)
    area = max(1, screen[0] * screen[1])
    budget = max(1, min(limits.max_image_frames, limits.max_image_pixels // area))
    frame = 0
    while True:
        if image.size != screen:  # Pillow grows the image to hold a frame outside the screen
            return ImageProblem("image-frame-outside", {"frame": frame + 1, "width": screen[0], "height": screen[1]})
        if frame + 1 > budget:
            return ImageProblem("image-too-many-frames", {"limit": budget})
        try:
            image.seek(frame + 1)  # decodes the frame before it
        except EOFError:
            break
        frame += 1
    image.load()  # the last frame
    return None


def render_refusal(path: Path, limits: Limits) -> str | None:
    """Why the render's URL sandbox must not hand this file to the engine, or None: an image
    validation refuses (a draft renders despite errors), or a raster format other than PNG, JPEG
    and GIF. Files that are no image at all (fonts, stylesheets, SVG) are not this check's."""
    from PIL import Image, UnidentifiedImageError

    if _magic(path) is not None:
        problem = inspect_image(path, limits, full=True)
        return None if problem is None else f"the image fails validation ({problem.code})"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            with Image.open(path) as image:
                return f"{image.format} images are not allowed (PNG, JPEG or GIF)"
        except UnidentifiedImageError:
            return None
        except Exception as exc:  # noqa: BLE001 - Pillow knew the format but not the data
            return f"an image that cannot be decoded ({type(exc).__name__})"
