"""The set-up wizard's stand, catalog and supervisor pages: their widgets and values; the
wizard calls the services (the organizers' page is ``sync_page``, the shared pieces
``page_base``)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.ui.common.widgets import button
from posapp.ui.setup.page_base import SetupPage, TouchRadio, form_captions, touch_field

TIMEZONES = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")
# Provinces by BPS code outside Western Indonesian Time (WIB).
_WITA = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
_WIT = {"81", "82", "91", "94"}
_PIN = re.compile(r"^\d{6,8}$")
MAX_NAME = 60


@dataclass(frozen=True)
class Province:
    """One row of the province list: a stand's code, name and usual time zone."""

    bps_code: str
    stand_code: str
    name: str

    @property
    def timezone(self) -> str:
        if self.bps_code in _WIT:
            return "Asia/Jayapura"
        return "Asia/Makassar" if self.bps_code in _WITA else "Asia/Jakarta"


def read_provinces(path: Path) -> list[Province]:
    """The provinces of ``provinces-2019.csv`` (columns bps_code, stand_code, province)."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [Province(r["bps_code"].strip(), r["stand_code"].strip(), r["province"].strip())
                for r in csv.DictReader(f)]


class StandPage(SetupPage):
    """Which province's stand this is, its display name, the event and its time zone."""

    def __init__(self, provinces: list[Province], parent: QWidget | None = None) -> None:
        super().__init__("standPageError", parent)
        self.provinces = provinces
        self._prefill = ""
        self.province_combo = touch_field(QComboBox(self), "provinceCombo")
        for p in provinces:
            self.province_combo.addItem(p.name, p.stand_code)
        self.province_combo.setCurrentIndex(-1)
        self.province_combo.currentIndexChanged.connect(self._province_changed)
        self.code_label = QLabel(self)
        self.code_label.setObjectName("standCodeLabel")
        self.name_input = touch_field(QLineEdit(self), "standNameInput")
        self.event_input = touch_field(QLineEdit(self), "eventNameInput")
        self.timezone_combo = touch_field(QComboBox(self), "timezoneCombo")
        for zone in TIMEZONES:
            self.timezone_combo.addItem(zone, zone)
        self.form = QFormLayout()
        self.captions = form_captions(self, 5)
        widgets = (self.province_combo, self.code_label, self.name_input, self.event_input,
                   self.timezone_combo)
        for caption, widget in zip(self.captions, widgets, strict=True):
            caption.setBuddy(widget)
            self.form.addRow(caption, widget)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.error)
        box.addStretch()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The stand"))
        self.setSubTitle(self.tr("Choose the province this stand sells for."))
        for caption, text in zip(self.captions, (
            self.tr("Province"), self.tr("Stand code"), self.tr("Stand name"),
            self.tr("Event"), self.tr("Time zone"),
        ), strict=True):
            caption.setText(text)
        self.province_combo.setPlaceholderText(self.tr("Choose the province"))
        self.province_combo.setAccessibleName(self.tr("Province"))
        self.name_input.setAccessibleName(self.tr("Stand name"))
        self.event_input.setAccessibleName(self.tr("Event name"))
        self.event_input.setPlaceholderText(self.tr("for example: HANI 2026 exhibition, Jakarta"))
        self.timezone_combo.setAccessibleName(self.tr("Time zone"))
        names = {"Asia/Jakarta": self.tr("Western Indonesia (WIB)"),
                 "Asia/Makassar": self.tr("Central Indonesia (WITA)"),
                 "Asia/Jayapura": self.tr("Eastern Indonesia (WIT)")}
        for i, zone in enumerate(TIMEZONES):
            self.timezone_combo.setItemText(i, f"{names[zone]}, {zone}")
        self._update_prefill()

    def province(self) -> Province | None:
        i = self.province_combo.currentIndex()
        return self.provinces[i] if i >= 0 else None

    def stand_name(self) -> str:
        return " ".join(self.name_input.text().split())

    def event_name(self) -> str:
        return " ".join(self.event_input.text().split())

    def timezone(self) -> str:
        return str(self.timezone_combo.currentData())

    def _province_changed(self) -> None:
        province = self.province()
        self.code_label.setText(province.stand_code if province else "")
        if province:
            self.timezone_combo.setCurrentIndex(TIMEZONES.index(province.timezone))
        self._update_prefill()
        self.show_message("")

    def _update_prefill(self) -> None:
        """Name the stand after its province until the user types a name of their own."""
        province = self.province()
        prefill = self.tr("Stand %1").replace("%1", province.name) if province else ""
        if self.name_input.text() in ("", self._prefill):
            self.name_input.setText(prefill)
        self._prefill = prefill

    def validatePage(self) -> bool:
        if self.province() is None:
            self.show_message(self.tr("Choose the province of this stand."))
        elif not self.stand_name():
            self.show_message(self.tr("Give the stand a name, as it should appear on receipts."))
        elif not self.event_name():
            self.show_message(self.tr("Type the name of the event."))
        else:
            self.show_message("")
            return True
        return False


