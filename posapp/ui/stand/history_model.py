"""The rows the history dialog shows: past sales and one sale's lines. No database here."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from posapp.domain.money import format_rupiah
from posapp.services.history import LineDetail, SaleSummary
from posapp.ui.common.models import Index, RawRole, RowsModel, SortRole
from posapp.ui.common.record_list import RIGHT, local_time


def matches(sale: SaleSummary, text: str) -> bool:
    """True when *text* is part of the receipt number, or (digits only) of the total."""
    wanted = text.strip().casefold()
    if not wanted or wanted in sale.receipt_no.casefold():
        return True
    amount = wanted.removeprefix("rp").strip()
    if not re.fullmatch(r"[\d.,]+", amount):
        return False
    digits = re.sub(r"\D", "", amount.removesuffix(",00"))
    return bool(digits) and digits in str(sale.total)


class SalesModel(RowsModel[SaleSummary]):
    """Past sales, what matters first: receipt, time in the stand's zone (date over hour),
    total, status, items, cashier (the column that takes the width left, elided when a
    name is longer). Each cell's tooltip says it whole, on one line."""

    RECEIPT, TIME, TOTAL, STATUS, ITEMS, CASHIER = range(6)

    def __init__(self, zone: ZoneInfo, parent: Any = None) -> None:
        super().__init__([], parent)
        self.zone = zone
        self.tips: list[str] = []
        self.texts: dict[int, tuple[str, ...]] = {}  # a row's cells, made once: a view
        self.retranslate()  # asks for each cell several times, and sizing asks every row

    def set_rows(self, rows: Sequence[SaleSummary]) -> None:
        self.texts.clear()
        super().set_rows(rows)

    def retranslate(self) -> None:
        self.texts.clear()
        self.set_headers([self.tr("Receipt"), self.tr("Time"), self.tr("Total"),
                          self.tr("Status"), self.tr("Items"), self.tr("Cashier")])
        self.tips = [self.tr("Receipt number"), self.tr("Date and time of the sale"),
                     self.tr("Total of the sale"), self.tr("Voided or refunded"),
                     self.tr("Number of items sold"), self.tr("Cashier who made the sale")]
        self.refresh_column(self.STATUS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return self.tips[section] if 0 <= section < len(self.tips) else None
        return super().headerData(section, orientation, role)

    def sale_at(self, row: int) -> SaleSummary | None:
        return self.row_at(row)

    def status(self, sale: SaleSummary) -> str:
        """Voided, refunded, or refunded in part (the amount on a second line)."""
        if sale.voided:
            return self.tr("Voided")
        if sale.refunded >= sale.total > 0:
            return self.tr("Refunded")
        if sale.refunded:
            return f"{self.tr('Refunded')}\n{format_rupiah(sale.refunded)}"
        return ""

    def _texts(self, row: int, sale: SaleSummary) -> tuple[str, ...]:
        texts = self.texts.get(row)
        if texts is None:
            when = local_time(sale.created_at, self.zone).replace(" ", "\n", 1)
            texts = self.texts[row] = (sale.receipt_no, when, format_rupiah(sale.total),
                                       self.status(sale), str(sale.items), sale.cashier)
        return texts

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        sale = self.sale_at(index.row()) if index.isValid() else None
        if sale is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts(index.row(), sale)[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == self.RECEIPT:  # what a narrow
            return self.tr("{receipt} · {cashier} · {items} items").format(  # list leaves out
                receipt=sale.receipt_no, cashier=sale.cashier, items=sale.items)
        if role == Qt.ItemDataRole.ToolTipRole:
            return " ".join(self._texts(index.row(), sale)[col].split("\n")) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.ITEMS, self.TOTAL):
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and sale.voided:  # greyed, as disabled
            return QApplication.palette().color(QPalette.ColorGroup.Disabled,
                                                QPalette.ColorRole.Text)
        if role == RawRole:
            return sale
        if role == SortRole:
            return (sale.receipt_no, sale.created_at, sale.total, self.status(sale),
                    sale.items, sale.cashier)[col]
        return None


class SaleLinesModel(RowsModel[LineDetail]):
    """One sale's lines; the dialog puts a refund-quantity spin box in the last column."""

    LINE, ITEM, QUANTITY, PRICE, TOTAL, REFUNDED, REFUND = range(7)

    def __init__(self, parent: Any = None) -> None:
        super().__init__([], parent)
        self.retranslate()

    def retranslate(self) -> None:
        self.set_headers(["#", self.tr("Item"), self.tr("Qty"), self.tr("Price"),
                          self.tr("Total"), self.tr("Refunded"), self.tr("Refund qty")])

    def line_at(self, row: int) -> LineDetail | None:
        return self.row_at(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.line_at(index.row()) if index.isValid() else None
        if line is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(line.line_no), f"{line.name}\n{line.sku}", str(line.quantity),
                    format_rupiah(line.unit_price), format_rupiah(line.total),
                    str(line.refunded) if line.refunded else "", "")[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == self.ITEM:
            return f"{line.name} · {line.sku}"  # whole, where the cell elides a long name
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.ITEM:
            return RIGHT
        if role == RawRole:
            return line
        return None

