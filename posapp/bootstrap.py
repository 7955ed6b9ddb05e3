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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from posapp.domain.errors import InvalidInput, NotFound, StorageError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from posapp.store.uow import Clock, UnitOfWork

log = logging.getLogger(__name__)
STAND_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,15}$")
DB_SUFFIX = ".sqlite"


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


def _utc_now() -> Clock:
    """The store's clock (the computer's time in UTC), loaded with the store."""
    from posapp.store.uow import utc_now

    return utc_now


@dataclass
class StandHandle:
    """An open stand database: what services need to run against it."""

    code: str
    path: Path
    engine: Engine
    clock: Clock = field(default_factory=_utc_now)

    def uow(self, *, write: bool = True) -> UnitOfWork:
        from posapp.store.uow import UnitOfWork

        return UnitOfWork(self.engine, clock=self.clock, write=write)

    def close(self) -> None:
        self.engine.dispose()


def check_writable(path: Path) -> None:
    """Refuse a stand file posapp could not save to: the file and, for SQLite's WAL and
    shared-memory files, its folder must be writable."""
    if not os.access(path, os.W_OK):
        raise StorageError("storage.database_read_only", path=str(path))
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise StorageError("storage.folder_read_only", folder=str(path.parent))


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
               clock: Clock | None = None) -> StandHandle:
    """Open (or with *create*, make) the database of stand *code*, migrated to the head
    (with *clock*, or the computer's UTC time)."""
    from posapp.store.database import check_stand_file, migrate, sqlite_engine

    path = data.stand_path(code)
    if create:
        data.ensure_writable()
    elif not path.exists():
        raise NotFound("stand.not_found_in", stand=code, folder=str(data.root))
    else:
        check_writable(path)
        check_stand_file(path)
    engine = sqlite_engine(path)
    try:
        migrate(engine, path, data.backups_dir, existing=not create)
        _move_secrets_out(path)
    except BaseException:
        engine.dispose()
        raise
    return StandHandle(code=normalize_stand_code(code), path=path, engine=engine,
                       clock=_utc_now() if clock is None else clock)
