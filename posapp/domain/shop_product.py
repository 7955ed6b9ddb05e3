"""What a stand has left to sell after the event: a row of the online-shop CSV."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ShopProduct:
    """One product of one stand, with the stock it reported last (its columns start with the
    stand catalog's, so one stand's rows import back as a catalog)."""

    sku: str
    barcode: str
    name: str
    category: str
    maker_group: str
    region: str
    price: int
    stock: int
    stand: str
    province: str
