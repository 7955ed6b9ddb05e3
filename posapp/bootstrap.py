"""Wiring in one place: the data folder, a stand's database, its unit-of-work factory.

Nothing is created at import time; callers build a ``StandHandle`` and pass it on.
SQLAlchemy and the store load when a stand is opened, not on import: the command line
reads ``DataDir`` for every command, ``posapp --version`` included.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from posapp.domain.errors import InvalidInput, NotFound, StorageError
from posapp.domain.messages import msg

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from posapp.store.uow import Clock, UnitOfWork

log = logging.getLogger(__name__)
STAND_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,15}$")
DB_SUFFIX = ".sqlite"
#: How long a read waits for a writer's lock (the engine's ``BUSY_TIMEOUT_MS``, in seconds).
BUSY_TIMEOUT_S = 5.0


def default_data_dir() -> Path:
    """``POSAPP_DATA_DIR`` if set, else the user's data folder (platformdirs)."""
    env = os.environ.get("POSAPP_DATA_DIR")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("posapp", appauthor=False))


def normalize_stand_code(code: str) -> str:
    norm = code.strip().upper()
    if not STAND_CODE.match(norm):
        raise InvalidInput("stand.bad_code", code=code)
    return norm


@dataclass(frozen=True)
class DataDir:
    """The folder that holds one database per stand, and their backups."""

    root: Path

    @property
    def stands_dir(self) -> Path:
        return self.root / "stands"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    def stand_path(self, code: str) -> Path:
        return self.stands_dir / f"{normalize_stand_code(code)}{DB_SUFFIX}"

    def stand_codes(self) -> list[str]:
        if not self.stands_dir.is_dir():
            return []
        return sorted(p.stem for p in self.stands_dir.glob(f"*{DB_SUFFIX}"))

    def ensure_writable(self) -> None:
        """Create the folders, or say in one line why they cannot be used."""
        try:
            self.stands_dir.mkdir(parents=True, exist_ok=True)
            probe = self.stands_dir / ".write-test"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise StorageError("storage.data_folder_not_writable", folder=str(self.root),
                               detail=str(exc.strerror or exc)) from None

    def resolve_stand(self, code: str | None) -> str:
        """The stand to use: *code*, or the only stand in the folder."""
        codes = self.stand_codes()
        if code:
            norm = normalize_stand_code(code)
            if norm not in codes:
                raise NotFound("stand.not_in_folder", stand=norm, folder=str(self.root))
            return norm
        if not codes:
            raise NotFound("stand.none_in_folder", folder=str(self.root))
        if len(codes) > 1:
            raise InvalidInput("stand.several", codes=codes)
        return codes[0]


def utc_now() -> datetime:
    """The computer's time in UTC, without tzinfo (how every time is stored; the store's
    ``utc_now``, without loading the store)."""
    return datetime.now(UTC).replace(tzinfo=None)


def _utc_now() -> Clock:
    return utc_now


@dataclass
class StandHandle:
    """An open stand database: what services need to run against it.

    The SQLAlchemy engine is made when it is first asked for (``engine``): a stand opened
    with ``open_stand(..., lazy=True)`` can be read through ``connect()`` (plain sqlite3)
    before SQLAlchemy is even imported, which is how the window paints sooner."""

    code: str
    path: Path
    _engine: Engine | None = field(default=None, repr=False)
    clock: Clock = field(default_factory=_utc_now)
    #: What is left of opening the stand once SQLAlchemy is loaded (``open_stand``'s rest).
    _finish: Callable[[], Engine] | None = field(default=None, repr=False)
    _readers: dict[int, sqlite3.Connection] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def engine(self) -> Engine:
        """The stand's engine (made, and the opening finished, on first use)."""
        if self._engine is None:
            if self._finish is None:
                raise RuntimeError(f"stand {self.code} has no engine")
            self._engine, self._finish = self._finish(), None
        return self._engine

    @property
    def engine_ready(self) -> bool:
        """True once the engine is made (SQLAlchemy and the store loaded)."""
        return self._engine is not None

    def reader(self) -> sqlite3.Connection:
        """This thread's plain sqlite3 connection to the stand, opened once and kept until
        ``close``: in autocommit (each statement its own snapshot), with the engine's busy
        timeout; for cheap reads (the first screen, scans, searches). Kept open, it spares
        every read the opening of the file (in WAL mode, the last connection to close
        checkpoints and removes the WAL file, and the next one makes it again)."""
        key = threading.get_ident()
        conn = self._readers.get(key)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                   check_same_thread=False)
            with self._lock:
                self._readers[key] = conn
        return conn

    def uow(self, *, write: bool = True) -> UnitOfWork:
        from posapp.store.uow import UnitOfWork

        return UnitOfWork(self.engine, clock=self.clock, write=write)

    def close(self) -> None:
        with self._lock:
            readers, self._readers = list(self._readers.values()), {}
        for conn in readers:
            conn.close()
        if self._engine is not None:
            self._engine.dispose()


