"""Scanning a code: ``catalog.lookup`` in a read unit of work, as the session calls it."""

from __future__ import annotations

import random

from posapp.services import catalog

from ._common import Result, repeat_ms, summarize
from ._stand import BigStand

TARGET_P95_MS = 1.0
WARMUP = 200


def run(big: BigStand, rows: list[list[object]], times: int) -> list[Result]:
    """Look up random barcodes (the target), then random SKUs (the slower fallback)."""
    rng = random.Random(7)
    barcodes = [str(r[1]) for r in rows if r[1]]
    skus = [str(r[0]).lower() for r in rows]  # typed by hand: lower case, found upper-cased
    results = []
    for label, codes, target in (("lookup by barcode", barcodes, True),
                                 ("lookup by SKU", skus, False)):
        picks = [rng.choice(codes) for _ in range(times + WARMUP)]

        def scan(i: int, picks: list[str] = picks) -> None:
            catalog.lookup(big.handle.uow(write=False), picks[i])

        samples = repeat_ms(scan, times, warmup=WARMUP)
        p95 = summarize(samples)["p95_ms"]
        results.append(Result(
            f"{label} ({len(rows):,} products)", samples,
            target=f"p95 <= {TARGET_P95_MS} ms" if target else "",
            passed=p95 <= TARGET_P95_MS if target else None,
            note="" if target else "typed in lower case; the barcode query misses first",
        ))
    return results
