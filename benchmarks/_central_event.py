"""A whole event in a central store, written straight into its tables (no journal).

34 stands (one per province, from resources/provinces-2019.csv), each with its own
catalog, maker groups and home regions, and N sales over five days, shaped as the central
store rebuilds them from the stands' journals: lines whose totals add up to the sale,
cart discounts, payments by method (cash with change), 1 % voided, 0.5 % refunded (the
first line, the day after when there is one), one shift per stand and day, and each
product's stock left. The event report reads only these tables, never the journal, so
the journal is not written: merging is timed by its own benchmark.
"""

from __future__ import annotations

import csv
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from posapp.sync import central_schema as cs
from posapp.sync.central_store import Central

PROVINCES = Path(__file__).parent.parent / "resources" / "provinces-2019.csv"
EVENT_NAME = "Pameran Produk Pemberdayaan Masyarakat — Hari Anti Narkotika Internasional 2026"
FIRST_DAY = datetime(2026, 6, 22, 2, 0)  # 09:00 WIB, in UTC
DAYS = 5
PRODUCTS_PER_STAND = 150
GROUPS_PER_STAND = 12
METHODS = ("cash", "qris", "card", "transfer")
METHOD_WEIGHTS = (50, 30, 15, 5)
VOID_EVERY, REFUND_EVERY, DISCOUNT_EVERY = 100, 200, 20
CHUNK = 5_000  # rows per executemany

CATEGORIES = (("BTK", "Batik", ("Batik Tulis", "Batik Cap", "Kain Batik")),
              ("JLB", "Jilbab Lukis", ("Jilbab Lukis", "Pashmina Lukis")),
              ("TAS", "Tas Anyaman", ("Clutch Anyaman Pandan", "Tas Rotan", "Dompet Mendong")),
              ("KYU", "Kerajinan Kayu", ("Topeng Kayu", "Ukiran Kayu")),
              ("TNN", "Tenun", ("Tenun Ikat", "Songket", "Selendang Tenun")),
              ("KLR", "Kerajinan Kulit", ("Dompet Kulit", "Sandal Kulit")))
MOTIFS = ("Sekar Jagad", "Parang", "Kawung", "Mega Mendung", "Bunga Teratai", "Truntum",
          "Gringsing", "Merak Ngibing", "Pucuk Rebung", "Cenderawasih")
GROUP_KINDS = ("KUB", "Kelompok Perajin", "Sanggar", "Perempuan Mandiri", "Koperasi",
               "Rumah Kreatif")


@dataclass
class _Product:
    sku: str
    barcode: str | None
    name: str
    category: str
    maker_group: str
    region: str
    price: int
    stock: int


@dataclass
class _Rows:
    by_table: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {
        t: [] for t in ("shift", "sale", "sale_line", "payment", "refund", "refund_line")})


def provinces() -> list[tuple[str, str]]:
    """(stand code, province) of the 34 provinces."""
    with PROVINCES.open(encoding="utf-8") as f:
        return [(r["stand_code"], r["province"]) for r in csv.DictReader(f)]


def stand_list(count: int) -> list[tuple[str, str]]:
    """*count* stands: one per province, then a second one per province (``JATIM2``), ..."""
    base = provinces()
    return [(code if i < len(base) else f"{code}{i // len(base) + 1}", province)
            for i in range(count) for code, province in [base[i % len(base)]]]


def build_event(target: str, *, sales_per_stand: int, seed: int = 2026,
                stands: int = 34) -> dict[str, int]:
    """Write the whole event (*stands* stands) into an empty central store at *target*;
    return the counts."""
    rng = random.Random(seed)
    counts = {"stands": 0, "sales": 0, "lines": 0, "voids": 0, "refunds": 0, "products": 0}
    with Central(target) as central:
        for n, (code, province) in enumerate(stand_list(stands)):
            with central.writing() as conn:
                _write_stand(conn, rng, n, code, province, sales_per_stand, counts)
    return counts


def _catalog(rng: random.Random, n: int, code: str, province: str) -> list[_Product]:
    regions = [f"{kind} {province}" for kind in ("Kab. Pesisir", "Kab. Hulu", "Kab. Tengah",
                                                  "Kota")]
    groups = [(f"{rng.choice(GROUP_KINDS)} {rng.choice(MOTIFS)} {province}",
               rng.choice(regions)) for _ in range(GROUPS_PER_STAND)]
    products = []
    for i in range(PRODUCTS_PER_STAND):
        prefix, category, kinds = CATEGORIES[i % len(CATEGORIES)]
        group, region = groups[i % GROUPS_PER_STAND]
        price = min(2_500, max(15, round(rng.lognormvariate(4.5, 0.7)))) * 1_000
        products.append(_Product(
            f"{code}-{prefix}-{i + 1:03d}", f"899{n:02d}{i:07d}" if i % 10 else None,
            f"{rng.choice(kinds)} Motif {rng.choice(MOTIFS)}", category, group, region,
            price, rng.randrange(60, 400)))
    return products


