"""Turning an image file into a product photo as the stand keeps it (Pillow).

A photo is shown on a selling tile (about 100 to 200 px), in the cart (a small thumbnail),
on the buyer's display and in the online-shop export. It is kept at most ``MAX_SIDE`` px on
its longest side, as a baseline JPEG at ``JPEG_QUALITY``: every Qt build reads JPEG (the
stand bundle's imageformats too), the marketplaces' uploads take it, and at 512 px a busy
photo (a circuit board, a batik's fine lines) is ~60 kB at quality 82 (WebP 80: ~49 kB, 18 %
less, not worth a format some uploads refuse); 1,000 photos are ~40-60 MB in the stand file.
The stand bundle carries no WebP reader (packaging/posapp.spec: 0.9 MB past its size
target); there a WebP file is refused with that reason, not as "not an image".
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError, features

from posapp.domain.errors import InvalidInput

#: What a photo file may be, by its name's ending (case-insensitive).
SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
#: Pillow's names of the formats read.
FORMATS = ("JPEG", "PNG", "WEBP")
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 60_000_000  # a 60-megapixel camera; more is a decompression bomb, not a photo
MIN_SIDE = 100  # smaller looks blurred on a tile
MAX_SIDE = 512
JPEG_QUALITY = 82
FORMAT = "jpeg"


@dataclass(frozen=True)
class Prepared:
    """A photo ready to store: JPEG bytes and their size in pixels."""

    data: bytes
    width: int
    height: int
    format: str = FORMAT


def read_photo_file(path: Path) -> Prepared:
    """*path* read, checked and made a stand photo; InvalidInput with the reason otherwise."""
    name = path.name
    if path.suffix.lower() not in SUFFIXES:
        raise InvalidInput("photo.not_an_image", name=name)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InvalidInput("photo.file_too_large", name=name,
                               size=_megabytes(size), limit=MAX_FILE_BYTES // (1024 * 1024))
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput("photo.unreadable", name=name,
                           reason=str(exc.strerror or exc)) from None
    return prepare(data, name)


def prepare(data: bytes, name: str) -> Prepared:
    """The image bytes *data* (of file *name*) checked, turned upright, resized, as JPEG."""
    if len(data) > MAX_FILE_BYTES:
        raise InvalidInput("photo.file_too_large", name=name, size=_megabytes(len(data)),
                           limit=MAX_FILE_BYTES // (1024 * 1024))
    readable = _readable_formats()
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP" and "WEBP" not in readable:
        raise InvalidInput("photo.webp_unsupported", name=name)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image: Image.Image = Image.open(io.BytesIO(data), formats=readable)
        except UnidentifiedImageError:
            raise InvalidInput("photo.not_an_image", name=name) from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise InvalidInput("photo.too_many_pixels", name=name,
                               limit=MAX_PIXELS // 1_000_000) from None
        except (OSError, ValueError, SyntaxError):  # a known format, cut off in its header
            raise InvalidInput("photo.broken", name=name) from None
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise InvalidInput("photo.too_many_pixels", name=name,
                               limit=MAX_PIXELS // 1_000_000)
        if min(width, height) < MIN_SIDE:
            raise InvalidInput("photo.too_small", name=name, width=width, height=height,
                               least=MIN_SIDE)
        try:
            if image.format == "JPEG":  # decode a camera's JPEG at 1/2..1/8: 5x faster
                image.draft("RGB", (MAX_SIDE, MAX_SIDE))
            image.load()
            image = ImageOps.exif_transpose(image) or image
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombWarning):
            raise InvalidInput("photo.broken", name=name) from None
    image = _on_white(image)
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return Prepared(out.getvalue(), image.width, image.height)


def _readable_formats() -> list[str]:
    """FORMATS this Pillow can open: the stand bundle leaves WebP's library out (0.9 MB)."""
    Image.init()
    return [f for f in FORMATS if f in Image.OPEN
            and (f != "WEBP" or features.check_module("webp"))]


def _on_white(image: Image.Image) -> Image.Image:
    """RGB, with any transparency laid on white (a PNG cut-out stays readable on a tile)."""
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return image.convert("RGB")


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"
