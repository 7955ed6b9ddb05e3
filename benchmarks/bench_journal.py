"""Checking the whole journal chain (what sync and merge rely on), which also proves
that the bulk-made past sales were chained exactly as ``journal.append`` chains them."""

from __future__ import annotations

from posapp.services import journal

from ._common import Result, time_ms
from ._stand import BigStand


def run(big: BigStand) -> list[Result]:
    outcome: list[journal.VerifyResult] = []

    def verify() -> None:
        with big.handle.uow(write=False) as uow:
            outcome.append(journal.verify(uow))

    elapsed = time_ms(verify)
    result = outcome[0]
    if not result.ok:
        raise RuntimeError(f"the journal chain breaks: {result.broken}")
    return [Result(f"journal.verify ({result.entries:,} entries)", [elapsed],
                   note="chain intact")]
