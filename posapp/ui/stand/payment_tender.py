"""Taking money, in one set of parts for every payment: a sale's (payment_panel.py) and an
order's deposit, payment or hand-over (posapp/ui/orders/payment_dialog.py).

Longer than a screen: the parts share one state (what is due, the payments taken in the
split, the method and amount being typed) and redraw together as the cashier types; the
pieces without Qt are in payment_amounts.py and the QRIS code in payment_qris.py.

The host says what is due (``start``), words its own captions and the confirm button
(after ``updated``), records ``payments()`` when the cashier confirms (``confirm_requested``:
the button; Enter is the host's key) and shows a refusal with ``say``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.errors import InvalidInput, PosError
from posapp.domain.money import format_rupiah
from posapp.domain.qris import dynamic_payload
from posapp.domain.tender import Payment, PaymentMethod, method_label, settle
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
from posapp.ui.stand.payment_qris import QrisCode

SPLIT_KEY, SLIP_KEY = key("splitPayment"), key("qrisSlip")


def settle_so_far(total: int, payments: list[Payment]) -> object:
    """Every rule of a payment but "enough": checked against what is tendered so far."""
    return settle(min(total, sum(p.tendered for p in payments)), payments)


@dataclass(frozen=True, slots=True)
class TenderRules:
    """What one payment allows; a sale's by default."""

    # An empty amount is what is due (a deposit: nothing).
    empty_is_due: bool = True
    # Cash above what is due is given back as change (a deposit: never).
    gives_change: bool = True
    # Quick cash offers larger notes after the exact amount (a deposit: the exact only).
    round_up: bool = True
    # The rules a payment added to the split must keep (raises PosError): total, payments.
    check: Callable[[int, list[Payment]], object] = field(default=settle_so_far)


