"""A supervisor's name and PIN: a reusable pair of fields and the small dialog around them.

The dialog never blocks: the caller ``open()``s it with an *approve* callback that runs the
guarded action. A refusal (wrong PIN, a cashier instead of a supervisor) stays inline and the
dialog stays open; success closes it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.errors import PosError
from posapp.ui.common.errors import user_message
from posapp.ui.common.fit import fit_dialog
from posapp.ui.common.widgets import set_role

TOUCH = 44  # px: the smallest touch target

#: What the guarded action gets: the supervisor's name and PIN; raises PosError to refuse.
Approve = Callable[[str, str], None]

# The services' refusal when the stand's policy wants a supervisor: the window asks for one
# (a PinPrompt) and tries again with their name and PIN, which the service checks.
NEEDS_SUPERVISOR = "policy.needs_supervisor"


def touch_button(parent: QWidget, name: str) -> QPushButton:
    """A touch-sized button named *name* that Enter in a field never presses by accident."""
    button = QPushButton(parent, objectName=name)
    button.setMinimumHeight(TOUCH)
    button.setAutoDefault(False)
    return button


class SupervisorFields(QWidget):
    """Name and PIN inputs (``supervisorNameInput``, ``supervisorPinInput``)."""

    submitted = Signal()  # Enter in the PIN field

    def __init__(self, parent: QWidget | None = None, names: list[str] | None = None) -> None:
        super().__init__(parent)
        self.name_input = QLineEdit(self, objectName="supervisorNameInput")
        self.pin_input = QLineEdit(self, objectName="supervisorPinInput")
        self.pin_input.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_input.setMaxLength(12)  # an older stand's PIN may be longer than 8
        self.pin_input.setProperty("scannerIgnore", True)  # a fast typist is no scanner
        self.pin_input.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly
                                           | Qt.InputMethodHint.ImhSensitiveData)
        for field in (self.name_input, self.pin_input):
            field.setMinimumHeight(TOUCH)
        if names:
            completer = QCompleter(names, self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.name_input.setCompleter(completer)
        self.name_label, self.pin_label = QLabel(self), QLabel(self)
        self.name_label.setBuddy(self.name_input)
        self.pin_label.setBuddy(self.pin_input)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.name_label, self.name_input)
        form.addRow(self.pin_label, self.pin_input)
        self.name_input.returnPressed.connect(self.pin_input.setFocus)
        self.pin_input.returnPressed.connect(self.submitted)
        self.retranslate()

    def retranslate(self) -> None:
        self.name_label.setText(self.tr("Supervisor"))
        self.pin_label.setText(self.tr("PIN"))
        self.name_input.setPlaceholderText(self.tr("Supervisor's name"))
        self.name_input.setAccessibleName(self.tr("Supervisor's name"))
        self.pin_input.setAccessibleName(self.tr("Supervisor's PIN"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def name(self) -> str:
        return self.name_input.text().strip()

    def pin(self) -> str:
        return self.pin_input.text()

    def clear_pin(self) -> None:
        self.pin_input.clear()
        self.pin_input.setFocus()


class PinPrompt(QDialog):
    """Asks a supervisor to approve *detail* (translated text from the caller)."""

    def __init__(self, approve: Approve, *, detail: str = "", names: list[str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinPrompt")
        fit_dialog(self)  # never past the screen
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(380)
        self._approve = approve
        self.detail_label = QLabel(detail, self, objectName="pinDetailLabel")
        self.detail_label.setWordWrap(True)
        self.fields = SupervisorFields(self, names)
        self.error_label = QLabel(self, objectName="pinErrorLabel")
        self.error_label.setWordWrap(True)
        set_role(self.error_label, "error")
        self.error_label.hide()
        self.confirm_button = touch_button(self, "pinConfirmButton")
        self.cancel_button = touch_button(self, "pinCancelButton")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.fields)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.reject)
        self.fields.submitted.connect(self.confirm)
        self.retranslate()
        self.fields.name_input.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Supervisor approval"))
        self.confirm_button.setText(self.tr("Approve (Enter)"))
        self.confirm_button.setAccessibleName(self.tr("Approve"))
        self.cancel_button.setText(self.tr("Cancel (Esc)"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def confirm(self) -> None:
        """Run the guarded action; close on success, say why inline on a refusal."""
        try:
            self._approve(self.fields.name(), self.fields.pin())
        except PosError as exc:
            self._show_error(exc)
            self.fields.clear_pin()
            return
        self.accept()

    def _show_error(self, exc: PosError) -> None:
        self.error_label.setText(user_message(exc))
        self.error_label.show()


class PromptSlot:
    """At most one supervisor PIN prompt over *parent*: opening one rejects the one before,
    and one that finished is deleted (``current`` is None while none is up)."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent
        self.current: PinPrompt | None = None

    def open(self, approve: Approve, detail: str) -> PinPrompt:
        if self.current is not None:
            self.current.reject()
        prompt = PinPrompt(approve, detail=detail, parent=self.parent)
        prompt.finished.connect(lambda _result: self._finished(prompt))
        self.current = prompt
        prompt.open()
        return prompt

    def _finished(self, prompt: PinPrompt) -> None:
        if self.current is prompt:
            self.current = None
        prompt.deleteLater()
