"""Reading past sales: the list for a shift or the whole stand, and one sale by receipt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from posapp.services.returns import find_sale
from posapp.services.shifts import open_shift_row
from posapp.store.models import (
    ProductRow,
    RefundLineRow,
    RefundRow,
    SaleRow,
    ShiftRow,
    UserRow,
)
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


def last_sale(uow: UnitOfWork) -> SaleSummary | None:
    """The stand's last committed sale, of any shift (voided or refunded ones too), or None
    before the first: what a cashier checks after a crash or a restart."""
    found = list_sales(uow, everything=True, newest=True, limit=1)
    return found[0] if found else None


def list_sales(uow: UnitOfWork, *, shift_number: int | None = None, everything: bool = False,
               limit: int | None = None, newest: bool = False) -> list[SaleSummary]:
    """Sales of *shift_number*, else of the open (or latest) shift, or all with *everything*;
    oldest first, or the newest first with *newest*."""
    with uow:
        s = uow.session
        query = (select(SaleRow, ShiftRow.number, UserRow.name)
                 .join(ShiftRow, ShiftRow.id == SaleRow.shift_id)
                 .join(UserRow, UserRow.id == SaleRow.cashier_id)
                 .options(selectinload(SaleRow.lines), selectinload(SaleRow.payments))
                 .order_by(SaleRow.seq.desc() if newest else SaleRow.seq))
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


@dataclass(frozen=True)
class LineDetail:
    line_no: int
    product_id: int | None
    sku: str
    barcode: str | None
    name: str
    unit_price: int
    quantity: int
    line_discount: int  # the discount given on this line alone
    total: int
    refunded: int  # units already refunded

    @property
    def refundable(self) -> int:
        return self.quantity - self.refunded


@dataclass(frozen=True)
class SaleDetail:
    """One sale as the history dialog and the receipt preview need it."""

    receipt_no: str
    created_at: datetime  # UTC, naive
    shift_number: int
    cashier: str
    subtotal: int
    discount: int
    total: int
    change: int
    voided: bool
    lines: tuple[LineDetail, ...]
    payments: tuple[tuple[str, int], ...]  # (method, tendered)
    refunds: tuple[tuple[str, str, int], ...]  # (refund no, method, amount)

    @property
    def refunded(self) -> int:
        return sum(amount for _, _, amount in self.refunds)

    def line_for_code(self, code: str) -> LineDetail | None:
        """The line whose SKU or barcode is *code* (a product scanned to pick it)."""
        code = code.strip()
        for line in self.lines:
            if code.upper() == line.sku.upper() or (line.barcode and code == line.barcode):
                return line
        return None


def sale_detail(uow: UnitOfWork, receipt_no: str) -> SaleDetail:
    """One sale with its lines, payments and refunds so far."""
    with uow:
        s = uow.session
        sale = find_sale(uow, receipt_no)
        refunded = dict(
            s.execute(
                select(RefundLineRow.sale_line_id, func.sum(RefundLineRow.quantity))
                .join(RefundRow, RefundRow.id == RefundLineRow.refund_id)
                .where(RefundRow.sale_id == sale.id)
                .group_by(RefundLineRow.sale_line_id)
            ).all()
        )
        refunds = s.execute(
            select(RefundRow.refund_no, RefundRow.method, RefundRow.amount)
            .where(RefundRow.sale_id == sale.id)
            .order_by(RefundRow.seq)
        ).all()
        ids = {ln.product_id for ln in sale.lines if ln.product_id is not None}
        barcodes = (
            dict(
                s.execute(
                    select(ProductRow.id, ProductRow.barcode).where(ProductRow.id.in_(ids))
                ).all()
            )
            if ids
            else {}
        )
        return SaleDetail(
            receipt_no=sale.receipt_no,
            created_at=sale.created_at,
            shift_number=s.get_one(ShiftRow, sale.shift_id).number,
            cashier=s.get_one(UserRow, sale.cashier_id).name,
            subtotal=sale.subtotal,
            discount=sale.discount,
            total=sale.total,
            change=sale.change,
            voided=sale.voided_at is not None,
            lines=tuple(
                LineDetail(
                    line_no=ln.line_no,
                    product_id=ln.product_id,
                    sku=ln.sku,
                    barcode=barcodes.get(ln.product_id) if ln.product_id is not None else None,
                    name=ln.name,
                    unit_price=ln.unit_price,
                    quantity=ln.quantity,
                    line_discount=ln.line_discount,
                    total=ln.total,
                    refunded=int(refunded.get(ln.id, 0)),
                )
                for ln in sale.lines
            ),
            payments=tuple((p.method, p.tendered) for p in sale.payments),
            refunds=tuple((r.refund_no, r.method, int(r.amount)) for r in refunds),
        )
