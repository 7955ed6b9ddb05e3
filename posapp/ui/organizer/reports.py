"""The organizer window's files: the event report as PDF or Excel, and the open orders for
whoever delivers them (Excel or CSV). A file dialog with a name made of the event and the
date, the writing in the background with a progress bar, then one line: where the file
was written, or why it was not."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QProgressBar, QWidget

from posapp.domain.errors import PosError
from posapp.domain.event_report import EventIdentity
from posapp.domain.money import format_rupiah
from posapp.services import orders_export, report_export
from posapp.services.orders_export import OrdersExport
from posapp.services.report_export import WrittenReport
from posapp.ui.common.errors import refusal
from posapp.ui.common.fit import breakable
from posapp.ui.common.widgets import button, message_label, show_message
from posapp.ui.common.worker import Progress, run_in_background

KINDS = ("pdf", "xlsx", "orders")
STEPS = 100


@dataclass(frozen=True)
class Job:
    kind: str  # pdf, xlsx or orders
    target: str  # the central store
    path: Path
    lang: str  # the files' language


def write_file(job: Job, progress: Progress) -> WrittenReport | OrdersExport:
    """Write *job*'s file (off the UI thread)."""
    if job.kind == "orders":
        return orders_export.write_orders_export(job.target, job.path, lang=job.lang,
                                                 progress=progress)
    return report_export.write_event_report(
        job.target, pdf=job.path if job.kind == "pdf" else None,
        xlsx=job.path if job.kind == "xlsx" else None, lang=job.lang, progress=progress)


