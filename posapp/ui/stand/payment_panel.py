"""Payment as a page of the stand window: a method, an amount, Enter; split as its own step.

The parts of taking money are payment_tender.py's (an order's payment uses the same ones);
this page adds what a sale needs: the cart's total, recording the sale, and the paid view
(payment_paid.py) with the change largest, the next sale and a copy of the receipt.

An empty amount means the exact amount: a cashier who presses Pay (F12) and Enter for a
buyer who hands over the exact money is right, and a wrong guess costs only the change
shown, never the money recorded (the sale's cash is its total either way).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from posapp.domain.errors import PosError
from posapp.domain.money import format_rupiah
from posapp.domain.tender import Payment, PaymentMethod
from posapp.services.checkout import SaleResult
from posapp.services.session.stand import StandSession
from posapp.ui.common.errors import user_message
from posapp.ui.stand.keymap import key
from posapp.ui.stand.payment_paid import PaidView
from posapp.ui.stand.payment_tender import TenderWidget

REPRINT_KEY = key("reprint")


class PaymentPanel(QWidget):
    """Take payment for the session's cart (``start``); ``paid`` once the sale is recorded,
    ``closed`` when the cashier goes back to the cart or on to the next sale."""

    paid = Signal(object)  # the SaleResult
    closed = Signal()
    qris_changed = Signal(object)  # the amount the QRIS code asks for now, or None
    qris_slip_requested = Signal(int)  # print a QRIS slip for this amount
    reprint_requested = Signal(str)  # a receipt number

    def __init__(self, session: StandSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paymentPanel")
        self.session = session
        self.sale: SaleResult | None = None
        self.steps = QStackedWidget(self)
        self.tender = TenderWidget(self, self.steps)
        self.qris_view = self.tender.qris_view
        self.paid_view = PaidView(self.steps)
        self.steps.addWidget(self.tender)
        self.steps.addWidget(self.paid_view)
        QVBoxLayout(self).addWidget(self.steps)
        self.tender.qris_changed.connect(self.qris_changed.emit)
        self.tender.qris_slip_requested.connect(self.qris_slip_requested.emit)
        self.tender.updated.connect(self._word_confirm)
        self.tender.confirm_requested.connect(self.confirm)
        self.tender.back_requested.connect(self.back)
        self.paid_view.new_sale.connect(self.closed.emit)
        self.paid_view.reprint.connect(self.reprint_requested.emit)
        reprint = QShortcut(QKeySequence(REPRINT_KEY), self)
        reprint.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        reprint.activated.connect(self.paid_view.request_reprint)
        self.retranslate()

    # -- text ------------------------------------------------------------------------
    def retranslate(self) -> None:
        t = self.tender
        for caption, value, text in ((t.due_caption, t.due_label, self.tr("Total due")),
                                     (t.remaining_caption, t.remaining_label,
                                      self.tr("Still to pay"))):
            caption.setText(text)
            value.setAccessibleName(text)
        t.cancel_button.setText(self.tr("Back (Esc)"))
        t.cancel_button.setAccessibleName(self.tr("Back to the cart"))
        self._word_confirm()

    def _word_confirm(self) -> None:
        """The confirm button says what is paid: all that is due."""
        due = format_rupiah(self.tender.remaining())
        self.tender.confirm_button.setText(self.tr("Pay %1 (Enter)").replace("%1", due))
        self.tender.confirm_button.setAccessibleName(self.tr("Pay %1").replace("%1", due))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- state -----------------------------------------------------------------------
    @property
    def total(self) -> int:
        return self.tender.total

    @property
    def qris_payload(self) -> str:
        """The stand's static QRIS code this payment draws its codes from."""
        return self.tender.qris_payload

    @property
    def qris_amount(self) -> int | None:
        """The amount the QRIS code shown asks for, or None (no code shown)."""
        return self.tender.qris_amount

    def start(self, qris_payload: str) -> None:
        """A new payment for the session's cart, shown; *qris_payload* is the stand's
        static QRIS code ("" when it has none)."""
        self.sale = None
        self.steps.setCurrentWidget(self.tender)
        stack = self.parentWidget()
        if isinstance(stack, QStackedWidget):
            stack.setCurrentWidget(self)
        self.tender.start(self.session.total(), qris_payload)

    def is_paid(self) -> bool:
        """The sale is paid and shown; the next scan or Enter starts the next one."""
        return self.isVisible() and self.steps.currentWidget() is self.paid_view

    def remaining(self) -> int:
        """What is still due after the payments taken in the split."""
        return self.tender.remaining()

    # -- actions ---------------------------------------------------------------------
    def confirm(self) -> None:
        """Record the sale with every payment; stay with the reason if refused."""
        if self.sale is not None:
            return
        payments = self.tender.payments()
        if payments is None:
            return
        try:
            self.sale = self.session.pay(payments)
        except PosError as exc:
            self.tender.say(user_message(exc))
            return
        merged: dict[PaymentMethod, int] = {}
        for p in payments:
            merged[p.method] = merged.get(p.method, 0) + p.tendered
        self.tender.stop()
        self.paid_view.show_sale(self.sale, [Payment(m, v) for m, v in merged.items()])
        self.steps.setCurrentWidget(self.paid_view)
        self.paid_view.new_sale_button.setFocus()
        self.paid.emit(self.sale)

    def back(self) -> None:
        """Back to the cart (nothing recorded), or on to the next sale once paid."""
        self.tender.stop()
        self.closed.emit()

    def clear(self) -> None:
        """Forget the payment and the sale paid (the cashier changes): nothing of the last
        buyer's payment stays for the next cashier."""
        self.sale = None
        self.tender.stop()  # its QRIS code goes, the buyer's display too
        self.tender.start(0, "")  # no payments split, cash, an empty amount
        self.tender.stop()
        self.steps.setCurrentWidget(self.tender)

    def say(self, text: str) -> None:
        """A short outcome (a slip queued, a refusal) in the panel's message line."""
        self.tender.say(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.sale is not None:
                self.closed.emit()
            else:
                self.confirm()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.back()
            return
        super().keyPressEvent(event)
