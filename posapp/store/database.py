"""Opening a stand's SQLite file: pragmas, migrations (after a backup), and clear refusals."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DBAPIError, OperationalError

from posapp.domain.errors import StorageError

#: The newest migration this posapp knows. A test checks it equals Alembic's head.
SCHEMA_HEAD = "0001"
MIGRATIONS = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_MS = 5_000


def sqlite_engine(path: Path) -> Engine:
    """An engine on *path* with WAL, ``synchronous=FULL``, foreign keys and a busy timeout.

    Transactions that write start with ``BEGIN IMMEDIATE`` (see ``UnitOfWork``), so two
    writers queue on the lock instead of failing half-way through a sale.
    """
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        immediate = conn.get_execution_options().get("immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def backup_file(source: Path, target: Path) -> Path:
    """A consistent copy of a live SQLite file through SQLite's online backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def current_revision(engine: Engine) -> str | None:
    """The schema revision of the file, None for an empty file; refuses foreign files."""
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            if not tables:
                return None
            if "alembic_version" not in tables or "journal" not in tables:
                raise StorageError("this file is not a posapp stand database")
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError as exc:
        raise storage_error(exc) from None


def migrate(engine: Engine, path: Path, backup_dir: Path) -> Path | None:
    """Bring the file to SCHEMA_HEAD, copying it to *backup_dir* first if it has data.

    Returns the backup's path when one was made.
    """
    revision = current_revision(engine)
    if revision == SCHEMA_HEAD:
        return None
    if revision is not None and not any((MIGRATIONS / "versions").glob(f"{revision}_*.py")):
        raise StorageError(
            f"this stand database (schema {revision}) is from a newer posapp: update posapp"
        )
    backup = None
    if revision is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = backup_file(path, backup_dir / f"{path.stem}-{revision}-{stamp}.sqlite")
    run_alembic_upgrade(engine)
    return backup


def run_alembic_upgrade(engine: Engine) -> None:
    from alembic import command  # imported only when a migration is due (saves start-up time)
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def storage_error(exc: DBAPIError) -> StorageError:
    """Turn a driver error into a one-line reason a person can act on."""
    text_ = str(exc.orig) if exc.orig is not None else str(exc)
    low = text_.lower()
    if "locked" in low or "busy" in low:
        return StorageError("the stand database is busy (another posapp is using it); try again")
    if "readonly" in low or "read-only" in low:
        return StorageError("the stand database is read-only: check the file's permissions")
    if "not a database" in low or "malformed" in low:
        return StorageError("this file is not a posapp stand database (or it is damaged)")
    if "unable to open" in low:
        return StorageError("cannot open the stand database: check the data folder")
    if "disk" in low and ("full" in low or "i/o" in low):
        return StorageError("the disk is full or failing: the last action was not saved")
    return StorageError(f"database error: {text_.splitlines()[0] if text_ else 'unknown'}")


@contextmanager
def translated_errors() -> Iterator[None]:
    """Re-raise driver errors as StorageError with a clear reason."""
    try:
        yield
    except OperationalError as exc:
        raise storage_error(exc) from None
