"""Photos on one product in a hundred: a folder of camera-sized JPEGs through
``photos.import_folder``, as ``posapp catalog photos`` imports them."""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

from posapp.services import photos

from ._common import Result, time_ms
from ._stand import BigStand

EVERY = 100  # one product in a hundred: 1,000 of 100,000
SOURCES = 12  # distinct pictures, each saved under many names


def photo_folder(folder: Path, rows: list[list[object]]) -> Path:
    """One 1600x1200 JPEG (a phone photo's kind of detail) for every EVERY-th product, from
    row 1 on (so some of the benchmark's scanned products have one); half named by
    barcode, half by SKU."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(12)
    pictures = [_picture(rng) for _ in range(SOURCES)]
    for i, row in enumerate(rows[1::EVERY]):
        name = str(row[1]) if row[1] and i % 2 else str(row[0])
        (folder / f"{name}.jpg").write_bytes(pictures[i % SOURCES])
    return folder


def _picture(rng: random.Random) -> bytes:
    """Cloth-like stripes and dots, blurred a little and with grain: what a JPEG works on."""
    import io

    image = Image.new("RGB", (1600, 1200), tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(400):
        x, y, r = rng.randrange(1600), rng.randrange(1200), rng.randrange(4, 60)
        draw.ellipse((x - r, y - r, x + r, y + r),
                     fill=tuple(rng.randrange(256) for _ in range(3)))
    for x in range(0, 1600, rng.randrange(9, 30)):
        draw.line((x, 0, x - 300, 1200), fill=tuple(rng.randrange(256) for _ in range(3)),
                  width=3)
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    grain = Image.effect_noise((1600, 1200), 24).convert("RGB")
    image = Image.blend(image, grain, 0.12)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def run(big: BigStand, folder: Path, rows: list[list[object]]) -> list[Result]:
    """Import the photo folder into the big stand; the import's time and the stored size."""
    source = photo_folder(folder / "photos", rows)
    files = len(list(source.iterdir()))
    done: list[photos.FolderImport] = []
    ms = time_ms(lambda: done.append(photos.import_folder(big.handle.uow, None, source)))
    result = done[0]
    if result.imported != files or result.skipped:
        raise RuntimeError(f"photo import: {result}")
    with big.handle.uow(write=False) as uow:
        stored = uow.connection.exec_driver_sql(
            "SELECT COUNT(*), SUM(LENGTH(data)) FROM product_photo").one()
    return [Result(f"photos: import a folder of {files:,} images", [ms],
                   note=f"1600x1200 JPEGs to 512 px; {stored[1] / stored[0] / 1000:.0f} kB "
                        f"a photo stored, {stored[1] / 1e6:.0f} MB in all")]
