"""Payment as a page of the stand window: a method, an amount, Enter; split as its own step.

Longer than a screen: the panel's two steps (taking the payment, the sale paid) share one
set of keys and one signal to the customer display; the pieces that need no Qt are in
payment_amounts.py, the QRIS code in payment_qris.py and the paid view in payment_paid.py.

An empty amount means the exact amount: a cashier who presses Pay (F12) and Enter for a
buyer who hands over the exact money is right, and a wrong guess costs only the change
shown, never the money recorded (the sale's cash is its total either way).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.errors import InvalidInput, PosError
from posapp.domain.money import format_rupiah
from posapp.domain.qris import dynamic_payload
from posapp.domain.tender import Payment, PaymentMethod, method_label, settle
from posapp.services.checkout import SaleResult
from posapp.services.session.stand import StandSession
from posapp.ui.common.errors import user_message
from posapp.ui.common.i18n import current_language
from posapp.ui.common.widgets import big_label, button
from posapp.ui.stand.keymap import METHOD_KEYS, QUICK_CASH_KEYS, key
from posapp.ui.stand.payment_amounts import (
    QRIS_MAX_PAYMENT,
    could_be_amount,
    quick_amounts,
    read_amount,
)
from posapp.ui.stand.payment_paid import PaidView
from posapp.ui.stand.payment_qris import QrisCode

SPLIT_KEY, SLIP_KEY, REPRINT_KEY = key("splitPayment"), key("qrisSlip"), key("reprint")


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
        self.total = 0
        self.qris_payload = ""
        self.sale: SaleResult | None = None
        self.taken: list[Payment] = []
        self.splitting = False
        self._method = PaymentMethod.CASH
        self._quick: list[int] = []
        self._qris_shown: int | None = None
        self._build()
        self.retranslate()

    # -- building ----------------------------------------------------------------------
    def _key(self, sequence: str, slot: object) -> None:
        shortcut = QShortcut(QKeySequence(sequence), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    def _button(self, name: str, height: int = 48, role: str = "secondary") -> QPushButton:
        b = button(name, self.pay_step, height=height)
        b.setProperty("role", role)
        return b

    def _build(self) -> None:
        self.steps = QStackedWidget(self)
        self.pay_step = QWidget(self.steps)
        self.paid_view = PaidView(self.steps)
        self.paid_view.new_sale.connect(self.closed.emit)
        self.paid_view.reprint.connect(self.reprint_requested.emit)
        self.steps.addWidget(self.pay_step)
        self.steps.addWidget(self.paid_view)
        QVBoxLayout(self).addWidget(self.steps)
        p = self.pay_step
        self.due_caption, self.due_label = QLabel(p), big_label("dueLabel", 24, p)
        self.method_group = QButtonGroup(self)
        self.method_buttons: dict[PaymentMethod, QPushButton] = {}
        for i, method in enumerate(PaymentMethod):
            b = self._button(f"method{method.value.capitalize()}", 56)
            b.setCheckable(True)
            self.method_group.addButton(b, i)
            self.method_buttons[method] = b
            self._key(METHOD_KEYS[method], lambda m=method: self.select_method(m))
        self.method_buttons[PaymentMethod.CASH].setChecked(True)
        self.method_group.idClicked.connect(lambda i: self.select_method(list(PaymentMethod)[i]))
        self.amount_caption, self.amount_input = QLabel(p), QLineEdit(p)
        self.amount_input.setObjectName("cashReceivedInput")
        self.amount_input.setMinimumHeight(48)
        font = self.amount_input.font()
        font.setPointSize(16)
        self.amount_input.setFont(font)
        self.amount_input.textChanged.connect(self._update_live)
        self.amount_caption.setBuddy(self.amount_input)
        self.quick_buttons = [self._button(f"quickCash{i}", 52) for i in range(5)]
        for i, (b, sequence) in enumerate(zip(self.quick_buttons, QUICK_CASH_KEYS, strict=True)):
            b.clicked.connect(lambda _checked=False, i=i: self._quick_cash(i))
            self._key(sequence, lambda i=i: self._quick_cash(i))
        self.split_caption = QLabel(p)
        self.split_caption.setObjectName("splitCaption")
        self.split_caption.setWordWrap(True)  # long in Indonesian: never widens the window
        self.payment_list = QListWidget(p)
        self.payment_list.setObjectName("paymentList")
        self.payment_list.setMaximumHeight(76)
        self.remove_button = self._button("removePaymentButton", 44)
        self.remove_button.clicked.connect(self.remove_payment)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.payment_list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_payment)
        self.add_button = self._button("addPaymentButton", 44)
        self.add_button.clicked.connect(self.add_payment)
        self._key(SPLIT_KEY, self.add_payment)
        self.slip_button = self._button("qrisSlipButton", 44)
        self.slip_button.clicked.connect(self.print_qris_slip)
        self._key(SLIP_KEY, self.print_qris_slip)
        self._key(REPRINT_KEY, self.paid_view.request_reprint)
        self.change_caption = big_label("changeCaption", 16, p, bold=False)
        self.change_label = big_label("changeLabel", 36, p)
        self.remaining_caption = big_label("remainingCaption", 16, p, bold=False)
        self.remaining_label = big_label("remainingLabel", 36, p)
        self.qris_caption = big_label("qrisCaption", 16, p)
        self.qris_view = QrisCode(p)
        self.error_label = QLabel(p)
        self.error_label.setObjectName("paymentErrorLabel")
        self.error_label.setProperty("role", "warning")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.cancel_button = self._button("cancelPaymentButton", 64)
        self.cancel_button.clicked.connect(self.back)
        self.confirm_button = self._button("confirmPaymentButton", 64, "primary")
        font = self.confirm_button.font()
        font.setPointSize(18)
        font.setBold(True)
        self.confirm_button.setFont(font)
        self.confirm_button.clicked.connect(self.confirm)
        self._lay_out()

    def _lay_out(self) -> None:
        due = QHBoxLayout()
        due.addWidget(self.due_caption)
        due.addWidget(self.due_label)
        due.addStretch(1)
        methods = QHBoxLayout()
        for b in self.method_buttons.values():
            methods.addWidget(b)
        amount = QHBoxLayout()
        amount.addWidget(self.amount_caption)
        amount.addWidget(self.amount_input, 1)
        quick = QHBoxLayout()
        for b in self.quick_buttons:
            quick.addWidget(b)
        split_head = QHBoxLayout()
        split_head.addWidget(self.split_caption, 1)
        split_head.addWidget(self.remove_button)
        tools = QHBoxLayout()
        tools.addWidget(self.add_button)
        tools.addWidget(self.slip_button)
        left = QVBoxLayout()
        for part in (due, methods, amount, quick, split_head):
            left.addLayout(part)
        left.addWidget(self.payment_list)
        left.addLayout(tools)
        left.addStretch(1)
        right = QVBoxLayout()  # change or what is left (never both), caption above
        for widget in (self.change_caption, self.change_label, self.remaining_caption,
                       self.remaining_label):
            right.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        right.addWidget(self.qris_caption, 0, Qt.AlignmentFlag.AlignHCenter)
        right.addWidget(self.qris_view, 1)
        right.addStretch(0)
        middle = QHBoxLayout()
        middle.addLayout(left, 5)
        middle.addLayout(right, 4)
        actions = QHBoxLayout()
        actions.addWidget(self.cancel_button, 1)
        actions.addWidget(self.confirm_button, 3)
        layout = QVBoxLayout(self.pay_step)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(middle, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(actions)

    # -- text ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.due_caption.setText(self.tr("Total due"))
        self.due_label.setAccessibleName(self.tr("Total due"))
        self.change_caption.setText(self.tr("Change"))
        self.change_label.setAccessibleName(self.tr("Change"))
        self.remaining_caption.setText(self.tr("Still to pay"))
        self.remaining_label.setAccessibleName(self.tr("Still to pay"))
        self.payment_list.setAccessibleName(self.tr("Payments taken so far"))
        for method, b in self.method_buttons.items():
            name = method_label(method, current_language())
            b.setText(f"{name}\n{METHOD_KEYS[method]}")
            b.setAccessibleName(self.tr("Pay by %1").replace("%1", name))
        for b, text, accessible in (
                (self.remove_button, self.tr("Remove payment"), self.tr("Remove payment")),
                (self.slip_button, self.tr("QRIS slip (%1)").replace("%1", SLIP_KEY),
                 self.tr("Print a QRIS slip")),
                (self.cancel_button, self.tr("Back (Esc)"), self.tr("Back to the cart"))):
            b.setText(text)
            b.setAccessibleName(accessible)
        self.paid_view.retranslate()
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _amount_caption(self) -> str:
        if self._method is PaymentMethod.CASH:
            return self.tr("Cash received")
        return self.tr("QRIS amount") if self._method is PaymentMethod.QRIS else self.tr("Amount")

    def _say(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _not_an_amount(self) -> str:
        return self.tr("Invalid amount. Type digits only, for example 150.000")

    def _qris_limit(self) -> str:
        return self.tr("QRIS takes at most %1 in one payment: split the payment (%2) and "
                       "take the rest another way").replace("%1", format_rupiah(
                           QRIS_MAX_PAYMENT)).replace("%2", SPLIT_KEY)

    # -- state -----------------------------------------------------------------------
    def start(self, qris_payload: str) -> None:
        """A new payment for the session's cart, shown; *qris_payload* is the stand's
        static QRIS code ("" when it has none)."""
        self.total, self.qris_payload = self.session.total(), qris_payload.strip()
        self.sale, self.taken, self.splitting = None, [], False
        self._method = PaymentMethod.CASH
        self.method_buttons[PaymentMethod.CASH].setChecked(True)
        self.amount_input.clear()
        self.steps.setCurrentWidget(self.pay_step)
        stack = self.parentWidget()
        if isinstance(stack, QStackedWidget):
            stack.setCurrentWidget(self)
        self._refresh()
        self._focus_amount()

    @property
    def qris_amount(self) -> int | None:
        """The amount the QRIS code shown asks for, or None (no code shown)."""
        return self._qris_shown

    def is_paid(self) -> bool:
        """The sale is paid and shown; the next scan or Enter starts the next one."""
        return self.isVisible() and self.steps.currentWidget() is self.paid_view

    def remaining(self) -> int:
        """What is still due after the payments taken in the split."""
        return max(0, self.total - sum(p.tendered for p in self.taken))

    def _default(self) -> int:
        due = self.remaining()
        return min(due, QRIS_MAX_PAYMENT) if self._method is PaymentMethod.QRIS else due

    def _amount(self) -> int:
        """The amount of this payment: the typed one, the default when empty; InvalidInput
        when it is not an amount."""
        text = self.amount_input.text()
        return read_amount(text) if text.strip() else self._default()

    def _refresh(self) -> None:
        """Redraw what depends on the payments taken."""
        due = self.remaining()
        self.due_label.setText(format_rupiah(self.total))
        self.confirm_button.setText(self.tr("Pay %1 (Enter)").replace("%1", format_rupiah(due)))
        self.confirm_button.setAccessibleName(self.tr("Pay %1").replace("%1", format_rupiah(due)))
        self._quick = quick_amounts(due)
        exact = self.tr("Exact amount")
        for i, b in enumerate(self.quick_buttons):
            shown = i < len(self._quick) and self._method is PaymentMethod.CASH
            b.setVisible(shown)
            if i < len(self._quick):
                amount = format_rupiah(self._quick[i])
                b.setText(f"{exact if i == 0 else amount}\n{QUICK_CASH_KEYS[i]}")
                b.setAccessibleName(self.tr("Cash received: %1").replace("%1", amount))
        self.payment_list.clear()
        lang = current_language()
        for p in self.taken:
            name = method_label(p.method, lang)
            self.payment_list.addItem(f"{name}  {format_rupiah(p.tendered)}")
        paid = self.total - due
        self.split_caption.setText(self.tr("Split payment: %1 of %2 paid").replace(
            "%1", format_rupiah(paid)).replace("%2", format_rupiah(self.total)))
        for widget in (self.split_caption, self.payment_list, self.remove_button):
            widget.setVisible(self.splitting)
        self.remove_button.setEnabled(bool(self.taken))
        add = self.tr("Add this payment") if self.splitting else self.tr("Split payment")
        self.add_button.setText(f"{add} ({SPLIT_KEY})")
        self.add_button.setAccessibleName(add)
        self._update_live()

    def _update_live(self) -> None:
        """The amount's caption, change or what is left, the QRIS code, inline hints."""
        qris = self._method is PaymentMethod.QRIS
        self.amount_caption.setText(self._amount_caption())
        self.amount_input.setAccessibleName(self._amount_caption())
        exact = format_rupiah(self._default())
        self.amount_input.setPlaceholderText(
            self.tr("Leave empty for the exact amount, %1").replace("%1", exact))
        message = ""
        try:
            amount: int | None = self._amount()
        except InvalidInput:
            amount = None
            if not could_be_amount(self.amount_input.text()):
                message = self._not_an_amount()
        if qris and amount is not None and amount > QRIS_MAX_PAYMENT:
            message, amount = self._qris_limit(), None
        elif qris and self.remaining() > QRIS_MAX_PAYMENT and amount == QRIS_MAX_PAYMENT:
            message = self._qris_limit()
        self._say(message)
        left = None if amount is None else self.remaining() - amount
        gives_change = self._method.info.gives_change
        self.change_label.setText(format_rupiah(-left if left is not None and left < 0 else 0))
        self.remaining_label.setText(format_rupiah(left if left is not None and left > 0 else 0))
        for widget, shown in ((self.change_caption, gives_change and left is not None
                               and left <= 0),
                              (self.remaining_caption, left is not None and left > 0)):
            widget.setVisible(shown)
        self.change_label.setVisible(self.change_caption.isVisibleTo(self.pay_step))
        self.remaining_label.setVisible(self.remaining_caption.isVisibleTo(self.pay_step))
        self.slip_button.setVisible(qris)
        self.slip_button.setEnabled(bool(self.qris_payload) and bool(amount))
        self._show_qris(amount if qris else None)

    def _show_qris(self, amount: int | None) -> None:
        qris = self._method is PaymentMethod.QRIS
        for widget in (self.qris_caption, self.qris_view):
            widget.setVisible(qris)
        shown: int | None = None
        if not qris:
            pass
        elif not self.qris_payload:
            self.qris_view.show_note(self.tr("This stand has no QRIS code yet "
                                             "(Menu, Settings, stand QRIS code)"))
        elif not amount:
            self.qris_view.show_note(self.tr("Type the QRIS amount to show its code"))
        else:
            try:
                self.qris_view.show_code(dynamic_payload(self.qris_payload, amount))
                shown = amount
            except InvalidInput as exc:
                self.qris_view.show_note(user_message(exc))
        self.qris_caption.setText(self.tr("Scan to pay %1").replace("%1", format_rupiah(
            shown or 0)) if shown else PaymentMethod.QRIS.label.text(current_language()))
        if shown != self._qris_shown:
            self._qris_shown = shown
            self.qris_changed.emit(shown)

    # -- actions ---------------------------------------------------------------------
    def select_method(self, method: PaymentMethod) -> None:
        """Take this payment by *method*; a non-cash amount starts at what is due."""
        if self.sale is not None:
            return
        self.method_buttons[method].setChecked(True)
        if method is not self._method:
            self._method = method
            self._fill_default()

    def _fill_default(self) -> None:
        cash = self._method is PaymentMethod.CASH
        self.amount_input.setText("" if cash else format_rupiah(self._default()))
        self._refresh()
        self._focus_amount()

    def _focus_amount(self) -> None:
        self.amount_input.setFocus()
        self.amount_input.selectAll()  # typing replaces the amount shown

    def _quick_cash(self, i: int) -> None:
        if self.sale is None and i < len(self._quick):
            self.select_method(PaymentMethod.CASH)
            self.amount_input.setText(format_rupiah(self._quick[i]))
            self._focus_amount()

    def _checked_amount(self) -> int | None:
        """This payment's amount if its method can take it; else say why."""
        try:
            amount = self._amount()
        except InvalidInput:
            self._say(self._not_an_amount())
            return None
        if self._method is PaymentMethod.QRIS and amount > QRIS_MAX_PAYMENT:
            self.amount_input.setText(format_rupiah(QRIS_MAX_PAYMENT))
            self._say(self._qris_limit())
            return None
        return amount

    def add_payment(self) -> None:
        """The split step: move this payment into the list of payments taken."""
        if self.sale is not None:
            return
        if not self.splitting and not self.amount_input.text().strip() \
                and self._method is PaymentMethod.CASH:
            self.splitting = True  # nothing typed yet: open the split, take nothing
            self._refresh()
            self._focus_amount()
            return
        amount = self._checked_amount()
        if amount is None:
            return
        if amount == 0 or self.remaining() == 0:
            self._say(self.tr("Type the amount of this payment first") if amount == 0
                      else self.tr("Nothing is left to pay: press Pay"))
            return
        payments = [*self.taken, Payment(self._method, amount)]
        try:  # every rule but "enough": settle against what has been tendered so far
            settle(min(self.total, sum(p.tendered for p in payments)), payments)
        except PosError as exc:
            self._say(user_message(exc))
            return
        self.taken, self.splitting = payments, True
        self._fill_default()

    def remove_payment(self) -> None:
        """Take the selected payment (or the last one) out of the list."""
        if not self.taken:
            return
        row = self.payment_list.currentRow()
        self.taken.pop(row if 0 <= row < len(self.taken) else -1)
        self._fill_default()

    def print_qris_slip(self) -> None:
        """Ask for a slip with the QRIS code of this payment, for a buyer who cannot see the
        screen."""
        if self.sale is None and self._method is PaymentMethod.QRIS and self._qris_shown:
            self.qris_slip_requested.emit(self._qris_shown)

    def confirm(self) -> None:
        """Record the sale with every payment; stay with the reason if refused."""
        if self.sale is not None:
            return
        amount = self._checked_amount()
        if amount is None:
            return
        payments = [*self.taken, *([Payment(self._method, amount)] if amount else [])]
        try:
            self.sale = self.session.pay(payments)
        except PosError as exc:
            self._say(user_message(exc))
            return
        merged: dict[PaymentMethod, int] = {}
        for p in payments:
            merged[p.method] = merged.get(p.method, 0) + p.tendered
        self._show_qris(None)
        self.paid_view.show_sale(self.sale, [Payment(m, v) for m, v in merged.items()])
        self.steps.setCurrentWidget(self.paid_view)
        self.paid_view.new_sale_button.setFocus()
        self.paid.emit(self.sale)

    def back(self) -> None:
        """Back to the cart (nothing recorded), or on to the next sale once paid."""
        self._method = PaymentMethod.CASH
        self._show_qris(None)
        self.closed.emit()

    def clear(self) -> None:
        """Forget the payment and the sale paid (the cashier changes): nothing of the last
        buyer's payment stays for the next cashier."""
        self.sale, self.taken, self.splitting = None, [], False
        self._method = PaymentMethod.CASH
        self._show_qris(None)
        self.amount_input.clear()
        self.steps.setCurrentWidget(self.pay_step)

    def say(self, text: str) -> None:
        """A short outcome (a slip queued, a refusal) in the panel's message line."""
        self._say(text)

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