class ReportActions(QObject):
    """The report buttons (the window puts them in its reports bar), their progress bar and
    their result line, children of *parent*. ``finished`` carries the result or the
    exception, once shown. What they write is asked when a button is pressed: *target* (the
    central store shown, None when none is), *language* (the files' language) and *event*
    (the event shown, for the file's suggested name; None before the first read)."""

    finished = Signal(object)

    def __init__(self, parent: QWidget, *, target: Callable[[], str | None],
                 language: Callable[[], str],
                 event: Callable[[], EventIdentity | None]) -> None:
        super().__init__(parent)
        self._over = parent
        self._target = target
        self._language = language
        self._event = event
        self.busy = False
        self.folder = ""  # where the last file went
        self.buttons = {kind: button(name, parent) for kind, name in (
            ("pdf", "pdfReportButton"), ("xlsx", "xlsxReportButton"),
            ("orders", "ordersExportButton"))}
        for kind, b in self.buttons.items():
            b.clicked.connect(lambda _checked=False, k=kind: self.choose(k))
        self.progress = QProgressBar(parent)
        self.progress.setObjectName("reportProgress")
        self.progress.setRange(0, STEPS)
        self.progress.setVisible(False)
        self.result: QLabel = message_label("reportResult", parent)  # wraps, paths too

    # -- choosing ---------------------------------------------------------------------------
    def choose(self, kind: str) -> None:
        """Ask where to write a *kind* file, then write it."""
        if self._target() is None or self.busy:
            return
        title, file_filter = self._dialog_texts()[kind]
        path, chosen = QFileDialog.getSaveFileName(self._over, title, self.suggested(kind),
                                                   file_filter)
        if path:
            self.write(kind, _with_suffix(Path(path), kind, chosen))

    def suggested(self, kind: str) -> str:
        """The dialog's suggested file: the event and today's date, in the folder of the last
        file written, else of the central store file."""
        event = self._event()
        prefix = self.tr("open-orders") if kind == "orders" else self.tr("report")
        name = report_export.default_file_name(
            prefix, event.name if event else "", event.timezone if event else "",
            ".xlsx" if kind != "pdf" else ".pdf")
        folder = self.folder or self._store_folder()
        return str(Path(folder) / name) if folder else name

    def _store_folder(self) -> str:
        target = self._target() or ""
        if target.startswith("sqlite:///"):
            target = target.removeprefix("sqlite:///")
        return str(Path(target).parent) if target and "://" not in target else ""

    def _dialog_texts(self) -> dict[str, tuple[str, str]]:
        return {
            "pdf": (self.tr("Save the event report as PDF"), self.tr("PDF (*.pdf)")),
            "xlsx": (self.tr("Save the event report as Excel"),
                     self.tr("Excel workbook (*.xlsx)")),
            "orders": (self.tr("Save the open orders"),
                       self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)")),
        }

    # -- writing ----------------------------------------------------------------------------
    def write(self, kind: str, path: Path) -> None:
        """Write a *kind* file at *path* in the background; ``finished`` when done."""
        target = self._target()
        if target is None or self.busy:
            return
        job = Job(kind, target, Path(path), self._language())
        self._set_busy(True)
        show_message(self.result, "")
        self.progress.setValue(0)
        run_in_background(self, lambda progress: write_file(job, progress),
                          on_success=lambda result: self._done(job, result),
                          on_failure=lambda exc: self._refused(job, exc),
                          on_progress=self._progressed)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setValue(done * STEPS // total if total else 0)

    def _done(self, job: Job, result: Any) -> None:
        self._set_busy(False)
        self.folder = str(job.path.parent)
        if isinstance(result, OrdersExport):
            text = self.tr("Open orders written to {path}: {orders} orders, {overdue} overdue, "
                           "balances due {due}").format(
                path=breakable(result.path), orders=result.orders, overdue=result.overdue,
                due=format_rupiah(result.balance_due))
        else:
            what = self.tr("PDF report") if job.kind == "pdf" else self.tr("Excel report")
            text = self.tr("{what} written to {path}: {stands} stands, net {net}").format(
                what=what, path=breakable(job.path), stands=result.stands,
                net=format_rupiah(result.net))
        show_message(self.result, text, error=False)
        self.result.setToolTip(str(job.path))
        self.finished.emit(result)

    def _refused(self, job: Job, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, PosError):
            reason = refusal(exc)
        else:
            first = (str(exc).strip().splitlines() or [""])[0][:200]
            reason = self.tr("unexpected error: {error}").format(
                error=f"{type(exc).__name__}: {first}")
        what = {"pdf": self.tr("The PDF report was not written: {reason}"),
                "xlsx": self.tr("The Excel report was not written: {reason}"),
                "orders": self.tr("The open orders were not written: {reason}")}[job.kind]
        show_message(self.result, breakable(what.format(reason=reason)))
        self.result.setToolTip(str(job.path))
        self.finished.emit(exc)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        for b in self.buttons.values():
            b.setEnabled(not busy)

    def set_visible(self, visible: bool) -> None:
        for b in self.buttons.values():
            b.setVisible(visible)
        if not visible:
            show_message(self.result, "")

    def retranslate(self) -> None:
        for kind, text, accessible in (
            ("pdf", self.tr("PDF report…"), self.tr("Save the event report as PDF")),
            ("xlsx", self.tr("Excel report…"), self.tr("Save the event report as Excel")),
            ("orders", self.tr("Open orders…"),
             self.tr("Save the open orders for delivery, as Excel or CSV")),
        ):
            self.buttons[kind].setText(text)
            self.buttons[kind].setAccessibleName(accessible)
        self.progress.setAccessibleName(self.tr("Progress of the file being written"))


def _with_suffix(path: Path, kind: str, chosen_filter: str) -> Path:
    """*path* with the suffix its kind calls for (for the open orders, .xlsx or .csv as typed
    or as the filter chosen) added when the name typed has another one or none."""
    suffix = path.suffix.lower()
    if kind == "orders":
        if suffix in (".xlsx", ".csv"):
            return path
        wanted = ".csv" if "*.csv" in chosen_filter and "*.xlsx" not in chosen_filter \
            else ".xlsx"
    else:
        wanted = f".{kind}"
        if suffix == wanted:
            return path
    return path.with_name(path.name + wanted)
