"""The orders list: filter and search on the left; one order (scanned, typed or picked) on
the right with its lines, payments and balance, and what can be done with it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from posapp.domain.errors import NotFound, PosError
from posapp.domain.order import ORDER_STATUSES, TO_COLLECT
from posapp.services.orders import OrderView
from posapp.services.session.stand import StandSession
from posapp.ui.common.errors import user_message
from posapp.ui.common.fit import fit_dialog
from posapp.ui.common.i18n import current_language
from posapp.ui.common.pin_prompt import TOUCH, touch_button
from posapp.ui.common.record_list import RecordList, set_tab_order
from posapp.ui.orders.actions import OrderActions
from posapp.ui.orders.models import OrdersModel, order_matches
from posapp.ui.orders.order_panel import OrderPanel

# What of a buyer's name the list keeps in view before it leaves out columns.
BUYER_CHARACTERS = 12
# What of the filter's choice shows in the list's bar (its list shows them whole).
FILTER_CHARACTERS = 16
# What a narrow list keeps of the search box beside the filter.
SEARCH_CHARACTERS = 14

# The filter's choices: a status, those still to collect, or every order.
FILTERS: tuple[str, ...] = ("collect", *(s.status.value for s in ORDER_STATUSES), "all")


def in_filter(order: OrderView, key: str) -> bool:
    """True when *order* belongs to the filter's choice *key*."""
    return (key == "all" or (key == "collect" and order.status in TO_COLLECT)
            or order.status.value == key)


class OrdersDialog(QDialog):
    """Orders taken at this stand; pay, mark ready, hand over, cancel, print the slip."""

    changed = Signal(set)  # after a step: product ids whose stock changed (a cancel restocks)
    slip_requested = Signal(str)  # an order number whose slip should go to the printer
    new_order_requested = Signal()
    payment_opened = Signal(object)  # a payment dialog opened (the buyer's display follows)

    def __init__(self, session: StandSession, parent: QWidget | None = None, *, today: date,
                 qris_payload: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("ordersDialog")
        self.session, self.today = session, today
        self._build()
        self.actions_ = OrderActions(self, self, qris_payload)
        for name, verb in (("payOrderButton", self.actions_.pay),
                           ("readyButton", self.actions_.mark_ready),
                           ("handOverButton", self.actions_.hand_over),
                           ("cancelOrderButton", self.actions_.cancel),
                           ("printSlipButton", self.actions_.print_slip)):
            self.detail.buttons[name].clicked.connect(verb)
        self.actions_.payment_opened.connect(self.payment_opened)
        self.actions_.slip_requested.connect(self.slip_requested)
        self.retranslate()
        self.refresh()

    def _build(self) -> None:
        self.model = OrdersModel(self.today, self)
        self.records = RecordList(  # no sideways scroll: the buyer's name is elided first
            self.model, key=lambda o: o.order_no, table="ordersTable",  # (12 characters
            stretch=OrdersModel.BUYER, parent=self, sides=(2, 3), fits=True,  # kept), then
            spare=OrdersModel.SPARE, keep=BUYER_CHARACTERS)  # the spare columns left out
        self.table = self.records.table
        self.filter = self.records.add_filter("ordersFilter", FILTERS, in_filter)
        # its choice whole where there is room; in a narrow list it shares the row with the
        # search box (down to FILTER_CHARACTERS; its list says each choice whole)
        self.filter.setMinimumWidth(self.filter.fontMetrics().averageCharWidth()
                                    * FILTER_CHARACTERS + TOUCH)
        self.search = self.records.add_search("ordersSearch", order_matches)
        self.search.setMinimumWidth(self.search.fontMetrics().averageCharWidth()
                                    * SEARCH_CHARACTERS)
        self.new_button = touch_button(self, "newOrderButton")
        self.records.add_footer(self.new_button)
        self.order_input, self.open_button = self.records.add_code_field(
            "orderNumberInput", "openOrderButton", self.open_order, shares=(4, 1))
        self.detail = OrderPanel(self.session, self.today, self)
        self.close_button = touch_button(self, "ordersCloseButton")
        self.records.add_detail(self.detail, 1)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.records, 1)
        layout.addLayout(footer)
        fit_dialog(self, roomy=True)
        set_tab_order([*self.records.focus_chain(), *self.detail.focus_chain(),
                       self.close_button])
        self.records.chosen.connect(self.show_order)
        self.new_button.clicked.connect(self.new_order_requested.emit)
        self.close_button.clicked.connect(self.reject)

    @property
    def order(self) -> OrderView | None:
        """The open order."""
        return self.detail.order

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Orders"))
        lang = current_language()
        for i, text in enumerate((self.tr("To collect (open and ready)"),
                                  *(s.status.label.text(lang) for s in ORDER_STATUSES),
                                  self.tr("All orders"))):
            self.filter.setItemText(i, text)
        self.filter.setAccessibleName(self.tr("Show orders"))
        for edit, text in ((self.search, self.tr("Search by order number or buyer")),
                           (self.order_input, self.tr("Scan or type an order number"))):
            edit.setPlaceholderText(text)
            edit.setAccessibleName(text)
        for button, text, accessible in (
            (self.new_button, self.tr("New order (Shift+F12)"), self.tr("New order")),
            (self.open_button, self.tr("Open order"), self.tr("Open order")),
            (self.close_button, self.tr("Close (Esc)"), self.tr("Close")),
        ):
            button.setText(text)
            button.setAccessibleName(accessible)
        self.table.setAccessibleName(self.tr("Orders"))
        self.model.retranslate()
        self.detail.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the list ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the orders again."""
        try:
            orders = self.session.orders.list_orders()
        except PosError as exc:
            self.say(user_message(exc), error=True)
            return
        self.records.set_records(orders)

    # -- one order ---------------------------------------------------------------------------
    def open_order(self, code: str) -> bool:
        """Open the order numbered *code* (typed, or its slip scanned); the reason if none."""
        code = code.strip()
        if not code:
            return False
        try:
            order = self.session.orders.get(code)
        except NotFound as exc:
            self.say(user_message(exc), error=True)
            return False
        self.show_order(order)
        if not self.records.reveal(order.order_no):  # not in this filter: list them all
            self.records.set_filter("all")
        return True

    def show_order(self, order: OrderView) -> None:
        self.detail.show_order(order, self.today)

    # -- what the order's actions need (actions.OrderScreen) --------------------------------
    def pieces(self) -> dict[int, int]:
        """{line number: pieces} chosen to hand over now."""
        return self.detail.pieces()

    def tracking_text(self) -> str:
        return self.detail.tracking.text()

    def after_step(self, order: OrderView, message: str, *, slip: bool = True,
                   stock: set[int] | None = None) -> None:
        """An order changed: list and detail read again, the message, the slip printed."""
        self.refresh()
        self.show_order(order)
        self.records.select_key(order.order_no)
        self.say(message, error=False)
        if slip:
            self.slip_requested.emit(order.order_no)
        self.changed.emit(stock or set())

    def say(self, text: str, *, error: bool) -> None:
        self.detail.say(text, error=error)

    def on_scan(self, code: str) -> None:
        """A scanner burst aimed at this dialog: the order slip's number."""
        self.open_order(code)
