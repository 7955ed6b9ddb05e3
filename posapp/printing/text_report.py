"""The X and Z report as fixed-width text, for the console and the thermal printer."""

from __future__ import annotations

import textwrap
from datetime import datetime
from zoneinfo import ZoneInfo

from posapp.domain.money import format_rupiah
from posapp.domain.report import ShiftReport

LABELS = {
    "id": {
        "X": "LAPORAN X (SEMENTARA)", "Z": "LAPORAN Z (TUTUP SHIFT)", "shift": "Shift",
        "opened": "Dibuka", "closed": "Ditutup", "by": "oleh", "sales": "Penjualan",
        "gross": "Bruto", "discounts": "Diskon", "sales_total": "Total penjualan",
        "voids": "Batal (void)", "refunds": "Retur (refund)", "net": "NETO",
        "methods": "Per metode bayar", "cash": "Tunai", "qris": "QRIS", "card": "Kartu",
        "transfer": "Transfer", "drawer": "Laci kas", "float": "Modal awal",
        "cash_in": "Kas masuk", "cash_out": "Kas keluar", "expected": "Seharusnya",
        "counted": "Dihitung", "over_short": "Selisih", "oversold": "Terjual melebihi stok",
        "printed": "Dicetak", "orders": "Pesanan (di luar penjualan)",
        "orders_placed": "Pesanan baru", "deposits": "Uang muka (DP)",
        "balances": "Pelunasan", "order_refunds": "DP dikembalikan",
        "orders_net": "Uang pesanan", "order_cash": "Tunai pesanan",
    },
    "en": {
        "X": "X REPORT (MID-SHIFT)", "Z": "Z REPORT (SHIFT CLOSED)", "shift": "Shift",
        "opened": "Opened", "closed": "Closed", "by": "by", "sales": "Sales",
        "gross": "Gross", "discounts": "Discounts", "sales_total": "Sales total",
        "voids": "Voids", "refunds": "Refunds", "net": "NET",
        "methods": "By payment method", "cash": "Cash", "qris": "QRIS", "card": "Card",
        "transfer": "Transfer", "drawer": "Cash drawer", "float": "Opening float",
        "cash_in": "Cash in", "cash_out": "Cash out", "expected": "Expected",
        "counted": "Counted", "over_short": "Over/short", "oversold": "Sold past zero stock",
        "printed": "Printed", "orders": "Orders (apart from sales)",
        "orders_placed": "Orders taken", "deposits": "Deposits (DP)",
        "balances": "Balances paid", "order_refunds": "Deposits refunded",
        "orders_net": "Order money", "order_cash": "Order cash",
    },
}


def _row(label: str, value: str, width: int) -> str:
    """Label left, value right; a value that does not fit goes right-aligned below."""
    if len(label) + 1 + len(value) <= width:
        return f"{label}{' ' * (width - len(label) - len(value))}{value}"
    return f"{label[:width]}\n{value[-width:].rjust(width)}"


def _local(moment: datetime, zone: ZoneInfo) -> str:
    return moment.replace(tzinfo=ZoneInfo("UTC")).astimezone(zone).strftime("%d-%m-%Y %H:%M")


def render_shift_report(
    report: ShiftReport,
    *,
    header: list[str],
    zone: ZoneInfo,
    printed_at: datetime,
    width: int = 42,
    lang: str = "id",
) -> str:
    """The report as lines of at most *width* characters (times shown in *zone*)."""
    t = LABELS[lang]
    rp = format_rupiah
    rule = "-" * width
    out = [part.center(width).rstrip() for h in header for part in textwrap.wrap(h, width)]
    out += [t[report.kind].center(width).rstrip(), rule]
    out.append(_row(t["shift"], f"#{report.shift_number}", width))
    out.append(_row(t["opened"], f"{_local(report.opened_at, zone)} {t['by']} "
                                 f"{report.opened_by}", width))
    if report.closed_at is not None:
        out.append(_row(t["closed"], f"{_local(report.closed_at, zone)} {t['by']} "
                                     f"{report.closed_by}", width))
    out += [
        rule,
        _row(f"{t['sales']} ({report.sales_count})", rp(report.gross), width),
        _row(t["discounts"], rp(-report.discounts), width),
        _row(t["sales_total"], rp(report.sales_total), width),
        _row(f"{t['refunds']} ({report.refunds_count})", rp(-report.refunds_total), width),
        _row(t["net"], rp(report.net), width),
        _row(f"{t['voids']} ({report.voids_count})", rp(report.voids_total), width),
        rule,
        t["methods"],
    ]
    for method, totals in report.methods.items():
        out.append(_row(f"  {t.get(method, method)}", rp(totals.net), width))
    if report.orders.any:
        out += _orders(report, t, width)
    out += [
        rule,
        t["drawer"],
        _row(f"  {t['float']}", rp(report.opening_float), width),
        _row(f"  {t['cash_in']}", rp(report.cash_in), width),
        _row(f"  {t['cash_out']}", rp(-report.cash_out), width),
        _row(f"  {t['cash']}", rp(report.methods["cash"].net), width),
    ]
    if report.orders.any:
        out.append(_row(f"  {t['order_cash']}", rp(report.orders.net_of("cash")), width))
    out.append(_row(f"  {t['expected']}", rp(report.expected_cash), width))
    if report.counted_cash is not None and report.over_short is not None:
        out.append(_row(f"  {t['counted']}", rp(report.counted_cash), width))
        out.append(_row(f"  {t['over_short']}", rp(report.over_short), width))
    if report.oversold:
        out += [rule, t["oversold"]]
        for item in report.oversold:
            out.append(_row(f"  {item.sku}", f"{item.quantity}x", width))
    out += [rule, _row(t["printed"], _local(printed_at, zone), width)]
    return "\n".join(out) + "\n"


def _orders(report: ShiftReport, t: dict[str, str], width: int) -> list[str]:
    """Deposits, balances and refunded deposits, each with its payment methods."""
    o, rp = report.orders, format_rupiah
    out = ["-" * width, t["orders"], _row(f"  {t['orders_placed']}", str(o.placed), width)]
    for key, by_method, sign in (("deposits", o.deposits, 1), ("balances", o.balances, 1),
                                 ("order_refunds", o.refunds, -1)):
        out.append(_row(f"  {t[key]}", rp(sign * sum(by_method.values())), width))
        for method, amount in sorted(by_method.items()):
            out.append(_row(f"    {t.get(method, method)}", rp(sign * amount), width))
    out.append(_row(f"  {t['orders_net']}", rp(o.net), width))
    return out
