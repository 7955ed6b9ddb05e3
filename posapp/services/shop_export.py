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
"""

from __future__ import annotations

import csv
from dataclasses import astuple, dataclass
from pathlib import Path

from posapp.domain.shop_product import ShopProduct
from posapp.printing.report_files import replacing
from posapp.sync import central_queries as q
from posapp.sync.central_store import Central

__all__ = ["COLUMNS", "ShopExport", "ShopProduct", "shop_products", "write_shop_csv"]

COLUMNS = ("sku", "barcode", "name", "category", "maker_group", "region", "price", "stock",
           "stand", "province")


@dataclass(frozen=True)
class ShopExport:
    path: Path
    products: int
    stands: int


def shop_products(central: Central, *, everything: bool = False) -> list[ShopProduct]:
    """Products by stand and SKU: active with stock left, or all with *everything*."""
    with central.reading() as conn:
        return q.shop_products(conn, everything=everything)


def write_shop_csv_at(target: str, path: Path, *, everything: bool = False) -> ShopExport:
    """``write_shop_csv`` from the central store *target* (a file or a URL)."""
    with Central(target, create=False) as central:
        return write_shop_csv(central, path, everything=everything)


def write_shop_csv(central: Central, path: Path, *, everything: bool = False) -> ShopExport:
    """Write the shop CSV at *path* (whole or not at all); say how many rows and stands."""
    products = shop_products(central, everything=everything)
    with replacing(Path(path)) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        writer.writerows(astuple(product) for product in products)
    return ShopExport(Path(path), len(products), len({p.stand for p in products}))
