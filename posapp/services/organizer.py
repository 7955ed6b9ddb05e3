"""The organizer window's reads of the central store: what its dashboard shows (every
stand's totals, the days, one breakdown filtered by day and stand, the orders, the event's
name), read in one go, and how a store is named without its password."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from posapp.domain.event_report import EventIdentity, Slice, StandTotals
from posapp.domain.open_orders import OrdersSummary
from posapp.services import central_totals, central_views, event_report, event_report_orders
from posapp.sync.central_store import Central
from posapp.sync.central_target import without_password

__all__ = ["Query", "Snapshot", "snapshot", "without_password"]


@dataclass(frozen=True)
class Query:
    """What the dashboard asks for: a store, a breakdown and its filters."""

    target: str  # a central store file or URL
    dimension: str = "province"
    day: str = ""  # every day when empty
    stand: str = ""  # every stand when empty
    create: bool = False  # make the central store when it does not exist yet


@dataclass(frozen=True)
class Snapshot:
    query: Query
    label: str  # the store's name without a password
    stands: list[StandTotals]
    days: list[str]
    slices: list[Slice]
    orders: OrdersSummary  # every stand's (the stand filter applies when shown)
    event: EventIdentity


def snapshot(query: Query, *, now: datetime | None = None) -> Snapshot:
    """Read what the dashboard shows (slow: off the UI thread); orders overdue as of *now*
    (UTC, default this moment). A URL's empty database and a new file (*create*) become a
    central store; any other database is refused, not changed."""
    central_views.check_dimension(query.dimension)
    with Central(query.target, create=query.create) as central:
        if query.create or not central.is_sqlite:
            with central.writing():
                pass
        stands = central_totals.stand_totals(central)
        days = central_views.days(central)
        slices = central_views.breakdown(central, query.dimension, day=query.day or None,
                                         stand=query.stand or None)
        orders = event_report_orders.orders_summary(central, now=now or datetime.now(UTC))
        event = event_report.event_identity(central)
        return Snapshot(query, central.label, stands, days, slices, orders, event)
