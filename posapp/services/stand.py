"""Stand set-up and the stand's own details."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Row, insert, select, update

from posapp.domain.errors import InvalidInput, NotFound
from posapp.domain.stand import StandInfo
from posapp.domain.text import TextKind, clean_text
from posapp.store import tables as t
from posapp.store.uow import UnitOfWork

DEFAULT_TIMEZONE = "Asia/Jakarta"
__all__ = ["DEFAULT_TIMEZONE", "StandInfo", "check_timezone", "get", "load", "set_up"]


def check_timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput("stand.unknown_timezone", name=name) from None
    return name


def set_up(
    uow: UnitOfWork,
    *,
    code: str,
    name: str,
    province: str = "",
    event_name: str = "",
    timezone: str = DEFAULT_TIMEZONE,
) -> StandInfo:
    """Record the stand's details (first time) or update its name, province, event, zone."""
    name = clean_text(name, TextKind.NAME)
    if not name:
        raise InvalidInput("stand.name_missing")
    province = clean_text(province, TextKind.LABEL)
    event_name = clean_text(event_name, TextKind.NAME)
    check_timezone(timezone)
    with uow:
        conn = uow.core
        row = conn.execute(_STAND).first()
        if row is not None and row.code != code:
            raise InvalidInput("stand.other_stand", stand=row.code, code=code)
        values = {"name": name, "province": province, "event_name": event_name,
                  "timezone": timezone}
        if row is None:
            conn.execute(insert(t.stand).values(code=code, created_at=uow.clock(), **values))
        else:
            conn.execute(update(t.stand).where(t.stand.c.code == code).values(values))
        uow.commit()
        return StandInfo(code, name, province, event_name, timezone)


def get(uow: UnitOfWork) -> StandInfo:
    with uow:
        return load(uow)


def load(uow: UnitOfWork) -> StandInfo:
    """The stand's details, inside an open unit of work."""
    row = uow.core.execute(_STAND).first()
    if row is None:
        raise NotFound("stand.not_set_up")
    return _info(row)


def _info(row: Row) -> StandInfo:
    return StandInfo(row.code, row.name, row.province, row.event_name, row.timezone)


_STAND = select(t.stand.c.code, t.stand.c.name, t.stand.c.province, t.stand.c.event_name,
                t.stand.c.timezone).limit(1)
