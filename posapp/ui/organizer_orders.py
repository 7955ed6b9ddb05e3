"""The organizer's orders tab: per stand the orders, open ones, overdue ones, deposits held
and balances due (v_stand_order_totals), and the list of open orders with the overdue ones
marked. Order money is apart from sales: nothing here is in the stand table's net."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.money import format_rupiah
from posapp.domain.open_orders import OpenOrder, OrdersSummary, StandOrders
from posapp.ui.models import Index, RawRole, RowsModel, SortRole
from posapp.ui.organizer_table import RIGHT, StandFilter
from posapp.ui.widgets import TOUCH_HEIGHT, big_label

LATE = QColor("#b00020")


def _day(iso: str | None) -> str:
    """``2026-06-26`` -> ``26-06-2026`` (as the stand table writes dates); "-" for none."""
    if not iso:
        return "-"
    year, month, day = iso.split("-")
    return f"{day}-{month}-{year}"


class StandOrdersModel(RowsModel[StandOrders]):
    """A row per stand that took orders; headers are set (translated) by the pane."""

    STAND, PROVINCE, ORDERS, OPEN, OVERDUE, HANDED_OVER, CANCELLED, HELD, DUE = range(9)
    MONEY = (HELD, DUE)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(["Stand", "Province", "Orders", "Open", "Overdue", "Handed over",
                          "Cancelled", "Deposits held", "Balances due"], parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        s = self.row_at(index.row()) if index.isValid() else None
        if s is None:
            return None
        col = index.column()
        values = (s.stand, s.province, s.orders, s.open_orders, s.overdue, s.handed_over,
                  s.cancelled, s.deposits_held, s.balances_due)
        if role == Qt.ItemDataRole.DisplayRole:
            value = values[col]
            return format_rupiah(int(value)) if col in self.MONEY else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= self.ORDERS:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and col == self.OVERDUE and s.overdue:
            return QBrush(LATE)
        if role == SortRole:
            return values[col]
        if role == RawRole:
            return s
        return None


class OpenOrdersModel(RowsModel[OpenOrder]):
    """The open orders; an overdue one in red with "overdue" after its due date."""

    ORDER, STAND, BUYER, COUNTRY, DUE, STATUS, TOTAL, PAID, BALANCE = range(9)
    MONEY = (TOTAL, PAID, BALANCE)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(["Order", "Stand", "Buyer", "Country", "Due", "Status", "Total",
                          "Paid", "Balance due"], parent)
        self.words: dict[str, str] = {"overdue": "overdue", "open": "open", "ready": "ready",
                                      "pick_up": "picked up at the stand",
                                      "made_to_order": "made to order"}

    def set_words(self, words: dict[str, str]) -> None:
        """The translated words the cells use; the cells are shown again."""
        self.words = words
        for col in (self.DUE, self.STATUS, self.ORDER):
            self.refresh_column(col)

    def due_text(self, o: OpenOrder) -> str:
        return f"{_day(o.due)} ({self.words['overdue']})" if o.overdue else _day(o.due)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        o = self.row_at(index.row()) if index.isValid() else None
        if o is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (o.order_no, o.stand, o.buyer_name, o.country or "-", self.due_text(o),
                    self.words.get(o.status, o.status), format_rupiah(o.total),
                    format_rupiah(o.paid), format_rupiah(o.balance_due))[col]
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.ORDER, self.BUYER):
            return self._details(o)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.MONEY:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and o.overdue:
            return QBrush(LATE)
        if role == Qt.ItemDataRole.FontRole and o.overdue and col == self.DUE:
            font = QFont()
            font.setBold(True)
            return font
        if role == SortRole:
            return (o.order_no, o.stand, o.buyer_name.lower(), o.country, o.due or "9999",
                    o.status, o.total, o.paid, o.balance_due)[col]
        if role == RawRole:
            return o
        return None

    def _details(self, o: OpenOrder) -> str:
        """The buyer's contact, the address, and the lines, for the tooltip."""
        contact = " · ".join(v for v in (o.phone, o.email) if v)
        lines = [f"{ln.quantity} × {ln.name}"
                 + (f" ({self.words['made_to_order']})" if ln.custom else "")
                 for ln in o.lines]
        return "\n".join([f"{o.order_no}: {o.buyer_name}", contact,
                          o.address or self.words["pick_up"], *lines, o.note])


def _table(name: str, parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(TOUCH_HEIGHT - 8)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
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
        self.stand_proxy.setSourceModel(self.stand_model)
        self.stand_table = _table("standOrdersTable", self)
        self.stand_table.setModel(self.stand_proxy)
        self.stand_table.sortByColumn(StandOrdersModel.STAND, Qt.SortOrder.AscendingOrder)
        self.open_title = big_label("openOrdersTitle", 11, self)
        self.open_model = OpenOrdersModel(self)
        self.open_proxy = StandFilter(self, field="stand")
        self.open_proxy.setSourceModel(self.open_model)
        self.open_table = _table("openOrdersTable", self)
        self.open_table.setModel(self.open_proxy)
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
        self.stand_model.set_headers([
            self.tr("Stand"), self.tr("Province"), self.tr("Orders"), self.tr("Open"),
            self.tr("Overdue"), self.tr("Handed over"), self.tr("Cancelled"),
            self.tr("Deposits held"), self.tr("Balances due")])
        self.open_model.set_headers([
            self.tr("Order"), self.tr("Stand"), self.tr("Buyer"), self.tr("Country"),
            self.tr("Due"), self.tr("Status"), self.tr("Total"), self.tr("Paid"),
            self.tr("Balance due")])
        self.open_model.set_words({
            "overdue": self.tr("overdue"), "open": self.tr("open"), "ready": self.tr("ready"),
            "pick_up": self.tr("picked up at the stand"),
            "made_to_order": self.tr("made to order")})
        self._show_totals()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
