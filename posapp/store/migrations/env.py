"""Alembic environment: always run on a connection handed in by posapp.store.database."""

from __future__ import annotations

from alembic import context

from posapp.store.base import Base
from posapp.store.search import is_search_table

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI by hand
    raise SystemExit("run migrations through posapp (posapp.store.database.open_stand_database)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite needs batch mode to alter tables
    compare_type=True,
    # the FTS5 catalog index is made by hand in 0007; Alembic does not model it
    include_name=lambda name, type_, _parents: not (type_ == "table" and is_search_table(name)),
)
with context.begin_transaction():
    context.run_migrations()
