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

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from posapp.domain.event_report import EventReport
from posapp.domain.event_report_columns import (
    CATEGORY_COLUMNS,
    DAY_COLUMNS,
    GROUP_PRODUCT_COLUMNS,
    MAKER_GROUP_COLUMNS,
    METHOD_COLUMNS,
    PRODUCT_COLUMNS,
    PROVINCE_COLUMNS,
    REGION_COLUMNS,
    stand_columns,
)
from posapp.printing.event_report_text import Words, days_covered, printed_at
from posapp.printing.report_files import replacing
from posapp.printing.xlsx_event_sheets import COUNT, RUPIAH, cell, write_sheet
from posapp.printing.xlsx_orders import View, order_summary_rows, orders_views

__all__ = ["RUPIAH", "write_event_xlsx"]


def write_event_xlsx(report: EventReport, path: Path, *, lang: str = "id") -> Path:
    """Write *report* as an .xlsx workbook at *path* (whole or not at all). Returns *path*."""
    w = Words(lang)
    book = Workbook(write_only=True)
    _summary(book.create_sheet(w.say("event_report.summary")), report, w)
    for title, columns, rows in _views(report, w):
        write_sheet(book.create_sheet(title[:31]), columns, rows, w, report.timezone)
    with replacing(Path(path)) as tmp:
        book.save(tmp)
    return Path(path)


def _views(report: EventReport, w: Words) -> Iterable[View]:
    """(sheet title, columns, rows) of every view sheet."""
    by = report.breakdowns
    yield (w.say("event_report.sheet_stands"), stand_columns(report.payment_methods),
           report.stands)
    yield w.say("event_report.sheet_provinces"), PROVINCE_COLUMNS, by["province"]
    yield w.say("event_report.sheet_maker_groups"), MAKER_GROUP_COLUMNS, by["maker_group"]
    yield w.say("event_report.sheet_categories"), CATEGORY_COLUMNS, by["category"]
    yield w.say("event_report.sheet_regions"), REGION_COLUMNS, by["region"]
    yield w.say("event_report.sheet_products"), PRODUCT_COLUMNS, report.products
    yield w.say("event_report.sheet_days"), DAY_COLUMNS, report.day_figures
    yield w.say("event_report.sheet_methods"), METHOD_COLUMNS, by["method"]
    yield (w.say("event_report.sheet_group_products"), GROUP_PRODUCT_COLUMNS,
           [p for g in report.maker_groups for p in g.products])
    if report.orders is not None:
        yield from orders_views(report.orders, w)


def _summary(ws: WriteOnlyWorksheet, report: EventReport, w: Words) -> None:
    o, lang = report.overall, w.lang
    net = w.say("event_report.net")
    rows: list[tuple[str, Any, str | None]] = [
        (w.say("event_report.event"), report.event_name, None),
        (w.say("event_report.days_covered"),
         days_covered(report.first_day, report.last_day, lang), None),
        (w.say("event_report.stands_count"), len(report.stands), COUNT),
        (w.say("event_report.printed"), printed_at(report.made_at, report.timezone, lang),
         None),
        ("", None, None),
        (w.say("event_report.sales_count"), o.sales_count, COUNT),
        (w.say("event_report.gross"), o.gross, RUPIAH),
        (w.say("event_report.discounts"), o.discounts, RUPIAH),
        (w.say("event_report.sales_total"), o.sales_total, RUPIAH),
        (w.say("event_report.refunds_count"), o.refunds_count, COUNT),
        (w.say("event_report.refunds"), o.refunds, RUPIAH),
        (w.say("event_report.voids"), o.voids_count, COUNT),
        (net, o.net, RUPIAH),
        ("", None, None),
    ]
    if report.orders is not None:
        rows += [*order_summary_rows(report.orders, w), ("", None, None)]
    rows += [(w.say("event_report.note_refunds"), None, None),
             (w.say("event_report.currency_note"), None, None)]
    ws.column_dimensions["A"].width = max(len(r[0]) for r in rows if r[1] is not None) + 3
    ws.column_dimensions["B"].width = max(len(report.event_name), 24) + 2
    ws.append([cell(ws, w.say("event_report.title"), bold=True), None])
    for label, value, fmt in rows:
        bold = label == net
        ws.append([cell(ws, label, bold=bold),
                   cell(ws, value, number_format=fmt, bold=bold) if fmt else cell(ws, value)])
