"""A product as the stand sells it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Product:
    """One catalog entry. ``price`` is whole rupiah; 0 means an open price (set at the session)."""

    sku: str
    name: str
    price: int
    barcode: str | None = None
    category: str = ""
    maker_group: str = ""
    region: str = ""
    stock: int = 0
    active: bool = True
    id: int | None = None
