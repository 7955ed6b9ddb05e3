"""The settings dialog's section on the shift and its limits: the blind count, the cash
difference, the cash taken out and the lowest open price a supervisor must approve. The
services apply them; this box only edits them."""

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


class AmountField:
    """A rupiah amount with its caption and, under it, a hint (a row of the box)."""

    def __init__(self, parent: QWidget, name: str) -> None:
        self.input = QLineEdit(parent, objectName=name)
        self.input.setMinimumHeight(TOUCH_HEIGHT)
        self.input.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.input.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.caption, self.hint = QLabel(parent), QLabel(parent)
        self.caption.setWordWrap(True)
        self.caption.setBuddy(self.input)
        self.hint.setWordWrap(True)
        self.form = QFormLayout()
        self.form.addRow(self.caption, self.input)
        self.form.addRow(self.hint)

    def name(self, name: str, example: str, hint: str) -> None:
        self.caption.setText(name)
        self.input.setAccessibleName(name)
        self.input.setPlaceholderText(example)
        self.hint.setText(hint)


class ShiftSettingsBox(QGroupBox):
    """``fill`` shows the stored settings, ``edited`` reads the fields back (an amount that
    is not one is refused there, with the reason, and nothing is saved)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shiftSettingsBox")
        self.blind_check = QCheckBox(self, objectName="blindCountCheck")
        self.blind_check.setMinimumHeight(TOUCH_HEIGHT)
        self.blind_hint = QLabel(self)
        self.blind_hint.setWordWrap(True)
        self.difference = AmountField(self, "cashDifferenceLimitInput")
        self.cash_out = AmountField(self, "cashOutLimitInput")
        self.price_floor = AmountField(self, "openPriceFloorInput")
        # two rows of two, each field with its hint under it: a low box in a full dialog
        blind = QVBoxLayout()
        blind.addWidget(self.blind_check)
        blind.addWidget(self.blind_hint)
        blind.addStretch(1)
        rows = QVBoxLayout(self)
        for left, right in ((blind, self.difference.form),
                            (self.cash_out.form, self.price_floor.form)):
            row = QHBoxLayout()
            row.addLayout(left, 1)
            row.addLayout(right, 1)
            rows.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Shift and supervisor limits"))
        self.blind_check.setText(self.tr("Blind count"))
        self.blind_check.setAccessibleName(self.tr("Blind count"))
        self.blind_hint.setText(self.tr(
            "The cashier counts the drawer without seeing the expected cash; it appears "
            "once the count is confirmed."))
        self.difference.name(
            self.tr("Cash difference that needs a supervisor"), self.tr("e.g. 50.000"),
            self.tr("A count short or over by more than this closes the shift only with a "
                    "supervisor's PIN. 0: every difference."))
        self.cash_out.name(
            self.tr("Cash out that needs a supervisor"), self.tr("e.g. 100.000"),
            self.tr("Taking more than this out of the drawer at once needs a supervisor's "
                    "PIN."))
        self.price_floor.name(
            self.tr("Lowest open price without a supervisor"), self.tr("e.g. 1.000"),
            self.tr("A custom item, or a product without a catalog price, sold below this "
                    "needs a supervisor's PIN."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def fill(self, s: StandSettings) -> None:
        self.blind_check.setChecked(s.blind_count)
        self.difference.input.setText(format_rupiah(s.cash_difference_limit))
        self.cash_out.input.setText(format_rupiah(s.cash_out_limit))
        self.price_floor.input.setText(format_rupiah(s.open_price_floor))

    def edited(self, s: StandSettings) -> StandSettings:
        """*s* with this section's fields as the form shows them now."""
        return replace(s, blind_count=self.blind_check.isChecked(),
                       cash_difference_limit=parse_rupiah(self.difference.input.text()),
                       cash_out_limit=parse_rupiah(self.cash_out.input.text()),
                       open_price_floor=parse_rupiah(self.price_floor.input.text()))
