"""The stand's settings: language, printer, paper, QRIS, scanner, discount limit, display,
cash drawer (the session, on the left); the central store to sync to, the event the stand joined,
and the backup folder (the data, on the right: ``settings_data``)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.errors import PosError
from posapp.services.settings import (
    DISCOUNT_LIMIT_RANGE,
    PAPER_WIDTHS,
    SCANNER_INTERVAL_RANGE,
    SCANNER_SUFFIXES,
    StandSettings,
)
from posapp.services.users import Approval
from posapp.ui.common.errors import user_message
from posapp.ui.common.fit import screen_of, scrolling_body
from posapp.ui.common.i18n import LANGUAGES
from posapp.ui.common.pin_prompt import NEEDS_SUPERVISOR, PromptSlot
from posapp.ui.common.widgets import TOUCH_HEIGHT, button, message_label, show_message
from posapp.ui.setup.settings_data import DataSettingsBox
from posapp.ui.setup.settings_shift import ShiftSettingsBox

if TYPE_CHECKING:
    from posapp.services.session.config import SettingsDesk
    from posapp.ui.common.scanner import ScannerFilter

W = TypeVar("W", bound=QWidget)

#: The narrowest a column of the settings may be side by side with the other (its hints
#: wrap into a few lines, its fields still show a path).
MIN_COLUMN_WIDTH = 480


class SettingsDialog(QDialog):
    """Edit the stand's settings; on Save they are stored, ``settings`` holds them, it accepts."""

    saved = Signal(object)  # the StandSettings just stored, emitted before accept()

    def __init__(self, settings: SettingsDesk, parent: QWidget | None = None, *,
                 scanner: ScannerFilter | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setModal(True)
        self._settings = settings
        self._scanner = scanner
        self._prompts = PromptSlot(self)
        self._build()
        self.retranslate()
        try:
            self.settings = settings.get()
        except PosError as exc:
            self.settings = StandSettings()
            self.save_button.setEnabled(False)
            self._show_error(exc)
        self._fill(self.settings)
        self.data_box.show_event()
        self._choose_columns()

    @property
    def join_dialog(self) -> QDialog | None:
        """The event key dialog "Join event…" opened last, None before."""
        return self.data_box.join_dialog

    def _field(self, widget: W, name: str) -> W:
        widget.setObjectName(name)
        widget.setMinimumHeight(TOUCH_HEIGHT)
        return widget

    def _build(self) -> None:
        self.language_combo = self._field(QComboBox(self), "languageCombo")
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.printer_input = self._field(QLineEdit(self), "printerInput")
        self.printer_hint = QLabel(self)
        self.printer_hint.setWordWrap(True)
        self.paper_combo = self._field(QComboBox(self), "paperWidthCombo")
        for width in PAPER_WIDTHS:
            self.paper_combo.addItem(str(width), width)
        self.qris_input = self._field(QLineEdit(self), "qrisPayloadInput")
        self.qris_input.setProperty("scannerIgnore", True)  # a 2D scanner may type the sticker
        self.suffix_combo = self._field(QComboBox(self), "scannerSuffixCombo")
        for suffix in SCANNER_SUFFIXES:
            self.suffix_combo.addItem(suffix, suffix)
        self.interval_spin = self._field(QSpinBox(self), "scannerIntervalSpin")
        self.interval_spin.setRange(*SCANNER_INTERVAL_RANGE)
        self.interval_spin.setSuffix(" ms")
        self.discount_spin = self._field(QSpinBox(self), "discountLimitSpin")
        self.discount_spin.setRange(*DISCOUNT_LIMIT_RANGE)
        self.discount_spin.setSuffix(" %")
        self.display_check = self._field(QCheckBox(self), "customerDisplayCheck")
        self.drawer_check = self._field(QCheckBox(self), "cashDrawerCheck")
        self.data_box = DataSettingsBox(self._settings, self, scanner=self._scanner)
        self.shift_box = ShiftSettingsBox(self)  # closing a shift: settings_shift.py
        self.error_label = message_label("settingsErrorLabel", self)
        self.save_button = button("saveSettingsButton", self)
        self.save_button.setDefault(True)
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self.save)
        self.cancel_button = button("cancelSettingsButton", self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)

        self.captions = [QLabel(self) for _ in range(7)]
        for caption in self.captions:
            caption.setMinimumHeight(TOUCH_HEIGHT)
            caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.till_box = QGroupBox(self)
        self.till_box.setObjectName("tillSettingsBox")
        form = QFormLayout(self.till_box)
        widgets: list[QWidget] = [self.language_combo, self.printer_input, self.paper_combo,
                                  self.qris_input, self.suffix_combo, self.interval_spin,
                                  self.discount_spin]
        for caption, widget in zip(self.captions, widgets, strict=True):
            caption.setBuddy(widget)
            form.addRow(caption, widget)
            if widget is self.printer_input:
                form.addRow("", self.printer_hint)
        form.addRow("", self.display_check)
        form.addRow("", self.drawer_check)
        # two columns where the screen is wide enough for both, else one under the other;
        # either way the boxes scroll and Save stays visible below them
        body, buttons = scrolling_body(self)
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.addWidget(self.till_box, 1)
        self.columns.addWidget(self.data_box, 1)
        box = QVBoxLayout(body)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(self.columns)
        box.addWidget(self.shift_box)  # closing a shift: settings_shift.py
        box.addStretch(1)
        box.addWidget(self.error_label)
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

    def _choose_columns(self) -> None:
        """Side by side when the screen has room for both columns at their width."""
        room = screen_of(self.parentWidget() or self).availableGeometry().width()
        need = sum(max(MIN_COLUMN_WIDTH, b.minimumSizeHint().width())
                   for b in (self.till_box, self.data_box)) + 3 * self.columns.spacing() + 60
        self.columns.setDirection(QBoxLayout.Direction.LeftToRight if room >= need
                                  else QBoxLayout.Direction.TopToBottom)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Stand settings"))
        self.setAccessibleName(self.tr("Stand settings"))
        self.till_box.setTitle(self.tr("Till and printer"))
        names = (self.tr("Language"), self.tr("Receipt printer"), self.tr("Paper width"),
                 self.tr("QRIS payload"), self.tr("Scanner ends a code with"),
                 self.tr("Scanner key interval"), self.tr("Cashier discount limit"))
        for caption, widget, name in zip(self.captions, (
            self.language_combo, self.printer_input, self.paper_combo, self.qris_input,
            self.suffix_combo, self.interval_spin, self.discount_spin,
        ), names, strict=True):
            caption.setText(name)
            widget.setAccessibleName(name)
        self.printer_input.setPlaceholderText(self.tr("empty: no printer"))
        self.printer_hint.setText(self.tr(
            "For example network:192.168.1.50:9100, usb:04b8:0202, serial:COM3, "
            "file:/dev/usb/lp0, cups:TM-T20II or win32:EPSON TM-T20II Receipt. Leave it empty "
            "when the stand has no printer."))
        widths = {32: self.tr("32 characters (58 mm paper)"),
                  42: self.tr("42 characters (80 mm paper, small font)"),
                  48: self.tr("48 characters (80 mm paper)")}
        for i, width in enumerate(PAPER_WIDTHS):
            self.paper_combo.setItemText(i, widths[width])
        self.qris_input.setPlaceholderText(
            self.tr("the text in the stand's QRIS sticker (scan or paste it)"))
        suffixes = {"enter": self.tr("Enter"), "tab": self.tr("Tab"), "none": self.tr("Nothing")}
        for i, suffix in enumerate(SCANNER_SUFFIXES):
            self.suffix_combo.setItemText(i, suffixes[suffix])
        self.interval_spin.setToolTip(self.tr(
            "Keys typed faster than this count as one scan."))
        self.discount_spin.setToolTip(self.tr(
            "Larger discounts need a supervisor's PIN."))
        self.display_check.setText(self.tr("Show a customer display on a second screen"))
        self.display_check.setAccessibleName(self.tr("Customer display"))
        self.drawer_check.setText(self.tr(
            "Open the cash drawer for cash sales and refunds (a drawer on the receipt printer)"))
        self.drawer_check.setAccessibleName(self.tr("Cash drawer"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setAccessibleName(self.tr("Save the settings"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Close without saving"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill(self, s: StandSettings) -> None:
        self.language_combo.setCurrentIndex(self.language_combo.findData(s.language))
        self.printer_input.setText(s.printer)
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(s.paper_width))
        self.qris_input.setText(s.qris_payload)
        self.suffix_combo.setCurrentIndex(self.suffix_combo.findData(s.scanner_suffix))
        self.interval_spin.setValue(s.scanner_interval_ms)
        self.discount_spin.setValue(s.discount_limit_percent)
        self.display_check.setChecked(s.customer_display)
        self.drawer_check.setChecked(s.cash_drawer)
        self.data_box.fill(s)
        self.shift_box.fill(s)

    def edited(self) -> StandSettings:
        """The settings as the form shows them now (fields it does not show are kept)."""
        return self.shift_box.edited(self.data_box.edited(replace(
            self.settings,
            language=str(self.language_combo.currentData()),
            printer=self.printer_input.text().strip(),
            paper_width=int(self.paper_combo.currentData()),
            qris_payload=self.qris_input.text(),
            scanner_suffix=str(self.suffix_combo.currentData()),
            scanner_interval_ms=self.interval_spin.value(),
            discount_limit_percent=self.discount_spin.value(),
            customer_display=self.display_check.isChecked(),
            cash_drawer=self.drawer_check.isChecked(),
        )))

    def save(self) -> None:
        try:
            self._save_with(None)
        except PosError as exc:
            if exc.code == NEEDS_SUPERVISOR:  # printer, QRIS, limits...: a supervisor approves
                self._prompts.open(lambda name, pin: self._save_with(Approval(name, pin)),
                                   user_message(exc))
            else:
                self._show_error(exc)

    def _save_with(self, approval: Approval | None) -> None:
        self.settings = self._settings.save(self.edited(), approval=approval)
        show_message(self.error_label, "")
        self.saved.emit(self.settings)
        self.accept()

    def _show_error(self, exc: PosError) -> None:
        """A service's refusal, inline (nothing was saved)."""
        show_message(self.error_label, user_message(exc))
