"""Reading past sales: the list for a shift or the whole stand, and one sale by receipt.

Core statements on ``posapp.store.tables``, without the ORM: a sale's receipt is read here
(``receipts.receipt_for``) when ``posapp sell`` prints it, and importing and mapping
``sqlalchemy.orm`` would cost more than the sale (issue 14)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import BindParameter, Select, bindparam, func, select

from posapp.domain.errors import NotFound
from posapp.store import tables as t
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
        conn = uow.core
        wanted = select(t.sale.c.id).join(t.shift, t.shift.c.id == t.sale.c.shift_id)
        if not everything:
            if shift_number is None:
                shift_number = conn.scalar(  # the open shift, else the latest, else none
                    select(t.shift.c.number)
                    .order_by(t.shift.c.closed_at.is_(None).desc(), t.shift.c.number.desc())
                    .limit(1)) or 0
            wanted = wanted.where(t.shift.c.number == shift_number)
        order = t.sale.c.seq.desc() if newest else t.sale.c.seq
        wanted = wanted.order_by(order)
        if limit:
            wanted = wanted.limit(limit)
        chosen = wanted.subquery()
        sales = conn.execute(
            _SUMMARIES.join(chosen, chosen.c.id == t.sale.c.id).order_by(order)).all()
        payments: dict[str, dict[str, int]] = {}
        for sale_id, method, amount in conn.execute(
                select(t.payment.c.sale_id, t.payment.c.method, t.payment.c.amount)
                .join(chosen, chosen.c.id == t.payment.c.sale_id)
                .order_by(t.payment.c.id)):
            payments.setdefault(sale_id, {})[method] = amount
        return [
            SaleSummary(
                receipt_no=row.receipt_no, created_at=row.created_at,
                shift_number=row.shift_number, cashier=row.cashier, items=int(row.items),
                total=row.total, refunded=int(row.refunded), voided=row.voided_at is not None,
                payments=payments.get(row.id, {}),
            )
            for row in sales
        ]


#: A sale's row with its shift's number, its cashier's name, the units it sold and the
#: money refunded on it so far.
_SUMMARIES: Select[Any] = (
    select(t.sale.c.id, t.sale.c.receipt_no, t.sale.c.created_at, t.sale.c.total,
           t.sale.c.voided_at, t.shift.c.number.label("shift_number"),
           t.app_user.c.name.label("cashier"),
           select(func.coalesce(func.sum(t.sale_line.c.quantity), 0))
           .where(t.sale_line.c.sale_id == t.sale.c.id).scalar_subquery().label("items"),
           select(func.coalesce(func.sum(t.refund.c.amount), 0))
           .where(t.refund.c.sale_id == t.sale.c.id).scalar_subquery().label("refunded"))
    .join(t.shift, t.shift.c.id == t.sale.c.shift_id)
    .join(t.app_user, t.app_user.c.id == t.sale.c.cashier_id)
)


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
    """One sale with its lines, payments and refunds so far (NotFound when there is none)."""
    with uow:
        conn = uow.core
        sale = conn.execute(_SALE, {"receipt_no": receipt_no.strip().upper()}).first()
        if sale is None:
            raise NotFound("sale.not_found", receipt=receipt_no)
        lines = conn.execute(_LINES, {"sale_id": sale.id}).all()
        payments = conn.execute(_PAYMENTS, {"sale_id": sale.id}).all()
        refunds = conn.execute(_REFUNDS, {"sale_id": sale.id}).all()
    return SaleDetail(
        receipt_no=sale.receipt_no,
        created_at=sale.created_at,
        shift_number=sale.shift_number,
        cashier=sale.cashier,
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
                barcode=ln.barcode,
                name=ln.name,
                unit_price=ln.unit_price,
                quantity=ln.quantity,
                line_discount=ln.line_discount,
                total=ln.total,
                refunded=int(ln.refunded),
            )
            for ln in lines
        ),
        payments=tuple((method, tendered) for method, tendered in payments),
        refunds=tuple((no, method, int(amount)) for no, method, amount in refunds),
    )


_SALE_ID: BindParameter[str] = bindparam("sale_id")
#: The sale by its receipt number, with its shift's number and its cashier's name.
_SALE = (
    select(t.sale, t.shift.c.number.label("shift_number"), t.app_user.c.name.label("cashier"))
    .join(t.shift, t.shift.c.id == t.sale.c.shift_id)
    .join(t.app_user, t.app_user.c.id == t.sale.c.cashier_id)
    .where(t.sale.c.receipt_no == bindparam("receipt_no"))
)
#: The sale's lines in order, each with its product's barcode (None for a product since
#: deleted) and the units refunded from it so far.
_LINES = (
    select(t.sale_line, t.product.c.barcode,
           select(func.coalesce(func.sum(t.refund_line.c.quantity), 0))
           .where(t.refund_line.c.sale_line_id == t.sale_line.c.id)
           .scalar_subquery().label("refunded"))
    .outerjoin(t.product, t.product.c.id == t.sale_line.c.product_id)
    .where(t.sale_line.c.sale_id == _SALE_ID)
    .order_by(t.sale_line.c.line_no)
)
#: The sale's payments as recorded: (method, tendered).
_PAYMENTS = (select(t.payment.c.method, t.payment.c.tendered)
             .where(t.payment.c.sale_id == _SALE_ID).order_by(t.payment.c.id))
#: The refunds made on the sale so far: (refund no, method, amount), oldest first.
_REFUNDS = (select(t.refund.c.refund_no, t.refund.c.method, t.refund.c.amount)
            .where(t.refund.c.sale_id == _SALE_ID).order_by(t.refund.c.seq))
