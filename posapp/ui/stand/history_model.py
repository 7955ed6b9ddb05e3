"""The rows the history dialog shows: past sales and one sale's lines. No database here."""

from __future__ import annotations

import re
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt

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
    """Past sales: receipt, time in the stand's zone, cashier, items, total, status."""

    RECEIPT, TIME, CASHIER, ITEMS, TOTAL, STATUS = range(6)

    def __init__(self, zone: ZoneInfo, parent: Any = None) -> None:
        super().__init__([], parent)
        self.zone = zone
        self.retranslate()

    def retranslate(self) -> None:
        self.set_headers([self.tr("Receipt"), self.tr("Time"), self.tr("Cashier"),
                          self.tr("Items"), self.tr("Total"), self.tr("Status")])
        self.refresh_column(self.STATUS)

    def sale_at(self, row: int) -> SaleSummary | None:
        return self.row_at(row)

    def status(self, sale: SaleSummary) -> str:
        if sale.voided:
            return self.tr("Voided")
        if sale.refunded >= sale.total > 0:
            return self.tr("Refunded")
        if sale.refunded:
            return self.tr("Refunded {amount}").format(amount=format_rupiah(sale.refunded))
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        sale = self.sale_at(index.row()) if index.isValid() else None
        if sale is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (sale.receipt_no, local_time(sale.created_at, self.zone), sale.cashier,
                    str(sale.items), format_rupiah(sale.total), self.status(sale))[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.ITEMS, self.TOTAL):
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and sale.voided:
            return Qt.GlobalColor.gray
        if role == RawRole:
            return sale
        if role == SortRole:
            return (sale.receipt_no, sale.created_at, sale.cashier, sale.items, sale.total,
                    self.status(sale))[col]
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
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.ITEM:
            return RIGHT
        if role == RawRole:
            return line
        return None

