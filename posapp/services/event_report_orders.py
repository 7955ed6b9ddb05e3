"""Orders for the organizers, from the central store's order views: per stand (orders,
open, handed over, cancelled, deposits held, balances due, overdue) and every open order
with its buyer, its money and what it holds line by line (the records:
posapp/domain/open_orders.py; the queries: posapp/sync/central_order_queries.py).

An order is *overdue* when open with a due date before today's date in its stand's time zone.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import Connection

from posapp.domain.open_orders import OrdersSummary, today_in
from posapp.sync import central_order_queries as q
from posapp.sync.central_store import Central


def orders_summary(central: Central, *, now: datetime | None = None) -> OrdersSummary:
    """Read the orders of every stand; overdue as of *now* (UTC; default: this moment)."""
    with central.reading() as conn:
        return read_orders(conn, now or datetime.now(UTC))


def read_orders(conn: Connection, now: datetime) -> OrdersSummary:
    """The orders summary, within a read transaction the caller holds."""
    today = {code: today_in(zone, now) for code, zone in q.stand_zones(conn).items()}
    anywhere = today_in(None, now)
    open_orders = [
        replace(o, overdue=True)
        if o.due is not None and o.due < today.get(o.stand, anywhere) else o
        for o in q.open_orders(conn)]
    late: dict[str, int] = defaultdict(int)
    for o in open_orders:
        late[o.stand] += o.overdue
    stands = [replace(s, overdue=late[s.stand]) for s in q.stand_orders(conn)]
    return OrdersSummary(now, stands, open_orders)


def checks(summary: OrdersSummary) -> list[str]:
    """Where the open orders do not add up to the stands' order figures (never, unless the
    store is off)."""
    total = summary.total
    found = []
    for name, ours, theirs in (
        ("open orders", len(summary.open), total.open_orders),
        ("deposits held", sum(o.paid for o in summary.open), total.deposits_held),
        ("balances due", sum(o.balance_due for o in summary.open), total.balances_due),
    ):
        if ours != theirs:
            found.append(f"orders: {name} {ours} in the list against {theirs} per stand")
    return found
