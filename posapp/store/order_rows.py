"""The stand database's tables for orders taken for later delivery (issue 6)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from posapp.store.base import Base, Money


class OrderRow(Base):
    __tablename__ = "customer_order"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID
    seq: Mapped[int] = mapped_column(Integer, unique=True)  # gap-free per stand
    order_no: Mapped[str] = mapped_column(String(32), unique=True)
    shift_id: Mapped[str] = mapped_column(ForeignKey("shift.id"))  # taken in
    cashier_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    buyer_name: Mapped[str] = mapped_column(String(120))
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    country: Mapped[str] = mapped_column(String(60), default="")
    address: Mapped[str] = mapped_column(Text, default="")  # empty: picked up at the stand
    due: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    total: Mapped[int] = mapped_column(Money)
    status: Mapped[str] = mapped_column(String(16), index=True)
    ready_at: Mapped[datetime | None] = mapped_column(DateTime)
    handed_over_at: Mapped[datetime | None] = mapped_column(DateTime)
    tracking: Mapped[str] = mapped_column(Text, default="")  # courier and number, or "picked up"
    cancelled_at: Mapped[datetime | None] = mapped_column(DateTime)
    cancel_reason: Mapped[str] = mapped_column(String(200), default="")
    deposit_action: Mapped[str] = mapped_column(String(8), default="")  # refund | keep

    lines: Mapped[list[OrderLineRow]] = relationship(order_by="OrderLineRow.line_no")
    payments: Mapped[list[OrderPaymentRow]] = relationship(order_by="OrderPaymentRow.id")


class OrderLineRow(Base):
    __tablename__ = "order_line"
    __table_args__ = (UniqueConstraint("order_id", "line_no"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("customer_order.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id"))
    sku: Mapped[str] = mapped_column(String(40))  # "CUSTOM" for a made-to-order piece
    name: Mapped[str] = mapped_column(String(200))  # or the description: motif, size, colour
    category: Mapped[str] = mapped_column(String(80), default="")
    maker_group: Mapped[str] = mapped_column(String(120), default="")
    region: Mapped[str] = mapped_column(String(80), default="")
    unit_price: Mapped[int] = mapped_column(Money)
    quantity: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Money)
    reserved: Mapped[int] = mapped_column(Integer, default=0)  # units taken off the stock
    delivered: Mapped[int] = mapped_column(Integer, default=0)


class OrderPaymentRow(Base):
    __tablename__ = "order_payment"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("customer_order.id"), index=True)
    shift_id: Mapped[str] = mapped_column(ForeignKey("shift.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(8))  # deposit | balance | refund
    method: Mapped[str] = mapped_column(String(16))
    tendered: Mapped[int] = mapped_column(Money)
    amount: Mapped[int] = mapped_column(Money)  # what counts (cash net of change); a refund too
