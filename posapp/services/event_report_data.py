"""The event report's data: plain records, and the adding-up that makes every breakdown
from the same rows (pure: no database). posapp/services/event_report.py reads the rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from posapp.domain.report import MethodTotals
from posapp.domain.totals import Totals
from posapp.services.central_totals import StandTotals
from posapp.services.central_views import Slice
from posapp.services.event_report_orders import OrdersSummary
from posapp.services.event_report_orders import checks as order_checks

#: The breakdowns in the report, in the order the renderers show them.
BREAKDOWNS = ("stand", "province", "maker_group", "category", "region", "product", "day",
              "method")


@dataclass(frozen=True)
class ProductEarnings:
    """What one product of one stand brought in (units: sold less refunded)."""

    stand: str
    sku: str
    name: str
    category: str
    maker_group: str
    region: str
    units: int
    sales: int
    refunds: int

    @property
    def net(self) -> int:
        return self.sales - self.refunds


@dataclass(frozen=True)
class MakerGroupEarnings:
    """A maker group and its products, the products largest net first."""

    name: str
    products: list[ProductEarnings]

    @property
    def units(self) -> int:
        return sum(p.units for p in self.products)

    @property
    def sales(self) -> int:
        return sum(p.sales for p in self.products)

    @property
    def refunds(self) -> int:
        return sum(p.refunds for p in self.products)

    @property
    def net(self) -> int:
        return self.sales - self.refunds


@dataclass(frozen=True)
class DayFigures:
    """One day's kept sales and the refunds given on it."""

    day: str
    sales_count: int
    sales: int
    refunds: int

    @property
    def net(self) -> int:
        return self.sales - self.refunds


@dataclass(frozen=True)
class StandSection:
    """One stand's page: its totals, payment methods, days and products."""

    stand: StandTotals
    methods: list[Slice]
    days: list[DayFigures]
    products: list[ProductEarnings]  # largest net first


@dataclass(frozen=True)
class EventReport:
    event_name: str
    timezone: str  # the stands' time zone (the most common one), for printed times
    made_at: datetime  # UTC
    days: list[str]  # every day with a sale or a refund, in order
    stands: list[StandTotals]  # by stand code
    overall: Totals
    breakdowns: dict[str, list[Slice]]  # BREAKDOWNS -> slices, largest net first
    day_figures: list[DayFigures]  # the whole event's days, in order
    sections: list[StandSection]  # by stand code
    maker_groups: list[MakerGroupEarnings]  # largest net first
    orders: OrdersSummary | None = None  # orders for later delivery, apart from sales
    notes: list[str] = field(default_factory=list)

    @property
    def first_day(self) -> str | None:
        return self.days[0] if self.days else None

    @property
    def last_day(self) -> str | None:
        return self.days[-1] if self.days else None


def assemble(stands: list[StandTotals], products: list[ProductEarnings],
             stand_days: dict[str, list[DayFigures]], *, event_name: str, timezone: str,
             made_at: datetime, orders: OrdersSummary | None = None) -> EventReport:
    """The report from what the central store holds: the stands with their totals and
    payment methods, every product of every stand, each stand's days, and the orders."""
    overall = Totals()
    for s in stands:
        overall.add(s.totals)
    per_stand: dict[str, list[ProductEarnings]] = defaultdict(list)
    for p in products:
        per_stand[p.stand].append(p)
    report = EventReport(
        event_name=event_name, timezone=timezone, made_at=made_at,
        days=sorted({d.day for ds in stand_days.values() for d in ds}),
        stands=stands, overall=overall,
        breakdowns=breakdowns(stands, products, per_stand, stand_days),
        day_figures=add_days(d for ds in stand_days.values() for d in ds),
        sections=[
            StandSection(s, method_slices(s.totals.methods), stand_days.get(s.code, []),
                         largest_first(per_stand.get(s.code, [])))
            for s in stands
        ],
        maker_groups=maker_groups(products),
        orders=orders,
    )
    report.notes.extend(checks(report))
    return report