class TenderWidget(QWidget):
    """Methods, the amount, quick cash, the split step, the QRIS code, change or what is
    left, one line for a refusal, Back and the confirm button; the keys on *keys_on*."""

    qris_changed = Signal(object)  # the amount the QRIS code asks for now, or None
    qris_slip_requested = Signal(int)  # print a QRIS slip for this amount
    updated = Signal()  # what is due or typed changed: the host words its captions again
    confirm_requested = Signal()
    back_requested = Signal()

    def __init__(self, keys_on: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tender")
        self.keys_on = keys_on
        self.rules = TenderRules()
        self.total = 0
        self.qris_payload = ""
        self.taken: list[Payment] = []
        self.splitting = False
        self.done = False  # paid, or left: the keys do nothing, no code is shown
        self._method = PaymentMethod.CASH
        self._quick: list[int] = []
        self._qris_shown: int | None = None
        self._build()
        self.retranslate()

    # -- building ----------------------------------------------------------------------
    def _key(self, sequence: str, slot: Callable[..., object]) -> None:
        shortcut = QShortcut(QKeySequence(sequence), self.keys_on)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    def _button(self, name: str, height: int = 48, role: str = "secondary") -> QPushButton:
        b = button(name, self, height=height)
        b.setProperty("role", role)
        b.setAutoDefault(False)  # Enter always confirms, whatever has the focus (a dialog)
        return b

    def _build(self) -> None:
        self.due_caption, self.due_label = QLabel(self), big_label("dueLabel", 24, self)
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
        self.amount_caption, self.amount_input = QLabel(self), QLineEdit(self)
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
        self.split_caption = QLabel(self)
        self.split_caption.setObjectName("splitCaption")
        self.split_caption.setWordWrap(True)  # long in Indonesian: never widens the window
        self.payment_list = QListWidget(self)
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
        self.change_caption = big_label("changeCaption", 16, self, bold=False)
        self.change_label = big_label("changeLabel", 36, self)
        self.remaining_caption = big_label("remainingCaption", 16, self, bold=False)
        self.remaining_label = big_label("remainingLabel", 36, self)
        self.qris_caption = big_label("qrisCaption", 16, self)
        self.qris_view = QrisCode(self)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("paymentErrorLabel")
        self.error_label.setProperty("role", "warning")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.cancel_button = self._button("cancelPaymentButton", 64)
        self.cancel_button.clicked.connect(self.back_requested.emit)
        self.confirm_button = self._button("confirmPaymentButton", 64, "primary")
        font = self.confirm_button.font()
        font.setPointSize(18)
        font.setBold(True)
        self.confirm_button.setFont(font)
        self.confirm_button.clicked.connect(self.confirm_requested.emit)
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(middle, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(actions)

    # -- text ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.change_caption.setText(self.tr("Change"))
        self.change_label.setAccessibleName(self.tr("Change"))
        self.payment_list.setAccessibleName(self.tr("Payments taken so far"))
        for method, b in self.method_buttons.items():
            name = method_label(method, current_language())
            b.setText(f"{name}\n{METHOD_KEYS[method]}")
            b.setAccessibleName(self.tr("Pay by %1").replace("%1", name))
        self.remove_button.setText(self.tr("Remove payment"))
        self.remove_button.setAccessibleName(self.tr("Remove payment"))
        self.slip_button.setText(self.tr("QRIS slip (%1)").replace("%1", SLIP_KEY))
        self.slip_button.setAccessibleName(self.tr("Print a QRIS slip"))
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _amount_caption(self) -> str:
        if self._method is PaymentMethod.CASH:
            return self.tr("Cash received")
        return self.tr("QRIS amount") if self._method is PaymentMethod.QRIS else self.tr("Amount")

    def say(self, text: str) -> None:
        """One line under the parts: a refusal, a short outcome; "" hides it."""
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _not_an_amount(self) -> str:
        return self.tr("Invalid amount. Type digits only, for example 150.000")

    def _qris_limit(self) -> str:
        return self.tr("QRIS takes at most %1 in one payment: split the payment (%2) and "
                       "take the rest another way").replace("%1", format_rupiah(
                           QRIS_MAX_PAYMENT)).replace("%2", SPLIT_KEY)

    # -- state -----------------------------------------------------------------------
    def start(self, total: int, qris_payload: str, taken: list[Payment] | None = None) -> None:
        """A new payment of *total*; *qris_payload* is the stand's static QRIS code ("" when
        it has none); *taken*: payments already in the split (shown in its list)."""
        self.total, self.qris_payload = total, qris_payload.strip()
        self.taken, self.splitting, self.done = list(taken or []), bool(taken), False
        self._method = PaymentMethod.CASH
        self.method_buttons[PaymentMethod.CASH].setChecked(True)
        self.say("")
        self.amount_input.clear()
        self._refresh()
        self.focus_amount()

    @property
    def method(self) -> PaymentMethod:
        return self._method

    @property
    def qris_amount(self) -> int | None:
        """The amount the QRIS code shown asks for, or None (no code shown)."""
        return self._qris_shown

    def remaining(self) -> int:
        """What is still due after the payments taken in the split."""
        return max(0, self.total - sum(p.tendered for p in self.taken))

    def _suggested(self) -> int:
        """What this method's amount starts at: what is due (QRIS: at most its cap)."""
        due = self.remaining()
        return min(due, QRIS_MAX_PAYMENT) if self._method is PaymentMethod.QRIS else due

    def _amount(self) -> int:
        """The amount of this payment: the typed one; when empty, what is due (or nothing,
        by the rules); InvalidInput when it is not an amount."""
        text = self.amount_input.text()
        if text.strip():
            return read_amount(text)
        return self._suggested() if self.rules.empty_is_due else 0

    def amount(self) -> int | None:
        """This payment's amount as typed now, or None when it is not an amount."""
        try:
            return self._amount()
        except InvalidInput:
            return None

    def _refresh(self) -> None:
        """Redraw what depends on the payments taken."""
        due = self.remaining()
        self.due_label.setText(format_rupiah(self.total))
        self._quick = quick_amounts(due) if self.rules.round_up else [due] if due else []
        exact = self.tr("Exact amount")
        for i, b in enumerate(self.quick_buttons):
            b.setVisible(i < len(self._quick) and self._method is PaymentMethod.CASH)
            if i < len(self._quick):
                amount = format_rupiah(self._quick[i])
                b.setText(f"{exact if i == 0 else amount}\n{QUICK_CASH_KEYS[i]}")
                b.setAccessibleName(self.tr("Cash received: %1").replace("%1", amount))
        self.payment_list.clear()
        lang = current_language()
        for p in self.taken:
            self.payment_list.addItem(f"{method_label(p.method, lang)}  "
                                      f"{format_rupiah(p.tendered)}")
        self.split_caption.setText(self.tr("Split payment: %1 of %2 paid").replace(
            "%1", format_rupiah(self.total - due)).replace("%2", format_rupiah(self.total)))
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
        self.amount_input.setPlaceholderText(
            self.tr("Leave empty for the exact amount, %1").replace(
                "%1", format_rupiah(self._suggested())) if self.rules.empty_is_due
            else self.tr("for example 150.000"))
        message = ""
        amount = self.amount()
        if amount is None and not could_be_amount(self.amount_input.text()):
            message = self._not_an_amount()
        if qris and amount is not None and amount > QRIS_MAX_PAYMENT:
            message, amount = self._qris_limit(), None
        elif qris and self.remaining() > QRIS_MAX_PAYMENT and amount == QRIS_MAX_PAYMENT:
            message = self._qris_limit()
        self.say(message)
        left = None if amount is None else self.remaining() - amount
        # change only when there is change to give; what is left only once something is
        # paid (before that it is the total, shown above)
        change = self.rules.gives_change and self._method.info.gives_change \
            and left is not None and left < 0
        short = left is not None and 0 < left < self.total
        self.change_label.setText(format_rupiah(-left) if change and left is not None else "")
        self.remaining_label.setText(format_rupiah(left) if short and left is not None else "")
        for widget, shown in ((self.change_caption, change), (self.change_label, change),
                              (self.remaining_caption, short), (self.remaining_label, short)):
            widget.setVisible(shown)
        self.slip_button.setVisible(qris)
        self.slip_button.setEnabled(bool(self.qris_payload) and bool(amount))
        self._show_qris(amount if qris and not self.done else None)
        self.updated.emit()

    def _show_qris(self, amount: int | None) -> None:
        qris = self._method is PaymentMethod.QRIS and not self.done
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

    def stop(self) -> None:
        """Paid or left: no more keys, and the QRIS code goes (the buyer's display too)."""
        self.done = True
        self._show_qris(None)

    # -- actions ---------------------------------------------------------------------
    def select_method(self, method: PaymentMethod) -> None:
        """Take this payment by *method*; a non-cash amount starts at what is due."""
        if self.done:
            return
        self.method_buttons[method].setChecked(True)
        if method is not self._method:
            self._method = method
            self._fill_default()

    def _fill_default(self) -> None:
        cash = self._method is PaymentMethod.CASH
        self.amount_input.setText("" if cash else format_rupiah(self._suggested()))
        self._refresh()
        self.focus_amount()

    def focus_amount(self) -> None:
        self.amount_input.setFocus()
        self.amount_input.selectAll()  # typing replaces the amount shown

    def _quick_cash(self, i: int) -> None:
        if not self.done and i < len(self._quick):
            self.select_method(PaymentMethod.CASH)
            self.amount_input.setText(format_rupiah(self._quick[i]))
            self.focus_amount()

    def _checked_amount(self) -> int | None:
        """This payment's amount if its method can take it; else say why."""
        try:
            amount = self._amount()
        except InvalidInput:
            self.say(self._not_an_amount())
            return None
        if self._method is PaymentMethod.QRIS and amount > QRIS_MAX_PAYMENT:
            self.amount_input.setText(format_rupiah(QRIS_MAX_PAYMENT))
            self.say(self._qris_limit())
            return None
        return amount

    def payments(self) -> list[Payment] | None:
        """The payments to record: those taken in the split and this one (when it is not
        nothing); None, with the reason said, when this amount is not one."""
        amount = self._checked_amount()
        if amount is None:
            return None
        return [*self.taken, *([Payment(self._method, amount)] if amount else [])]

    def add_payment(self) -> None:
        """The split step: move this payment into the list of payments taken."""
        if self.done:
            return
        if not self.splitting and not self.amount_input.text().strip() \
                and self._method is PaymentMethod.CASH:
            self.splitting = True  # nothing typed yet: open the split, take nothing
            self._refresh()
            self.focus_amount()
            return
        amount = self._checked_amount()
        if amount is None:
            return
        if amount == 0 or self.remaining() == 0:
            self.say(self.tr("Type the amount of this payment first") if amount == 0
                     else self.tr("Nothing is left to pay: press Pay"))
            return
        payments = [*self.taken, Payment(self._method, amount)]
        try:
            self.rules.check(self.total, payments)
        except PosError as exc:
            self.say(user_message(exc))
            return
        self.taken, self.splitting = payments, True
        self._fill_default()

    def remove_payment(self) -> None:
        """Take the selected payment (or the last one) out of the list."""
        if not self.taken or self.done:
            return
        row = self.payment_list.currentRow()
        self.taken.pop(row if 0 <= row < len(self.taken) else -1)
        self._fill_default()

    def print_qris_slip(self) -> None:
        """Ask for a slip with the QRIS code of this payment, for a buyer who cannot see the
        screen."""
        if not self.done and self._method is PaymentMethod.QRIS and self._qris_shown:
            self.qris_slip_requested.emit(self._qris_shown)
