"""running totals of each shift, backfilled by a recount of the shifts already there

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 17:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# The recount, one pass per table over every shift (the same figures as
# posapp/services/shift_recount.py counts for one shift).
_KEPT = "sale.voided_at IS NULL"
BACKFILL = (
    f"""INSERT INTO shift_total (shift_id, sales_count, gross, discounts, voids_count,
        voids_total, refunds_count, refunds_total, cash_in, cash_out, orders_placed)
    SELECT shift.id,
        coalesce(s.sales_count, 0), coalesce(s.gross, 0), coalesce(s.discounts, 0),
        coalesce(s.voids_count, 0), coalesce(s.voids_total, 0),
        coalesce(r.refunds_count, 0), coalesce(r.refunds_total, 0),
        coalesce(c.cash_in, 0), coalesce(c.cash_out, 0), coalesce(o.placed, 0)
    FROM shift
    LEFT JOIN (SELECT shift_id,
            sum(CASE WHEN {_KEPT} THEN 1 ELSE 0 END) AS sales_count,
            sum(CASE WHEN {_KEPT} THEN subtotal ELSE 0 END) AS gross,
            sum(CASE WHEN {_KEPT} THEN discount ELSE 0 END) AS discounts,
            sum(CASE WHEN {_KEPT} THEN 0 ELSE 1 END) AS voids_count,
            sum(CASE WHEN {_KEPT} THEN 0 ELSE total END) AS voids_total
        FROM sale GROUP BY shift_id) AS s ON s.shift_id = shift.id
    LEFT JOIN (SELECT shift_id, count(*) AS refunds_count, sum(amount) AS refunds_total
        FROM refund GROUP BY shift_id) AS r ON r.shift_id = shift.id
    LEFT JOIN (SELECT shift_id,
            sum(CASE WHEN amount > 0 THEN amount ELSE 0 END) AS cash_in,
            sum(CASE WHEN amount < 0 THEN -amount ELSE 0 END) AS cash_out
        FROM cash_movement GROUP BY shift_id) AS c ON c.shift_id = shift.id
    LEFT JOIN (SELECT shift_id, count(*) AS placed
        FROM customer_order GROUP BY shift_id) AS o ON o.shift_id = shift.id""",
    f"""INSERT INTO shift_money (shift_id, kind, method, amount)
    SELECT sale.shift_id, 'sale', payment.method, sum(payment.amount)
    FROM payment JOIN sale ON sale.id = payment.sale_id
    WHERE {_KEPT} GROUP BY sale.shift_id, payment.method""",
    """INSERT INTO shift_money (shift_id, kind, method, amount)
    SELECT shift_id, 'refund', method, sum(amount) FROM refund GROUP BY shift_id, method""",
    """INSERT INTO shift_money (shift_id, kind, method, amount)
    SELECT shift_id, 'order.' || kind, method, sum(amount) FROM order_payment
    GROUP BY shift_id, kind, method""",
    f"""INSERT INTO shift_oversold (shift_id, sku, name, quantity)
    SELECT sale.shift_id, sale_line.sku, sale_line.name, sum(sale_line.oversold)
    FROM sale_line JOIN sale ON sale.id = sale_line.sale_id
    WHERE {_KEPT} AND sale_line.oversold > 0
    GROUP BY sale.shift_id, sale_line.sku, sale_line.name""",
)


def upgrade() -> None:
    op.create_table('shift_total',
    sa.Column('shift_id', sa.String(length=36), nullable=False),
    sa.Column('sales_count', sa.Integer(), nullable=False),
    sa.Column('gross', sa.BigInteger(), nullable=False),
    sa.Column('discounts', sa.BigInteger(), nullable=False),
    sa.Column('voids_count', sa.Integer(), nullable=False),
    sa.Column('voids_total', sa.BigInteger(), nullable=False),
    sa.Column('refunds_count', sa.Integer(), nullable=False),
    sa.Column('refunds_total', sa.BigInteger(), nullable=False),
    sa.Column('cash_in', sa.BigInteger(), nullable=False),
    sa.Column('cash_out', sa.BigInteger(), nullable=False),
    sa.Column('orders_placed', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['shift_id'], ['shift.id'], ),
    sa.PrimaryKeyConstraint('shift_id')
    )
    op.create_table('shift_money',
    sa.Column('shift_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('method', sa.String(length=16), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['shift_id'], ['shift.id'], ),
    sa.PrimaryKeyConstraint('shift_id', 'kind', 'method'),
    sqlite_with_rowid=False,
    )
    op.create_table('shift_oversold',
    sa.Column('shift_id', sa.String(length=36), nullable=False),
    sa.Column('sku', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['shift_id'], ['shift.id'], ),
    sa.PrimaryKeyConstraint('shift_id', 'sku', 'name'),
    sqlite_with_rowid=False,
    )
    for statement in BACKFILL:
        op.execute(statement)


def downgrade() -> None:
    op.drop_table('shift_oversold')
    op.drop_table('shift_money')
    op.drop_table('shift_total')
