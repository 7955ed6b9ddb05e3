"""The catalog's full-text index: an FTS5 table over the product table, kept by triggers.

``product_search`` is an external-content FTS5 table (it stores no copy of the text, only
the index; rowid = product id) over name, SKU, barcode, category, maker group and region,
tokenized as a cashier types: case and diacritics folded (``remove_diacritics 2``). Triggers
on ``product`` keep it in step with every writer (import, the catalog screen, a migration),
and a stock change (every sale) does not touch it. Alembic does not know FTS5 tables: the
migration ``0007`` makes it, and schema comparisons skip its names (``is_search_table``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Connection

SEARCH_TABLE = "product_search"
SEARCH_COLUMNS = ("name", "sku", "barcode", "category", "maker_group", "region")

_COLUMNS = ", ".join(SEARCH_COLUMNS)
_NEW = ", ".join(f"new.{c}" for c in SEARCH_COLUMNS)
_OLD = ", ".join(f"old.{c}" for c in SEARCH_COLUMNS)
_DELETE_OLD = (f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rowid, {_COLUMNS}) "
               f"VALUES ('delete', old.id, {_OLD});")
_INSERT_NEW = f"INSERT INTO {SEARCH_TABLE}(rowid, {_COLUMNS}) VALUES (new.id, {_NEW});"

#: The table and its triggers, in order (``detail=column``: a third of the full index's
#: size and build time; word and prefix queries need no more).
CREATE = (
    f"CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5({_COLUMNS}, content='product', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2', detail=column, prefix='1 2')",
    f"CREATE TRIGGER {SEARCH_TABLE}_ai AFTER INSERT ON product BEGIN {_INSERT_NEW} END",
    f"CREATE TRIGGER {SEARCH_TABLE}_ad AFTER DELETE ON product BEGIN {_DELETE_OLD} END",
    f"CREATE TRIGGER {SEARCH_TABLE}_au AFTER UPDATE OF {_COLUMNS} ON product "
    f"BEGIN {_DELETE_OLD} {_INSERT_NEW} END",
)
#: Index every product already in the table (the migration of an existing stand).
REBUILD = f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}) VALUES ('rebuild')"
DROP = (
    *(f"DROP TRIGGER IF EXISTS {SEARCH_TABLE}_{t}" for t in ("ai", "ad", "au")),
    f"DROP TABLE IF EXISTS {SEARCH_TABLE}",
)


def is_search_table(name: str | None) -> bool:
    """True for the FTS5 table and its shadow tables (``product_search_data`` and so on)."""
    return bool(name) and (name == SEARCH_TABLE or str(name).startswith(SEARCH_TABLE + "_"))


# -- writing many products -------------------------------------------------------------------
# FTS5 flushes its pending words at every statement of a transaction, so a trigger fired by
# ``executemany`` writes one tiny index segment per product (a 100,000-row import took
# minutes). Many products are therefore staged in a temporary table and written by ONE
# INSERT ... SELECT or UPDATE ... FROM, whose triggers the index takes in one flush.

PRODUCT_FIELDS = ("sku", "barcode", "name", "category", "maker_group", "region", "price",
                  "stock", "active")


def _staged(conn: Connection, columns: tuple[str, ...], rows: list[dict[str, Any]]) -> str:
    name = "temp.staged_product"
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {name}")
    conn.exec_driver_sql(f"CREATE TEMP TABLE staged_product ({', '.join(columns)})")
    marks = ", ".join("?" * len(columns))
    conn.exec_driver_sql(f"INSERT INTO {name} VALUES ({marks})",
                         [tuple(row[c] for c in columns) for row in rows])
    return name


def insert_products(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Add *rows* (dicts of ``PRODUCT_FIELDS``) in their order, in one statement."""
    staged = _staged(conn, PRODUCT_FIELDS, rows)
    fields = ", ".join(PRODUCT_FIELDS)
    conn.exec_driver_sql(f"INSERT INTO product ({fields}) SELECT {fields} FROM {staged} "
                         "ORDER BY rowid")
    conn.exec_driver_sql(f"DROP TABLE {staged}")


def update_products(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Change the products of *rows* (dicts with ``id`` and the columns to set, the same
    columns in every row), in one statement."""
    columns = tuple(c for c in rows[0] if c != "id")
    staged = _staged(conn, ("id", *columns), rows)
    sets = ", ".join(f"{c} = s.{c}" for c in columns)
    conn.exec_driver_sql(f"UPDATE product SET {sets} FROM {staged} AS s "
                         "WHERE product.id = s.id")
    conn.exec_driver_sql(f"DROP TABLE {staged}")
