"""The one place that writes a shift's running totals, and where they are read.

Every writer of money in a shift (checkout, void, refund, cash movement, order deposit,
balance and refund; and the benchmarks' bulk sales) calls ``apply`` with its delta in its
own transaction: one small upsert per affected row, no scan. ``tests/integration/
test_shift_totals.py`` fails when a module writes those rows without calling it.
"""

from __future__ import annotations

import importlib
from typing import Any

from sqlalchemy import Connection, Insert, Table, bindparam, select, update

from posapp.domain.shift_figures import COUNTERS, OVERSOLD_LISTED, ShiftFigures
from posapp.store import tables
from posapp.store.prepared import Prepared


def apply(conn: Connection, shift_id: str, delta: ShiftFigures) -> None:
    """Add *delta* to the totals of *shift_id*, inside the caller's transaction."""
    upserts = _upserts(conn.dialect.name)
    upserts[0].run(conn, {"shift_id": shift_id, **delta.counters()})
    if delta.money:
        upserts[1].run_many(conn, [
            {"shift_id": shift_id, "kind": kind, "method": method, "amount": amount}
            for (kind, method), amount in delta.money.items()])
    products = units = 0
    for (sku, name), qty in delta.oversold.items():  # a sale's few lines past zero stock
        now = upserts[2].run(conn, {"shift_id": shift_id, "sku": sku, "name": name,
                                    "quantity": qty}).fetchone()[0]
        was = now - qty  # under the row's lock: exact with several tills too
        products += (now > 0) - (was > 0)
        units += max(now, 0) - max(was, 0)
    if products or units:
        _COUNT_OVERSOLD.run(conn, {"b_shift": shift_id, "products": products,
                                       "units": units})


def read(conn: Connection, shift_id: str, *,
         oversold: int | None = OVERSOLD_LISTED) -> ShiftFigures:
    """The running totals of *shift_id* (all zero for a shift with none yet), with the
    *oversold* largest products sold past zero stock (``None``: all of them, for an
    audit); the counts of them all are read either way."""
    figures = ShiftFigures()
    row = conn.execute(_READ_TOTAL, {"shift_id": shift_id}).first()
    if row is not None:
        for name in (*COUNTERS, "oversold_products", "oversold_units"):
            setattr(figures, name, int(getattr(row, name)))
    money = conn.execute(_READ_MONEY, {"shift_id": shift_id}).all()
    figures.money = {(kind, method): int(amount) for kind, method, amount in money}
    if figures.oversold_products:
        stmt = _READ_OVERSOLD if oversold is None else _READ_OVERSOLD.limit(oversold)
        listed = conn.execute(stmt, {"shift_id": shift_id}).all()
        figures.oversold = {(sku, name): qty for sku, name, qty in listed}
    return figures


def _upsert(dialect: Any, t: Table, keys: tuple[str, ...], added: tuple[str, ...]) -> Insert:
    stmt = dialect.insert(t)
    return stmt.on_conflict_do_update(
        index_elements=[t.c[k] for k in keys],
        set_={name: t.c[name] + stmt.excluded[name] for name in added})


_TOTAL, _MONEY, _OVERSOLD = tables.shift_total, tables.shift_money, tables.shift_oversold
_READ_TOTAL = select(_TOTAL).where(_TOTAL.c.shift_id == bindparam("shift_id"))
_READ_MONEY = (select(_MONEY.c.kind, _MONEY.c.method, _MONEY.c.amount)
               .where(_MONEY.c.shift_id == bindparam("shift_id"))
               .order_by(_MONEY.c.kind, _MONEY.c.method))
# Most units first (then by key), as the report lists them, through ix_shift_oversold_largest;
# a product whose units were all voided is left out.
_READ_OVERSOLD = (select(_OVERSOLD.c.sku, _OVERSOLD.c.name, _OVERSOLD.c.quantity)
                  .where(_OVERSOLD.c.shift_id == bindparam("shift_id"),
                         _OVERSOLD.c.quantity > 0)
                  .order_by(_OVERSOLD.c.quantity.desc(), _OVERSOLD.c.sku, _OVERSOLD.c.name))
_COUNT_OVERSOLD = Prepared(
    update(_TOTAL).where(_TOTAL.c.shift_id == bindparam("b_shift"))
    .values(oversold_products=_TOTAL.c.oversold_products + bindparam("products"),
            oversold_units=_TOTAL.c.oversold_units + bindparam("units")))
# Prepared once per dialect (the stand's SQLite, or PostgreSQL for a stand with several
# tills), when first used: a sale on SQLite does not load PostgreSQL's dialect.
_UPSERTS: dict[str, tuple[Prepared, Prepared, Prepared]] = {}


def _upserts(name: str) -> tuple[Prepared, Prepared, Prepared]:
    if name not in _UPSERTS:
        dialect = importlib.import_module(f"sqlalchemy.dialects.{name}")
        _UPSERTS[name] = (
            Prepared(_upsert(dialect, _TOTAL, ("shift_id",), COUNTERS),
                     ("shift_id", *COUNTERS)),
            Prepared(_upsert(dialect, _MONEY, ("shift_id", "kind", "method"), ("amount",)),
                     ("shift_id", "kind", "method", "amount")),
            Prepared(_upsert(dialect, _OVERSOLD, ("shift_id", "sku", "name"), ("quantity",))
                     .returning(_OVERSOLD.c.quantity), ("shift_id", "sku", "name", "quantity")))
    return _UPSERTS[name]
