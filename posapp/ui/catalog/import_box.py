"""The catalog dialog's import section: choose a .csv or .xlsx file, import it on a
background thread with its progress shown, and list every bad row of a refused file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.catalog import CatalogFileError
from posapp.domain.errors import PosError
from posapp.services.session.catalog import CatalogDesk, Imported
from posapp.services.users import Approval
from posapp.ui.common.errors import user_message
from posapp.ui.common.i18n import current_language
from posapp.ui.common.pin_prompt import NEEDS_SUPERVISOR, PromptSlot
from posapp.ui.common.widgets import TOUCH_HEIGHT
from posapp.ui.common.worker import BackgroundOp, run_in_background


class CatalogImportBox(QGroupBox):
    """Imports a catalog file through the products desk (all or nothing).

    ``started`` is emitted when an import begins, then ``imported`` (the Imported record) or
    ``failed`` (the exception; a refused file's bad rows are listed here already)."""

    started = Signal()
    imported = Signal(object)
    failed = Signal(object)

    def __init__(self, products: CatalogDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._products = products
        self._op: BackgroundOp | None = None
        self._path = Path()
        self._prompts = PromptSlot(self)
        self.button = QPushButton(self)
        self.button.setObjectName("importCatalogButton")
        self.button.setMinimumHeight(TOUCH_HEIGHT)
        self.button.setAutoDefault(False)  # Enter from the scanner must not press a button
        self.button.clicked.connect(self.choose_and_import)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("importProgress")
        self.progress.setMinimumHeight(TOUCH_HEIGHT)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.problems = QListWidget(self)
        self.problems.setObjectName("importProblems")
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addWidget(self.progress)
        box = QVBoxLayout(self)
        box.addLayout(row)
        box.addWidget(self.problems)
        self.retranslate()

    @property
    def running(self) -> bool:
        """An import is under way (its catalog has not reached the session yet)."""
        return self._op is not None

    def retranslate(self) -> None:
        self.setTitle(self.tr("Import a catalog file (.csv or .xlsx)"))
        self.button.setText(self.tr("Import file…"))
        self.button.setAccessibleName(self.tr("Import file…"))
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.problems.setAccessibleName(self.tr("Problems in the catalog file"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def choose_and_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a catalog file"),
            "",
            self.tr("Catalog files (*.csv *.xlsx *.xlsm)"),
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path, approval: Approval | None = None) -> None:
        """Import *path* in the background; a cashier is asked for a supervisor's approval."""
        self._path = path
        self.problems.clear()
        self.progress.setValue(0)
        products = self._products
        self.started.emit()
        self._op = run_in_background(
            self,
            lambda progress: products.import_file(path, progress, approval=approval),
            on_success=self._done,
            on_failure=self._failed,
            on_progress=self._progressed,
        )

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setValue(done * 100 // total if total else 0)

    def _done(self, outcome: Imported) -> None:
        self._op = None
        self.imported.emit(outcome)

    def _failed(self, exc: Exception) -> None:
        self._op = None
        self.progress.setValue(0)
        if isinstance(exc, PosError) and exc.code == NEEDS_SUPERVISOR:
            path = self._path
            self._prompts.open(lambda name, pin: self.import_path(path, Approval(name, pin)),
                               user_message(exc))
        if isinstance(exc, CatalogFileError):
            lang = current_language()
            self.problems.addItems([problem.text(lang) for problem in exc.problems])
        self.failed.emit(exc)
