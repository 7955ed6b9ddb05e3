"""The central store's figures pre-grouped (format 5), kept by the merge in the same
transaction as the rows they add up: ``line_totals``, one row per stand, day and product as
the lines name it (sku, name, category, maker group, region), with what its kept sales sold
and its refunds gave back, exactly as ``v_line_movements`` adds them up; and the money per
stand and day and per payment method (central_grouped_money.py).

``RowBuilder.write`` hands each chunk's sums here (``chunk_sums``, then ``add_sums`` with
what needs the store: voids and refunds of earlier sales) before inserting its rows, so
the event report reads a few thousand rows instead of every sale line, sale and payment of
the event. A store of an older format gets them filled from its rows at its upgrade
(``refill``); ``recount`` adds the rows up again, the audit the kept figures must equal.

A row's ``movements`` counts the sale lines and refund lines in it: a group whose lines were
all voided is deleted (``v_line_movements`` has no such group), even where its money would
add up to zero.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    bindparam,
    text,
)

from posapp.sync import central_grouped_money as money
from posapp.sync import central_schema as cs

KEY = ("stand", "day", "sku", "name", "category", "maker_group", "region")

line_totals = Table(
    "line_totals", cs.metadata,
    Column("stand", String(16), nullable=False),
    Column("day", String(10), nullable=False),  # the sale's day, or the refund's
    cs.text_column("sku", 40), cs.text_column("name", 120), cs.text_column("category", 80),
    cs.text_column("maker_group", 120), cs.text_column("region", 80),
    Column("movements", Integer, nullable=False),  # sale lines and refund lines added up
    Column("units", BigInteger, nullable=False),  # pieces sold less pieces refunded
    Column("sales", cs.Money, nullable=False),
    Column("refunds", cs.Money, nullable=False),
    PrimaryKeyConstraint(*KEY, name="pk_line_totals"),
)

_COLS = ", ".join(KEY)
_DROP_EMPTY = [text(f"DELETE FROM {t} WHERE stand = :stand AND movements = 0")
               for t in ("line_totals", "method_totals")]
# The lines of earlier stored sales that this chunk voids (still kept in the table: a sale
# voided twice is taken off once).
_VOIDED_LINES = text(
    "SELECT s.day, l.sku, l.name, l.category, l.maker_group, l.region, COUNT(*), "
    f"{cs.sum_of('l.quantity')}, {cs.sum_of('l.total')} "
    "FROM sale s JOIN sale_line l ON l.stand = s.stand AND l.sale_id = s.id "
    "WHERE s.stand = :stand AND s.id IN :ids AND NOT s.voided "
    "GROUP BY s.day, l.sku, l.name, l.category, l.maker_group, l.region"
).bindparams(bindparam("ids", expanding=True))
_STORED_LINES = text(
    "SELECT sale_id, line_no, sku, name, category, maker_group, region FROM sale_line "
    "WHERE stand = :stand AND sale_id IN :ids"
).bindparams(bindparam("ids", expanding=True))
_IN_LIST = 500  # ids per IN (...)


def _at(table: Table, *names: str) -> list[int]:
    columns = [c.name for c in table.columns]
    return [columns.index(n) for n in names]


# Where each value sits in a row as RowBuilder gathers it (the table's column order).
_SALE_ID, _SALE_DAY, _SALE_VOIDED = _at(cs.sale, "id", "day", "voided")
_LINE = _at(cs.sale_line, "sale_id", "line_no", "sku", "name", "category", "maker_group",
            "region", "quantity", "total")
_NAMES = slice(_LINE[2], _LINE[6] + 1)  # sku to region, side by side in the table
assert _LINE[2:7] == list(range(_LINE[2], _LINE[6] + 1))
_REFUND_ID, _REFUND_DAY = _at(cs.refund, "id", "day")
_RLINE = _at(cs.refund_line, "refund_id", "line_no", "sale_id", "quantity", "amount")

LineSums = dict[tuple[str, ...], list[int]]  # (day, sku, ...) -> [movements, units, sales, refunds]


@dataclass
class ChunkSums:
    """What one chunk's own rows add to the pre-grouped tables (``chunk_sums``: no store
    needed, so the merge's second process can add them up), and its refund lines whose sale
    line an earlier chunk or batch stored: (sale id, line no, refund day, quantity, amount)."""

    lines: LineSums
    days: money.Days
    methods: money.Methods
    stored_refund_lines: list[tuple[str, int, str, int, int]]


def chunk_sums(rows: Mapping[Any, Sequence[Sequence[Any]]]) -> ChunkSums:
    """The sums of one chunk's rows alone (by table, each row in its table's column order,
    as about to be inserted)."""
    sums: LineSums = {}
    sales = rows.get(cs.sale, ())
    day_of = {s[_SALE_ID]: s[_SALE_DAY] for s in sales if not s[_SALE_VOIDED]}
    sid, qty, total = _LINE[0], _LINE[7], _LINE[8]
    for ln in rows.get(cs.sale_line, ()):  # the hot loop: one pass a line
        day = day_of.get(ln[sid])
        if day is None:  # a sale voided in this same chunk
            continue
        key = (day, *ln[_NAMES])
        acc = sums.get(key)
        if acc is None:
            sums[key] = [1, ln[qty], ln[total], 0]
        else:
            acc[0] += 1
            acc[1] += ln[qty]
            acc[2] += ln[total]
    stored = _add_refunds(rows, sums)
    days, methods = money.money_sums(rows)
    return ChunkSums(sums, days, methods, stored)


def add_sums(conn: Connection, stand: str, chunk: ChunkSums,
             sale_updates: Iterable[Mapping[str, Any]]) -> None:
    """Add *chunk* (``chunk_sums`` of the rows about to be written) and what needs the
    store (voids of earlier stored sales, refunds of their lines) to the pre-grouped
    tables, before the chunk's rows and updates are written."""
    sums = chunk.lines
    voided = list(_parts(sorted({u["b_id"] for u in sale_updates if u.get("voided")})))
    for part in voided:
        for day, *names, n, units, money_ in conn.execute(
                _VOIDED_LINES, {"stand": stand, "ids": part}):
            acc = sums.setdefault((day, *names), [0, 0, 0, 0])
            acc[0] -= int(n)
            acc[1] -= int(units)
            acc[2] -= int(money_)
    _add_stored_refunds(conn, stand, chunk.stored_refund_lines, sums)
    money.add_voids(conn, stand, voided, chunk.days, chunk.methods)
    for table, figures in ((line_totals, sums), (money.day_totals, chunk.days),
                           (money.method_totals, chunk.methods)):
        _upsert(conn, table, stand, figures)
    if voided:
        for drop in _DROP_EMPTY:
            conn.execute(drop, {"stand": stand})


