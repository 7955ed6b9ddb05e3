"""The sales and refunds pre-grouped by stand and day (``day_totals``) and by stand, day and
payment method (``method_totals``), exactly as ``v_stand_totals``, ``v_stand_payment_totals``
and the day figures add them up: the stands' totals, their payment methods and their days
read from a few hundred rows instead of every sale and payment.

Kept up to date with ``line_totals`` (central_grouped: ``money_sums``, ``add_voids``). A
sale counts on its day, a refund on the day it was given; a voided sale only in
``voids_count``. A ``method_totals`` row whose payments were all voided and that has no
refund is deleted (the view has none).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    bindparam,
    text,
)

from posapp.sync import central_schema as cs

DAY_KEY = ("stand", "day")
DAY_FIGURES = ("sales_count", "gross", "discounts", "sales_total", "voids_count",
               "refunds_count", "refunds")
METHOD_KEY = ("stand", "day", "method")
METHOD_FIGURES = ("movements", "sales", "refunds")

day_totals = Table(
    "day_totals", cs.metadata,
    Column("stand", String(16), nullable=False),
    Column("day", String(10), nullable=False),
    Column("sales_count", Integer, nullable=False),  # kept sales
    Column("gross", cs.Money, nullable=False),
    Column("discounts", cs.Money, nullable=False),
    Column("sales_total", cs.Money, nullable=False),
    Column("voids_count", Integer, nullable=False),
    Column("refunds_count", Integer, nullable=False),  # given on this day
    Column("refunds", cs.Money, nullable=False),
    PrimaryKeyConstraint(*DAY_KEY, name="pk_day_totals"),
)

method_totals = Table(
    "method_totals", cs.metadata,
    Column("stand", String(16), nullable=False),
    Column("day", String(10), nullable=False),
    Column("method", String(16), nullable=False),
    Column("movements", Integer, nullable=False),  # payments of kept sales and refunds
    Column("sales", cs.Money, nullable=False),
    Column("refunds", cs.Money, nullable=False),  # paid back by this method
    PrimaryKeyConstraint(*METHOD_KEY, name="pk_method_totals"),
)


def _at(table: Table, *names: str) -> list[int]:
    columns = [c.name for c in table.columns]
    return [columns.index(n) for n in names]


_SALE = _at(cs.sale, "id", "day", "subtotal", "discount", "total", "voided")
_PAY = _at(cs.payment, "sale_id", "method", "amount")
_REFUND = _at(cs.refund, "day", "method", "amount")

# The earlier stored sales that a chunk voids (not voided yet: a second void counts once).
_VOIDED_SALES = text(
    f"SELECT day, COUNT(*), {cs.sum_of('subtotal')}, {cs.sum_of('discount')}, "
    f"{cs.sum_of('total')} FROM sale "
    "WHERE stand = :stand AND id IN :ids AND NOT voided GROUP BY day"
).bindparams(bindparam("ids", expanding=True))
_VOIDED_PAYMENTS = text(
    f"SELECT s.day, p.method, COUNT(*), {cs.sum_of('p.amount')} "
    "FROM sale s JOIN payment p ON p.stand = s.stand AND p.sale_id = s.id "
    "WHERE s.stand = :stand AND s.id IN :ids AND NOT s.voided GROUP BY s.day, p.method"
).bindparams(bindparam("ids", expanding=True))

Days = dict[tuple[str, ...], list[int]]  # (day,) -> DAY_FIGURES
Methods = dict[tuple[str, ...], list[int]]  # (day, method) -> METHOD_FIGURES


def money_sums(rows: Mapping[Any, Sequence[Sequence[Any]]]) -> tuple[Days, Methods]:
    """What one chunk's rows change: per day, and per day and method."""
    days: Days = {}
    methods: Methods = {}
    sid, day, subtotal, discount, total, is_voided = _SALE
    kept: dict[str, str] = {}
    for s in rows.get(cs.sale, ()):
        acc = days.get((s[day],))
        if acc is None:
            acc = days[(s[day],)] = [0] * 7
        if s[is_voided]:
            acc[4] += 1
            continue
        kept[s[sid]] = s[day]
        acc[0] += 1
        acc[1] += s[subtotal]
        acc[2] += s[discount]
        acc[3] += s[total]
    pay_sale, pay_method, pay_amount = _PAY
    for p in rows.get(cs.payment, ()):  # one a sale or two
        sale_day = kept.get(p[pay_sale])
        if sale_day is None:
            continue
        key = (sale_day, p[pay_method])
        m = methods.get(key)
        if m is None:
            methods[key] = [1, p[pay_amount], 0]
        else:
            m[0] += 1
            m[1] += p[pay_amount]
    r_day, r_method, r_amount = _REFUND
    for r in rows.get(cs.refund, ()):
        acc = days.setdefault((r[r_day],), [0] * 7)
        acc[5] += 1
        acc[6] += r[r_amount]
        _add(methods, (r[r_day], r[r_method]), 1, 0, r[r_amount])
    return days, methods


def add_voids(conn: Connection, stand: str, voided: list[list[str]], days: Days,
              methods: Methods) -> None:
    """What the voids of *stand*'s earlier stored sales (their ids, in parts for ``IN``)
    change, added to *days* and *methods*."""
    for part in voided:
        params = {"stand": stand, "ids": part}
        for sale_day, n, gross, discounts, money in conn.execute(
                _VOIDED_SALES, params):
            acc = days.setdefault((sale_day,), [0] * 7)
            acc[0] -= int(n)
            acc[1] -= int(gross)
            acc[2] -= int(discounts)
            acc[3] -= int(money)
            acc[4] += int(n)
        for sale_day, method, n, money in conn.execute(_VOIDED_PAYMENTS, params):
            _add(methods, (sale_day, method), -int(n), -int(money), 0)


def _add(sums: Methods, key: tuple[str, ...], n: int, sales: int, refunds: int) -> None:
    acc = sums.get(key)
    if acc is None:
        sums[key] = [n, sales, refunds]
    else:
        acc[0] += n
        acc[1] += sales
        acc[2] += refunds


#: The recounts from the sales, payments and refunds (the audit, and the upgrade's fill):
#: a SELECT of the table's columns in order.
DAY_RECOUNT = f"""
SELECT stand, day, {", ".join(cs.sum_of(f) for f in DAY_FIGURES)} FROM (
  SELECT stand, day, CASE WHEN voided THEN 0 ELSE 1 END AS sales_count,
         CASE WHEN voided THEN 0 ELSE subtotal END AS gross,
         CASE WHEN voided THEN 0 ELSE discount END AS discounts,
         CASE WHEN voided THEN 0 ELSE total END AS sales_total,
         CASE WHEN voided THEN 1 ELSE 0 END AS voids_count, 0 AS refunds_count, 0 AS refunds
  FROM sale
  UNION ALL
  SELECT stand, day, 0, 0, 0, 0, 0, 1, amount FROM refund) m
GROUP BY stand, day
"""
METHOD_RECOUNT = f"""
SELECT stand, day, method, COUNT(*), {cs.sum_of("sales")}, {cs.sum_of("refunds")} FROM (
  SELECT p.stand, s.day, p.method, p.amount AS sales, 0 AS refunds
  FROM payment p JOIN sale s ON s.stand = p.stand AND s.id = p.sale_id AND NOT s.voided
  UNION ALL
  SELECT stand, day, method, 0, amount FROM refund) m
GROUP BY stand, day, method
"""

