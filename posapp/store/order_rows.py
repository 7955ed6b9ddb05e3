"""The stand database's tables for orders taken for later delivery (issue 6)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Mapped, relationship

from posapp.store import tables
from posapp.store.base import Base


class OrderRow(Base):
    __table__ = tables.customer_order
    id: Mapped[str]  # UUID
    seq: Mapped[int]  # gap-free per stand
    order_no: Mapped[str]
    shift_id: Mapped[str]  # taken in
    cashier_id: Mapped[int]
    created_at: Mapped[datetime]
    buyer_name: Mapped[str]
    phone: Mapped[str]
    email: Mapped[str]
    country: Mapped[str]
    address: Mapped[str]  # empty: picked up at the stand
    due: Mapped[date | None]
    note: Mapped[str]
    total: Mapped[int]
    status: Mapped[str]
    ready_at: Mapped[datetime | None]
    handed_over_at: Mapped[datetime | None]
    tracking: Mapped[str]  # courier and number, or "picked up"
    cancelled_at: Mapped[datetime | None]
    cancel_reason: Mapped[str]
    deposit_action: Mapped[str]  # refund | keep

    lines: Mapped[list[OrderLineRow]] = relationship(order_by="OrderLineRow.line_no")
    payments: Mapped[list[OrderPaymentRow]] = relationship(order_by="OrderPaymentRow.id")


class OrderLineRow(Base):
    __table__ = tables.order_line
    id: Mapped[int]
    order_id: Mapped[str]
    line_no: Mapped[int]
    product_id: Mapped[int | None]
    sku: Mapped[str]  # "CUSTOM" for a made-to-order piece
    name: Mapped[str]  # or the description: motif, size, colour
    category: Mapped[str]
    maker_group: Mapped[str]
    region: Mapped[str]
    unit_price: Mapped[int]
    quantity: Mapped[int]
    total: Mapped[int]
    reserved: Mapped[int]  # units taken off the stock
    delivered: Mapped[int]


class OrderPaymentRow(Base):
    __table__ = tables.order_payment
    id: Mapped[int]
    order_id: Mapped[str]
    shift_id: Mapped[str]
    at: Mapped[datetime]
    kind: Mapped[str]  # deposit | balance | refund
    method: Mapped[str]
    tendered: Mapped[int]
    amount: Mapped[int]  # what counts (cash net of change); a refund too