def _upsert(conn: Connection, table: Table, stand: str,
            figures: Mapping[tuple[str, ...], list[int]]) -> None:
    """Add *figures* (the key after the stand -> the figures, in the table's column order)
    to *table*'s rows: one prepared INSERT ... ON CONFLICT DO UPDATE (the same on SQLite
    and PostgreSQL) run by the driver's executemany."""
    if not figures:
        return
    key = [c.name for c in table.primary_key.columns]
    values = [c.name for c in table.columns if c.name not in key]
    mark = "?" if conn.dialect.name == "sqlite" else "%s"
    sql = (f"INSERT INTO {table.name} ({', '.join(key + values)}) "
           f"VALUES ({', '.join([mark] * (len(key) + len(values)))}) "
           f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET "
           + ", ".join(f"{v} = {table.name}.{v} + excluded.{v}" for v in values))
    raw: Any = conn.connection.dbapi_connection  # inside the caller's transaction
    cur = raw.cursor()
    try:
        cur.executemany(sql, [(stand, *k, *acc) for k, acc in figures.items()])
    finally:
        cur.close()


def _add_refunds(rows: Mapping[Any, Sequence[Sequence[Any]]],
                 sums: LineSums) -> list[tuple[str, int, str, int, int]]:
    """Each refund line counted under its sale line's product, on the refund's day, where
    the chunk holds that line; the others returned, for ``_add_stored_refunds``."""
    refund_lines = rows.get(cs.refund_line, ())
    if not refund_lines:
        return []
    day_of = {r[_REFUND_ID]: r[_REFUND_DAY] for r in rows.get(cs.refund, ())}
    sid, no = _LINE[0], _LINE[1]
    wanted = {(r[_RLINE[2]], r[_RLINE[1]]) for r in refund_lines}
    names: dict[tuple[str, int], tuple[str, ...]] = {
        (ln[sid], ln[no]): tuple(ln[i] for i in _LINE[2:7])
        for ln in rows.get(cs.sale_line, ()) if (ln[sid], ln[no]) in wanted
    }
    refund_id, line_no, sale_id, quantity, amount = _RLINE
    stored = []
    for r in refund_lines:
        day = day_of.get(r[refund_id])
        if day is None:  # no refund row: not counted
            continue
        product = names.get((r[sale_id], r[line_no]))
        if product is None:
            stored.append((r[sale_id], r[line_no], day, r[quantity], r[amount]))
        else:
            _add_refund(sums, day, product, r[quantity], r[amount])
    return stored


