"""Statements of the sale's hot path, compiled once and run on the stand's own sqlite3 cursor.

A checkout is a dozen small statements in one transaction. Through SQLAlchemy each one
costs about 40 µs of Python (cache key, execution context, result set-up) around a few
microseconds of SQLite; that made the sale's Python cost twice its SQL and commit. A
``Prepared`` statement is written in Core like any other (so it follows the tables), compiled
once for SQLite with its bind processors (dates as SQLAlchemy stores them), and run with the
driver's ``execute``/``executemany`` on the connection that already holds the unit of work's
transaction. A driver error comes out as SQLAlchemy's ``DBAPIError``, as from
``Connection.execute``, so callers and ``UnitOfWork`` refuse it the same way. On any other
database (PostgreSQL, for a stand with several tills) it is ``Connection.execute`` itself.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any, cast

from sqlalchemy import Connection
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import ClauseElement, Executable
from sqlalchemy.sql.compiler import SQLCompiler

Params = dict[str, Any]
_Processor = Callable[[Any], Any] | None
_REQUIRED = object()


class Prepared:
    """A Core *statement* for the hot path; ``keys`` names the values of an ``INSERT`` (its
    compiled SQL lists exactly those columns, as ``Connection.execute`` would for them)."""

    def __init__(self, statement: Executable, keys: Sequence[str] | None = None) -> None:
        self.statement = statement
        self.keys = list(keys) if keys is not None else None
        self._sql = ""
        self._binds: list[tuple[str, _Processor, Any]] = []

    def run(self, conn: Connection, params: Params) -> sqlite3.Cursor | Any:
        """Execute once with *params*; the driver's cursor (SQLite) or the result."""
        if conn.dialect.name != "sqlite":
            return conn.execute(self.statement, params)
        return self._call(conn, "execute", self._row(conn.dialect, params))

    def run_many(self, conn: Connection, rows: Sequence[Params]) -> None:
        """Execute once per row of *rows* (``executemany``)."""
        if not rows:
            return
        if conn.dialect.name != "sqlite":
            conn.execute(self.statement, list(rows))
            return
        dialect = conn.dialect
        self._call(conn, "executemany", [self._row(dialect, p) for p in rows])

    def _row(self, dialect: Dialect, params: Params) -> tuple[Any, ...]:
        if not self._sql:
            self._compile(dialect)
        values = []
        for name, proc, fixed in self._binds:
            value = params[name] if fixed is _REQUIRED else fixed
            values.append(value if proc is None else proc(value))
        return tuple(values)

    def _compile(self, dialect: Dialect) -> None:
        statement = cast(ClauseElement, self.statement)
        compiled = cast(SQLCompiler, statement.compile(dialect=dialect, column_keys=self.keys))
        order = compiled.positiontup or []
        binds = compiled.binds
        defaults = {c.key: _default(c) for c in compiled.insert_prefetch}
        self._binds = [(binds[name].key, _processor(binds[name], dialect),
                        defaults.get(binds[name].key, _fixed(binds[name]))) for name in order]
        self._sql = compiled.string

    def _call(self, conn: Connection, how: str, args: Any) -> sqlite3.Cursor:
        cursor = cast(sqlite3.Connection, conn.connection.driver_connection).cursor()
        try:
            return cast(sqlite3.Cursor, getattr(cursor, how)(self._sql, args))
        except sqlite3.Error as exc:
            raise DBAPIError.instance(self._sql, args, exc, sqlite3.Error) from exc


def _processor(bind: Any, dialect: Dialect) -> _Processor:
    """SQLAlchemy's own conversion of a value of *bind*'s type for *dialect*, or None."""
    return bind.type.dialect_impl(dialect).bind_processor(dialect)


def _fixed(bind: Any) -> Any:
    """The value a statement carries itself (``LIMIT 1``), or ``_REQUIRED`` from the caller."""
    if bind.callable is None and bind.value is not None and not bind.required:
        return bind.value
    return _REQUIRED


def _default(column: Any) -> Any:
    """A column's own value when an ``INSERT`` leaves it out (a scalar ``default=``)."""
    if column.default is None or not column.default.is_scalar:
        raise TypeError(f"{column}: only a scalar default can be prepared")
    return column.default.arg
