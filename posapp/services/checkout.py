"""Checkout: a cart and its payments become a sale, in one transaction."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select, update

from posapp.domain.cart import Cart
from posapp.domain.errors import InvalidInput, NotFound
from posapp.domain.journal import EventKind
from posapp.domain.tender import Payment, Tender, settle
from posapp.services import journal
from posapp.services.shifts import require_open_shift
from posapp.services.stand import load as load_stand
from posapp.services.users import Actor, require_active
from posapp.store.models import PaymentRow, ProductRow, SaleLineRow, SaleRow, StockMovementRow
from posapp.store.uow import UnitOfWork


def receipt_number(stand_code: str, seq: int) -> str:
    """``JATIM-000123``: stand code and the stand's gap-free sale sequence."""
    return f"{stand_code}-{seq:06d}"


@dataclass(frozen=True)
class SaleResult:
    """What the till shows after payment; ``payload`` is the sale as journaled."""

    sale_id: str
    receipt_no: str
    total: int
    tendered: int
    change: int
    payload: dict[str, Any]


def checkout(uow: UnitOfWork, cashier: Actor, cart: Cart, payments: list[Payment]) -> SaleResult:
    """Record the sale: lines with price snapshots, payments, stock, journal; then commit."""
    if cart.is_empty:
        raise InvalidInput("the cart is empty")
    totals = cart.totals()
    tender = settle(totals.total, payments)
    with uow:
        s = uow.session
        require_active(uow, cashier)
        stand = load_stand(uow)
        shift = require_open_shift(uow)
        now = uow.clock()
        seq = (s.scalar(select(func.max(SaleRow.seq))) or 0) + 1
        sale_id = str(uuid.uuid4())
        receipt_no = receipt_number(stand.code, seq)
        lines = []
        for no, priced in enumerate(totals.lines, start=1):
            product = priced.line.product
            oversold = 0
            if product.id is not None:
                stock = s.execute(
                    update(ProductRow)
                    .where(ProductRow.id == product.id)
                    .values(stock=ProductRow.stock - priced.line.quantity)
                    .returning(ProductRow.stock)
                ).scalar()
                if stock is None:
                    raise NotFound(f"product {product.sku} is no longer in the catalog")
                oversold = min(priced.line.quantity, max(0, -stock))
            lines.append({
                "line_no": no, "product_id": product.id, "sku": product.sku,
                "name": product.name, "category": product.category,
                "maker_group": product.maker_group, "region": product.region,
                "unit_price": priced.line.unit_price, "quantity": priced.line.quantity,
                "line_discount": priced.line_discount, "cart_discount": priced.cart_discount,
                "total": priced.total, "oversold": oversold,
            })
        s.execute(insert(SaleRow).values(
            id=sale_id, seq=seq, receipt_no=receipt_no, shift_id=shift.id,
            cashier_id=cashier.id, created_at=now, subtotal=totals.subtotal,
            discount=totals.discount, total=totals.total, change=tender.change,
        ))
        s.execute(insert(SaleLineRow), [{"sale_id": sale_id, **line} for line in lines])
        pays = _payment_rows(sale_id, tender)
        if pays:  # a sale discounted to Rp 0 has no payment
            s.execute(insert(PaymentRow), pays)
        moves = [
            {"product_id": p.line.product.id, "at": now, "delta": -p.line.quantity,
             "reason": "sale", "ref": receipt_no, "user_id": cashier.id}
            for p in totals.lines if p.line.product.id is not None
        ]
        if moves:
            s.execute(insert(StockMovementRow), moves)
        payload = {
            "id": sale_id, "seq": seq, "receipt_no": receipt_no, "shift": shift.id,
            "cashier": cashier.name, "subtotal": totals.subtotal, "discount": totals.discount,
            "cart_discount": totals.cart_discount, "total": totals.total,
            "change": tender.change,
            "lines": [{k: v for k, v in line.items() if k != "product_id"} for line in lines],
            "payments": [{k: p[k] for k in ("method", "tendered", "amount")} for p in pays],
        }
        journal.append(uow, stand.code, EventKind.SALE_COMPLETED, payload)
        uow.commit()
    return SaleResult(sale_id, receipt_no, totals.total, tender.tendered, tender.change, payload)


def _payment_rows(sale_id: str, tender: Tender) -> list[dict[str, Any]]:
    return [
        {"sale_id": sale_id, "method": p.method.value, "tendered": p.tendered, "amount": p.amount}
        for p in tender.payments
    ]
