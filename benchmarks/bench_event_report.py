"""The organizers' event report for a whole event: 34 stands x 5,000 sales (170,000).

Times ``posapp report --central FILE --pdf FILE --xlsx FILE`` run in this process (read
the central store once, then the PDF drawn in a second process while this one writes the
workbook: posapp/services/event_report_files.py), the same with one process (everything
in turn, as before issue 14), and each part on its own: the read query by query, the PDF,
the workbook. The central store is built first by writing its tables directly
(_central_event.py). Then the same event also goes into a private PostgreSQL server
(tests/central/pgserver.py, fsync on) when one can be started, and the command is timed
against it too.

    .venv/bin/python -m benchmarks.bench_event_report [--quick] [--no-postgres] [--keep DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from unittest import mock

from posapp.cli.main import main as posapp_main

from ._common import Result, Sizes, format_table, log, repeat_ms

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from posapp.services.event_report import EventReport

# The rest is imported where it is used: the PDF's second process (multiprocessing's spawn)
# imports this module as its __main__, and should import no more than the command's own
# __main__ makes it (ReportLab, which it needs; not openpyxl, SQLAlchemy or the builder).

STANDS = 34
#: Issue 14: 5 s for 34 stands, 10 s for 68 (in ``--large``): 5 s per 34 stands.
TARGET_MS_PER_34 = 5_000
FLOOR_NAME = "one pass over the sale lines: SUM by stand and SKU"


def target_ms(stands: int) -> int:
    return TARGET_MS_PER_34 * max(1, -(-stands // STANDS))


def run(folder: Path, per_stand: int, *, runs: int = 3, postgres: bool = True,
        stands: int = STANDS) -> list[Result]:
    """Build the event in an SQLite central store (and PostgreSQL), then time the report."""
    from ._central_event import build_event

    target = str(folder / "central-event.sqlite")
    log(f"central store: {stands} stands x {per_stand:,} sales, straight into its tables")
    t0 = time.perf_counter()
    counts = build_event(target, sales_per_stand=per_stand, stands=stands)
    log(f"built in {time.perf_counter() - t0:.1f} s: {counts}")
    _group_lines(target)
    size = f"{counts['stands']} x {per_stand:,} sales"
    results = _time_report(folder, target, size, runs, "SQLite", stands)
    if postgres:
        results += _postgres(folder, per_stand, size, runs, stands)
    return results


def _group_lines(target: str) -> None:
    """The sale lines pre-grouped (the merge keeps them so; the builder wrote the lines
    straight into their tables): what an upgrade to format 5 does, timed."""
    from posapp.sync.central_grouped import refill
    from posapp.sync.central_store import Central

    t0 = time.perf_counter()
    with Central(target, create=False) as central, central.writing() as conn:
        refill(conn)
    log(f"line_totals filled from the lines in {time.perf_counter() - t0:.1f} s")


def _floor_ms(target: str, runs: int) -> float:
    """The floor: one grouped pass over every sale line (the report reads each line once,
    joined to its sale, and draws what it adds up)."""
    from sqlalchemy import text

    from posapp.sync.central_store import Central

    with Central(target, create=False) as central, central.reading() as conn:
        samples = repeat_ms(lambda _: conn.execute(text(
            "SELECT stand, sku, SUM(quantity), SUM(total) FROM sale_line GROUP BY stand, sku"
        )).all(), runs, warmup=1)
    return sorted(samples)[len(samples) // 2]


def _time_report(folder: Path, target: str, size: str, runs: int, backend: str,
                 stands: int) -> list[Result]:
    from posapp.domain.money import format_rupiah
    from posapp.printing.pdf_event_report import render_event_pdf
    from posapp.printing.xlsx_event_report import write_event_xlsx
    from posapp.services.event_report import event_report
    from posapp.services.event_report_files import PdfWorker
    from posapp.sync.central_store import Central

    pdf, xlsx = folder / "laporan.pdf", folder / "laporan.xlsx"
    args = ["report", "--central", target, "--pdf", str(pdf), "--xlsx", str(xlsx)]

    def whole(_: int) -> None:
        with contextlib.redirect_stdout(io.StringIO()):
            if posapp_main(args) != 0:
                raise RuntimeError("posapp report failed")

    log(f"{backend}: posapp report --pdf --xlsx, {runs} runs after one warm-up")
    whole_ms = repeat_ms(whole, runs, warmup=1)
    log(f"{backend}: the same in one process, {runs} runs")
    with mock.patch.object(PdfWorker, "start", return_value=False):
        one_ms = repeat_ms(whole, runs)
    reports: list[EventReport] = []

    def read(_: int) -> None:
        with Central(target, create=False) as central:
            reports.append(event_report(central, made_at=datetime.now(UTC)))

    read_ms = repeat_ms(read, runs)
    report = reports[-1]
    pdf_ms = repeat_ms(lambda _: render_event_pdf(report, pdf), runs)
    xlsx_ms = repeat_ms(lambda _: write_event_xlsx(report, xlsx), runs)
    pages = len(re.findall(rb"/Type /Page[^s]", pdf.read_bytes()))
    worst, limit = max(whole_ms), target_ms(stands)
    floor = _floor_ms(target, runs)
    products = sum(len(s.products) for s in report.sections)
    return [
        *_queries(target, runs, backend),
        Result(f"event report: read central ({backend})", read_ms,
               note=f"{report.overall.sales_count:,} sales kept, {products:,} products sold, "
                    f"{len(report.maker_groups)} maker groups, net "
                    f"{format_rupiah(report.overall.net)}", floor_ms=floor,
               floor_name=FLOOR_NAME),
        Result(f"event report: PDF ({backend})", pdf_ms,
               note=f"{pages} A4 pages, {pdf.stat().st_size / 1e6:.1f} MB"),
        Result(f"event report: XLSX ({backend})", xlsx_ms,
               note=f"{xlsx.stat().st_size / 1e6:.1f} MB"),
        Result(f"posapp report --pdf --xlsx in one process, {stands} stands ({backend})",
               one_ms, note="read, PDF, XLSX in turn (no second process)", floor_ms=floor,
               floor_name=FLOOR_NAME),
        Result(f"**posapp report --pdf --xlsx**, {stands} stands ({backend})", whole_ms,
               target=f"max <= {limit:,} ms", passed=worst <= limit,
               note=f"{size}: read once, then the PDF in a second process while the XLSX "
                    "is written", floor_ms=floor, floor_name=FLOOR_NAME),
    ]


def _queries(target: str, runs: int, backend: str) -> list[Result]:
    """The read's queries, each timed alone (one read transaction each run)."""
    from posapp.services.event_report_orders import read_orders
    from posapp.sync import central_queries as q
    from posapp.sync.central_store import Central

    parts: dict[str, Callable[[Connection], object]] = {
        "stand totals, payment methods, order money": q.stand_totals,
        "products: the pre-grouped lines by stand and product": q.products,
        "stand days": q.stand_days,
        "orders": lambda conn: read_orders(conn, datetime.now(UTC)),
    }
    out = []
    with Central(target, create=False) as central:
        for name, query in parts.items():
            def once(_: int, query: Callable[[Connection], object] = query) -> None:
                with central.reading() as conn:
                    query(conn)

            out.append(Result(f"event report read: {name} ({backend})", repeat_ms(once, runs)))
    return out


