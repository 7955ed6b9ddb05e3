"""Unit of work: one user action is one transaction, rolled back unless committed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from types import TracebackType
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, RootTransaction
from sqlalchemy.exc import DBAPIError

from posapp.store.database import storage_error

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current time in UTC, without tzinfo (how every time is stored)."""
    return datetime.now(UTC).replace(tzinfo=None)


class UnitOfWork:
    """``with uow: ...; uow.commit()``. Leaving the block without commit rolls back.

    The transaction belongs to ``connection``; ``session`` (the ORM) is made on first use
    and joins it, so hot paths that use Core statements only never pay for a Session (nor
    for importing ``sqlalchemy.orm``: ``posapp sell`` runs on Core alone). ``core`` is the
    connection for Core statements in code that may share the unit of work with ORM code.
    A writing unit of work (the default) takes SQLite's write lock at the start
    (``BEGIN IMMEDIATE``), so the sequence numbers it reads stay its own until commit.
    """

    def __init__(self, engine: Engine, *, clock: Clock = utc_now, write: bool = True) -> None:
        self.engine = engine
        self.clock = clock
        self.write = write
        self._conn: Connection | None = None
        self._tx: RootTransaction | None = None
        self._session: Session | None = None
        self._kept: list[Callable[[Connection], None]] = []

    def keep(self, write: Callable[[Connection], None]) -> None:
        """*write* is stored whether this unit of work commits or not: with its commit, or in
        a transaction of its own after it rolls back (a wrong PIN is counted although the
        action it was typed for is refused and leaves nothing else behind)."""
        self._kept.append(write)

    def __enter__(self) -> UnitOfWork:
        try:
            self._conn = self.engine.connect()
            self._conn.execution_options(immediate=self.write)
            self._tx = self._conn.begin()
        except DBAPIError as exc:
            self._close()
            raise storage_error(exc, reading=not self.write) from None
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self.rollback()
            self._store_kept()
        finally:
            self._close()
        if isinstance(exc, DBAPIError):
            raise storage_error(exc, reading=not self.write) from None

    @property
    def connection(self) -> Connection:
        if self._conn is None:
            raise RuntimeError("use the unit of work inside 'with'")
        return self._conn

    @property
    def core(self) -> Connection:
        """The connection, once what the ORM session (if one was made) holds unsaved is
        flushed: a Core statement sees what the session added, as an ORM query would."""
        if self._session is not None:
            self._session.flush()
        return self.connection

    @property
    def session(self) -> Session:
        if self._session is None:
            from sqlalchemy.orm import Session  # loaded only by code that uses the ORM

            self._session = Session(bind=self.connection, expire_on_commit=False)
        return self._session

    def commit(self) -> None:
        try:
            for write in self._kept:
                write(self.connection)
            self._kept.clear()
            if self._session is not None:
                self._session.flush()
            if self._tx is not None:
                self._tx.commit()
        except DBAPIError as exc:
            self.rollback()
            raise storage_error(exc) from None

    def rollback(self) -> None:
        if self._tx is not None and self._tx.is_active:
            self._tx.rollback()

    def _store_kept(self) -> None:
        kept, self._kept = self._kept, []
        if not kept or self._conn is None:
            return
        try:
            with self._conn.begin():
                for write in kept:
                    write(self._conn)
        except DBAPIError:  # a locked or full disk: the refusal stands, uncounted
            return

    def _close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self._tx = None

