"""Reading past sales: the list for a shift or the whole stand, and one sale by receipt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from posapp.services.shifts import open_shift_row
from posapp.store.models import RefundRow, SaleRow, ShiftRow, UserRow
from posapp.store.uow import UnitOfWork


@dataclass(frozen=True)
class SaleSummary:
    receipt_no: str
    created_at: datetime
    shift_number: int
    cashier: str
    items: int
    total: int
    refunded: int
    voided: bool
    payments: dict[str, int]

    def as_json(self) -> dict[str, object]:
        return {
            "receipt_no": self.receipt_no,
            "created_at": self.created_at.isoformat() + "Z",
            "shift": self.shift_number,
            "cashier": self.cashier,
            "items": self.items,
            "total": self.total,
            "refunded": self.refunded,
            "status": "voided" if self.voided else "completed",
            "payments": self.payments,
        }


def list_sales(uow: UnitOfWork, *, shift_number: int | None = None, everything: bool = False,
               limit: int | None = None) -> list[SaleSummary]:
    """Sales of *shift_number*, else of the open (or latest) shift, or all with *everything*."""
    with uow:
        s = uow.session
        query = (select(SaleRow, ShiftRow.number, UserRow.name)
                 .join(ShiftRow, ShiftRow.id == SaleRow.shift_id)
                 .join(UserRow, UserRow.id == SaleRow.cashier_id)
                 .options(selectinload(SaleRow.lines), selectinload(SaleRow.payments))
                 .order_by(SaleRow.seq))
        if not everything:
            if shift_number is None:
                shift = open_shift_row(uow) or s.scalar(
                    select(ShiftRow).order_by(ShiftRow.number.desc()))
                shift_number = shift.number if shift else 0
            query = query.where(ShiftRow.number == shift_number)
        if limit:
            query = query.limit(limit)
        rows = s.execute(query).all()
        refunded = dict(s.execute(
            select(RefundRow.sale_id, func.sum(RefundRow.amount)).group_by(RefundRow.sale_id)
        ).all())
        return [
            SaleSummary(
                receipt_no=sale.receipt_no, created_at=sale.created_at, shift_number=number,
                cashier=cashier, items=sum(ln.quantity for ln in sale.lines), total=sale.total,
                refunded=int(refunded.get(sale.id, 0)), voided=sale.voided_at is not None,
                payments={p.method: p.amount for p in sale.payments},
            )
            for sale, number, cashier in rows
        ]
