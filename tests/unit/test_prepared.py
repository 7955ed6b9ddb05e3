"""Prepared statements write exactly what SQLAlchemy's own execute writes."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import (
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    bindparam,
    create_engine,
    insert,
    select,
)

from posapp.store.prepared import Prepared

META = MetaData()
ROW = Table("row", META, Column("id", Integer, primary_key=True), Column("at", DateTime),
            Column("units", Integer, default=7), Column("note", String(20)))


def test_rows_are_stored_as_sqlalchemy_stores_them(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'p.sqlite'}")
    META.create_all(engine)
    at = datetime(2026, 12, 7, 21, 30)  # no microseconds: SQLAlchemy still writes .000000
    prepared = Prepared(insert(ROW), ["at", "note"])
    with engine.begin() as conn:
        conn.execute(insert(ROW), {"at": at, "note": "lewat SQLAlchemy"})
        prepared.run(conn, {"at": at, "note": "lewat kursor"})
        prepared.run_many(conn, [{"at": at, "note": None}, {"at": at, "note": "ketiga"}])
        prepared.run_many(conn, [])
    raw = sqlite3.connect(tmp_path / "p.sqlite").execute(
        "SELECT id, at, units, note FROM row ORDER BY id").fetchall()
    assert raw == [(1, "2026-12-07 21:30:00.000000", 7, "lewat SQLAlchemy"),
                   (2, "2026-12-07 21:30:00.000000", 7, "lewat kursor"),
                   (3, "2026-12-07 21:30:00.000000", 7, None),
                   (4, "2026-12-07 21:30:00.000000", 7, "ketiga")]
    with engine.connect() as conn:
        newest = Prepared(select(ROW.c.note).where(ROW.c.units == bindparam("u"))
                          .order_by(ROW.c.id.desc()).limit(1))
        assert newest.run(conn, {"u": 7}).fetchone() == ("ketiga",)
        assert newest.run(conn, {"u": 8}).fetchone() is None