def _postgres(folder: Path, per_stand: int, size: str, runs: int,
              stands: int) -> list[Result]:
    try:
        from tests.central.pgserver import PgUnavailable, running_server
    except ImportError as exc:
        log(f"PostgreSQL skipped: {exc}")
        return []
    try:
        with running_server(fsync=True) as server:
            url = server.create_database("event_report")
            from ._central_event import build_event

            log("PostgreSQL: building the same event")
            t0 = time.perf_counter()
            build_event(url, sales_per_stand=per_stand, stands=stands)
            log(f"built in {time.perf_counter() - t0:.1f} s")
            _group_lines(url)
            return _time_report(folder, url, size, runs, "PostgreSQL", stands)
    except PgUnavailable as exc:
        log(f"PostgreSQL skipped: {exc}")
        return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_event_report",
                                     description=__doc__)
    parser.add_argument("--quick", action="store_true", help="34 x 500 sales")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--stands", type=int, default=STANDS, help="68: issue 14's large event")
    parser.add_argument("--keep", type=Path, help="copy the central store and reports here")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="posapp-bench-event-"))
    try:
        sizes = Sizes.quick() if args.quick else Sizes.full()
        results = run(folder, sizes.event_sales, runs=args.runs, postgres=not args.no_postgres,
                      stands=args.stands)
        print(format_table(results))
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for f in folder.iterdir():
                shutil.copy2(f, args.keep / f.name)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 1 if any(r.passed is False for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
