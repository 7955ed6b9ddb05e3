"""The report tables' column lists: what each front end shows, and the values they read."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from posapp.domain.event_report import StandTotals
from posapp.domain.event_report_columns import STAND_COLUMNS, stand_columns
from posapp.domain.open_order_columns import OPEN_ORDER_COLUMNS, OrderItems
from posapp.domain.open_orders import OpenOrder, OrderLineItem
from posapp.domain.report import MethodTotals
from posapp.domain.report_columns import Column, Kind, Where, position, shown_in
from posapp.domain.totals import Totals


def headers(columns: Sequence[Column[Any]], where: Where, lang: str = "en") -> list[str]:
    return [c.header(lang) for c in shown_in(columns, where)]


def test_each_front_end_shows_its_columns_of_the_one_list() -> None:
    assert headers(STAND_COLUMNS, Where.PDF) == [
        "Code", "Stand", "Province", "Sales", "Sales total", "Refunds", "Net"]
    assert headers(STAND_COLUMNS, Where.WINDOW, "id") == [
        "Kode", "Provinsi", "Transaksi", "Penjualan bruto", "Diskon", "Retur", "Neto",
        "Transaksi terakhir", "Sinkron terakhir"]
    assert len(shown_in(STAND_COLUMNS, Where.XLSX)) == 12
    assert position(shown_in(STAND_COLUMNS, Where.WINDOW), "event_report.net") == 6


def test_the_workbook_adds_a_net_per_payment_method_after_the_net() -> None:
    stand = StandTotals("BALI", "Stan Bali", "Bali", Totals(
        2, 300_000, 0, 0, 1, 50_000, {"qris": MethodTotals(100_000, 0),
                                      "cash": MethodTotals(200_000, 50_000)}))
    columns = shown_in(stand_columns(["qris", "cash", "voucher"]), Where.XLSX)
    names = [c.header("id") for c in columns]
    at = names.index("Neto")
    assert names[at + 1:at + 4] == ["Neto Tunai", "Neto QRIS", "Neto voucher"]
    assert [c.value(stand) for c in columns[at + 1:at + 4]] == [150_000, 100_000, 0]
    assert all(c.kind is Kind.MONEY and c.adds_up for c in columns[at:at + 4])
    assert shown_in(stand_columns(["cash"]), Where.PDF) == shown_in(STAND_COLUMNS, Where.PDF)


def test_order_values_read_in_each_language() -> None:
    order = OpenOrder("JATIM", "Jawa Timur", "JATIM-P00001", "ready", "2026-06-24", None,
                      "Pak Joko", "", "", "", "", "", total=450_000, deposits=0, balances=0,
                      refunds=0, paid=0, balance_due=450_000, overdue=False,
                      lines=(OrderLineItem(1, "JTM-JLB-001", "Jilbab", False, 85_000, 2, 0,
                                           170_000),
                             OrderLineItem(2, "CUSTOM", "Batik", True, 280_000, 1, 0, 280_000)))
    value: dict[str, Any] = {c.label.code: c.value(order) for c in OPEN_ORDER_COLUMNS}
    assert value["event_report.status"].text("id") == "siap diambil"
    assert value["event_report.address"].text("en") == "picked up at the stand"
    assert value["event_report.country"] is None and value["event_report.due"] is None
    assert OrderItems(order.lines).text("id") == "2 × Jilbab; 1 × Batik (dibuat khusus)"
    assert OrderItems(order.lines).text("en") == "2 × Jilbab; 1 × Batik (made to order)"