def check_writable(path: Path) -> None:
    """Refuse a stand file posapp could not save to: the file and, for SQLite's WAL and
    shared-memory files, its folder must be writable."""
    if not os.access(path, os.W_OK):
        raise StorageError("storage.database_read_only", path=str(path))
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise StorageError("storage.folder_read_only", folder=str(path.parent))


SQLITE_HEADER = b"SQLite format 3\x00"


def check_stand_file(path: Path) -> None:
    """Refuse an existing stand file that cannot be a whole SQLite database before anything
    opens it: empty, zero-filled or another file's bytes (no SQLite header), or shorter than
    its header says (cut off by a full stick or a copy that stopped). SQLite itself would
    make an empty file a new database and read a short one as far as it goes."""
    try:
        with path.open("rb") as f:
            head = f.read(100)
        size = path.stat().st_size
    except OSError as exc:
        raise StorageError("storage.cannot_open", db=msg(
            "storage.the_stand_database_at", path=str(path))) from exc
    if len(head) < 100 or not head.startswith(SQLITE_HEADER):
        raise StorageError("storage.not_a_stand_database", path=str(path))
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    header_count_valid = head[24:28] == head[92:96]  # SQLite's rule for the in-header size
    if page_size < 512 or (header_count_valid and size < pages * page_size):
        raise StorageError("storage.not_a_stand_database", path=str(path))


def _move_secrets_out(path: Path) -> None:
    """An event key or central password an earlier posapp kept in the database goes to
    this computer's secret store; when that cannot be written, the stand still opens."""
    from posapp.store.secrets import move_secrets_out

    try:
        move_secrets_out(path)
    except StorageError as exc:
        log.warning("secrets of %s not moved out of its database: %s", path.name,
                    exc.message)
    except sqlite3.Error as exc:  # busy beyond its timeout: the next open moves them
        log.warning("secrets of %s not moved out of its database: %s", path.name, exc)


def open_stand(data: DataDir, code: str, *, create: bool = False,
               clock: Clock | None = None, lazy: bool = False) -> StandHandle:
    """Open (or with *create*, make) the database of stand *code*, migrated to the head
    (with *clock*, or the computer's UTC time).

    *lazy*: when the file is already at the newest schema in WAL mode (checked with plain
    sqlite3), SQLAlchemy is not loaded here: the engine is made, and the secrets an older
    posapp kept in the file are moved out, when the handle's engine is first used."""
    path = data.stand_path(code)
    if create:
        data.ensure_writable()
    elif not path.exists():
        raise NotFound("stand.not_found_in", stand=code, folder=str(data.root))
    else:
        check_writable(path)
        check_stand_file(path)
    norm = normalize_stand_code(code)
    at_clock = _utc_now() if clock is None else clock
    if lazy and not create:
        handle = StandHandle(code=norm, path=path, clock=at_clock,
                             _finish=lambda: _finish_opening(path))
        if _at_head(handle.reader()):
            return handle
        handle.close()
    return StandHandle(code=norm, path=path, _engine=_open_engine(data, path, create=create),
                       clock=at_clock)


def _open_engine(data: DataDir, path: Path, *, create: bool) -> Engine:
    from posapp.store.database import migrate, sqlite_engine

    engine = sqlite_engine(path)
    try:
        migrate(engine, path, data.backups_dir, existing=not create)
        _move_secrets_out(path)
    except BaseException:
        engine.dispose()
        raise
    return engine


def _finish_opening(path: Path) -> Engine:
    """The rest of a lazy ``open_stand``: the engine, and the secrets moved out."""
    from posapp.store.database import sqlite_engine

    _move_secrets_out(path)
    return sqlite_engine(path)


def schema_head() -> str:
    """The newest migration's revision, read from the migration files' names (without
    loading the store, which loads SQLAlchemy; a test holds it to ``SCHEMA_HEAD``); ""
    when none is found (the whole opening then decides)."""
    versions = Path(__file__).parent / "store" / "migrations" / "versions"
    return max((p.name.split("_", 1)[0] for p in versions.glob("[0-9]*_*.py")), default="")


def _at_head(conn: sqlite3.Connection) -> bool:
    """True when the stand file of *conn* is at the newest schema, in WAL mode: nothing to
    migrate. Any doubt (an error, another revision) is False: the full opening decides."""
    try:
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        tables = {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name IN ('alembic_version', 'journal')")}
        if mode != "wal" or len(tables) != 2:
            return False
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row is not None and row[0] == schema_head()
    except sqlite3.Error:
        return False
