"""The stand's catalog: every product (inactive too), imports, edits and stock changes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from posapp.domain.product import Product
from posapp.services import catalog
from posapp.services.catalog import ImportResult, StockChange
from posapp.services.catalog_edit import save_product
from posapp.services.catalog_files import read_catalog_file
from posapp.services.session.base import Desk, Progress
from posapp.services.till import CatalogIndex


@dataclass(frozen=True)
class Imported:
    """A catalog file imported: the counts, the till's catalog and every product afresh."""

    result: ImportResult
    selling: CatalogIndex  # active products, for the selling screen
    everything: CatalogIndex  # inactive ones too, for the catalog screen


class CatalogDesk(Desk):
    def everything(self) -> CatalogIndex:
        """Every product of the stand, inactive ones too, searchable like the till's catalog."""
        index = CatalogIndex()
        for product in catalog.list_products(self.read(), include_inactive=True):
            index.add(product)
        return index

    def selling(self) -> CatalogIndex:
        """The active products, as the selling screen searches them."""
        return CatalogIndex.load(self.handle)

    def import_file(self, path: Path, progress: Progress) -> Imported:
        """Read and import *path* (all or nothing), then load the catalog afresh; slow work,
        for a background thread."""
        progress(0, 3)
        rows = read_catalog_file(path)
        progress(1, 3)
        result = catalog.import_catalog(self.write(), rows)
        progress(2, 3)
        fresh = Imported(result, self.selling(), self.everything())
        progress(3, 3)
        return fresh

    def save(self, product: Product) -> Product:
        """Add or change a product (the cashier's role is checked by the service)."""
        return save_product(self.write(), self.cashier(), product)

    def adjust_stock(self, sku: str, delta: int, reason: str) -> StockChange:
        return catalog.adjust_stock(self.write(), self.cashier(), sku, delta, reason)
