"""A whole event's export files, made fast: 34 stands' journals written straight as entries.

Each stand's journal is what its till would have written (catalog import, shift opened,
sales with one to three lines and one or two payments, a void and a refund every hundred
sales, shift closed with its Z figures), hash-chained and signed with the event key, but
made in memory instead of through 5,000 checkouts per stand. The merge reads them through
the same code as a real stand's file.
"""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta
from pathlib import Path

from posapp.domain.event_key import fingerprint
from posapp.domain.journal import GENESIS, Entry, EventKind, canonical_json, entry_hash
from posapp.domain.totals import fold
from posapp.sync.export_file import ExportHeader, StandDetails, write_export

_PROVINCES_CSV = Path(__file__).resolve().parents[1] / "resources" / "provinces-2019.csv"
#: (stand code, province) of the 34 provinces of 2019, as the stands of the event.
STANDS = [tuple(row.split(",")[1:3]) for row in
          _PROVINCES_CSV.read_text(encoding="utf-8").splitlines()[1:] if row.strip()]
CATEGORIES = ["Batik", "Jilbab Lukis", "Tas Anyaman", "Tenun", "Kerajinan Kayu"]
METHODS = ["cash", "qris", "card", "transfer"]


def write_event(folder: Path, key: bytes, *, stands: int, sales: int,
                seed: int = 7) -> list[Path]:
    """One signed export file per stand in *folder*; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for n in range(stands):
        code, province = STANDS[n % len(STANDS)]
        code = code if n < len(STANDS) else f"{code}{n // len(STANDS)}"
        details = StandDetails(code, f"Stand {province}", province, "Pameran HANI",
                               "Asia/Jakarta")
        entries = _journal(code, sales, rng)
        header = ExportHeader(fingerprint(key), details, 1, len(entries), GENESIS,
                              entries[-1].hash, "2026-06-26T12:00:00Z")
        path = folder / f"{code}.posexport"
        write_export(path, key, header, entries)
        paths.append(path)
    return paths


def _journal(code: str, sales: int, rng: random.Random) -> list[Entry]:
    chain = _Chain(code, datetime(2026, 6, 24, 2, 0))
    products = [[f"{code}-P{i:03d}", f"899{rng.randrange(10**9):09d}{i:01d}"[:13],
                 f"Kerajinan {code} nomor {i}", CATEGORIES[i % len(CATEGORIES)],
                 f"Kelompok {code}-{i % 7}", "Kabupaten", rng.randrange(20, 900) * 1000, 200]
                for i in range(60)]
    chain.add(EventKind.CATALOG_IMPORTED, {"columns": [
        "sku", "barcode", "name", "category", "maker_group", "region", "price", "stock"],
        "products": products})
    shift = str(uuid.uuid4())
    chain.add(EventKind.SHIFT_OPENED, {"shift": shift, "number": 1, "by": "Ani",
                                      "float": 500_000})
    for seq in range(1, sales + 1):
        sale = _sale(code, seq, shift, products, rng)
        chain.add(EventKind.SALE_COMPLETED, sale)
        if seq % 100 == 50:
            chain.add(EventKind.SALE_VOIDED, {"sale": sale["id"], "receipt_no":
                      sale["receipt_no"], "total": sale["total"], "reason": "salah",
                      "by": "Budi"})
        elif seq % 100 == 0:
            line = sale["lines"][0]
            chain.add(EventKind.SALE_REFUNDED, {
                "id": str(uuid.uuid4()), "refund_no": f"{code}-R{seq // 100:05d}",
                "sale": sale["id"], "receipt_no": sale["receipt_no"], "shift": shift,
                "method": "cash", "amount": line["total"], "reason": "ukuran", "by": "Budi",
                "lines": [{"line_no": 1, "sku": line["sku"], "quantity": line["quantity"],
                           "amount": line["total"]}]})
    z = fold(chain.entries).figures()
    z["refunds_total"] = z.pop("refunds")
    chain.add(EventKind.SHIFT_CLOSED, {"shift": shift, "number": 1, "by": "Ani",
                                      "counted_cash": 0, "expected_cash": 0, "totals": z})
    return chain.entries


def _sale(code: str, seq: int, shift: str, products: list[list], rng: random.Random) -> dict:
    lines, subtotal = [], 0
    for no in range(1, rng.choice((1, 1, 2, 3)) + 1):
        sku, _, name, category, group, region, price, _ = rng.choice(products)
        qty = rng.choice((1, 1, 1, 2))
        subtotal += price * qty
        lines.append({"line_no": no, "sku": sku, "name": name, "category": category,
                      "maker_group": group, "region": region, "unit_price": price,
                      "quantity": qty, "line_discount": 0, "cart_discount": 0,
                      "total": price * qty, "oversold": 0})
    method = rng.choice(METHODS)
    tendered = subtotal + (rng.choice((0, 5_000, 50_000)) if method == "cash" else 0)
    return {"id": str(uuid.uuid4()), "seq": seq, "receipt_no": f"{code}-{seq:06d}",
            "shift": shift, "cashier": "Ani", "subtotal": subtotal, "discount": 0,
            "cart_discount": 0, "total": subtotal, "change": tendered - subtotal,
            "lines": lines, "payments": [{"method": method, "tendered": tendered,
                                          "amount": subtotal}]}


class _Chain:
    def __init__(self, stand: str, start: datetime) -> None:
        self.stand, self.at = stand, start
        self.entries: list[Entry] = []
        self.prev = GENESIS

    def add(self, kind: str, payload: dict) -> None:
        self.at += timedelta(seconds=7)
        at = self.at.isoformat(timespec="microseconds") + "Z"
        body = canonical_json(payload)
        seq = len(self.entries) + 1
        h = entry_hash(self.prev, seq, self.stand, at, kind, body)
        self.entries.append(Entry(seq, self.stand, at, kind, body, self.prev, h))
        self.prev = h

