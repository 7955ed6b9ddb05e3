"""Opening the central store: an SQLite file (the default) or a PostgreSQL URL, same code.

Writers take a lock for the whole of their transaction, so several stands syncing at once
queue instead of interleaving: ``BEGIN IMMEDIATE`` with a long busy timeout on SQLite, a
table lock on PostgreSQL. SQLite on a network share with several writers is not safe (its
locks do not hold there): docs/central-format.md says so and points to PostgreSQL.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from posapp.domain.errors import NotFound, PosError, StorageError
from posapp.domain.event_key import fingerprint, parse_key
from posapp.sync import central_schema as cs
from posapp.sync import row_pack
from posapp.sync.central_grouped import refill  # its tables join cs.metadata
from posapp.sync.central_order_schema import ORDER_VIEWS  # its tables join cs.metadata
from posapp.sync.central_photos import replay_photos
from posapp.sync.row_pack import Packed

#: How long a writer waits for another stand's sync to finish before giving up.
BUSY_TIMEOUT_S = 120
#: central_meta keys: the event id of the store (never the key), and where an earlier
#: posapp kept the organizers' event key (moved out at the next merge, see services.merge).
KEY_META, EVENT_META = "event_key", "event_id"
_PG_LOCK = 0x706F7361  # "posa": the advisory lock every central writer takes


class Central:
    """The central store at *target* (a path or a URL). ``with central.writing() as conn``."""

    def __init__(self, target: str, *, create: bool = True) -> None:
        self.target = target
        self.engine = _engine(target, create=create)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        self._version: int | None = None

    @property
    def label(self) -> str:
        """The target without a password, for messages."""
        return self.engine.url.render_as_string(hide_password=True) if not self.is_sqlite \
            else str(self.engine.url.database)

    @contextmanager
    def writing(self, *, attach: Packed | None = None) -> Iterator[Connection]:
        """One locked transaction: committed when the block ends, rolled back on error.
        *attach*: rows packed by the merge's second process, attached to an SQLite store's
        connection for the transaction (row_pack; a PostgreSQL store ignores them)."""
        with self._connect() as conn:
            raw: Any = conn.connection.dbapi_connection
            attached = attach is not None and self.is_sqlite and row_pack.attached(raw, attach)
            try:
                with conn.begin():
                    if self.is_sqlite:
                        conn.exec_driver_sql("BEGIN IMMEDIATE")
                    else:  # one writer at a time, even before the tables exist
                        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
                    self._ensure_schema(conn)
                    yield conn
            except DBAPIError as exc:
                raise _storage_error(exc, self.label) from None
            finally:
                if attached:
                    _detach(conn, raw)

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """One read transaction that sees one state of the store, whatever lands meanwhile
        (SQLite: its read lock; PostgreSQL: a REPEATABLE READ snapshot, writers not held)."""
        with self._connect() as conn:
            if not self.is_sqlite:
                conn.execution_options(isolation_level="REPEATABLE READ")
            try:
                with conn.begin():
                    if self.is_sqlite:
                        conn.exec_driver_sql("BEGIN")
                    if not self._has_schema(conn):
                        raise NotFound("central.no_tables", target=self.label)
                    old = self._check_version(conn) < cs.CENTRAL_VERSION
                    if not old:
                        yield conn
            except DBAPIError as exc:
                raise _storage_error(exc, self.label) from None
        if old:  # made by an earlier posapp: upgrade it (a write), then read
            with self.writing():
                pass
            with self.reading() as conn:
                yield conn

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Central:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _connect(self) -> Iterator[Connection]:
        try:
            conn = self.engine.connect()
        except DBAPIError as exc:
            raise _storage_error(exc, self.label) from None
        try:
            yield conn
        finally:
            conn.close()

    @staticmethod
    def _has_schema(conn: Connection) -> bool:
        return inspect(conn).has_table(cs.meta.name)

    def _ensure_schema(self, conn: Connection) -> None:
        if self._has_schema(conn):
            if self._check_version(conn) < cs.CENTRAL_VERSION:
                self._upgrade(conn)
            return
        if inspect(conn).get_table_names():
            raise StorageError("central.foreign_database", target=self.label)
        cs.metadata.create_all(conn)
        self._create_views(conn)
        conn.execute(cs.meta.insert(), [{"key": "version", "value": str(cs.CENTRAL_VERSION)}])

    def _upgrade(self, conn: Connection) -> None:
        """Bring an older store to this format: the tables it lacks (empty: their rows
        come with the entries that make them), and every view made again."""
        before = self._check_version(conn)
        views = [name for name, _ in (*cs.VIEWS, *ORDER_VIEWS)]
        for name in reversed(views):
            conn.exec_driver_sql(f"DROP VIEW IF EXISTS {name}")
        if before < 4:
            _key_by_stand(conn)
        cs.metadata.create_all(conn)
        if before < 3:  # photos: entries stored before this format knew them
            replay_photos(conn)
        if before < 5:  # the figures pre-grouped, from the rows already there
            refill(conn)
        self._create_views(conn)
        set_meta(conn, "version", str(cs.CENTRAL_VERSION))
        self._version = cs.CENTRAL_VERSION

    @staticmethod
    def _create_views(conn: Connection) -> None:
        for name, select_sql in (*cs.VIEWS, *ORDER_VIEWS):
            conn.exec_driver_sql(f"CREATE VIEW {name} AS {select_sql}")

    def _check_version(self, conn: Connection) -> int:
        """The store's format; refused when it is not a store or made by a newer posapp."""
        if self._version is not None:
            return self._version
        version = conn.scalar(select(cs.meta.c.value).where(cs.meta.c.key == "version"))
        if version is None or not version.isdigit():
            raise StorageError("central.no_version", target=self.label)
        if int(version) > cs.CENTRAL_VERSION:
            raise StorageError("central.newer_format", target=self.label, version=version)
        self._version = int(version)
        return self._version


