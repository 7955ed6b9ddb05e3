"""Wiring in one place: the data folder, a stand's database, its unit-of-work factory.

Nothing is created at import time; callers build a ``StandHandle`` and pass it on.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from posapp.domain.errors import InvalidInput, NotFound, StorageError
from posapp.store.database import migrate, sqlite_engine
from posapp.store.uow import Clock, UnitOfWork, utc_now

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
        raise InvalidInput(
            f"stand code {code!r} must be 2-16 letters or digits, starting with a letter"
        )
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
            raise StorageError(
                f"cannot write to the data folder {self.root}: {exc.strerror or exc}; "
                "choose another folder with --data-dir, or give your user write access to it"
            ) from None

    def resolve_stand(self, code: str | None) -> str:
        """The stand to use: *code*, or the only stand in the folder."""
        codes = self.stand_codes()
        if code:
            norm = normalize_stand_code(code)
            if norm not in codes:
                raise NotFound(f"no stand {norm} in {self.root} (run 'posapp init' first)")
            return norm
        if not codes:
            raise NotFound(
                f"no stand in {self.root} yet: run 'posapp init --stand CODE --name NAME'"
            )
        if len(codes) > 1:
            raise InvalidInput(f"several stands here ({', '.join(codes)}): choose one with --stand")
        return codes[0]


@dataclass
class StandHandle:
    """An open stand database: what services need to run against it."""

    code: str
    path: Path
    engine: Engine
    clock: Clock = field(default=utc_now)

    def uow(self, *, write: bool = True) -> UnitOfWork:
        return UnitOfWork(self.engine, clock=self.clock, write=write)

    def close(self) -> None:
        self.engine.dispose()


def check_writable(path: Path) -> None:
    """Refuse a stand file posapp could not save to: the file and, for SQLite's WAL and
    shared-memory files, its folder must be writable."""
    if not os.access(path, os.W_OK):
        raise StorageError(
            f"the stand database {path} is read-only: give your user write access to it"
        )
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise StorageError(
            f"the folder {path.parent} is read-only: posapp keeps working files next to the "
            "stand database there; give your user write access to it"
        )


def open_stand(data: DataDir, code: str, *, create: bool = False, clock: Clock = utc_now) -> (
    StandHandle
):
    """Open (or with *create*, make) the database of stand *code*, migrated to the head."""
    path = data.stand_path(code)
    if create:
        data.ensure_writable()
    elif not path.exists():
        raise NotFound(f"no stand {code} in {data.root}")
    else:
        check_writable(path)
    engine = sqlite_engine(path)
    try:
        migrate(engine, path, data.backups_dir)
    except BaseException:
        engine.dispose()
        raise
    return StandHandle(code=normalize_stand_code(code), path=path, engine=engine, clock=clock)
