"""The sale lines pre-grouped (``line_totals``, posapp/sync/central_grouped.py): after merges
of random slices of stands' journals, with voids of sales merged earlier and refunds of parts
of lines, the kept figures equal a recount from the lines to the rupiah; a store of format 4
is upgraded in place with them filled from its lines and reads the same report."""

from __future__ import annotations

import gzip
import random
import shutil
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from benchmarks._event import _Chain, write_event
from posapp.domain.event_key import new_key, parse_key
from posapp.domain.journal import Entry, EventKind
from posapp.services import merge
from posapp.services.event_report import EventReport, event_report
from posapp.sync import central_grouped, central_queries
from posapp.sync import central_schema as cs
from posapp.sync.central_store import Central
from tests.central.export_files import NoSecrets, export_file

KEY = new_key()
MADE_AT = datetime(2026, 6, 30, 3, 0, tzinfo=UTC)
#: tests/central/data/central-format4.sqlite.gz: made by posapp at 0526490 (format 4) from
#: benchmarks/_event.py's files for ACEH and SUMUT, 150 sales each (seed 11: two voids and
#: one refund each), merged with this event key (a test key, nothing else uses it).
FORMAT4_STORE = Path(__file__).parent / "data" / "central-format4.sqlite.gz"
FORMAT4_KEY = "NTRB-KXAB-QABG-R761-5RE8-WP86-YYXF-2V7V-DTJD-CS73-TS53-G9JX-E801-V926"
#: What that posapp's event report read from it: net and kept sales; per stand the
#: products, units, sales and refunds of its products.
FORMAT4_REPORT = (277_373_000, 296, {"ACEH": (60, 340, 138_546_000, 482_000),
                                     "SUMUT": (59, 340, 139_873_000, 564_000)})


# -- a stand's journal: sales, voids of any earlier sale, refunds of parts of lines ----------

_PRODUCTS = [  # sku, name, category, maker group, region, price: one SKU renamed, one moved
    ("BTK-01", "Batik Tulis Parang", "Batik", "KUB Sekar", "Solo", 350_000),
    ("BTK-01", "Batik Tulis Parang Rusak", "Batik", "KUB Sekar", "Solo", 350_000),
    ("JLB-02", "Jilbab Lukis Teratai", "Jilbab Lukis", "Perempuan Mandiri", "Bandung", 125_000),
    ("JLB-02", "Jilbab Lukis Teratai", "Jilbab Lukis", "Perempuan Mandiri", "Garut", 125_000),
    ("TAS-03", "Clutch Anyaman Pandan", "Tas Anyaman", "Sanggar Pandan", "Tasikmalaya", 89_500),
    ("TNN-04", "Tenun Ikat Sumba", "Tenun", "Koperasi Ina", "Sumba Timur", 1_250_000),
]


def _journal(code: str, rng: random.Random, operations: int) -> list[Entry]:
    chain = _Chain(code, datetime(2026, 6, 24, 1, 0))
    shift = str(uuid.uuid4())
    chain.add(EventKind.SHIFT_OPENED, {"shift": shift, "number": 1, "by": "Ani", "float": 0})
    sales: list[dict[str, Any]] = []
    left: dict[str, dict[int, int]] = {}  # kept sales: line -> pieces not yet refunded
    for n in range(1, operations + 1):
        chain.at += timedelta(minutes=rng.choice((1, 3, 20, 200)))  # the days go by
        roll = rng.random()
        if roll < 0.1 and left:
            sale = rng.choice([s for s in sales if s["id"] in left])
            if all(q == dict(_line_quantities(sale))[no] for no, q in left[sale["id"]].items()):
                del left[sale["id"]]  # nothing of it refunded: it can be voided
                chain.add(EventKind.SALE_VOIDED, {"sale": sale["id"], "receipt_no":
                          sale["receipt_no"], "total": sale["total"], "reason": "salah",
                          "by": "Budi"})
                continue
        if roll < 0.2 and left:
            chain.add(EventKind.SALE_REFUNDED, _refund(code, n, shift, sales, left, rng))
            continue
        sale = _sale(code, len(sales) + 1, shift, rng)
        sales.append(sale)
        left[sale["id"]] = dict(_line_quantities(sale))
        chain.add(EventKind.SALE_COMPLETED, sale)
    return chain.entries


