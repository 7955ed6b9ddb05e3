"""The settings dialog's right-hand section: where the stand's data goes (the central store to
sync to, the event the stand joined, the backup folder and how often it gets a copy)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from posapp.domain.errors import PosError
from posapp.services.settings import BACKUP_EVERY_RANGE, BACKUP_KEEP_RANGE, StandSettings
from posapp.ui.common.errors import user_message
from posapp.ui.common.widgets import TOUCH_HEIGHT, button
from posapp.ui.setup.event_key_dialog import JoinEventDialog

if TYPE_CHECKING:
    from posapp.services.session.config import SettingsDesk
    from posapp.ui.common.scanner import ScannerFilter

W = TypeVar("W", bound=QWidget)


class DataSettingsBox(QGroupBox):
    """The central store, the event (joined through JoinEventDialog at once, not on Save)
    and the backups; ``fill`` shows stored settings, ``edited`` reads the fields back."""

    def __init__(self, settings: SettingsDesk, parent: QWidget, *,
                 scanner: ScannerFilter | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dataSettingsBox")
        self._settings = settings
        self._scanner = scanner
        self.event_id: str | None = None
        self.event_problem: str | None = None
        self.join_dialog: QDialog | None = None
        self.central_input = _field(QLineEdit(self), "centralInput")
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
        self.backup_input = _field(QLineEdit(self), "backupFolderInput")
        self.backup_button = button("backupFolderButton", self)
        self.backup_button.setAutoDefault(False)
        self.backup_button.clicked.connect(self.choose_backup_folder)
        self.backup_hint = QLabel(self)
        self.backup_hint.setWordWrap(True)
        self.backup_every_spin = _field(QSpinBox(self), "backupEverySpin")
        self.backup_every_spin.setRange(*BACKUP_EVERY_RANGE)
        self.backup_keep_spin = _field(QSpinBox(self), "backupKeepSpin")
        self.backup_keep_spin.setRange(*BACKUP_KEEP_RANGE)
        self._lay_out()
        self.retranslate()

    def _lay_out(self) -> None:
        data = QFormLayout(self)
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

    def retranslate(self) -> None:
        self.setTitle(self.tr("Sync and backups"))
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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def fill(self, s: StandSettings) -> None:
        self.central_input.setText(s.central)
        self.backup_input.setText(s.backup_folder)
        self.backup_every_spin.setValue(s.backup_every)
        self.backup_keep_spin.setValue(s.backup_keep)

    def edited(self, s: StandSettings) -> StandSettings:
        """*s* with this section's fields as the form shows them now."""
        return replace(
            s,
            central=self.central_input.text().strip(),
            backup_folder=self.backup_input.text().strip(),
            backup_every=self.backup_every_spin.value(),
            backup_keep=self.backup_keep_spin.value(),
        )

    # -- the central store and the backup folder ---------------------------------------------
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

    # -- the event ---------------------------------------------------------------------------
    def show_event(self) -> None:
        try:
            self.event_id, self.event_problem = self._settings.event_id(), None
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
        dialog = JoinEventDialog(self._settings, self.window(), scanner=self._scanner)
        dialog.joined.connect(lambda _result: self.show_event())
        self.join_dialog = dialog
        dialog.open()


def _field(widget: W, name: str) -> W:
    widget.setObjectName(name)
    widget.setMinimumHeight(TOUCH_HEIGHT)
    return widget
