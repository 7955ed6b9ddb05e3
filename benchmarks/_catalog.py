"""A big, plausible catalog file: handicrafts with EAN-13 barcodes, maker groups, regions."""

from __future__ import annotations

import csv
import random
from pathlib import Path

from posapp.domain.catalog import COLUMNS

CATEGORIES = {
    "BTK": ("Batik", ("Batik Tulis", "Batik Cap", "Batik Gedog", "Kain Batik")),
    "JLB": ("Jilbab Lukis", ("Jilbab Lukis", "Pashmina Lukis", "Kerudung Lukis")),
    "TAS": ("Tas Anyaman", ("Clutch Anyaman Pandan", "Tas Rotan", "Dompet Mendong")),
    "KYU": ("Kerajinan Kayu", ("Topeng Malangan", "Ukiran Kayu", "Gantungan Kunci Kayu")),
    "TNN": ("Tenun", ("Tenun Ikat", "Songket", "Selendang Tenun")),
    "KLR": ("Kerajinan Kulit", ("Dompet Kulit", "Sandal Kulit", "Wayang Kulit Mini")),
}
MOTIFS = ("Sekar Jagad", "Parang", "Kawung", "Mega Mendung", "Bunga Teratai", "Truntum",
          "Sido Mukti", "Lereng", "Ceplok", "Gringsing", "Tambal", "Merak Ngibing")
COLOURS = ("Merah", "Biru", "Hijau", "Coklat", "Hitam", "Kuning", "Ungu", "Putih")
REGIONS = ("Bangkalan", "Pamekasan", "Tuban", "Lumajang", "Sumenep", "Malang", "Pekalongan",
           "Solo", "Yogyakarta", "Garut", "Cirebon", "Lasem", "Sidoarjo", "Jepara")
GROUP_KINDS = ("KUB", "Kelompok Perajin", "Sanggar", "Perempuan Mandiri", "Koperasi")


def ean13(body12: int) -> str:
    """An EAN-13 from 12 digits, with its check digit."""
    digits = f"{body12:012d}"
    odd = sum(int(d) for d in digits[0::2])
    even = sum(int(d) for d in digits[1::2])
    return digits + str((10 - (odd + 3 * even) % 10) % 10)


def catalog_rows(count: int, seed: int = 2019) -> list[list[object]]:
    """*count* distinct products in COLUMNS order (SKU, barcode, name, ..., price, stock)."""
    rng = random.Random(seed)
    prefixes = list(CATEGORIES)
    groups = [f"{rng.choice(GROUP_KINDS)} {rng.choice(MOTIFS)} {n}" for n in range(500)]
    rows: list[list[object]] = []
    for n in range(1, count + 1):
        prefix = prefixes[n % len(prefixes)]
        category, kinds = CATEGORIES[prefix]
        name = f"{rng.choice(kinds)} Motif {rng.choice(MOTIFS)} {rng.choice(COLOURS)} #{n}"
        # About one product in ten (unique pieces) carries no barcode.
        barcode = ean13(899_000_000_000 + n) if n % 10 else ""
        # Most pieces cost tens of thousands of rupiah, a fine batik up to millions.
        price = min(2_500, max(10, round(rng.lognormvariate(4.6, 0.8)))) * 1_000
        rows.append([f"{prefix}-{n:06d}", barcode, name, category, rng.choice(groups),
                     rng.choice(REGIONS), price, rng.randrange(0, 60)])
    return rows


def write_catalog_csv(path: Path, rows: list[list[object]]) -> Path:
    """The file as an organiser would save it from Excel: CSV UTF-8 with a BOM."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return path
