"""Prepared statements write exactly what SQLAlchemy's own execute writes, on the stand's
SQLite (the driver's cursor) and on PostgreSQL (``Connection.execute`` itself)."""

from __future__ import annotations

from datetime import datetime

import pytest
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
    text,
    update,
)
from sqlalchemy.exc import IntegrityError

from posapp.store.prepared import Prepared

META = MetaData()
ROW = Table("row", META, Column("id", Integer, primary_key=True), Column("at", DateTime),
            Column("units", Integer, default=7), Column("note", String(20), unique=True))
AT = datetime(2026, 12, 7, 21, 30)  # no microseconds: SQLAlchemy still writes .000000 in SQLite


def test_rows_read_back_as_sqlalchemy_wrote_them(central_url: str) -> None:
    engine = create_engine(central_url)
    META.create_all(engine)
    prepared = Prepared(insert(ROW), ["at", "note"])
    with engine.begin() as conn:
        conn.execute(insert(ROW), {"at": AT, "note": "lewat SQLAlchemy"})
        prepared.run(conn, {"at": AT, "note": "lewat kursor"})
        prepared.run_many(conn, [{"at": AT, "note": None}, {"at": AT, "note": "keempat"}])
        prepared.run_many(conn, [])
    taken = Prepared(update(ROW).where(ROW.c.note == bindparam("n"))
                     .values(units=ROW.c.units - bindparam("q")).returning(ROW.c.units))
    newest = Prepared(select(ROW.c.note).where(ROW.c.units == bindparam("u"))
                      .order_by(ROW.c.id.desc()).limit(1))
    with engine.begin() as conn:
        assert taken.run(conn, {"n": "keempat", "q": 10}).fetchone() == (-3,)
        assert taken.run(conn, {"n": "tidak ada", "q": 1}).fetchone() is None
        assert newest.run(conn, {"u": 7}).fetchone() == (None,)
        assert newest.run(conn, {"u": -3}).fetchone() == ("keempat",)
        rows = conn.execute(select(ROW).order_by(ROW.c.id)).all()
        if conn.dialect.name == "sqlite":  # the text in the file, as SQLAlchemy formats it
            assert conn.execute(text("SELECT at FROM row")).scalars().all() == [
                "2026-12-07 21:30:00.000000"] * 4
    assert [tuple(r) for r in rows] == [(1, AT, 7, "lewat SQLAlchemy"), (2, AT, 7, "lewat kursor"),
                                        (3, AT, 7, None), (4, AT, -3, "keempat")]
    engine.dispose()


def test_a_refusal_is_sqlalchemys_error_and_leaves_the_transaction_to_roll_back(
        central_url: str) -> None:
    engine = create_engine(central_url)
    META.create_all(engine)
    prepared = Prepared(insert(ROW), ["at", "note"])
    with pytest.raises(IntegrityError), engine.begin() as conn:
        prepared.run(conn, {"at": AT, "note": "sama"})
        prepared.run_many(conn, [{"at": AT, "note": "lain"}, {"at": AT, "note": "sama"}])
    with engine.connect() as conn:
        assert conn.execute(select(ROW)).all() == []
    engine.dispose()