class CatalogPage(SetupPage):
    """The demo catalog, or a CSV/XLSX file the organizers sent."""

    file_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("catalogPageError", parent)
        self.demo_radio = touch_field(TouchRadio(self), "demoCatalogRadio")
        self.file_radio = touch_field(TouchRadio(self), "importCatalogRadio")
        self.group = QButtonGroup(self)
        self.group.addButton(self.demo_radio)
        self.group.addButton(self.file_radio)
        self.demo_radio.setChecked(True)
        self.file_input = touch_field(QLineEdit(self), "catalogFileInput")
        self.file_button = button("catalogFileButton", self)
        self.file_button.clicked.connect(self.choose_file)
        self.summary = QLabel(self)
        self.summary.setObjectName("catalogSummaryLabel")
        self.summary.setWordWrap(True)
        self.problems = QListWidget(self)
        self.problems.setObjectName("catalogProblems")
        self.problems.setVisible(False)
        self.file_radio.toggled.connect(self._mode_changed)
        self.file_input.textEdited.connect(lambda _text: self.clear())
        row = QHBoxLayout()
        row.addWidget(self.file_input, 1)
        row.addWidget(self.file_button)
        box = QVBoxLayout(self)
        box.addWidget(self.demo_radio)
        box.addWidget(self.file_radio)
        box.addLayout(row)
        box.addWidget(self.summary)
        box.addWidget(self.error)
        box.addWidget(self.problems, 1)
        self._mode_changed()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The catalog"))
        self.setSubTitle(self.tr("The products this stand sells, with price and stock."))
        self.demo_radio.setText(self.tr("Demo catalog (handicrafts from Jawa Timur)"))
        self.demo_radio.setAccessibleName(self.tr("Demo catalog"))
        self.file_radio.setText(self.tr("Import a file (CSV or Excel)"))
        self.file_radio.setAccessibleName(self.tr("Import a file"))
        self.file_input.setPlaceholderText(self.tr("Catalog file (.csv or .xlsx)"))
        self.file_input.setAccessibleName(self.tr("Catalog file"))
        self.file_button.setText(self.tr("Choose file…"))
        self.file_button.setAccessibleName(self.tr("Choose the catalog file"))
        self.problems.setAccessibleName(self.tr("Problems in the catalog file"))

    def use_demo(self) -> bool:
        return self.demo_radio.isChecked()

    def file_path(self) -> str:
        return self.file_input.text().strip()

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the catalog file"), self.file_path(),
            self.tr("Catalog files (*.csv *.xlsx *.xlsm)"))
        if path:
            self.file_input.setText(path)
            self.clear()
            self.file_chosen.emit(path)

    def show_summary(self, text: str) -> None:
        self.summary.setText(text)

    def show_problems(self, problems: list[str]) -> None:
        self.problems.clear()
        self.problems.addItems(problems)
        self.problems.setVisible(bool(problems))

    def clear(self) -> None:
        self.show_summary("")
        self.show_problems([])
        self.show_message("")

    def _mode_changed(self) -> None:
        use_file = self.file_radio.isChecked()
        self.file_input.setEnabled(use_file)
        self.file_button.setEnabled(use_file)
        self.clear()


class SupervisorPage(SetupPage):
    """The first supervisor: the person who adds cashiers and approves voids and refunds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("supervisorPageError", parent)
        self.name_input = touch_field(QLineEdit(self), "supervisorNameInput")
        self.pin_input = touch_field(QLineEdit(self), "supervisorPinInput")
        self.repeat_input = touch_field(QLineEdit(self), "supervisorPinRepeat")
        self.name_input.setMaxLength(MAX_NAME)
        digits = QRegularExpressionValidator(QRegularExpression(r"\d{0,12}"), self)
        for pin in (self.pin_input, self.repeat_input):
            pin.setEchoMode(QLineEdit.EchoMode.Password)
            pin.setValidator(digits)
            pin.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly
                                    | Qt.InputMethodHint.ImhSensitiveData)
            pin.setProperty("scannerIgnore", True)
            pin.textEdited.connect(lambda _text: self.show_message(""))
        self.captions = form_captions(self, 3)
        form = QFormLayout()
        widgets = (self.name_input, self.pin_input, self.repeat_input)
        for caption, widget in zip(self.captions, widgets, strict=True):
            caption.setBuddy(widget)
            form.addRow(caption, widget)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addStretch()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The first supervisor"))
        self.setSubTitle(self.tr("The supervisor adds cashiers and approves voids, refunds "
                                 "and large discounts with their PIN."))
        for caption, text in zip(self.captions, (
            self.tr("Name"), self.tr("PIN (6 to 8 digits)"), self.tr("PIN again"),
        ), strict=True):
            caption.setText(text)
        self.name_input.setAccessibleName(self.tr("Supervisor name"))
        self.pin_input.setAccessibleName(self.tr("Supervisor PIN"))
        self.repeat_input.setAccessibleName(self.tr("Supervisor PIN again"))

    def supervisor_name(self) -> str:
        return " ".join(self.name_input.text().split())

    def pin(self) -> str:
        return self.pin_input.text()

    def validatePage(self) -> bool:
        if not self.supervisor_name():
            self.show_message(self.tr("Type the supervisor's name."))
        elif not _PIN.match(self.pin()):
            self.show_message(self.tr("A supervisor's PIN is 6 to 8 digits."))
        elif self.repeat_input.text() != self.pin():
            self.show_message(self.tr("The two PINs are not the same: type them again."))
            self.pin_input.clear()
            self.repeat_input.clear()
            self.pin_input.setFocus()
        else:
            self.show_message("")
            return True
        return False
