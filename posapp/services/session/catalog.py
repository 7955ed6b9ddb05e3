"""The stand's catalog: every product (inactive too) a page at a time, imports, edits, stock
changes, photos."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from posapp.bootstrap import StandHandle
from posapp.domain.product import Product
from posapp.services import catalog, photos
from posapp.services.catalog import ImportResult, StockChange
from posapp.services.catalog_edit import save_product
from posapp.services.catalog_files import read_catalog_file
from posapp.services.catalog_pages import CatalogPages
from posapp.services.catalog_search import PAGE, CatalogSearch, Page
from posapp.services.photos import FolderImport, Photo, PhotoChange
from posapp.services.session.base import Desk, Progress
from posapp.services.users import Approval


def load_catalog(handle: StandHandle) -> CatalogSearch:
    """The stand's active products, for the selling screen: read from the database as they
    are asked for (nothing is loaded here)."""
    return CatalogSearch(handle.reader)


@dataclass(frozen=True)
class Imported:
    """A catalog file imported: the counts and the session's catalog afresh."""

    result: ImportResult
    selling: CatalogSearch  # active products, for the selling screen


class CatalogDesk(Desk):
    def page(self, text: str = "", *, after: Product | None = None,
             size: int = PAGE) -> Page:
        """Every product of the stand (inactive ones too) by category and name, or those
        *text* finds, a page after the product *after* (``CatalogPages.page``)."""
        return CatalogPages(self.handle.reader).page(text, after=after, size=size)

    def product(self, product_id: int) -> Product | None:
        """The product with this id as stored now (inactive too), or None."""
        return CatalogPages(self.handle.reader).product(product_id)

    def selling(self) -> CatalogSearch:
        """The active products, as the selling screen searches them."""
        return load_catalog(self.handle)

    def import_file(self, path: Path, progress: Progress, *,
                    approval: Approval | None = None) -> Imported:
        """Read and import *path* (all or nothing), then load the catalog afresh; slow work,
        for a background thread. A cashier needs a supervisor's *approval*."""
        progress(0, 3)
        rows = read_catalog_file(path)
        progress(1, 3)
        result = catalog.import_catalog(self.write(), rows, actor=self.cashier(),
                                        approval=approval)
        progress(2, 3)
        fresh = Imported(result, self.selling())
        progress(3, 3)
        return fresh

    def save(self, product: Product, *, approval: Approval | None = None) -> Product:
        """Add or change a product (the cashier's role is checked by the service: a new
        product or a new price needs a supervisor's *approval*)."""
        return save_product(self.write(), self.cashier(), product, approval=approval)

    def adjust_stock(self, sku: str, delta: int, reason: str) -> StockChange:
        return catalog.adjust_stock(self.write(), self.cashier(), sku, delta, reason)

    # -- photos ------------------------------------------------------------------------
    #: Counts the photo changes made through this desk: a window's photo cache compares it
    #: to what it last saw, and reads which products have photos again when it moved.
    photo_generation = 0

    def photo(self, sku: str) -> Photo | None:
        """Product *sku*'s photo (JPEG bytes), or None when it has none."""
        return photos.photo(self.read(), sku)

    def photo_stamps(self) -> dict[str, datetime]:
        """The SKUs with a photo and when each was set (no image is read)."""
        return photos.photo_stamps(self.read())

    def set_photo(self, sku: str, path: Path) -> PhotoChange:
        """Give product *sku* the image file *path* as its photo (resized; the user's right
        to change the catalog is checked by the service)."""
        change = photos.set_photo_from_file(self.write(), self.cashier(), sku, path)
        self.photo_generation += 1
        return change

    def remove_photo(self, sku: str) -> PhotoChange:
        change = photos.remove_photo(self.write(), self.cashier(), sku)
        self.photo_generation += 1
        return change

    def import_photos(self, folder: Path, progress: Progress) -> FolderImport:
        """Every image of *folder* named by a SKU or barcode (slow: for a background thread)."""
        try:
            return photos.import_folder(self.handle.uow, self.cashier(), folder,
                                        progress=progress)
        finally:
            self.photo_generation += 1
