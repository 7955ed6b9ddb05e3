"""the shift's count of products sold past zero stock, and an index for the largest

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 20:00:00.000000

An X or Z report lists the products sold past zero stock with the most units first, up to
``posapp.domain.report.OVERSOLD_LISTED``, and counts the rest: ``shift_total`` keeps the
counts (``posapp.store.shift_totals.apply``) and ``ix_shift_oversold_largest`` gives the
largest in order, so a report reads the same few rows however many products a shift
oversold. The upgrade counts the shifts already there.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

BACKFILL = """UPDATE shift_total SET
    oversold_products = (SELECT count(*) FROM shift_oversold AS o
                         WHERE o.shift_id = shift_total.shift_id AND o.quantity > 0),
    oversold_units = (SELECT coalesce(sum(o.quantity), 0) FROM shift_oversold AS o
                      WHERE o.shift_id = shift_total.shift_id AND o.quantity > 0)"""


def upgrade() -> None:
    with op.batch_alter_table('shift_total') as batch:
        batch.add_column(sa.Column('oversold_products', sa.Integer(), server_default='0',
                                   nullable=False))
        batch.add_column(sa.Column('oversold_units', sa.Integer(), server_default='0',
                                   nullable=False))
    op.create_index('ix_shift_oversold_largest', 'shift_oversold',
                    ['shift_id', sa.text('quantity DESC')], unique=False)
    op.execute(BACKFILL)


def downgrade() -> None:
    op.drop_index('ix_shift_oversold_largest', table_name='shift_oversold')
    with op.batch_alter_table('shift_total') as batch:
        batch.drop_column('oversold_units')
        batch.drop_column('oversold_products')
