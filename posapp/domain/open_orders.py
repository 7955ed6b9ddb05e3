"""Orders for the organizers, as plain records: per stand (orders, open, handed over,
cancelled, deposits held, balances due, overdue) and every open order with its buyer, its
money and what it holds line by line.

Order money (deposits, balances, deposits given back) is kept apart from sales: none of it
is in any net sales figure. An order is *open* while it is open or ready; it is *overdue*
when open with a due date before today's date in its stand's time zone.
posapp/sync/central_order_queries.py reads them; posapp/services/event_report_orders.py
judges which are overdue.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Asia/Jakarta"
OPEN_STATUSES = ("open", "ready")


@dataclass(frozen=True)
class StandOrders:
    """One stand's orders (v_stand_order_totals), with how many open ones are overdue."""

    stand: str
    province: str
    orders: int = 0
    open_orders: int = 0
    handed_over: int = 0
    cancelled: int = 0
    ordered: int = 0  # value of the orders not cancelled
    deposits: int = 0
    balances: int = 0
    deposits_refunded: int = 0
    order_money: int = 0  # deposits + balances - deposits refunded
    deposits_held: int = 0  # paid towards orders still open
    balances_due: int = 0
    overdue: int = 0


#: The figures of a stand's orders, in the order of StandOrders' fields.
ORDER_FIGURES = tuple(f.name for f in fields(StandOrders))[2:]


@dataclass(frozen=True)
class OrderLineItem:
    """A line of an order: a catalog product or a made-to-order piece (``custom``)."""

    line_no: int
    sku: str
    name: str
    custom: bool
    unit_price: int
    quantity: int
    delivered: int
    total: int

    @property
    def to_deliver(self) -> int:
        return max(self.quantity - self.delivered, 0)


@dataclass(frozen=True)
class OpenOrder:
    stand: str
    province: str
    order_no: str
    status: str  # open or ready
    taken_on: str  # YYYY-MM-DD
    due: str | None  # YYYY-MM-DD, or None when no date was agreed
    buyer_name: str
    phone: str
    email: str
    country: str
    address: str  # empty: picked up at the stand
    note: str
    total: int
    deposits: int
    balances: int
    refunds: int
    paid: int
    balance_due: int
    overdue: bool
    lines: tuple[OrderLineItem, ...] = ()

    @property
    def ships(self) -> bool:
        return bool(self.address)


@dataclass(frozen=True)
class OrdersSummary:
    """Every stand's order figures (by stand code) and the open orders (by stand, number)."""

    checked_at: datetime  # UTC: the moment "overdue" was judged at
    stands: list[StandOrders] = field(default_factory=list)
    open: list[OpenOrder] = field(default_factory=list)

    @property
    def total(self) -> StandOrders:
        return add_up(self.stands)

    @property
    def overdue(self) -> list[OpenOrder]:
        return [o for o in self.open if o.overdue]

    @property
    def any(self) -> bool:
        return any(s.orders for s in self.stands)

    def with_orders(self) -> list[StandOrders]:
        """The stands that took at least one order."""
        return [s for s in self.stands if s.orders]

    def only(self, stand: str) -> OrdersSummary:
        """The same figures for one stand (all of them when *stand* is empty)."""
        if not stand:
            return self
        return OrdersSummary(self.checked_at, [s for s in self.stands if s.stand == stand],
                             [o for o in self.open if o.stand == stand])


def add_up(stands: Iterable[StandOrders]) -> StandOrders:
    """The figures of *stands* added up (stand and province left empty)."""
    sums = dict.fromkeys(ORDER_FIGURES, 0)
    for s in stands:
        for name in ORDER_FIGURES:
            sums[name] += getattr(s, name)
    return StandOrders("", "", **sums)


def today_in(zone_name: str | None, now: datetime) -> str:
    """*now*'s date (YYYY-MM-DD) in the time zone *zone_name* (Asia/Jakarta when unknown)."""
    try:
        zone = ZoneInfo(zone_name or DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo(DEFAULT_ZONE)
    aware = now if now.tzinfo else now.replace(tzinfo=UTC)
    return aware.astimezone(zone).date().isoformat()
