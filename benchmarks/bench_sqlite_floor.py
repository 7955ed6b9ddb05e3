"""The physical floors: a bare ``sqlite3`` insert-and-commit with posapp's pragmas, and a
checkout's own statements replayed on the bare driver."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from posapp.store.database import copy_database
from posapp.store.prepared import Prepared


class BareSqlite:
    """One small table in its own file: WAL, ``synchronous=FULL``, one row per commit."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = FULL")
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS sale (id INTEGER PRIMARY KEY, receipt_no TEXT, "
            "total INTEGER, created_at TEXT)"
        )

    def commit_one(self, i: int) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute(
            "INSERT INTO sale (receipt_no, total, created_at) VALUES (?, ?, datetime('now'))",
            (f"FLOOR-{i:06d}", 150_000 + i),
        )
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()


class SaleReplay:
    """A second floor: the statements each checkout ran, replayed with the same values on the
    bare driver on a twin of the stand's file (copied before the first sale, so both files
    take the same rows): what the schema itself costs, with no posapp code around it.

    ``record`` wraps one checkout and notes each prepared statement (SQL and values, all
    that ``Prepared`` hands the driver) on its way there: a list append per statement, paid
    by the checkout being timed. ``replay(n)`` then runs sale *n*'s statements as one
    ``BEGIN IMMEDIATE`` ... ``COMMIT``, statements cached as the driver does; the sales are
    replayed in their order, after the checkouts, so the target's own turn is as before.
    """

    def __init__(self, stand_file: Path, twin: Path) -> None:
        copy_database(stand_file, twin)
        self.conn = sqlite3.connect(twin, isolation_level=None, cached_statements=64)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = FULL")
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.sales: list[list[tuple[str, str, Any]]] = []

    @contextmanager
    def record(self) -> Iterator[None]:
        original = Prepared._call
        calls: list[tuple[str, str, Any]] = []
        self.sales.append(calls)

        def noted(prepared: Prepared, conn: Any, how: str, args: Any) -> Any:
            calls.append((how, prepared._sql, args))
            return original(prepared, conn, how, args)

        Prepared._call = noted  # type: ignore[method-assign,assignment]
        try:
            yield
        finally:
            Prepared._call = original  # type: ignore[method-assign]

    def replay(self, n: int) -> None:
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        for how, sql, args in self.sales[n]:
            if how == "execute":
                conn.execute(sql, args).fetchall()
            else:
                conn.executemany(sql, args)
        conn.execute("COMMIT")

    def check_same_as(self, stand_file: Path) -> None:
        """The twin holds the same sales and journal as the stand (the replay was the sale)."""
        query = ("SELECT (SELECT count(*) || ' ' || sum(total) FROM sale), "
                 "(SELECT hash FROM journal ORDER BY seq DESC LIMIT 1), "
                 "(SELECT sum(stock) FROM product)")
        stand = sqlite3.connect(f"file:{stand_file}?mode=ro", uri=True)
        try:
            theirs = stand.execute(query).fetchone()
        finally:
            stand.close()
        ours = self.conn.execute(query).fetchone()
        if ours != theirs:
            raise RuntimeError(f"the replayed sales differ: {ours} against the stand's {theirs}")

    def close(self) -> None:
        self.conn.close()
