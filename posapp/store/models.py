"""The stand database's rows as ORM classes (SQLAlchemy 2, typed), mapped onto the Core
tables of ``posapp.store.tables`` (where the columns, keys and indexes are). Money columns
are whole rupiah."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Mapped, relationship

from posapp.store import tables
from posapp.store.base import Base, Money, table

__all__ = ["Base", "Money", "table"]  # with the row classes below


class StandRow(Base):
    """The one stand this database belongs to (exactly one row)."""

    __table__ = tables.stand
    code: Mapped[str]
    name: Mapped[str]
    province: Mapped[str]
    event_name: Mapped[str]
    timezone: Mapped[str]
    created_at: Mapped[datetime]


class SettingRow(Base):
    __table__ = tables.setting
    key: Mapped[str]
    value: Mapped[str]


class ProductRow(Base):
    """A catalog entry. The selling screen pages through ``ix_product_shelf`` (active products
    by category and name) and searches the FTS5 table ``product_search`` (see
    ``posapp.store.search``), which triggers keep in step with this table."""

    __table__ = tables.product
    id: Mapped[int]
    sku: Mapped[str]
    barcode: Mapped[str | None]
    name: Mapped[str]
    category: Mapped[str]
    maker_group: Mapped[str]
    region: Mapped[str]
    price: Mapped[int]
    stock: Mapped[int]
    active: Mapped[bool]


class UserRow(Base):
    __table__ = tables.app_user
    id: Mapped[int]
    name: Mapped[str]
    name_key: Mapped[str]  # casefolded name
    role: Mapped[str]
    pin_hash: Mapped[str]
    active: Mapped[bool]
    created_at: Mapped[datetime]


class PinFailureRow(Base):
    """A user's wrong PINs in a row, and until when the name waits (posapp.domain.policy);
    no row: none since the last right PIN. Kept apart from the user, so that a refused
    action leaves every other table as it was."""

    __table__ = tables.pin_failure
    user_id: Mapped[int]
    failures: Mapped[int]
    locked_until: Mapped[datetime | None]


class ShiftRow(Base):
    __table__ = tables.shift
    id: Mapped[str]  # UUID
    number: Mapped[int]
    opened_at: Mapped[datetime]
    opened_by: Mapped[int]
    opening_float: Mapped[int]
    closed_at: Mapped[datetime | None]
    closed_by: Mapped[int | None]
    counted_cash: Mapped[int | None]
    expected_cash: Mapped[int | None]


class CashMovementRow(Base):
    __table__ = tables.cash_movement
    id: Mapped[int]
    shift_id: Mapped[str]
    user_id: Mapped[int]
    at: Mapped[datetime]
    amount: Mapped[int]
    reason: Mapped[str]


class SaleRow(Base):
    __table__ = tables.sale
    id: Mapped[str]  # UUID
    seq: Mapped[int]  # gap-free per stand
    receipt_no: Mapped[str]
    shift_id: Mapped[str]
    cashier_id: Mapped[int]
    created_at: Mapped[datetime]
    subtotal: Mapped[int]
    discount: Mapped[int]
    total: Mapped[int]
    change: Mapped[int]
    voided_at: Mapped[datetime | None]
    voided_by: Mapped[int | None]
    void_reason: Mapped[str | None]

    lines: Mapped[list[SaleLineRow]] = relationship(
        back_populates="sale", order_by="SaleLineRow.line_no", cascade="all, delete-orphan"
    )
    payments: Mapped[list[PaymentRow]] = relationship(cascade="all, delete-orphan")



class SaleLineRow(Base):
    __table__ = tables.sale_line
    id: Mapped[int]
    sale_id: Mapped[str]  # indexed by the unique key
    line_no: Mapped[int]
    product_id: Mapped[int | None]
    sku: Mapped[str]
    name: Mapped[str]
    category: Mapped[str]
    maker_group: Mapped[str]
    region: Mapped[str]
    unit_price: Mapped[int]
    quantity: Mapped[int]
    line_discount: Mapped[int]
    cart_discount: Mapped[int]
    total: Mapped[int]
    oversold: Mapped[int]  # units sold past zero stock

    sale: Mapped[SaleRow] = relationship(back_populates="lines")


class PaymentRow(Base):
    __table__ = tables.payment
    id: Mapped[int]
    sale_id: Mapped[str]
    method: Mapped[str]
    tendered: Mapped[int]
    amount: Mapped[int]


class RefundRow(Base):
    __table__ = tables.refund
    id: Mapped[str]  # UUID
    seq: Mapped[int]
    refund_no: Mapped[str]
    sale_id: Mapped[str]
    shift_id: Mapped[str]
    supervisor_id: Mapped[int]
    created_at: Mapped[datetime]
    method: Mapped[str]
    amount: Mapped[int]
    reason: Mapped[str]

    lines: Mapped[list[RefundLineRow]] = relationship(cascade="all, delete-orphan")


class RefundLineRow(Base):
    __table__ = tables.refund_line
    id: Mapped[int]
    refund_id: Mapped[str]
    sale_line_id: Mapped[int]
    quantity: Mapped[int]
    amount: Mapped[int]


class StockMovementRow(Base):
    """A stock change with no record of its own: catalog imports and adjustments.

    Sales, voids and refunds change stock too; their lines are the record of it.
    """

    __table__ = tables.stock_movement
    id: Mapped[int]
    product_id: Mapped[int]
    at: Mapped[datetime]
    delta: Mapped[int]
    reason: Mapped[str]
    ref: Mapped[str | None]
    user_id: Mapped[int | None]


class JournalRow(Base):
    __table__ = tables.journal
    seq: Mapped[int]
    stand: Mapped[str]
    at: Mapped[str]  # ISO 8601 UTC, as hashed
    kind: Mapped[str]
    payload: Mapped[str]  # canonical JSON, as hashed
    prev_hash: Mapped[str]
    hash: Mapped[str]


class PrintJobRow(Base):
    """A receipt (or report) waiting for the printer: a sale never waits for paper."""

    __table__ = tables.print_job
    id: Mapped[int]
    created_at: Mapped[datetime]
    kind: Mapped[str]  # receipt | report | test
    ref: Mapped[str]  # receipt or refund number, or shift number
    copy: Mapped[bool]  # a reprint
    status: Mapped[str]  # waiting|printing|done|failed
    attempts: Mapped[int]
    last_error: Mapped[str | None]
    printed_at: Mapped[datetime | None]



# Every ORM class is mapped once any is used (the relationships name their classes).
from posapp.store import order_rows, photo_rows, shift_rows  # noqa: E402, F401
