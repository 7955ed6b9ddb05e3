"""Money towards an order, on the parts the sale's payment panel uses (payment_tender.py):
the same method buttons, amount, quick cash, split step, QRIS code and keys, the confirm
button saying the amount.

Three uses: the **deposit** when an order is taken (any part of the total or nothing, no
change, quick cash only the whole total; only checked here, the order dialog places the order
with it), a **payment** towards the balance, and the balance taken at **hand-over** (both
may give change from cash; *take* records them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from posapp.domain.errors import PosError
from posapp.domain.money import format_rupiah
from posapp.domain.order import take_deposit
from posapp.domain.tender import Payment
from posapp.services.session.stand import StandSession
from posapp.ui.common.errors import user_message
from posapp.ui.common.fit import fit_dialog
from posapp.ui.stand.keymap import QUICK_CASH_KEYS
from posapp.ui.stand.payment_tender import TenderRules, TenderWidget

Kind = Literal["deposit", "balance", "handover"]

# A deposit: empty is no deposit, never change, no larger notes offered.
DEPOSIT_RULES = TenderRules(empty_is_due=False, gives_change=False, round_up=False,
                            check=take_deposit)


class OrderPaymentDialog(QDialog):
    """Take *due* (the order's total for a deposit, else its balance) or part of it.

    *take* gets the payments and records them (a service call); its PosError is shown
    inline and the dialog stays. On success ``payments`` and ``outcome`` (what *take*
    returned) are set and the dialog accepts.
    """

    qris_changed = Signal(object)  # the amount the QRIS code asks for now, or None
    qris_slip_requested = Signal(int)  # print a QRIS slip for this amount

    def __init__(self, session: StandSession, kind: Kind, due: int, *,
                 take: Callable[[list[Payment]], object] | None = None, order_no: str = "",
                 required: int | None = None, taken: list[Payment] | None = None,
                 qris_payload: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderPaymentDialog")
        self.setModal(True)
        self.session, self.kind, self.order_no, self.required = session, kind, order_no, required
        self._take = take
        self.payments: list[Payment] = []
        self.outcome: object = None
        self.hint = QLabel(self, objectName="orderPaymentHint", wordWrap=True)
        self.tender = TenderWidget(self, self)
        if kind == "deposit":
            self.tender.rules = DEPOSIT_RULES
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.tender, 1)
        self.tender.qris_changed.connect(self.qris_changed.emit)
        self.tender.qris_slip_requested.connect(self.qris_slip_requested.emit)
        self.tender.updated.connect(self._word_confirm)
        self.tender.confirm_requested.connect(self.confirm)
        self.tender.back_requested.connect(self.reject)
        self.finished.connect(lambda _result: self.tender.stop())
        fit_dialog(self, roomy=True)  # as much room as the sale's panel: a large QRIS code
        self.tender.start(due, qris_payload, taken)
        self.retranslate()

    # -- what the stand window's buyer display and printer read ---------------------------
    @property
    def total(self) -> int:
        return self.tender.total

    @property
    def qris_payload(self) -> str:
        return self.tender.qris_payload

    @property
    def qris_amount(self) -> int | None:
        return self.tender.qris_amount

    def say(self, text: str) -> None:
        """A short outcome (a slip queued, a refusal) in the message line."""
        self.tender.say(text)

    # -- text -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        t = self.tender
        if self.kind == "deposit":
            self.setWindowTitle(self.tr("Deposit for the order"))
            due, left = self.tr("Order total"), self.tr("Balance after the deposit")
            hint = self.tr("A deposit may be any amount up to the total, or nothing; it "
                           "gives no change.")
        else:
            self.setWindowTitle(self.tr("Order {number}: hand over").format(
                number=self.order_no) if self.kind == "handover" else self.tr(
                "Order {number}: payment").format(number=self.order_no))
            due, left = self.tr("Balance due"), self.tr("Left after this payment")
            hint = ("" if self.required is None or self.required >= self.total else self.tr(
                "These pieces need at least {amount} now; the rest of the balance may be "
                "paid later.").format(amount=format_rupiah(self.required)))
        for caption, value, text in ((t.due_caption, t.due_label, due),
                                     (t.remaining_caption, t.remaining_label, left)):
            caption.setText(text)
            value.setAccessibleName(text)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        t.cancel_button.setText(self.tr("Back (Esc)"))
        t.cancel_button.setAccessibleName(self.tr("Back without paying"))
        self._word_confirm()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _paying(self) -> int | None:
        """What confirming records now (the split's payments and this one, at most what is
        due: cash above it is change), or None while the amount is not one."""
        amount = self.tender.amount()
        if amount is None:
            return None
        return min(self.total, sum(p.tendered for p in self.tender.taken) + amount)

    def _word_confirm(self) -> None:
        """The confirm button says the amount it records."""
        t, paying = self.tender, self._paying()
        shown = format_rupiah(paying or 0)
        if self.kind == "deposit":
            if paying is None:
                text, name = self.tr("Take deposit (Enter)"), self.tr("Take deposit")
            elif paying == 0:
                text, name = self.tr("No deposit (Enter)"), self.tr("No deposit")
            else:
                text = self.tr("Take a deposit of %1 (Enter)").replace("%1", shown)
                name = self.tr("Take a deposit of %1").replace("%1", shown)
            if t.quick_buttons[0].isVisibleTo(t):  # the whole total, not "the exact amount"
                full = self.tr("Pay in full")
                t.quick_buttons[0].setText(f"{full}\n{QUICK_CASH_KEYS[0]}")
        elif self.kind == "handover":
            text = self.tr("Pay %1 and hand over (Enter)").replace("%1", shown) if paying \
                else self.tr("Pay and hand over (Enter)")
            name = self.tr("Pay %1 and hand over").replace("%1", shown) if paying \
                else self.tr("Pay and hand over")
        else:
            text = self.tr("Pay %1 (Enter)").replace("%1", shown) if paying \
                else self.tr("Pay (Enter)")
            name = self.tr("Pay %1").replace("%1", shown) if paying else self.tr("Pay")
        t.confirm_button.setText(text)
        t.confirm_button.setAccessibleName(name)

    # -- actions ----------------------------------------------------------------------------
    def confirm(self) -> None:
        """Check (a deposit) or record (a payment, a hand-over) the payments; stay open with
        the reason when refused."""
        if self.outcome is not None:
            return
        payments = self.tender.payments()
        if payments is None:
            return
        if not payments and self.kind != "deposit":
            self.tender.say(self.tr("Type the amount of this payment first"))
            return
        try:
            if self.kind == "deposit":  # only the rules: the order is placed with it
                take_deposit(self.total, payments)
            self.outcome = (self._take(payments) if self._take is not None
                            else list(payments))
        except PosError as exc:
            self.tender.say(user_message(exc))
            return
        self.payments = payments
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.confirm()
            return
        super().keyPressEvent(event)
