"""What goes on paper from the database: a stored sale's (or refund's) receipt, ready for
``layout_receipt``, and a shift's X or Z report as printable blocks."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, NamedTuple

from sqlalchemy import bindparam, select

from posapp.domain.errors import InvalidInput
from posapp.domain.layout import Block, Cut, Text
from posapp.domain.receipt import (
    Receipt,
    ReceiptKind,
    ReceiptLine,
    ReceiptPayment,
    ReceiptRefund,
    default_footer,
)
from posapp.domain.tender import PaymentMethod
from posapp.services import history
from posapp.services import stand as stand_service
from posapp.services.stand import StandInfo
from posapp.services.users import Actor, Approval
from posapp.store import tables as t
from posapp.store.uow import UnitOfWork


class _Extras(NamedTuple):
    """What a receipt shows that the database does not hold."""

    footer: tuple[str, ...]
    address: str
    qr: str | None
    logo: bool


def receipt_for(
    uow: UnitOfWork,
    receipt_no: str,
    *,
    lang: str = "id",
    kind: ReceiptKind = "sale",
    footer: Iterable[str] | None = None,
    address: str = "",
    qr: str | None = None,
    logo: bool = False,
) -> Receipt:
    """The receipt of sale *receipt_no* (``JATIM-000123``), or of refund *receipt_no*
    (``JATIM-R00001``), from the database.

    *kind* is ``"sale"`` (the receipt printed at the session) or ``"copy"`` (a reprint); a
    voided sale is always a ``"void"`` receipt and a refund a ``"refund"`` one. A copy
    lists the refunds made so far. *footer* defaults to the thank-you line and the line
    about the makers in *lang*; *address*, *qr* and *logo* are what the database does not
    hold.
    """
    if kind not in ("sale", "copy"):
        raise InvalidInput("receipt.unknown_kind", kind=kind)
    extras = _Extras(default_footer(lang) if footer is None else tuple(footer), address,
                     qr or None, logo)
    with uow:
        info = stand_service.load(uow)
        refund = _refund_receipt(uow, info, receipt_no, extras)
    if refund is not None:
        return refund
    sale = history.sale_detail(uow, receipt_no)
    return Receipt(
        stand_name=info.name,
        province=info.province,
        event=info.event_name,
        receipt_no=sale.receipt_no,
        moment=sale.created_at,
        zone=info.timezone,
        cashier=sale.cashier,
        lines=tuple(
            ReceiptLine(
                name=ln.name,
                quantity=ln.quantity,
                unit_price=ln.unit_price,
                line_discount=ln.line_discount,
                cart_discount=ln.unit_price * ln.quantity - ln.line_discount - ln.total,
                total=ln.total,
            )
            for ln in sale.lines
        ),
        subtotal=sale.subtotal,
        discount=sale.discount,
        total=sale.total,
        payments=_payments(sale.payments, sale.change),
        change=sale.change,
        kind="void" if sale.voided else kind,
        refunds=tuple(ReceiptRefund(no, method, amount) for no, method, amount in sale.refunds)
        if kind == "copy" else (),
        footer=extras.footer,
        address=extras.address,
        qr=extras.qr,
        logo=extras.logo,
    )


def _payments(payments: Iterable[tuple[str, int]], change: int) -> tuple[ReceiptPayment, ...]:
    """Payments as recorded (method, tendered): change comes out of the cash payment."""
    out, left = [], change
    for method, tendered in payments:
        taken = min(left, tendered) if method == PaymentMethod.CASH.value else 0
        left -= taken
        out.append(ReceiptPayment(method, tendered, tendered - taken))
    return tuple(out)


def _refund_receipt(uow: UnitOfWork, info: StandInfo, number: str,
                    extras: _Extras) -> Receipt | None:
    """The receipt of refund *number*: the units given back and the money returned.

    Each line shows the units at their price; what the sale's discounts took off them
    shows as the line's discount, so the lines add up to the amount refunded.
    """
    conn = uow.core
    refund = conn.execute(_REFUND, {"refund_no": number.strip().upper()}).first()
    if refund is None:
        return None
    lines = tuple(
        ReceiptLine(name=name, quantity=qty, unit_price=price,
                    line_discount=price * qty - amount, cart_discount=0, total=amount)
        for name, price, qty, amount in conn.execute(_REFUND_LINES, {"refund_id": refund.id})
    )
    subtotal = sum(line.gross for line in lines)
    return Receipt(
        stand_name=info.name,
        province=info.province,
        event=info.event_name,
        receipt_no=refund.refund_no,
        moment=refund.created_at,
        zone=info.timezone,
        cashier=refund.supervisor,
        lines=lines,
        subtotal=subtotal,
        discount=subtotal - refund.amount,
        total=refund.amount,
        payments=(ReceiptPayment(refund.method, refund.amount, refund.amount),),
        change=0,
        kind="refund",
        original=refund.receipt_no,
        footer=extras.footer,
        address=extras.address,
        qr=extras.qr,
        logo=extras.logo,
    )


#: A refund by its number, with the sale's receipt number and the supervisor's name.
_REFUND = (
    select(t.refund, t.sale.c.receipt_no, t.app_user.c.name.label("supervisor"))
    .join(t.sale, t.sale.c.id == t.refund.c.sale_id)
    .join(t.app_user, t.app_user.c.id == t.refund.c.supervisor_id)
    .where(t.refund.c.refund_no == bindparam("refund_no"))
)
#: A refund's lines in the sale's order: (name, unit price, units, amount).
_REFUND_LINES = (
    select(t.sale_line.c.name, t.sale_line.c.unit_price, t.refund_line.c.quantity,
           t.refund_line.c.amount)
    .join(t.sale_line, t.sale_line.c.id == t.refund_line.c.sale_line_id)
    .where(t.refund_line.c.refund_id == bindparam("refund_id"))
    .order_by(t.sale_line.c.line_no)
)


def report_shift(uow: UnitOfWork, which: Literal["x", "z"], *, actor: Actor | None = None,
                 approval: Approval | None = None) -> int:
    """The number of the shift an X report (the open shift) or a Z report (the last closed
    shift) is about; NotAllowed without an open shift, NotFound before any closed one. On a
    stand that counts the drawer blind, the X report needs a supervisor: the *actor*, or the
    one of *approval* (``shifts.x_report_shift``); a Z report never does."""
    from posapp.services import shifts  # the shift services: only a report's

    with uow:
        if which == "x":
            return shifts.x_report_shift(uow, actor=actor, approval=approval).number
        return shifts.last_closed(uow).number


def report_blocks(uow: UnitOfWork, shift_number: int, *, width: int,
                  lang: str = "id") -> tuple[Block, ...]:
    """Shift *shift_number*'s report for the receipt printer: its X report while it is
    open, its Z report once closed, printed now, lines of *width* columns, then a cut."""
    from posapp.printing.text_report import render_shift_report
    from posapp.services import reports, shifts  # a sale's receipt needs neither

    with uow:
        info = stand_service.load(uow)
        report = reports.shift_report(uow, shifts.by_number(uow, shift_number))
        text = render_shift_report(
            report, header=[info.event_name, f"{info.name} ({info.province})"], zone=info.zone,
            printed_at=uow.clock(), width=width, lang=lang)
    return (*(Text(line) for line in text.splitlines()), Cut())
