"""The catalog dialog's product table: it holds the pages of products it is given, and asks
for the next page (through the function it was given) as the view scrolls to the end."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from posapp.domain.money import format_rupiah
from posapp.domain.product import Product
from posapp.ui.common.models import (
    Index,
    MoreProducts,
    ProductPages,
    RawRole,
    RowsModel,
    SortRole,
)


class CatalogTableModel(RowsModel[Product]):
    """One product per row. Headers and the word for "inactive" are set by the dialog
    (translated); inactive products are shown in italics, greyed, with that word. With
    *more* given, the view asks for the next page as it scrolls to the end
    (``canFetchMore``/``fetchMore``)."""

    SKU, BARCODE, NAME, CATEGORY, MAKER_GROUP, REGION, PRICE, STOCK = range(8)
    COLUMN_COUNT = 8
    _NUMERIC = (PRICE, STOCK)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(["SKU", "Barcode", "Name", "Category", "Maker group", "Region",
                          "Price", "Stock"], parent)
        self.inactive_text = "inactive"
        self.pages = ProductPages()

    def set_rows(self, rows: Sequence[Product], more: MoreProducts | None = None) -> None:
        """Show *rows*; *more* reads the products after the last one, when there are."""
        self.pages.reset(rows, more)
        super().set_rows(self.pages.products)  # the same list: a page read adds to both

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.pages.has_more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        products = [] if parent.isValid() else self.pages.next_page()
        if products:
            first = len(self.pages.products)
            self.beginInsertRows(QModelIndex(), first, first + len(products) - 1)
            self.pages.products.extend(products)
            self.endInsertRows()

    def set_headers(self, headers: list[str], inactive_text: str | None = None) -> None:
        if inactive_text is not None:
            self.inactive_text = inactive_text
        super().set_headers(headers)
        self.refresh_column(self.NAME)

    def product_at(self, row: int) -> Product | None:
        return self.row_at(row)

    def row_of(self, product_id: int | None) -> int | None:
        """The row showing the product with this database id, if shown."""
        if product_id is None:
            return None
        return next((i for i, p in enumerate(self.pages.products) if p.id == product_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        product = self.product_at(index.row()) if index.isValid() else None
        if product is None:
            return None
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(product, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self._NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and not product.active:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and not product.active:
            return QApplication.palette().color(QPalette.ColorGroup.Disabled,
                                                QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.ToolTipRole:  # what a narrow screen's table leaves out
            return "\n".join(t for t in (self._text(product, self.NAME), product.barcode,
                                         " · ".join(filter(None, self._values(product)[3:6])))
                              if t)
        if role == RawRole:
            return product
        if role == SortRole:
            return self._values(product)[col]
        return None

    def _text(self, product: Product, col: int) -> str:
        if col == self.PRICE:
            return format_rupiah(product.price)
        if col == self.NAME and not product.active:
            return f"{product.name} ({self.inactive_text})"
        return str(self._values(product)[col])

    @staticmethod
    def _values(p: Product) -> tuple[Any, ...]:
        return (p.sku, p.barcode or "", p.name, p.category, p.maker_group, p.region,
                p.price, p.stock)
