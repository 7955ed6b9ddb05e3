"""X report (shift open), closing the shift, and Z report (shift closed) over every sale."""

from __future__ import annotations

from posapp.domain.money import format_rupiah
from posapp.domain.report import ShiftReport
from posapp.services import reports, shifts

from ._common import Result, repeat_ms, time_ms
from ._stand import BigStand

TARGET_Z_MS = 1_000


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
    if x.sales_count + x.voids_count != expected_sales:
        raise RuntimeError(f"X report counts {x.sales_count} sales + {x.voids_count} voids, "
                           f"expected {expected_sales} in all")
    close_ms = time_ms(lambda: shifts.close_shift(uow(), big.cashier, x.expected_cash))
    z_ms = repeat_ms(z_report, runs, warmup=0)
    z = seen[-1]
    worst = max(z_ms)
    return [
        Result("X report (open shift)", x_ms,
               note=f"{x.sales_count:,} sales, {x.voids_count:,} voids, "
                    f"{x.refunds_count:,} refunds, net {format_rupiah(x.net)}"),
        Result("shifts.close_shift", [close_ms]),
        Result("Z report (closed shift)", z_ms,
               target=f"max <= {TARGET_Z_MS:,} ms", passed=worst <= TARGET_Z_MS,
               note=f"{z.sales_count:,} sales, over/short {format_rupiah(z.over_short or 0)}"),
    ]
