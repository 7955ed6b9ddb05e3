"""The stand database's running totals of each shift (issue 14): what the X and Z reports
and closing a shift read, kept by ``posapp.store.shift_totals`` in the same transaction as
each sale, void, refund, cash movement and order payment."""

from __future__ import annotations

from sqlalchemy.orm import Mapped

from posapp.store import tables
from posapp.store.base import Base


class ShiftTotalRow(Base):
    """The whole-shift counters (posapp.domain.shift_figures.COUNTERS)."""

    __table__ = tables.shift_total
    shift_id: Mapped[str]
    sales_count: Mapped[int]
    gross: Mapped[int]
    discounts: Mapped[int]
    voids_count: Mapped[int]
    voids_total: Mapped[int]
    refunds_count: Mapped[int]
    refunds_total: Mapped[int]
    cash_in: Mapped[int]
    cash_out: Mapped[int]
    orders_placed: Mapped[int]
    # Products, and their units, sold past zero stock (every row of shift_oversold above
    # zero): kept by shift_totals.apply as a row crosses zero, so a report need not count.
    oversold_products: Mapped[int]
    oversold_units: Mapped[int]


class ShiftMoneyRow(Base):
    """Money of one kind (sale, refund, order.deposit|balance|refund) by payment method."""

    __table__ = tables.shift_money
    shift_id: Mapped[str]
    kind: Mapped[str]
    method: Mapped[str]
    amount: Mapped[int]


class ShiftOversoldRow(Base):
    """Units of a product sold past zero stock in kept sales (as the sale lines name it)."""

    __table__ = tables.shift_oversold
    shift_id: Mapped[str]
    sku: Mapped[str]
    name: Mapped[str]
    quantity: Mapped[int]


# The report's largest first (ties by SKU and name, the key's order), read in order with
# no sort however many products a shift oversold (issue 14).
