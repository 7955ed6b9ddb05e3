"""X (mid-shift) and Z (closing) reports: one set of figures, computed in SQL."""

from __future__ import annotations

from sqlalchemy import case, func, select

from posapp.domain.report import MethodTotals, OrderMoney, Oversold, ShiftReport
from posapp.domain.tender import PaymentMethod
from posapp.store.models import (
    CashMovementRow,
    PaymentRow,
    RefundRow,
    SaleLineRow,
    SaleRow,
    ShiftRow,
    UserRow,
)
from posapp.store.order_rows import OrderPaymentRow, OrderRow
from posapp.store.uow import UnitOfWork


def shift_report(uow: UnitOfWork, shift: ShiftRow) -> ShiftReport:
    """Compute the report for *shift* inside an open unit of work."""
    s = uow.session
    kept = SaleRow.voided_at.is_(None)
    sales = s.execute(
        select(
            func.count().filter(kept),
            func.coalesce(func.sum(case((kept, SaleRow.subtotal), else_=0)), 0),
            func.coalesce(func.sum(case((kept, SaleRow.discount), else_=0)), 0),
            func.count().filter(SaleRow.voided_at.is_not(None)),
            func.coalesce(func.sum(case((SaleRow.voided_at.is_not(None), SaleRow.total),
                                        else_=0)), 0),
        ).where(SaleRow.shift_id == shift.id)
    ).one()
    by_method: dict[str, list[int]] = {m.value: [0, 0] for m in PaymentMethod}
    for method, amount in s.execute(
        select(PaymentRow.method, func.sum(PaymentRow.amount))
        .join(SaleRow, SaleRow.id == PaymentRow.sale_id)
        .where(SaleRow.shift_id == shift.id, kept)
        .group_by(PaymentRow.method)
    ):
        by_method.setdefault(method, [0, 0])[0] = int(amount)
    refunds_count = refunds_total = 0
    for method, count, amount in s.execute(
        select(RefundRow.method, func.count(), func.sum(RefundRow.amount))
        .where(RefundRow.shift_id == shift.id)
        .group_by(RefundRow.method)
    ):
        by_method.setdefault(method, [0, 0])[1] = int(amount)
        refunds_count += count
        refunds_total += int(amount)
    cash_in, cash_out = s.execute(
        select(
            func.coalesce(func.sum(case((CashMovementRow.amount > 0, CashMovementRow.amount),
                                        else_=0)), 0),
            func.coalesce(func.sum(case((CashMovementRow.amount < 0, -CashMovementRow.amount),
                                        else_=0)), 0),
        ).where(CashMovementRow.shift_id == shift.id)
    ).one()
    oversold = [
        Oversold(sku, name, int(qty))
        for sku, name, qty in s.execute(
            select(SaleLineRow.sku, SaleLineRow.name, func.sum(SaleLineRow.oversold))
            .join(SaleRow, SaleRow.id == SaleLineRow.sale_id)
            .where(SaleRow.shift_id == shift.id, kept, SaleLineRow.oversold > 0)
            .group_by(SaleLineRow.sku, SaleLineRow.name)
            .order_by(SaleLineRow.sku)
        )
    ]
    names = dict(s.execute(select(UserRow.id, UserRow.name)).all())
    orders = _order_money(uow, shift.id)
    return ShiftReport(
        shift_id=shift.id,
        shift_number=shift.number,
        opened_at=shift.opened_at,
        opened_by=names.get(shift.opened_by, "?"),
        closed_at=shift.closed_at,
        closed_by=names.get(shift.closed_by) if shift.closed_by else None,
        opening_float=shift.opening_float,
        sales_count=sales[0],
        gross=int(sales[1]),
        discounts=int(sales[2]),
        voids_count=sales[3],
        voids_total=int(sales[4]),
        refunds_count=refunds_count,
        refunds_total=refunds_total,
        cash_in=int(cash_in),
        cash_out=int(cash_out),
        methods={m: MethodTotals(v[0], v[1]) for m, v in by_method.items()},
        counted_cash=shift.counted_cash,
        oversold=oversold,
        orders=orders,
    )


def _order_money(uow: UnitOfWork, shift_id: str) -> OrderMoney:
    """Deposits, balances and refunds of orders paid in this shift, by method."""
    kinds: dict[str, dict[str, int]] = {"deposit": {}, "balance": {}, "refund": {}}
    for kind, method, amount in uow.session.execute(
        select(OrderPaymentRow.kind, OrderPaymentRow.method, func.sum(OrderPaymentRow.amount))
        .where(OrderPaymentRow.shift_id == shift_id)
        .group_by(OrderPaymentRow.kind, OrderPaymentRow.method)
    ):
        kinds.setdefault(kind, {})[method] = int(amount)
    placed = uow.session.scalar(
        select(func.count()).select_from(OrderRow).where(OrderRow.shift_id == shift_id))
    return OrderMoney(int(placed or 0), kinds["deposit"], kinds["balance"], kinds["refund"])
