"""Receipts, order slips and shift reports to the printer in the background, one job at a
time; the window never waits.

The sale is committed before any of this; a printer that is off or unplugged only leaves
a failed job, shown in the status bar, on the selling screen's banner (``PrinterBanner``)
and in the print jobs list, and printed again there.

A job the printer got nothing of (it did not answer, or said it is out of paper or off line:
``Job.retries_by_itself``) is also tried again by itself every ``AUTO_RETRY_MS``: the oldest
one first, and when it prints (the printer answers again), the others after it.
"""

from __future__ import annotations

from collections import deque
from typing import Literal

from PySide6.QtCore import QObject, QTimer, Signal

from posapp.domain.errors import PosError
from posapp.services.print_queue import Job
from posapp.services.session.stand import StandSession
from posapp.services.users import Approval
from posapp.ui.common.errors import said
from posapp.ui.common.pin_prompt import NEEDS_SUPERVISOR
from posapp.ui.common.worker import BackgroundOp, run_in_background

AUTO_RETRY_MS = 10_000  # how often a printer that did not answer is tried again


class PrintController(QObject):
    """Queues receipt, order slip and report jobs and runs them on a worker thread, oldest first."""

    changed = Signal()  # the queue's state changed: the status bar reads `state()`

    def __init__(self, session: StandSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._todo: deque[int] = deque()
        self._running: BackgroundOp | None = None
        self.last_error: str | None = None
        self._probe: int | None = None  # the job tried by itself, to see if the printer is back
        session.prints.recover()  # jobs a crash left half-printed
        self.auto_retry = QTimer(self)
        self.auto_retry.setObjectName("printAutoRetryTimer")
        self.auto_retry.setInterval(AUTO_RETRY_MS)
        self.auto_retry.timeout.connect(self._try_again)
        self.auto_retry.start()

    def receipt(self, receipt_no: str, *, copy: bool = False) -> None:
        """Queue a receipt (or a copy) and start printing it."""
        try:
            job = self.session.prints.receipt(receipt_no, copy=copy)
        except PosError as exc:  # the sale is saved; only its paper is missing
            self.last_error = exc.message
            self.changed.emit()
            return
        self._todo.append(job)
        self._next()

    def report(self, which: Literal["x", "z"], shift_number: int | None = None, *,
               approval: Approval | None = None) -> None:
        """Queue the open shift's X report, or closed shift *shift_number*'s Z report, and
        start printing it. PosError when there is no such shift, or when the X report of a
        stand that counts blind needs a supervisor's *approval* (nothing is queued)."""
        self._todo.append(self.session.prints.report(which, shift_number, approval=approval))
        self._next()

    def order_slip(self, order_no: str) -> None:
        """Queue order *order_no*'s slip and start printing it. PosError when the slip cannot
        be queued (no such order): nothing is queued, the order itself is saved already."""
        self._todo.append(self.session.prints.order_slip(order_no))
        self._next()

    def qris_slip(self, amount: int) -> None:
        """Queue a QRIS slip for *amount* and start printing it. PosError when the stand
        cannot print one (no QRIS code, an amount QRIS refuses): nothing is queued."""
        self._todo.append(self.session.prints.qris_slip(amount))
        self._next()

    def pending(self) -> list[Job]:
        """The jobs waiting or failed, oldest first."""
        return self.session.prints.pending()

    def retry(self, job_id: int, *, approval: Approval | None = None) -> None:
        """Print one waiting or failed job again. PosError when the service refuses it (on
        a stand that counts blind, a cashier's X report job wants a supervisor's
        *approval*): nothing is printed."""
        self.session.prints.retry(job_id, approval=approval)
        if job_id not in self._todo:
            self._todo.append(job_id)
        self._next()

    def retry_all(self) -> None:
        """Print every waiting or failed job again (after the printer is fixed); a job that
        needs a supervisor (a blind-count stand's X report) stays in the list, for its own
        Print again button."""
        for job in self.session.prints.pending():
            try:
                self.session.prints.retry(job.id)
            except PosError as exc:
                if exc.code != NEEDS_SUPERVISOR:
                    raise
                continue
            if job.id not in self._todo:
                self._todo.append(job.id)
        self._next()

    def waiting_for_printer(self) -> list[Job]:
        """The failed jobs that print by themselves once the printer answers, oldest first."""
        return [job for job in self.session.prints.pending() if job.retries_by_itself]

    def _try_again(self) -> None:
        """The timer: print the oldest job waiting for the printer, if nothing else runs."""
        if self._running is not None or self._todo:
            return
        try:
            jobs = self.waiting_for_printer()
        except PosError:  # the database is busy or gone for a moment: next time
            return
        if jobs:
            self._probe = jobs[0].id
            self._todo.append(jobs[0].id)
            self._next()

    def state(self) -> tuple[int, int, str | None]:
        """(waiting, failed, the last failure's reason) for the status bar."""
        counts = self.session.prints.counts()
        return counts["waiting"], counts["failed"], self.last_error

    def not_printed(self) -> int:
        """How many jobs are not printed: failed, or waiting while nothing prints them."""
        waiting, failed, _error = self.state()
        return failed + (0 if self.busy else waiting)

    def trouble(self) -> str | None:
        """Why the last job that failed did not print, in the user's language; None when
        none failed."""
        failed = [job for job in self.session.prints.pending() if job.status == "failed"]
        if not failed:
            return None
        job = failed[-1]
        return said(job.problem, job.last_error or "") or None

    def prints_by_itself(self) -> bool:
        """Whether every job that failed prints by itself once the printer answers again."""
        failed = [job for job in self.session.prints.pending() if job.status == "failed"]
        return bool(failed) and all(job.retries_by_itself for job in failed)

    @property
    def busy(self) -> bool:
        return self._running is not None

    def _next(self) -> None:
        if self._running is not None or not self._todo:
            self.changed.emit()
            return
        job_id = self._todo.popleft()
        prints = self.session.prints

        def work(_progress: object) -> Job:  # the printer as the settings are now
            return prints.run(job_id)

        self._running = run_in_background(self, work, on_success=self._done,
                                          on_failure=self._crashed)
        self.changed.emit()

    def _done(self, job: Job) -> None:
        self._running = None
        self.last_error = job.last_error if job.status == "failed" else None
        if job.id == self._probe:
            self._probe = None
            if job.status == "done":  # the printer answers again: the others follow
                self._todo.extend(j.id for j in self.waiting_for_printer()
                                  if j.id not in self._todo)
        self._next()

    def _crashed(self, exc: Exception) -> None:
        self._running = None
        self._probe = None
        self.last_error = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        self._next()
