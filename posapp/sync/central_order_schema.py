"""The central store's tables and views for orders taken for later delivery (issue 6).

Rebuilt from the stands' order.* journal entries like the sales; order money (deposits,
balances, deposits given back) is kept apart from sales in every view. docs/central-format.md
describes them.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Index, Integer, String, Table, Text

from posapp.sync.central_schema import Money, metadata, sum_of, text_column

customer_order = Table(
    "customer_order", metadata,
    Column("id", String(36), primary_key=True),
    Column("stand", String(16), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("order_no", String(32), nullable=False),
    Column("shift_id", String(36), nullable=False),
    text_column("cashier", 60),
    Column("at", DateTime, nullable=False),
    Column("day", String(10), nullable=False),  # taken on, in the stand's time zone
    text_column("buyer_name", 120), text_column("phone", 40), text_column("email", 120),
    text_column("country", 60),
    Column("address", Text, nullable=False, default=""),  # empty: picked up at the stand
    Column("due", String(10)),  # YYYY-MM-DD or NULL
    Column("note", Text, nullable=False, default=""),
    Column("total", Money, nullable=False),
    Column("status", String(16), nullable=False),  # open, ready, handed_over, cancelled
    Column("ready_at", DateTime),
    Column("handed_over_at", DateTime),
    Column("tracking", Text, nullable=False, default=""),
    Column("cancelled_at", DateTime),
    text_column("cancel_reason", 200),
    text_column("deposit_action", 8),  # refund | keep, when cancelled
    Column("kept", Money, nullable=False, default=0),  # deposit kept on cancelling
    Index("ix_customer_order_stand_seq", "stand", "seq", unique=True),
)

order_line = Table(
    "order_line", metadata,
    Column("order_id", String(36), primary_key=True),
    Column("line_no", Integer, primary_key=True),
    Column("stand", String(16), nullable=False),
    text_column("sku", 40), text_column("name", 200), text_column("category", 80),
    text_column("maker_group", 120), text_column("region", 80),
    Column("unit_price", Money, nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("total", Money, nullable=False),
    Column("reserved", Integer, nullable=False, default=0),
    Column("delivered", Integer, nullable=False, default=0),
    Column("custom", Boolean, nullable=False, default=False),
)

order_payment = Table(
    "order_payment", metadata,
    Column("stand", String(16), primary_key=True),
    Column("seq", Integer, primary_key=True),  # the journal entry that took it
    Column("n", Integer, primary_key=True),
    Column("order_id", String(36), nullable=False, index=True),
    Column("shift_id", String(36), nullable=False, index=True),
    Column("at", DateTime, nullable=False),
    Column("day", String(10), nullable=False),
    Column("kind", String(8), nullable=False),  # deposit, balance, refund
    Column("method", String(16), nullable=False),
    Column("tendered", Money, nullable=False),
    Column("amount", Money, nullable=False),
)

_PAID = f"""
SELECT order_id,
       {sum_of("CASE WHEN kind = 'deposit' THEN amount ELSE 0 END")} AS deposits,
       {sum_of("CASE WHEN kind = 'balance' THEN amount ELSE 0 END")} AS balances,
       {sum_of("CASE WHEN kind = 'refund' THEN amount ELSE 0 END")} AS refunds
FROM order_payment GROUP BY order_id
"""

# One row per order, with what was paid and what is still due (0 once handed over or
# cancelled). Overdue: open or ready with a due date before today (compare with your date).
_ORDERS = f"""
SELECT o.stand, st.province, o.order_no, o.status, o.day AS taken_on, o.due,
       o.buyer_name, o.phone, o.email, o.country, o.address, o.total,
       COALESCE(p.deposits, 0) AS deposits, COALESCE(p.balances, 0) AS balances,
       COALESCE(p.refunds, 0) AS refunds,
       COALESCE(p.deposits, 0) + COALESCE(p.balances, 0) - COALESCE(p.refunds, 0) AS paid,
       CASE WHEN o.status IN ('open', 'ready')
            THEN o.total - COALESCE(p.deposits, 0) - COALESCE(p.balances, 0)
                 + COALESCE(p.refunds, 0)
            ELSE 0 END AS balance_due,
       o.tracking, o.note, o.id AS order_id
FROM customer_order o
JOIN stand st ON st.code = o.stand
LEFT JOIN ({_PAID}) p ON p.order_id = o.id
"""

_STAND_ORDER_TOTALS = f"""
SELECT st.code AS stand, st.province,
       COUNT(o.order_no) AS orders,
       {sum_of("CASE WHEN o.status IN ('open', 'ready') THEN 1 ELSE 0 END")} AS open_orders,
       {sum_of("CASE WHEN o.status = 'handed_over' THEN 1 ELSE 0 END")} AS handed_over,
       {sum_of("CASE WHEN o.status = 'cancelled' THEN 1 ELSE 0 END")} AS cancelled,
       {sum_of("CASE WHEN o.status <> 'cancelled' THEN o.total ELSE 0 END")} AS ordered,
       {sum_of("o.deposits")} AS deposits, {sum_of("o.balances")} AS balances,
       {sum_of("o.refunds")} AS deposits_refunded,
       {sum_of("o.paid")} AS order_money,
       {sum_of("CASE WHEN o.status IN ('open', 'ready') THEN o.paid ELSE 0 END")}
           AS deposits_held,
       {sum_of("o.balance_due")} AS balances_due
FROM stand st LEFT JOIN v_orders o ON o.stand = st.code
GROUP BY st.code, st.province
"""

# Order money by stand, day, kind and method (refunds as given back).
_ORDER_PAYMENT_TOTALS = f"""
SELECT stand, day, kind, method, {sum_of("amount")} AS amount
FROM order_payment GROUP BY stand, day, kind, method
"""

ORDER_VIEWS: tuple[tuple[str, str], ...] = (
    ("v_orders", _ORDERS),
    ("v_stand_order_totals", _STAND_ORDER_TOTALS),
    ("v_order_payment_totals", _ORDER_PAYMENT_TOTALS),
)