def _key_by_stand(conn: Connection) -> None:
    """Format 4: the sales, lines and payments keyed by stand first (see central_schema).
    PostgreSQL changes the primary key in place; SQLite cannot, so the table is made again
    and its rows copied."""
    for table in cs.STAND_KEYED:
        pk = table.primary_key
        wanted = [c.name for c in pk.columns]
        if inspect(conn).get_pk_constraint(table.name)["constrained_columns"] == wanted:
            continue
        cols = ", ".join(f'"{c}"' for c in wanted)
        if conn.dialect.name == "postgresql":
            old_pk = inspect(conn).get_pk_constraint(table.name)["name"]
            conn.exec_driver_sql(f'ALTER TABLE {table.name} DROP CONSTRAINT "{old_pk}"')
            conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD CONSTRAINT {pk.name} "
                                 f"PRIMARY KEY ({cols})")
            continue
        old = f"{table.name}_v3"
        for index in table.indexes:  # their names are needed for the new table's
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS {index.name}")
        conn.exec_driver_sql(f"ALTER TABLE {table.name} RENAME TO {old}")
        table.create(conn)
        every = ", ".join(f'"{c.name}"' for c in table.columns)
        conn.exec_driver_sql(f"INSERT INTO {table.name} ({every}) SELECT {every} FROM {old}")
        conn.exec_driver_sql(f"DROP TABLE {old}")


def _detach(conn: Connection, raw: Any) -> None:
    """The packed rows let go of; a connection that cannot is not used again."""
    try:
        row_pack.detach(raw)
    except sqlite3.Error:
        conn.invalidate()


def get_meta(conn: Connection, key: str) -> str | None:
    return conn.scalar(select(cs.meta.c.value).where(cs.meta.c.key == key))


def set_meta(conn: Connection, key: str, value: str) -> None:
    if get_meta(conn, key) is None:
        conn.execute(cs.meta.insert().values(key=key, value=value))
    else:
        conn.execute(cs.meta.update().where(cs.meta.c.key == key).values(value=value))


def store_event(conn: Connection) -> str | None:
    """The event id the store belongs to (an earlier posapp's stored key counts), or None."""
    theirs = get_meta(conn, EVENT_META)
    if theirs is None:
        key_text = get_meta(conn, KEY_META)
        if key_text is not None:
            with contextlib.suppress(PosError):
                theirs = fingerprint(parse_key(key_text))
    return theirs


def claim_event(conn: Connection, ours: str | None, stand_code: str) -> str | None:
    """Inside a writer's transaction: the store's event id, recorded as *ours* (the
    writer's) when the store has none yet and is new, or already holds entries of the
    writing stand (a store made before stores kept their event: the stand's entries there
    show it belongs). A store that holds only other stands' entries and no event is left
    unrecorded: its own stands record it when they next write."""
    theirs = store_event(conn)
    if theirs is not None:
        if get_meta(conn, EVENT_META) is None:
            set_meta(conn, EVENT_META, theirs)
        return theirs
    if ours is None:
        return None
    held_any = conn.scalar(select(cs.stand.c.code).limit(1)) is not None
    held_this = conn.scalar(
        select(cs.stand.c.last_seq).where(cs.stand.c.code == stand_code)) or 0
    if not held_any or held_this > 0:
        set_meta(conn, EVENT_META, ours)
        return ours
    return None


def _engine(target: str, *, create: bool) -> Engine:
    target = target.strip()
    if not target:
        raise NotFound("central.not_given")
    if "://" not in target:
        return _sqlite_engine(Path(target).expanduser(), create=create)
    try:
        url = make_url(target)
    except (ArgumentError, ValueError):
        raise NotFound("central.not_a_url", target=target) from None
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(Path(url.database or ""), create=create)
    if url.get_backend_name() != "postgresql":
        raise NotFound("central.not_postgresql", backend=url.get_backend_name())
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    try:
        return create_engine(url, pool_pre_ping=True,
                             connect_args={"connect_timeout": 10})
    except ImportError as exc:
        raise StorageError("central.needs_psycopg", detail=str(exc)) from None


def _sqlite_engine(path: Path, *, create: bool) -> Engine:
    if path.is_dir():
        raise NotFound("central.is_folder", target=str(path))
    if not path.exists():
        if not create:
            raise NotFound("central.missing", target=str(path))
        if not path.parent.is_dir():
            raise NotFound("central.folder_missing", folder=str(path.parent))
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # BEGIN is ours
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA cache_size = -131072")  # 128 MB: merges insert into big indexes
        cur.close()

    return engine


def _storage_error(exc: DBAPIError, label: str) -> StorageError:
    detail = " ".join(str(exc.orig).split()) if exc.orig is not None else str(exc)
    if "locked" in detail or "busy" in detail:
        return StorageError("central.busy", target=label)
    return StorageError("central.cannot_use", target=label, detail=detail[:200])

