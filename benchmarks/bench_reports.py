"""X report (shift open), closing the shift, and Z report (shift closed) over every sale,
each beside its floor: one pass of ``SELECT count(*), sum(total)`` over the same shift."""

from __future__ import annotations

import sqlite3

from posapp.domain.money import format_rupiah
from posapp.domain.report import ShiftReport
from posapp.services import reports, shifts

from ._common import Result, repeat_ms, time_ms
from ._stand import BigStand

TARGET_MS = 50  # issue 14: X, Z and close_shift at 1M sales in a shift
FLOOR_SQL = "SELECT count(*), sum(total) FROM sale WHERE shift_id = ?"
FLOOR_NAME = "one SELECT count(*), sum(total) over the shift's sales"


def run(big: BigStand, runs: int, expected_sales: int) -> list[Result]:
    """X report *runs* times, close the shift once, then the Z report *runs* times."""
    uow = big.handle.uow
    seen: list[ShiftReport] = []

    def x_report(_: int) -> None:
        with uow(write=False) as u:
            seen.append(reports.shift_report(u, shifts.require_open_shift(u)))

    def z_report(_: int) -> None:
        with uow(write=False) as u:
            seen.append(reports.shift_report(u, shifts.last_closed(u)))

    x_ms = repeat_ms(x_report, runs, warmup=1)
    x = seen[-1]
    with uow(write=False) as u:
        shift_id = shifts.require_open_shift(u).id
    floor_ms = aggregate_floor(str(big.handle.path), shift_id, runs)
    if x.sales_count + x.voids_count != expected_sales:
        raise RuntimeError(f"X report counts {x.sales_count} sales + {x.voids_count} voids, "
                           f"expected {expected_sales} in all")
    close_ms = time_ms(lambda: shifts.close_shift(uow(), big.cashier, x.expected_cash))
    z_ms = repeat_ms(z_report, runs, warmup=0)
    z = seen[-1]

    def line(name: str, samples: list[float], note: str = "") -> Result:
        return Result(name, samples, target=f"max <= {TARGET_MS} ms",
                      passed=max(samples) <= TARGET_MS, note=note, floor_ms=floor_ms,
                      floor_name=FLOOR_NAME)

    return [
        Result("aggregate over the shift (floor)", [floor_ms],
               note=f"p50 of {runs} runs of {FLOOR_SQL}, sqlite3, warm"),
        line("X report (open shift)", x_ms,
             note=f"{x.sales_count:,} sales, {x.voids_count:,} voids, "
                  f"{x.refunds_count:,} refunds, net {format_rupiah(x.net)}"),
        line("shifts.close_shift", [close_ms]),
        line("Z report (closed shift)", z_ms,
             note=f"{z.sales_count:,} sales, over/short {format_rupiah(z.over_short or 0)}"),
    ]


def aggregate_floor(path: str, shift_id: str, runs: int) -> float:
    """Median ms of one warm ``count(*), sum(total)`` pass over the shift (one warm-up)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        samples = repeat_ms(lambda _i: conn.execute(FLOOR_SQL, (shift_id,)).fetchone(),
                            max(runs, 3), warmup=1)
    finally:
        conn.close()
    return sorted(samples)[len(samples) // 2]
