"""The sales of a stand: the history, a sale's details, voids, refunds and receipt copies."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from posapp.domain.receipt import layout_receipt
from posapp.domain.tender import PaymentMethod
from posapp.printing.text_receipt import render_text
from posapp.services import history, returns, settings, shifts
from posapp.services.history import SaleDetail, SaleSummary
from posapp.services.receipts import receipt_for
from posapp.services.returns import RefundItem, RefundResult, VoidResult
from posapp.services.session.base import Desk


@dataclass(frozen=True)
class SalesList:
    sales: list[SaleSummary]  # oldest first
    open_shift: int | None  # the open shift's number, None when no shift is open


def _nothing(_receipt_no: str) -> None:
    pass


@dataclass
class SalesDesk(Desk):
    #: Told the receipt number of a sale once it is voided or refunded (the session's last
    #: sale is no longer shown as paid).
    undone: Callable[[str], None] = field(default=_nothing)

    def history(self, *, everything: bool = False) -> SalesList:
        """The open shift's sales (or every sale), and the open shift's number."""
        with self.read() as uow:
            shift = shifts.open_shift_row(uow)
            number = shift.number if shift else None
        return SalesList(history.list_sales(self.read(), everything=everything), number)

    def last(self) -> SaleSummary | None:
        """The stand's last committed sale as the database has it (after a crash or a
        restart too), or None before the first."""
        return history.last_sale(self.read())

    def detail(self, receipt_no: str) -> SaleDetail:
        """Sale *receipt_no* with its lines; NotFound when there is none."""
        return history.sale_detail(self.read(), receipt_no)

    def void(self, receipt_no: str, *, supervisor: str, pin: str, reason: str) -> VoidResult:
        """Void *receipt_no*: the logged-in cashier asks, *supervisor* approves."""
        result = returns.void_sale(self.write(), receipt_no, supervisor_name=supervisor,
                                   supervisor_pin=pin, reason=reason, actor=self.cashier())
        self.undone(receipt_no)
        return result

    def refund(self, receipt_no: str, items: list[RefundItem], *, supervisor: str, pin: str,
               reason: str, method: PaymentMethod) -> RefundResult:
        """Refund *items*: the logged-in cashier asks, *supervisor* approves."""
        result = returns.refund(self.write(), receipt_no, items, supervisor_name=supervisor,
                                supervisor_pin=pin, reason=reason, method=method,
                                actor=self.cashier())
        self.undone(receipt_no)
        return result

    def copy_preview(self, receipt_no: str, lang: str) -> str:
        """A copy of receipt *receipt_no* in plain text, as the printer has it."""
        width = settings.get(self.read()).paper_width
        receipt = receipt_for(self.read(), receipt_no, lang=lang, kind="copy")
        return render_text(layout_receipt(receipt, width, lang=lang), width)
