"""The event report's tables, one column list each, shared by the PDF
(printing/pdf_event_tables.py), the workbook (printing/xlsx_event_report.py) and the
organizer window's stand table (ui/organizer/table.py).

A new column is one line in its table's list (its header's message id, how to read its
value, its kind, and where it shows when not everywhere) plus the header's words in
resources/locale/{en,id}/LC_MESSAGES/posapp.po (``scripts/messages.py set``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from posapp.domain.event_report import DayFigures, ProductEarnings, Slice, StandTotals
from posapp.domain.messages import Message, msg
from posapp.domain.report_columns import Column, Kind, Where
from posapp.domain.tender import PAYMENT_METHODS, PaymentMethod

MONEY, COUNT, DAY, WHEN = Kind.MONEY, Kind.COUNT, Kind.DAY, Kind.WHEN
PDF, XLSX, WINDOW, PAPER = Where.PDF, Where.XLSX, Where.WINDOW, Where.PAPER

#: How an empty name reads in a table: a province, category or region not filled in.
NOT_SET = msg("event_report.none")
NO_GROUP = msg("event_report.no_group")


def named(name: str) -> str | Message:
    return name or NOT_SET


def group_named(name: str) -> str | Message:
    return name or NO_GROUP


def method_named(code: str) -> str | Message:
    """A payment method's name (its code when posapp does not know it)."""
    try:
        return PaymentMethod(code).label
    except ValueError:
        return code


#: The stands, one row each (StandTotals).
STAND_NET: Column[StandTotals] = Column(msg("event_report.net"), lambda s: s.totals.net, MONEY)
STAND_COLUMNS: tuple[Column[StandTotals], ...] = (
    Column(msg("event_report.code"), lambda s: s.code),
    Column(msg("event_report.stand"), lambda s: s.name, where=PAPER),
    Column(msg("event_report.province"), lambda s: s.province),
    Column(msg("event_report.sales_count"), lambda s: s.totals.sales_count, COUNT),
    Column(msg("event_report.gross"), lambda s: s.totals.gross, MONEY, XLSX | WINDOW),
    Column(msg("event_report.discounts"), lambda s: s.totals.discounts, MONEY, XLSX | WINDOW),
    Column(msg("event_report.sales_total"), lambda s: s.totals.sales_total, MONEY, PAPER),
    Column(msg("event_report.voids"), lambda s: s.totals.voids_count, COUNT, XLSX),
    Column(msg("event_report.refunds_count"), lambda s: s.totals.refunds_count, COUNT, XLSX),
    Column(msg("event_report.refunds"), lambda s: s.totals.refunds, MONEY),
    STAND_NET,
    Column(msg("event_report.last_entry"), lambda s: s.last_entry_at, WHEN, XLSX | WINDOW),
    Column(msg("event_report.last_sync"), lambda s: s.last_sync_at, WHEN, WINDOW),
)


def stand_columns(methods: Iterable[str]) -> list[Column[StandTotals]]:
    """The stand table with, in the workbook, the net of each of *methods* after the net
    (the methods in the order of tender.PAYMENT_METHODS, unknown ones after them)."""
    order = [m.method.value for m in PAYMENT_METHODS]
    ordered = sorted(set(methods), key=lambda m: (order.index(m) if m in order else len(order),
                                                  m))
    nets: list[Column[StandTotals]] = [
        Column(msg("event_report.net_by_method", method=method_named(m)), _method_net(m), MONEY,
               XLSX) for m in ordered]
    after = STAND_COLUMNS.index(STAND_NET) + 1
    return [*STAND_COLUMNS[:after], *nets, *STAND_COLUMNS[after:]]


def _method_net(method: str) -> Callable[[StandTotals], int]:
    def net(s: StandTotals) -> int:
        found = s.totals.methods.get(method)
        return found.net if found is not None else 0
    return net


#: A breakdown of net sales by one name (province, maker group, category, home region).
def _breakdown(label: Message, name: Callable[[str], str | Message]) -> tuple[
        Column[Slice], ...]:
    return (
        Column(label, lambda s: name(s.key[0])),
        Column(msg("event_report.units"), lambda s: s.units or 0, COUNT),
        Column(msg("event_report.sales"), lambda s: s.sales, MONEY),
        Column(msg("event_report.refunds"), lambda s: s.refunds, MONEY),
        Column(msg("event_report.net"), lambda s: s.net, MONEY),
    )


PROVINCE_COLUMNS = _breakdown(msg("event_report.province"), named)
MAKER_GROUP_COLUMNS = _breakdown(msg("event_report.maker_group"), group_named)
CATEGORY_COLUMNS = _breakdown(msg("event_report.category"), named)
REGION_COLUMNS = _breakdown(msg("event_report.region"), named)

#: Net sales by payment method (Slice keyed by the method's code).
METHOD_COLUMNS: tuple[Column[Slice], ...] = (
    Column(msg("event_report.method"), lambda s: method_named(s.key[0])),
    Column(msg("event_report.sales"), lambda s: s.sales, MONEY),
    Column(msg("event_report.refunds"), lambda s: s.refunds, MONEY),
    Column(msg("event_report.net"), lambda s: s.net, MONEY),
)

#: Day by day (DayFigures).
DAY_COLUMNS: tuple[Column[DayFigures], ...] = (
    Column(msg("event_report.day"), lambda d: d.day, DAY),
    Column(msg("event_report.sales_count"), lambda d: d.sales_count, COUNT),
    Column(msg("event_report.sales"), lambda d: d.sales, MONEY),
    Column(msg("event_report.refunds"), lambda d: d.refunds, MONEY),
    Column(msg("event_report.net"), lambda d: d.net, MONEY),
)

#: Products, stand by stand (the PDF: a stand page's top products).
PRODUCT_COLUMNS: tuple[Column[ProductEarnings], ...] = (
    Column(msg("event_report.stand"), lambda p: p.stand, where=XLSX),
    Column(msg("event_report.sku"), lambda p: p.sku),
    Column(msg("event_report.product"), lambda p: p.name),
    Column(msg("event_report.category"), lambda p: p.category, where=XLSX),
    Column(msg("event_report.maker_group"), lambda p: group_named(p.maker_group)),
    Column(msg("event_report.region"), lambda p: p.region, where=XLSX),
    Column(msg("event_report.units"), lambda p: p.units, COUNT),
    Column(msg("event_report.sales"), lambda p: p.sales, MONEY, XLSX),
    Column(msg("event_report.refunds"), lambda p: p.refunds, MONEY, XLSX),
    Column(msg("event_report.net"), lambda p: p.net, MONEY),
)

#: Products, maker group by maker group (the PDF: a table per group, titled with its name).
GROUP_PRODUCT_COLUMNS: tuple[Column[ProductEarnings], ...] = (
    Column(msg("event_report.maker_group"), lambda p: group_named(p.maker_group), where=XLSX),
    Column(msg("event_report.stand"), lambda p: p.stand),
    Column(msg("event_report.sku"), lambda p: p.sku),
    Column(msg("event_report.product"), lambda p: p.name),
    Column(msg("event_report.category"), lambda p: p.category),
    Column(msg("event_report.region"), lambda p: p.region, where=XLSX),
    Column(msg("event_report.units"), lambda p: p.units, COUNT),
    Column(msg("event_report.sales"), lambda p: p.sales, MONEY),
    Column(msg("event_report.refunds"), lambda p: p.refunds, MONEY),
    Column(msg("event_report.net"), lambda p: p.net, MONEY),
)
