"""The organizers' event report as an Excel workbook (openpyxl, write-only). It only writes.

A summary sheet, then a sheet per view: stands, provinces, maker groups, categories,
home regions, products, days, payment methods, the maker groups' products, and the orders
(per stand, and the open ones: xlsx_orders; their money apart from sales). Amounts
are numbers with a rupiah format, counts are numbers, days are dates; each sheet ends with
a TOTAL row stored as values (no formulas, so it reads the same in any program and in
pandas). The header row is bold and frozen and has a filter; columns are as wide as their
contents.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from openpyxl import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from posapp.domain.tender import PaymentMethod
from posapp.printing.event_report_text import (
    days_covered,
    group_name,
    labels,
    method_name,
    printed_at,
)
from posapp.printing.report_files import replacing
from posapp.printing.xlsx_event_sheets import COUNT, RUPIAH, Column, cell, write_sheet
from posapp.printing.xlsx_orders import order_summary_rows, orders_views
from posapp.services.event_report_data import EventReport


def write_event_xlsx(report: EventReport, path: Path, *, lang: str = "id") -> Path:
    """Write *report* as an .xlsx workbook at *path* (whole or not at all). Returns *path*."""
    t = labels(lang)
    book = Workbook(write_only=True)
    _summary(book.create_sheet(t["summary"]), report, t, lang)
    for title, columns, rows in _views(report, t, lang):
        write_sheet(book.create_sheet(title[:31]), columns, rows, t["total"])
    with replacing(Path(path)) as tmp:
        book.save(tmp)
    return Path(path)


def _views(report: EventReport, t: dict[str, str], lang: str) -> Iterable[
        tuple[str, list[Column], Sequence[Any]]]:
    """(sheet title, columns, rows) of every view sheet."""
    zone = _zone(report.timezone)
    figures = [Column(t["units"], lambda s: s.units, "count"),
               Column(t["sales"], lambda s: s.sales, "rupiah"),
               Column(t["refunds"], lambda s: s.refunds, "rupiah"),
               Column(t["net"], lambda s: s.net, "rupiah")]
    order = [m.value for m in PaymentMethod]
    methods = sorted({m for s in report.stands for m in s.totals.methods},
                     key=lambda m: (order.index(m) if m in order else len(order), m))
    yield t["sheet_stands"], [
        Column(t["code"], lambda s: s.code), Column(t["stand"], lambda s: s.name),
        Column(t["province"], lambda s: s.province),
        Column(t["sales_count"], lambda s: s.totals.sales_count, "count"),
        Column(t["gross"], lambda s: s.totals.gross, "rupiah"),
        Column(t["discounts"], lambda s: s.totals.discounts, "rupiah"),
        Column(t["sales_total"], lambda s: s.totals.sales_total, "rupiah"),
        Column(t["voids"], lambda s: s.totals.voids_count, "count"),
        Column(t["refunds_count"], lambda s: s.totals.refunds_count, "count"),
        Column(t["refunds"], lambda s: s.totals.refunds, "rupiah"),
        Column(t["net"], lambda s: s.totals.net, "rupiah"),
        *(Column(f"{t['net']} {method_name(m, lang)}", _method_net(m), "rupiah")
          for m in methods),
        Column(t["last_entry"], lambda s: _local(s.last_entry_at, zone), "when", total=False),
    ], report.stands

    def named(header: str, empty: str) -> list[Column]:
        return [Column(header, lambda s: s.key[0] or empty), *figures]

    by = report.breakdowns
    yield t["sheet_provinces"], named(t["province"], t["none"]), by["province"]
    yield t["sheet_maker_groups"], named(t["maker_group"], t["no_group"]), by["maker_group"]
    yield t["sheet_categories"], named(t["category"], t["none"]), by["category"]
    yield t["sheet_regions"], named(t["region"], t["none"]), by["region"]
    products = [p for s in report.sections for p in s.products]
    yield t["sheet_products"], [
        Column(t["stand"], lambda p: p.stand), Column(t["sku"], lambda p: p.sku),
        Column(t["product"], lambda p: p.name), Column(t["category"], lambda p: p.category),
        Column(t["maker_group"], lambda p: group_name(p.maker_group, lang)),
        Column(t["region"], lambda p: p.region), *figures,
    ], products
    yield t["sheet_days"], [
        Column(t["day"], lambda d: date.fromisoformat(d.day), "day", total=False),
        Column(t["sales_count"], lambda d: d.sales_count, "count"), *figures[1:],
    ], report.day_figures
    yield t["sheet_methods"], [Column(t["method"], lambda s: method_name(s.key[0], lang)),
                        *figures[1:]], by["method"]
    group_rows = [(g.name, p) for g in report.maker_groups for p in g.products]
    yield t["sheet_group_products"], [
        Column(t["maker_group"], lambda r: group_name(r[0], lang)),
        Column(t["stand"], lambda r: r[1].stand), Column(t["sku"], lambda r: r[1].sku),
        Column(t["product"], lambda r: r[1].name),
        Column(t["category"], lambda r: r[1].category),
        Column(t["region"], lambda r: r[1].region),
        *(Column(c.header, _second(c.value), c.kind) for c in figures),
    ], group_rows
    if report.orders is not None:
        yield from orders_views(report.orders, t, lang)


def _summary(ws: WriteOnlyWorksheet, report: EventReport, t: dict[str, str],
             lang: str) -> None:
    o = report.overall
    rows: list[tuple[str, Any, str | None]] = [
        (t["event"], report.event_name, None),
        (t["days_covered"], days_covered(report.first_day, report.last_day, lang), None),
        (t["stands_count"], len(report.stands), COUNT),
        (t["printed"], printed_at(report.made_at, report.timezone, lang), None),
        ("", None, None),
        (t["sales_count"], o.sales_count, COUNT), (t["gross"], o.gross, RUPIAH),
        (t["discounts"], o.discounts, RUPIAH), (t["sales_total"], o.sales_total, RUPIAH),
        (t["refunds_count"], o.refunds_count, COUNT), (t["refunds"], o.refunds, RUPIAH),
        (t["voids"], o.voids_count, COUNT), (t["net"], o.net, RUPIAH),
        ("", None, None),
    ]
    if report.orders is not None:
        rows += [*order_summary_rows(report.orders, t), ("", None, None)]
    rows += [(t["note_refunds"], None, None), (t["currency_note"], None, None)]
    ws.column_dimensions["A"].width = max(len(r[0]) for r in rows if r[1] is not None) + 3
    ws.column_dimensions["B"].width = max(len(report.event_name), 24) + 2
    ws.append([cell(ws, t["title"], bold=True), None])
    for label, value, fmt in rows:
        bold = label == t["net"]
        ws.append([cell(ws, label, bold=bold),
                   cell(ws, value, number_format=fmt, bold=bold) if fmt else value])


def _method_net(method: str) -> Callable[[Any], int]:
    return lambda s: s.totals.methods[method].net if method in s.totals.methods else 0


def _second(read: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda row: read(row[1])


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("Asia/Jakarta")


def _local(moment: datetime | None, zone: ZoneInfo) -> datetime | None:
    """A UTC time as the event's wall clock, without a zone (Excel has none)."""
    if moment is None:
        return None
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(zone).replace(tzinfo=None, microsecond=0)
