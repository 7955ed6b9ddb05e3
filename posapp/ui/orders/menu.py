"""The stand window's order verbs: take an order (from the cart or anew), open the orders
list (on a scanned slip's order), print a slip, and keep the window's figures current."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from posapp.domain.cart import CartLine
from posapp.domain.errors import PosError
from posapp.domain.order import OrderItem
from posapp.services.orders import OrderView
from posapp.ui.common.errors import user_message
from posapp.ui.stand.parts import StandParts

if TYPE_CHECKING:
    from posapp.services.session.stand import StandSession
    from posapp.ui.orders.payment_dialog import OrderPaymentDialog


def order_item(line: CartLine) -> OrderItem:
    """A cart line as an order line: a catalog item, or (a custom item) made to order."""
    p = line.product
    if p.id is None:
        return OrderItem(p.name, line.unit_price, line.quantity)
    return OrderItem(p.name, line.unit_price, line.quantity, sku=p.sku, product_id=p.id,
                     category=p.category, maker_group=p.maker_group, region=p.region)


class OrderMenu(QObject):
    """Orders from the stand window, on the parts it hands in; *open_dialog* opens a dialog
    as the window's other verbs do (the one open dialog), *follow_payment* lets the buyer's
    display show an order payment's QRIS code (its slip is printed here)."""

    def __init__(self, parts: StandParts, *, open_dialog: Callable[[QDialog], object],
                 follow_payment: Callable[[QDialog], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.parts = parts
        self.window = parts.window  # the dialogs' parent
        self._open = open_dialog
        self._follow_payment = follow_payment

    @property
    def session(self) -> StandSession:
        return self.parts.session

    def _selling(self) -> bool:
        return self.parts.is_selling()

    def take_order(self) -> None:
        """A new order; the cart's lines become its lines (the cart empties once it is saved)."""
        if not self._selling():
            return
        from posapp.ui.orders.order_dialog import OrderDialog

        cart = self.session.cart
        dialog = OrderDialog(self.session, self.window, today=self.today(),
                             items=[order_item(line) for line in cart.lines],
                             cart_discount=cart.totals().discount > 0,
                             lang=self.parts.lang(), qris_payload=self._qris_payload())
        from_cart = not cart.is_empty
        dialog.placed.connect(lambda view: self._placed(view, from_cart))
        dialog.payment_opened.connect(self._payment_opened)
        self._connect_scans(dialog, dialog.on_scan)
        self._open(dialog)

    def _placed(self, view: OrderView, from_cart: bool) -> None:
        if from_cart:
            self.session.cart.clear()
        self.print_slip(view.order_no)
        self._changed()

    def open_orders(self, code: str = "") -> None:
        """The orders list; with *code* (a scanned slip's number) that order opened."""
        if not self._selling():
            return
        from posapp.ui.orders.orders_dialog import OrdersDialog

        dialog = OrdersDialog(self.session, self.window, today=self.today(),
                              qris_payload=self._qris_payload())
        dialog.slip_requested.connect(self.print_slip)
        dialog.changed.connect(lambda _product_ids: self._changed())
        dialog.payment_opened.connect(self._payment_opened)

        def new_order() -> None:  # the list makes way for the new order
            dialog.accept()
            self.take_order()

        dialog.new_order_requested.connect(new_order)
        self._connect_scans(dialog, dialog.on_scan)
        self._open(dialog)
        if code:
            dialog.open_order(code)

    def print_slip(self, order_no: str) -> None:
        """Queue an order's slip; a problem goes to the status bar (the order is saved)."""
        from posapp.ui.orders.actions import queue_order_slip

        problem = queue_order_slip(self.parts.printing, order_no)
        if problem:
            self.parts.say(problem)

    def _changed(self) -> None:
        """After a step: the grid (its stock figures, reserved or back on the shelf, are
        read afresh) and the orders' count."""
        self.parts.selling.refresh_products()
        self.parts.update_orders_status()

    def _connect_scans(self, dialog: QDialog, handle: Callable[[str], object]) -> None:
        """Scanner bursts aimed at *dialog* go to *handle* while it is open."""
        scanner = self.parts.scanner
        if scanner is None:
            return

        def scanned(code: str, target: QObject) -> None:
            if target is dialog:
                handle(code)

        scanner.scanned.connect(scanned)
        dialog.finished.connect(lambda _result: scanner.scanned.disconnect(scanned))

    def today(self) -> date:
        """The date at the stand (its time zone): due dates are never before it."""
        return datetime.now(self.session.info.zone).date()

    def _qris_payload(self) -> str:
        """The stand's static QRIS code ("" when it has none): an order payment's codes."""
        return self.session.settings.get().qris_payload

    def _payment_opened(self, payment: OrderPaymentDialog) -> None:
        """An order's payment is up: the buyer's display shows its QRIS code, and its QRIS
        slip key prints through the window's print queue."""
        self._follow_payment(payment)
        payment.qris_slip_requested.connect(lambda amount: self._qris_slip(payment, amount))

    def _qris_slip(self, payment: OrderPaymentDialog, amount: int) -> None:
        try:
            self.parts.printing.qris_slip(amount)
        except PosError as exc:
            payment.say(user_message(exc))
            return
        payment.say(self.tr("QRIS slip sent to the printer"))
