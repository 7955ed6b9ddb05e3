"""Products in memory: found by barcode or SKU at once, searched as one types.

The catalog screen's list of every product (inactive ones too); the selling screen reads
its products from the database instead (``services.catalog_search``). Plain Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from posapp.domain.errors import NotFound
from posapp.domain.product import Product


@dataclass
class CatalogIndex:
    """Products by barcode and SKU, and lower-case text for searching (made on the first
    search)."""

    products: list[Product] = field(default_factory=list)
    by_code: dict[str, Product] = field(default_factory=dict)
    position: dict[int, int] = field(default_factory=dict)  # product id -> list index
    _haystack: list[str] | None = None

    @classmethod
    def of(cls, products: list[Product]) -> CatalogIndex:
        """An index of *products*, in the order given."""
        index = cls(products=products)
        index._index_codes()
        return index

    def _index_codes(self) -> None:
        by_code, position = self.by_code, self.position
        for i, p in enumerate(self.products):
            by_code[p.sku.upper()] = p
            if p.barcode:
                by_code[p.barcode] = p
            if p.id is not None:
                position[p.id] = i

    def add(self, product: Product) -> None:
        self.products.append(product)
        self._haystack = None
        self.by_code[product.sku.upper()] = product
        if product.barcode:
            self.by_code[product.barcode] = product
        if product.id is not None:
            self.position[product.id] = len(self.products) - 1

    @property
    def haystack(self) -> list[str]:
        if self._haystack is None:
            self._haystack = [
                f"{p.name} {p.sku} {p.barcode or ''} {p.maker_group} {p.category} "
                f"{p.region}".casefold()
                for p in self.products
            ]
        return self._haystack

    def find(self, code: str) -> Product:
        code = code.strip()
        product = self.by_code.get(code) or self.by_code.get(code.upper())
        if product is None:
            raise NotFound("catalog.unknown_code", code=code)
        return product

    def categories(self) -> list[str]:
        return sorted({p.category for p in self.products if p.category})

    def search(self, text: str = "", category: str | None = None) -> list[Product]:
        """Products whose name, SKU, barcode, maker group, category or region hold every word."""
        words = text.casefold().split()
        if not words:
            return (self.products if category is None
                    else [p for p in self.products if p.category == category])
        return [
            p for p, hay in zip(self.products, self.haystack, strict=True)
            if (category is None or p.category == category) and all(w in hay for w in words)
        ]
