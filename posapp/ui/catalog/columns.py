"""The catalog table's columns: it never scrolls sideways, and sizing it reads no products.

A page of the catalog holds hundreds of rows, so the columns are not measured on their
cells (that made the dialog open three times slower): each has a width for the longest
text it usually holds, the name takes the width left, and a long text ends in an ellipsis
(the row's tooltip says it whole). Where the name would keep less than ``NAME_CHARACTERS``,
the barcode, region, maker group and category are left out, in that order; the form beside
the table shows them for the chosen product.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from posapp.ui.catalog.model import CatalogTableModel as M
from posapp.ui.common.columns import FITS_WIDTH

#: What of a product's name the table keeps in view before it leaves out columns.
NAME_CHARACTERS = 24
#: The usual longest text of each column, in characters ("Rp 10.000.000", a 13-digit EAN).
_CHARACTERS = {M.SKU: 11, M.BARCODE: 13, M.CATEGORY: 14, M.MAKER_GROUP: 22, M.REGION: 12,
               M.PRICE: 13, M.STOCK: 5}
_SPARE = (M.BARCODE, M.REGION, M.MAKER_GROUP, M.CATEGORY)
_PADDING = 14  # a cell's margins and grid line


class CatalogColumns(QObject):
    """Fits *table*'s columns to its width, now and whenever it is resized."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(M.NAME, QHeaderView.ResizeMode.Stretch)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setProperty(FITS_WIDTH, True)
        table.viewport().installEventFilter(self)
        table.model().headerDataChanged.connect(self.fit)  # another language
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return super().eventFilter(watched, event)

    def fit(self, *_changed: object) -> None:
        header, digits = self.table.horizontalHeader(), self.table.fontMetrics()
        width = {col: max(header.sectionSizeHint(col),
                          digits.horizontalAdvance("0" * n) + _PADDING)
                 for col, n in _CHARACTERS.items()}
        room = self.table.viewport().width() - max(
            header.sectionSizeHint(M.NAME), digits.averageCharWidth() * NAME_CHARACTERS)
        hidden: set[int] = set()
        for col in _SPARE:
            if sum(w for c, w in width.items() if c not in hidden) <= room:
                break
            hidden.add(col)
        for col, w in width.items():
            header.setSectionHidden(col, col in hidden)
            if col not in hidden and header.sectionSize(col) != w:
                header.resizeSection(col, w)
