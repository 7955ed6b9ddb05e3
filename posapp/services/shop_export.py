"""After the event: what every stand has left, as a CSV to list on an online shop.

One row per product per stand, from the central store's ``product`` table (the stock the
stands reported with their last sync or merge). By default only active products with
stock left; ``everything=True`` lists all of them.

The file is UTF-8 with a byte order mark and comma-separated. Excel opens a CSV without
the mark in the computer's ANSI code page and turns "Café" into "CafÃ©"; with the mark it
reads UTF-8. Google Sheets, LibreOffice, Python's ``utf-8-sig`` and most importers skip
the mark. The marketplaces' bulk uploads (Shopee, Tokopedia) take their own Excel
templates, so the organizer copies the columns into those. The columns start with the
stand catalog's (docs/catalog-format.md), so one stand's rows import back as a catalog.

Photos go beside the CSV, as files a person (or a marketplace's image upload) can open: the
folder ``<csv name>-photos/`` holds ``<STAND>/<SKU>.jpg`` for each listed product with a photo,
and the CSV's last column, ``photo``, names that file relative to the CSV (empty: no photo).
A plain folder rather than a zip: the organizer drags the photos into an upload form.
The folder is written whole, then put in place of the previous export's.
"""

from __future__ import annotations

import csv
import re
import shutil
import tempfile
from dataclasses import astuple, dataclass
from pathlib import Path

from sqlalchemy import Connection, select

from posapp.domain.errors import StorageError
from posapp.domain.shop_product import ShopProduct
from posapp.domain.text import spreadsheet_cell
from posapp.printing.report_files import replacing
from posapp.sync import central_queries as q
from posapp.sync import central_schema as cs
from posapp.sync.central_store import Central

__all__ = ["COLUMNS", "ShopExport", "ShopProduct", "shop_products", "write_shop_csv"]

COLUMNS = ("sku", "barcode", "name", "category", "maker_group", "region", "price", "stock",
           "stand", "province", "photo")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")  # a SKU may hold a / or a : (not in a file name)


@dataclass(frozen=True)
class ShopExport:
    path: Path
    products: int
    stands: int
    photos: int = 0
    photo_folder: Path | None = None  # None when no listed product has a photo


def shop_products(central: Central, *, everything: bool = False) -> list[ShopProduct]:
    """Products by stand and SKU: active with stock left, or all with *everything*."""
    with central.reading() as conn:
        return q.shop_products(conn, everything=everything)


def write_shop_csv_at(target: str, path: Path, *, everything: bool = False) -> ShopExport:
    """``write_shop_csv`` from the central store *target* (a file or a URL)."""
    with Central(target, create=False) as central:
        return write_shop_csv(central, path, everything=everything)


def write_shop_csv(central: Central, path: Path, *, everything: bool = False) -> ShopExport:
    """Write the shop CSV at *path* (whole or not at all) and its photos beside it; say how
    many rows, stands and photos."""
    path = Path(path)
    with central.reading() as conn:
        products = q.shop_products(conn, everything=everything)
        folder = path.with_name(f"{path.stem}-photos")
        names = _write_photos(conn, products, folder)
    with replacing(path) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        writer.writerows(
            [spreadsheet_cell(v) for v in (*astuple(p), names.get((p.stand, p.sku), ""))]
            for p in products)
    return ShopExport(path, len(products), len({p.stand for p in products}), len(names),
                      folder if names else None)


def _write_photos(conn: Connection, products: list[ShopProduct],
                  folder: Path) -> dict[tuple[str, str], str]:
    """The listed products' photos as files in *folder* (replacing an earlier export's);
    (stand, sku) -> the file's path as the CSV names it. Nothing is written without photos."""
    listed = {(p.stand, p.sku) for p in products}
    ph = cs.product_photo
    rows = conn.execute(select(ph.c.stand, ph.c.sku, ph.c.data).order_by(ph.c.stand, ph.c.sku))
    names: dict[tuple[str, str], str] = {}
    staging: Path | None = None
    try:
        for stand, sku, data in rows:
            if (stand, sku) not in listed:
                continue
            if staging is None:
                staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}."))
            name = _file_name(staging / _UNSAFE.sub("_", stand), sku)
            (staging / name).parent.mkdir(exist_ok=True)
            (staging / name).write_bytes(data)
            names[(stand, sku)] = f"{folder.name}/{name}"
        if staging is not None:
            if folder.is_dir():
                shutil.rmtree(folder)
            staging.rename(folder)
            staging = None
    except OSError as exc:
        raise StorageError("storage.cannot_write", file=str(folder),
                           reason=str(exc.strerror or exc)) from None
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return names


def _file_name(stand_folder: Path, sku: str) -> str:
    """``STAND/SKU.jpg``, the SKU made safe for a file name (and unique in its folder)."""
    base = _UNSAFE.sub("_", sku)
    name, n = f"{base}.jpg", 1
    while (stand_folder / name).exists():
        n += 1
        name = f"{base}-{n}.jpg"
    return f"{stand_folder.name}/{name}"
