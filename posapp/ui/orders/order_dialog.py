"""Taking an order: the buyer, the due date, the lines, a deposit (or none), then Save."""

from __future__ import annotations

from datetime import date, timedelta

from babel import Locale
from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.errors import PosError
from posapp.domain.fx import convert, format_foreign, format_rate
from posapp.domain.money import format_rupiah
from posapp.domain.order import Buyer, OrderItem, PaymentKind
from posapp.domain.tender import Payment
from posapp.services import fx
from posapp.services.orders import OrderView
from posapp.services.session.stand import StandSession
from posapp.ui.common.errors import user_message
from posapp.ui.common.fit import fit_dialog, scrolling_body
from posapp.ui.common.i18n import current_language
from posapp.ui.common.pin_prompt import TOUCH, touch_button
from posapp.ui.common.widgets import big_label, message_label, set_role, show_message
from posapp.ui.orders.lines import OrderLinesEditor
from posapp.ui.orders.models import OrderWords
from posapp.ui.orders.payment_dialog import OrderPaymentDialog

# Where the exhibitions' foreign buyers mostly come from (any other may be typed).
COUNTRIES = ("ID", "MY", "SG", "BN", "TH", "PH", "VN", "TL", "AU", "NZ", "JP", "KR", "CN",
             "TW", "HK", "IN", "SA", "AE", "QA", "TR", "NL", "DE", "FR", "GB", "IT", "US", "CA")
DEFAULT_DUE_DAYS = 14


def country_names(lang: str) -> list[str]:
    """The common countries' names in *lang* (Babel's), in the order of COUNTRIES."""
    names = Locale.parse(lang).territories
    return [names.get(code, code) for code in COUNTRIES]


