"""The stand database's running totals of each shift (issue 14): what the X and Z reports
and closing a shift read, kept by ``posapp.store.shift_totals`` in the same transaction as
each sale, void, refund, cash movement and order payment."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from posapp.store.base import Base, Money


class ShiftTotalRow(Base):
    """The whole-shift counters (posapp.domain.shift_figures.COUNTERS)."""

    __tablename__ = "shift_total"
    shift_id: Mapped[str] = mapped_column(ForeignKey("shift.id"), primary_key=True)
    sales_count: Mapped[int] = mapped_column(Integer)
    gross: Mapped[int] = mapped_column(Money)
    discounts: Mapped[int] = mapped_column(Money)
    voids_count: Mapped[int] = mapped_column(Integer)
    voids_total: Mapped[int] = mapped_column(Money)
    refunds_count: Mapped[int] = mapped_column(Integer)
    refunds_total: Mapped[int] = mapped_column(Money)
    cash_in: Mapped[int] = mapped_column(Money)
    cash_out: Mapped[int] = mapped_column(Money)
    orders_placed: Mapped[int] = mapped_column(Integer)
    # Products, and their units, sold past zero stock (every row of shift_oversold above
    # zero): kept by shift_totals.apply as a row crosses zero, so a report need not count.
    oversold_products: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    oversold_units: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ShiftMoneyRow(Base):
    """Money of one kind (sale, refund, order.deposit|balance|refund) by payment method."""

    __tablename__ = "shift_money"
    __table_args__ = ({"sqlite_with_rowid": False},)  # a shift's rows side by side, in key order
    shift_id: Mapped[str] = mapped_column(ForeignKey("shift.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    method: Mapped[str] = mapped_column(String(16), primary_key=True)
    amount: Mapped[int] = mapped_column(Money)


class ShiftOversoldRow(Base):
    """Units of a product sold past zero stock in kept sales (as the sale lines name it)."""

    __tablename__ = "shift_oversold"
    __table_args__ = ({"sqlite_with_rowid": False},)
    shift_id: Mapped[str] = mapped_column(ForeignKey("shift.id"), primary_key=True)
    sku: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(120), primary_key=True)
    quantity: Mapped[int] = mapped_column(Integer)


# The report's largest first (ties by SKU and name, the key's order), read in order with
# no sort however many products a shift oversold (issue 14).
Index("ix_shift_oversold_largest", ShiftOversoldRow.shift_id, ShiftOversoldRow.quantity.desc())
