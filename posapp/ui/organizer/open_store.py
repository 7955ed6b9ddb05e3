"""Choosing the central store: a file (an existing one, or a new name) or a PostgreSQL URL."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from posapp.ui.common.input_dialog import Field, InputDialog

if TYPE_CHECKING:
    from posapp.ui.organizer.window import OrganizerWindow

NEW_FILE_NAME = "central.sqlite"


class OpenActions(QObject):
    """The window's Open file / New file / Open URL; each ends in ``window.open_target``."""

    def __init__(self, window: OrganizerWindow) -> None:
        super().__init__(window)
        self.window = window
        self.url_dialog: InputDialog | None = None

    def _start_folder(self) -> str:
        last = self.window.settings.last_central
        return str(Path(last).parent) if last and "://" not in last else ""

    def _file_filter(self) -> str:
        return self.tr("Central store (*.sqlite *.db);;All files (*)")

    def open_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.window, self.tr("Open a central store file"), self._start_folder(),
            self._file_filter())
        if path:
            self.window.open_target(path)

    def new_file(self) -> None:
        """A name for a new central store file; an existing file chosen is opened, not
        emptied (and refused when it is something else)."""
        folder = self._start_folder()
        suggested = str(Path(folder) / NEW_FILE_NAME) if folder else NEW_FILE_NAME
        path, _filter = QFileDialog.getSaveFileName(
            self.window, self.tr("New central store file"), suggested, self._file_filter(),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.window.open_target(path, create=True)

    def open_url(self) -> None:
        last = self.window.settings.last_central
        self.close_dialog()
        dialog = InputDialog(
            self.window, self.tr("Central store on a server"),
            [Field("centralUrlInput",
                   self.tr("PostgreSQL URL (postgresql://user@server/database):"),
                   text=last if "://" in last else "")],
            self._url_given, ok_text=self.tr("Open"), cancel_text=self.tr("Cancel"),
            name="centralUrlDialog")
        self.url_dialog = dialog
        dialog.open()

    def _url_given(self, texts: list[str]) -> str | None:
        url = texts[0].strip()
        if not url.lower().startswith(("postgresql://", "postgresql+psycopg://",
                                       "postgres://")):
            return self.tr("Type a URL that starts with postgresql://")
        self.window.open_target(url.replace("postgres://", "postgresql://", 1))
        return None

    def close_dialog(self) -> None:
        if self.url_dialog is not None:
            self.url_dialog.close()
            self.url_dialog = None
