"""The organizer's orders tab: per stand the orders, open ones, overdue ones, deposits held
and balances due, and the list of open orders with the overdue ones marked (the event
report's tables: posapp/domain/open_order_columns.py). Order money is apart from sales:
nothing here is in the stand table's net."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.messages import text
from posapp.domain.money import format_rupiah
from posapp.domain.open_order_columns import OPEN_ORDER_COLUMNS, STAND_ORDER_COLUMNS, OrderItems
from posapp.domain.open_orders import OpenOrder, OrdersSummary, StandOrders
from posapp.ui.common.columns import fit_width
from posapp.ui.common.i18n import current_language
from posapp.ui.common.models import Index
from posapp.ui.common.widgets import TOUCH_HEIGHT, big_label
from posapp.ui.organizer.table import ColumnsModel, StandFilter

LATE = QColor("#b00020")


class StandOrdersModel(ColumnsModel[StandOrders]):
    """A row per stand that took orders (the event report's orders per stand)."""

    STAND = ColumnsModel.at(STAND_ORDER_COLUMNS, "event_report.code")
    PROVINCE = ColumnsModel.at(STAND_ORDER_COLUMNS, "event_report.province")
    ORDERS = ColumnsModel.at(STAND_ORDER_COLUMNS, "event_report.orders_count")
    OPEN = ColumnsModel.at(STAND_ORDER_COLUMNS, "event_report.open_orders")
    OVERDUE = ColumnsModel.at(STAND_ORDER_COLUMNS, "event_report.overdue")
    HANDED_OVER = ColumnsModel.at(STAND_ORDER_COLUMNS, "event_report.handed_over")
    CANCELLED = ColumnsModel.at(STAND_ORDER_COLUMNS, "event_report.cancelled")
    HELD = ColumnsModel.at(STAND_ORDER_COLUMNS, "event_report.deposits_held")
    DUE = ColumnsModel.at(STAND_ORDER_COLUMNS, "event_report.balances_due")
    FIRST = (STAND, PROVINCE)
    # Left out in this order where the table lacks the room, the least needed first (what
    # is still open, late and owed stays).
    SPARE = (CANCELLED, HANDED_OVER, ORDERS, HELD)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(STAND_ORDER_COLUMNS, parent=parent)

    def more(self, row: StandOrders, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == self.OVERDUE and row.overdue:
            return QBrush(LATE)
        return None


class OpenOrdersModel(ColumnsModel[OpenOrder]):
    """The open orders (the event report's); an overdue one in red with "overdue" after its
    due date."""

    ORDER = ColumnsModel.at(OPEN_ORDER_COLUMNS, "event_report.order_no")
    STAND = ColumnsModel.at(OPEN_ORDER_COLUMNS, "event_report.stand")
    STATUS = ColumnsModel.at(OPEN_ORDER_COLUMNS, "event_report.status")
    BUYER = ColumnsModel.at(OPEN_ORDER_COLUMNS, "event_report.buyer")
    COUNTRY = ColumnsModel.at(OPEN_ORDER_COLUMNS, "event_report.country")
    DUE = ColumnsModel.at(OPEN_ORDER_COLUMNS, "event_report.due")
    TOTAL = ColumnsModel.at(OPEN_ORDER_COLUMNS, "event_report.order_total")
    PAID = ColumnsModel.at(OPEN_ORDER_COLUMNS, "event_report.paid")
    BALANCE = ColumnsModel.at(OPEN_ORDER_COLUMNS, "event_report.balance_due")
    FIRST = (ORDER, BUYER)
    # Left out in this order where the table lacks the room, the least needed first (the
    # order, its buyer, when it is due and what is still owed stay; the order number
    # starts with the stand's code).
    SPARE = (COUNTRY, PAID, TOTAL, STATUS, STAND)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(OPEN_ORDER_COLUMNS, parent=parent)

    def retranslate(self, lang: str) -> None:
        super().retranslate(lang)
        self.refresh_column(self.DUE)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        o = self.row_at(index.row()) if index.isValid() else None
        if o is not None and o.overdue and index.column() == self.DUE \
                and role == Qt.ItemDataRole.DisplayRole:
            late = text("event_report.overdue", self.lang).lower()
            return f"{super().data(index, role)} ({late})"
        return super().data(index, role)

    def tip(self, row: OpenOrder, number: int) -> str:
        """The buyer's contact, the address and the lines, then the row's other columns."""
        lines = [*self._details(row).split("\n"), *super().tip(row, number).split("\n")[1:]]
        return "\n".join(line for line in lines if line)

    def more(self, row: OpenOrder, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return QBrush(LATE)
        if role == Qt.ItemDataRole.FontRole and row.overdue and column == self.DUE:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _details(self, o: OpenOrder) -> str:
        """The buyer's contact, the address, and the lines, for the tooltip."""
        contact = " · ".join(v for v in (o.phone, o.email) if v)
        return "\n".join([f"{o.order_no}: {o.buyer_name}", contact,
                          o.address or text("event_report.pick_up", self.lang),
                          *OrderItems(o.lines).each(self.lang), o.note])


# What of a province's or a buyer's name a table keeps in view before it leaves out columns.
NAME_CHARACTERS = 20


def _table(name: str, parent: QWidget, model: ColumnsModel[Any], proxy: StandFilter,
           stretch: int) -> QTableView:
    """A sortable table of *model* (through *proxy*) that never scrolls sideways: column
    *stretch* takes the width left, and the model's SPARE columns are left out where it
    would keep less than NAME_CHARACTERS."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(TOUCH_HEIGHT - 8)
    proxy.setSourceModel(model)
    table.setModel(proxy)
    fit_width(table, stretch, getattr(model, "SPARE", ()), keep=NAME_CHARACTERS)
    return table


class OrdersPane(QWidget):
    """The orders per stand above, the open orders below, their totals at the bottom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ordersPane")
        self.summary: OrdersSummary | None = None
        self.note = QLabel(self)
        self.note.setObjectName("ordersNote")
        self.note.setWordWrap(True)
        self.stands_title = big_label("standOrdersTitle", 11, self)
        self.stand_model = StandOrdersModel(self)
        self.stand_proxy = StandFilter(self, field="stand")
        self.stand_table = _table("standOrdersTable", self, self.stand_model, self.stand_proxy,
                                  StandOrdersModel.PROVINCE)
        self.stand_table.sortByColumn(StandOrdersModel.STAND, Qt.SortOrder.AscendingOrder)
        self.open_title = big_label("openOrdersTitle", 11, self)
        self.open_model = OpenOrdersModel(self)
        self.open_proxy = StandFilter(self, field="stand")
        self.open_table = _table("openOrdersTable", self, self.open_model, self.open_proxy,
                                 OpenOrdersModel.BUYER)
        self.open_table.sortByColumn(OpenOrdersModel.DUE, Qt.SortOrder.AscendingOrder)
        self.totals = big_label("ordersTotals", 11, self, bold=False)
        self.totals.setWordWrap(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 0, 0)
        box.addWidget(self.note)
        box.addWidget(self.stands_title)
        box.addWidget(self.stand_table, 1)
        box.addWidget(self.open_title)
        box.addWidget(self.open_table, 2)
        box.addWidget(self.totals)
        self.retranslate()

    def show_orders(self, summary: OrdersSummary, stand: str = "") -> None:
        """Show *summary* (the stands that took orders), one stand's when *stand* is set."""
        self.summary = summary
        self.stand_model.set_rows(summary.with_orders())
        self.open_model.set_rows(summary.open)
        self.set_stand(stand)

    def set_stand(self, stand: str) -> None:
        self.stand_proxy.set_code(stand)
        self.open_proxy.set_code(stand)
        self._show_totals()

    def shown(self) -> OrdersSummary | None:
        """The figures of the stands shown (the stand filter applied)."""
        return self.summary.only(self.stand_proxy.code) if self.summary else None

    def tab_text(self) -> str:
        shown = self.shown()
        if shown is None:
            return self.tr("Orders")
        total = shown.total
        if total.overdue:
            return self.tr("Orders ({open} open, {overdue} overdue)").format(
                open=total.open_orders, overdue=total.overdue)
        return self.tr("Orders ({open} open)").format(open=total.open_orders)

    def _show_totals(self) -> None:
        shown = self.shown()
        if shown is None:
            self.totals.setText("")
            return
        t = shown.total
        self.totals.setText(self.tr(
            "{orders} orders · {open} open · {overdue} overdue · deposits held {held} · "
            "balances due {due}").format(
            orders=t.orders, open=t.open_orders, overdue=t.overdue,
            held=format_rupiah(t.deposits_held), due=format_rupiah(t.balances_due)))

    def retranslate(self) -> None:
        self.note.setText(self.tr(
            "Orders for later delivery. Their money (deposits and balances) is kept apart "
            "from sales: it is in no net figure. Overdue: not handed over, due before today."))
        self.stands_title.setText(self.tr("Orders per stand"))
        self.open_title.setText(self.tr("Open orders"))
        self.stand_table.setAccessibleName(self.tr("Orders per stand"))
        self.open_table.setAccessibleName(self.tr("Open orders, overdue ones in red"))
        lang = current_language()
        self.stand_model.retranslate(lang)
        self.open_model.retranslate(lang)
        self._show_totals()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
