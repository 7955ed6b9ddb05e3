"""Handing an order over (all of it, or some lines now and the rest later) and cancelling it.

Hand-over takes the balance in the same step (scan the slip, take the payment, hand the
goods over): goods leave the stand only when paid for. Cancelling needs a supervisor and
says what happens to the deposit: given back (by a method, from the drawer if cash) or
kept; reserved pieces go back on the shelf.
"""

from __future__ import annotations

from dataclasses import dataclass

from posapp.domain.errors import InvalidInput, NotAllowed
from posapp.domain.journal import EventKind
from posapp.domain.order import OrderStatus, PaymentKind, can_move, pay_toward
from posapp.domain.tender import AppliedPayment, Payment, PaymentMethod, Tender
from posapp.domain.text import TextKind, clean_text
from posapp.services import journal
from posapp.services.orders import (
    OrderView,
    count_money,
    find,
    journal_head,
    payment_payload,
    payment_rows,
    view_of,
)
from posapp.services.reports import shift_report
from posapp.services.shifts import require_open_shift
from posapp.services.stand import load as load_stand
from posapp.services.users import Actor, acted, require_active, supervisor
from posapp.store.models import ProductRow
from posapp.store.uow import UnitOfWork


@dataclass(frozen=True)
class HandOver:
    order: OrderView
    tender: Tender  # the balance taken now (empty when it was paid before)
    complete: bool  # every line delivered


def hand_over(uow: UnitOfWork, actor: Actor, order_no: str, *,
              payments: list[Payment] | None = None, lines: dict[int, int] | None = None,
              tracking: str = "") -> HandOver:
    """Deliver *lines* ({line_no: pieces}; default: everything not delivered yet), taking
    *payments* first; what is handed over must be paid for, all of it at the last hand-over.
    *tracking* says how it went: "picked up", or the courier and its tracking number."""
    tracking = " ".join(tracking.split())[:200]
    with uow:
        require_active(uow, actor)
        stand = load_stand(uow)
        shift = require_open_shift(uow)
        order = find(uow, order_no)
        can_move(OrderStatus(order.status), OrderStatus.HANDED_OVER, order.order_no)
        wanted = _pieces(order.lines, lines, order.order_no)
        view = view_of(order)
        tender = pay_toward(view.balance, payments) if payments else Tender((), 0)
        paid_rows = payment_rows(shift.id, uow.clock(), PaymentKind.BALANCE, tender)
        order.payments.extend(paid_rows)
        for ln in order.lines:
            ln.delivered += wanted.get(ln.line_no, 0)
        after = view_of(order)
        complete = all(ln.delivered == ln.quantity for ln in order.lines)
        owed = after.total if complete else after.delivered_value
        if after.paid < owed:
            owing = {"order": order.order_no, "more": owed - after.paid, "due": after.balance}
            if complete:
                raise NotAllowed("order.unpaid_before_handover", **owing)
            raise NotAllowed("order.unpaid_before_partial_handover", **owing)
        if complete:
            order.status, order.handed_over_at = OrderStatus.HANDED_OVER.value, uow.clock()
        if tracking:
            order.tracking = tracking
        uow.session.flush()
        count_money(uow, shift.id, paid_rows)
        journal.append(uow, stand.code, EventKind.ORDER_HANDED_OVER, {
            **journal_head(order), "shift": shift.id, "by": actor.name, "complete": complete,
            "lines": [{"line_no": no, "quantity": q} for no, q in sorted(wanted.items())],
            "tracking": tracking, "payments": [payment_payload(p) for p in paid_rows],
            "change": tender.change,
        })
        result = HandOver(view_of(order), tender, complete)
        uow.commit()
    return result


def cancel(uow: UnitOfWork, order_no: str, *, supervisor_name: str, supervisor_pin: str,
           reason: str, deposit: str, method: PaymentMethod | None = None,
           actor: Actor | None = None) -> OrderView:
    """Cancel an order not handed over; *deposit* is "refund" (by *method*) or "keep".
    *actor* is who asks (the logged-in cashier); None: the supervisor acts alone."""
    reason = clean_text(reason, TextKind.REASON)
    if not reason:
        raise InvalidInput("reason.missing")
    if deposit not in ("refund", "keep"):
        raise InvalidInput("order.deposit_action_unknown")
    with uow:
        if actor is not None:
            require_active(uow, actor)
        approver = supervisor(uow, supervisor_name, supervisor_pin)
        stand = load_stand(uow)
        shift = require_open_shift(uow)
        order = find(uow, order_no)
        can_move(OrderStatus(order.status), OrderStatus.CANCELLED, order.order_no)
        if any(ln.delivered for ln in order.lines):
            raise NotAllowed("order.partly_handed_over", order=order.order_no)
        paid = view_of(order).paid
        refund_rows = []
        if deposit == "refund" and paid:
            how = method or PaymentMethod.CASH
            in_drawer = shift_report(uow, shift).expected_cash
            if how is PaymentMethod.CASH and paid > in_drawer:
                raise NotAllowed("order.deposit_above_drawer", drawer=in_drawer, paid=paid)
            back = Tender((AppliedPayment(how, paid, paid),), 0)
            refund_rows = payment_rows(shift.id, uow.clock(), PaymentKind.REFUND, back)
            order.payments.extend(refund_rows)
        restocked = []
        for ln in order.lines:
            back_on_shelf = ln.reserved - ln.delivered
            if back_on_shelf and ln.product_id is not None:
                product = uow.session.get(ProductRow, ln.product_id)
                if product is not None:
                    product.stock += back_on_shelf
                    restocked.append({"sku": ln.sku, "quantity": back_on_shelf})
        order.status, order.cancelled_at = OrderStatus.CANCELLED.value, uow.clock()
        order.cancel_reason, order.deposit_action = reason, deposit
        uow.session.flush()
        count_money(uow, shift.id, refund_rows)
        journal.append(uow, stand.code, EventKind.ORDER_CANCELLED, {
            **journal_head(order), "shift": shift.id, **acted(actor or approver, approver),
            "reason": reason,
            "deposit": deposit, "kept": paid if deposit == "keep" else 0,
            "payments": [payment_payload(p) for p in refund_rows], "restocked": restocked,
        })
        view = view_of(order)
        uow.commit()
    return view


def _pieces(lines: list, wanted: dict[int, int] | None, number: str) -> dict[int, int]:
    """{line_no: pieces} to hand over now, checked against what is left of each line."""
    left = {ln.line_no: ln.quantity - ln.delivered for ln in lines}
    if wanted is None:
        return {no: q for no, q in left.items() if q > 0}
    for no, q in wanted.items():
        if no not in left:
            raise InvalidInput("order.no_such_line", order=number, line=no)
        if q <= 0:
            raise InvalidInput("order.line_nothing_to_hand_over", line=no)
        if q > left[no]:
            raise InvalidInput("order.line_pieces_left", line=no, left=left[no])
    if not wanted:
        raise InvalidInput("order.no_lines_chosen")
    return dict(wanted)
