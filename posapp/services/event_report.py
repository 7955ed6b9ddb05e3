"""Everything the organizers' event report shows, read from the central store in one go.

One read transaction gives the stands' totals, every breakdown (stand, province, maker
group, category, region, product, day, payment method), each stand's own payment methods,
days and products, and what each maker group's products earned. The PDF and XLSX
renderers only draw this data. The figures follow the central views: a voided sale counts
nowhere, and a refund counts on the day it was given. So every breakdown adds up to the
overall net.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, text

from posapp.domain.report import MethodTotals
from posapp.domain.totals import Totals
from posapp.services.central_totals import StandTotals
from posapp.services.central_views import Slice
from posapp.sync import central_store
from posapp.sync.central_store import Central

Progress = Callable[[int, int], None]

#: The breakdowns in the report, in the order the renderers show them.
BREAKDOWNS = ("stand", "province", "maker_group", "category", "region", "product", "day",
              "method")
_STEPS = 6


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
    notes: list[str] = field(default_factory=list)

    @property
    def first_day(self) -> str | None:
        return self.days[0] if self.days else None

    @property
    def last_day(self) -> str | None:
        return self.days[-1] if self.days else None


def event_report(central: Central, *, made_at: datetime,
                 progress: Progress | None = None) -> EventReport:
    """Read the whole report from *central* in one read transaction.

    *made_at* (UTC) is printed on the report. *progress(done, total)* is called after each
    step; on 170,000 sales the read takes a few seconds.
    """
    step = _Stepper(progress)
    with central.reading() as conn:
        _hold_writers_off(conn, central)
        stands, event_name, zone = _stands(conn)
        step()
        methods = _methods(conn)
        for s in stands:
            s.totals.methods = methods.get(s.code, {})
        step()
        products = _products(conn)
        step()
        stand_days = _stand_days(conn)
        step()
    overall = Totals()
    for s in stands:
        overall.add(s.totals)
    per_stand: dict[str, list[ProductEarnings]] = defaultdict(list)
    for p in products:
        per_stand[p.stand].append(p)
    report = EventReport(
        event_name=event_name, timezone=zone, made_at=made_at,
        days=sorted({d.day for ds in stand_days.values() for d in ds}),
        stands=stands, overall=overall,
        breakdowns=_breakdowns(stands, products, per_stand, stand_days),
        day_figures=_add_days(d for ds in stand_days.values() for d in ds),
        sections=[
            StandSection(s, _method_slices(s.totals.methods), stand_days.get(s.code, []),
                         _largest_first(per_stand.get(s.code, [])))
            for s in stands
        ],
        maker_groups=_maker_groups(products),
    )
    step()
    report.notes.extend(_checks(report))
    step()
    return report


class _Stepper:
    def __init__(self, progress: Progress | None) -> None:
        self.progress, self.done = progress, 0

    def __call__(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, _STEPS)


def _hold_writers_off(conn: Connection, central: Central) -> None:
    """Make the several queries of this read see one state of the store.

    SQLite: the read transaction's shared lock already keeps a writer from committing.
    PostgreSQL reads at READ COMMITTED, so each query could see a sync that landed between
    two of them; the shared form of the writers' advisory lock makes a sync wait (for the
    few seconds of this read) instead.
    """
    if not central.is_sqlite:
        conn.execute(text("SELECT pg_advisory_xact_lock_shared(:k)"),
                     {"k": central_store._PG_LOCK})


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
                    int(r[9]), _when(r[10]), _when(r[11]))
        for r in rows
    ]
    names = Counter(r[12] for r in rows if r[12])
    zones = Counter(r[13] for r in rows if r[13])
    return (stands, names.most_common(1)[0][0] if names else "",
            zones.most_common(1)[0][0] if zones else "Asia/Jakarta")


def _methods(conn: Connection) -> dict[str, dict[str, MethodTotals]]:
    out: dict[str, dict[str, MethodTotals]] = {}
    for stand, method, sales, refunds in conn.execute(text(
        "SELECT stand, method, sales, refunds FROM v_stand_payment_totals"
    )):
        out.setdefault(stand, {})[method] = MethodTotals(int(sales), int(refunds))
    return out


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


def _breakdowns(stands: list[StandTotals], products: list[ProductEarnings],
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
                       for d in _add_days(d for ds in stand_days.values() for d in ds)),
        "method": _method_slices(_add_methods(s.totals.methods for s in stands)),
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


def _largest_first(products: Iterable[ProductEarnings]) -> list[ProductEarnings]:
    return sorted(products, key=lambda p: (-p.net, -p.units, p.stand, p.sku, p.name))


def _add_days(days: Iterable[DayFigures]) -> list[DayFigures]:
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


def _method_slices(methods: dict[str, MethodTotals]) -> list[Slice]:
    return _sorted(Slice((m,), t.sales, t.refunds) for m, t in methods.items()
                   if t.sales or t.refunds)


def _maker_groups(products: list[ProductEarnings]) -> list[MakerGroupEarnings]:
    by_group: dict[str, list[ProductEarnings]] = defaultdict(list)
    for p in products:
        by_group[p.maker_group].append(p)
    groups = [MakerGroupEarnings(name, _largest_first(items))
              for name, items in by_group.items()]
    return sorted(groups, key=lambda g: (-g.net, g.name))


def _checks(report: EventReport) -> list[str]:
    """Breakdowns that do not add up to the overall net (none, unless the store is off)."""
    net = report.overall.net
    return [f"{dim}: {sum(s.net for s in slices)} against the overall {net}"
            for dim, slices in report.breakdowns.items()
            if sum(s.net for s in slices) != net]


def _when(value: object) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))  # SQLite views hand back text
