"""Unit of work: one user action is one transaction, rolled back unless committed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from posapp.store.database import storage_error

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current time in UTC, without tzinfo (how every time is stored)."""
    return datetime.now(UTC).replace(tzinfo=None)


class UnitOfWork:
    """``with uow: ...; uow.commit()``. Leaving the block without commit rolls back.

    A writing unit of work (the default) takes SQLite's write lock at the start
    (``BEGIN IMMEDIATE``), so the sequence numbers it reads stay its own until commit.
    """

    def __init__(self, engine: Engine, *, clock: Clock = utc_now, write: bool = True) -> None:
        self.engine = engine
        self.clock = clock
        self.write = write
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        try:
            conn = self.engine.connect().execution_options(immediate=self.write)
            self._conn = conn
            self.session = Session(bind=conn, expire_on_commit=False, autoflush=True)
            self.session.begin()
            if self.write:
                self.session.connection()  # take the write lock now, not at the first INSERT
        except DBAPIError as exc:
            self._close()
            raise storage_error(exc) from None
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self.rollback()
        finally:
            self._close()
        if isinstance(exc, DBAPIError):
            raise storage_error(exc) from None

    def commit(self) -> None:
        try:
            self.session.commit()
        except DBAPIError as exc:
            self.session.rollback()
            raise storage_error(exc) from None

    def rollback(self) -> None:
        if self.session.in_transaction():
            self.session.rollback()

    def _close(self) -> None:
        session = getattr(self, "session", None)
        if session is not None:
            session.close()
        conn = getattr(self, "_conn", None)
        if conn is not None:
            conn.close()


UowFactory = Callable[..., UnitOfWork]
