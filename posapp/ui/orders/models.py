"""The rows the order screens show: the orders list, one order's lines, the lines of an order
being taken; and the small rules they share (overdue, search, what an order number looks
like). No database here."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from posapp.domain.money import format_rupiah
from posapp.domain.order import TO_COLLECT, OrderItem, OrderStatus, kind_label
from posapp.domain.tender import method_label
from posapp.services.orders import OrderLineView, OrderView
from posapp.ui.common.i18n import current_language
from posapp.ui.common.models import Index, RawRole, RowsModel
from posapp.ui.common.record_list import RIGHT, row_tip

OVERDUE_COLOUR = "#c62828"
CANCELLED_COLOUR = "#757575"
_ORDER_NO = re.compile(r"[A-Za-z0-9]+-[Pp]\d{5,}")


def looks_like_order_no(code: str) -> bool:
    """True for an order slip's number (``JATIM-P00001``), typed or scanned."""
    return bool(_ORDER_NO.fullmatch(code.strip()))


def is_overdue(order: OrderView, today: date) -> bool:
    """Not handed over (nor cancelled) by its due date."""
    return order.status in TO_COLLECT and order.due is not None and order.due < today


def order_matches(order: OrderView, text: str) -> bool:
    """*text* is part of the order number, or of the buyer's name, phone or email."""
    wanted = text.strip().casefold()
    b = order.buyer
    return not wanted or any(wanted in field.casefold() for field in (
        order.order_no, b.name, b.phone, b.email))


def day(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else "—"


class OrderWords(QObject):
    """Statuses, payment kinds and methods in the user's language."""

    def status(self, status: OrderStatus) -> str:
        return status.label.text(current_language())

    def overdue(self) -> str:
        return self.tr("overdue")

    def kind(self, kind: str) -> str:
        return kind_label(kind, current_language())

    def method(self, method: str) -> str:
        return method_label(method, current_language())


class OrdersModel(RowsModel[OrderView]):
    """Orders: number, buyer, due date, status ("overdue" on a second line), total,
    balance due; an overdue order's row in red. A narrow list leaves columns out (see
    ``SPARE``): each row's tooltip says the whole order."""

    ORDER, BUYER, DUE, STATUS, TOTAL, BALANCE = range(6)
    # Left out in this order where the list lacks the room, the least needed first: the
    # open order shows its total, an overdue order's row is red, and the filter already
    # chooses the status.
    SPARE = (TOTAL, DUE, STATUS)

    def __init__(self, today: date, parent: Any = None) -> None:
        super().__init__([], parent)
        self.today = today
        self.words = OrderWords(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.set_headers([self.tr("Order"), self.tr("Buyer"), self.tr("Due"),
                          self.tr("Status"), self.tr("Total"), self.tr("Balance due")])
        self.refresh_column(self.STATUS)

    def order_at(self, row: int) -> OrderView | None:
        return self.row_at(row)

    def status(self, order: OrderView) -> str:
        text = self.words.status(order.status)
        return f"{text}\n{self.words.overdue()}" if is_overdue(order, self.today) else text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        order = self.order_at(index.row()) if index.isValid() else None
        if order is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (order.order_no, order.buyer.name, day(order.due), self.status(order),
                    format_rupiah(order.total), format_rupiah(order.balance))[col]
        if role == Qt.ItemDataRole.ToolTipRole:  # whole, with what a narrow list leaves out
            return row_tip(self, index.row(), (self.ORDER, self.BUYER))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.TOTAL, self.BALANCE):
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if is_overdue(order, self.today):  # the whole row: a narrow list hides the date
                return QBrush(QColor(OVERDUE_COLOUR))  # (a Qt.GlobalColor is not drawn)
            if order.status is OrderStatus.CANCELLED:
                return QBrush(QColor(CANCELLED_COLOUR))
        if role == RawRole:
            return order
        return None


class OrderLinesModel(RowsModel[OrderLineView]):
    """One order's lines; the dialog puts a hand-over spin box in the last column. A
    narrow table leaves columns out (``SPARE``): each row's tooltip says the whole line."""

    LINE, ITEM, QUANTITY, PRICE, TOTAL, RESERVED, DELIVERED, HAND_OVER = range(8)
    # Left out in this order where the item's name would keep too little, the least needed
    # first: what is reserved, the unit price (the total stays), the line's number.
    SPARE = (RESERVED, PRICE, LINE)

    def __init__(self, parent: Any = None) -> None:
        super().__init__([], parent)
        self.retranslate()

    def retranslate(self) -> None:
        self.set_headers(["#", self.tr("Item"), self.tr("Qty"), self.tr("Price"),
                          self.tr("Total"), self.tr("Reserved"), self.tr("Delivered"),
                          self.tr("Hand over")])

    def line_at(self, row: int) -> OrderLineView | None:
        return self.row_at(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.line_at(index.row()) if index.isValid() else None
        if line is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(line.line_no), line.name, str(line.quantity),
                    format_rupiah(line.unit_price), format_rupiah(line.total),
                    str(line.reserved) if line.reserved else "",
                    f"{line.delivered} / {line.quantity}", "")[col]
        if role == Qt.ItemDataRole.ToolTipRole:  # whole, with what a narrow table leaves out
            return row_tip(self, index.row(), (self.LINE, self.ITEM))
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.ITEM:
            return RIGHT
        if role == RawRole:
            return line
        return None


@dataclass(frozen=True)
class DraftLine:
    """A line of an order being taken; *stock* for catalog items, *reserved* once saved."""

    item: OrderItem
    stock: int | None = None
    reserved: int | None = None


def merge_line(lines: list[DraftLine], new: DraftLine) -> int:
    """Add *new* to *lines* (a catalog item already there gets the pieces); its row."""
    if new.item.sku is not None:
        for row, line in enumerate(lines):
            if line.item.sku == new.item.sku and line.item.unit_price == new.item.unit_price:
                quantity = line.item.quantity + new.item.quantity
                lines[row] = replace(line, item=replace(line.item, quantity=quantity))
                return row
    lines.append(new)
    return len(lines) - 1


class DraftLinesModel(RowsModel[DraftLine]):
    """The lines of the order being taken; the editor puts a quantity spin box in QUANTITY."""

    ITEM, QUANTITY, PRICE, TOTAL, RESERVED = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__([], parent)
        self.retranslate()

    def retranslate(self) -> None:
        self.set_headers([self.tr("Item"), self.tr("Qty"), self.tr("Price"), self.tr("Total"),
                          self.tr("Reserved")])
        self.refresh_column(self.ITEM)

    def replace_row(self, row: int, line: DraftLine) -> None:
        """One line changed (its pieces): its cells are redrawn, nothing else."""
        rows = list(self._rows)
        rows[row] = line
        self._rows = rows
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.RESERVED))

    def detail(self, line: DraftLine) -> str:
        if line.item.sku is None:
            return self.tr("made to order")
        if line.stock is None:
            return line.item.sku
        return self.tr("{sku} · {n} in stock").format(sku=line.item.sku, n=line.stock)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.row_at(index.row()) if index.isValid() else None
        if line is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (f"{line.item.name}\n{self.detail(line)}", str(line.item.quantity),
                    format_rupiah(line.item.unit_price), format_rupiah(line.item.total),
                    "" if line.reserved is None else str(line.reserved))[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.ITEM:
            return RIGHT
        if role == RawRole:
            return line
        return None
