"""The organizers' event report as plain records: the stands' totals, the breakdowns of net
sales (stand, province, maker group, category, region, product, day, payment method), each
stand's page and what each maker group's products earned.

The records know no database and no paper: posapp/sync/central_queries.py reads them from
the central store, posapp/services/event_report.py puts the report together, and the PDF,
the workbook and the organizer window only show them (their columns:
posapp/domain/event_report_columns.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from posapp.domain.open_orders import OrdersSummary
from posapp.domain.totals import Totals

#: The breakdowns of net sales, in the order the report shows them.
BREAKDOWNS = ("stand", "province", "maker_group", "category", "region", "product", "day",
              "method")


@dataclass
class StandTotals:
    """One stand as the central store has it: its names and its totals."""

    code: str
    name: str
    province: str
    totals: Totals
    last_seq: int = 0
    last_entry_at: datetime | None = None  # UTC
    last_sync_at: datetime | None = None  # UTC


def overall(stands: Iterable[StandTotals]) -> Totals:
    """The totals of *stands* added up."""
    total = Totals()
    for s in stands:
        total.add(s.totals)
    return total


@dataclass(frozen=True)
class Slice:
    """One slice of a breakdown: its key, and its sales and refunds."""

    key: tuple[str, ...]  # ("Jawa Timur",), or (stand, sku, name) for products
    sales: int
    refunds: int
    units: int | None = None  # pieces sold less pieces refunded (not for day or method)

    @property
    def net(self) -> int:
        return self.sales - self.refunds

    @property
    def label(self) -> str:
        return " · ".join(k for k in self.key if k) or "-"


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

    @property
    def regions(self) -> list[str]:
        """The home regions of its products, in order."""
        return sorted({p.region for p in self.products if p.region})


@dataclass(frozen=True)
class DayFigures:
    """One day's kept sales and the refunds given on it."""

    day: str  # YYYY-MM-DD
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
class EventIdentity:
    name: str  # the event's name as most stands have it ("" when no stand has one)
    timezone: str  # the stands' time zone (the most common one)


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

    @property
    def products(self) -> list[ProductEarnings]:
        """Every product of every stand, stand by stand, largest net first."""
        return [p for s in self.sections for p in s.products]

    @property
    def payment_methods(self) -> set[str]:
        """Every payment method some stand took."""
        return {m for s in self.stands for m in s.totals.methods}
