"""A file's rows handed from the merge's second process as one SQLite database in memory.

The rows a merge writes into an SQLite central store cost this process more to insert one by
one through the driver (binding every value of about 28,000 rows a stand, then finding
each row's place in the store's indexes) than to have SQLite copy them from another
database in one ``INSERT ... SELECT`` a table. So the second process, once it has gathered
a file's rows (central_apply.prepare_rows), inserts them into a database of its own in
memory (plain tables, no index: the binding is done there) and hands over that database's
bytes (``sqlite3.Connection.serialize``); this process attaches them to the store's
connection before its transaction (``Central.writing(attach=...)``) and copies each chunk's
rows from there (``PackedRows.copy``), in the same order as they would be inserted, so the
store ends the same, row for row. A connection without them attached reads them out and
inserts them as before.

SQLite only: PostgreSQL gets the rows pickled, and ``COPY``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from posapp.sync import central_schema as cs
from posapp.sync.bulk import insert_rows, write_failed

#: The name the packed rows are attached under, beside the store's own tables.
SCHEMA = "merge_rows"
_JOURNAL = cs.journal_entry.name


@dataclass(frozen=True)
class Packed:
    """A file's rows as a serialized SQLite database: a table of each name, its rows in the
    order they are to be inserted; per chunk, how many rows of each table it holds."""

    data: bytes
    counts: list[list[tuple[str, int]]]  # per chunk: (table, rows), journal_entry first
    count: int  # entries
    last_row: tuple[Any, ...]  # the last entry's journal row


def pack(chunks: Sequence[Sequence[tuple[str, Sequence[Sequence[Any]]]]]) -> Packed:
    """*chunks*, each a list of (table name, rows in the table's column order), journal
    rows first, packed."""
    con = sqlite3.connect(":memory:", isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode = OFF")
        con.execute("BEGIN")
        made: set[str] = set()
        counts: list[list[tuple[str, int]]] = []
        last: tuple[Any, ...] = ()
        for chunk in chunks:
            counts.append([])
            for name, rows in chunk:
                if not rows:
                    continue
                names = _columns(name)
                if name not in made:
                    con.execute(f"CREATE TABLE {name} ({names})")
                    made.add(name)
                marks = ", ".join("?" * len(cs.metadata.tables[name].columns))
                con.executemany(f"INSERT INTO {name} ({names}) VALUES ({marks})", rows)
                counts[-1].append((name, len(rows)))
                if name == _JOURNAL:
                    last = tuple(rows[-1])
        con.execute("COMMIT")
        entries = sum(n for chunk_counts in counts for name, n in chunk_counts
                      if name == _JOURNAL)
        return Packed(con.serialize(), counts, entries, last)
    finally:
        con.close()


def attached(raw: Any, packed: Packed) -> bool:
    """*packed* attached to *raw* (the store's sqlite3 connection, outside a transaction)
    as SCHEMA; False when it cannot be (its rows are then read out and inserted)."""
    try:
        raw.execute(f"ATTACH DATABASE ':memory:' AS {SCHEMA}")
    except sqlite3.Error:
        return False
    try:
        raw.deserialize(packed.data, name=SCHEMA)
        return True
    except (sqlite3.Error, AttributeError):
        detach(raw)
        return False


def detach(raw: Any) -> None:
    raw.execute(f"DETACH DATABASE {SCHEMA}")


class PackedRows:
    """Copies a Packed's rows into the store chunk by chunk, each table's after the rows
    copied before it."""

    def __init__(self, packed: Packed) -> None:
        self.packed = packed
        self.done: dict[str, int] = {}
        self._own: sqlite3.Connection | None = None
        self._here: bool | None = None  # attached to the store's connection (asked once)

    def copy(self, conn: Connection, chunk: int, *, journal: bool) -> None:
        """Chunk *chunk*'s journal rows (*journal*), or its other rows, into the store."""
        raw: Any = conn.connection.dbapi_connection  # inside the caller's transaction
        if self._here is None:
            self._here = conn.dialect.name == "sqlite" and _is_attached(raw)
        here = self._here
        for name, n in self.packed.counts[chunk]:
            if (name == _JOURNAL) != journal:
                continue
            start = self.done.get(name, 0)
            self.done[name] = start + n
            if not here:
                insert_rows(conn, cs.metadata.tables[name], self.rows(name, start, n))
                continue
            names = _columns(name)
            try:
                raw.execute(f"INSERT INTO main.{name} ({names}) SELECT {names} "
                            f"FROM {SCHEMA}.{name} WHERE rowid > ? AND rowid <= ?",
                            (start, start + n))
            except sqlite3.Error as exc:
                raise write_failed(name, exc) from None

    def rows(self, name: str, start: int = 0, n: int = -1) -> list[tuple[Any, ...]]:
        """*n* rows of table *name* from the *start*-th on (-1: all after it), in order."""
        if self._own is None:
            self._own = sqlite3.connect(":memory:")
            self._own.deserialize(self.packed.data)
        return self._own.execute(
            f"SELECT {_columns(name)} FROM {name} WHERE rowid > ? ORDER BY rowid LIMIT ?",
            (start, n)).fetchall()


def _columns(name: str) -> str:
    return ", ".join(f'"{c.name}"' for c in cs.metadata.tables[name].columns)


def _is_attached(raw: Any) -> bool:
    return any(row[1] == SCHEMA for row in raw.execute("PRAGMA database_list"))
