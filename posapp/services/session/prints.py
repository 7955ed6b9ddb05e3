"""The stand's print queue: receipts, order slips and shift reports, printed one at a time.

Queuing is one transaction; printing (``run``) is slow work for a background thread and
never touches the sale, which was committed before.
"""

from __future__ import annotations

from typing import Literal

from posapp.domain.errors import NotAllowed
from posapp.services import print_queue, settings
from posapp.services.print_queue import Job
from posapp.services.session.base import Desk
from posapp.services.users import Actor, Approval


class PrintDesk(Desk):
    def recover(self) -> int:
        """Jobs a crash left half-printed are waiting again; how many."""
        return print_queue.recover(self.write())

    def receipt(self, receipt_no: str, *, copy: bool = False) -> int:
        """Queue a receipt (or a copy, marked SALINAN); the job's id."""
        if copy:
            return print_queue.reprint(self.write(), receipt_no)
        return print_queue.enqueue_receipt(self.write(), receipt_no)

    def report(self, which: Literal["x", "z"], shift_number: int | None = None, *,
               approval: Approval | None = None) -> int:
        """Queue the open shift's X report or closed shift *shift_number*'s Z report. On a
        stand that counts the drawer blind, a cashier's X report needs a supervisor's
        *approval* (refused ``policy.needs_supervisor``, nothing queued)."""
        return print_queue.enqueue_report(self.write(), which, shift_number,
                                          actor=self._who(), approval=approval)

    def _who(self) -> Actor | None:
        """Who is logged in, or None."""
        try:
            return self.cashier()
        except NotAllowed:
            return None

    def order_slip(self, order_no: str) -> int:
        return print_queue.enqueue_order_slip(self.write(), order_no)

    def qris_slip(self, amount: int) -> int:
        """Queue a slip with the stand's QRIS code asking for *amount* rupiah (NotAllowed
        without a QRIS code, InvalidInput for an amount QRIS refuses)."""
        return print_queue.enqueue_qris_slip(self.write(), amount)

    def pending(self) -> list[Job]:
        """The jobs waiting or failed, oldest first."""
        return print_queue.pending(self.read())

    def retry(self, job_id: int, *, approval: Approval | None = None) -> Job:
        """Job *job_id* to print again. On a stand that counts the drawer blind, a cashier's
        X report job needs a supervisor's *approval* (refused ``policy.needs_supervisor``)."""
        return print_queue.retry(self.write(), job_id, actor=self._who(), approval=approval)

    def counts(self) -> dict[str, int]:
        return print_queue.counts(self.read())

    def run(self, job_id: int) -> Job:
        """Print job *job_id* on the stand's printer, as the settings are now (slow)."""
        s = settings.get(self.read())
        return print_queue.run_job(self.handle.uow, job_id, target=s.printer,
                                   width=s.paper_width, lang=s.language,
                                   profile=s.printer_profile or None,
                                   cash_drawer=s.cash_drawer)
