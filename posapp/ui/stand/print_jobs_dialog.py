"""The print jobs still owed to a buyer or the cashier: receipts and reports waiting or not
printed, with the reason, each printed again on its own or all at once."""

from __future__ import annotations

import contextlib
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.errors import PosError
from posapp.domain.money import format_rupiah
from posapp.services.print_queue import Job
from posapp.services.users import Approval
from posapp.ui.common.errors import said, user_message
from posapp.ui.common.fit import fit_dialog
from posapp.ui.common.models import Index, RawRole, RowsModel
from posapp.ui.common.pin_prompt import NEEDS_SUPERVISOR, TOUCH, PromptSlot, touch_button
from posapp.ui.common.record_list import RIGHT, RecordList, local_time, row_tip
from posapp.ui.stand.print_controller import PrintController

NOT_PRINTED_COLOUR = "#c62828"


class PrintJobsModel(RowsModel[Job]):
    """One job per row: what it prints, when it was queued, its state and the problem. A
    narrow list leaves the time and then the state out (``SPARE``): each row's tooltip
    says the whole job."""

    JOB, TIME, STATE, PROBLEM, ACTION = range(5)
    # Left out in this order where the problem would keep less than PROBLEM_CHARACTERS.
    SPARE = (TIME, STATE)
    # What of a problem's line the list keeps in view before it leaves columns out.
    PROBLEM_CHARACTERS = 32

    def __init__(self, zone: ZoneInfo, parent: Any = None) -> None:
        super().__init__([], parent)
        self.zone = zone
        self.retranslate()

    def retranslate(self) -> None:
        self.set_headers([self.tr("Receipt or report"), self.tr("Queued at"),
                          self.tr("State"), self.tr("Problem"), ""])
        for column in (self.JOB, self.STATE, self.PROBLEM):
            self.refresh_column(column)

    def job_at(self, row: int) -> Job | None:
        return self.row_at(row)

    def what(self, job: Job) -> str:
        if job.kind == "report":
            which, _, number = job.ref.partition("-")
            return (self.tr("X report, shift #{number}") if which == "X"
                    else self.tr("Z report, shift #{number}")).format(number=number)
        if job.kind == "qris" and job.ref.isdigit():
            return self.tr("QRIS slip, {amount}").format(amount=format_rupiah(int(job.ref)))
        return self.tr("{receipt} (copy)").format(receipt=job.ref) if job.copy else job.ref

    def state(self, job: Job) -> str:
        return self.tr("Not printed") if job.status == "failed" else self.tr("Waiting")

    def problem(self, job: Job) -> str:
        """The job's last error in the user's language (as kept: English before ids)."""
        return said(job.problem, job.last_error or "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        job = self.job_at(index.row()) if index.isValid() else None
        if job is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.what(job), local_time(job.created_at, self.zone), self.state(job),
                    self.problem(job), "")[col]
        if role == Qt.ItemDataRole.ToolTipRole:  # whole, with what a narrow list leaves out
            return row_tip(self, index.row(), (self.JOB,))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.TIME:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and col == self.STATE \
                and job.status == "failed":
            return QBrush(QColor(NOT_PRINTED_COLOUR))  # (a Qt.GlobalColor is not drawn)
        if role == RawRole:
            return job
        return None


class PrintJobsDialog(QDialog):
    """Lists the printer's unfinished jobs; follows the print queue while open."""

    def __init__(self, printing: PrintController, zone: ZoneInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printJobsDialog")
        self.printing = printing
        self.model = PrintJobsModel(zone, self)
        self.jobs = RecordList(  # no sideways scroll: the problem wraps, rows as high as it
            self.model, key=lambda job: str(job.id), table="printJobsTable",  # needs
            stretch=PrintJobsModel.PROBLEM, parent=self, sides=(1, 0), fits=True,
            spare=PrintJobsModel.SPARE, keep=PrintJobsModel.PROBLEM_CHARACTERS)
        self.table = self.jobs.table
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setMinimumSectionSize(TOUCH + 4)
        self.empty_label = QLabel(self, objectName="printJobsEmptyLabel", wordWrap=True)
        self.retry_all_button = touch_button(self, "printAllAgainButton")
        self.close_button = touch_button(self, "printJobsCloseButton")
        self.retry_buttons: dict[int, QPushButton] = {}  # job id -> its Print again button
        self.prompts = PromptSlot(self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.retry_all_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.jobs, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        self.retry_all_button.clicked.connect(printing.retry_all)
        self.close_button.clicked.connect(self.reject)
        printing.changed.connect(self.refresh)
        self.finished.connect(self._stop_following)
        fit_dialog(self, roomy=True)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print jobs"))
        self.table.setAccessibleName(self.tr("Print jobs waiting or not printed"))
        self.empty_label.setText(self.tr("Nothing is waiting: every receipt and report is "
                                         "printed."))
        self.retry_all_button.setText(self.tr("Print all again"))
        self.retry_all_button.setAccessibleName(self.tr("Print all again"))
        self.close_button.setText(self.tr("Close (Esc)"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.model.retranslate()
        for row in range(self.model.rowCount()):
            job = self.model.job_at(row)
            if job is not None and job.id in self.retry_buttons:
                self._name_button(self.retry_buttons[job.id], job)
        self._fit_buttons_column()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Read the waiting and failed jobs again, each with its Print again button."""
        try:
            jobs = self.printing.pending()
        except PosError as exc:
            jobs = []
            self.empty_label.setText(user_message(exc))
        self.jobs.set_records(jobs)
        for old in self.retry_buttons.values():
            old.setParent(None)  # gone now, not at the next deleteLater
        self.retry_buttons = {}
        for row, job in enumerate(jobs):
            button = touch_button(self.table, f"printAgainButton{job.id}")
            # after the click is over: printing again rebuilds the rows, this button with them
            button.clicked.connect(lambda _=False, job_id=job.id: QTimer.singleShot(
                0, lambda: self.print_again(job_id)))
            self.table.setIndexWidget(self.model.index(row, PrintJobsModel.ACTION), button)
            self.retry_buttons[job.id] = button
            self._name_button(button, job)
        self._fit_buttons_column()
        self.jobs.setVisible(bool(jobs))
        self.empty_label.setVisible(not jobs)
        self.retry_all_button.setEnabled(bool(jobs))

    def print_again(self, job_id: int) -> None:
        """Print job *job_id* again; when the stand's policy wants a supervisor for it (a
        blind-count stand's X report), the PIN prompt asks for one and prints on approval."""
        try:
            self.printing.retry(job_id)
        except PosError as exc:
            if exc.code != NEEDS_SUPERVISOR:
                raise
            self.prompts.open(lambda name, pin: self.printing.retry(
                job_id, approval=Approval(name, pin)), user_message(exc))

    def _fit_buttons_column(self) -> None:
        """The Print again column as wide as its buttons (the model has no text there)."""
        if not self.retry_buttons:
            return
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(PrintJobsModel.ACTION, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(PrintJobsModel.ACTION, max(
            b.sizeHint().width() for b in self.retry_buttons.values()) + 2)  # + grid line

    def _stop_following(self) -> None:
        with contextlib.suppress(RuntimeError):  # closed twice
            self.printing.changed.disconnect(self.refresh)

    def _name_button(self, button: QPushButton, job: Job) -> None:
        button.setText(self.tr("Print again"))
        button.setAccessibleName(self.tr("Print again: {job}").format(job=self.model.what(job)))
