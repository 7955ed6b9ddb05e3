"""The stand database's tables as SQLAlchemy Core ``Table``s, without the ORM.

Longer than a screen: it is the whole schema in one place. The ORM classes
(``posapp.store.models``, ``order_rows``, ``photo_rows``, ``shift_rows``) are mapped onto
these same tables, and ``metadata`` is their ``Base.metadata`` (what the migrations compare
against). Code on the command line's hot paths (``posapp sell``) reads and writes these
tables with Core statements and never loads ``sqlalchemy.orm``, whose import and mapping
cost more than the sale itself (issue 14). Money columns are whole rupiah.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

Money = BigInteger  # whole rupiah
metadata = MetaData()


def _col(name: str, type_: Any, *args: Any, null: bool = False, **kw: Any) -> Column[Any]:
    """A column NOT NULL unless *null* (as a ``Mapped[X]`` column is, and ``Mapped[X | None]``
    is not)."""
    return Column(name, type_, *args, nullable=null, **kw)


def _fk(name: str, target: str, *, null: bool = False, **kw: Any) -> Column[Any]:
    """A foreign key column (its type is the target's), NOT NULL unless *null*."""
    return Column(name, ForeignKey(target), nullable=null, **kw)


# The one stand this database belongs to (exactly one row).
stand = Table(
    "stand", metadata,
    _col("code", String(16), primary_key=True),
    _col("name", String(120)),
    _col("province", String(80), default=""),
    _col("event_name", String(160), default=""),
    _col("timezone", String(64), default="Asia/Jakarta"),
    _col("created_at", DateTime),
)

setting = Table(
    "setting", metadata,
    _col("key", String(64), primary_key=True),
    _col("value", Text),
)

# A catalog entry. The selling screen pages through ix_product_shelf (active products by
# category and name) and searches the FTS5 table product_search (posapp.store.search),
# which triggers keep in step with this table.
product = Table(
    "product", metadata,
    _col("id", Integer, primary_key=True),
    _col("sku", String(40), unique=True),
    _col("barcode", String(48), unique=True, null=True),
    _col("name", String(120)),
    _col("category", String(80), default=""),
    _col("maker_group", String(120), default=""),
    _col("region", String(80), default=""),
    _col("price", Money),
    _col("stock", Integer, default=0),
    _col("active", Boolean, default=True),
    Index("ix_product_shelf", "active", "category", "name"),
)

app_user = Table(
    "app_user", metadata,
    _col("id", Integer, primary_key=True),
    _col("name", String(60)),
    _col("name_key", String(60), unique=True),  # casefolded name
    _col("role", String(16)),
    _col("pin_hash", String(200)),
    _col("active", Boolean, default=True),
    _col("created_at", DateTime),
)

# A user's wrong PINs in a row, and until when the name waits (posapp.domain.policy); no
# row: none since the last right PIN. Kept apart from the user, so that a refused action
# leaves every other table as it was.
pin_failure = Table(
    "pin_failure", metadata,
    _fk("user_id", "app_user.id", primary_key=True),
    _col("failures", Integer),
    _col("locked_until", DateTime, null=True),
)

shift = Table(
    "shift", metadata,
    _col("id", String(36), primary_key=True),  # UUID
    _col("number", Integer, unique=True),
    _col("opened_at", DateTime),
    _fk("opened_by", "app_user.id"),
    _col("opening_float", Money),
    _col("closed_at", DateTime, null=True),
    _fk("closed_by", "app_user.id", null=True),
    _col("counted_cash", Money, null=True),
    _col("expected_cash", Money, null=True),
)

cash_movement = Table(
    "cash_movement", metadata,
    _col("id", Integer, primary_key=True),
    _fk("shift_id", "shift.id", index=True),
    _fk("user_id", "app_user.id"),
    _col("at", DateTime),
    _col("amount", Money),
    _col("reason", String(200)),
)

sale = Table(
    "sale", metadata,
    _col("id", String(36), primary_key=True),  # UUID
    _col("seq", Integer, unique=True),  # gap-free per stand
    _col("receipt_no", String(32), unique=True),
    _fk("shift_id", "shift.id"),
    _fk("cashier_id", "app_user.id"),
    _col("created_at", DateTime),
    _col("subtotal", Money),
    _col("discount", Money),
    _col("total", Money),
    _col("change", Money),
    _col("voided_at", DateTime, null=True),
    _fk("voided_by", "app_user.id", null=True),
    _col("void_reason", String(200), null=True),
    Index("ix_sale_shift", "shift_id", "voided_at"),
)

sale_line = Table(
    "sale_line", metadata,
    _col("id", Integer, primary_key=True),
    _fk("sale_id", "sale.id"),  # indexed by the unique key
    _col("line_no", Integer),
    _fk("product_id", "product.id", null=True),
    _col("sku", String(40)),
    _col("name", String(120)),
    _col("category", String(80), default=""),
    _col("maker_group", String(120), default=""),
    _col("region", String(80), default=""),
    _col("unit_price", Money),
    _col("quantity", Integer),
    _col("line_discount", Money),
    _col("cart_discount", Money),
    _col("total", Money),
    _col("oversold", Integer, default=0),  # units sold past zero stock
    UniqueConstraint("sale_id", "line_no"),
)

payment = Table(
    "payment", metadata,
    _col("id", Integer, primary_key=True),
    _fk("sale_id", "sale.id", index=True),
    _col("method", String(16)),
    _col("tendered", Money),
    _col("amount", Money),  # what counts towards the sale (cash net of change)
)

refund = Table(
    "refund", metadata,
    _col("id", String(36), primary_key=True),  # UUID
    _col("seq", Integer, unique=True),
    _col("refund_no", String(32), unique=True),
    _fk("sale_id", "sale.id", index=True),
    _fk("shift_id", "shift.id", index=True),
    _fk("supervisor_id", "app_user.id"),
    _col("created_at", DateTime),
    _col("method", String(16)),
    _col("amount", Money),
    _col("reason", String(200)),
)

refund_line = Table(
    "refund_line", metadata,
    _col("id", Integer, primary_key=True),
    _fk("refund_id", "refund.id", index=True),
    _fk("sale_line_id", "sale_line.id", index=True),
    _col("quantity", Integer),
    _col("amount", Money),
)

# A stock change with no record of its own: catalog imports and adjustments. Sales, voids
# and refunds change stock too; their lines are the record of it.
stock_movement = Table(
    "stock_movement", metadata,
    _col("id", Integer, primary_key=True),
    _fk("product_id", "product.id", index=True),
    _col("at", DateTime),
    _col("delta", Integer),
    _col("reason", String(200)),
    _col("ref", String(40), null=True),
    _fk("user_id", "app_user.id", null=True),
)

journal = Table(
    "journal", metadata,
    _col("seq", Integer, primary_key=True, autoincrement=False),
    _col("stand", String(16)),
    _col("at", String(32)),  # ISO 8601 UTC, as hashed
    _col("kind", String(32)),
    _col("payload", Text),  # canonical JSON, as hashed
    _col("prev_hash", String(64)),
    _col("hash", String(64)),
)

# A receipt (or report) waiting for the printer: a sale never waits for paper.
print_job = Table(
    "print_job", metadata,
    _col("id", Integer, primary_key=True),
    _col("created_at", DateTime),
    _col("kind", String(16)),  # receipt | report | test
    _col("ref", String(32)),  # receipt or refund number, or shift number
    _col("copy", Boolean, default=False),  # a reprint
    _col("status", String(16), index=True),  # waiting|printing|done|failed
    _col("attempts", Integer, default=0),
    _col("last_error", Text, null=True),
    _col("printed_at", DateTime, null=True),
)

# Orders for later delivery (posapp.store.order_rows maps them).
customer_order = Table(
    "customer_order", metadata,
    _col("id", String(36), primary_key=True),  # UUID
    _col("seq", Integer, unique=True),  # gap-free per stand
    _col("order_no", String(32), unique=True),
    _fk("shift_id", "shift.id"),  # taken in
    _fk("cashier_id", "app_user.id"),
    _col("created_at", DateTime),
    _col("buyer_name", String(120)),
    _col("phone", String(40), default=""),
    _col("email", String(120), default=""),
    _col("country", String(60), default=""),
    _col("address", Text, default=""),  # empty: picked up at the stand
    _col("due", Date, null=True),
    _col("note", Text, default=""),
    _col("total", Money),
    _col("status", String(16), index=True),
    _col("ready_at", DateTime, null=True),
    _col("handed_over_at", DateTime, null=True),
    _col("tracking", Text, default=""),  # courier and number, or "picked up"
    _col("cancelled_at", DateTime, null=True),
    _col("cancel_reason", String(200), default=""),
    _col("deposit_action", String(8), default=""),  # refund | keep
)

order_line = Table(
    "order_line", metadata,
    _col("id", Integer, primary_key=True),
    _fk("order_id", "customer_order.id"),
    _col("line_no", Integer),
    _fk("product_id", "product.id", null=True),
    _col("sku", String(40)),  # "CUSTOM" for a made-to-order piece
    _col("name", String(200)),  # or the description: motif, size, colour
    _col("category", String(80), default=""),
    _col("maker_group", String(120), default=""),
    _col("region", String(80), default=""),
    _col("unit_price", Money),
    _col("quantity", Integer),
    _col("total", Money),
    _col("reserved", Integer, default=0),  # units taken off the stock
    _col("delivered", Integer, default=0),
    UniqueConstraint("order_id", "line_no"),
)

order_payment = Table(
    "order_payment", metadata,
    _col("id", Integer, primary_key=True),
    _fk("order_id", "customer_order.id", index=True),
    _fk("shift_id", "shift.id", index=True),
    _col("at", DateTime),
    _col("kind", String(8)),  # deposit | balance | refund
    _col("method", String(16)),
    _col("tendered", Money),
    _col("amount", Money),  # what counts (cash net of change); a refund too
)

# A product's photo (posapp.store.photo_rows maps it).
product_photo = Table(
    "product_photo", metadata,
    _fk("sku", "product.sku", primary_key=True),
    _col("format", String(8)),  # "jpeg"
    _col("width", Integer),
    _col("height", Integer),
    _col("data", LargeBinary),
    _col("updated_at", DateTime),
)

# A shift's running totals (issue 14; posapp.store.shift_rows maps them, shift_totals keeps
# them): the whole-shift counters (posapp.domain.shift_figures.COUNTERS) ...
shift_total = Table(
    "shift_total", metadata,
    _fk("shift_id", "shift.id", primary_key=True),
    _col("sales_count", Integer),
    _col("gross", Money),
    _col("discounts", Money),
    _col("voids_count", Integer),
    _col("voids_total", Money),
    _col("refunds_count", Integer),
    _col("refunds_total", Money),
    _col("cash_in", Money),
    _col("cash_out", Money),
    _col("orders_placed", Integer),
    # Products, and their units, sold past zero stock (every row of shift_oversold above
    # zero): kept by shift_totals.apply as a row crosses zero, so a report need not count.
    _col("oversold_products", Integer, default=0, server_default="0"),
    _col("oversold_units", Integer, default=0, server_default="0"),
)

# ... money of one kind (sale, refund, order.deposit|balance|refund) by payment method (a
# shift's rows side by side, in key order) ...
shift_money = Table(
    "shift_money", metadata,
    _fk("shift_id", "shift.id", primary_key=True),
    _col("kind", String(16), primary_key=True),
    _col("method", String(16), primary_key=True),
    _col("amount", Money),
    sqlite_with_rowid=False,
)

# ... and units of a product sold past zero stock in kept sales (as the sale lines name it).
shift_oversold = Table(
    "shift_oversold", metadata,
    _fk("shift_id", "shift.id", primary_key=True),
    _col("sku", String(40), primary_key=True),
    _col("name", String(120), primary_key=True),
    _col("quantity", Integer),
    sqlite_with_rowid=False,
)
# The report's largest first (ties by SKU and name, the key's order), read in order with
# no sort however many products a shift oversold (issue 14).
Index("ix_shift_oversold_largest", shift_oversold.c.shift_id, shift_oversold.c.quantity.desc())
