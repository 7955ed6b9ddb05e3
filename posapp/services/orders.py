"""Orders: taking one (with a deposit), paying towards it, marking it ready, reading it.

Hand-over and cancelling live in order_fulfil.py. Each action is one transaction with its
journal entry, so sync and merge carry orders like sales. Catalog items in stock are
reserved when the order is taken (taken off the stock, so they are not sold to someone
else); made-to-order pieces are not in stock.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from posapp.domain.errors import NotAllowed, NotFound
from posapp.domain.journal import EventKind
from posapp.domain.order import (
    TO_COLLECT,
    Buyer,
    OrderItem,
    OrderStatus,
    PaymentKind,
    can_move,
    check_buyer,
    check_due,
    check_items,
    pay_toward,
    take_deposit,
)
from posapp.domain.shift_figures import order_delta
from posapp.domain.tender import Payment, Tender
from posapp.domain.text import TextKind, clean_text
from posapp.services import journal
from posapp.services.shifts import require_open_shift
from posapp.services.stand import load as load_stand
from posapp.services.users import Actor, require_active
from posapp.store import shift_totals
from posapp.store.models import ProductRow
from posapp.store.order_rows import OrderLineRow, OrderPaymentRow, OrderRow
from posapp.store.uow import UnitOfWork

CUSTOM_SKU = "CUSTOM"


@dataclass(frozen=True, slots=True)
class OrderLineView:
    """One line of an order as ordered, reserved and handed over."""

    line_no: int
    product_id: int | None
    sku: str  # "CUSTOM" for a made-to-order piece
    name: str
    category: str
    maker_group: str
    region: str
    unit_price: int
    quantity: int
    total: int
    reserved: int  # units taken off the stock
    delivered: int


@dataclass(frozen=True, slots=True)
class OrderPaymentView:
    """Money paid towards an order (a deposit or a balance) or given back (a refund)."""

    at: datetime
    kind: str  # deposit | balance | refund
    method: str
    tendered: int
    amount: int  # what counts (cash net of change)


@dataclass(frozen=True)
class OrderView:
    """An order as the cashier sees it: what was ordered, paid and still due."""

    id: str
    order_no: str
    status: OrderStatus
    buyer: Buyer
    due: date | None
    note: str
    created_at: datetime
    total: int
    deposit: int  # paid when the order was taken
    paid: int  # deposits and later payments, less what was refunded
    refunded: int
    lines: tuple[OrderLineView, ...]
    payments: tuple[OrderPaymentView, ...]
    tracking: str = ""

    @property
    def balance(self) -> int:
        return self.total - self.paid if self.status is not OrderStatus.CANCELLED else 0

    @property
    def delivered_value(self) -> int:
        return sum(ln.unit_price * ln.delivered for ln in self.lines)


@dataclass(frozen=True)
class PaymentResult:
    order: OrderView
    tender: Tender


def place(uow: UnitOfWork, cashier: Actor, buyer: Buyer, items: list[OrderItem], *,
          due: date | None = None, deposit: list[Payment] | None = None,
          note: str = "") -> PaymentResult:
    """Take an order, with its down payment (none is fine); reserve what is in stock."""
    buyer = check_buyer(buyer)
    total = check_items(items)
    tender = take_deposit(total, deposit or [])
    note = clean_text(note, TextKind.NOTE)
    with uow:
        require_active(uow, cashier)
        stand = load_stand(uow)
        shift = require_open_shift(uow)
        now = uow.clock()
        check_due(due, now.date())
        s = uow.session
        seq = (s.scalar(select(func.max(OrderRow.seq))) or 0) + 1
        order = OrderRow(
            id=str(uuid.uuid4()), seq=seq, order_no=f"{stand.code}-P{seq:05d}",
            shift_id=shift.id, cashier_id=cashier.id, created_at=now, buyer_name=buyer.name,
            phone=buyer.phone, email=buyer.email, country=buyer.country,
            address=buyer.address, due=due, note=note, total=total,
            status=OrderStatus.OPEN.value, tracking="", cancel_reason="", deposit_action="",
        )
        order.lines = [_line(uow, no, item) for no, item in enumerate(items, start=1)]
        order.payments = payment_rows(shift.id, now, PaymentKind.DEPOSIT, tender)
        s.add(order)
        s.flush()
        count_money(uow, shift.id, order.payments, placed=True)
        journal.append(uow, stand.code, EventKind.ORDER_PLACED, {
            **journal_head(order), "seq": order.seq, "shift": shift.id, "cashier": cashier.name,
            "total": total,
            "buyer": {"name": buyer.name, "phone": buyer.phone, "email": buyer.email,
                      "country": buyer.country, "address": buyer.address},
            "due": due.isoformat() if due else None, "note": note,
            "lines": [_line_payload(ln) for ln in order.lines],
            "payments": [payment_payload(p) for p in order.payments],
        })
        view = view_of(order)
        uow.commit()
    return PaymentResult(view, tender)


def pay(uow: UnitOfWork, cashier: Actor, order_no: str, payments: list[Payment]) -> (
    PaymentResult
):
    """Pay towards the balance (part of it, or all of it with change from cash)."""
    with uow:
        require_active(uow, cashier)
        stand = load_stand(uow)
        shift = require_open_shift(uow)
        order = find(uow, order_no)
        if order.status == OrderStatus.CANCELLED.value:
            raise NotAllowed("order.cancelled", order=order.order_no)
        tender = pay_toward(view_of(order).balance, payments)
        rows = payment_rows(shift.id, uow.clock(), PaymentKind.BALANCE, tender)
        order.payments.extend(rows)
        uow.session.flush()
        count_money(uow, shift.id, rows)
        journal.append(uow, stand.code, EventKind.ORDER_PAID, {
            **journal_head(order), "shift": shift.id, "cashier": cashier.name,
            "payments": [payment_payload(p) for p in rows], "change": tender.change,
        })
        view = view_of(order)
        uow.commit()
    return PaymentResult(view, tender)


def mark_ready(uow: UnitOfWork, actor: Actor, order_no: str) -> OrderView:
    """The order is made and waiting for its buyer (or the courier)."""
    with uow:
        require_active(uow, actor)
        stand = load_stand(uow)
        order = find(uow, order_no)
        can_move(OrderStatus(order.status), OrderStatus.READY, order.order_no)
        if order.status != OrderStatus.READY.value:
            order.status, order.ready_at = OrderStatus.READY.value, uow.clock()
            journal.append(uow, stand.code, EventKind.ORDER_READY,
                           {**journal_head(order), "by": actor.name})
        view = view_of(order)
        uow.commit()
    return view


def get(uow: UnitOfWork, order_no: str) -> OrderView:
    with uow:
        return view_of(find(uow, order_no))


def list_orders(uow: UnitOfWork, *, status: OrderStatus | None = None) -> list[OrderView]:
    """Orders, newest first (open and ready ones by default include every status)."""
    with uow:
        query = select(OrderRow).order_by(OrderRow.seq.desc())
        if status is not None:
            query = query.where(OrderRow.status == status.value)
        return [view_of(o) for o in uow.session.scalars(query)]


def count_open(uow: UnitOfWork) -> int:
    """How many orders wait to be handed over (open or ready): one COUNT query."""
    waiting = [status.value for status in TO_COLLECT]
    with uow:
        return int(uow.session.scalar(select(func.count()).select_from(OrderRow)
                                      .where(OrderRow.status.in_(waiting))) or 0)


def find(uow: UnitOfWork, order_no: str) -> OrderRow:
    wanted = order_no.strip().upper()
    order = uow.session.scalar(select(OrderRow).where(OrderRow.order_no == wanted))
    if order is None:
        raise NotFound("order.not_found", order=order_no)
    return order


# -- rows, views and journal payloads (shared with order_fulfil) ---------------------------

def _line(uow: UnitOfWork, no: int, item: OrderItem) -> OrderLineRow:
    reserved = 0
    if item.product_id is not None:
        product = uow.session.get(ProductRow, item.product_id)
        if product is None:
            raise NotFound("catalog.product_gone", sku=item.sku)
        reserved = min(item.quantity, max(0, product.stock))
        product.stock -= reserved
    return OrderLineRow(
        line_no=no, product_id=item.product_id, sku=item.sku or CUSTOM_SKU,
        name=" ".join(item.name.split())[:200], category=item.category,
        maker_group=item.maker_group, region=item.region, unit_price=item.unit_price,
        quantity=item.quantity, total=item.total, reserved=reserved, delivered=0,
    )


def count_money(uow: UnitOfWork, shift_id: str, rows: list[OrderPaymentRow], *,
                placed: bool = False) -> None:
    """Add order payment *rows* (and an order taken, when *placed*) to the shift's totals."""
    shift_totals.apply(uow.connection, shift_id, order_delta(
        [(p.kind, p.method, p.amount) for p in rows], placed=placed))


