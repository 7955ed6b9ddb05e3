"""A small non-blocking form: a few fields, OK and Cancel, errors shown inline."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from posapp.ui.common.fit import fit_dialog
from posapp.ui.common.widgets import button, message_label, show_message


@dataclass(frozen=True)
class Field:
    name: str  # objectName of the line edit
    label: str  # translated
    secret: bool = False
    text: str = ""


class InputDialog(QDialog):
    """Ask for *fields*; *on_ok* gets their texts and returns an error to show, or None."""

    def __init__(self, parent: QWidget, title: str, fields: list[Field],
                 on_ok: Callable[[list[str]], str | None], *, ok_text: str,
                 cancel_text: str, name: str = "inputDialog") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        fit_dialog(self)  # never past the screen
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.on_ok = on_ok
        self.inputs: list[QLineEdit] = []
        form = QFormLayout()
        for f in fields:
            edit = QLineEdit(f.text, self)
            edit.setObjectName(f.name)
            edit.setAccessibleName(f.label)
            edit.setMinimumHeight(44)
            if f.secret:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
                edit.setProperty("scannerIgnore", True)
            edit.returnPressed.connect(self.submit)
            form.addRow(f.label, edit)
            self.inputs.append(edit)
        self.error = message_label("inputErrorLabel", self)
        self.ok = button("inputOkButton", self)
        self.ok.setText(ok_text)
        self.ok.setAccessibleName(ok_text)
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.submit)
        self.cancel = button("inputCancelButton", self)
        self.cancel.setText(cancel_text)
        self.cancel.setAccessibleName(cancel_text)
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.ok)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addLayout(buttons)
        if self.inputs:
            self.inputs[0].setFocus()

    def submit(self) -> None:
        problem = self.on_ok([e.text() for e in self.inputs])
        if problem:
            show_message(self.error, problem)
        else:
            self.accept()
