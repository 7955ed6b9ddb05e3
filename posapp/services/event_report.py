"""Everything the organizers' event report shows, read from the central store in one go.

One read transaction gives the stands' totals, every breakdown (stand, province, maker
group, category, region, product, day, payment method), each stand's own payment methods,
days and products, what each maker group's products earned, and the orders for later
delivery (apart from sales: event_report_orders). The PDF and XLSX
renderers only draw this data. The figures follow the central views: a voided sale counts
nowhere, and a refund counts on the day it was given. So every breakdown adds up to the
overall net.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, text

from posapp.domain.totals import Totals
from posapp.services.central_totals import StandTotals, as_datetime, payment_methods
from posapp.services.event_report_data import (
    BREAKDOWNS,
    DayFigures,
    EventReport,
    ProductEarnings,
    assemble,
)
from posapp.services.event_report_orders import read_orders
from posapp.sync.central_store import Central

__all__ = ["BREAKDOWNS", "EventIdentity", "EventReport", "Progress", "event_identity",
           "event_report"]

Progress = Callable[[int, int], None]
_STEPS = 5


def event_report(central: Central, *, made_at: datetime,
                 progress: Progress | None = None) -> EventReport:
    """Read the whole report from *central* in one read transaction.

    *made_at* (UTC) is printed on the report. *progress(done, total)* is called after each
    step; on 170,000 sales the read takes a few seconds.
    """
    step = _Stepper(progress)
    with central.reading() as conn:
        stands, event_name, zone = _stands(conn)
        step()
        methods = payment_methods(conn)
        for s in stands:
            s.totals.methods = methods.get(s.code, {})
        step()
        products = _products(conn)
        step()
        stand_days = _stand_days(conn)
        orders = read_orders(conn, made_at)
        step()
    report = assemble(stands, products, stand_days, event_name=event_name, timezone=zone,
                      made_at=made_at, orders=orders)
    step()
    return report


@dataclass(frozen=True)
class EventIdentity:
    name: str  # the event's name as most stands have it ("" when no stand has one)
    timezone: str  # the stands' time zone (the most common one)


def event_identity(central: Central) -> EventIdentity:
    """The event's name and time zone, as the stands in *central* were set up."""
    with central.reading() as conn:
        rows = conn.execute(text("SELECT event_name, timezone FROM stand")).all()
    return _identity(rows)


def _identity(rows: Sequence[Sequence[Any]]) -> EventIdentity:
    names = Counter(r[0] for r in rows if r[0])
    zones = Counter(r[1] for r in rows if r[1])
    return EventIdentity(names.most_common(1)[0][0] if names else "",
                         zones.most_common(1)[0][0] if zones else "Asia/Jakarta")


class _Stepper:
    def __init__(self, progress: Progress | None) -> None:
        self.progress, self.done = progress, 0

    def __call__(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, _STEPS)


def _stands(conn: Connection) -> tuple[list[StandTotals], str, str]:
    rows = conn.execute(text(
        "SELECT t.stand, t.name, t.province, t.sales_count, t.gross, t.discounts, "
        "t.voids_count, t.refunds_count, t.refunds, t.last_seq, t.last_entry_at, "
        "t.last_sync_at, s.event_name, s.timezone "
        "FROM v_stand_totals t JOIN stand s ON s.code = t.stand ORDER BY t.stand"
    )).all()
    stands = [
        StandTotals(r[0], r[1], r[2],
                    Totals(int(r[3]), int(r[4]), int(r[5]), int(r[6]), int(r[7]), int(r[8])),
                    int(r[9]), as_datetime(r[10]), as_datetime(r[11]))
        for r in rows
    ]
    identity = _identity([r[12:14] for r in rows])
    return stands, identity.name, identity.timezone


def _products(conn: Connection) -> list[ProductEarnings]:
    """Every product of every stand that sold or was refunded (custom items included)."""
    rows = conn.execute(text(
        "SELECT stand, sku, name, category, maker_group, region, SUM(units), SUM(sales), "
        "SUM(refunds) FROM v_line_movements "
        "GROUP BY stand, sku, name, category, maker_group, region"
    )).all()
    return [ProductEarnings(r[0], r[1] or "", r[2] or "", r[3] or "", r[4] or "", r[5] or "",
                            int(r[6] or 0), int(r[7] or 0), int(r[8] or 0)) for r in rows]


def _stand_days(conn: Connection) -> dict[str, list[DayFigures]]:
    """Per stand and day: kept sales counted on their day, refunds on the day given."""
    out: dict[str, list[DayFigures]] = defaultdict(list)
    for stand, day, count, sales, refunds in conn.execute(text(
        "SELECT stand, day, SUM(n), SUM(sales), SUM(refunds) FROM ("
        " SELECT stand, day, 1 AS n, total AS sales, 0 AS refunds FROM sale WHERE NOT voided"
        " UNION ALL SELECT stand, day, 0, 0, amount FROM refund) m "
        "GROUP BY stand, day ORDER BY stand, day"
    )):
        out[stand].append(DayFigures(str(day), int(count), int(sales), int(refunds)))
    return out
