"""Hostile image files, made in the test (never committed): each name in ``IMAGES`` is written
next to the copy of tests/hostile/ that the corpus test validates, where a case refers to it."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable

from PIL import Image


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int, before_ihdr: bytes = b"") -> bytes:
    """A PNG whose header says ``width``×``height`` (pixel data empty: nothing to decode)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + before_ihdr + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b""))
            + chunk(b"IEND", b""))


def chunk_before_ihdr() -> bytes:
    """177 megapixels behind a private chunk placed first, whose data (bytes 16-24 of the file)
    read as 10×10: a reader of the header's fixed offsets sees a small image."""
    return png(15_000, 11_800, chunk(b"prVt", struct.pack(">II", 10, 10)))


def gif(frames: int, size: tuple[int, int] = (10, 10)) -> bytes:
    images = [Image.new("RGB", size, (i % 256, 255 - i % 256, (7 * i) % 256)) for i in range(frames)]
    out = io.BytesIO()
    images[0].save(out, "GIF", save_all=True, append_images=images[1:], optimize=False)
    return out.getvalue()


def descriptors(data: bytes) -> list[int]:
    """Offsets of a GIF's image descriptors (``,`` blocks), walking its block structure."""
    flags = data[10]
    at = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    found = []
    while at < len(data) and data[at] != 0x3B:
        if data[at] == 0x21:  # extension: label, then sub-blocks
            at += 2
        else:  # image descriptor: 9 bytes, a local table, the LZW code size, then sub-blocks
            found.append(at)
            local = data[at + 9]
            at += 10 + (3 << ((local & 7) + 1) if local & 0x80 else 0) + 1
        while data[at]:
            at += data[at] + 1
        at += 1
    return found


def gif_frame_outside() -> bytes:
    """A 10×10 animation whose third frame says it is 5,000×5,000 (its logical screen stays 10×10)."""
    data = bytearray(gif(3))
    third = descriptors(bytes(data))[2]
    data[third + 5:third + 9] = struct.pack("<HH", 5_000, 5_000)
    return bytes(data)


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.effect_noise((400, 300), 60).convert("RGB").save(out, "JPEG", quality=90)
    return out.getvalue()


def truncated_jpeg() -> bytes:
    """Cut inside its header, before the frame's size (validation reads the markers)."""
    data = jpeg()
    return data[: data.index(b"\xff\xc0") + 4]


def bad_crc_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (50, 40), (10, 120, 30)).save(out, "PNG")
    data = bytearray(out.getvalue())
    data[-20] ^= 0xFF  # inside the IDAT chunk: its checksum no longer matches
    return bytes(data)


IMAGES: dict[str, Callable[[], bytes]] = {
    "huge-177mp.png": lambda: png(15_000, 11_800),
    "chunk-before-ihdr.png": chunk_before_ihdr,
    "frame-outside.gif": gif_frame_outside,
    "many-frames.gif": lambda: gif(100),
    "truncated.jpg": truncated_jpeg,
    "bad-crc.png": bad_crc_png,
    "drawing.svg": lambda: b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
}
