"""The organizers' orders on SQLite and PostgreSQL: the figures per stand equal the central
view, the event report's orders section adds up (PDF and XLSX read back), and
``posapp orders-export`` lists each open order line by line with its balance due."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import create_engine, text

from posapp.domain.open_orders import OpenOrder, OrdersSummary, StandOrders
from posapp.services import orders_export
from posapp.services.event_report import event_report
from posapp.services.event_report_orders import checks as order_checks
from posapp.services.event_report_orders import orders_summary
from posapp.sync.central_store import Central
from tests.central.order_stands import AFTER, BATIK, DELEGATE, OrderEvent, make_order_event
from tests.conftest import CliResult
from tests.readback import needs_poppler, run

Cli = Callable[..., CliResult]
VIEW = ("SELECT stand, orders, open_orders, handed_over, cancelled, deposits_held, "
        "balances_due, order_money FROM v_stand_order_totals ORDER BY stand")


@pytest.fixture
def orders_event(central_url: str, tmp_path: Path, catalog_file: Path) -> OrderEvent:
    return make_order_event(central_url, tmp_path / "stands", catalog_file)


def view(url: str, sql: str = VIEW) -> list[tuple[object, ...]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql))]
    finally:
        engine.dispose()


def read_csv(path: Path) -> list[dict[str, str]]:
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM, as in the shop CSV
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames or ()) == orders_export.COLUMNS
        return list(reader)


def test_the_figures_per_stand_equal_the_view_and_one_order_is_overdue(
        orders_event: OrderEvent) -> None:
    with Central(orders_event.url) as central:
        summary = orders_summary(central, now=AFTER)

    assert [(s.stand, s.orders, s.open_orders, s.handed_over, s.cancelled, s.deposits_held,
             s.balances_due, s.order_money) for s in summary.stands] == view(orders_event.url)
    assert view(orders_event.url) == [
        ("BALI", 1, 1, 0, 0, 700_000, 850_000, 700_000),
        ("JATIM", 4, 2, 1, 1, 1_000_000, 2_800_000, 1_400_000)]
    assert [o.order_no for o in summary.open] == orders_event.open
    assert [o.order_no for o in summary.overdue] == [orders_event.overdue]
    assert {s.stand: s.overdue for s in summary.stands} == {"BALI": 0, "JATIM": 1}
    late = summary.overdue[0]
    assert (late.buyer_name, late.email, late.address, late.due) == (
        DELEGATE.name, DELEGATE.email, DELEGATE.address, "2026-06-26")
    assert [(ln.sku, ln.name, ln.custom, ln.quantity, ln.total) for ln in late.lines] == [
        ("JTM-JLB-001", late.lines[0].name, False, 10, 850_000),
        ("CUSTOM", BATIK, True, 2, 2_500_000)]
    assert (late.total, late.paid, late.balance_due) == (3_350_000, 1_000_000, 2_350_000)
    with Central(orders_event.url) as central:  # judged on the day it was due: not yet late
        on_the_day = orders_summary(central, now=AFTER.replace(day=26))
    assert on_the_day.overdue == []


def test_the_event_report_keeps_order_money_apart_and_its_section_adds_up(
        orders_event: OrderEvent, tmp_path: Path) -> None:
    with Central(orders_event.url) as central:
        report = event_report(central, made_at=AFTER)

    assert report.notes == []
    assert report.overall.net == 85_000  # the one sale: orders are not sales
    orders = report.orders
    assert orders is not None
    total = orders.total
    (held, due, money), = view(orders_event.url, "SELECT SUM(deposits_held), "
                               "SUM(balances_due), SUM(order_money) FROM v_stand_order_totals")
    assert (total.deposits_held, total.balances_due, total.order_money) == (held, due, money)
    assert (total.deposits_held, total.balances_due) == (1_700_000, 3_650_000)
    assert sum(o.balance_due for o in orders.open) == total.balances_due
    assert sum(o.paid for o in orders.open) == total.deposits_held
    assert (total.orders, total.open_orders, total.handed_over, total.cancelled,
            total.overdue) == (5, 3, 1, 1, 1)


@needs_poppler
def test_the_pdf_has_an_orders_section_with_the_open_orders(
        orders_event: OrderEvent, tmp_path: Path, cli: Cli) -> None:
    pdf = tmp_path / "laporan.pdf"
    r = cli("report", "--central", orders_event.url, "--pdf", str(pdf))
    assert r.code == 0, r.err
    assert "3 open orders, balances due Rp 3.650.000 (apart from sales)" in r.out

    pages = run("pdftotext", "-layout", pdf, "-").split("\f")
    section = next(p for p in pages if "Pesanan per stan" in p)
    assert "Pesanan (di luar penjualan)" in section and "tidak termasuk dalam angka neto" \
        in section
    total = next(line for line in section.splitlines()
                 if line.strip().startswith("TOTAL") and "Rp 3.650.000" in line)
    assert "Rp 1.700.000" in total  # deposits held, then balances due, of every stand
    jatim = next(line for line in section.splitlines() if line.strip().startswith("JATIM"))
    assert "Rp 1.000.000" in jatim and "Rp 2.800.000" in jatim
    text = "\f".join(pages)
    late = next(line for line in text.splitlines() if orders_event.overdue in line)
    assert "26 Jun 2026 !" in late and "Rp 2.350.000" in late and "Vietnam" in late
    for number in orders_event.open:
        assert number in text
    assert "Penjualan neto seluruh stan" in pages[0] and "Rp 85.000" in pages[0]


def test_the_xlsx_has_the_orders_per_stand_and_the_open_orders(
        orders_event: OrderEvent, tmp_path: Path, cli: Cli) -> None:
    xlsx = tmp_path / "laporan.xlsx"
    assert cli("report", "--central", orders_event.url, "--xlsx", str(xlsx)).code == 0
    book = openpyxl.load_workbook(xlsx)

    assert book.sheetnames[-2:] == ["Pesanan per stan", "Pesanan terbuka"]
    per_stand = list(book["Pesanan per stan"].iter_rows(values_only=True))
    header, body, total = per_stand[0], per_stand[1:-1], per_stand[-1]
    held, due = header.index("DP ditahan"), header.index("Sisa tagihan")
    assert {r[0]: (r[held], r[due]) for r in body} == {
        "BALI": (700_000, 850_000), "JATIM": (1_000_000, 2_800_000)}
    assert total[0] == "TOTAL" and (total[held], total[due]) == (1_700_000, 3_650_000)
    assert total[header.index("Terlambat")] == 1
    rows = list(book["Pesanan terbuka"].iter_rows(min_row=2))
    head = [c.value for c in book["Pesanan terbuka"][1]]
    assert [r[head.index("No. pesanan")].value for r in rows[:-1]] == orders_event.open
    balance = [r[head.index("Sisa tagihan")] for r in rows]
    assert all(isinstance(c.value, int) for c in balance)
    assert balance[-1].value == sum(c.value for c in balance[:-1]) == 3_650_000
    assert balance[0].number_format == '"Rp" #,##0;-"Rp" #,##0'
    late = next(r for r in rows if r[head.index("No. pesanan")].value == orders_event.overdue)
    assert late[head.index("Terlambat")].value == "ya"
    assert BATIK in late[head.index("Barang")].value
    summary = {r[0]: r[1] for r in book["Ringkasan"].iter_rows(values_only=True)}
    assert summary["Neto"] == 85_000 and summary["Sisa tagihan"] == 3_650_000


# --- posapp orders-export -----------------------------------------------------------------

def test_orders_export_csv_lists_each_open_orders_lines_and_balances(
        orders_event: OrderEvent, tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "pesanan.csv"
    r = cli("orders-export", "--central", orders_event.url, str(path))
    assert r.code == 0, r.err
    assert r.out.strip() == (f"{path}: 3 open orders (5 lines, 1 overdue) from 2 stands, "
                             "balances due Rp 3.650.000")

    rows = read_csv(path)
    bali_no, late_no, ready_no = orders_event.open
    assert late_no == orders_event.overdue
    assert [(r["order_no"], r["line_no"]) for r in rows] == [
        (bali_no, "1"), (bali_no, "2"), (late_no, "1"), (late_no, "2"), (ready_no, "1")]
    by_order: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_order.setdefault(row["order_no"], []).append(row)
    assert sorted(by_order) == orders_event.open
    assert sum(int(r["balance_due"] or 0) for r in rows) == 3_650_000
    late = by_order[orders_event.overdue]
    assert [(r["sku"], r["item"], r["made_to_order"], r["quantity"], r["unit_price"],
             r["line_total"]) for r in late] == [
        ("JTM-JLB-001", late[0]["item"], "no", "10", "85000", "850000"),
        ("", BATIK, "yes", "2", "1250000", "2500000")]
    assert [(r["order_total"], r["paid"], r["balance_due"]) for r in late] == [
        ("3350000", "1000000", "2350000"), ("", "", "")]  # the order's money on line 1 only
    first = late[0]
    assert (first["buyer_name"], first["phone"], first["email"], first["country"],
            first["address"], first["delivery"], first["due"], first["overdue"],
            first["note"]) == (DELEGATE.name, "'" + DELEGATE.phone, DELEGATE.email, "Vietnam",
                               DELEGATE.address, "ship", "2026-06-26", "yes", "kirim lewat DHL")
    # "+84 90 ..." as a spreadsheet reads it would be a formula: the quote keeps it text
    bali = by_order[bali_no]
    assert [(r["quantity"], r["delivered"], r["to_deliver"]) for r in bali] == [
        ("2", "1", "1"), ("1", "0", "1")]
    assert (bali[0]["paid"], bali[0]["balance_due"], bali[0]["overdue"]) == (
        "700000", "850000", "no")
    ready = by_order[ready_no]
    assert (ready[0]["status"], ready[0]["due"], ready[0]["delivery"]) == ("ready", "",
                                                                          "pick-up")


def test_orders_export_xlsx_reads_back_with_numbers(orders_event: OrderEvent,
                                                    tmp_path: Path) -> None:
    result = orders_export.write_orders_export(orders_event.url, tmp_path / "orders.xlsx",
                                               lang="en", now=AFTER)
    assert (result.orders, result.lines, result.overdue, result.balance_due) == (
        3, 5, 1, 3_650_000)

    book = openpyxl.load_workbook(tmp_path / "orders.xlsx")
    assert book.sheetnames == ["Open orders", "Order lines"]
    head = [c.value for c in book["Open orders"][1]]
    rows = list(book["Open orders"].iter_rows(min_row=2, values_only=True))
    assert [r[head.index("Order")] for r in rows[:-1]] == orders_event.open
    assert rows[-1][0] == "TOTAL" and rows[-1][head.index("Balance due")] == 3_650_000
    late = next(r for r in rows if r[head.index("Order")] == orders_event.overdue)
    assert (late[head.index("Overdue")], late[head.index("Paid")],
            late[head.index("Delivery address")]) == ("yes", 1_000_000, DELEGATE.address)
    lines_head = [c.value for c in book["Order lines"][1]]
    lines = list(book["Order lines"].iter_rows(min_row=2, values_only=True))
    assert len(lines) == 5 + 1
    batik = next(r for r in lines if r[lines_head.index("Item")] == BATIK)
    assert (batik[lines_head.index("Made to order")], batik[lines_head.index("Quantity")],
            batik[lines_head.index("Line total")]) == ("yes", 2, 2_500_000)
    assert lines[-1][lines_head.index("To deliver")] == 10 + 2 + 3 + 1 + 1


@pytest.mark.parametrize(("name", "reason"), [
    ("pesanan.txt", "name the file .xlsx or .csv, not pesanan.txt"),
    ("no/such/folder/pesanan.csv", "does not exist"),
])
def test_orders_export_refuses_a_bad_file_in_one_line(orders_event: OrderEvent, cli: Cli,
                                                      tmp_path: Path, name: str,
                                                      reason: str) -> None:
    r = cli("orders-export", "--central", orders_event.url, str(tmp_path / name))
    assert r.code == 1 and r.err.count("\n") == 1
    assert r.err.startswith("posapp: ") and reason in r.err
    assert not (tmp_path / name).exists()


def test_orders_export_refuses_a_missing_central_store(
        make_central_url: Callable[..., str], cli: Cli, tmp_path: Path) -> None:
    r = cli("orders-export", "--central", make_central_url("empty"),
            str(tmp_path / "pesanan.csv"))
    assert r.code == 1 and r.err.count("\n") == 1 and "no central store" in r.err
    assert not (tmp_path / "pesanan.csv").exists()


def test_open_orders_that_do_not_add_up_to_the_stands_figures_are_named() -> None:
    """What the report's cover warns about when the store is off (no database needed)."""
    stands = [StandOrders("JATIM", "Jawa Timur", orders=2, open_orders=1, deposits_held=500_000,
                          balances_due=1_200_000)]
    listed = OpenOrder("JATIM", "Jawa Timur", "JATIM-P00001", "open", "2026-06-24", None,
                       "Pak Joko", "0812 3456 7890", "", "", "", "", total=1_700_000,
                       deposits=500_000, balances=0, refunds=0, paid=500_000,
                       balance_due=1_200_000, overdue=False)
    assert order_checks(OrdersSummary(AFTER, stands, [listed])) == []
    short = replace(listed, balance_due=1_000_000)
    assert order_checks(OrdersSummary(AFTER, stands, [short])) == [
        "orders: balances due 1000000 in the list against 1200000 per stand"]
    assert len(order_checks(OrdersSummary(AFTER, stands, []))) == 3
