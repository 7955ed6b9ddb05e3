"""Orders for the organizers, read from the central store's order views: per stand (orders,
open, handed over, cancelled, deposits held, balances due, overdue) and every open order
with its buyer, its money and what it holds line by line.

Order money (deposits, balances, deposits given back) is kept apart from sales: none of it
is in any net sales figure. An order is *open* while it is open or ready; it is *overdue*
when open with a due date before today's date in its stand's time zone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Connection, text

from posapp.sync.central_store import Central

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


_FIGURES = tuple(f.name for f in fields(StandOrders))[2:]


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
    sums = dict.fromkeys(_FIGURES, 0)
    for s in stands:
        for name in _FIGURES:
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


def orders_summary(central: Central, *, now: datetime | None = None) -> OrdersSummary:
    """Read the orders of every stand; overdue as of *now* (UTC; default: this moment)."""
    with central.reading() as conn:
        return read_orders(conn, now or datetime.now(UTC))


def read_orders(conn: Connection, now: datetime) -> OrdersSummary:
    """The orders summary, within a read transaction the caller holds."""
    zones = {code: zone for code, zone in conn.execute(text("SELECT code, timezone FROM stand"))}
    today = {code: today_in(zone, now) for code, zone in zones.items()}
    lines: dict[str, list[OrderLineItem]] = defaultdict(list)
    for r in conn.execute(text(
        "SELECT l.order_id, l.line_no, l.sku, l.name, l.custom, l.unit_price, l.quantity, "
        "l.delivered, l.total FROM order_line l JOIN customer_order o ON o.id = l.order_id "
        "WHERE o.status IN ('open', 'ready') ORDER BY l.order_id, l.line_no"
    )):
        lines[r[0]].append(OrderLineItem(int(r[1]), r[2] or "", r[3] or "", bool(r[4]),
                                         int(r[5]), int(r[6]), int(r[7]), int(r[8])))
    open_orders = []
    for r in conn.execute(text(
        "SELECT stand, province, order_no, status, taken_on, due, buyer_name, phone, email, "
        "country, address, note, total, deposits, balances, refunds, paid, balance_due, "
        "order_id FROM v_orders WHERE status IN ('open', 'ready') ORDER BY stand, order_no"
    )):
        due = str(r[5]) if r[5] else None
        total, deposits, balances, refunds, paid, balance_due = (int(v or 0) for v in r[12:18])
        open_orders.append(OpenOrder(
            stand=r[0], province=r[1] or "", order_no=r[2], status=r[3], taken_on=str(r[4]),
            due=due, buyer_name=r[6] or "", phone=r[7] or "", email=r[8] or "",
            country=r[9] or "", address=r[10] or "", note=r[11] or "", total=total,
            deposits=deposits, balances=balances, refunds=refunds, paid=paid,
            balance_due=balance_due,
            overdue=due is not None and due < today.get(r[0], today_in(None, now)),
            lines=tuple(lines.get(r[18], ()))))
    late: dict[str, int] = defaultdict(int)
    for o in open_orders:
        late[o.stand] += o.overdue
    stands = []
    for r in conn.execute(text(
        f"SELECT stand, province, {', '.join(_FIGURES[:-1])} FROM v_stand_order_totals "
        "ORDER BY stand"
    )):
        figures = {name: int(v or 0) for name, v in zip(_FIGURES[:-1], r[2:], strict=True)}
        stands.append(StandOrders(r[0], r[1] or "", **figures, overdue=late[r[0]]))
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
