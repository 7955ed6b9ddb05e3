"""What every page of the set-up wizard shares: an inline message line, touch-sized fields
and captions, radio buttons that react anywhere on their row."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QLabel, QRadioButton, QWidget, QWizardPage

from posapp.ui.common.widgets import TOUCH_HEIGHT, message_label, show_message

W = TypeVar("W", bound=QWidget)


def touch_field(widget: W, name: str) -> W:
    """*widget* named *name* (for tests and accessibility) and tall enough to touch."""
    widget.setObjectName(name)
    widget.setMinimumHeight(TOUCH_HEIGHT)
    return widget


def form_captions(parent: QWidget, count: int) -> list[QLabel]:
    """Form labels as tall as the fields beside them, so they line up."""
    labels = [QLabel(parent) for _ in range(count)]
    for label in labels:
        label.setMinimumHeight(TOUCH_HEIGHT)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return labels


class TouchRadio(QRadioButton):
    """A radio button that reacts to a touch anywhere on its (full-width) row."""

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)


class SetupPage(QWizardPage):
    """A page with an inline message line; subclasses build widgets and ``retranslate``."""

    def __init__(self, error_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = message_label(error_name, self)

    def show_message(self, text: str) -> None:
        show_message(self.error, text)

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
