"""Join the organizers' event: type the event key or scan its QR code.

The key is a secret: once taken it is never shown again, only the event id. Joining
another event than the one the stand has joined asks for a confirmation first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from posapp.domain.errors import PosError
from posapp.domain.event_key import fingerprint, parse_key
from posapp.services.users import Approval
from posapp.ui.common.errors import user_message
from posapp.ui.common.fit import fit_dialog
from posapp.ui.common.pin_prompt import NEEDS_SUPERVISOR, PromptSlot
from posapp.ui.common.widgets import TOUCH_HEIGHT, button, message_label, show_message

if TYPE_CHECKING:
    from posapp.services.session.config import SettingsDesk
    from posapp.ui.common.scanner import ScannerFilter


def key_input(name: str, parent: QWidget) -> QLineEdit:
    """A line edit for an event key: a scanner's burst types into it as keys (and its Enter
    presses the dialog's default button), so a QR code scanned here fills it."""
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setMinimumHeight(TOUCH_HEIGHT)
    edit.setProperty("scannerIgnore", True)
    return edit


class JoinEventDialog(QDialog):
    """Take the event key; on success ``joined`` carries the JoinResult and it accepts."""

    joined = Signal(object)

    def __init__(self, settings: SettingsDesk, parent: QWidget | None = None,
                 *, scanner: ScannerFilter | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("joinEventDialog")
        fit_dialog(self)  # never past the screen
        self.setModal(True)
        self.setMinimumWidth(560)
        self._prompts = PromptSlot(self)
        self._settings = settings
        self.current: str | None = None  # the event id the stand joined
        self.damaged = False  # the stored key cannot be read: joining replaces it
        self._confirming: str | None = None  # the event id waiting for "Replace"
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.current_label = QLabel(self)
        self.current_label.setObjectName("joinedEventLabel")
        self.key_input = key_input("eventKeyInput", self)
        self.key_input.textEdited.connect(lambda _text: self._reset())
        self.error = message_label("joinEventMessage", self)
        self.ok_button = button("joinEventOkButton", self)
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button = button("joinEventCancelButton", self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        box = QVBoxLayout(self)
        for w in (self.intro, self.current_label, self.key_input, self.error):
            box.addWidget(w)
        box.addLayout(buttons)
        self._read_current()
        self.retranslate()
        if scanner is not None:  # a burst while the focus is elsewhere in this dialog
            scanner.scanned.connect(self._scanned)
        self.key_input.setFocus()

    def _read_current(self) -> None:
        try:
            self.current = self._settings.event_id()
        except PosError as exc:  # a damaged key: say so, a new one replaces it
            self.damaged = True
            show_message(self.error, user_message(exc))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Join the event"))
        self.setAccessibleName(self.tr("Join the event"))
        self.intro.setText(self.tr(
            "Type the organizers' event key (14 groups of 4 letters and digits; spaces, dashes "
            "and small letters do not matter), or scan its QR code with the scanner."))
        self.current_label.setText(
            self.tr("This stand joined event {event}.").format(event=self.current)
            if self.current else self.tr("This stand has not joined an event yet."))
        self.key_input.setAccessibleName(self.tr("Event key"))
        self.key_input.setPlaceholderText(self.tr("for example 7K3M-…"))
        self.ok_button.setText(self.tr("Replace the event") if self._confirming
                               else self.tr("Join"))
        self.ok_button.setAccessibleName(self.ok_button.text())
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def submit(self) -> None:
        """Check the key; join, or ask first when it is another event's."""
        text = self.key_input.text()
        try:
            new_id = fingerprint(parse_key(text))
        except PosError as exc:
            self._reset()
            show_message(self.error, user_message(exc))
            return
        if self.current and self.current != new_id and self._confirming != new_id:
            self._confirming = new_id
            self.retranslate()
            show_message(self.error, self.tr(
                "This stand joined event {old}. Join event {new} instead? Its sales will be "
                "sent for event {new}. Press Replace the event to confirm.").format(
                    old=self.current, new=new_id))
            return
        try:
            self._join(text, new_id, None)
        except PosError as exc:
            if exc.code == NEEDS_SUPERVISOR:  # a cashier joins with a supervisor's approval
                self._prompts.open(lambda name, pin: self._join(text, new_id,
                                                                Approval(name, pin)),
                                   user_message(exc))
                return
            show_message(self.error, user_message(exc))

    def _join(self, text: str, new_id: str, approval: Approval | None) -> None:
        result = self._settings.join_event(
            text, replace=self._confirming == new_id or self.damaged, approval=approval)
        self.key_input.clear()  # the key is never shown again
        self.joined.emit(result)
        self.accept()

    def _reset(self) -> None:
        """The key was edited: no confirmation pending, no message."""
        if self._confirming is not None:
            self._confirming = None
            self.retranslate()
        show_message(self.error, "")

    def _scanned(self, code: str, window: QWidget) -> None:
        if window is self and self.isVisible():
            self.key_input.setText(code)
            self._reset()
            self.submit()