def _write_stand(conn: Connection, rng: random.Random, n: int, code: str, province: str,
                 sales: int, counts: dict[str, int]) -> None:
    products = _catalog(rng, n, code, province)
    rows = _Rows()
    shifts = []
    for day in range(DAYS):
        opened = FIRST_DAY + timedelta(days=day)
        shift_id = str(uuid.UUID(int=rng.getrandbits(128)))
        shifts.append((shift_id, opened))
        rows.by_table["shift"].append({
            "id": shift_id, "stand": code, "number": day + 1, "opened_at": opened,
            "opened_by": "Ani", "opening_float": 500_000,
            "closed_at": opened + timedelta(hours=12),
            "closed_by": "Ani", "counted_cash": None, "expected_cash": None, "z_totals": None})
    last_at = FIRST_DAY
    per_day = -(-sales // DAYS)
    by_sku = {p.sku: p for p in products}
    for i in range(sales):
        day, nth = divmod(i, per_day)
        shift_id, opened = shifts[day]
        last_at = opened + timedelta(seconds=nth * 43_200 // per_day)  # 09:00 to 21:00
        _sale(rows, rng, code, i, shift_id, last_at, day, (products, by_sku), counts, shifts)
    for table, items in rows.by_table.items():
        for start in range(0, len(items), CHUNK):
            conn.execute(cs.metadata.tables[table].insert(), items[start:start + CHUNK])
    conn.execute(cs.product.insert(), [
        {"stand": code, "sku": p.sku, "barcode": p.barcode, "name": p.name,
         "category": p.category, "maker_group": p.maker_group, "region": p.region,
         "price": p.price, "stock": p.stock, "active": True} for p in products])
    conn.execute(cs.stand.insert(), [{
        "code": code, "name": f"Stan {province}", "province": province,
        "event_name": EVENT_NAME, "timezone": "Asia/Jakarta", "last_seq": sales * 2,
        "last_hash": "0" * 64, "last_entry_at": last_at, "last_sync_at": last_at,
        "last_sync_how": "merge"}])
    counts["stands"] += 1
    counts["products"] += len(products)


def _day(moment: datetime) -> str:
    return (moment.replace(tzinfo=UTC) + timedelta(hours=7)).date().isoformat()


def _sale(rows: _Rows, rng: random.Random, code: str, i: int, shift_id: str, at: datetime,
          day: int, catalog: tuple[list[_Product], dict[str, _Product]], counts: dict[str, int],
          shifts: list[tuple[str, datetime]]) -> None:
    pool, products = catalog
    sale_id = str(uuid.UUID(int=rng.getrandbits(128)))
    lines: list[dict[str, Any]] = []
    for line_no, product in enumerate(_pick(rng, pool), 1):
        qty = 1 if rng.random() < 0.8 else 2
        lines.append({"sale_id": sale_id, "line_no": line_no, "stand": code, "sku": product.sku,
                      "name": product.name, "category": product.category,
                      "maker_group": product.maker_group, "region": product.region,
                      "unit_price": product.price, "quantity": qty, "line_discount": 0,
                      "cart_discount": 0, "total": product.price * qty})
    subtotal = sum(line["total"] for line in lines)
    discount = 5_000 if i % DISCOUNT_EVERY == 7 and lines[0]["total"] > 5_000 else 0
    lines[0]["cart_discount"] = discount
    lines[0]["total"] -= discount
    total = subtotal - discount
    method = rng.choices(METHODS, METHOD_WEIGHTS)[0]
    tendered = -(-total // 50_000) * 50_000 if method == "cash" else total
    voided = i % VOID_EVERY == 42
    rows.by_table["sale"].append({
        "id": sale_id, "stand": code, "seq": i + 1, "receipt_no": f"{code}-{i + 1:06d}",
        "shift_id": shift_id, "cashier": "Ani", "at": at, "day": _day(at),
        "subtotal": subtotal, "discount": discount, "total": total,
        "change": tendered - total, "voided": voided,
        "voided_at": at + timedelta(minutes=2) if voided else None,
        "void_reason": "salah input" if voided else None})
    rows.by_table["sale_line"] += lines
    rows.by_table["payment"].append({"sale_id": sale_id, "n": 1, "stand": code,
                                     "method": method, "tendered": tendered, "amount": total})
    counts["sales"] += 1
    counts["lines"] += len(lines)
    if voided:
        counts["voids"] += 1
        return
    for line in lines:
        products[line["sku"]].stock -= line["quantity"]
    if i % REFUND_EVERY == 99:
        back_day = min(day + 1, len(shifts) - 1)
        back_shift, back_opened = shifts[back_day]
        refund_at = max(at + timedelta(hours=1), back_opened + timedelta(hours=1))
        refund_id = str(uuid.UUID(int=rng.getrandbits(128)))
        first = lines[0]
        rows.by_table["refund"].append({
            "id": refund_id, "stand": code, "refund_no": f"{code}-R{i + 1:05d}",
            "sale_id": sale_id, "shift_id": back_shift, "at": refund_at,
            "day": _day(refund_at), "method": method, "amount": first["total"],
            "reason": "ukuran", "approved_by": "Budi"})
        rows.by_table["refund_line"].append({
            "refund_id": refund_id, "line_no": 1, "sale_id": sale_id, "stand": code,
            "sku": first["sku"], "quantity": first["quantity"], "amount": first["total"]})
        products[first["sku"]].stock += first["quantity"]
        counts["refunds"] += 1


def _pick(rng: random.Random, products: list[_Product]) -> Iterator[_Product]:
    """1 to 3 different products; cheap ones more often."""
    n = rng.choices((1, 2, 3), (60, 30, 10))[0]
    return iter(rng.sample(products, n))
