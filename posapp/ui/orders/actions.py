"""What the orders list's buttons do with the open order: pay, mark ready, hand over (taking
the balance in the same step), cancel, print the slip again; and queueing a slip.

The actions know the screen only as an ``OrderScreen`` (the open order, the pieces chosen,
where to say things, what to do after a step), so the orders dialog imports them and not the
other way round."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from posapp.domain.errors import PosError
from posapp.domain.money import format_rupiah
from posapp.domain.order import PaymentKind
from posapp.domain.tender import Payment
from posapp.services.order_fulfil import HandOver
from posapp.services.orders import OrderView, PaymentResult
from posapp.services.session.stand import StandSession
from posapp.ui.common.errors import user_message
from posapp.ui.orders.cancel_dialog import OrderCancelDialog
from posapp.ui.orders.payment_dialog import OrderPaymentDialog

if TYPE_CHECKING:
    from posapp.ui.stand.print_controller import PrintController


def queue_order_slip(printing: PrintController, order_no: str) -> str | None:
    """Queue order *order_no*'s slip and start printing it (in the background); the
    reason (translated) when it cannot be queued. The order itself is saved already."""
    try:
        printing.order_slip(order_no)
    except PosError as exc:
        return user_message(exc)
    return None


class OrderScreen(Protocol):
    """What the order verbs need of the screen showing the open order."""

    @property
    def session(self) -> StandSession: ...

    @property
    def order(self) -> OrderView | None: ...

    def pieces(self) -> dict[int, int]:
        """{line number: pieces} chosen to hand over now."""
        ...

    def tracking_text(self) -> str: ...

    def say(self, text: str, *, error: bool) -> None: ...

    def after_step(self, order: OrderView, message: str, *, slip: bool = True,
                   stock: set[int] | None = None) -> None:
        """*order* changed by a step: show it again, say *message*, print its slip."""
        ...


class OrderActions(QObject):
    """The verbs of the orders list. ``dialog`` is the one step dialog open (tests use it)."""

    payment_opened = Signal(object)  # a payment dialog opened (the buyer's display follows)
    slip_requested = Signal(str)  # an order number whose slip should go to the printer

    def __init__(self, screen: OrderScreen, parent: QWidget, qris_payload: str = "") -> None:
        super().__init__(parent)
        self.screen, self.parent_widget = screen, parent
        self.qris_payload = qris_payload  # the stand's QRIS code, for a payment's codes
        self.dialog: QDialog | None = None

    @property
    def session(self) -> StandSession:
        return self.screen.session

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.open()
        if isinstance(dialog, OrderPaymentDialog):
            self.payment_opened.emit(dialog)

    def _refused(self, exc: PosError) -> None:
        self.screen.say(user_message(exc), error=True)

    # -- money -------------------------------------------------------------------------------
    def pay(self) -> None:
        """A payment towards the open order's balance (part of it, or all with change)."""
        order = self.screen.order
        if order is None:
            return
        number = order.order_no

        def take(payments: list[Payment]) -> PaymentResult:
            return self.session.orders.pay(number, payments)

        dialog = OrderPaymentDialog(self.session, "balance", order.balance, take=take,
                                    order_no=number, parent=self.parent_widget,
                                    qris_payload=self.qris_payload)
        dialog.accepted.connect(lambda: self._paid(dialog))
        self._open(dialog)

    def _paid(self, dialog: OrderPaymentDialog) -> None:
        result = dialog.outcome
        if not isinstance(result, PaymentResult):
            return
        order = result.order
        text = self.tr("Order {number}: {amount} paid, balance due {balance}.").format(
            number=order.order_no, amount=format_rupiah(sum(p.amount for p in
                                                            result.tender.payments)),
            balance=format_rupiah(order.balance))
        self.screen.after_step(order, self._with_change(text, result.tender.change))

    def _with_change(self, text: str, change: int) -> str:
        if not change:
            return text
        return text + " " + self.tr("Change {amount}.").format(amount=format_rupiah(change))

    # -- steps -------------------------------------------------------------------------------
    def mark_ready(self) -> None:
        order = self.screen.order
        if order is None:
            return
        try:
            view = self.session.orders.mark_ready(order.order_no)
        except PosError as exc:
            self._refused(exc)
            return
        self.screen.after_step(view, self.tr("Order {number} is ready for {buyer}.").format(
            number=view.order_no, buyer=view.buyer.name), slip=False)

    def hand_over(self) -> None:
        """Hand over the pieces chosen per line (all that is left by default), taking first
        what must be paid for them: everything due at the last hand-over."""
        order = self.screen.order
        if order is None:
            return
        pieces = self.screen.pieces()
        if not pieces:
            self.screen.say(
                self.tr("Choose how many pieces to hand over on at least one line."), error=True)
            return
        number, tracking = order.order_no, self.screen.tracking_text()

        def take(payments: list[Payment]) -> HandOver:
            return self.session.orders.hand_over(number, payments=payments, lines=pieces,
                                                 tracking=tracking)

        required = self._required(order, pieces)
        if required <= 0 or order.balance <= 0:
            try:
                self._handed_over(take([]))
            except PosError as exc:
                self._refused(exc)
            return
        dialog = OrderPaymentDialog(self.session, "handover", order.balance, take=take,
                                    order_no=number, required=required,
                                    parent=self.parent_widget, qris_payload=self.qris_payload)

        def accepted() -> None:
            if isinstance(dialog.outcome, HandOver):
                self._handed_over(dialog.outcome)

        dialog.accepted.connect(accepted)
        self._open(dialog)

    @staticmethod
    def _required(order: OrderView, pieces: dict[int, int]) -> int:
        """What must be paid now for *pieces*: the whole balance when it completes the order."""
        complete = all(ln.delivered + pieces.get(ln.line_no, 0) == ln.quantity
                       for ln in order.lines)
        if complete:
            return order.balance
        value = order.delivered_value + sum(ln.unit_price * pieces.get(ln.line_no, 0)
                                            for ln in order.lines)
        return value - order.paid

    def _handed_over(self, done: HandOver) -> None:
        order = done.order
        if done.complete:
            text = self.tr("Order {number} handed over to {buyer}.").format(
                number=order.order_no, buyer=order.buyer.name)
        else:
            text = self.tr("Part of order {number} handed over; balance due {balance}.").format(
                number=order.order_no, balance=format_rupiah(order.balance))
        self.screen.after_step(order, self._with_change(text, done.tender.change))

    def cancel(self) -> None:
        """Cancel the open order, a supervisor approving; the deposit given back or kept."""
        order = self.screen.order
        if order is None:
            return
        dialog = OrderCancelDialog(self.session, order, self.parent_widget)
        dialog.accepted.connect(lambda: self._cancelled(dialog))
        self._open(dialog)

    def _cancelled(self, dialog: OrderCancelDialog) -> None:
        view = dialog.outcome
        if view is None:
            return
        refunds = [p for p in view.payments if p.kind == PaymentKind.REFUND]
        if refunds:
            text = self.tr("Order {number} cancelled: give {amount} back ({method}).").format(
                number=view.order_no, amount=format_rupiah(sum(p.amount for p in refunds)),
                method=dialog.method.currentText())
        elif view.paid:
            text = self.tr("Order {number} cancelled; the {amount} paid is kept.").format(
                number=view.order_no, amount=format_rupiah(view.paid))
        else:
            text = self.tr("Order {number} cancelled.").format(number=view.order_no)
        restocked = {ln.product_id for ln in view.lines
                     if ln.product_id is not None and ln.reserved > ln.delivered}
        self.screen.after_step(view, text, stock=restocked)

    def print_slip(self) -> None:
        order = self.screen.order
        if order is not None:
            self.slip_requested.emit(order.order_no)
            self.screen.say(self.tr("The slip of order {number} goes to the printer.").format(
                number=order.order_no), error=False)
