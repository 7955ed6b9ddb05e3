"""The stand database's tables (SQLAlchemy 2, typed). Money columns are whole rupiah."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from posapp.store.base import Base, Money, table

__all__ = ["Base", "Money", "table"]  # with the row classes below


class StandRow(Base):
    """The one stand this database belongs to (exactly one row)."""

    __tablename__ = "stand"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    province: Mapped[str] = mapped_column(String(80), default="")
    event_name: Mapped[str] = mapped_column(String(160), default="")
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Jakarta")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class SettingRow(Base):
    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ProductRow(Base):
    """A catalog entry. The selling screen pages through ``ix_product_shelf`` (active products
    by category and name) and searches the FTS5 table ``product_search`` (see
    ``posapp.store.search``), which triggers keep in step with this table."""

    __tablename__ = "product"
    __table_args__ = (Index("ix_product_shelf", "active", "category", "name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sku: Mapped[str] = mapped_column(String(40), unique=True)
    barcode: Mapped[str | None] = mapped_column(String(48), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    category: Mapped[str] = mapped_column(String(80), default="")
    maker_group: Mapped[str] = mapped_column(String(120), default="")
    region: Mapped[str] = mapped_column(String(80), default="")
    price: Mapped[int] = mapped_column(Money)
    stock: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class UserRow(Base):
    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    name_key: Mapped[str] = mapped_column(String(60), unique=True)  # casefolded name
    role: Mapped[str] = mapped_column(String(16))
    pin_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class PinFailureRow(Base):
    """A user's wrong PINs in a row, and until when the name waits (posapp.domain.policy);
    no row: none since the last right PIN. Kept apart from the user, so that a refused
    action leaves every other table as it was."""

    __tablename__ = "pin_failure"
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class ShiftRow(Base):
    __tablename__ = "shift"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID
    number: Mapped[int] = mapped_column(Integer, unique=True)
    opened_at: Mapped[datetime] = mapped_column(DateTime)
    opened_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    opening_float: Mapped[int] = mapped_column(Money)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    counted_cash: Mapped[int | None] = mapped_column(Money)
    expected_cash: Mapped[int | None] = mapped_column(Money)


class CashMovementRow(Base):
    __tablename__ = "cash_movement"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shift_id: Mapped[str] = mapped_column(ForeignKey("shift.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    amount: Mapped[int] = mapped_column(Money)
    reason: Mapped[str] = mapped_column(String(200))


class SaleRow(Base):
    __tablename__ = "sale"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID
    seq: Mapped[int] = mapped_column(Integer, unique=True)  # gap-free per stand
    receipt_no: Mapped[str] = mapped_column(String(32), unique=True)
    shift_id: Mapped[str] = mapped_column(ForeignKey("shift.id"))
    cashier_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    subtotal: Mapped[int] = mapped_column(Money)
    discount: Mapped[int] = mapped_column(Money)
    total: Mapped[int] = mapped_column(Money)
    change: Mapped[int] = mapped_column(Money)
    voided_at: Mapped[datetime | None] = mapped_column(DateTime)
    voided_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    void_reason: Mapped[str | None] = mapped_column(String(200))

    lines: Mapped[list[SaleLineRow]] = relationship(
        back_populates="sale", order_by="SaleLineRow.line_no", cascade="all, delete-orphan"
    )
    payments: Mapped[list[PaymentRow]] = relationship(cascade="all, delete-orphan")

    __table_args__ = (Index("ix_sale_shift", "shift_id", "voided_at"),)


class SaleLineRow(Base):
    __tablename__ = "sale_line"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_id: Mapped[str] = mapped_column(ForeignKey("sale.id"))  # indexed by the unique key
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id"))
    sku: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(120))
    category: Mapped[str] = mapped_column(String(80), default="")
    maker_group: Mapped[str] = mapped_column(String(120), default="")
    region: Mapped[str] = mapped_column(String(80), default="")
    unit_price: Mapped[int] = mapped_column(Money)
    quantity: Mapped[int] = mapped_column(Integer)
    line_discount: Mapped[int] = mapped_column(Money)
    cart_discount: Mapped[int] = mapped_column(Money)
    total: Mapped[int] = mapped_column(Money)
    oversold: Mapped[int] = mapped_column(Integer, default=0)  # units sold past zero stock

    sale: Mapped[SaleRow] = relationship(back_populates="lines")
    __table_args__ = (UniqueConstraint("sale_id", "line_no"),)


class PaymentRow(Base):
    __tablename__ = "payment"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_id: Mapped[str] = mapped_column(ForeignKey("sale.id"), index=True)
    method: Mapped[str] = mapped_column(String(16))
    tendered: Mapped[int] = mapped_column(Money)
    amount: Mapped[int] = mapped_column(Money)  # what counts towards the sale (cash net of change)


class RefundRow(Base):
    __tablename__ = "refund"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    refund_no: Mapped[str] = mapped_column(String(32), unique=True)
    sale_id: Mapped[str] = mapped_column(ForeignKey("sale.id"), index=True)
    shift_id: Mapped[str] = mapped_column(ForeignKey("shift.id"), index=True)
    supervisor_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    method: Mapped[str] = mapped_column(String(16))
    amount: Mapped[int] = mapped_column(Money)
    reason: Mapped[str] = mapped_column(String(200))

    lines: Mapped[list[RefundLineRow]] = relationship(cascade="all, delete-orphan")


class RefundLineRow(Base):
    __tablename__ = "refund_line"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    refund_id: Mapped[str] = mapped_column(ForeignKey("refund.id"), index=True)
    sale_line_id: Mapped[int] = mapped_column(ForeignKey("sale_line.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(Money)


class StockMovementRow(Base):
    """A stock change with no record of its own: catalog imports and adjustments.

    Sales, voids and refunds change stock too; their lines are the record of it.
    """

    __tablename__ = "stock_movement"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    delta: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(200))
    ref: Mapped[str | None] = mapped_column(String(40))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class JournalRow(Base):
    __tablename__ = "journal"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    stand: Mapped[str] = mapped_column(String(16))
    at: Mapped[str] = mapped_column(String(32))  # ISO 8601 UTC, as hashed
    kind: Mapped[str] = mapped_column(String(32))
    payload: Mapped[str] = mapped_column(Text)  # canonical JSON, as hashed
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class PrintJobRow(Base):
    """A receipt (or report) waiting for the printer: a sale never waits for paper."""

    __tablename__ = "print_job"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(16))  # receipt | report | test
    ref: Mapped[str] = mapped_column(String(32))  # receipt or refund number, or shift number
    copy: Mapped[bool] = mapped_column(Boolean, default=False)  # a reprint
    status: Mapped[str] = mapped_column(String(16), index=True)  # waiting|printing|done|failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    printed_at: Mapped[datetime | None] = mapped_column(DateTime)

