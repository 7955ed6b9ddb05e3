"""Checkout: a cart and its payments become a sale, in one transaction."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import Connection, bindparam, func, insert, select, update

from posapp.domain.cart import Cart, PricedLine
from posapp.domain.errors import InvalidInput, NotAllowed, NotFound
from posapp.domain.journal import GENESIS, EventKind
from posapp.domain.policy import Action, discount_above_limit, price_needs_approval
from posapp.domain.shift_figures import sale_delta
from posapp.domain.tender import Payment, Tender, settle
from posapp.services import journal
from posapp.services.settings import StandSettings
from posapp.services.settings import load as load_settings
from posapp.services.users import Actor, Approval, approve, approved_by
from posapp.store import shift_totals
from posapp.store import tables as t
from posapp.store.prepared import Prepared
from posapp.store.uow import UnitOfWork


def receipt_number(stand_code: str, seq: int) -> str:
    """``JATIM-000123``: stand code and the stand's gap-free sale sequence."""
    return f"{stand_code}-{seq:06d}"


@dataclass(frozen=True)
class SaleResult:
    """What the session shows after payment; ``payload`` is the sale as journaled."""

    sale_id: str
    receipt_no: str
    total: int
    tendered: int
    change: int
    payload: dict[str, Any]


def checkout(uow: UnitOfWork, cashier: Actor, cart: Cart, payments: list[Payment], *,
             approval: Approval | None = None) -> SaleResult:
    """Record the sale: lines with price snapshots, payments, stock, journal; then commit.

    A discount above the stand's limit, a catalog price changed at the counter or an
    open-price piece below the stand's floor needs a supervisor: the cashier, or *approval*
    (``needs_approval``); the journal records who approved.

    The sale lines are the stock's record of the sale (no separate stock movement rows).

    This is the session's hot path: a handful of prepared Core statements in one transaction.
    """
    if cart.is_empty:
        raise InvalidInput("cart.empty")
    totals = cart.totals()
    tender = settle(totals.total, payments)
    with uow:
        approver = None
        if approval is not None or _may_need_approval(cart):
            action = needs_approval(cart, load_settings(uow))
            approver = approve(uow, action or Action.DISCOUNT, actor=cashier,
                               approval=approval, needed=action is not None)
        conn = uow.connection
        ctx = _Tip(*_TIP.run(conn, {"user_id": cashier.id}).fetchone())
        if ctx.stand is None:
            raise NotFound("stand.not_set_up")
        if not ctx.user_active:
            raise NotAllowed("user.inactive", name=cashier.name)
        if ctx.shift is None:
            raise NotAllowed("shift.not_open")
        now = uow.clock()
        seq = (ctx.last_seq or 0) + 1
        sale_id = str(uuid.uuid4())
        receipt_no = receipt_number(ctx.stand, seq)
        sold = _take_stock(conn, totals.lines)
        lines = [
            {
                "line_no": no, "sku": p.line.product.sku, "name": p.line.product.name,
                "category": p.line.product.category, "maker_group": p.line.product.maker_group,
                "region": p.line.product.region, "unit_price": p.line.unit_price,
                "quantity": p.line.quantity, "line_discount": p.line_discount,
                "cart_discount": p.cart_discount, "total": p.total,
                "oversold": sold.get(no, 0),
            }
            for no, p in enumerate(totals.lines, start=1)
        ]
        _INSERT_SALE.run(conn, {
            "id": sale_id, "seq": seq, "receipt_no": receipt_no, "shift_id": ctx.shift,
            "cashier_id": cashier.id, "created_at": now, "subtotal": totals.subtotal,
            "discount": totals.discount, "total": totals.total, "change": tender.change,
            "voided_at": None, "voided_by": None, "void_reason": None,
        })
        _INSERT_LINE.run_many(conn, [
            {"sale_id": sale_id, "product_id": p.line.product.id, **line}
            for p, line in zip(totals.lines, lines, strict=True)
        ])
        pays = _payment_rows(sale_id, tender)
        _INSERT_PAYMENT.run_many(conn, pays)  # none for a sale discounted to Rp 0
        shift_totals.apply(conn, ctx.shift, sale_delta(
            totals.subtotal, totals.discount, [(p["method"], p["amount"]) for p in pays],
            [(priced.line.product.sku, priced.line.product.name, sold.get(no, 0))
             for no, priced in enumerate(totals.lines, start=1)]))
        payload = {
            "id": sale_id, "seq": seq, "receipt_no": receipt_no, "shift": ctx.shift,
            "cashier": cashier.name, "subtotal": totals.subtotal, "discount": totals.discount,
            "cart_discount": totals.cart_discount, "total": totals.total,
            "change": tender.change, "lines": lines,
            "payments": [{k: p[k] for k in ("method", "tendered", "amount")} for p in pays],
            **approved_by(cashier, approver),
        }
        tip = ((ctx.journal_seq, ctx.journal_hash) if ctx.journal_seq and ctx.journal_hash
               else (0, GENESIS))
        journal.append(uow, ctx.stand, EventKind.SALE_COMPLETED, payload, tip=tip)
        uow.commit()
    return SaleResult(sale_id, receipt_no, totals.total, tender.tendered, tender.change, payload)


