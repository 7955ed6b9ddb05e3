"""The event report put together: the adding-up that makes every breakdown from the same
rows (pure: no database). posapp/services/event_report.py reads the rows
(posapp/sync/central_queries.py); the records are posapp/domain/event_report.py's."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import datetime

from posapp.domain.event_report import (
    DayFigures,
    EventReport,
    MakerGroupEarnings,
    ProductEarnings,
    Slice,
    StandSection,
    StandTotals,
    overall,
)
from posapp.domain.open_orders import OrdersSummary
from posapp.domain.report import MethodTotals
from posapp.domain.totals import Totals
from posapp.services.event_report_orders import checks as order_checks


def assemble(stands: list[StandTotals], products: list[ProductEarnings],
             stand_days: dict[str, list[DayFigures]], *, event_name: str, timezone: str,
             made_at: datetime, orders: OrdersSummary | None = None) -> EventReport:
    """The report from what the central store holds: the stands with their totals and
    payment methods, every product of every stand, each stand's days, and the orders."""
    per_stand: dict[str, list[ProductEarnings]] = defaultdict(list)
    for p in products:
        per_stand[p.stand].append(p)
    report = EventReport(
        event_name=event_name, timezone=timezone, made_at=made_at,
        days=sorted({d.day for ds in stand_days.values() for d in ds}),
        stands=stands, overall=overall(stands),
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
