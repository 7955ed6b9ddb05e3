"""Voids (a whole sale, same shift) and refunds (some or all lines, later), approved by a
supervisor; the journal records who acted and who approved."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from fractions import Fraction

from sqlalchemy import func, select

from posapp.domain.errors import InvalidInput, NotAllowed, NotFound
from posapp.domain.journal import EventKind
from posapp.domain.money import round_half_up
from posapp.domain.shift_figures import refund_delta, sale_delta, void_delta
from posapp.domain.tender import PaymentMethod
from posapp.domain.text import TextKind, clean_text
from posapp.services import journal
from posapp.services.reports import shift_report
from posapp.services.shifts import require_open_shift
from posapp.services.stand import load as load_stand
from posapp.services.users import Actor, acted, require_active, supervisor
from posapp.store import shift_totals
from posapp.store.models import (
    ProductRow,
    RefundLineRow,
    RefundRow,
    SaleLineRow,
    SaleRow,
)
from posapp.store.uow import UnitOfWork


def _reason(text: str) -> str:
    text = clean_text(text, TextKind.REASON)
    if not text:
        raise InvalidInput("reason.missing")
    return text


def find_sale(uow: UnitOfWork, receipt_no: str) -> SaleRow:
    wanted = receipt_no.strip().upper()
    sale = uow.session.scalar(select(SaleRow).where(SaleRow.receipt_no == wanted))
    if sale is None:
        raise NotFound("sale.not_found", receipt=receipt_no)
    return sale


def _restock(uow: UnitOfWork, line: SaleLineRow, quantity: int) -> None:
    """Put *quantity* units of *line* back on the shelf (the void or refund is the record)."""
    if line.product_id is None:
        return
    product = uow.session.get(ProductRow, line.product_id)
    if product is not None:
        product.stock += quantity


@dataclass(frozen=True)
class VoidResult:
    receipt_no: str
    total: int


def void_sale(uow: UnitOfWork, receipt_no: str, *, supervisor_name: str, supervisor_pin: str,
              reason: str, actor: Actor | None = None) -> VoidResult:
    """Cancel a whole sale of the open shift: stock back, money out of the shift's totals.
    *actor* is who asks (the logged-in cashier); None: the supervisor acts alone."""
    reason = _reason(reason)
    with uow:
        if actor is not None:
            require_active(uow, actor)
        approver = supervisor(uow, supervisor_name, supervisor_pin)
        stand = load_stand(uow)
        sale = find_sale(uow, receipt_no)
        if sale.voided_at is not None:
            raise NotAllowed("sale.already_void", receipt=sale.receipt_no)
        shift = require_open_shift(uow)
        if sale.shift_id != shift.id:
            raise NotAllowed("sale.earlier_shift", receipt=sale.receipt_no)
        if uow.session.scalar(select(func.count()).where(RefundRow.sale_id == sale.id)):
            raise NotAllowed("sale.has_refunds", receipt=sale.receipt_no)
        sale.voided_at, sale.voided_by, sale.void_reason = uow.clock(), approver.id, reason
        shift_totals.apply(uow.connection, shift.id, void_delta(sale_delta(
            sale.subtotal, sale.discount, [(p.method, p.amount) for p in sale.payments],
            [(ln.sku, ln.name, ln.oversold) for ln in sale.lines]), sale.total))
        for line in sale.lines:
            _restock(uow, line, line.quantity)
        journal.append(uow, stand.code, EventKind.SALE_VOIDED, {
            "sale": sale.id, "receipt_no": sale.receipt_no, "total": sale.total,
            "reason": reason, **acted(actor or approver, approver),
        })
        uow.commit()
        return VoidResult(sale.receipt_no, sale.total)


@dataclass(frozen=True)
class RefundItem:
    """*quantity* units of the sale's line that matches *code* (SKU, barcode or line number),
    or of line *line_no* when given (a sale may hold two lines of one SKU)."""

    code: str
    quantity: int
    line_no: int | None = None


@dataclass(frozen=True)
class RefundResult:
    refund_no: str
    receipt_no: str
    amount: int
    method: str


def refund(uow: UnitOfWork, receipt_no: str, items: list[RefundItem], *, supervisor_name: str,
           supervisor_pin: str, reason: str, method: PaymentMethod,
           actor: Actor | None = None) -> RefundResult:
    """Give money back for some or all lines of an earlier sale, never more than was sold;
    *actor* is who asks (the logged-in cashier), None: the supervisor acts alone.

    Each line's refund is its share of the line total actually paid (after discounts),
    so refunding every unit gives back exactly what was paid for the line.
    """
    reason = _reason(reason)
    if not items:
        raise InvalidInput("refund.no_items")
    with uow:
        s = uow.session
        if actor is not None:
            require_active(uow, actor)
        approver = supervisor(uow, supervisor_name, supervisor_pin)
        stand = load_stand(uow)
        sale = find_sale(uow, receipt_no)
        if sale.voided_at is not None:
            raise NotAllowed("refund.voided_sale", receipt=sale.receipt_no)
        shift = require_open_shift(uow)
        done = dict(s.execute(
            select(RefundLineRow.sale_line_id, func.sum(RefundLineRow.quantity))
            .join(RefundRow, RefundRow.id == RefundLineRow.refund_id)
            .where(RefundRow.sale_id == sale.id)
            .group_by(RefundLineRow.sale_line_id)
        ).all())
        wanted: dict[int, int] = {}
        for item in items:
            if item.quantity <= 0:
                raise InvalidInput("refund.quantity_below_one", code=item.code)
            line = (_line_by_number(sale, item.line_no) if item.line_no is not None
                    else _match_line(uow, sale, item.code))
            wanted[line.id] = wanted.get(line.id, 0) + item.quantity
        refund_lines = []
        for line in sale.lines:
            qty = wanted.get(line.id, 0)
            if not qty:
                continue
            before = int(done.get(line.id, 0))
            if before + qty > line.quantity:
                left = line.quantity - before
                raise InvalidInput("refund.above_sold", sku=line.sku, qty=qty, left=left,
                                   sold=line.quantity)
            amount = _share(line, before + qty) - _share(line, before)
            refund_lines.append((line, qty, amount))
        total = sum(a for _, _, a in refund_lines)
        if method is PaymentMethod.CASH:
            in_drawer = shift_report(uow, shift).expected_cash
            if total > in_drawer:
                raise NotAllowed("refund.above_drawer", drawer=in_drawer, total=total)
        seq = (s.scalar(select(func.max(RefundRow.seq))) or 0) + 1
        row = RefundRow(
            id=str(uuid.uuid4()), seq=seq, refund_no=f"{stand.code}-R{seq:05d}",
            sale_id=sale.id, shift_id=shift.id, supervisor_id=approver.id,
            created_at=uow.clock(), method=method.value, amount=total, reason=reason,
        )
        row.lines = [RefundLineRow(sale_line_id=ln.id, quantity=q, amount=a)
                     for ln, q, a in refund_lines]
        s.add(row)
        shift_totals.apply(uow.connection, shift.id, refund_delta(method.value, total))
        for line, qty, _ in refund_lines:
            _restock(uow, line, qty)
        journal.append(uow, stand.code, EventKind.SALE_REFUNDED, {
            "id": row.id, "refund_no": row.refund_no, "sale": sale.id,
            "receipt_no": sale.receipt_no, "shift": shift.id, "method": method.value,
            "amount": total, "reason": reason, **acted(actor or approver, approver),
            "lines": [{"line_no": ln.line_no, "sku": ln.sku, "quantity": q, "amount": a}
                      for ln, q, a in refund_lines],
        })
        uow.commit()
        return RefundResult(row.refund_no, sale.receipt_no, total, method.value)


def _share(line: SaleLineRow, quantity: int) -> int:
    """What *quantity* units of *line* cost the buyer, rounded half up."""
    return round_half_up(Fraction(line.total * quantity, line.quantity))


def _line_by_number(sale: SaleRow, line_no: int) -> SaleLineRow:
    for line in sale.lines:
        if line.line_no == line_no:
            return line
    raise NotFound("sale.line_not_on_receipt", code=str(line_no), receipt=sale.receipt_no)


def _match_line(uow: UnitOfWork, sale: SaleRow, code: str) -> SaleLineRow:
    """The line whose SKU, product barcode or line number is *code*."""
    code = code.strip()
    for line in sale.lines:
        if code.upper() == line.sku.upper():
            return line
    product_id = uow.session.scalar(select(ProductRow.id).where(ProductRow.barcode == code))
    for line in sale.lines:
        if product_id is not None and line.product_id == product_id:
            return line
    if code.isdigit() and len(code) <= 3:
        for line in sale.lines:
            if line.line_no == int(code):
                return line
    raise NotFound("sale.line_not_on_receipt", code=code, receipt=sale.receipt_no)
