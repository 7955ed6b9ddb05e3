"""The payment dialog: cash, QRIS, card and transfer, split between them, change shown big.

Orders take their payments here (posapp/ui/orders/payment_dialog.py); a sale is paid in
the stand window's payment panel (payment_panel.py).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
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
from posapp.domain.tender import Payment, PaymentMethod, method_label, settle
from posapp.services.checkout import SaleResult
from posapp.services.session.stand import StandSession
from posapp.ui.common.errors import user_message
from posapp.ui.common.i18n import current_language
from posapp.ui.common.qris_view import QrisImageFactory, QrisView
from posapp.ui.common.widgets import set_role
from posapp.ui.stand.keymap import METHOD_KEYS, QUICK_CASH_KEYS, key
from posapp.ui.stand.payment_amounts import (
    QRIS_MAX_PAYMENT,
    could_be_amount,
    quick_amounts,
    read_amount,
)

ADD_PAYMENT_KEY = key("splitPayment")


class PaymentDialog(QDialog):
    """Take payment for the session's cart; on success ``sale`` holds the result and it accepts."""

    paid = Signal(object)  # the SaleResult, emitted just before accept()

    def __init__(self, session: StandSession, parent: QWidget | None = None, *,
                 qris_image: QrisImageFactory | None = None, due: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paymentDialog")
        self.setModal(True)
        self.session = session
        self.total = session.total() if due is None else due  # *due*: an order's (order_payment)
        self.sale: SaleResult | None = None
        self.taken: list[Payment] = []
        self._method = PaymentMethod.CASH
        self._quick: list[int] = []
        self._build(qris_image)
        self.retranslate()
        self._focus_amount()

    # -- building ----------------------------------------------------------------------
    def _button(self, name: str, key: str | None = None) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.setMinimumHeight(44)
        button.setAutoDefault(False)  # Enter always means Pay, whatever has the focus
        if key:  # not setShortcut: its delayed animateClick could land after typed digits
            QShortcut(QKeySequence(key), self).activated.connect(button.click)
        return button

    def _value_label(self, name: str, points: int) -> tuple[QLabel, QLabel]:
        """A caption and a large bold amount beside it."""
        caption, label = QLabel(self), QLabel(self)
        label.setObjectName(name)
        font = label.font()
        font.setPointSize(points)
        font.setBold(True)
        label.setFont(font)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return caption, label

    def _build(self, qris_image: QrisImageFactory | None) -> None:
        self.due_caption, self.due_label = self._value_label("dueLabel", 28)
        self.remaining_caption, self.remaining_label = self._value_label("remainingLabel", 18)
        self.change_caption, self.change_label = self._value_label("changeLabel", 44)
        self.method_group = QButtonGroup(self)
        self.method_buttons: dict[PaymentMethod, QPushButton] = {}
        for i, method in enumerate(PaymentMethod):
            button = self._button(f"method{method.value.capitalize()}", METHOD_KEYS[method])
            button.setCheckable(True)
            self.method_group.addButton(button, i)
            self.method_buttons[method] = button
        self.method_buttons[PaymentMethod.CASH].setChecked(True)
        self.method_group.idClicked.connect(lambda i: self.select_method(list(PaymentMethod)[i]))
        self.amount_caption, self.amount_input = QLabel(self), QLineEdit(self)
        self.amount_input.setObjectName("cashReceivedInput")
        self.amount_input.setMinimumHeight(44)
        self.amount_input.textChanged.connect(self._update_live)
        self.amount_caption.setBuddy(self.amount_input)
        self.quick_buttons = [self._button(f"quickCash{i}", key)
                              for i, key in enumerate(QUICK_CASH_KEYS)]
        for i, button in enumerate(self.quick_buttons):
            button.clicked.connect(lambda _checked=False, i=i: self._quick_cash(i))
        self.qris_view = QrisView(qris_image, self)
        self.qris_view.hide()
        self.payment_list = QListWidget(self)
        self.payment_list.setObjectName("paymentList")
        self.payment_list.setMaximumHeight(120)
        self.add_button = self._button("addPaymentButton", ADD_PAYMENT_KEY)
        self.add_button.clicked.connect(self.add_payment)
        self.remove_button = self._button("removePaymentButton")
        self.remove_button.clicked.connect(self.remove_payment)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.payment_list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_payment)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("paymentErrorLabel")
        self.error_label.setWordWrap(True)
        set_role(self.error_label, "error")
        self.error_label.hide()
        self.cancel_button = self._button("cancelPaymentButton")
        self.cancel_button.setProperty("role", "secondary")
        self.cancel_button.clicked.connect(self.reject)
        self.confirm_button = self._button("confirmPaymentButton")
        self.confirm_button.setProperty("role", "primary")  # the dialog's main action
        self.confirm_button.clicked.connect(self.confirm)
        self._lay_out()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        rows: list[list[QWidget | None]] = [
                [*self.method_buttons.values()], [self.due_caption, self.due_label],
                [self.amount_caption, self.amount_input], [*self.quick_buttons],
                [None, self.qris_view, None],
                [self.payment_list, self.add_button, self.remove_button],
                [self.remaining_caption, self.remaining_label],
                [self.change_caption, self.change_label], [self.error_label],
                [self.cancel_button, None, self.confirm_button]]
        for row in rows:
            line = QHBoxLayout()
            for widget in row:
                if widget is None:
                    line.addStretch(1)
                else:
                    line.addWidget(widget)
            layout.addLayout(line)

    # -- text ------------------------------------------------------------------------
    def method_name(self, method: PaymentMethod) -> str:
        return method_label(method, current_language())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Payment"))
        for caption, value, text in (
                (self.due_caption, self.due_label, self.tr("Total due")),
                (self.remaining_caption, self.remaining_label, self.tr("Still to pay")),
                (self.change_caption, self.change_label, self.tr("Change")),
                (self.amount_caption, self.amount_input, self.tr("Amount received"))):
            caption.setText(text)
            value.setAccessibleName(text)
        self.amount_input.setPlaceholderText(self.tr("for example 150.000"))
        for method, button in self.method_buttons.items():
            name = self.method_name(method)
            button.setText(f"{name} ({METHOD_KEYS[method]})")
            button.setAccessibleName(self.tr("Pay by %1").replace("%1", name))
        self.payment_list.setAccessibleName(self.tr("Payments taken so far"))
        add = self.tr("Add payment")
        for button, label, accessible in (
                (self.add_button, f"{add} ({ADD_PAYMENT_KEY})", add),
                (self.remove_button, self.tr("Remove payment"), self.tr("Remove payment")),
                (self.cancel_button, self.tr("Back (Esc)"), self.tr("Back without paying")),
                (self.confirm_button, self.tr("Pay (Enter)"), self.tr("Pay"))):
            button.setText(label)
            button.setAccessibleName(accessible)
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_error(self, exc: PosError) -> None:
        """Show a service's refusal inline, in the user's language."""
        self._show_message(user_message(exc))

    def _show_message(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _not_an_amount(self) -> str:
        return self.tr("Not an amount: type digits, for example 150000 or 150.000")

    def _qris_limit_message(self) -> str:
        return self.tr("QRIS takes at most %1 in one payment. The amount is set to %1: "
                       "press Add payment, then take the rest by another payment."
                       ).replace("%1", format_rupiah(QRIS_MAX_PAYMENT))

    # -- state -----------------------------------------------------------------------
    def remaining(self) -> int:
        """What is still due after the payments in the list."""
        return max(0, self.total - sum(p.tendered for p in self.taken))

    def _typed_amount(self) -> int:
        """The amount in the input, 0 when empty; InvalidInput when it is not an amount."""
        return read_amount(self.amount_input.text())

    def _payments(self, amount: int) -> list[Payment]:
        current = [Payment(self._method, amount)] if amount > 0 else []
        return [*self.taken, *current]

    def _refresh(self) -> None:
        """Redraw everything that depends on the list of payments."""
        self.due_label.setText(format_rupiah(self.total))
        self.remaining_label.setText(format_rupiah(self.remaining()))
        self._quick = quick_amounts(self.remaining())
        for i, button in enumerate(self.quick_buttons):
            button.setVisible(i < len(self._quick))
            if i < len(self._quick):
                amount = format_rupiah(self._quick[i])
                text = self.tr("Exact %1").replace("%1", amount) if i == 0 else amount
                button.setText(f"{text} ({QUICK_CASH_KEYS[i]})")
                button.setAccessibleName(self.tr("Cash received: %1").replace("%1", amount))
        self.payment_list.clear()
        for p in self.taken:
            self.payment_list.addItem(f"{self.method_name(p.method)}  {format_rupiah(p.tendered)}")
        self.remove_button.setEnabled(bool(self.taken))
        self._update_live()

    def _update_live(self) -> None:
        """Change due, QRIS code and inline hints, as the cashier types."""
        try:
            amount = self._typed_amount()
            message = ""
            if self._method is PaymentMethod.QRIS and amount > QRIS_MAX_PAYMENT:
                message = self._qris_limit_message()
        except InvalidInput:
            amount = 0
            message = "" if could_be_amount(self.amount_input.text()) else self._not_an_amount()
        self._show_message(message)
        try:
            change = settle(self.total, self._payments(amount)).change
        except PosError:
            change = 0
        self.change_label.setText(format_rupiah(change))
        qris = self._method is PaymentMethod.QRIS
        if qris:  # no code for an amount QRIS cannot take
            self.qris_view.set_amount(amount if amount <= QRIS_MAX_PAYMENT else 0)
        # "no QRIS code" only for a stand without one: an empty or bad amount shows nothing
        self.qris_view.setVisible(qris and (self.qris_view.make_image is None
                                            or not self.qris_view.is_placeholder))

    # -- actions ---------------------------------------------------------------------
    def select_method(self, method: PaymentMethod) -> None:
        """Pay the current amount by *method*; non-cash amounts default to what is due."""
        self.method_buttons[method].setChecked(True)
        if method is self._method:
            return
        self._method = method
        self._fill_default()

    def _fill_default(self) -> None:
        due = self.remaining()
        if self._method is PaymentMethod.QRIS:
            due = min(due, QRIS_MAX_PAYMENT)
        default = due if self._method is not PaymentMethod.CASH and due else None
        self.amount_input.setText(format_rupiah(default) if default else "")
        self._update_live()
        if self._method is PaymentMethod.QRIS and self.remaining() > QRIS_MAX_PAYMENT:
            self._show_message(self._qris_limit_message())
        self._focus_amount()

    def _focus_amount(self) -> None:
        self.amount_input.setFocus()
        self.amount_input.selectAll()  # typing replaces the amount shown

    def _quick_cash(self, i: int) -> None:
        if i < len(self._quick):
            self.select_method(PaymentMethod.CASH)
            self.amount_input.setText(format_rupiah(self._quick[i]))
            self._focus_amount()

    def _checked_amount(self) -> int | None:
        """The typed amount if it can be taken by the current method; else say why."""
        try:
            amount = self._typed_amount()
        except InvalidInput:
            self._show_message(self._not_an_amount())
            return None
        if self._method is PaymentMethod.QRIS and amount > QRIS_MAX_PAYMENT:
            self.amount_input.setText(format_rupiah(QRIS_MAX_PAYMENT))
            self._show_message(self._qris_limit_message())
            return None
        return amount

    def add_payment(self) -> None:
        """Move the current method and amount into the list of payments taken."""
        amount = self._checked_amount()
        if amount is None:
            return
        if amount == 0 or self.remaining() == 0:
            self._show_message(self.tr("Type the amount of this payment first")
                               if amount == 0 else self.tr("Nothing is left to pay: press Pay"))
            return
        payments = self._payments(amount)
        try:  # every rule but "enough": settle against what has been tendered so far
            settle(min(self.total, sum(p.tendered for p in payments)), payments)
        except PosError as exc:
            self._show_error(exc)
            return
        self.taken = payments
        self._refresh()
        self._fill_default()

    def remove_payment(self) -> None:
        """Take the selected payment (or the last one) out of the list."""
        if not self.taken:
            return
        row = self.payment_list.currentRow()
        self.taken.pop(row if 0 <= row < len(self.taken) else -1)
        self._refresh()
        if self._method is not PaymentMethod.CASH:
            self._fill_default()

    def confirm(self) -> None:
        """Record the sale with every payment; stay open with the reason if refused."""
        if self.sale is not None:
            return
        amount = self._checked_amount()
        if amount is None:
            return
        try:
            self.sale = self.session.pay(self._payments(amount))
        except PosError as exc:
            self._show_error(exc)
            return
        self.paid.emit(self.sale)
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.confirm()
            return
        super().keyPressEvent(event)
