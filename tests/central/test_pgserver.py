"""The central-store test plumbing does real work: a table made through the URL, rows
committed in one transaction and read back by a second engine, on SQLite and on a real
PostgreSQL server; each test gets its own database."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.central.pgserver import (
    REQUIRE_ENV,
    PgServer,
    PgUnavailable,
    acquire_shared,
    release_shared,
    running_server,
    start_server,
)

metadata = sa.MetaData()
sales = sa.Table(
    "sales", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("stand", sa.String(8), nullable=False),
    sa.Column("total", sa.BigInteger, nullable=False),  # rupiah
)
ROWS = [{"id": i, "stand": "JATIM", "total": 125_000 * i} for i in range(1, 101)]

_databases_seen: dict[str, str] = {}  # test name -> database (across the isolation tests)


def _engine(url: str) -> sa.Engine:
    return sa.create_engine(url)


def test_url_matches_backend(central_url: str, central_backend: str) -> None:
    engine = _engine(central_url)
    try:
        with engine.connect() as conn:
            if central_backend == "postgresql":
                assert engine.dialect.name == "postgresql"
                assert engine.dialect.driver == "psycopg"
                version = conn.execute(sa.text("SELECT version()")).scalar_one()
                assert version.startswith("PostgreSQL ")
                assert conn.execute(sa.text("SHOW fsync")).scalar_one() == "off"
            else:
                assert central_url.startswith("sqlite:///")
                assert conn.execute(sa.text("SELECT sqlite_version()")).scalar_one()
    finally:
        engine.dispose()


def test_commit_is_seen_by_a_second_engine(central_url: str) -> None:
    writer = _engine(central_url)
    metadata.create_all(writer)
    with writer.begin() as conn:  # one transaction
        conn.execute(sales.insert(), ROWS)
    writer.dispose()

    reader = _engine(central_url)
    try:
        with reader.connect() as conn:
            got = conn.execute(sa.select(sales).order_by(sales.c.id)).mappings().all()
            total = conn.execute(sa.select(sa.func.sum(sales.c.total))).scalar_one()
    finally:
        reader.dispose()
    assert [dict(r) for r in got] == ROWS
    assert total == 125_000 * sum(range(1, 101))  # 631.250.000: exact, as an int


def test_failed_transaction_leaves_nothing(central_url: str) -> None:
    """All or nothing, as a merge needs: a duplicate key halfway rolls back the batch."""
    engine = _engine(central_url)
    metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(sales.insert(), ROWS[:10])
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
        conn.execute(sales.insert(), ROWS[10:20])
        conn.execute(sales.insert(), ROWS[5:6])  # id 6 again
    engine.dispose()

    reader = _engine(central_url)
    try:
        with reader.connect() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(sales)).scalar_one() == 10
    finally:
        reader.dispose()


@pytest.mark.parametrize("turn", ["first", "second"])
def test_each_test_gets_an_empty_store(central_url: str, central_backend: str,
                                       request: pytest.FixtureRequest, turn: str) -> None:
    """Whichever of the two runs second finds no trace of the other."""
    engine = _engine(central_url)
    try:
        assert sa.inspect(engine).get_table_names() == []
        metadata.create_all(engine)  # left behind on purpose
        database = engine.url.database or ""
        assert database not in _databases_seen.values()
        if central_backend == "postgresql":
            server: PgServer = request.getfixturevalue("pg_server")
            with server.connect() as conn:
                existing = {r[0] for r in conn.execute("SELECT datname FROM pg_database")}
            earlier = {db for name, db in _databases_seen.items() if "postgresql" in name}
            assert database in existing
            assert not earlier & existing, "an earlier test's database was not dropped"
        _databases_seen[request.node.name] = database
    finally:
        engine.dispose()


def test_several_stores_in_one_test(make_central_url: Callable[..., str]) -> None:
    first, second = make_central_url("a"), make_central_url("b")
    assert first != second
    one = _engine(first)
    metadata.create_all(one)
    one.dispose()
    two = _engine(second)
    try:
        assert sa.inspect(two).get_table_names() == []
    finally:
        two.dispose()


def test_fixture_copies_share_one_server(pg_server: PgServer) -> None:
    """A module that imports the fixtures gets its own copy of the session fixture: it must
    get this same server, not start a second one."""
    again = acquire_shared()
    try:
        assert again is pg_server
    finally:
        assert release_shared() is None  # the fixture still holds it: not stopped
    assert (pg_server.root / "data" / "postmaster.pid").exists()


def test_running_server_outside_pytest_stops_and_cleans_up() -> None:
    """The helper benchmarks use: a second server of its own, gone after the block, also
    when the block fails."""

    class Boom(Exception):
        pass

    try:
        with running_server() as server:
            url = server.create_database("bench")
            engine = _engine(url)
            with engine.connect() as conn:
                assert conn.execute(sa.text("SELECT current_database()")).scalar_one() \
                    == sa.make_url(url).database
            engine.dispose()
            pid = int((server.root / "data" / "postmaster.pid").read_text().split()[0])
            raise Boom
    except PgUnavailable as exc:
        if os.environ.get(REQUIRE_ENV):
            raise
        pytest.skip(f"PostgreSQL unavailable: {exc}")
    except Boom:
        pass
    else:
        pytest.fail("the error in the block did not come through")
    assert not server.root.exists()
    assert not _running(pid)


def _running(pid: int) -> bool:
    """Is *pid* a live process (a zombie waiting for its parent to reap it is not)?"""
    if not Path("/proc").is_dir():  # not Linux: ask the kernel the portable way
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


def test_unavailable_says_why(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("POSAPP_PG_BIN", str(tmp_path))  # no initdb there
    with pytest.raises(PgUnavailable, match="initdb/pg_ctl not found"):
        start_server()
