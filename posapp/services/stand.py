"""Stand set-up and the stand's own details."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select

from posapp.domain.errors import InvalidInput, NotFound
from posapp.domain.stand import StandInfo
from posapp.domain.text import TextKind, clean_text
from posapp.store.models import StandRow
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
        row = uow.session.scalar(select(StandRow))
        if row is not None and row.code != code:
            raise InvalidInput("stand.other_stand", stand=row.code, code=code)
        if row is None:
            row = StandRow(code=code, created_at=uow.clock())
            uow.session.add(row)
        row.name, row.province, row.event_name, row.timezone = name, province, event_name, timezone
        uow.commit()
        return _info(row)


def get(uow: UnitOfWork) -> StandInfo:
    with uow:
        return load(uow)


def load(uow: UnitOfWork) -> StandInfo:
    """The stand's details, inside an open unit of work."""
    row = uow.session.scalar(select(StandRow))
    if row is None:
        raise NotFound("stand.not_set_up")
    return _info(row)


def _info(row: StandRow) -> StandInfo:
    return StandInfo(row.code, row.name, row.province, row.event_name, row.timezone)
