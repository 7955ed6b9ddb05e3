"""The stand's settings: language, printer, paper, QRIS, scanner, discount limit, display,
cash drawer (the session, on the left); the central store to sync to, the event the stand joined,
and the backup folder (the data, on the right)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.errors import PosError
from posapp.services import event
from posapp.services import settings as stand_settings
from posapp.services.settings import (
    BACKUP_EVERY_RANGE,
    BACKUP_KEEP_RANGE,
    DISCOUNT_LIMIT_RANGE,
    PAPER_WIDTHS,
    SCANNER_INTERVAL_RANGE,
    SCANNER_SUFFIXES,
    StandSettings,
)
from posapp.store.uow import UnitOfWork
from posapp.ui.common.errors import user_message
from posapp.ui.common.i18n import LANGUAGES
from posapp.ui.common.widgets import TOUCH_HEIGHT, button, message_label, show_message

if TYPE_CHECKING:
    from posapp.ui.common.scanner import ScannerFilter

W = TypeVar("W", bound=QWidget)


class SettingsDialog(QDialog):
    """Edit the stand's settings; on Save they are stored, ``settings`` holds them, it accepts."""

    saved = Signal(object)  # the StandSettings just stored, emitted before accept()

    def __init__(self, uow_factory: Callable[[], UnitOfWork],
                 parent: QWidget | None = None, *,
                 scanner: ScannerFilter | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setModal(True)
        self.setMinimumWidth(1100)
        self._uow = uow_factory
        self._scanner = scanner
        self.event_id: str | None = None
        self.event_problem: str | None = None
        self.join_dialog: QDialog | None = None
        self._build()
        self.retranslate()
        try:
            self.settings = stand_settings.get(uow_factory())
        except PosError as exc:
            self.settings = StandSettings()
            self.save_button.setEnabled(False)
            self._show_error(exc)
        self._fill(self.settings)
        self._show_event()

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
        self.central_input = self._field(QLineEdit(self), "centralInput")
        self.central_button = button("centralFileButton", self)
        self.central_button.setAutoDefault(False)
        self.central_button.clicked.connect(self.choose_central_file)
        self.central_hint = QLabel(self)
        self.central_hint.setWordWrap(True)
        self.event_label = QLabel(self)
        self.event_label.setObjectName("eventStatusLabel")
        self.event_label.setWordWrap(True)
        self.join_button = button("joinEventButton", self)
        self.join_button.setAutoDefault(False)
        self.join_button.clicked.connect(self.join_event)
        self.backup_input = self._field(QLineEdit(self), "backupFolderInput")
        self.backup_button = button("backupFolderButton", self)
        self.backup_button.setAutoDefault(False)
        self.backup_button.clicked.connect(self.choose_backup_folder)
        self.backup_hint = QLabel(self)
        self.backup_hint.setWordWrap(True)
        self.backup_every_spin = self._field(QSpinBox(self), "backupEverySpin")
        self.backup_every_spin.setRange(*BACKUP_EVERY_RANGE)
        self.backup_keep_spin = self._field(QSpinBox(self), "backupKeepSpin")
        self.backup_keep_spin.setRange(*BACKUP_KEEP_RANGE)
        self.error_label = message_label("settingsErrorLabel", self)
        self.save_button = button("saveSettingsButton", self)
        self.save_button.setDefault(True)
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
        self.data_box = QGroupBox(self)
        self.data_box.setObjectName("dataSettingsBox")
        data = QFormLayout(self.data_box)
        self.central_caption, self.event_caption = QLabel(self), QLabel(self)
        self.backup_caption = QLabel(self)
        for caption, field, side, hint in (
                (self.central_caption, self.central_input, self.central_button,
                 self.central_hint),
                (self.event_caption, self.event_label, self.join_button, None),
                (self.backup_caption, self.backup_input, self.backup_button, self.backup_hint)):
            caption.setMinimumHeight(TOUCH_HEIGHT)
            caption.setBuddy(field if isinstance(field, QLineEdit) else side)
            row = QHBoxLayout()
            row.addWidget(field, 1)
            row.addWidget(side)
            data.addRow(caption, row)
            if hint is not None:
                data.addRow("", hint)
        self.backup_every_caption, self.backup_keep_caption = QLabel(self), QLabel(self)
        for caption, spin in ((self.backup_every_caption, self.backup_every_spin),
                              (self.backup_keep_caption, self.backup_keep_spin)):
            caption.setMinimumHeight(TOUCH_HEIGHT)
            caption.setBuddy(spin)
            data.addRow(caption, spin)
        columns = QHBoxLayout()
        columns.addWidget(self.till_box, 1)
        columns.addWidget(self.data_box, 1)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        box = QVBoxLayout(self)
        box.addLayout(columns)
        box.addWidget(self.error_label)
        box.addLayout(buttons)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Stand settings"))
        self.setAccessibleName(self.tr("Stand settings"))
        self.till_box.setTitle(self.tr("Till and printer"))
        self.data_box.setTitle(self.tr("Sync and backups"))
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
        self.central_caption.setText(self.tr("Central store"))
        self.central_input.setAccessibleName(self.tr("Central store"))
        self.central_input.setPlaceholderText(self.tr("empty: no sync"))
        self.central_button.setText(self.tr("Choose file…"))
        self.central_button.setAccessibleName(self.tr("Choose the central store file"))
        self.central_hint.setText(self.tr(
            "Where Sync now (F5) sends the sales: a file the organizers chose (on a USB stick "
            "or a shared folder), or the postgresql:// URL of their server."))
        self.event_caption.setText(self.tr("Event"))
        self.backup_caption.setText(self.tr("Backup folder"))
        self.backup_input.setAccessibleName(self.tr("Backup folder"))
        self.backup_input.setPlaceholderText(self.tr("empty: no backups"))
        self.backup_button.setText(self.tr("Choose folder…"))
        self.backup_button.setAccessibleName(self.tr("Choose the backup folder"))
        self.backup_hint.setText(self.tr(
            "A USB stick or another disk: a copy of the stand's data goes there every few "
            "sales and at every shift close; the oldest copies beyond those kept are removed."))
        for caption, spin, name in (
                (self.backup_every_caption, self.backup_every_spin,
                 self.tr("Sales between two backups")),
                (self.backup_keep_caption, self.backup_keep_spin, self.tr("Backups kept"))):
            caption.setText(name)
            spin.setAccessibleName(name)
        self._retranslate_event()
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
        self.central_input.setText(s.central)
        self.backup_input.setText(s.backup_folder)
        self.backup_every_spin.setValue(s.backup_every)
        self.backup_keep_spin.setValue(s.backup_keep)

    def edited(self) -> StandSettings:
        """The settings as the form shows them now (fields it does not show are kept)."""
        return replace(
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
            central=self.central_input.text().strip(),
            backup_folder=self.backup_input.text().strip(),
            backup_every=self.backup_every_spin.value(),
            backup_keep=self.backup_keep_spin.value(),
        )

    def save(self) -> None:
        try:
            self.settings = stand_settings.save(self._uow(), self.edited())
        except PosError as exc:
            self._show_error(exc)
            return
        show_message(self.error_label, "")
        self.saved.emit(self.settings)
        self.accept()

    def _show_error(self, exc: PosError) -> None:
        """A service's refusal, inline (nothing was saved)."""
        show_message(self.error_label, user_message(exc))

    # -- the central store and the event -----------------------------------------------------
    def choose_central_file(self) -> None:
        """Pick the central store's file (it need not exist yet: the first sync makes it)."""
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Choose the central store file"), self.central_input.text().strip(),
            self.tr("Central store (*.sqlite);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.central_input.setText(path)

    def choose_backup_folder(self) -> None:
        """Pick the backup folder (it must exist: a USB stick plugged in)."""
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the backup folder"), self.backup_input.text().strip())
        if path:
            self.backup_input.setText(path)

    def _show_event(self) -> None:
        try:
            self.event_id, self.event_problem = event.event_id(self._uow()), None
        except PosError as exc:  # a damaged key: joining again replaces it
            self.event_id, self.event_problem = None, user_message(exc)
        self._retranslate_event()

    def _retranslate_event(self) -> None:
        """Only the event id is ever shown, never the key."""
        if self.event_problem:
            text = self.event_problem
        elif self.event_id:
            text = self.tr("Joined event {event}").format(event=self.event_id)
        else:
            text = self.tr("Not joined yet: the organizers give the event key")
        self.event_label.setText(text)
        self.join_button.setText(self.tr("Join another event…") if self.event_id
                                 else self.tr("Join event…"))
        self.join_button.setAccessibleName(self.join_button.text())

    def join_event(self) -> None:
        """Ask for the event key (typed or scanned); the stand joins at once when it is right."""
        from posapp.ui.setup.event_key_dialog import JoinEventDialog

        dialog = JoinEventDialog(self._uow, self, scanner=self._scanner)
        dialog.joined.connect(lambda _result: self._show_event())
        self.join_dialog = dialog
        dialog.open()
