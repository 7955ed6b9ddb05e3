"""A new stand, made whole or not at all: the command line's ``init``, the demo stand and the
window's set-up wizard all make stands here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from posapp.bootstrap import DataDir, StandHandle, normalize_stand_code, open_stand
from posapp.domain.catalog import CatalogRow
from posapp.domain.errors import InvalidInput
from posapp.services import catalog, event, settings, stand, users
from posapp.services.stand import DEFAULT_TIMEZONE, StandInfo
from posapp.services.users import Role


@dataclass(frozen=True)
class Person:
    name: str
    role: Role
    pin: str


@dataclass(frozen=True)
class NewStand:
    """Everything a stand starts with; only the code and the name are required."""

    code: str
    name: str
    province: str = ""
    event_name: str = ""
    timezone: str = DEFAULT_TIMEZONE
    catalog: Sequence[CatalogRow] = ()
    people: Sequence[Person] = ()
    event_key: str = ""  # the organizers' event key, as typed or scanned
    central: str = ""  # the central store: a file or a postgresql:// URL


def create_stand(data: DataDir, new: NewStand) -> StandInfo:
    """Make stand *new* in *data*: its details, catalog, people, event and central store, or,
    when any step is refused, nothing at all (the half-made database is removed)."""
    code = normalize_stand_code(new.code)
    if data.stand_path(code).exists():
        raise InvalidInput("stand.exists", code=code, folder=str(data.root))
    try:
        handle = open_stand(data, code, create=True)
    except BaseException:
        _remove(data.stand_path(code))  # it may have been half made
        raise
    try:
        info = _fill(handle, code, new)
    except BaseException:
        handle.close()
        _remove(handle.path)
        raise
    handle.close()
    return info


def _fill(handle: StandHandle, code: str, new: NewStand) -> StandInfo:
    info = stand.set_up(handle.uow(), code=code, name=new.name, province=new.province,
                        event_name=new.event_name, timezone=new.timezone)
    if new.catalog:
        catalog.import_catalog(handle.uow(), new.catalog)
    if new.event_key:
        event.join(handle.uow(), new.event_key)
    if new.central:
        current = settings.get(handle.uow(write=False))
        settings.save(handle.uow(), replace(current, central=new.central))
    # The people last: until the stand has its first supervisor, making it needs no approval.
    for person in new.people:
        users.add_user(handle.uow(), person.name, person.role, person.pin)
    return info


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
