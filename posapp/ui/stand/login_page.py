"""Cashier log-in by name and PIN, and opening a shift with the opening cash: each a
compact card in the middle of the stand window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from posapp.domain.errors import PosError
from posapp.domain.money import parse_rupiah
from posapp.services.session.stand import StandSession
from posapp.ui.common.errors import user_message
from posapp.ui.common.scanner import IGNORE_PROPERTY
from posapp.ui.common.widgets import big_label, button, message_label, set_role, show_message
from posapp.ui.stand.cart_panel import last_sale_text
from posapp.ui.stand.login_card import KEY_HEIGHT, Card, NameButtons, PinPad, centred


class LoginPage(QWidget):
    """A card in the middle of the window: the stand's name and province, the cashiers as
    large buttons, a PIN pad. Pick your name, type your PIN (keys or pad), Enter."""

    logged_in = Signal()

    def __init__(self, session: StandSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("loginPage")
        self.setProperty(IGNORE_PROPERTY, True)  # digits and letters here are typed by hand
        self.card = Card("loginCard", session.info, self)
        self.names_label = QLabel(self.card)
        self.names = NameButtons(self.card)
        self.names.picked.connect(self._picked)
        self.pin_label = QLabel(self.card)
        self.pin_input = QLineEdit(self.card)
        self.pin_input.setObjectName("loginPinInput")
        self.pin_input.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_input.setMinimumHeight(KEY_HEIGHT)
        self.pin_input.setMaxLength(12)
        self.pin_input.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d*"),
                                                                self.pin_input))
        self.pin_input.returnPressed.connect(self.submit)
        self.pad = PinPad(self.pin_input, self.card)
        self.pad.ok.connect(self.submit)
        self.login_button = self.pad.ok_button
        self.error = message_label("loginErrorLabel", self.card)
        self.error.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._lay_out()
        self.retranslate()

    def _lay_out(self) -> None:
        names = QVBoxLayout()
        names.addWidget(self.names_label)
        names.addWidget(self.names, 1)
        pin = QVBoxLayout()
        pin.addWidget(self.pin_label)
        pin.addWidget(self.pin_input)
        pin.addWidget(self.pad)
        pin.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(names, 1)
        columns.addLayout(pin)
        body = self.card.body
        body.addLayout(columns, 1)
        body.addWidget(self.error)
        self._centre = centred(self, self.card)
        QWidget.setTabOrder(self.pin_input, self.login_button)

    def retranslate(self) -> None:
        self.names_label.setText(self.tr("Choose your name"))
        self.pin_label.setText(self.tr("Type your PIN"))
        self.pad.delete.setText(self.tr("Delete"))
        self.login_button.setText(self.tr("Log in"))
        self.names.setAccessibleName(self.tr("Name"))
        self.pin_input.setAccessibleName(self.tr("PIN"))
        self.pad.delete.setAccessibleName(self.tr("Delete one digit"))
        self.login_button.setAccessibleName(self.tr("Log in"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reset(self) -> None:
        """The cashiers as they are now; nobody picked (unless there is only one)."""
        names = self.session.user_names()
        self.names.set_names(names)
        for layout in (self.card.body, self._centre):  # the card as wide as the names, now
            layout.activate()
        self.pin_input.clear()
        show_message(self.error, "")
        if len(names) == 1:
            self.names.pick(names[0], announce=False)
            self.pin_input.setFocus()
        else:
            self.names.focus_first()

    def pick(self, name: str) -> bool:
        """Pick the cashier *name*, as a click on their button does (False: no such name)."""
        return self.names.pick(name)

    def _picked(self, _name: str) -> None:
        show_message(self.error, "")
        self.pin_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Digits typed on the card go to the PIN: on a name's button (reached by arrows or
        its first letter) they pick that name first."""
        text = event.text()
        name = self.names.current() or self.names.focused()
        if text.isdigit() and name and not self.pin_input.hasFocus():
            self.names.pick(name)  # and on to the PIN field
            self.pin_input.insert(text)
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        name, pin = self.names.current(), self.pin_input.text()
        if not name:
            show_message(self.error, self.tr("Choose your name first"))
            self.names.focus_first()
            return
        if not pin:
            show_message(self.error, self.tr("Type your PIN, then Enter"))
            self.pin_input.setFocus()
            return
        try:
            self.session.login(name, pin, picked=True)
        except PosError as exc:
            self.pin_input.clear()
            show_message(self.error, user_message(exc))
            self.pin_input.setFocus()
            return
        self.pin_input.clear()
        self.logged_in.emit()


class OpenShiftPage(QWidget):
    """No shift is open: count the opening cash and start one."""

    shift_opened = Signal()

    def __init__(self, session: StandSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("openShiftPage")
        self.card = Card("openShiftCard", session.info, self)
        self.title = big_label("openShiftTitle", 15, self.card)
        self.float_label = QLabel(self.card)
        self.float_label.setWordWrap(True)
        self.float_input = QLineEdit(self.card)
        self.float_input.setObjectName("openingCashInput")
        self.float_input.setMinimumHeight(KEY_HEIGHT)
        self.float_input.returnPressed.connect(self.submit)
        self.open_button = button("openShiftButton", self.card, height=KEY_HEIGHT)
        self.open_button.setProperty("role", "primary")
        self.open_button.clicked.connect(self.submit)
        self.error = message_label("openShiftErrorLabel", self.card)
        self.last_sale = QLabel(self.card, objectName="openShiftLastSaleLabel")
        set_role(self.last_sale, "muted")  # after a restart: did the last sale go through?
        self.last_sale.setVisible(False)
        body = self.card.body
        body.addWidget(self.title, alignment=Qt.AlignmentFlag.AlignHCenter)
        body.addWidget(self.last_sale, alignment=Qt.AlignmentFlag.AlignHCenter)
        body.addWidget(self.float_label)
        body.addWidget(self.float_input)
        body.addWidget(self.open_button)
        body.addWidget(self.error)
        centred(self, self.card)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Open a shift"))
        self.float_label.setText(self.tr("Opening cash in the drawer (Rp)"))
        self.open_button.setText(self.tr("Open shift (Enter)"))
        self.float_input.setAccessibleName(self.tr("Opening cash"))
        self.open_button.setAccessibleName(self.tr("Open shift"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reset(self) -> None:
        self.float_input.clear()
        show_message(self.error, "")
        self.show_last_sale()
        self.float_input.setFocus()

    def show_last_sale(self) -> None:
        """The stand's last committed sale, read from its database (as the selling screen
        shows it): the first screen after a restart says whether it went through."""
        try:
            last = self.session.sales.last()
        except PosError:  # unreadable now: say nothing rather than something old
            last = None
        text = last_sale_text(last, self.session.info.timezone, self.session.now())
        self.last_sale.setText(text)
        self.last_sale.setAccessibleName(text)
        self.last_sale.setVisible(bool(text))

    def submit(self) -> None:
        try:
            self.session.open_shift(parse_rupiah(self.float_input.text() or "0"))
        except PosError as exc:
            show_message(self.error, user_message(exc))
            return
        self.shift_opened.emit()