def breakdowns(stands: list[StandTotals], products: list[ProductEarnings],
                per_stand: dict[str, list[ProductEarnings]],
                stand_days: dict[str, list[DayFigures]]) -> dict[str, list[Slice]]:
    province = {s.code: s.province for s in stands}
    by: dict[str, list[Slice]] = {
        "stand": _sorted(Slice((s.code,), s.totals.sales_total, s.totals.refunds,
                               sum(p.units for p in per_stand.get(s.code, [])))
                         for s in stands),
        "province": _group(products, lambda p: (province.get(p.stand, ""),)),
        "maker_group": _group(products, lambda p: (p.maker_group,)),
        "category": _group(products, lambda p: (p.category,)),
        "region": _group(products, lambda p: (p.region,)),
        "product": _group(products, lambda p: (p.stand, p.sku, p.name)),
        "day": _sorted(Slice((d.day,), d.sales, d.refunds)
                       for d in add_days(d for ds in stand_days.values() for d in ds)),
        "method": method_slices(_add_methods(s.totals.methods for s in stands)),
    }
    # provinces whose stands sold nothing still belong in the province table
    shown = {s.key[0] for s in by["province"]}
    by["province"] += [Slice((p,), 0, 0, 0) for p in sorted(set(province.values()) - shown)]
    return by


def _group(products: Iterable[ProductEarnings],
           key: Callable[[ProductEarnings], tuple[str, ...]]) -> list[Slice]:
    sums: dict[tuple[str, ...], list[int]] = {}
    for p in products:
        acc = sums.setdefault(key(p), [0, 0, 0])
        acc[0] += p.units
        acc[1] += p.sales
        acc[2] += p.refunds
    return _sorted(Slice(k, sales, refunds, units) for k, (units, sales, refunds) in sums.items())


def _sorted(slices: Iterable[Slice]) -> list[Slice]:
    return sorted(slices, key=lambda s: (-s.net, s.key))


def largest_first(products: Iterable[ProductEarnings]) -> list[ProductEarnings]:
    return sorted(products, key=lambda p: (-p.net, -p.units, p.stand, p.sku, p.name))


def add_days(days: Iterable[DayFigures]) -> list[DayFigures]:
    sums: dict[str, list[int]] = {}
    for d in days:
        acc = sums.setdefault(d.day, [0, 0, 0])
        acc[0] += d.sales_count
        acc[1] += d.sales
        acc[2] += d.refunds
    return [DayFigures(day, *sums[day]) for day in sorted(sums)]


def _add_methods(per_stand: Iterable[dict[str, MethodTotals]]) -> dict[str, MethodTotals]:
    total = Totals()
    for methods in per_stand:
        for method, t in methods.items():
            total.add_method(method, t.sales, t.refunds)
    return total.methods


def method_slices(methods: dict[str, MethodTotals]) -> list[Slice]:
    return _sorted(Slice((m,), t.sales, t.refunds) for m, t in methods.items()
                   if t.sales or t.refunds)


def maker_groups(products: list[ProductEarnings]) -> list[MakerGroupEarnings]:
    by_group: dict[str, list[ProductEarnings]] = defaultdict(list)
    for p in products:
        by_group[p.maker_group].append(p)
    groups = [MakerGroupEarnings(name, largest_first(items))
              for name, items in by_group.items()]
    return sorted(groups, key=lambda g: (-g.net, g.name))


def checks(report: EventReport) -> list[str]:
    """Breakdowns that do not add up to the overall net, and open orders that do not add up
    to the stands' order figures (none, unless the store is off)."""
    net = report.overall.net
    found = [f"{dim}: {sum(s.net for s in slices)} against the overall {net}"
             for dim, slices in report.breakdowns.items()
             if sum(s.net for s in slices) != net]
    return found + (order_checks(report.orders) if report.orders is not None else [])
