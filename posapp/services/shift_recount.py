"""A shift's figures counted again from its rows: the audit of the running totals.

``posapp report z --recount`` and the tests compare this with ``shift_totals.read``; the
reports themselves never scan (``services/reports.py``).
"""

from __future__ import annotations

from sqlalchemy import case, func, select

from posapp.domain.shift_figures import (
    ORDER,
    REFUND,
    SALE,
    ShiftFigures,
    count_oversold,
    differences,
)
from posapp.store import shift_totals
from posapp.store.models import CashMovementRow, PaymentRow, RefundRow, SaleLineRow, SaleRow
from posapp.store.order_rows import OrderPaymentRow, OrderRow
from posapp.store.uow import UnitOfWork


def recount(uow: UnitOfWork, shift_id: str) -> ShiftFigures:
    """Every figure of *shift_id* from its sales, refunds, cash movements and orders."""
    s = uow.session
    kept = SaleRow.voided_at.is_(None)
    voided = SaleRow.voided_at.is_not(None)
    sales = s.execute(
        select(
            func.count().filter(kept),
            func.coalesce(func.sum(case((kept, SaleRow.subtotal), else_=0)), 0),
            func.coalesce(func.sum(case((kept, SaleRow.discount), else_=0)), 0),
            func.count().filter(voided),
            func.coalesce(func.sum(case((voided, SaleRow.total), else_=0)), 0),
        ).where(SaleRow.shift_id == shift_id)
    ).one()
    figures = ShiftFigures(sales_count=sales[0], gross=int(sales[1]), discounts=int(sales[2]),
                           voids_count=sales[3], voids_total=int(sales[4]))
    for method, amount in s.execute(
        select(PaymentRow.method, func.sum(PaymentRow.amount))
        .join(SaleRow, SaleRow.id == PaymentRow.sale_id)
        .where(SaleRow.shift_id == shift_id, kept)
        .group_by(PaymentRow.method)
    ):
        figures.money[(SALE, method)] = int(amount)
    for method, count, amount in s.execute(
        select(RefundRow.method, func.count(), func.sum(RefundRow.amount))
        .where(RefundRow.shift_id == shift_id)
        .group_by(RefundRow.method)
    ):
        figures.money[(REFUND, method)] = int(amount)
        figures.refunds_count += count
        figures.refunds_total += int(amount)
    cash_in, cash_out = s.execute(
        select(
            func.coalesce(func.sum(case((CashMovementRow.amount > 0, CashMovementRow.amount),
                                        else_=0)), 0),
            func.coalesce(func.sum(case((CashMovementRow.amount < 0, -CashMovementRow.amount),
                                        else_=0)), 0),
        ).where(CashMovementRow.shift_id == shift_id)
    ).one()
    figures.cash_in, figures.cash_out = int(cash_in), int(cash_out)
    for sku, name, qty in s.execute(
        select(SaleLineRow.sku, SaleLineRow.name, func.sum(SaleLineRow.oversold))
        .join(SaleRow, SaleRow.id == SaleLineRow.sale_id)
        .where(SaleRow.shift_id == shift_id, kept, SaleLineRow.oversold > 0)
        .group_by(SaleLineRow.sku, SaleLineRow.name)
        .order_by(SaleLineRow.sku, SaleLineRow.name)
    ):
        figures.oversold[(sku, name)] = int(qty)
    count_oversold(figures)
    for kind, method, amount in s.execute(
        select(OrderPaymentRow.kind, OrderPaymentRow.method, func.sum(OrderPaymentRow.amount))
        .where(OrderPaymentRow.shift_id == shift_id)
        .group_by(OrderPaymentRow.kind, OrderPaymentRow.method)
    ):
        figures.money[(ORDER + kind, method)] = int(amount)
    figures.orders_placed = int(s.scalar(
        select(func.count()).select_from(OrderRow).where(OrderRow.shift_id == shift_id)) or 0)
    return figures


def audit(uow: UnitOfWork, shift_id: str) -> list[tuple[str, int, int]]:
    """(figure, running total, recounted) for every figure where the two disagree."""
    return differences(shift_totals.read(uow.connection, shift_id, oversold=None),
                       recount(uow, shift_id))
