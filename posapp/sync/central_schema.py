"""The central store's tables and views (SQLAlchemy Core; the same DDL on SQLite and PostgreSQL).

Every row except ``journal_entry`` and ``central_meta`` is rebuilt from the applied journal
entries, so the entries are the truth and the rest is a readable copy. docs/central-format.md
describes each table and view for organizers reading the store with their own tools.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

#: Bumped when the tables or views change (2: orders, 3: product photos, 4: sales, lines
#: and payments keyed by stand first, 5: the sale lines pre-grouped, central_grouped.py);
#: a store made by a newer posapp is refused, an older one is brought up to date by the
#: next write (central_store._upgrade).
CENTRAL_VERSION = 5

metadata = MetaData()
Money = BigInteger


def text_column(name: str, length: int, **kw: object) -> Column[str]:
    """A text column that is never NULL (empty when unknown)."""
    return Column(name, String(length), nullable=False, default="", **kw)  # type: ignore[arg-type]


meta = Table(
    "central_meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

stand = Table(
    "stand", metadata,
    Column("code", String(16), primary_key=True),
    text_column("name", 120), text_column("province", 80), text_column("event_name", 160),
    Column("timezone", String(64), nullable=False, default="Asia/Jakarta"),
    Column("last_seq", Integer, nullable=False, default=0),
    Column("last_hash", String(64), nullable=False),
    Column("last_entry_at", DateTime),
    Column("last_sync_at", DateTime),
    Column("last_sync_how", String(16)),  # "sync" or "merge"
)

journal_entry = Table(
    "journal_entry", metadata,
    Column("stand", String(16), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("at", String(40), nullable=False),  # exactly as hashed at the stand
    Column("kind", String(40), nullable=False),
    Column("payload", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

shift = Table(
    "shift", metadata,
    Column("id", String(36), primary_key=True),
    Column("stand", String(16), nullable=False, index=True),
    Column("number", Integer, nullable=False),
    Column("opened_at", DateTime, nullable=False),
    text_column("opened_by", 60),
    Column("opening_float", Money, nullable=False, default=0),
    Column("closed_at", DateTime),
    Column("closed_by", String(60)),
    Column("counted_cash", Money),
    Column("expected_cash", Money),
    Column("z_totals", Text),  # the stand's own Z report figures, as JSON
)

# The tables a merge fills by the thousand are keyed by stand first: a merge writes one
# stand's rows, so its inserts land in that stand's corner of each index and touch as many
# pages as the stand has rows, whatever the size of the store. Keyed by the random text
# UUID alone, every merge touched every page of those indexes (and wrote them all at
# commit), so a merge cost more the more stands the store held.
sale = Table(
    "sale", metadata,
    Column("id", String(36), nullable=False),
    Column("stand", String(16), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("receipt_no", String(32), nullable=False),
    Column("shift_id", String(36), nullable=False),
    text_column("cashier", 60),
    Column("at", DateTime, nullable=False),
    Column("day", String(10), nullable=False),  # in the stand's time zone
    Column("subtotal", Money, nullable=False),
    Column("discount", Money, nullable=False),
    Column("total", Money, nullable=False),
    Column("change", Money, nullable=False),
    Column("voided", Boolean, nullable=False, default=False),
    Column("voided_at", DateTime),
    Column("void_reason", String(200)),
    PrimaryKeyConstraint("stand", "id", name="pk_sale"),
    Index("ix_sale_stand_seq", "stand", "seq", unique=True),
    Index("ix_sale_day", "day"),
)

sale_line = Table(
    "sale_line", metadata,
    Column("sale_id", String(36), nullable=False),
    Column("line_no", Integer, nullable=False),
    Column("stand", String(16), nullable=False),
    text_column("sku", 40), text_column("name", 120), text_column("category", 80),
    text_column("maker_group", 120), text_column("region", 80),
    Column("unit_price", Money, nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("line_discount", Money, nullable=False),
    Column("cart_discount", Money, nullable=False),
    Column("total", Money, nullable=False),
    PrimaryKeyConstraint("stand", "sale_id", "line_no", name="pk_sale_line"),
)

payment = Table(
    "payment", metadata,
    Column("sale_id", String(36), nullable=False),
    Column("n", Integer, nullable=False),
    Column("stand", String(16), nullable=False),
    Column("method", String(16), nullable=False),
    Column("tendered", Money, nullable=False),
    Column("amount", Money, nullable=False),
    PrimaryKeyConstraint("stand", "sale_id", "n", name="pk_payment"),
)

#: The tables format 4 keys by stand first (central_store._upgrade rebuilds them).
STAND_KEYED = (sale, sale_line, payment)

refund = Table(
    "refund", metadata,
    Column("id", String(36), primary_key=True),
    Column("stand", String(16), nullable=False, index=True),
    Column("refund_no", String(32), nullable=False),
    Column("sale_id", String(36), nullable=False, index=True),
    Column("shift_id", String(36), nullable=False),
    Column("at", DateTime, nullable=False),
    Column("day", String(10), nullable=False),
    Column("method", String(16), nullable=False),
    Column("amount", Money, nullable=False),
    text_column("reason", 200), text_column("approved_by", 60),
)

refund_line = Table(
    "refund_line", metadata,
    Column("refund_id", String(36), primary_key=True),
    Column("line_no", Integer, primary_key=True),
    Column("sale_id", String(36), nullable=False, index=True),
    Column("stand", String(16), nullable=False),
    text_column("sku", 40),
    Column("quantity", Integer, nullable=False),
    Column("amount", Money, nullable=False),
)

cash_movement = Table(
    "cash_movement", metadata,
    Column("stand", String(16), primary_key=True),
    Column("seq", Integer, primary_key=True),  # the journal entry's seq
    Column("shift_id", String(36), nullable=False),
    Column("at", DateTime, nullable=False),
    Column("amount", Money, nullable=False),
    text_column("reason", 200), text_column("approved_by", 60),
)

product = Table(
    "product", metadata,
    Column("stand", String(16), primary_key=True),
    Column("sku", String(40), primary_key=True),
    Column("barcode", String(48)),
    text_column("name", 120), text_column("category", 80), text_column("maker_group", 120),
    text_column("region", 80),
    Column("price", Money, nullable=False, default=0),
    Column("stock", Integer, nullable=False, default=0),  # what the stand has left
    Column("active", Boolean, nullable=False, default=True),
)

product_photo = Table(  # a product's photo as the stand keeps it (a JPEG, at most 512 px)
    "product_photo", metadata,
    Column("stand", String(16), primary_key=True),
    Column("sku", String(40), primary_key=True),
    Column("format", String(8), nullable=False),
    Column("width", Integer, nullable=False),
    Column("height", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("updated_at", DateTime, nullable=False),
)


def sum_of(expr: str) -> str:
    """SUM as a BIGINT, 0 for no rows (PostgreSQL's SUM of BIGINT is NUMERIC)."""
    return f"COALESCE(CAST(SUM({expr}) AS BIGINT), 0)"


# What each line of a kept sale brought in, on the sale's day, and what each refund line
# gave back, on the refund's day: the base of every per-line view, so a refund counts on the
# day it was given in every view, as it does in the day totals and the Z reports.
_LINE_MOVEMENTS = """
SELECT l.stand, st.province, s.day, l.sku, l.name, l.category, l.maker_group, l.region,
       l.quantity AS units, l.total AS sales, 0 AS refunds
FROM sale_line l
JOIN sale s ON s.stand = l.stand AND s.id = l.sale_id AND NOT s.voided
JOIN stand st ON st.code = l.stand
UNION ALL
SELECT rl.stand, st.province, r.day, l.sku, l.name, l.category, l.maker_group, l.region,
       -rl.quantity, 0, rl.amount
FROM refund_line rl
JOIN refund r ON r.id = rl.refund_id
JOIN sale_line l ON l.stand = rl.stand AND l.sale_id = rl.sale_id AND l.line_no = rl.line_no
JOIN stand st ON st.code = rl.stand
"""


def _line_view(*keys: str) -> str:
    cols = ", ".join(keys)
    return f"""
SELECT {cols}, {sum_of("units")} AS units, {sum_of("sales")} AS sales,
       {sum_of("refunds")} AS refunds, {sum_of("sales - refunds")} AS net
FROM v_line_movements GROUP BY {cols}
"""


_STAND_TOTALS = f"""
SELECT st.code AS stand, st.name, st.province,
       COALESCE(s.sales_count, 0) AS sales_count, COALESCE(s.gross, 0) AS gross,
       COALESCE(s.discounts, 0) AS discounts, COALESCE(s.sales_total, 0) AS sales_total,
       COALESCE(v.voids_count, 0) AS voids_count,
       COALESCE(r.refunds_count, 0) AS refunds_count, COALESCE(r.refunds, 0) AS refunds,
       COALESCE(s.sales_total, 0) - COALESCE(r.refunds, 0) AS net,
       st.last_seq, st.last_entry_at, st.last_sync_at
FROM stand st
LEFT JOIN (SELECT stand, COUNT(*) AS sales_count, {sum_of("subtotal")} AS gross,
                  {sum_of("discount")} AS discounts, {sum_of("total")} AS sales_total
           FROM sale WHERE NOT voided GROUP BY stand) s ON s.stand = st.code
LEFT JOIN (SELECT stand, COUNT(*) AS voids_count FROM sale WHERE voided GROUP BY stand) v
       ON v.stand = st.code
LEFT JOIN (SELECT stand, COUNT(*) AS refunds_count, {sum_of("amount")} AS refunds
           FROM refund GROUP BY stand) r ON r.stand = st.code
"""

_PROVINCE_TOTALS = f"""
SELECT province, COUNT(*) AS stands, {sum_of("sales_count")} AS sales_count,
       {sum_of("gross")} AS gross, {sum_of("discounts")} AS discounts,
       {sum_of("refunds")} AS refunds, {sum_of("net")} AS net
FROM v_stand_totals GROUP BY province
"""

# Sales by payment method and refunds by the method they were paid back with.
_STAND_PAYMENT_TOTALS = f"""
SELECT stand, method, {sum_of("sales")} AS sales, {sum_of("refunds")} AS refunds,
       {sum_of("sales - refunds")} AS net
FROM (SELECT p.stand, p.method, p.amount AS sales, 0 AS refunds
      FROM payment p JOIN sale s ON s.stand = p.stand AND s.id = p.sale_id AND NOT s.voided
      UNION ALL
      SELECT stand, method, 0, amount FROM refund) m
GROUP BY stand, method
"""

_PAYMENT_TOTALS = f"""
SELECT method, {sum_of("sales")} AS sales, {sum_of("refunds")} AS refunds, {sum_of("net")} AS net
FROM v_stand_payment_totals GROUP BY method
"""

# Sales counted on the day they were made, refunds on the day they were given.
_DAY_TOTALS = f"""
SELECT day, {sum_of("sales_count")} AS sales_count, {sum_of("sales_total")} AS sales,
       {sum_of("refunds")} AS refunds, {sum_of("sales_total - refunds")} AS net
FROM (SELECT day, 1 AS sales_count, total AS sales_total, 0 AS refunds
      FROM sale WHERE NOT voided
      UNION ALL
      SELECT day, 0, 0, amount FROM refund) d
GROUP BY day
"""

#: (name, SELECT) in dependency order.
VIEWS: tuple[tuple[str, str], ...] = (
    ("v_line_movements", _LINE_MOVEMENTS),
    ("v_stand_totals", _STAND_TOTALS),
    ("v_province_totals", _PROVINCE_TOTALS),
    ("v_maker_group_totals", _line_view("maker_group")),
    ("v_category_totals", _line_view("category")),
    ("v_product_totals", _line_view("stand", "sku", "name", "category", "maker_group")),
    ("v_stand_payment_totals", _STAND_PAYMENT_TOTALS),
    ("v_payment_totals", _PAYMENT_TOTALS),
    ("v_day_totals", _DAY_TOTALS),
)

