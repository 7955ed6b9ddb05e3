"""catalog search: an FTS5 index over the products, and the shelf index for the grid

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 17:00:00.000000

The selling screen no longer reads the whole catalog at start: a scan looks its code up
through the unique indexes on sku and barcode, the grid pages through ``ix_product_shelf``
and a search asks ``product_search`` (``posapp.store.search``). The upgrade indexes the
products already in the file.
"""

from __future__ import annotations

from alembic import op

from posapp.store import search

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_product_shelf', 'product', ['active', 'category', 'name'],
                    unique=False)
    for statement in search.CREATE:
        op.execute(statement)
    op.execute(search.REBUILD)


def downgrade() -> None:
    for statement in search.DROP:
        op.execute(statement)
    op.drop_index('ix_product_shelf', table_name='product')
