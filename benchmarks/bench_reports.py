"""X report (shift open), closing the shift, and Z report (shift closed), each beside its
floor: one pass of ``SELECT count(*), sum(total)`` over the same shift. Run twice: on a
shift of 20,000 sales first, then on the run's big shift, whose lines must stay within 2x
of the same at 20,000 (issue 14: the reports read running totals, not the sales)."""

from __future__ import annotations

import sqlite3

from sqlalchemy import text

from posapp.domain.money import format_rupiah
from posapp.domain.report import ShiftReport
from posapp.services import reports, shifts

from ._common import Result, repeat_ms, summarize
from ._stand import BigStand

TARGET_MS = 50  # issue 14: X, Z and close_shift at 1M sales in a shift
TARGET_GROWTH = 2.0  # ... and within 2x of the same at 20k sales
SMALL_SALES = 20_000
FLOOR_SQL = "SELECT count(*), sum(total) FROM sale WHERE shift_id = ?"
FLOOR_NAME = "one SELECT count(*), sum(total) over the shift's sales"
#: Takes back a close (the shift open again, its journal entry gone), so that closing the
#: same shift can be timed more than once; the last close stays.
REOPEN = ("UPDATE shift SET closed_at = NULL, closed_by = NULL, counted_cash = NULL, "
          "expected_cash = NULL WHERE id = :id",
          "DELETE FROM journal WHERE seq = (SELECT max(seq) FROM journal)")


def run(big: BigStand, runs: int, expected_sales: int,
        small: dict[str, float] | None = None) -> tuple[list[Result], dict[str, float]]:
    """X report *runs* times, close the shift *runs* times (reopened in between), then the
    Z report *runs* times; with *small* (the p50s of a run at 20k sales) each line is held
    to 2x of its p50 there. Returns the lines and their p50s."""
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
    floor_ms = aggregate_floor(str(big.handle.path), x.shift_id, runs)
    if x.sales_count + x.voids_count != expected_sales:
        raise RuntimeError(f"X report counts {x.sales_count} sales + {x.voids_count} voids, "
                           f"expected {expected_sales} in all")

    def close(i: int) -> None:
        shifts.close_shift(uow(), big.cashier, x.expected_cash)
        if i < runs - 1:
            with big.handle.engine.begin() as conn:
                for statement in REOPEN:
                    conn.execute(text(statement), {"id": x.shift_id})

    close_ms = repeat_ms(close, runs)
    z_ms = repeat_ms(z_report, runs, warmup=0)
    z = seen[-1]
    size = f"{x.sales_count + x.voids_count:,} sales"
    samples = {"X report": x_ms, "close_shift": close_ms, "Z report": z_ms}
    p50s = {name: float(summarize(ms)["p50_ms"]) for name, ms in samples.items()}

    def line(name: str, label: str, note: str) -> Result:
        ms = samples[name]
        passed = max(ms) <= TARGET_MS
        target = f"max <= {TARGET_MS} ms"
        figures: dict[str, float] = {}
        if small is not None:
            growth = p50s[name] / small[name]
            passed = passed and growth <= TARGET_GROWTH
            target += f", <= {TARGET_GROWTH:g}x 20k"
            figures = {"p50_at_20k_ms": round(small[name], 3), "vs_20k": round(growth, 2)}
            note += f"; p50 at 20,000 sales {small[name]:.2f} ms, {growth:.2f}x that"
        return Result(f"{label} ({size})", ms, target=target, passed=passed, note=note,
                      floor_ms=floor_ms, floor_name=FLOOR_NAME, figures=figures)

    return [
        Result(f"aggregate over the shift ({size})", [floor_ms],
               note=f"p50 of {runs} runs of {FLOOR_SQL}, sqlite3, warm"),
        line("X report", "X report, open shift",
             f"{x.sales_count:,} sales, {x.voids_count:,} voids, "
             f"{x.refunds_count:,} refunds, net {format_rupiah(x.net)}, "
             f"{x.oversold_products:,} products sold past zero stock, "
             f"{len(x.oversold)} listed"),
        line("close_shift", "shifts.close_shift",
             f"{runs} closes of the same shift, reopened by SQL in between"),
        line("Z report", "Z report, closed shift",
             f"{z.sales_count:,} sales, over/short {format_rupiah(z.over_short or 0)}"),
    ], p50s


def aggregate_floor(path: str, shift_id: str, runs: int) -> float:
    """Median ms of one warm ``count(*), sum(total)`` pass over the shift (one warm-up)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        samples = repeat_ms(lambda _i: conn.execute(FLOOR_SQL, (shift_id,)).fetchone(),
                            max(runs, 3), warmup=1)
    finally:
        conn.close()
    return sorted(samples)[len(samples) // 2]
