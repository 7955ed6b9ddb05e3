"""Money towards an order, in the payment dialog's clothes (methods, quick cash, splits, QRIS).

Three uses: the **deposit** when an order is taken (any part of the total, no change; only
checked here, the order dialog places the order with it), a **payment** towards the balance,
and the balance taken at **hand-over** (both may give change from cash; *take* records them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from posapp.domain.errors import PosError
from posapp.domain.money import format_rupiah
from posapp.domain.order import take_deposit
from posapp.domain.tender import Payment
from posapp.services.session.stand import StandSession
from posapp.ui.common.fit import fit_dialog
from posapp.ui.common.qris_view import QrisImageFactory
from posapp.ui.stand.payment_dialog import PaymentDialog

Kind = Literal["deposit", "balance", "handover"]


class OrderPaymentDialog(PaymentDialog):
    """Take *due* (the order's total for a deposit, else its balance) or part of it.

    *take* gets the payments and records them (a service call); its PosError is shown
    inline and the dialog stays. On success ``payments`` and ``result`` (what *take*
    returned) are set and the dialog accepts.
    """

    def __init__(self, session: StandSession, kind: Kind, due: int, *,
                 take: Callable[[list[Payment]], object] | None = None, order_no: str = "",
                 required: int | None = None, taken: list[Payment] | None = None,
                 parent: QWidget | None = None,
                 qris_image: QrisImageFactory | None = None) -> None:
        self.kind, self.order_no, self.required = kind, order_no, required
        self._take = take
        self.payments: list[Payment] = []
        self.outcome: object = None
        self.hint = None
        super().__init__(session, parent, qris_image=qris_image, due=due)
        self.setObjectName("orderPaymentDialog")
        fit_dialog(self)  # never past the screen
        self.hint = QLabel(self, objectName="orderPaymentHint", wordWrap=True)
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(0, self.hint)
        if taken:
            self.taken = list(taken)
            self._refresh()
            self._fill_default()
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        confirm = {"deposit": (self.tr("Take deposit (Enter)"), self.tr("Take deposit")),
                   "balance": (self.tr("Pay (Enter)"), self.tr("Pay")),
                   "handover": (self.tr("Pay and hand over (Enter)"),
                                self.tr("Pay and hand over"))}[self.kind]
        self.confirm_button.setText(confirm[0])
        self.confirm_button.setAccessibleName(confirm[1])
        if self.kind == "deposit":
            self.setWindowTitle(self.tr("Deposit for the order"))
            due, remaining = self.tr("Order total"), self.tr("Left of the total")
            hint = self.tr("A deposit is any part of the total (or nothing): no change is "
                           "given. Empty and Enter: no deposit.")
        else:
            self.setWindowTitle(self.tr("Order {number}: hand over").format(
                number=self.order_no) if self.kind == "handover" else self.tr(
                "Order {number}: payment").format(number=self.order_no))
            due, remaining = self.tr("Balance due"), self.tr("Still to pay")
            hint = ("" if self.required is None or self.required >= self.total else self.tr(
                "These pieces need at least {amount} now; the rest of the balance may be "
                "paid later.").format(amount=format_rupiah(self.required)))
        for caption, value, text in ((self.due_caption, self.due_label, due),
                                     (self.remaining_caption, self.remaining_label, remaining)):
            caption.setText(text)
            value.setAccessibleName(text)
        for widget in (self.change_caption, self.change_label):
            widget.setVisible(self.kind != "deposit")  # a deposit gives no change
        if self.hint is not None:
            self.hint.setText(hint)
            self.hint.setVisible(bool(hint))

    def _refresh(self) -> None:
        super()._refresh()
        if self.kind == "deposit":  # a deposit is at most the total: no "round up" notes
            for button in self.quick_buttons[1:]:
                button.hide()

    def confirm(self) -> None:
        """Check (a deposit) or record (a payment, a hand-over) the payments; stay open with
        the reason when refused."""
        if self.outcome is not None:
            return
        amount = self._checked_amount()
        if amount is None:
            return
        payments = self._payments(amount)
        if not payments and self.kind == "balance":
            self._show_message(self.tr("Type the amount of this payment first"))
            return
        try:
            if self.kind == "deposit":  # only the rules: the order is placed with it
                take_deposit(self.total, payments)
            self.outcome = (self._take(payments) if self._take is not None
                           else list(payments))
        except PosError as exc:
            self._show_error(exc)
            return
        self.payments = payments
        self.accept()