def _may_need_approval(cart: Cart) -> bool:
    """A cart that might break the policy (a discount, or a price not the list price); the
    settings are read only then (the hot path stays a handful of statements)."""
    return cart.discount is not None or any(
        line.discount is not None or line.unit_price != line.product.price
        or line.product.id is None for line in cart.lines)


def needs_approval(cart: Cart, rules: StandSettings) -> Action | None:
    """What of *cart* needs a supervisor under the stand's *rules*: a discount above the
    limit (``Action.DISCOUNT``), a price changed or an open price below the floor
    (``Action.PRICE``), or None."""
    limit = rules.discount_limit_percent
    for line in cart.lines:
        if line.discount is not None and discount_above_limit(
                line.discount_amount, line.subtotal, limit):
            return Action.DISCOUNT
    if cart.discount is not None and discount_above_limit(
            cart.totals().cart_discount, sum(line.net for line in cart.lines), limit):
        return Action.DISCOUNT
    for line in cart.lines:
        list_price = line.product.price if line.product.id is not None else 0
        if price_needs_approval(list_price, line.unit_price, rules.open_price_floor):
            return Action.PRICE
    return None


def _take_stock(conn: Connection, lines: tuple[PricedLine, ...]) -> dict[int, int]:
    """Decrement stock for catalog lines; return units sold past zero, by line number.

    Each product's row is updated once, for all its lines; the stock it had comes back
    with the update (``RETURNING``), so a product deleted meanwhile is refused by name.
    """
    wanted: dict[int, int] = {}
    for p in lines:
        if p.line.product.id is not None:
            wanted[p.line.product.id] = wanted.get(p.line.product.id, 0) + p.line.quantity
    left: dict[int, int] = {}
    for pid, qty in wanted.items():
        row = _DECREMENT.run(conn, {"pid": pid, "qty": qty}).fetchone()
        if row is None:
            sku = next(p.line.product.sku for p in lines if p.line.product.id == pid)
            raise NotFound("catalog.product_gone", sku=sku)
        left[pid] = row[0] + qty  # the stock before this sale
    oversold: dict[int, int] = {}
    for no, p in enumerate(lines, start=1):
        if (line_pid := p.line.product.id) is not None:
            left[line_pid] -= p.line.quantity
            oversold[no] = min(p.line.quantity, max(0, -left[line_pid]))
    return oversold


def _payment_rows(sale_id: str, tender: Tender) -> list[dict[str, Any]]:
    return [
        {"sale_id": sale_id, "method": p.method.value, "tendered": p.tendered, "amount": p.amount}
        for p in tender.payments
    ]


class _Tip(NamedTuple):
    stand: str | None
    shift: str | None
    last_seq: int | None
    user_active: bool | None
    journal_seq: int | None
    journal_hash: str | None


# Prepared once, run on the stand's own cursor (store/prepared.py): on the session's hot path
# SQLAlchemy's per-statement work cost more than SQLite's.
_SALE, _LINE, _PAYMENT = t.sale, t.sale_line, t.payment
_PRODUCT = t.product
# One read for everything a sale depends on: the stand, the open shift, the last receipt
# and journal entry, and the cashier.
_TIP = Prepared(select(
    select(t.stand.c.code).scalar_subquery().label("stand"),
    select(t.shift.c.id).where(t.shift.c.closed_at.is_(None)).scalar_subquery().label("shift"),
    select(func.max(_SALE.c.seq)).scalar_subquery().label("last_seq"),
    select(t.app_user.c.active).where(t.app_user.c.id == bindparam("user_id"))
    .scalar_subquery().label("user_active"),
    journal.LAST_SEQ.label("journal_seq"),
    journal.LAST_HASH.label("journal_hash"),
))
_DECREMENT = Prepared(update(_PRODUCT).where(_PRODUCT.c.id == bindparam("pid"))
                      .values(stock=_PRODUCT.c.stock - bindparam("qty"))
                      .returning(_PRODUCT.c.stock))
_INSERT_SALE = Prepared(insert(_SALE), [c.key for c in _SALE.c])
_INSERT_LINE = Prepared(insert(_LINE), [c.key for c in _LINE.c if c.key != "id"])
_INSERT_PAYMENT = Prepared(insert(_PAYMENT), ["sale_id", "method", "tendered", "amount"])
