"""Central-store fixtures: every test that takes ``central_url`` runs twice, once on an
SQLite file in its temp folder and once on a fresh database in a private PostgreSQL server
(started once per session, see pgserver.py).

    def test_merge_twice(central_url: str) -> None:   # test_merge_twice[sqlite], [postgresql]
        store = central_store.open(central_url, create=True)
        ...

    def test_two_stores(make_central_url) -> None:     # several empty stores, same backend
        a, b = make_central_url("a"), make_central_url("b")

Where PostgreSQL is missing or will not start, the [postgresql] cases skip with the reason
(``pytest -ra`` lists it); ``POSAPP_REQUIRE_POSTGRES=1`` turns that skip into a failure, for
CI machines that are meant to have it. ``-k sqlite`` / ``-k postgresql`` picks one backend.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.central.pgserver import (
    REQUIRE_ENV,
    PgServer,
    PgUnavailable,
    acquire_shared,
    release_shared,
)

BACKENDS = ("sqlite", "postgresql")

_summary: dict[str, object] = {}  # for the terminal summary: the server, its lifetime


@pytest.fixture(scope="session")
def pg_server(request: pytest.FixtureRequest) -> PgServer:
    """The session's private PostgreSQL server; stopped and removed at the session's end.

    Started only when a test needs it: ``-k sqlite`` never starts it. Modules elsewhere
    that import these fixtures share the same server (pgserver.acquire_shared).
    """
    try:
        server = acquire_shared()
    except PgUnavailable as exc:
        # pytest keeps a session fixture's outcome: the next tests skip at once, no retry
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(f"PostgreSQL is required ({REQUIRE_ENV}) but unavailable: {exc}")
        pytest.skip(f"PostgreSQL unavailable: {exc}")

    def release() -> None:
        if release_shared() is not None:
            _summary["server"] = server

    request.addfinalizer(release)
    return server


@pytest.fixture(params=BACKENDS)
def central_backend(request: pytest.FixtureRequest) -> str:
    """"sqlite" or "postgresql": the backend of this run of the test."""
    return str(request.param)


@pytest.fixture
def make_central_url(request: pytest.FixtureRequest, central_backend: str,
                     tmp_path: Path) -> Iterator[Callable[..., str]]:
    """Makes URLs of new, empty central stores on this test's backend.

    sqlite: ``sqlite:////tmp/.../central-N.sqlite`` (the file does not exist yet);
    postgresql: a new database per call, ``postgresql+psycopg://postgres@/NAME?host=SOCKDIR
    &port=5432``, dropped after the test (with FORCE: engines left open do not matter).
    """
    counter = itertools.count(1)
    if central_backend == "sqlite":
        def make_sqlite(hint: str = "central") -> str:
            return f"sqlite:///{(tmp_path / f'{hint}-{next(counter)}.sqlite').as_posix()}"

        yield make_sqlite
        return

    server: PgServer = request.getfixturevalue("pg_server")
    made: list[str] = []

    def make_pg(hint: str = "") -> str:
        url = server.create_database(f"{request.node.name}_{hint}" if hint
                                     else request.node.name)
        made.append(url)
        return url

    yield make_pg
    for url in made:
        server.drop_database(url)


@pytest.fixture
def central_url(make_central_url: Callable[..., str]) -> str:
    """The URL of an empty central store: an SQLite file, or a fresh PostgreSQL database."""
    return make_central_url()


def summary_line() -> str | None:
    """The PostgreSQL server's timings, for the end of the run (tests/conftest.py)."""
    server = _summary.get("server")
    if not isinstance(server, PgServer):
        return None
    t = server.timings
    creates = t.get("create_database", [])
    drops = t.get("drop_database", [])
    per_db = (sum(creates) + sum(drops)) / len(creates) if creates else 0.0
    return (f"PostgreSQL for the central-store tests: ready in {t['ready']:.2f} s "
            f"(initdb {t['initdb']:.2f}, start {t['start']:.2f}, first connection "
            f"{t['first_connection'] * 1000:.0f} ms), {len(creates)} databases at "
            f"{per_db * 1000:.0f} ms each, stop {t['stop']:.2f} s; "
            f"server lifetime {t['lifetime']:.1f} s")
