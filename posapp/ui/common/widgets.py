"""Small building blocks shared by the windows: named buttons, big labels, messages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

TOUCH_HEIGHT = 44


def button(name: str, parent: QWidget | None = None, *, height: int = TOUCH_HEIGHT) -> QPushButton:
    """A push button with a stable objectName and a touch-sized height."""
    b = QPushButton(parent)
    b.setObjectName(name)
    b.setMinimumHeight(height)
    b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return b


def big_label(name: str, point_size: int, parent: QWidget | None = None, *,
              bold: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    font = QFont(label.font())
    font.setPointSize(point_size)
    font.setBold(bold)
    label.setFont(font)
    return label


def message_label(name: str, parent: QWidget | None = None) -> QLabel:
    """An inline, non-modal message line (hidden while empty)."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def set_role(widget: QWidget, role: str) -> None:
    """Give *widget* the look's *role* ("error", "success", "warning", "muted", ...; "" for
    none) and restyle it at once (a dynamic property needs the style to polish again)."""
    if widget.property("role") == (role or None):
        return
    widget.setProperty("role", role or None)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def show_message(label: QLabel, text: str, *, error: bool = True) -> None:
    label.setText(text)
    set_role(label, "error" if error else "success")
    label.setVisible(bool(text))
