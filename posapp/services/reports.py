"""X (mid-shift) and Z (closing) reports: one set of figures, read from the shift's running
totals (``posapp.store.shift_totals``), so a report costs the same at any size. A closed
shift's totals no longer change: its Z report reads what was recorded at close."""

from __future__ import annotations

from sqlalchemy import select

from posapp.domain.order import PaymentKind
from posapp.domain.report import OVERSOLD_LISTED, MethodTotals, OrderMoney, Oversold, ShiftReport
from posapp.domain.shift_figures import ORDER, REFUND, SALE, ShiftFigures, largest_oversold
from posapp.domain.tender import PaymentMethod
from posapp.store import shift_totals
from posapp.store.models import ShiftRow, UserRow
from posapp.store.uow import UnitOfWork


def shift_report(uow: UnitOfWork, shift: ShiftRow) -> ShiftReport:
    """The report for *shift* inside an open unit of work, from its running totals."""
    return report_of(uow, shift, shift_totals.read(uow.connection, shift.id))


def report_of(uow: UnitOfWork, shift: ShiftRow, figures: ShiftFigures) -> ShiftReport:
    """The report for *shift* with these *figures* (running, or recounted)."""
    by_method: dict[str, list[int]] = {m.value: [0, 0] for m in PaymentMethod}
    kinds: dict[str, dict[str, int]] = {k.value: {} for k in PaymentKind}
    for (kind, method), amount in figures.money.items():
        if kind == SALE:
            by_method.setdefault(method, [0, 0])[0] = amount
        elif kind == REFUND:
            by_method.setdefault(method, [0, 0])[1] = amount
        elif kind.startswith(ORDER):
            kinds.setdefault(kind.removeprefix(ORDER), {})[method] = amount
    wanted = {shift.opened_by, shift.closed_by} - {None}
    names = dict(uow.session.execute(
        select(UserRow.id, UserRow.name).where(UserRow.id.in_(wanted))).all())
    return ShiftReport(
        shift_id=shift.id,
        shift_number=shift.number,
        opened_at=shift.opened_at,
        opened_by=names.get(shift.opened_by, "?"),
        closed_at=shift.closed_at,
        closed_by=names.get(shift.closed_by) if shift.closed_by else None,
        opening_float=shift.opening_float,
        sales_count=figures.sales_count,
        gross=figures.gross,
        discounts=figures.discounts,
        voids_count=figures.voids_count,
        voids_total=figures.voids_total,
        refunds_count=figures.refunds_count,
        refunds_total=figures.refunds_total,
        cash_in=figures.cash_in,
        cash_out=figures.cash_out,
        methods={m: MethodTotals(v[0], v[1]) for m, v in by_method.items()},
        counted_cash=shift.counted_cash,
        oversold=[Oversold(*item)  # the largest few, as read (a recount holds them all)
                  for item in largest_oversold(figures.oversold, OVERSOLD_LISTED)],
        oversold_products=figures.oversold_products,
        oversold_units=figures.oversold_units,
        orders=OrderMoney(figures.orders_placed, kinds["deposit"], kinds["balance"],
                          kinds["refund"]),
    )
