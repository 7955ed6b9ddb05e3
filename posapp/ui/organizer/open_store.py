"""Choosing the central store: a file (an existing one, or a new name) or a PostgreSQL URL."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from posapp.ui.common.input_dialog import Field, InputDialog

NEW_FILE_NAME = "central.sqlite"


class OpenActions(QObject):
    """Open file / New file / Open URL, their dialogs shown over *parent*; each ends in
    ``chosen`` (the file or URL, and whether a new file is to be made). *last_central*
    gives the store opened last (a path or a URL without its password, or empty)."""

    chosen = Signal(str, bool)

    def __init__(self, parent: QWidget, last_central: Callable[[], str]) -> None:
        super().__init__(parent)
        self._over = parent
        self._last_central = last_central
        self.url_dialog: InputDialog | None = None

    def _start_folder(self) -> str:
        last = self._last_central()
        return str(Path(last).parent) if last and "://" not in last else ""

    def _file_filter(self) -> str:
        return self.tr("Central store (*.sqlite *.db);;All files (*)")

    def open_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self._over, self.tr("Open a central store file"), self._start_folder(),
            self._file_filter())
        if path:
            self.chosen.emit(path, False)

    def new_file(self) -> None:
        """A name for a new central store file; an existing file chosen is opened, not
        emptied (and refused when it is something else)."""
        folder = self._start_folder()
        suggested = str(Path(folder) / NEW_FILE_NAME) if folder else NEW_FILE_NAME
        path, _filter = QFileDialog.getSaveFileName(
            self._over, self.tr("New central store file"), suggested, self._file_filter(),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.chosen.emit(path, True)

    def open_url(self) -> None:
        last = self._last_central()
        self.close_dialog()
        dialog = InputDialog(
            self._over, self.tr("Central store on a server"),
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
        self.chosen.emit(url.replace("postgres://", "postgresql://", 1), False)
        return None

    def close_dialog(self) -> None:
        if self.url_dialog is not None:
            self.url_dialog.close()
            self.url_dialog = None
