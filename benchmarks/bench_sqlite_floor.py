"""The physical floor: a bare ``sqlite3`` insert-and-commit with posapp's pragmas."""

from __future__ import annotations

import sqlite3
from pathlib import Path


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
