"""The settings dialog's section on closing a shift: the blind count, and the cash difference
a supervisor must approve. The shift service applies both; this box only edits them."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.money import format_rupiah, parse_rupiah
from posapp.services.settings import StandSettings
from posapp.ui.common.widgets import TOUCH_HEIGHT


class ShiftSettingsBox(QGroupBox):
    """``fill`` shows the stored settings, ``edited`` reads the fields back (an amount that
    is not one is refused there, with the reason, and nothing is saved)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shiftSettingsBox")
        self.blind_check = QCheckBox(self, objectName="blindCountCheck")
        self.blind_check.setMinimumHeight(TOUCH_HEIGHT)
        self.limit_input = QLineEdit(self, objectName="cashDifferenceLimitInput")
        self.limit_input.setMinimumHeight(TOUCH_HEIGHT)
        self.limit_input.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.limit_input.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.limit_caption = QLabel(self)
        self.limit_caption.setWordWrap(True)
        self.limit_caption.setBuddy(self.limit_input)
        self.blind_hint, self.limit_hint = QLabel(self), QLabel(self)
        for hint in (self.blind_hint, self.limit_hint):
            hint.setWordWrap(True)
        # side by side, each with its hint under it: a low box in a full settings dialog
        blind, limit = QVBoxLayout(), QFormLayout()
        blind.addWidget(self.blind_check)
        blind.addWidget(self.blind_hint)
        blind.addStretch(1)
        limit.addRow(self.limit_caption, self.limit_input)
        limit.addRow(self.limit_hint)
        row = QHBoxLayout(self)
        row.addLayout(blind, 1)
        row.addLayout(limit, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Closing a shift"))
        self.blind_check.setText(self.tr("Blind count"))
        self.blind_check.setAccessibleName(self.tr("Blind count"))
        self.blind_hint.setText(self.tr(
            "The cashier counts the drawer without seeing the expected cash; it appears "
            "once the count is confirmed."))
        name = self.tr("Cash difference that needs a supervisor")
        self.limit_caption.setText(name)
        self.limit_input.setAccessibleName(name)
        self.limit_input.setPlaceholderText(self.tr("e.g. 50.000"))
        self.limit_hint.setText(self.tr(
            "A count short or over by more than this closes the shift only with a "
            "supervisor's PIN. 0: every difference."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def fill(self, s: StandSettings) -> None:
        self.blind_check.setChecked(s.blind_count)
        self.limit_input.setText(format_rupiah(s.cash_difference_limit))

    def edited(self, s: StandSettings) -> StandSettings:
        """*s* with this section's fields as the form shows them now."""
        return replace(s, blind_count=self.blind_check.isChecked(),
                       cash_difference_limit=parse_rupiah(self.limit_input.text()))
