"""The orders list: filter and search on the left; one order (scanned, typed or picked) on
the right with its lines, payments and balance, and what can be done with it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.errors import NotFound, PosError
from posapp.domain.money import format_rupiah
from posapp.domain.order import ORDER_STATUSES, TO_COLLECT, OrderStatus, kind_sign
from posapp.services import orders
from posapp.services.orders import OrderView
from posapp.services.session.stand import StandSession
from posapp.ui.common.errors import user_message
from posapp.ui.common.i18n import current_language
from posapp.ui.common.pin_prompt import TOUCH, touch_button
from posapp.ui.common.qris_view import QrisImageFactory
from posapp.ui.common.widgets import big_label
from posapp.ui.orders.actions import OrderActions
from posapp.ui.orders.models import (
    OVERDUE_COLOUR,
    OrderLinesModel,
    OrdersModel,
    OrderWords,
    day,
    is_overdue,
    order_matches,
)
from posapp.ui.orders.order_dialog import CurrencyEstimate
from posapp.ui.stand.history_model import local_time

# The filter's choices: a status, those still to collect, or every order.
FILTERS: tuple[str, ...] = ("collect", *(s.status.value for s in ORDER_STATUSES), "all")


class OrdersDialog(QDialog):
    """Orders taken at this stand; pay, mark ready, hand over, cancel, print the slip."""

    changed = Signal(set)  # after a step: product ids whose stock changed (a cancel restocks)
    slip_requested = Signal(str)  # an order number whose slip should go to the printer
    new_order_requested = Signal()
    payment_opened = Signal(object)  # a payment dialog opened (the buyer's display follows)

    def __init__(self, session: StandSession, parent: QWidget | None = None, *, today: date,
                 qris_image: QrisImageFactory | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ordersDialog")
        self.session, self.today = session, today
        self.order: OrderView | None = None  # the open order
        self._orders: list[OrderView] = []
        self._spins: dict[int, QSpinBox] = {}  # line number -> pieces to hand over
        self._selecting = False
        self.words = OrderWords(self)
        self.estimate = CurrencyEstimate(session, self)
        self._build()
        self.actions_ = OrderActions(self, qris_image)
        self.retranslate()
        self.refresh()

    def _build(self) -> None:
        self.filter = QComboBox(self, objectName="ordersFilter")
        for key in FILTERS:
            self.filter.addItem(key, key)
        self.search = QLineEdit(self, objectName="ordersSearch", clearButtonEnabled=True)
        self.model = OrdersModel(self.today, self)
        self.table = self._table("ordersTable", self.model, OrdersModel.BUYER)
        self.new_button = touch_button(self, "newOrderButton")
        self.order_input = QLineEdit(self, objectName="orderNumberInput")
        self.open_button = touch_button(self, "openOrderButton")
        self.title = big_label("orderTitleLabel", 13, self)
        self.title.setWordWrap(True)
        self.buyer_label = QLabel(self, objectName="orderBuyerLabel", wordWrap=True)
        self.due_label = QLabel(self, objectName="orderDueLabel")
        self.lines_model = OrderLinesModel(self)
        self.lines_table = self._table("orderLinesTable", self.lines_model, OrderLinesModel.ITEM)
        self.payments = QListWidget(self, objectName="orderPaymentsList")
        self.payments.setMaximumHeight(110)
        self.money = big_label("orderMoneyLabel", 13, self)
        self.money.setWordWrap(True)
        self.estimate_label = QLabel(self, objectName="orderEstimateLabel", wordWrap=True)
        self.tracking = QLineEdit(self, objectName="trackingInput", maxLength=200)
        self.buttons = {name: touch_button(self, name) for name in (
            "payOrderButton", "readyButton", "handOverButton", "cancelOrderButton",
            "printSlipButton")}
        self.status_label = QLabel(self, objectName="ordersStatusLabel", wordWrap=True)
        self.status_label.setStyleSheet("color: #1b5e20; font-weight: bold;")
        self.error_label = QLabel(self, objectName="ordersErrorLabel", wordWrap=True)
        self.error_label.setStyleSheet("color: #c62828; font-weight: bold;")
        self.close_button = touch_button(self, "ordersCloseButton")
        for w in (self.status_label, self.error_label):
            w.hide()
        for w in (self.filter, self.search, self.order_input, self.tracking):
            w.setMinimumHeight(TOUCH)
        self._lay_out()
        self.filter.currentIndexChanged.connect(self._apply_filter)
        self.search.textChanged.connect(self._apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.order_input.returnPressed.connect(self._number_entered)
        self.open_button.clicked.connect(self._number_entered)
        self.new_button.clicked.connect(self.new_order_requested.emit)
        self.close_button.clicked.connect(self.reject)
        self.resize(1240, 720)

    def _lay_out(self) -> None:
        left = QGridLayout()
        left.addWidget(self.filter, 0, 0)
        left.addWidget(self.search, 0, 1)
        left.addWidget(self.table, 1, 0, 1, 2)
        left.addWidget(self.new_button, 2, 0, 1, 2)
        right = QGridLayout()
        right.addWidget(self.order_input, 0, 0, 1, 4)
        right.addWidget(self.open_button, 0, 4)
        for row, widget in enumerate((self.title, self.buyer_label, self.due_label), start=1):
            right.addWidget(widget, row, 0, 1, 5)
        right.addWidget(self.lines_table, 4, 0, 1, 5)
        right.addWidget(self.payments, 5, 0, 1, 5)
        right.addWidget(self.money, 6, 0, 1, 5)
        right.addWidget(self.estimate_label, 7, 0, 1, 5)
        right.addWidget(self.tracking, 8, 0, 1, 5)
        for col, button in enumerate(self.buttons.values()):
            right.addWidget(button, 9, col)
        right.addWidget(self.status_label, 10, 0, 1, 5)
        right.addWidget(self.error_label, 11, 0, 1, 5)
        right.addWidget(self.close_button, 12, 0, 1, 5)
        right.setRowStretch(4, 1)
        layout = QHBoxLayout(self)
        box = QVBoxLayout()
        box.addLayout(left)
        layout.addLayout(box, 2)
        layout.addLayout(right, 3)

    def _table(self, name: str, model: OrdersModel | OrderLinesModel, stretch: int) -> QTableView:
        view = QTableView(self, objectName=name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(TOUCH + 4)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return view

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Orders"))
        lang = current_language()
        for i, text in enumerate((self.tr("To collect (open and ready)"),
                                  *(s.status.label.text(lang) for s in ORDER_STATUSES),
                                  self.tr("All orders"))):
            self.filter.setItemText(i, text)
        self.filter.setAccessibleName(self.tr("Show orders"))
        for edit, text in ((self.search, self.tr("Search by order number or buyer")),
                           (self.order_input, self.tr("Scan or type an order number")),
                           (self.tracking, self.tr("Picked up, or the courier and tracking "
                                                   "number"))):
            edit.setPlaceholderText(text)
            edit.setAccessibleName(text)
        for button, text, accessible in (
            (self.new_button, self.tr("New order (Shift+F12)"), self.tr("New order")),
            (self.open_button, self.tr("Open order"), self.tr("Open order")),
            (self.buttons["payOrderButton"], self.tr("Pay…"), self.tr("Pay towards the order")),
            (self.buttons["readyButton"], self.tr("Mark ready"), self.tr("Mark ready")),
            (self.buttons["handOverButton"], self.tr("Hand over…"), self.tr("Hand over")),
            (self.buttons["cancelOrderButton"], self.tr("Cancel order…"),
             self.tr("Cancel order")),
            (self.buttons["printSlipButton"], self.tr("Print slip"),
             self.tr("Print the order slip again")),
            (self.close_button, self.tr("Close (Esc)"), self.tr("Close")),
        ):
            button.setText(text)
            button.setAccessibleName(accessible)
        self.table.setAccessibleName(self.tr("Orders"))
        self.lines_table.setAccessibleName(self.tr("Lines of the order"))
        self.payments.setAccessibleName(self.tr("Payments of the order"))
        self.model.retranslate()
        self.lines_model.retranslate()
        self._show_order()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the list ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the orders again."""
        try:
            self._orders = orders.list_orders(self.session.handle.uow(write=False))
        except PosError as exc:
            self.say(user_message(exc), error=True)
            return
        self._apply_filter()

    def _shown(self, order: OrderView) -> bool:
        key = self.filter.currentData()
        status_ok = (key == "all" or (key == "collect" and order.status in TO_COLLECT)
                     or order.status.value == key)
        return status_ok and order_matches(order, self.search.text())

    def _apply_filter(self) -> None:
        self.model.set_rows([o for o in self._orders if self._shown(o)])
        if self.order is not None:
            self._select(self.order.order_no)

    def _select(self, order_no: str) -> bool:
        row = self.model.row_of(order_no)
        self._selecting = True
        if row < 0:
            self.table.clearSelection()
        else:
            self.table.selectRow(row)
        self._selecting = False
        return row >= 0

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        order = self.model.order_at(current.row())
        if order is not None and not self._selecting:
            self.show_order(order)

    # -- one order ---------------------------------------------------------------------------
    def open_order(self, code: str) -> bool:
        """Open the order numbered *code* (typed, or its slip scanned); the reason if none."""
        code = code.strip()
        if not code:
            return False
        try:
            order = orders.get(self.session.handle.uow(write=False), code)
        except NotFound as exc:
            self.say(user_message(exc), error=True)
            return False
        self.show_order(order)
        if not self._select(order.order_no):
            self.search.clear()
            if not self._select(order.order_no):  # not in this filter: list them all
                self.filter.setCurrentIndex(FILTERS.index("all"))
                self._select(order.order_no)
        return True

    def _number_entered(self) -> None:
        if self.open_order(self.order_input.text()):
            self.order_input.clear()

    def show_order(self, order: OrderView) -> None:
        self.order = order
        self.lines_model.set_rows(list(order.lines))
        for old in self._spins.values():
            old.setParent(None)
        self._spins = {}
        collect = order.status in TO_COLLECT
        for row, line in enumerate(order.lines):
            spin = QSpinBox(self.lines_table, objectName=f"handOverQty{line.line_no}")
            left = line.quantity - line.delivered
            spin.setRange(0, left)
            spin.setValue(left if collect else 0)
            spin.setEnabled(collect and left > 0)
            spin.setMinimumHeight(TOUCH)
            self.lines_table.setIndexWidget(
                self.lines_model.index(row, OrderLinesModel.HAND_OVER), spin)
            self._spins[line.line_no] = spin
        self.tracking.setText(order.tracking)
        for w in (self.status_label, self.error_label):
            w.hide()
        self._show_order()

    def pieces(self) -> dict[int, int]:
        """{line number: pieces} chosen to hand over now."""
        return {no: spin.value() for no, spin in self._spins.items() if spin.value() > 0}

    def _show_order(self) -> None:
        order = self.order
        self._update_buttons()
        if order is None:
            self.title.setText(self.tr("Scan the order slip, type its number, or pick an "
                                       "order."))
            for w in (self.buyer_label, self.due_label, self.money, self.estimate_label):
                w.clear()
            self.estimate_label.hide()
            self.payments.clear()
            return
        self.title.setText(" · ".join((
            order.order_no, self.words.status(order.status),
            local_time(order.created_at, self.session.info.zone))))
        b = order.buyer
        where = (self.tr("ship to {address}").format(address=b.address) if b.ships
                 else self.tr("picked up at the stand"))
        self.buyer_label.setText(" · ".join(x for x in (b.name, b.phone, b.email, b.country,
                                                        where, order.note) if x))
        overdue = is_overdue(order, self.today)
        due = self.tr("Due {date}").format(date=day(order.due))
        overdue_text = self.tr("OVERDUE")
        self.due_label.setText(f"{due} · {overdue_text}" if overdue else due)
        self.due_label.setStyleSheet(f"color: {OVERDUE_COLOUR}; font-weight: bold;"
                                     if overdue else "")
        self.payments.clear()
        for p in order.payments:
            sign = kind_sign(p.kind)
            self.payments.addItem(" · ".join((
                local_time(p.at, self.session.info.zone), self.words.kind(p.kind),
                self.words.method(p.method), format_rupiah(sign * p.amount))))
        self.money.setText(self.tr("Total {total} · paid {paid} · balance due {balance}").format(
            total=format_rupiah(order.total), paid=format_rupiah(order.paid),
            balance=format_rupiah(order.balance)))
        estimate = self.estimate.text(order.buyer.country, order.total, order.balance)
        self.estimate_label.setText(estimate)
        self.estimate_label.setVisible(bool(estimate))
        for spin, line in zip(self._spins.values(), order.lines, strict=False):
            spin.setAccessibleName(self.tr("Pieces to hand over: {item}").format(item=line.name))

    def _update_buttons(self) -> None:
        order = self.order
        collect = order is not None and order.status in TO_COLLECT
        self.buttons["payOrderButton"].setEnabled(collect and order is not None
                                                  and order.balance > 0)
        self.buttons["readyButton"].setEnabled(order is not None
                                               and order.status is OrderStatus.OPEN)
        self.buttons["handOverButton"].setEnabled(collect)
        self.buttons["cancelOrderButton"].setEnabled(collect)
        self.buttons["printSlipButton"].setEnabled(order is not None)
        self.tracking.setEnabled(collect)

    # -- after a step ------------------------------------------------------------------------
    def after_step(self, order: OrderView, message: str, *, slip: bool = True,
                   stock: set[int] | None = None) -> None:
        """An order changed: list and detail read again, the message, the slip printed."""
        self.refresh()
        self.show_order(order)
        self._select(order.order_no)
        self.say(message, error=False)
        if slip:
            self.slip_requested.emit(order.order_no)
        self.changed.emit(stock or set())

    def say(self, text: str, *, error: bool) -> None:
        shown, hidden = ((self.error_label, self.status_label) if error
                         else (self.status_label, self.error_label))
        shown.setText(text)
        shown.show()
        hidden.hide()

    def on_scan(self, code: str) -> None:
        """A scanner burst aimed at this dialog: the order slip's number."""
        self.open_order(code)
