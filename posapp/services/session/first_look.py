"""What a stand window shows first, read with plain sqlite3 before SQLAlchemy is loaded.

The stand's details, the cashiers' names, the open shift's number and the language: each
one indexed read of a small table, so the window paints its first screen without waiting
for SQLAlchemy's ORM (most of a start's time). The same figures are read through the unit
of work once it is loaded; these reads follow the services' rules (``stand.load``,
``users.list_users``, ``shifts.open_shift_row``, ``settings.load``'s language).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from posapp.bootstrap import StandHandle
from posapp.domain.errors import NotFound
from posapp.domain.stand import StandInfo

#: The languages a stand may be set to (``services.settings.LANGUAGES``; a test holds them
#: equal) and the one used when the setting is missing or not one of them.
LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"


@dataclass(frozen=True)
class FirstLook:
    """The first screen's figures."""

    info: StandInfo
    language: str


def read(handle: StandHandle) -> FirstLook:
    """The stand's details and language (NotFound ``stand.not_set_up`` when it has none)."""
    with _reading(handle) as conn:
        row = conn.execute("SELECT code, name, province, event_name, timezone FROM stand "
                           "LIMIT 1").fetchone()
        stored = conn.execute("SELECT value FROM setting WHERE key = 'language'").fetchone()
    if row is None:
        raise NotFound("stand.not_set_up")
    language = str(stored[0]) if stored is not None else DEFAULT_LANGUAGE
    return FirstLook(StandInfo(*row), language if language in LANGUAGES else DEFAULT_LANGUAGE)


def user_names(handle: StandHandle) -> list[str]:
    """The active users' names, sorted as ``users.list_users`` sorts them."""
    with _reading(handle) as conn:
        rows = conn.execute("SELECT name FROM app_user WHERE active = 1 ORDER BY name")
        return [str(r[0]) for r in rows]


def open_shift_number(handle: StandHandle) -> int | None:
    """The open shift's number, or None when no shift is open."""
    with _reading(handle) as conn:
        row = conn.execute("SELECT number FROM shift WHERE closed_at IS NULL LIMIT 1").fetchone()
    return int(row[0]) if row is not None else None


@contextmanager
def _reading(handle: StandHandle) -> Iterator[sqlite3.Connection]:
    """The stand's kept plain connection for a few reads; a driver error becomes the
    one-line ``StorageError`` the unit of work would give."""
    try:
        yield handle.reader()
    except sqlite3.Error as exc:
        from posapp.store.database import storage_error

        raise storage_error(exc, handle.path, reading=True) from None
