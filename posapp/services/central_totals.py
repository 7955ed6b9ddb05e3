"""Totals from the central store, and reconciling them with exports and the stands' Z reports."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, case, func, select, text

from posapp.domain.journal import Entry
from posapp.domain.report import MethodTotals
from posapp.domain.totals import Totals, differences, fold
from posapp.sync import central_order_schema as cos
from posapp.sync import central_schema as cs
from posapp.sync.central_store import Central


@dataclass
class StandTotals:
    code: str
    name: str
    province: str
    totals: Totals
    last_seq: int = 0
    last_entry_at: datetime | None = None
    last_sync_at: datetime | None = None


@dataclass
class Mismatch:
    """A stand whose figures differ between two sources, and which figures."""

    stand: str
    what: str  # "export FILE" or "Z report of shift N"
    figures: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"stand {self.stand}: central totals differ from the {self.what} " \
               f"({', '.join(self.figures)})"


def stand_totals(central: Central) -> list[StandTotals]:
    """Every stand's totals, by stand code."""
    with central.reading() as conn:
        rows = conn.execute(text(
            "SELECT stand, name, province, sales_count, gross, discounts, voids_count, "
            "refunds_count, refunds, last_seq, last_entry_at, last_sync_at "
            "FROM v_stand_totals ORDER BY stand"
        )).mappings().all()
        methods = payment_methods(conn)
        placed, money = _order_money(conn)
    found = [
        StandTotals(
            r["stand"], r["name"], r["province"],
            Totals(int(r["sales_count"]), int(r["gross"]), int(r["discounts"]),
                   int(r["voids_count"]), int(r["refunds_count"]), int(r["refunds"]),
                   methods.get(r["stand"], {})),
            int(r["last_seq"]), as_datetime(r["last_entry_at"]), as_datetime(r["last_sync_at"]),
        )
        for r in rows
    ]
    for s in found:
        s.totals.orders_placed = placed.get(s.code, 0)
        s.totals.order_money = money.get(s.code, {})
    return found


def overall(stands: Iterable[StandTotals]) -> Totals:
    total = Totals()
    for s in stands:
        total.add(s.totals)
    return total


def reconcile_entries(central: Central, batches: Iterable[tuple[str, str, list[Entry]]]) -> (
    list[Mismatch]
):
    """Compare the central totals of each (stand, label, full journal) with its own fold."""
    by_code = {s.code: s.totals for s in stand_totals(central)}
    found = []
    for code, label, entries in batches:
        theirs = fold(entries)
        ours = by_code.get(code)
        if ours is None:
            found.append(Mismatch(code, label, ["not in the central store"]))
        elif diff := differences(ours, theirs):
            found.append(Mismatch(code, label, diff))
    return found


def check_z_reports(central: Central) -> list[Mismatch]:
    """Compare, for every closed shift, the central store's figures with the stand's Z."""
    found = []
    with central.reading() as conn:
        ours = _shift_totals(conn)
        closed = conn.execute(
            select(cs.shift.c.id, cs.shift.c.stand, cs.shift.c.number, cs.shift.c.z_totals)
            .where(cs.shift.c.z_totals.is_not(None)).order_by(cs.shift.c.stand,
                                                                 cs.shift.c.number)
        ).all()
    for shift_id, stand, number, z_json in closed:
        z = json.loads(z_json)
        theirs = Totals(z["sales_count"], z["gross"], z["discounts"], z["voids_count"],
                        z["refunds_count"], z["refunds_total"],
                        {m: MethodTotals(t["sales"], t["refunds"])
                         for m, t in z["methods"].items()})
        orders = z.get("orders") or {}  # a Z report of before orders has none
        theirs.orders_placed = orders.get("placed", 0)
        for kind, key in (("deposit", "deposits"), ("balance", "balances"),
                          ("refund", "refunds")):
            for method, amount in orders.get(key, {}).items():
                theirs.add_order_money(kind, method, amount)
        if diff := differences(ours.get(shift_id, Totals()), theirs):
            found.append(Mismatch(stand, f"Z report of shift {number}", diff))
    return found


def _shift_totals(conn: Connection) -> dict[str, Totals]:
    """Every shift's figures as its Z report counts them, by shift id (three queries)."""
    s, r, p = cs.sale, cs.refund, cs.payment
    kept = s.c.voided.is_(False)
    totals: dict[str, Totals] = {}
    for shift_id, count, gross, discounts, voids in conn.execute(
        select(s.c.shift_id, func.count().filter(kept),
               func.coalesce(func.sum(case((kept, s.c.subtotal), else_=0)), 0),
               func.coalesce(func.sum(case((kept, s.c.discount), else_=0)), 0),
               func.count().filter(s.c.voided)).group_by(s.c.shift_id)
    ):
        totals[shift_id] = Totals(int(count), int(gross), int(discounts), int(voids))
    for shift_id, method, amount in conn.execute(
        select(s.c.shift_id, p.c.method, func.sum(p.c.amount)).join(s, s.c.id == p.c.sale_id)
        .where(kept).group_by(s.c.shift_id, p.c.method)
    ):
        totals.setdefault(shift_id, Totals()).add_method(method, sales=int(amount))
    for shift_id, method, n, amount in conn.execute(
        select(r.c.shift_id, r.c.method, func.count(), func.sum(r.c.amount))
        .group_by(r.c.shift_id, r.c.method)
    ):
        t = totals.setdefault(shift_id, Totals())
        t.refunds_count += n
        t.refunds += int(amount)
        t.add_method(method, refunds=int(amount))
    op, co = cos.order_payment, cos.customer_order
    for shift_id, kind, method, amount in conn.execute(
        select(op.c.shift_id, op.c.kind, op.c.method, func.sum(op.c.amount))
        .group_by(op.c.shift_id, op.c.kind, op.c.method)
    ):
        totals.setdefault(shift_id, Totals()).add_order_money(kind, method, int(amount))
    for shift_id, n in conn.execute(
        select(co.c.shift_id, func.count()).group_by(co.c.shift_id)
    ):
        totals.setdefault(shift_id, Totals()).orders_placed = int(n)
    return totals


def _order_money(conn: Connection) -> tuple[dict[str, int], dict[str, dict[str, dict[str, int]]]]:
    """Orders taken, and order money by kind and method, per stand."""
    op, co = cos.order_payment, cos.customer_order
    placed = {stand: int(n) for stand, n in conn.execute(
        select(co.c.stand, func.count()).group_by(co.c.stand))}
    money: dict[str, dict[str, dict[str, int]]] = {}
    for stand, kind, method, amount in conn.execute(
        select(op.c.stand, op.c.kind, op.c.method, func.sum(op.c.amount))
        .group_by(op.c.stand, op.c.kind, op.c.method)
    ):
        money.setdefault(stand, {}).setdefault(kind, {})[method] = int(amount)
    return placed, money


def payment_methods(conn: Connection) -> dict[str, dict[str, MethodTotals]]:
    out: dict[str, dict[str, MethodTotals]] = {}
    for stand, method, sales, refunds in conn.execute(text(
        "SELECT stand, method, sales, refunds FROM v_stand_payment_totals"
    )):
        out.setdefault(stand, {})[method] = MethodTotals(int(sales), int(refunds))
    return out


def as_datetime(value: object) -> datetime | None:
    """A time column as a datetime (SQLite views hand back text)."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))  # SQLite views hand back text
