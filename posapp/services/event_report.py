"""Everything the organizers' event report shows, read from the central store in one go.

One read transaction gives the stands' totals, every breakdown (stand, province, maker
group, category, region, product, day, payment method), each stand's own payment methods,
days and products, what each maker group's products earned, and the orders for later
delivery (apart from sales: event_report_orders). The PDF and XLSX renderers only draw
this data (posapp/domain/event_report.py). The figures follow the central views: a voided
sale counts nowhere, and a refund counts on the day it was given. So every breakdown adds up
to the overall net.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime

from posapp.domain.event_report import BREAKDOWNS, EventIdentity, EventReport
from posapp.services.event_report_data import assemble
from posapp.services.event_report_orders import read_orders
from posapp.sync import central_queries as q
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
        stands = q.stand_totals(conn)
        identity = identify(q.stand_events(conn))
        step()
        products = q.products(conn)
        step()
        stand_days = q.stand_days(conn)
        step()
        orders = read_orders(conn, made_at)
        step()
    report = assemble(stands, products, stand_days, event_name=identity.name,
                      timezone=identity.timezone, made_at=made_at, orders=orders)
    step()
    return report


def event_identity(central: Central) -> EventIdentity:
    """The event's name and time zone, as the stands in *central* were set up."""
    with central.reading() as conn:
        return identify(q.stand_events(conn))


def identify(stands: Iterable[tuple[str, str]]) -> EventIdentity:
    """The event's name and time zone as most stands (event name, time zone) have them."""
    rows = list(stands)
    names = Counter(name for name, _ in rows if name)
    zones = Counter(zone for _, zone in rows if zone)
    return EventIdentity(names.most_common(1)[0][0] if names else "",
                         zones.most_common(1)[0][0] if zones else "Asia/Jakarta")


class _Stepper:
    def __init__(self, progress: Progress | None) -> None:
        self.progress, self.done = progress, 0

    def __call__(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, _STEPS)
