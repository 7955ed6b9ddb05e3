"""Backups of a stand's database to a second folder (a USB stick), and restoring one.

A copy is made with SQLite's online backup API (consistent while the session keeps selling,
WAL included), first under a temporary name, then renamed: a half-written copy never looks
like a backup. The copy leaves the laptop, so it holds no secret: PIN hashes blanked, no
event key or connection password (they are not in the database; store.secrets.strip_copy
makes sure), vacuumed (docs/backups.md: what a restore then asks). One is made every few
sales and at every shift close; the oldest copies beyond the number to keep are removed.
A missing, read-only or full folder is reported (and remembered for the status bar), never
a refused sale: callers catch BackupProblem.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from posapp.domain.errors import StorageError
from posapp.domain.messages import Message, from_data, to_data
from posapp.printing.report_files import remove_leftovers
from posapp.services import journal
from posapp.services import settings as settings_service
from posapp.store import tables
from posapp.store.database import copy_database
from posapp.store.secrets import strip_copy
from posapp.store.uow import UnitOfWork, utc_now

log = logging.getLogger(__name__)

LAST_KEY = "backup.last"
_NAME = re.compile(r"^(?P<stand>[A-Z0-9_-]+)-(?P<stamp>\d{8}T\d{6}Z)-(?P<seq>\d+)\.sqlite$")


class BackupProblem(StorageError):
    """The copy could not be made (folder gone, read-only or full): selling goes on."""


@dataclass(frozen=True)
class BackupState:
    at: datetime
    ok: bool
    path: str  # the copy, or the folder it should have gone to
    sales: int  # the stand's sales when it was made
    message: str = ""  # why it failed, in English (the log, the command line)
    reason: Message | None = None  # why it failed, to say in the user's language (None when
    #                                it did not, or for a state kept before message ids)


def backup_now(uow: Callable[..., UnitOfWork], stand_code: str, database: Path, *,
               folder: str | None = None, clock: Callable[[], datetime] = utc_now) -> Path:
    """Copy *database* into *folder* (default: the stand's backup folder) now."""
    conf = settings_service.get(uow(write=False))
    target_dir = Path(folder if folder is not None else conf.backup_folder)
    sales = _sales(uow)
    now = clock()
    if not str(target_dir) or str(target_dir) == ".":
        raise BackupProblem("backup.no_folder")
    try:
        if not target_dir.is_dir():
            raise BackupProblem("backup.folder_gone", folder=str(target_dir))
        name = f"{stand_code}-{now.strftime('%Y%m%dT%H%M%SZ')}-{_journal_seq(uow):06d}.sqlite"
        final = target_dir / name
        remove_leftovers(target_dir, f".{stand_code}-")  # of backups that never finished
        partial = target_dir / f".{name}.part"
        try:
            copy_database(database, partial)
            strip_copy(partial)
            os.replace(partial, final)
        except (OSError, sqlite3.Error) as exc:
            partial.unlink(missing_ok=True)
            raise _problem(exc, target_dir) from None
        _prune(target_dir, stand_code, conf.backup_keep)
    except BackupProblem as exc:
        log.warning("backup of stand %s not made: %s", stand_code, exc.message)
        remember(uow, BackupState(now, False, str(target_dir), sales, exc.message,
                                  Message(exc.code, dict(exc.values))))
        raise
    log.info("backup of stand %s: %s", stand_code, final)
    remember(uow, BackupState(now, True, str(final), sales))
    return final


def maybe_backup(uow: Callable[..., UnitOfWork], stand_code: str, database: Path, *,
                 force: bool = False) -> Path | None:
    """A copy when *backup_every* sales have been made since the last one (or *force*, at a
    shift close), if a backup folder is set; None when none was due."""
    conf = settings_service.get(uow(write=False))
    if not conf.backup_folder:
        return None
    last = last_backup(uow(write=False))
    if not force and last is not None and last.ok and \
            _sales(uow) - last.sales < conf.backup_every:
        return None
    return backup_now(uow, stand_code, database)


def last_backup(uow: UnitOfWork) -> BackupState | None:
    data = settings_service.read_note(uow, LAST_KEY)
    try:
        return None if data is None else BackupState(
            datetime.fromisoformat(data["at"]), bool(data["ok"]), data["path"],
            int(data["sales"]), data.get("message", ""), from_data(data.get("reason")))
    except (ValueError, KeyError, TypeError):
        return None


def remember(uow: Callable[..., UnitOfWork], state: BackupState) -> None:
    settings_service.write_note(uow, LAST_KEY, {
        "at": state.at.isoformat(), "ok": state.ok, "path": state.path,
        "sales": state.sales, "message": state.message,
        "reason": to_data(state.reason) if state.reason is not None else None})


def backups_in(folder: Path, stand_code: str) -> list[Path]:
    """The stand's copies in *folder*, oldest first."""
    found = []
    for p in folder.glob(f"{stand_code}-*.sqlite"):
        m = _NAME.match(p.name)
        if m and m["stand"] == stand_code:
            found.append((m["stamp"], p))
    return [p for _, p in sorted(found)]


def _journal_seq(uow: Callable[..., UnitOfWork]) -> int:
    """The last journal entry: in the copy's name, so two copies never share one."""
    with uow(write=False) as r:
        return int(r.core.scalar(select(journal.LAST_SEQ)) or 0)


def _prune(folder: Path, stand_code: str, keep: int) -> None:
    for old in backups_in(folder, stand_code)[:-keep]:
        old.unlink(missing_ok=True)


def _sales(uow: Callable[..., UnitOfWork]) -> int:
    """Sales recorded so far: the last receipt's sequence number (gap-free from 1, sales are
    never deleted), read from its index; a count(*) walked every sale after each sale."""
    with uow(write=False) as r:
        return int(r.core.scalar(select(func.max(tables.sale.c.seq))) or 0)


def _problem(exc: BaseException, folder: Path) -> BackupProblem:
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return BackupProblem("backup.folder_full", folder=str(folder))
    if isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EROFS, errno.EPERM):
        return BackupProblem("backup.read_only", folder=str(folder))
    if isinstance(exc, OSError) and exc.errno in (errno.ENOENT, errno.ENODEV, errno.EIO):
        return BackupProblem("backup.gone_while_copying", folder=str(folder))
    detail = " ".join(str(exc).split())[:160]
    if "full" in detail.lower():
        return BackupProblem("backup.folder_full", folder=str(folder))
    return BackupProblem("backup.copy_failed", folder=str(folder), detail=detail)