def _add_stored_refunds(conn: Connection, stand: str,
                        lines: Sequence[tuple[str, int, str, int, int]],
                        sums: LineSums) -> None:
    """Refund lines of sale lines stored before the chunk (a line that is nowhere is not
    counted)."""
    names: dict[tuple[str, int], tuple[str, ...]] = {}
    for part in _parts(sorted({sale for sale, *_ in lines})):
        for sale_id, line_no, *text_values in conn.execute(
                _STORED_LINES, {"stand": stand, "ids": part}):
            names.setdefault((sale_id, int(line_no)), tuple(text_values))
    for sale_id, line_no, day, quantity, amount in lines:
        product = names.get((sale_id, line_no))
        if product is not None:
            _add_refund(sums, day, product, quantity, amount)


def _add_refund(sums: LineSums, day: str, product: tuple[str, ...], quantity: int,
                amount: int) -> None:
    acc = sums.setdefault((day, *product), [0, 0, 0, 0])
    acc[0] += 1
    acc[1] -= quantity
    acc[3] += amount


def _parts(ids: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), _IN_LIST):
        yield ids[start:start + _IN_LIST]


def _line_recount() -> str:
    movements = dict(cs.VIEWS)["v_line_movements"]
    return (f"SELECT {_COLS}, COUNT(*), {cs.sum_of('units')}, {cs.sum_of('sales')}, "
            f"{cs.sum_of('refunds')} FROM ({movements}) m GROUP BY {_COLS}")


#: Each pre-grouped table and the SELECT that adds its rows up again from the store's rows.
GROUPED: tuple[tuple[Table, str], ...] = (
    (line_totals, _line_recount()),
    (money.day_totals, money.DAY_RECOUNT),
    (money.method_totals, money.METHOD_RECOUNT),
)

Figures = dict[tuple[Any, ...], tuple[int, ...]]


def recount(conn: Connection) -> dict[str, Figures]:
    """Every pre-grouped table's figures added up again from the store's rows (the audit):
    by table name, key -> figures."""
    return {table.name: _figures(conn.execute(text(sql)), table) for table, sql in GROUPED}


def kept(conn: Connection) -> dict[str, Figures]:
    """What the pre-grouped tables hold, in recount's form."""
    return {table.name: _figures(conn.execute(table.select()), table)
            for table, _ in GROUPED}


def _figures(rows: Iterable[Sequence[Any]], table: Table) -> Figures:
    width = len(table.primary_key.columns)
    return {tuple(r[:width]): tuple(int(v) for v in r[width:]) for r in rows}


def refill(conn: Connection) -> None:
    """Fill the pre-grouped tables from the rows the store holds (a store of before
    format 5)."""
    for table, sql in GROUPED:
        conn.execute(table.delete())
        cols = ", ".join(c.name for c in table.columns)
        conn.execute(text(f"INSERT INTO {table.name} ({cols}) {sql}"))