class CurrencyEstimate(QObject):
    """An order's total and balance in the buyer's currency, when the stand has a rate for
    it: an estimate only (payments are always in rupiah). The rates are read once."""

    def __init__(self, session: StandSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        try:
            self.rates = session.orders.rates()
        except PosError:  # no estimate then; the order itself does not need one
            self.rates = {}

    def text(self, country: str, total: int, balance: int) -> str:
        """``≈ US$ 76.92 · balance ≈ US$ 61.54 (estimate at 1 USD = Rp 13.000)``, or ""
        when the buyer's country is not known or the stand has no rate for its currency."""
        rate = fx.rate_for(self.rates, country=country) if self.rates else None
        if rate is None:
            return ""
        return self.tr("≈ {total} · balance ≈ {balance} (estimate at {rate})").format(
            total=format_foreign(convert(total, rate), rate.code),
            balance=format_foreign(convert(balance, rate), rate.code), rate=format_rate(rate))


class OrderDialog(QDialog):
    """An order for later delivery, placed by Save; it then shows the number and the balance."""

    placed = Signal(object)  # the OrderView, once the order is saved
    payment_opened = Signal(object)  # the deposit's payment dialog (the buyer's display follows)

    def __init__(self, session: StandSession, parent: QWidget | None = None, *, today: date,
                 items: list[OrderItem] | None = None, cart_discount: bool = False,
                 lang: str = "id", qris_payload: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("orderDialog")
        self.session, self.today, self.qris_payload = session, today, qris_payload
        self.cart_discount = cart_discount
        self.deposit: list[Payment] = []
        self.view: OrderView | None = None  # the order once placed
        self.payment: OrderPaymentDialog | None = None  # the deposit dialog while it is up
        self.words = OrderWords(self)
        self.estimate = CurrencyEstimate(session, self)
        self._build(lang)
        if items:
            self.lines.set_items(items)
        self.retranslate()
        self.name_input.setFocus()

    # -- building ----------------------------------------------------------------------------
    def _build(self, lang: str) -> None:
        self.buyer_box = QGroupBox(self, objectName="buyerBox")
        self.name_input = QLineEdit(self, objectName="buyerNameInput", maxLength=120)
        self.phone_input = QLineEdit(self, objectName="buyerPhoneInput", maxLength=25)
        self.email_input = QLineEdit(self, objectName="buyerEmailInput", maxLength=120)
        self.country = QComboBox(self, objectName="buyerCountryCombo", editable=True)
        self.country.addItems(country_names(lang))
        self.country.setCurrentIndex(-1)
        self.country.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.country.currentTextChanged.connect(lambda _text: self._update_money())
        self.pickup = QRadioButton(self, objectName="pickUpRadio")
        self.ship = QRadioButton(self, objectName="shipRadio")
        group = QButtonGroup(self)
        for radio in (self.pickup, self.ship):
            group.addButton(radio)
            radio.setMinimumHeight(TOUCH)
        self.pickup.setChecked(True)
        self.address = QLineEdit(self, objectName="buyerAddressInput", maxLength=400)
        self.address.setEnabled(False)
        self.ship.toggled.connect(self.address.setEnabled)
        self.ship.toggled.connect(lambda on: on and self.address.setFocus())
        self.due = QDateEdit(self, objectName="dueDateEdit", calendarPopup=True)
        self.due.setDisplayFormat("dd-MM-yyyy")
        self.due.setMinimumDate(QDate(self.today))  # never in the past
        self.due.setDate(QDate(self.today + timedelta(days=DEFAULT_DUE_DAYS)))
        self.note = QLineEdit(self, objectName="orderNoteInput", maxLength=400)
        self.labels = {k: QLabel(self) for k in ("name", "phone", "email", "country", "due",
                                                 "note", "address")}
        form = QFormLayout(self.buyer_box)
        for key, widget in (("name", self.name_input), ("phone", self.phone_input),
                            ("email", self.email_input), ("country", self.country)):
            form.addRow(self.labels[key], widget)
        self.delivery_box = QGroupBox(self, objectName="deliveryBox")
        delivery = QFormLayout(self.delivery_box)
        delivery.addRow(self.pickup)
        delivery.addRow(self.ship)
        for key, widget in (("address", self.address), ("due", self.due), ("note", self.note)):
            delivery.addRow(self.labels[key], widget)
        for widget in (self.name_input, self.phone_input, self.email_input, self.country,
                       self.address, self.due, self.note):
            widget.setMinimumHeight(TOUCH)
        self.lines = OrderLinesEditor(self.session, self)
        self.lines.changed.connect(self._update_money)
        self.discount_note = message_label("cartDiscountNote", self)
        self.total_label = big_label("orderTotalLabel", 20, self)
        self.deposit_label = QLabel(self, objectName="depositLabel", wordWrap=True)
        self.balance_label = big_label("orderBalanceLabel", 14, self)
        self.estimate_label = QLabel(self, objectName="orderEstimateLabel", wordWrap=True)
        self.estimate_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.estimate_label.hide()
        self.deposit_button = touch_button(self, "depositButton")
        self.deposit_button.clicked.connect(self.take_deposit)
        self.error = message_label("orderErrorLabel", self)
        self.done_label = big_label("orderDoneLabel", 16, self)
        self.done_label.setWordWrap(True)
        self.done_label.hide()
        self.cancel_button = touch_button(self, "orderCancelButton")
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = touch_button(self, "saveOrderButton")
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self.save)
        self._lay_out()

    def _lay_out(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.buyer_box)
        left.addWidget(self.delivery_box)
        left.addStretch(1)
        money = QHBoxLayout()
        money.addWidget(self.deposit_label, 1)
        money.addWidget(self.deposit_button)
        right = QVBoxLayout()
        right.addWidget(self.lines, 1)
        right.addWidget(self.discount_note)
        right.addWidget(self.total_label, 0, Qt.AlignmentFlag.AlignRight)
        right.addLayout(money)
        right.addWidget(self.balance_label, 0, Qt.AlignmentFlag.AlignRight)
        right.addWidget(self.estimate_label)
        right.addWidget(self.done_label)
        right.addWidget(self.error)
        # the form scrolls on a small screen; Cancel and Save stay below it
        body, buttons = scrolling_body(self)
        fit_dialog(self, roomy=True)  # two columns of fields and a list: it wants the room
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New order"))
        self.buyer_box.setTitle(self.tr("Buyer"))
        self.delivery_box.setTitle(self.tr("Delivery"))
        for key, text in (("name", self.tr("Name")), ("phone", self.tr("Phone / WhatsApp")),
                          ("email", self.tr("Email")), ("country", self.tr("Country")),
                          ("address", self.tr("Address")), ("due", self.tr("Due date")),
                          ("note", self.tr("Note"))):
            self.labels[key].setText(text)
        for widget, placeholder, accessible in (
            (self.name_input, self.tr("The buyer's name"), self.tr("Buyer's name")),
            (self.phone_input, self.tr("for example +62 812 3456 7890"),
             self.tr("Buyer's phone or WhatsApp")),
            (self.email_input, self.tr("for example buyer@example.com"), self.tr("Buyer's email")),
            (self.address, self.tr("Street, town, postcode, country"),
             self.tr("Address to ship to")),
            (self.note, self.tr("Anything the maker or courier should know"),
             self.tr("Note on the order")),
        ):
            widget.setPlaceholderText(placeholder)
            widget.setAccessibleName(accessible)
        country_edit = self.country.lineEdit()
        if country_edit is not None:  # an editable combo box always has one
            country_edit.setPlaceholderText(self.tr("Country (choose or type)"))
        self.country.setAccessibleName(self.tr("Buyer's country"))
        self.pickup.setText(self.tr("Picked up at the stand"))
        self.pickup.setAccessibleName(self.tr("Picked up at the stand"))
        self.ship.setText(self.tr("Shipped to the buyer"))
        self.ship.setAccessibleName(self.tr("Shipped to the buyer"))
        self.due.setAccessibleName(self.tr("Due date"))
        self.deposit_button.setText(f"{PaymentKind.DEPOSIT.label.text(current_language())}…")
        self.deposit_button.setAccessibleName(self.tr("Take a deposit"))
        done = self.view is not None
        self.cancel_button.setText(self.tr("Close (Esc)") if done else self.tr("Cancel (Esc)"))
        self.cancel_button.setAccessibleName(self.tr("Close") if done
                                             else self.tr("Cancel the new order"))
        self.save_button.setText(self.tr("Save order"))
        self.save_button.setAccessibleName(self.tr("Save order"))
        self.total_label.setAccessibleName(self.tr("Order total"))
        show_message(self.discount_note, self.tr(
            "The cart's discounts are not carried over: an order takes the catalog prices.")
            if self.cart_discount and not done else "", error=False)
        self._update_money()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- money -------------------------------------------------------------------------------
    def total(self) -> int:
        return self.view.total if self.view is not None else self.lines.total()

    def _update_money(self) -> None:
        total = self.total()
        paid = sum(p.tendered for p in self.deposit)
        self.total_label.setText(self.tr("Total {amount}").format(amount=format_rupiah(total)))
        if self.deposit:
            parts = ", ".join(f"{self.words.method(p.method.value)} {format_rupiah(p.tendered)}"
                              for p in self.deposit)
            deposit = PaymentKind.DEPOSIT.label.text(current_language())
            self.deposit_label.setText(f"{deposit}: {parts}")
        else:
            self.deposit_label.setText(self.tr("No deposit"))
        balance = max(0, total - paid)
        self.balance_label.setText(self.tr("Balance due {amount}").format(
            amount=format_rupiah(balance)))
        estimate = self.estimate.text(self.country.currentText(), total, balance)
        self.estimate_label.setText(estimate)
        self.estimate_label.setVisible(bool(estimate))
        if self.view is not None:
            self._show_done(self.view)

    def take_deposit(self) -> None:
        """The deposit by any method (split, QRIS code shown); nothing is recorded yet."""
        total = self.lines.total()
        if total <= 0:
            show_message(self.error, self.tr("Add what the buyer orders first."))
            return
        self.payment = OrderPaymentDialog(self.session, "deposit", total, taken=self.deposit,
                                          parent=self, qris_payload=self.qris_payload)
        self.payment.accepted.connect(self._deposit_taken)
        self.payment.open()
        self.payment_opened.emit(self.payment)

    def _deposit_taken(self) -> None:
        if self.payment is not None:
            self.deposit = list(self.payment.payments)
        show_message(self.error, "")
        self._update_money()

    # -- saving ------------------------------------------------------------------------------
    def buyer(self) -> Buyer:
        return Buyer(self.name_input.text(), self.phone_input.text(), self.email_input.text(),
                     self.country.currentText(),
                     self.address.text() if self.ship.isChecked() else "")

    def save(self) -> None:
        """Place the order (its deposit, its reservations); stay open with the reason if
        refused, else show its number and balance."""
        if self.view is not None:
            return
        if self.ship.isChecked() and not self.address.text().strip():
            show_message(self.error, self.tr("Type the address to ship to, or choose pick-up."))
            self.address.setFocus()
            return
        try:
            result = self.session.orders.place(self.buyer(), self.lines.items(),
                                               due=self.due.date().toPython(),
                                               deposit=self.deposit, note=self.note.text())
        except PosError as exc:
            show_message(self.error, user_message(exc))
            return
        self.view = result.order
        show_message(self.error, "")
        self.lines.show_saved(self.view)
        for widget in (self.buyer_box, self.delivery_box, self.deposit_button):
            widget.setEnabled(False)
        self.save_button.hide()
        self.retranslate()
        self.cancel_button.setFocus()
        self.placed.emit(self.view)

    def _show_done(self, order: OrderView) -> None:
        reserved = sum(ln.reserved for ln in order.lines)
        text = self.tr("Order {number} saved. Balance due {balance}, by {due}.").format(
            number=order.order_no, balance=format_rupiah(order.balance),
            due=order.due.strftime("%d-%m-%Y") if order.due else "—")
        if reserved:
            text += " " + self.tr("{n} piece(s) from stock are kept for it.").format(n=reserved)
        self.done_label.setText(text)
        set_role(self.done_label, "success")
        self.done_label.show()

    def on_scan(self, code: str) -> None:
        """A scanner burst aimed at this dialog: a catalog item for the order."""
        if self.view is None and (self.payment is None or not self.payment.isVisible()):
            self.lines.add_code(code)
