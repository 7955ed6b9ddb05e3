"""After the event: the open orders, for whoever delivers them (XLSX or CSV).

Every order still open or ready, of every stand, with the buyer's contact and address,
what was ordered line by line (made-to-order pieces with their description), what was
paid, the balance still due, the due date and whether it is overdue (the due date before
today in the stand's time zone).

The CSV has one row per order line, in the column order of ``COLUMNS``. The order's
contact, address and dates are on each of its lines (so a filter keeps them); its money
(``order_total``, ``paid``, ``balance_due``) is on its first line only, so that adding up
a column gives the right sum. UTF-8 with a byte order mark, like the shop CSV
(shop_export), so that Excel reads it as UTF-8. The XLSX has a sheet of orders (one row
each, their items in one cell) and a sheet of order lines, each ending in a TOTAL row.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from posapp.domain.errors import InvalidInput
from posapp.domain.open_orders import OpenOrder, OrdersSummary
from posapp.domain.text import spreadsheet_cell
from posapp.printing.report_files import check_writable, replacing
from posapp.services.event_report_orders import read_orders
from posapp.sync.central_store import Central

Progress = Callable[[int, int], None]
FORMATS = (".xlsx", ".csv")
COLUMNS = ("stand", "province", "order_no", "status", "taken_on", "due", "overdue",
           "buyer_name", "phone", "email", "country", "delivery", "address", "note",
           "line_no", "sku", "item", "made_to_order", "quantity", "delivered", "to_deliver",
           "unit_price", "line_total", "order_total", "paid", "balance_due")


@dataclass(frozen=True)
class OrdersExport:
    path: Path
    orders: int
    lines: int
    stands: int
    overdue: int
    balance_due: int


def check_output(path: Path) -> None:
    """Refuse, in one line, a file that is not .xlsx or .csv or cannot be written."""
    if Path(path).suffix.lower() not in FORMATS:
        raise InvalidInput("report.open_orders_suffix", name=Path(path).name)
    check_writable(Path(path))


def write_orders_export(target: str, path: Path, *, lang: str = "id",
                        now: datetime | None = None,
                        progress: Progress | None = None) -> OrdersExport:
    """Write the open orders of the central store at *target* to *path* (.xlsx or .csv,
    whole or not at all); overdue as of *now* (UTC, default this moment). The XLSX's
    headers are in *lang*; the CSV's are the fixed names of ``COLUMNS``."""
    path = Path(path)
    check_output(path)
    with Central(target, create=False) as central, central.reading() as conn:
        summary = read_orders(conn, now or datetime.now(UTC))
    if progress is not None:
        progress(1, 2)
    if path.suffix.lower() == ".csv":
        write_orders_csv(summary, path)
    else:
        from posapp.printing.xlsx_orders import write_orders_xlsx

        write_orders_xlsx(summary, path, lang=lang)
    if progress is not None:
        progress(2, 2)
    return OrdersExport(path, len(summary.open), sum(len(o.lines) for o in summary.open),
                        len({o.stand for o in summary.open}), len(summary.overdue),
                        sum(o.balance_due for o in summary.open))


def write_orders_csv(summary: OrdersSummary, path: Path) -> Path:
    """The open orders as CSV at *path*, one row per order line."""
    with replacing(Path(path)) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        for order in summary.open:
            writer.writerows([spreadsheet_cell(v) for v in row] for row in csv_rows(order))
    return Path(path)


def csv_rows(order: OpenOrder) -> Iterator[list[object]]:
    """The CSV rows of *order*: one per line, its money on the first."""
    head: list[object] = [
        order.stand, order.province, order.order_no, order.status, order.taken_on,
        order.due or "", "yes" if order.overdue else "no", order.buyer_name, order.phone,
        order.email, order.country, "ship" if order.ships else "pick-up", order.address,
        order.note]
    money: list[object] = [order.total, order.paid, order.balance_due]
    if not order.lines:
        yield head + [""] * 9 + money
        return
    for i, line in enumerate(order.lines):
        yield head + [
            line.line_no, "" if line.custom else line.sku, line.name,
            "yes" if line.custom else "no", line.quantity, line.delivered, line.to_deliver,
            line.unit_price, line.total,
        ] + (money if i == 0 else ["", "", ""])
