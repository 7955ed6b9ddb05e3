"""The drawer counted by rupiah denomination: a spin box per note and coin, its subtotal, the
total; a scroll area, so the table never pushes the dialog's buttons off a small screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.money import format_rupiah
from posapp.ui.common.pin_prompt import TOUCH

NOTES = (100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000)
COINS = (1_000, 500, 200, 100)


def count_name(value: int, *, coin: bool) -> str:
    """``count100000`` for a note; a coin of a value that is also a note is ``countCoin1000``."""
    return f"countCoin{value}" if coin and value in NOTES else f"count{value}"


class CashCount(QScrollArea):
    """How many of each note and coin; ``changed`` carries the counted total."""

    changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cashCountArea")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.spins: list[tuple[int, bool, QSpinBox, QLabel]] = []
        inner = QWidget(self)
        self.notes_box = self._box(inner, NOTES, coin=False)
        self.coins_box = self._box(inner, COINS, coin=True)
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.notes_box)
        column.addWidget(self.coins_box)
        column.addStretch(1)
        self.setWidget(inner)
        self._inner = inner
        self.setMinimumWidth(inner.sizeHint().width()
                             + self.verticalScrollBar().sizeHint().width())
        self.retranslate()

    def _box(self, parent: QWidget, values: tuple[int, ...], *, coin: bool) -> QGroupBox:
        box = QGroupBox(parent, objectName="coinsBox" if coin else "notesBox")
        grid = QGridLayout(box)
        grid.setColumnStretch(3, 1)
        # the widest denomination's room in both boxes: their spin boxes line up
        grid.setColumnMinimumWidth(0, box.fontMetrics().horizontalAdvance(
            format_rupiah(max(NOTES))))
        for row, value in enumerate(values):
            spin = QSpinBox(box, objectName=count_name(value, coin=coin))
            spin.setRange(0, 9999)
            spin.setMinimumHeight(TOUCH)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            subtotal = QLabel(format_rupiah(0), box)
            subtotal.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            # room for the largest subtotal, so a count never pushes the column out of sight
            subtotal.setMinimumWidth(subtotal.fontMetrics().horizontalAdvance(
                format_rupiah(value * spin.maximum())))
            denomination = QLabel(format_rupiah(value), box)
            denomination.setBuddy(spin)
            grid.addWidget(denomination, row, 0)
            grid.addWidget(QLabel("×", box), row, 1)
            grid.addWidget(spin, row, 2)
            grid.addWidget(subtotal, row, 3)
            spin.valueChanged.connect(self._changed)
            self.spins.append((value, coin, spin, subtotal))
        return box

    def sizeHint(self) -> QSize:
        """The whole table: a dialog asks for it and is capped at the screen (it scrolls)."""
        inner = self._inner.sizeHint()
        return QSize(inner.width() + self.verticalScrollBar().sizeHint().width(),
                     inner.height())

    def retranslate(self) -> None:
        self.notes_box.setTitle(self.tr("Banknotes"))
        self.coins_box.setTitle(self.tr("Coins"))
        for value, coin, spin, _ in self.spins:
            text = (self.tr("Number of {amount} coins") if coin
                    else self.tr("Number of {amount} notes"))
            spin.setAccessibleName(text.format(amount=format_rupiah(value)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def counted(self) -> int:
        """The counted cash: every denomination times its count."""
        return sum(value * spin.value() for value, _, spin, _ in self.spins)

    def set_locked(self, locked: bool) -> None:
        """No more counting (the count is being confirmed, or the shift is closed)."""
        for _, _, spin, _ in self.spins:
            spin.setEnabled(not locked)

    def focus_first(self) -> None:
        self.spins[0][2].setFocus()
        self.spins[0][2].selectAll()

    def _changed(self) -> None:
        for value, _, spin, subtotal in self.spins:
            subtotal.setText(format_rupiah(value * spin.value()))
        self.changed.emit(self.counted())
