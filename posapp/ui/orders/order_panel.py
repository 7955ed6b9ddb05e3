"""The orders list's right side: one order (number, status, buyer, due date, its lines with
the pieces to hand over, payments, balance and an estimate in the buyer's currency), the
tracking field and the buttons of what can be done with it. It shows an order; the orders
dialog and its actions do what the buttons ask."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QListWidget, QSpinBox, QWidget

from posapp.domain.money import format_rupiah
from posapp.domain.order import TO_COLLECT, OrderStatus, kind_sign
from posapp.services.orders import OrderView
from posapp.services.session.stand import StandSession
from posapp.ui.common.pin_prompt import TOUCH, touch_button
from posapp.ui.common.record_list import list_table, local_time
from posapp.ui.common.widgets import big_label, set_role
from posapp.ui.orders.models import OVERDUE_COLOUR, OrderLinesModel, OrderWords, day, is_overdue
from posapp.ui.orders.order_dialog import CurrencyEstimate

# The buttons under an order, in the order they stand.
BUTTONS = ("payOrderButton", "readyButton", "handOverButton", "cancelOrderButton",
           "printSlipButton")


# What of an item's name the order's lines keep in view before they leave out columns.
ITEM_CHARACTERS = 14


class OrderPanel(QWidget):
    """The open order and which of its steps are live."""

    def __init__(self, session: StandSession, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone, self.today = session.info.zone, today
        self.order: OrderView | None = None  # the open order
        self.spins: dict[int, QSpinBox] = {}  # line number -> pieces to hand over
        self.words = OrderWords(self)
        self.estimate = CurrencyEstimate(session, self)
        self.title = big_label("orderTitleLabel", 13, self)
        self.title.setWordWrap(True)
        self.buyer_label = QLabel(self, objectName="orderBuyerLabel", wordWrap=True)
        self.due_label = QLabel(self, objectName="orderDueLabel")
        self.lines_model = OrderLinesModel(self)
        self.lines_table = list_table(  # no sideways scroll: the item's name elided, then
            self, "orderLinesTable", self.lines_model, OrderLinesModel.ITEM,  # the spare
            fits=True, spare=OrderLinesModel.SPARE, keep=ITEM_CHARACTERS)  # columns out
        self.payments = QListWidget(self, objectName="orderPaymentsList")
        self.payments.setMaximumHeight(110)
        self.money = big_label("orderMoneyLabel", 13, self)
        self.money.setWordWrap(True)
        self.estimate_label = QLabel(self, objectName="orderEstimateLabel", wordWrap=True)
        self.tracking = QLineEdit(self, objectName="trackingInput", maxLength=200)
        self.tracking.setMinimumHeight(TOUCH)
        self.buttons = {name: touch_button(self, name) for name in BUTTONS}
        self.status_label = QLabel(self, objectName="ordersStatusLabel", wordWrap=True)
        set_role(self.status_label, "success")
        self.error_label = QLabel(self, objectName="ordersErrorLabel", wordWrap=True)
        set_role(self.error_label, "error")
        for w in (self.status_label, self.error_label):
            w.hide()
        self._lay_out()

    def _lay_out(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        span = len(self.buttons)
        for row, widget in enumerate((self.title, self.buyer_label, self.due_label,
                                      self.lines_table, self.payments, self.money,
                                      self.estimate_label, self.tracking)):
            grid.addWidget(widget, row, 0, 1, span)
        for col, button in enumerate(self.buttons.values()):
            grid.addWidget(button, 8, col)
        grid.addWidget(self.status_label, 9, 0, 1, span)
        grid.addWidget(self.error_label, 10, 0, 1, span)
        grid.setRowStretch(3, 1)

    def focus_chain(self) -> list[QWidget]:
        """Tab's order through the order: its lines, payments, tracking, then the buttons."""
        return [self.lines_table, self.payments, self.tracking, *self.buttons.values()]

    def retranslate(self) -> None:
        text = self.tr("Picked up, or the courier and tracking number")
        self.tracking.setPlaceholderText(text)
        self.tracking.setAccessibleName(text)
        for name, label, accessible in (
            ("payOrderButton", self.tr("Pay…"), self.tr("Pay towards the order")),
            ("readyButton", self.tr("Mark ready"), self.tr("Mark ready")),
            ("handOverButton", self.tr("Hand over…"), self.tr("Hand over")),
            ("cancelOrderButton", self.tr("Cancel order…"), self.tr("Cancel order")),
            ("printSlipButton", self.tr("Print slip"), self.tr("Print the order slip again")),
        ):
            self.buttons[name].setText(label)
            self.buttons[name].setAccessibleName(accessible)
        self.lines_table.setAccessibleName(self.tr("Lines of the order"))
        self.payments.setAccessibleName(self.tr("Payments of the order"))
        self.lines_model.retranslate()
        self._show_order()

    # -- one order ---------------------------------------------------------------------------
    def show_order(self, order: OrderView, today: date) -> None:
        """Show *order* as it stands on *today*; every piece left is ready to hand over."""
        self.order, self.today = order, today
        self.lines_model.set_rows(list(order.lines))
        for old in self.spins.values():
            old.setParent(None)
        self.spins = {}
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
            self.spins[line.line_no] = spin
        self.tracking.setText(order.tracking)
        for w in (self.status_label, self.error_label):
            w.hide()
        self._show_order()

    def pieces(self) -> dict[int, int]:
        """{line number: pieces} chosen to hand over now."""
        return {no: spin.value() for no, spin in self.spins.items() if spin.value() > 0}

    def _show_order(self) -> None:
        order = self.order
        self.update_buttons()
        if order is None:
            self.title.setText(self.tr("Scan the order slip, type its number, or pick an "
                                       "order."))
            for w in (self.buyer_label, self.due_label, self.money, self.estimate_label):
                w.clear()
            self.estimate_label.hide()
            self.payments.clear()
            return
        self.title.setText(" · ".join((order.order_no, self.words.status(order.status),
                                       local_time(order.created_at, self.zone))))
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
            self.payments.addItem(" · ".join((
                local_time(p.at, self.zone), self.words.kind(p.kind),
                self.words.method(p.method), format_rupiah(kind_sign(p.kind) * p.amount))))
        self.money.setText(self.tr("Total {total} · paid {paid} · balance due {balance}").format(
            total=format_rupiah(order.total), paid=format_rupiah(order.paid),
            balance=format_rupiah(order.balance)))
        estimate = self.estimate.text(order.buyer.country, order.total, order.balance)
        self.estimate_label.setText(estimate)
        self.estimate_label.setVisible(bool(estimate))
        for spin, line in zip(self.spins.values(), order.lines, strict=False):
            spin.setAccessibleName(self.tr("Pieces to hand over: {item}").format(item=line.name))

    def update_buttons(self) -> None:
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

    def say(self, text: str, *, error: bool) -> None:
        shown, hidden = ((self.error_label, self.status_label) if error
                         else (self.status_label, self.error_label))
        shown.setText(text)
        shown.show()
        hidden.hide()
