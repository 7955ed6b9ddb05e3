"""Cashier log-in by name and PIN, and opening a shift with the opening cash."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from posapp.domain.errors import PosError
from posapp.domain.money import parse_rupiah
from posapp.services.session.stand import StandSession
from posapp.ui.common.errors import user_message
from posapp.ui.common.widgets import big_label, button, message_label, show_message


class LoginPage(QWidget):
    """Pick your name, type your PIN, Enter."""

    logged_in = Signal()

    def __init__(self, session: StandSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("loginPage")
        self.title = big_label("loginTitle", 20, self)
        self.name_label, self.pin_label = QLabel(self), QLabel(self)
        self.name_input = QComboBox(self)
        self.name_input.setObjectName("loginNameInput")
        self.name_input.setMinimumHeight(44)
        self.pin_input = QLineEdit(self)
        self.pin_input.setObjectName("loginPinInput")
        self.pin_input.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_input.setMinimumHeight(44)
        self.pin_input.setProperty("scannerIgnore", True)
        self.pin_input.returnPressed.connect(self.submit)
        self.login_button = button("loginButton", self)
        self.login_button.clicked.connect(self.submit)
        self.error = message_label("loginErrorLabel", self)
        form = QFormLayout()
        form.addRow(self.name_label, self.name_input)
        form.addRow(self.pin_label, self.pin_input)
        box = QVBoxLayout(self)
        box.addStretch(1)
        box.addWidget(self.title, alignment=Qt.AlignmentFlag.AlignHCenter)
        box.addLayout(form)
        box.addWidget(self.login_button)
        box.addWidget(self.error)
        box.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Log in"))
        self.name_label.setText(self.tr("Name"))
        self.pin_label.setText(self.tr("PIN"))
        self.login_button.setText(self.tr("Log in (Enter)"))
        self.name_input.setAccessibleName(self.tr("Name"))
        self.pin_input.setAccessibleName(self.tr("PIN"))
        self.login_button.setAccessibleName(self.tr("Log in"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reset(self) -> None:
        self.name_input.clear()
        self.name_input.addItems(self.session.user_names())
        self.pin_input.clear()
        show_message(self.error, "")
        self.pin_input.setFocus()

    def submit(self) -> None:
        try:
            self.session.login(self.name_input.currentText(), self.pin_input.text())
        except PosError as exc:
            self.pin_input.clear()
            show_message(self.error, user_message(exc))
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
        self.title = big_label("openShiftTitle", 20, self)
        self.float_label = QLabel(self)
        self.float_input = QLineEdit(self)
        self.float_input.setObjectName("openingCashInput")
        self.float_input.setMinimumHeight(44)
        self.float_input.returnPressed.connect(self.submit)
        self.open_button = button("openShiftButton", self)
        self.open_button.clicked.connect(self.submit)
        self.error = message_label("openShiftErrorLabel", self)
        box = QVBoxLayout(self)
        box.addStretch(1)
        box.addWidget(self.title, alignment=Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(self.float_label)
        box.addWidget(self.float_input)
        box.addWidget(self.open_button)
        box.addWidget(self.error)
        box.addStretch(2)
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
        self.float_input.setFocus()

    def submit(self) -> None:
        try:
            self.session.open_shift(parse_rupiah(self.float_input.text() or "0"))
        except PosError as exc:
            show_message(self.error, user_message(exc))
            return
        self.shift_opened.emit()
