"""The event report's words and number formats, in Bahasa Indonesia (default) and English.

Shared by the PDF and the XLSX so that both say the same thing. Payment method names come
from the shift reports' labels (text_report.LABELS).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

from posapp.domain.errors import InvalidInput
from posapp.printing.text_report import LABELS as SHIFT_LABELS

LANGS = ("id", "en")

LABELS: dict[str, dict[str, str]] = {
    "id": {
        "title": "Laporan Penjualan Pameran",
        "days_covered": "Periode",
        "stands_count": "Jumlah stan",
        "overall_net": "Penjualan neto seluruh stan",
        "printed": "Dicetak",
        "page": "Halaman {page} dari {pages}",
        "contents": "Isi laporan",
        "key_figures": "Angka pokok",
        "sales_count": "Transaksi",
        "gross": "Penjualan bruto",
        "discounts": "Diskon",
        "sales_total": "Total penjualan",
        "voids": "Transaksi batal (void)",
        "refunds_count": "Retur (kali)",
        "refunds": "Retur",
        "net": "Neto",
        "units": "Unit",
        "sales": "Penjualan",
        "stand_totals": "Total per stan",
        "charts": "Grafik penjualan neto",
        "stand_pages": "Halaman per stan",
        "maker_table": "Pendapatan kelompok pembuat",
        "maker_table_note": "Setiap produk yang terjual, per kelompok pembuat: unit terjual "
                            "(dikurangi retur), penjualan, retur dan neto.",
        "stand": "Stan",
        "code": "Kode",
        "name": "Nama",
        "province": "Provinsi",
        "maker_group": "Kelompok pembuat",
        "category": "Kategori",
        "region": "Daerah asal",
        "product": "Produk",
        "sku": "SKU",
        "day": "Tanggal",
        "method": "Metode bayar",
        "total": "TOTAL",
        "by_province": "Neto per provinsi",
        "by_maker_group": "Neto per kelompok pembuat",
        "by_category": "Neto per kategori",
        "by_day": "Neto per hari",
        "by_method": "Neto per metode bayar",
        "top_n": "{n} terbesar dari {total}; {rest} lainnya bersama: {amount}",
        "top_products": "Produk terlaris (neto)",
        "days": "Per hari",
        "no_sales": "Belum ada penjualan.",
        "no_group": "(tanpa kelompok)",
        "none": "(tidak diisi)",
        "custom": "barang pesanan",
        "last_entry": "Data terakhir",
        "last_sync": "Sinkron terakhir",
        "check": "Perhatian: rincian tidak cocok dengan total",
        "summary": "Ringkasan",
        "event": "Pameran",
        "value": "Nilai",
        "note_refunds": "Retur dihitung pada hari retur diberikan; transaksi batal tidak "
                        "dihitung.",
        "currency_note": "Semua angka dalam rupiah penuh.",
        "sheet_stands": "Stan", "sheet_provinces": "Provinsi",
        "sheet_maker_groups": "Kelompok pembuat", "sheet_categories": "Kategori",
        "sheet_regions": "Daerah asal", "sheet_products": "Produk", "sheet_days": "Hari",
        "sheet_methods": "Metode bayar", "sheet_group_products": "Produk per kelompok",
        "orders": "Pesanan (di luar penjualan)",
        "orders_note": "Uang pesanan (uang muka dan pelunasan) dicatat terpisah dari "
                       "penjualan: tidak termasuk dalam angka neto mana pun.",
        "orders_per_stand": "Pesanan per stan",
        "orders_count": "Pesanan", "open_orders": "Terbuka", "handed_over": "Diserahkan",
        "cancelled": "Batal", "ordered": "Nilai pesanan", "deposits": "Uang muka (DP)",
        "balances": "Pelunasan", "deposits_refunded": "DP dikembalikan",
        "order_money": "Uang pesanan", "deposits_held": "DP ditahan",
        "balances_due": "Sisa tagihan", "overdue": "Terlambat",
        "open_orders_title": "Pesanan terbuka", "order_no": "No. pesanan",
        "buyer": "Pembeli", "phone": "Telepon/WA", "email": "Email", "country": "Negara",
        "address": "Alamat kirim", "pick_up": "diambil di stan", "status": "Status",
        "status_open": "terbuka", "status_ready": "siap diambil", "taken_on": "Tanggal pesan",
        "due": "Jatuh tempo", "order_total": "Total pesanan", "paid": "Dibayar",
        "balance_due": "Sisa tagihan", "items": "Barang", "item": "Barang",
        "made_to_order": "Dibuat khusus", "quantity": "Jumlah", "delivered": "Sudah diserahkan",
        "to_deliver": "Belum diserahkan", "unit_price": "Harga satuan", "line_total": "Subtotal",
        "line_no": "Baris", "note": "Catatan", "yes": "ya", "no": "tidak",
        "no_open_orders": "Tidak ada pesanan terbuka.",
        "overdue_note": "Terlambat (!): belum diserahkan dan jatuh tempo sebelum {day}.",
        "orders_line": "Pesanan: {orders} ({open} terbuka, {overdue} terlambat) · DP ditahan "
                       "{held} · sisa tagihan {due}",
        "sheet_stand_orders": "Pesanan per stan", "sheet_open_orders": "Pesanan terbuka",
        "sheet_order_lines": "Barang pesanan",
    },
    "en": {
        "title": "Exhibition Sales Report",
        "days_covered": "Period",
        "stands_count": "Stands",
        "overall_net": "Net sales of all stands",
        "printed": "Printed",
        "page": "Page {page} of {pages}",
        "contents": "Contents",
        "key_figures": "Key figures",
        "sales_count": "Sales",
        "gross": "Gross sales",
        "discounts": "Discounts",
        "sales_total": "Sales total",
        "voids": "Voided sales",
        "refunds_count": "Refunds (count)",
        "refunds": "Refunds",
        "net": "Net",
        "units": "Units",
        "sales": "Sales",
        "stand_totals": "Totals per stand",
        "charts": "Net sales charts",
        "stand_pages": "Stand pages",
        "maker_table": "Maker groups' earnings",
        "maker_table_note": "Every product sold, per maker group: units sold (less refunds), "
                            "sales, refunds and net.",
        "stand": "Stand",
        "code": "Code",
        "name": "Name",
        "province": "Province",
        "maker_group": "Maker group",
        "category": "Category",
        "region": "Home region",
        "product": "Product",
        "sku": "SKU",
        "day": "Date",
        "method": "Payment method",
        "total": "TOTAL",
        "by_province": "Net by province",
        "by_maker_group": "Net by maker group",
        "by_category": "Net by category",
        "by_day": "Net by day",
        "by_method": "Net by payment method",
        "top_n": "largest {n} of {total}; the other {rest} together: {amount}",
        "top_products": "Top products (net)",
        "days": "By day",
        "no_sales": "No sales yet.",
        "no_group": "(no maker group)",
        "none": "(not set)",
        "custom": "custom item",
        "last_entry": "Last entry",
        "last_sync": "Last sync",
        "check": "Warning: a breakdown does not add up to the total",
        "summary": "Summary",
        "event": "Event",
        "value": "Value",
        "note_refunds": "Refunds count on the day they were given; voided sales count "
                        "nowhere.",
        "currency_note": "All amounts in whole rupiah.",
        "sheet_stands": "Stands", "sheet_provinces": "Provinces",
        "sheet_maker_groups": "Maker groups", "sheet_categories": "Categories",
        "sheet_regions": "Home regions", "sheet_products": "Products", "sheet_days": "Days",
        "sheet_methods": "Payment methods", "sheet_group_products": "Maker groups' products",
        "orders": "Orders (apart from sales)",
        "orders_note": "Order money (deposits and balances) is kept apart from sales: it is "
                       "in no net figure.",
        "orders_per_stand": "Orders per stand",
        "orders_count": "Orders", "open_orders": "Open", "handed_over": "Handed over",
        "cancelled": "Cancelled", "ordered": "Ordered", "deposits": "Deposits (DP)",
        "balances": "Balances paid", "deposits_refunded": "Deposits refunded",
        "order_money": "Order money", "deposits_held": "Deposits held",
        "balances_due": "Balances due", "overdue": "Overdue",
        "open_orders_title": "Open orders", "order_no": "Order",
        "buyer": "Buyer", "phone": "Phone/WhatsApp", "email": "Email", "country": "Country",
        "address": "Delivery address", "pick_up": "picked up at the stand", "status": "Status",
        "status_open": "open", "status_ready": "ready", "taken_on": "Taken on",
        "due": "Due", "order_total": "Order total", "paid": "Paid",
        "balance_due": "Balance due", "items": "Items", "item": "Item",
        "made_to_order": "Made to order", "quantity": "Quantity", "delivered": "Delivered",
        "to_deliver": "To deliver", "unit_price": "Unit price", "line_total": "Line total",
        "line_no": "Line", "note": "Note", "yes": "yes", "no": "no",
        "no_open_orders": "No open orders.",
        "overdue_note": "Overdue (!): not handed over, due before {day}.",
        "orders_line": "Orders: {orders} ({open} open, {overdue} overdue) · deposits held "
                       "{held} · balances due {due}",
        "sheet_stand_orders": "Orders per stand", "sheet_open_orders": "Open orders",
        "sheet_order_lines": "Order lines",
    },
}


def labels(lang: str) -> dict[str, str]:
    """The words for *lang* ("id" or "en")."""
    if lang not in LABELS:
        raise InvalidInput(f"no report language {lang!r} (use one of: {', '.join(LANGS)})")
    return LABELS[lang]


def method_name(method: str, lang: str) -> str:
    """``cash`` -> ``Tunai`` / ``Cash``; an unknown method as it is."""
    return SHIFT_LABELS[lang].get(method, method)


def _locale(lang: str) -> str:
    return "id_ID" if lang == "id" else "en_GB"


def day_text(day: str, lang: str, pattern: str = "EEE d MMM y") -> str:
    """``2026-06-26`` -> ``Jum 26 Jun 2026`` / ``Fri 26 Jun 2026``; other text as it is."""
    try:
        return format_date(date.fromisoformat(day), pattern, locale=_locale(lang))
    except ValueError:
        return day


def days_covered(first: str | None, last: str | None, lang: str) -> str:
    """``22–26 Juni 2026``, ``30 Juni – 2 Juli 2026``, one day ``26 Juni 2026``; a dash
    when there are none."""
    if first is None or last is None:
        return "—"
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    loc = _locale(lang)
    whole = format_date(end, "d MMMM y", locale=loc)
    if start == end:
        return whole
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{whole}"
    if start.year == end.year:
        return f"{format_date(start, 'd MMMM', locale=loc)} – {whole}"
    return f"{format_date(start, 'd MMMM y', locale=loc)} – {whole}"


def printed_at(moment: datetime, zone_name: str, lang: str) -> str:
    """*moment* (UTC) in the event's zone: ``26 Juni 2026 17:05 WIB``
    (``26 June 2026 17:05 Western Indonesia Time``)."""
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("Asia/Jakarta")
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    zone_pattern = "zzz" if lang == "id" else "zzzz"  # WIB; "Western Indonesia Time"
    return format_datetime(aware, f"d MMMM y HH:mm {zone_pattern}", tzinfo=zone,
                           locale=_locale(lang))


_SHORT = {"id": ((10**9, "M"), (10**6, "jt"), (10**3, "rb")),
          "en": ((10**9, "B"), (10**6, "M"), (10**3, "K"))}


def short_rupiah(amount: float, lang: str) -> str:
    """An axis label: ``Rp 1,5 M``, ``Rp 250 jt``, ``Rp 40 rb`` (en: ``Rp 1.5B``, ``250M``)."""
    value = abs(amount)
    sign = "-" if amount < 0 else ""
    for unit, suffix in _SHORT[lang]:
        if value >= unit:
            number = format_decimal(value / unit, format="#,##0.#", locale=_locale(lang))
            gap = " " if lang == "id" else ""
            return f"{sign}Rp {number}{gap}{suffix}"
    return f"{sign}Rp {format_decimal(value, format='#,##0', locale=_locale(lang))}"


def status_name(status: str, lang: str) -> str:
    """An order's status in *lang*: ``open`` -> ``terbuka``; another as it is."""
    return labels(lang).get(f"status_{status}", status)


def group_name(name: str, lang: str) -> str:
    return name or labels(lang)["no_group"]


def blank(name: str, lang: str) -> str:
    return name or labels(lang)["none"]