def payment_rows(shift_id: str, at: datetime, kind: PaymentKind, tender: Tender) -> (
    list[OrderPaymentRow]
):
    return [OrderPaymentRow(shift_id=shift_id, at=at, kind=kind.value, method=p.method.value,
                            tendered=p.tendered, amount=p.amount) for p in tender.payments]


def view_of(order: OrderRow) -> OrderView:
    by_kind = {k: sum(p.amount for p in order.payments if p.kind == k.value)
               for k in PaymentKind}
    return OrderView(
        id=order.id, order_no=order.order_no, status=OrderStatus(order.status),
        buyer=Buyer(order.buyer_name, order.phone, order.email, order.country, order.address),
        due=order.due, note=order.note, created_at=order.created_at, total=order.total,
        deposit=by_kind[PaymentKind.DEPOSIT],
        paid=by_kind[PaymentKind.DEPOSIT] + by_kind[PaymentKind.BALANCE]
        - by_kind[PaymentKind.REFUND],
        refunded=by_kind[PaymentKind.REFUND],
        lines=tuple(OrderLineView(
            ln.line_no, ln.product_id, ln.sku, ln.name, ln.category, ln.maker_group,
            ln.region, ln.unit_price, ln.quantity, ln.total, ln.reserved, ln.delivered)
            for ln in order.lines),
        payments=tuple(OrderPaymentView(p.at, p.kind, p.method, p.tendered, p.amount)
                       for p in order.payments),
        tracking=order.tracking,
    )


def journal_head(order: OrderRow) -> dict[str, str]:
    return {"id": order.id, "order_no": order.order_no}


def _line_payload(ln: OrderLineRow) -> dict[str, object]:
    return {"line_no": ln.line_no, "sku": ln.sku, "name": ln.name, "category": ln.category,
            "maker_group": ln.maker_group, "region": ln.region, "unit_price": ln.unit_price,
            "quantity": ln.quantity, "total": ln.total, "reserved": ln.reserved}


def payment_payload(p: OrderPaymentRow) -> dict[str, object]:
    return {"kind": p.kind, "method": p.method, "tendered": p.tendered, "amount": p.amount}
