"""Catalog import: a real CSV file through ``read_catalog_file`` and ``import_catalog``."""

from __future__ import annotations

from pathlib import Path

from posapp.services import catalog
from posapp.services.catalog_files import read_catalog_file

from ._catalog import catalog_rows, write_catalog_csv
from ._common import Result, time_ms
from ._stand import BigStand

TARGET_MS = 10_000


def run(big: BigStand, folder: Path, count: int) -> tuple[list[Result], list[list[object]]]:
    """Import *count* products into the empty stand; returns the results and the rows."""
    rows = catalog_rows(count)
    path = write_catalog_csv(folder / "catalog.csv", rows)
    parsed: list = []
    read_ms = time_ms(lambda: parsed.extend(read_catalog_file(path)))
    outcome: list = []
    import_ms = time_ms(lambda: outcome.append(
        catalog.import_catalog(big.handle.uow(), parsed, actor=big.supervisor)))
    total = read_ms + import_ms
    added = outcome[0].added
    if added != count:
        raise RuntimeError(f"import added {added} products, expected {count}")
    size_mb = path.stat().st_size / 1e6
    return [
        Result(f"import: read_catalog_file ({count:,} rows)", [read_ms],
               note=f"CSV file of {size_mb:.1f} MB"),
        Result("import: import_catalog (empty stand)", [import_ms]),
        Result(f"import: file to committed ({count:,} rows)", [total],
               target=f"<= {TARGET_MS:,} ms", passed=total <= TARGET_MS),
    ], rows
