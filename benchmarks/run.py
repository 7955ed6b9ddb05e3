"""``python -m benchmarks [--quick | --large] [--dir DIR] [--json PATH] [--keep]`` (``run.main``).

Builds one big stand in a temp folder (real files, real services), times the command
line's start, the catalog import, barcode look-ups, checkout commits, the X and Z reports,
printing, the stand window, merges and the event report; prints a table and writes
``benchmarks/results/latest.json``. The machine is shared and noisy, so a line with a
target carries its floor measured in the same run (a bare interpreter start, a bare
QMainWindow, a one-pass SQL aggregate, the bare SQLite commit) and the ratio. A missed
target prints FAIL and the command exits with status 1.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from posapp.services import shifts

from . import (
    _photos,
    bench_checkout,
    bench_event_report,
    bench_import,
    bench_journal,
    bench_lookup,
    bench_merge,
    bench_printing,
    bench_reports,
    bench_start,
    bench_window,
)
from ._common import (
    RESULTS_DIR,
    Result,
    Sizes,
    exit_status,
    format_table,
    log,
    machine_info,
    missed,
    write_json,
)
from ._past_sales import write_past_sales
from ._stand import OPENING_FLOAT, BigStand, create_stand


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true",
                        help="10,000 products and 20,000 sales: a smoke run, not the figures")
    parser.add_argument("--large", action="store_true",
                        help="1,000,000 products, 1,000,000 sales, 68 stands (hours, not minutes)")
    parser.add_argument("--dir", type=Path, default=None,
                        help="make the temp folder here (the disk under test; default: /tmp)")
    parser.add_argument("--json", type=Path, default=RESULTS_DIR / "latest.json",
                        help="where to write the results (default: benchmarks/results/latest.json)")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder afterwards")
    parser.add_argument("--check", action="store_true",
                        help="kept for old scripts: a missed target always exits with status 1")
    args = parser.parse_args(argv)
    if args.quick and args.large:
        parser.error("--quick and --large: choose one")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = Sizes.quick() if args.quick else Sizes.large() if args.large else Sizes.full()
    mode = "quick" if args.quick else "large" if args.large else "full"
    folder = Path(tempfile.mkdtemp(prefix="posapp-bench-", dir=args.dir))
    os.environ["POSAPP_CONFIG_DIR"] = str(folder / "config")  # keys it keeps: never the user's
    started = time.perf_counter()
    try:
        results, extra = run_all(folder, sizes)
        extra["wall_seconds"] = round(time.perf_counter() - started, 1)
        machine = machine_info(folder)
        print(headline(sizes, extra, machine))
        print(format_table(results))
        write_json(args.json, machine, sizes, mode, results, extra)
        log(f"done in {extra['wall_seconds']} s; results in {args.json}")
    finally:
        if args.keep:
            log(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    if missed(results):
        log(f"missed targets (FAIL): {', '.join(missed(results))}")
    return exit_status(results)


def headline(sizes: Sizes, extra: dict, machine: dict) -> str:
    data = extra["dataset"]
    return (
        f"posapp benchmarks: {sizes.products:,} products, {data['sales']:,} past sales "
        f"({data['voids']:,} voids, {data['refunds']:,} refunds) in one shift, database "
        f"{data['database_mb']:,.0f} MB\n"
        f"{machine['cpu_count']} x {machine['cpu_model']}; Python {machine['python']}, "
        f"SQLite {machine['sqlite']}, SQLAlchemy {machine['sqlalchemy']}, "
        f"posapp {machine['posapp']} ({machine['posapp_commit'] or 'no git'}); "
        f"data in {machine['data_dir']}\n"
    )


def run_all(folder: Path, sizes: Sizes) -> tuple[list[Result], dict]:
    log("command line start: posapp --version beside python -c pass")
    results = bench_start.run(sizes.cli_starts)
    log("command line sale: a one-item posapp sell beside python -c 'import sqlalchemy'")
    results += bench_start.run_sell(folder, sizes.cli_starts)
    log("command line sale, receipt printed to a file: the same beside the same floor")
    results += bench_start.run_sell(folder, sizes.cli_starts, printed=True)
    big = create_stand(folder / "data")
    try:
        log(f"importing {sizes.products:,} products from a CSV file")
        imported, rows = bench_import.run(big, folder, sizes.products)
        results += imported
        log(f"photos for {sizes.products // _photos.EVERY:,} products (a folder import)")
        results += _photos.run(big, folder, rows)
        log(f"X report, close shift, Z report on an earlier shift of "
            f"{bench_reports.SMALL_SALES:,} sales")
        small, small_p50s = _small_shift(big, sizes.report_runs)
        results += small
        shifts.open_shift(big.handle.uow(), big.cashier, OPENING_FLOAT)
        log(f"writing {sizes.past_sales:,} past sales (bulk inserts)")
        t0 = time.perf_counter()
        counts = write_past_sales(big, sizes.past_sales)
        made_s = time.perf_counter() - t0
        big.clock.at = None  # from now on the real time
        log(f"looking up {sizes.lookups:,} codes")
        results += bench_lookup.run(big, rows, sizes.lookups)
        log(f"{sizes.commits:,} checkouts and bare commits")
        results += bench_checkout.run(big, folder, rows, sizes.commits)
        log("X report, close shift, Z report")
        expected = sizes.past_sales + sizes.commits + bench_checkout.WARMUP
        results += bench_reports.run(big, sizes.report_runs, expected, small_p50s)[0]
        log("verifying the journal chain")
        results += bench_journal.run(big)
        log("printing: ESC/POS, PDF, labels")
        results += bench_printing.run()
        log("stand window: starts, memory, scans")
        results += bench_window.run(big, rows, sizes.scans, sizes.window_starts)
        log("central store: merging a whole event")
        results += bench_merge.run(folder, sizes.event_sales, sizes.stands)
        log("central store: the event report, PDF and XLSX")
        results += bench_event_report.run(folder, sizes.event_sales, stands=sizes.stands)
        db_mb = big.handle.path.stat().st_size / 1e6
    finally:
        big.close()
    extra = {"dataset": {**counts, "products": sizes.products, "build_seconds": round(made_s, 1),
                         "database_mb": round(db_mb, 1)}}
    log(f"data set: {counts}, made in {made_s:.1f} s; database {db_mb:.0f} MB")
    return results, extra


def _small_shift(big: BigStand, runs: int) -> tuple[list[Result], dict[str, float]]:
    """A shift of 20,000 sales before the big one (two hours earlier), its reports timed."""
    start = big.clock()
    big.clock.at = start - timedelta(hours=2)
    shifts.open_shift(big.handle.uow(), big.cashier, OPENING_FLOAT)
    big.clock.at = start - timedelta(minutes=10)
    write_past_sales(big, bench_reports.SMALL_SALES, seed=20)
    big.clock.at = start - timedelta(minutes=5)
    lines = bench_reports.run(big, runs, bench_reports.SMALL_SALES)
    big.clock.at = start
    return lines


if __name__ == "__main__":
    sys.exit(main())
