"""The catalog's full-text index: an FTS5 table over the product table, kept by triggers.

``product_search`` is an external-content FTS5 table (it stores no copy of the text, only
the index; rowid = product id) over name, SKU, barcode, category, maker group and region,
tokenized as a cashier types: case and diacritics folded (``remove_diacritics 2``). Triggers
on ``product`` keep it in step with every writer (import, the catalog screen, a migration),
and a stock change (every sale) does not touch it. Alembic does not know FTS5 tables: the
migration ``0007`` makes it, and schema comparisons skip its names (``is_search_table``).
"""

from __future__ import annotations

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
