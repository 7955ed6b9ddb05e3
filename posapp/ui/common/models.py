"""Qt models: they hold rows the session gives them and never query the database."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPixmap

from posapp.domain.cart import PricedLine, Totals
from posapp.domain.money import format_rupiah
from posapp.domain.product import Product

Index = QModelIndex | QPersistentModelIndex
RawRole = Qt.ItemDataRole.UserRole + 1  # the row's record (Product or PricedLine)
SortRole = Qt.ItemDataRole.UserRole + 2
T = TypeVar("T")


class RowsModel(QAbstractTableModel, Generic[T]):
    """Records as rows and translated column headers; a subclass says what a cell shows."""

    def __init__(self, headers: list[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: Sequence[T] = ()
        self.headers = headers

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def set_headers(self, headers: list[str]) -> None:
        self.headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def refresh_column(self, column: int) -> None:
        """Tell the views one column's cells changed (after a language switch)."""
        if self._rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))


#: The products after a given one (None: from the start), and whether more follow them.
MoreProducts = Callable[[Product], tuple[list[Product], bool]]


class ProductPages:
    """The pages of products a model has read so far, and how it reads the next one (for
    its ``canFetchMore``/``fetchMore``)."""

    def __init__(self) -> None:
        self.products: list[Product] = []
        self._more: MoreProducts | None = None

    def reset(self, products: Sequence[Product], more: MoreProducts | None) -> None:
        """The first page; *more* reads the products after the last one, when there are."""
        self.products = list(products)
        self._more = more if products else None

    @property
    def has_more(self) -> bool:
        return self._more is not None

    def next_page(self) -> list[Product]:
        """The products after the last one read ([] when all are): not added yet, the
        model adds them between its insert signals."""
        if self._more is None:
            return []
        products, more = self._more(self.products[-1])
        if not more:
            self._more = None
        return products


class ProductGridModel(QAbstractTableModel):
    """Products laid out as a grid of *columns* cells per row (virtualized by QTableView).

    It holds the pages read so far: with *more* given, the view asks for the next page as
    it scrolls to the end (``canFetchMore``/``fetchMore``), the session reads it."""

    def __init__(self, columns: int = 4, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.pages = ProductPages()

    def set_rows(self, products: list[Product], more: MoreProducts | None = None) -> None:
        """Show *products*; *more* reads the products after the last one, when there are."""
        self.beginResetModel()
        self.pages.reset(products, more)
        self.endResetModel()

    @property
    def products(self) -> list[Product]:
        """The products read so far, in the order shown."""
        return self.pages.products

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.pages.has_more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        products = [] if parent.isValid() else self.pages.next_page()
        if not products:
            return
        rows = self.rowCount()
        count = len(self.products) + len(products)
        last = -(-count // self.columns) - 1
        if last >= rows:
            self.beginInsertRows(QModelIndex(), rows, last)
        self.products.extend(products)
        if last >= rows:
            self.endInsertRows()
        if rows:  # the old last row may have filled up
            self.dataChanged.emit(self.index(rows - 1, 0), self.index(rows - 1, self.columns - 1))

    def set_columns(self, columns: int) -> None:
        if columns != self.columns:
            self.beginResetModel()
            self.columns = max(1, columns)
            self.endResetModel()

    def product_at(self, index: Index) -> Product | None:
        if not index.isValid():
            return None
        i = index.row() * self.columns + index.column()
        return self.products[i] if i < len(self.products) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else -(-len(self.products) // self.columns)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.columns

    def flags(self, index: Index) -> Qt.ItemFlag:
        if self.product_at(index) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        product = self.product_at(index)
        if product is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            price = format_rupiah(product.price) if product.price else "—"
            return f"{product.name}\n{price}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{product.sku} · {product.maker_group} · {product.region}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{product.name}, {format_rupiah(product.price)}"
        if role == RawRole:
            return product
        return None


_CART_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole,
                         Qt.ItemDataRole.DecorationRole, RawRole, SortRole})


class CartModel(RowsModel[PricedLine]):
    """The cart's priced lines. Column headers are set by the window (translated).

    With *photo_for* (``PhotoCache.at_size``), a line whose product has a photo shows it as
    a small picture before its name; a line without one shows none and looks as before.
    """

    NAME, QUANTITY, PRICE, DISCOUNT, TOTAL = range(5)

    def __init__(self, parent: Any = None, *,
                 photo_for: Callable[[str], QPixmap | None] | None = None) -> None:
        super().__init__(["Item", "Qty", "Price", "Discount", "Total"], parent)
        self.photo_for = photo_for
        self._photo_side: int | None = None  # None: not looked at since the lines changed

    def set_photo_source(self, photo_for: Callable[[str], QPixmap | None] | None) -> None:
        """Show photos from *photo_for* (None: none), e.g. after they changed."""
        self.photo_for = photo_for
        self._photo_side = None
        self.refresh_column(self.NAME)

    def set_totals(self, totals: Totals) -> None:
        """Show *totals*; a same-length update only signals changed cells."""
        self._photo_side = None
        if len(totals.lines) == len(self._rows) and self._rows:
            self._rows = totals.lines
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.TOTAL))
            return
        self.set_rows(totals.lines)

    def line_at(self, row: int) -> PricedLine | None:
        return self.row_at(row)

    def text(self, line: PricedLine, col: int) -> str:
        """What the cell of *line* in column *col* says."""
        if col == self.NAME:
            return line.line.product.name
        if col == self.QUANTITY:
            return str(line.line.quantity)
        if col == self.PRICE:
            return format_rupiah(line.line.unit_price)
        if col == self.DISCOUNT:
            off = line.line_discount + line.cart_discount
            return format_rupiah(-off) if off else ""
        return format_rupiah(line.total)

    def _photo(self, sku: str) -> QPixmap | None:
        """The line's photo; an empty picture of the same size when another line has a
        photo and this one has none, so that the names stay in one column."""
        assert self.photo_for is not None
        if self._photo_side is None:
            sides = [max(p.width(), p.height()) / p.devicePixelRatio() for p in
                     (self.photo_for(ln.line.product.sku) for ln in self._rows) if p]
            self._photo_side = round(max(sides)) if sides else 0
        found = self.photo_for(sku)
        if found is None and self._photo_side:
            found = QPixmap(self._photo_side, self._photo_side)
            found.fill(Qt.GlobalColor.transparent)
        return found

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # a view asks every cell for many roles: those shown here are answered first
        if role not in _CART_ROLES:
            return None
        line = self.line_at(index.row()) if index.isValid() else None
        if line is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(line, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and col == self.NAME and self.photo_for:
            return self._photo(line.line.product.sku)
        if role == RawRole:
            return line
        if role == SortRole:
            return (line.line.product.name, line.line.quantity, line.line.unit_price,
                    line.line_discount + line.cart_discount, line.total)[col]
        return None
