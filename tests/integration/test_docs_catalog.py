"""docs/catalog-format.md's example rows are rows of the demo catalog it points to."""

from __future__ import annotations

import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _example_rows() -> list[list[str]]:
    rows = []
    for line in (ROOT / "docs" / "catalog-format.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| JTM-") and len(cells) == 8:
            rows.append(cells)
    return rows


def test_the_examples_sku_barcode_name_and_price_are_the_demo_catalogs() -> None:
    with (ROOT / "resources" / "demo-catalog.csv").open(encoding="utf-8", newline="") as f:
        demo = {row["sku"]: row for row in csv.DictReader(f)}
    examples = _example_rows()
    assert len(examples) >= 3
    for sku, barcode, name, _cat, _group, _region, price, stock in examples:
        row = demo[sku]
        assert (barcode, name, stock) == (row["barcode"], row["name"], row["stock"]), sku
        assert re.sub(r"\D", "", price) == row["price"], sku
