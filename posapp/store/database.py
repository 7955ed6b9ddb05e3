"""Opening a stand's SQLite file: pragmas, migrations (after a backup), and clear refusals."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DBAPIError

from posapp.domain.errors import StorageError
from posapp.domain.messages import msg

#: The newest migration this posapp knows. A test checks it equals Alembic's head.
SCHEMA_HEAD = "0008"
MIGRATIONS = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_MS = 5_000


def sqlite_engine(path: Path) -> Engine:
    """An engine on *path* with ``synchronous=FULL``, foreign keys and a busy timeout.

    Transactions that write start with ``BEGIN IMMEDIATE`` (see ``UnitOfWork``), so two
    writers queue on the lock instead of failing half-way through a sale. WAL mode is
    switched on by ``migrate`` once the file is known to be a stand database, so opening a
    foreign file never writes to it. ``BUSY_TIMEOUT_MS`` is read here, when the engine is made.
    """
    timeout_ms = BUSY_TIMEOUT_MS
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": timeout_ms / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(timeout_ms)}")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # on the driver itself: through exec_driver_sql it cost more than SQLite's BEGIN,
        # and every unit of work (every sale) pays it; a refusal comes out as from there
        sql = "BEGIN IMMEDIATE" if conn.get_execution_options().get("immediate") else "BEGIN"
        try:
            cast(sqlite3.Connection, conn.connection.driver_connection).execute(sql)
        except sqlite3.Error as exc:
            raise DBAPIError.instance(sql, (), exc, sqlite3.Error) from exc

    return engine


def use_wal(engine: Engine) -> None:
    """Switch the file to WAL mode (kept in the file; a no-op when it is already WAL)."""
    try:
        raw = engine.raw_connection()  # outside any transaction, as SQLite requires
    except DBAPIError as exc:
        raise storage_error(exc, _path_of(engine), reading=True) from None
    try:
        cur = raw.cursor()
        if cur.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            cur.execute("PRAGMA journal_mode = WAL")
        cur.close()
    except sqlite3.Error as exc:
        raise storage_error(exc, _path_of(engine), reading=True) from None
    finally:
        raw.close()


def backup_file(source: Path, target: Path) -> Path:
    """A consistent copy of a live SQLite file through SQLite's online backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    copy_database(source, target)
    return target


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of the live SQLite file *source* at *target* (online backup API,
    WAL included; *target*'s folder must exist: a USB stick that went away is not made
    again on the laptop)."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def current_revision(engine: Engine) -> str | None:
    """The schema revision of the file, None for an empty file; refuses foreign files."""
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            if not tables:
                return None
            if "alembic_version" not in tables or "journal" not in tables:
                raise not_a_stand_database(_path_of(engine))
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError as exc:
        raise storage_error(exc, _path_of(engine), reading=True) from None


def not_a_stand_database(path: Path | str | None) -> StorageError:
    if not path:
        return StorageError("storage.file_not_a_stand_database")
    return StorageError("storage.not_a_stand_database", path=str(path))


def _path_of(engine: Engine) -> str | None:
    return engine.url.database


def migrate(engine: Engine, path: Path, backup_dir: Path, *,
            existing: bool = False) -> Path | None:
    """Bring the file to SCHEMA_HEAD, copying it to *backup_dir* first if it has data.
    *existing*: the file is a stand's that was there already, so one without tables is
    refused as not a stand database (never made an empty stand).

    Returns the backup's path when one was made.
    """
    revision = current_revision(engine)
    if revision is None and existing:
        raise not_a_stand_database(path)
    known = revision in (None, SCHEMA_HEAD) or any(
        (MIGRATIONS / "versions").glob(f"{revision}_*.py"))
    if not known:
        raise StorageError("storage.newer_schema", revision=revision)
    use_wal(engine)
    if revision == SCHEMA_HEAD:
        return None
    backup = None
    if revision is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = backup_dir / f"{path.stem}-{revision}-{stamp}.sqlite"
        try:
            backup = backup_file(path, target)
        except (OSError, sqlite3.Error) as exc:
            raise StorageError("storage.migration_backup_failed", name=path.name,
                               folder=str(backup_dir), detail=str(exc)) from None
    try:
        run_alembic_upgrade(engine)
    except DBAPIError as exc:
        raise storage_error(exc, path) from None
    return backup


def run_alembic_upgrade(engine: Engine) -> None:
    from alembic import command  # imported only when a migration is due (saves start-up time)
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def storage_error(exc: DBAPIError | sqlite3.Error, path: Path | str | None = None, *,
                  reading: bool = False) -> StorageError:
    """Turn a driver error into a one-line reason a person can act on; *reading*: it came
    while opening or reading, so a full disk stopped a read, not a save."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    text_ = str(orig) if orig is not None else str(exc)
    low = text_.lower()
    db = msg("storage.the_stand_database_at", path=str(path)) if path \
        else msg("storage.the_stand_database")
    if "locked" in low or "busy" in low:
        return StorageError("storage.busy", db=db)
    if "readonly" in low or "read-only" in low:
        return StorageError("storage.read_only", db=db)
    if "not a database" in low or "malformed" in low:
        return not_a_stand_database(path)
    if "unable to open" in low:
        return StorageError("storage.cannot_open", db=db)
    if "disk" in low and ("full" in low or "i/o" in low):
        if reading:
            return StorageError("storage.disk_failing_reading", db=db)
        return StorageError("storage.disk_failing")
    first = text_.splitlines()[0] if text_ else "unknown"
    return StorageError("storage.database_error", detail=first)