def _line_quantities(sale: dict[str, Any]) -> list[tuple[int, int]]:
    return [(ln["line_no"], ln["quantity"]) for ln in sale["lines"]]


def _sale(code: str, seq: int, shift: str, rng: random.Random) -> dict[str, Any]:
    lines = []
    for no in range(1, rng.randint(1, 3) + 1):
        if rng.random() < 0.1:
            sku, name, category, group, region, price = (
                "CUSTOM", f"Pesanan khusus {rng.randint(1, 4)}", "", "", "",
                rng.randint(1, 90) * 1_000)
        else:
            sku, name, category, group, region, price = rng.choice(_PRODUCTS)
        quantity = rng.randint(1, 4)
        discount = rng.choice((0, 0, 0, 5_000, price // 10))
        lines.append({"line_no": no, "sku": sku, "name": name, "category": category,
                      "maker_group": group, "region": region, "unit_price": price,
                      "quantity": quantity, "line_discount": discount, "cart_discount": 0,
                      "total": price * quantity - discount, "oversold": 0})
    total = sum(ln["total"] for ln in lines)
    method = rng.choice(("cash", "qris", "card", "transfer"))
    return {"id": str(uuid.uuid4()), "seq": seq, "receipt_no": f"{code}-{seq:06d}",
            "shift": shift, "cashier": "Ani", "subtotal": total, "discount": 0,
            "cart_discount": 0, "total": total, "change": 0, "lines": lines,
            "payments": [{"method": method, "tendered": total, "amount": total}]}


def _refund(code: str, n: int, shift: str, sales: list[dict[str, Any]],
            left: dict[str, dict[int, int]], rng: random.Random) -> dict[str, Any]:
    sale = rng.choice([s for s in sales if s["id"] in left])
    lines = []
    for ln in sale["lines"]:
        pieces = left[sale["id"]][ln["line_no"]]
        if pieces and rng.random() < 0.7:
            quantity = rng.randint(1, pieces)
            left[sale["id"]][ln["line_no"]] -= quantity
            lines.append({"line_no": ln["line_no"], "sku": ln["sku"], "quantity": quantity,
                          "amount": ln["total"] * quantity // ln["quantity"]})
    return {"id": str(uuid.uuid4()), "refund_no": f"{code}-R{n:05d}", "sale": sale["id"],
            "receipt_no": sale["receipt_no"], "shift": shift,
            "method": rng.choice(("cash", "qris")), "amount": sum(ln["amount"] for ln in lines),
            "reason": "ukuran", "by": "Budi", "lines": lines}


def _slices(entries: list[Entry], rng: random.Random) -> list[list[Entry]]:
    """The journal cut where a stand might have exported it, one slice past 2,000 entries
    (the merge's chunk: voids and refunds of the chunk before within one file)."""
    out, start = [], 0
    while start < len(entries):
        size = 2_300 if not out and len(entries) > 2_600 else rng.choice((1, 7, 60, 400))
        out.append(entries[start:start + size])
        start += size
    return out


def _file(folder: Path, code: str, entries: list[Entry]) -> Path:
    return export_file(folder / f"{code}-{entries[0].seq:05d}.posexport", KEY, code, entries)


def _kept_and_recounted(url: str) -> tuple[dict[Any, Any], dict[Any, Any]]:
    with Central(url) as central, central.reading() as conn:
        return central_grouped.kept(conn), central_grouped.recount(conn)


def _money_from_the_rows(url: str) -> tuple[list[tuple[Any, ...]], ...]:
    """The stands' totals, payment methods and days as the posapp before format 5 read
    them: every sale, payment and refund (its views)."""
    with Central(url) as central, central.reading() as conn:
        return tuple([tuple(r) for r in conn.execute(text(sql))] for sql in (
            "SELECT stand, sales_count, gross, discounts, voids_count, refunds_count, refunds "
            "FROM v_stand_totals ORDER BY stand",
            "SELECT stand, method, sales, refunds FROM v_stand_payment_totals "
            "ORDER BY stand, method",
            "SELECT stand, day, SUM(n), SUM(sales), SUM(refunds) FROM ("
            " SELECT stand, day, 1 AS n, total AS sales, 0 AS refunds FROM sale WHERE NOT voided"
            " UNION ALL SELECT stand, day, 0, 0, amount FROM refund) m "
            "GROUP BY stand, day ORDER BY stand, day"))


def _money_as_read(url: str) -> tuple[list[tuple[Any, ...]], ...]:
    with Central(url) as central, central.reading() as conn:
        stands = central_queries.stand_totals(conn)
        days = central_queries.stand_days(conn)
    return (
        [(s.code, s.totals.sales_count, s.totals.gross, s.totals.discounts,
          s.totals.voids_count, s.totals.refunds_count, s.totals.refunds) for s in stands],
        sorted((s.code, m, t.sales, t.refunds) for s in stands
               for m, t in s.totals.methods.items()),
        [(code, d.day, d.sales_count, d.sales, d.refunds) for code in sorted(days)
         for d in days[code]])


def _products_from_the_lines(url: str) -> list[tuple[Any, ...]]:
    """The report's products as the posapp before format 5 read them: every line."""
    with Central(url) as central, central.reading() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT stand, sku, name, category, maker_group, region, SUM(units), SUM(sales), "
            "SUM(refunds) FROM v_line_movements "
            "GROUP BY stand, sku, name, category, maker_group, region "
            "ORDER BY stand, sku, name, category, maker_group, region"))]


def test_the_grouped_lines_equal_a_recount_after_random_merges(
        central_url: str, tmp_path: Path) -> None:
    rng = random.Random(14)
    journals = {"BALI": _journal("BALI", rng, 3_000), "NTB": _journal("NTB", rng, 700)}
    files = {code: [_file(tmp_path, code, part) for part in _slices(entries, rng)]
             for code, entries in journals.items()}
    kinds = [e.kind for entries in journals.values() for e in entries]
    assert kinds.count(EventKind.SALE_VOIDED) > 100 and kinds.count(EventKind.SALE_REFUNDED) > 100

    merged = 0
    while any(files.values()):
        code = rng.choice([c for c in files if files[c]])
        batch = merge.merge_files(central_url, [files[code].pop(0)], key=KEY,
                                  secrets=NoSecrets())
        assert not batch.refused
        merged += 1
        if merged % 5 == 0 or not any(files.values()):
            kept, recounted = _kept_and_recounted(central_url)
            assert kept == recounted

    with Central(central_url) as central, central.reading() as conn:
        products = [(p.stand, p.sku, p.name, p.category, p.maker_group, p.region, p.units,
                     p.sales, p.refunds) for p in central_queries.products(conn)]
        by_group = central_queries.breakdown(conn, "maker_group", stand="BALI")
        net = sum(s.totals.net for s in central_queries.stand_totals(conn))
    assert products == _products_from_the_lines(central_url)
    assert _money_as_read(central_url) == _money_from_the_rows(central_url)
    assert len({(p[0], p[1]) for p in products}) < len(products)  # renamed, moved: apart
    assert sum(p[7] - p[8] for p in products) == net  # to the rupiah
    assert sum(s.net for s in by_group) == sum(p[7] - p[8] for p in products if p[0] == "BALI")


def _old_store(tmp_path: Path) -> Path:
    path = tmp_path / "central.sqlite"
    with gzip.open(FORMAT4_STORE) as src, path.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    return path


def _version(url: str) -> str:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return str(conn.scalar(text("SELECT value FROM central_meta WHERE key = 'version'")))
    finally:
        engine.dispose()


def _read(url: str) -> EventReport:
    with Central(url) as central:
        return event_report(central, made_at=MADE_AT)


def _report_figures(report: EventReport) -> tuple[int, int, dict[str, tuple[int, ...]]]:
    return (report.overall.net, report.overall.sales_count, {
        s.stand.code: (len(s.products), sum(p.units for p in s.products),
                       sum(p.sales for p in s.products), sum(p.refunds for p in s.products))
        for s in report.sections})


def test_a_format_4_store_gets_its_lines_grouped_and_reads_the_same(tmp_path: Path) -> None:
    path = _old_store(tmp_path)
    url = f"sqlite:///{path}"
    assert _version(url) == "4"

    assert _report_figures(_read(url)) == FORMAT4_REPORT  # a read: upgrades first

    assert _version(url) == str(cs.CENTRAL_VERSION)
    kept, recounted = _kept_and_recounted(url)
    assert kept == recounted and len(kept["line_totals"]) > 100
    assert {k[0] for k in kept["day_totals"]} == {"ACEH", "SUMUT"}
    sumbar = write_event(tmp_path / "usb", parse_key(FORMAT4_KEY), stands=3, sales=150)[2]
    merge.merge_files(url, [sumbar], key=FORMAT4_KEY, secrets=NoSecrets())
    kept, recounted = _kept_and_recounted(url)
    assert kept == recounted
    assert {k[0] for k in kept["line_totals"]} == {"ACEH", "SUMUT", "SUMBAR"}


def test_a_store_of_format_4_is_upgraded_in_place(central_url: str, tmp_path: Path) -> None:
    """What a format-4 store is on either backend: today's tables without line_totals."""
    files = write_event(tmp_path / "usb", parse_key(KEY), stands=2, sales=250)
    merge.merge_files(central_url, files, key=KEY, secrets=NoSecrets())
    before = _read(central_url)
    engine = create_engine(central_url)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE line_totals"))
        conn.execute(text("UPDATE central_meta SET value = '4' WHERE key = 'version'"))
    engine.dispose()

    after = _read(central_url)  # upgrades first

    assert _version(central_url) == str(cs.CENTRAL_VERSION)
    assert _report_figures(after) == _report_figures(before)
    assert [s.products for s in after.sections] == [s.products for s in before.sections]
    kept, recounted = _kept_and_recounted(central_url)
    assert kept == recounted and all(kept.values())


@pytest.mark.parametrize("void_in", ["the same file", "a later file"])
def test_a_group_whose_lines_are_all_voided_is_gone(central_url: str, tmp_path: Path,
                                                    void_in: str) -> None:
    """A product sold once and that sale voided (in the same file, or a later one) leaves
    no row, as the lines' view has none."""
    chain = _Chain("BALI", datetime(2026, 6, 24, 2, 0))
    rng = random.Random(5)
    sale = _sale("BALI", 1, "s1", rng)
    chain.add(EventKind.SALE_COMPLETED, sale)
    chain.add(EventKind.SALE_VOIDED, {"sale": sale["id"], "receipt_no": sale["receipt_no"],
                                      "total": sale["total"], "reason": "salah", "by": "Budi"})
    cut = 2 if void_in == "the same file" else 1
    parts = [chain.entries[:cut], chain.entries[cut:]]
    for part in filter(None, parts):
        merge.merge_files(central_url, [_file(tmp_path, "BALI", part)], key=KEY,
                          secrets=NoSecrets())

    kept, recounted = _kept_and_recounted(central_url)
    assert kept == recounted
    assert kept["line_totals"] == kept["method_totals"] == {}
    assert list(kept["day_totals"].values()) == [(0, 0, 0, 0, 1, 0, 0)]  # one void
