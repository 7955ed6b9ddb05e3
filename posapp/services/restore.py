"""Restoring a stand from a backup copy: checked first, the current database kept aside.

The copy must be a posapp stand database whose journal chain is whole; a copy of another
stand than the one it replaces is refused unless forced. The database it replaces is first
copied into the data folder's backups, so a wrong restore can be undone.

Backups hold no PIN hashes (docs/backups.md). Each user of the copy gets back the PIN this
computer's stand database has for the same name; a user this computer does not know (a
new laptop) gets a new PIN, asked through *new_pin* before anything is replaced.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from posapp.bootstrap import DataDir, normalize_stand_code, open_stand
from posapp.domain.errors import InvalidInput, NotAllowed, StorageError
from posapp.domain.journal import Entry, verify_chain
from posapp.domain.policy import Role, check_pin_for
from posapp.domain.security import hash_pin
from posapp.services.users import Action, Approval, approve
from posapp.store.database import MIGRATIONS, SCHEMA_HEAD, copy_database


@dataclass(frozen=True)
class RestoreResult:
    stand: str
    entries: int  # journal entries in the restored database
    sales: int
    replaced: Path | None  # where the database it replaced was kept
    new_pins: tuple[str, ...] = ()  # the users given a new PIN (unknown on this computer)


#: Asked for a user's new PIN: (name, role) -> the PIN.
NewPin = Callable[[str, str], str]


def restore(data: DataDir, file: Path, *, stand: str | None = None,
            force: bool = False, new_pin: NewPin | None = None,
            approval: Approval | None = None) -> RestoreResult:
    """Put the backup *file* in place of stand *stand* (default: the stand it is a copy of).

    Users whose PIN this computer does not have get one from *new_pin* (supervisors first,
    then by name); without *new_pin* such a restore is refused and nothing changes. A
    supervisor of the stand it replaces approves (*approval*, checked in that stand's
    database, wrong PINs counted there); a stand not on this computer yet needs none."""
    code, entries, sales = _check_copy(file)
    target = normalize_stand_code(stand) if stand else code
    if target != code and not force:
        raise NotAllowed("restore.other_stand", file=file.name, stand=code, target=target)
    data.ensure_writable()
    path = data.stand_path(target)
    if path.exists():
        _approve(data, target, approval)
    staged = data.stands_dir / f".{target}-restore.part"
    replaced = None
    try:
        staged.unlink(missing_ok=True)
        copy_database(file, staged)
        renewed = _give_pins(staged, path if path.exists() else None, file, new_pin)
        if path.exists():
            data.backups_dir.mkdir(parents=True, exist_ok=True)
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            replaced = data.backups_dir / f"{target}-before-restore-{stamp}.sqlite"
            copy_database(path, replaced)
        copy_database(staged, path)
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise StorageError("restore.stand_open", stand=target) from None
        raise StorageError("restore.cannot_write", path=str(path), detail=str(exc)) from None
    except OSError as exc:
        raise StorageError("restore.cannot_write", path=str(path),
                           detail=str(exc.strerror or exc)) from None
    finally:
        staged.unlink(missing_ok=True)
    return RestoreResult(target, entries, sales, replaced, renewed)


def _approve(data: DataDir, code: str, approval: Approval | None) -> None:
    """A supervisor of the stand *code* approves; a database too damaged to open has no
    one to ask (it is kept aside before the copy replaces it)."""
    try:
        handle = open_stand(data, code)
    except StorageError:
        return
    try:
        with handle.uow(write=False) as uow:
            approve(uow, Action.RESTORE, actor=None, approval=approval)
    finally:
        handle.close()


def _give_pins(staged: Path, current: Path | None, file: Path,
               new_pin: NewPin | None) -> tuple[str, ...]:
    """Give the active users of *staged* (a backup: no PIN hashes) the PIN *current* (the
    database it replaces) has for their name, else a new one; the names given a new one."""
    known: dict[str, str] = {}
    if current is not None:
        src = sqlite3.connect(f"file:{current}?mode=ro", uri=True)
        try:
            known = dict(src.execute(
                "SELECT name_key, pin_hash FROM app_user WHERE pin_hash != ''").fetchall())
        except sqlite3.DatabaseError:
            known = {}  # a damaged database being replaced: every PIN is new
        finally:
            src.close()
    conn = sqlite3.connect(staged)
    try:
        blank = conn.execute(
            "SELECT id, name, name_key, role FROM app_user WHERE active AND pin_hash = '' "
            "ORDER BY role != 'supervisor', name_key").fetchall()
        missing = [name for _, name, key, _ in blank if key not in known]
        if missing and new_pin is None:
            raise NotAllowed("restore.needs_new_pins", file=file.name, users=missing)
        renewed = []
        for user_id, name, key, role in blank:
            if key in known:
                pin_hash = known[key]
            else:
                assert new_pin is not None
                pin_hash = hash_pin(check_pin_for(Role(role), new_pin(name, role)))
                renewed.append(name)
            conn.execute("UPDATE app_user SET pin_hash = ? WHERE id = ?", (pin_hash, user_id))
        conn.commit()
        return tuple(renewed)
    finally:
        conn.close()


def _check_copy(file: Path) -> tuple[str, int, int]:
    """The stand code, journal entries and sales of the backup *file*, once it checks out."""
    if not file.is_file():
        raise InvalidInput("restore.no_file", file=str(file))
    try:
        conn = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise InvalidInput("restore.unreadable", file=str(file), detail=str(exc)) from None
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"stand", "journal", "alembic_version"} <= tables:
            raise InvalidInput("restore.not_a_stand_database", file=str(file))
        (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision != SCHEMA_HEAD and not any(
                (MIGRATIONS / "versions").glob(f"{revision}_*.py")):
            raise InvalidInput("restore.newer_schema", file=str(file), revision=revision)
        row = conn.execute("SELECT code FROM stand").fetchone()
        if row is None:
            raise InvalidInput("restore.no_stand", file=str(file))
        entries = [Entry(*r) for r in conn.execute(
            "SELECT seq, stand, at, kind, payload, prev_hash, hash FROM journal ORDER BY seq")]
        broken = verify_chain(entries)
        if broken is not None:
            raise InvalidInput("restore.broken_journal", file=str(file), seq=broken.seq,
                               reason=broken.reason)
        (sales,) = conn.execute("SELECT COUNT(*) FROM sale").fetchone()
        return row[0], len(entries), int(sales)
    except sqlite3.DatabaseError as exc:
        raise InvalidInput("restore.damaged", file=str(file), detail=str(exc)) from None
    finally:
        conn.close()
