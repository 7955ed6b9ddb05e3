"""The set-up wizard's page for the organizers: the event key and the central store.

Both are optional (a stand without them sells; it joins and picks the central store later
in the settings). A key typed or scanned here is checked at once, then taken out of the
field: from then on only its event id is shown.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from posapp.domain.errors import PosError
from posapp.domain.event_key import fingerprint, format_key, parse_key
from posapp.services.settings import check_central_place, normalize_central
from posapp.ui.common.errors import user_message
from posapp.ui.common.widgets import TOUCH_HEIGHT, button
from posapp.ui.setup.event_key_dialog import key_input
from posapp.ui.setup.page_base import SetupPage


class SyncSetupPage(SetupPage):
    """The event key (type it, or scan its QR code) and where to sync; both may stay empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("syncPageError", parent)
        self.key_text: str | None = None  # the key taken, written out (never shown)
        self.central = ""
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.key_input = key_input("eventKeyInput", self)
        self.key_input.textEdited.connect(lambda _text: self.show_message(""))
        self.key_label = QLabel(self)
        self.key_label.setObjectName("eventKeyTakenLabel")
        self.key_label.setWordWrap(True)
        self.central_input = QLineEdit(self)
        self.central_input.setObjectName("centralInput")
        self.central_input.setMinimumHeight(TOUCH_HEIGHT)
        self.central_input.textEdited.connect(lambda _text: self.show_message(""))
        self.central_button = button("centralFileButton", self)
        self.central_button.clicked.connect(self.choose_file)
        self.captions = [QLabel(self), QLabel(self)]
        for caption, widget in zip(self.captions, (self.key_input, self.central_input),
                                   strict=True):
            caption.setMinimumHeight(TOUCH_HEIGHT)
            caption.setBuddy(widget)
        central_row = QHBoxLayout()
        central_row.addWidget(self.central_input, 1)
        central_row.addWidget(self.central_button)
        form = QFormLayout(self)
        form.addRow(self.intro)
        form.addRow(self.captions[0], self.key_input)
        form.addRow("", self.key_label)
        form.addRow(self.captions[1], central_row)
        form.addRow(self.error)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The organizers' event"))
        self.setSubTitle(self.tr("Both may stay empty: the stand sells without them, and they "
                                 "can be set later in the settings."))
        self.intro.setText(self.tr(
            "The event key signs this stand's sales for the organizers: type it from their "
            "paper (14 groups of 4), or scan its QR code. The central store is where Sync now "
            "sends the sales: a file (on a USB stick or a shared folder) or a postgresql:// "
            "URL."))
        self.captions[0].setText(self.tr("Event key"))
        self.captions[1].setText(self.tr("Central store"))
        self.key_input.setAccessibleName(self.tr("Event key"))
        self.key_input.setPlaceholderText(self.tr("empty: join the event later"))
        self.central_input.setAccessibleName(self.tr("Central store"))
        self.central_input.setPlaceholderText(self.tr("empty: no sync for now"))
        self.central_button.setText(self.tr("Choose file…"))
        self.central_button.setAccessibleName(self.tr("Choose the central store file"))
        self._show_taken()

    def _show_taken(self) -> None:
        self.key_label.setText(
            self.tr("Event {event}: the key is taken (it is not shown again).").format(
                event=fingerprint(parse_key(self.key_text))) if self.key_text else "")

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Choose the central store file"), self.central_input.text().strip(),
            self.tr("Central store (*.sqlite);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.central_input.setText(path)
            self.show_message("")

    def validatePage(self) -> bool:
        """Take a typed key (a typo is refused with its reason) and check the central store."""
        try:
            text = self.key_input.text()
            if text.strip():
                key = parse_key(text)
                self.key_text = format_key(key)
                self.key_input.clear()  # never shown again
                self._show_taken()
            central = normalize_central(self.central_input.text())
            check_central_place(central)
        except PosError as exc:
            self.show_message(user_message(exc))
            return False
        self.central = central
        self.central_input.setText(central)
        self.show_message("")
        return True
