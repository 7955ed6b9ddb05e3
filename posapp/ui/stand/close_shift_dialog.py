"""Closing a shift: count the drawer by rupiah denomination, compare, close, read the Z report
and print it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontDatabase, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.errors import PosError
from posapp.domain.money import format_rupiah
from posapp.domain.report import ShiftReport
from posapp.services.session.stand import StandSession
from posapp.ui.common.errors import user_message
from posapp.ui.common.pin_prompt import TOUCH, touch_button

NOTES = (100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000)
COINS = (1_000, 500, 200, 100)
SHORT_STYLE = "color: #c62828; font-weight: bold;"
OVER_STYLE = "color: #1565c0; font-weight: bold;"
EXACT_STYLE = "color: #2e7d32; font-weight: bold;"


def count_name(value: int, *, coin: bool) -> str:
    """``count100000`` for a note; a coin of a value that is also a note is ``countCoin1000``."""
    return f"countCoin{value}" if coin and value in NOTES else f"count{value}"


class CloseShiftDialog(QDialog):
    """Count the cash, see expected and over/short live, close (F10), read the Z report,
    print it (as often as wanted)."""

    shift_closed = Signal(object)  # the Z report (ShiftReport), once the shift is closed
    print_requested = Signal(int)  # the closed shift's number: its Z report to the printer

    def __init__(self, session: StandSession, parent: QWidget | None = None,
                 lang: str = "id") -> None:
        super().__init__(parent)
        self.setObjectName("closeShiftDialog")
        self.session = session
        self.lang = lang
        self.report: ShiftReport | None = None  # the Z report once closed
        self._x_report: ShiftReport | None = None  # the open shift's figures
        self._expected: int | None = None
        self._zero_warned = False
        self._spins: list[tuple[int, bool, QSpinBox, QLabel]] = []
        self._build()
        self.retranslate()
        self.load_expected()

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.notes_box = self._denomination_box(NOTES, coin=False)
        self.coins_box = self._denomination_box(COINS, coin=True)
        count_column = QVBoxLayout()
        count_column.addWidget(self.notes_box)
        count_column.addWidget(self.coins_box)
        count_column.addStretch(1)

        self.shift_label = QLabel(self, objectName="shiftInfoLabel")
        self.expected_caption, self.counted_caption, self.over_short_caption = (
            QLabel(self), QLabel(self), QLabel(self))
        self.expected_label = QLabel(self, objectName="expectedLabel")
        self.counted_label = QLabel(self, objectName="countedLabel")
        self.over_short_label = QLabel(self, objectName="overShortLabel")
        figures = QGridLayout()
        for row, (caption, value) in enumerate((
                (self.expected_caption, self.expected_label),
                (self.counted_caption, self.counted_label),
                (self.over_short_caption, self.over_short_label))):
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.5)
            value.setFont(font)
            figures.addWidget(caption, row, 0)
            figures.addWidget(value, row, 1)
        self.error_label = QLabel(self, objectName="closeShiftErrorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        self.report_view = QPlainTextEdit(self, objectName="zReportView")
        self.report_view.setReadOnly(True)
        self.report_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.report_view.hide()
        summary = QVBoxLayout()
        summary.addWidget(self.shift_label)
        summary.addLayout(figures)
        summary.addWidget(self.error_label)
        summary.addWidget(self.report_view, 1)
        summary.addStretch(0)

        body = QHBoxLayout()
        body.addLayout(count_column)
        body.addLayout(summary, 1)
        self.cancel_button = touch_button(self, "cancelCloseButton")
        self.print_button = touch_button(self, "printZReportButton")
        self.print_button.hide()  # until the shift is closed
        self.confirm_button = touch_button(self, "confirmCloseButton")
        # A QShortcut, not the button's: setText() resets a button's own shortcut.
        QShortcut(QKeySequence(Qt.Key.Key_F10), self, self.confirm_button.animateClick)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        self.cancel_button.clicked.connect(self.reject)
        self.confirm_button.clicked.connect(self._confirm_clicked)
        self.print_button.clicked.connect(self._print_clicked)
        self.resize(820, 560)

    def _denomination_box(self, values: tuple[int, ...], *, coin: bool) -> QGroupBox:
        box = QGroupBox(self, objectName="coinsBox" if coin else "notesBox")
        grid = QGridLayout(box)
        for row, value in enumerate(values):
            spin = QSpinBox(box, objectName=count_name(value, coin=coin))
            spin.setRange(0, 9999)
            spin.setMinimumHeight(TOUCH)
            spin.setMinimumWidth(96)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            subtotal = QLabel(format_rupiah(0), box)
            subtotal.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            subtotal.setMinimumWidth(110)
            denomination = QLabel(format_rupiah(value), box)
            denomination.setBuddy(spin)
            grid.addWidget(denomination, row, 0)
            grid.addWidget(QLabel("×", box), row, 1)
            grid.addWidget(spin, row, 2)
            grid.addWidget(subtotal, row, 3)
            spin.valueChanged.connect(self._count_changed)
            self._spins.append((value, coin, spin, subtotal))
        return box

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Close shift"))
        self.notes_box.setTitle(self.tr("Banknotes"))
        self.coins_box.setTitle(self.tr("Coins"))
        for value, coin, spin, _ in self._spins:
            text = (self.tr("Number of {amount} coins") if coin
                    else self.tr("Number of {amount} notes"))
            spin.setAccessibleName(text.format(amount=format_rupiah(value)))
        self.expected_caption.setText(self.tr("Expected cash"))
        self.counted_caption.setText(self.tr("Counted cash"))
        self.over_short_caption.setText(self.tr("Over / short"))
        self.report_view.setAccessibleName(self.tr("Z report"))
        self.cancel_button.setText(self.tr("Cancel (Esc)"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.print_button.setText(self.tr("Print Z report"))
        self.print_button.setAccessibleName(self.tr("Print the Z report"))
        if self.report is None:
            self.confirm_button.setText(self.tr("Close shift (F10)"))
            self.confirm_button.setAccessibleName(self.tr("Close shift"))
        else:
            self.confirm_button.setText(self.tr("Done"))
            self.confirm_button.setAccessibleName(self.tr("Done"))
        self._show_shift()
        self._show_figures()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- figures -------------------------------------------------------------------------
    def load_expected(self) -> None:
        """Read the open shift's X figures: the cash the drawer should hold."""
        try:
            x_report = self.session.shift_report()
        except PosError as exc:
            self._show_error(exc)
            x_report = None
        self._x_report = x_report
        self._expected = x_report.expected_cash if x_report else None
        if x_report is None and self.report is None:
            self.confirm_button.setEnabled(False)
            if self.error_label.isHidden():
                self._say(self.tr("No shift is open."))
        self._show_shift()
        self._show_figures()

    def counted(self) -> int:
        """The counted cash: every denomination times its count."""
        return sum(value * spin.value() for value, _, spin, _ in self._spins)

    def _count_changed(self) -> None:
        self._zero_warned = False
        for value, _, spin, subtotal in self._spins:
            subtotal.setText(format_rupiah(value * spin.value()))
        self._show_figures()

    def _show_shift(self) -> None:
        shown = self.report or self._x_report
        if shown is None:
            self.shift_label.setText("")
            return
        self.shift_label.setText(self.tr("Shift #{number}, opened by {name}").format(
            number=shown.shift_number, name=shown.opened_by))

    def _show_figures(self) -> None:
        counted = self.report.counted_cash if self.report else self.counted()
        expected = self.report.expected_cash if self.report else self._expected
        self.counted_label.setText(format_rupiah(counted or 0))
        if expected is None:
            self.expected_label.setText("—")
            self.over_short_label.setText("—")
            self.over_short_label.setProperty("state", "")
            self.over_short_label.setStyleSheet("")
            return
        self.expected_label.setText(format_rupiah(expected))
        diff = (counted or 0) - expected
        if diff < 0:
            state, style = "short", SHORT_STYLE
            text = self.tr("Short {amount}").format(amount=format_rupiah(-diff))
        elif diff > 0:
            state, style = "over", OVER_STYLE
            text = self.tr("Over {amount}").format(amount=format_rupiah(diff))
        else:
            state, style, text = "exact", EXACT_STYLE, self.tr("Exact")
        self.over_short_label.setText(text)
        self.over_short_label.setProperty("state", state)
        self.over_short_label.setStyleSheet(style)

    # -- closing -------------------------------------------------------------------------
    def _confirm_clicked(self) -> None:
        if self.report is not None:
            self.accept()
            return
        counted = self.counted()
        if counted == 0 and (self._expected or 0) > 0 and not self._zero_warned:
            self._zero_warned = True
            self._say(self.tr("Nothing is counted yet. Press Close shift again to close "
                              "with Rp 0 in the drawer."))
            return
        try:
            report = self.session.close_shift(counted)
        except PosError as exc:
            self._show_error(exc)
            return
        self.report = report
        self.error_label.hide()
        for _, _, spin, _ in self._spins:
            spin.setEnabled(False)
        self.cancel_button.hide()
        self.print_button.show()
        self.report_view.setPlainText(self.report_text())
        self.report_view.show()
        self.retranslate()
        self.confirm_button.setDefault(True)  # Enter now means Done
        self.confirm_button.setFocus()
        self.shift_closed.emit(report)

    def _print_clicked(self) -> None:
        if self.report is None:
            return
        self.print_requested.emit(self.report.shift_number)
        self.error_label.setText(self.tr("The Z report is printing: the printer state is "
                                         "in the status bar."))
        self.error_label.setStyleSheet("")
        self.error_label.show()

    def report_text(self) -> str:
        """The Z report as the printer will have it, in the dialog's language."""
        if self.report is None:
            return ""
        return self.session.shift_report_text(self.report, self.lang)

    def set_report_language(self, lang: str) -> None:
        """Show the Z report in *lang* ("id" or "en") from now on."""
        self.lang = lang
        if self.report is not None:
            self.report_view.setPlainText(self.report_text())

    def _say(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _show_error(self, exc: PosError) -> None:
        self._say(user_message(exc))
