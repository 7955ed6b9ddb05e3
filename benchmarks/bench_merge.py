"""Merging a whole event (34 stands x 5,000 sales) into an empty central store, then again,
then one stand more into the full store beside the same stand into an empty one.

Targets (issue 14): the whole event into an empty SQLite file <= 8 s, shown beside its
floor, the same rows written by SQLite alone in one pass (``INSERT INTO ... SELECT`` from
the merged store into an empty one of the same tables, one commit); merging it all again
<= 3 s; a 35th stand into the store holding 34 within 1.1x of the same file merged into an
empty store (its floor, timed in turns with it in the same run). The same on PostgreSQL
(a private server with fsync on, as a real one runs), where the whole event's target is
issue 5's 20 s. After each first merge every stand's Z report is checked against the
store (not timed). The whole event is merged into SQLite twice more in one process (the
second processes off, as ``merge`` does for a small batch), in turns with one second
process and with two (as ``merge`` does on a large batch when a core is idle), for their
ratios (issue 14, third and fourth passes).

    .venv/bin/python -m benchmarks.bench_merge [--quick] [--stands N] [--no-postgres]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import delete

from posapp.domain.event_key import new_key, parse_key
from posapp.services import central_totals, merge
from posapp.sync import central_schema as cs
from posapp.sync import merge_worker
from posapp.sync.central_store import Central

from ._common import Result, Sizes, format_table, log
from ._event import write_event

STANDS = 34
WHOLE_MS = {"SQLite file": 8_000, "PostgreSQL": 20_000}
AGAIN_MS = 3_000
ONE_MORE_RATIO = 1.1
TURNS = 9  # one more stand into the full store and into an empty one, in turns (its times
# fall in two groups on this disk, about 250 and 400 ms: five turns a side could land apart)


def run(folder: Path, sales_per_stand: int, stands: int = STANDS, *,
        postgres: bool = True) -> list[Result]:
    key = new_key()
    log(f"writing {stands + 1} export files of {sales_per_stand:,} sales each")
    t0 = time.perf_counter()
    files = write_event(folder / "event", parse_key(key), stands=stands + 1,
                        sales=sales_per_stand)
    log(f"  made in {time.perf_counter() - t0:.1f} s")
    os.sync()  # the files on the disk, as from a USB stick: no writeback under the timing
    event, extra = files[:stands], files[stands]
    mb = sum(f.stat().st_size for f in event) / 1e6
    size = f"{stands} x {sales_per_stand:,} sales ({mb:,.0f} MB of files)"
    sqlite_store = folder / "central.sqlite"
    results = _merge_twice("SQLite file", str(sqlite_store), event, key, size,
                           floor_ms=_one_pass_ms(sqlite_store, folder / "floor.sqlite"))
    results += _one_process_or_more(folder, event, key, size)
    results += _one_more("SQLite file", _copies(sqlite_store), extra, key, stands,
                         lambda n: str(folder / f"empty-{n}.sqlite"))
    if not postgres:
        return results
    try:
        from tests.central.pgserver import PgUnavailable, running_server
    except ImportError as exc:  # run outside the repository
        return [*results, Result("merge into PostgreSQL", [0.0], note=f"skipped: {exc}")]
    try:
        with running_server(fsync=True) as server:
            target = server.create_database("bench")
            results += _merge_twice("PostgreSQL", target, event, key, size)
            results += _one_more("PostgreSQL", _forgetting(target, stands), extra, key,
                                 stands, lambda n: server.create_database(f"empty_{n}"))
    except PgUnavailable as exc:
        results.append(Result("merge into PostgreSQL", [0.0], note=f"skipped: {exc}"))
    return results


def _merge_twice(where: str, target: str, files: list[Path], key: str, size: str, *,
                 floor_ms: Callable[[], float] | None = None) -> list[Result]:
    log(f"merging into {where}")
    first = _timed(target, files, key)
    cpu = _cpu_note()
    with Central(target) as central:
        mismatches = central_totals.check_z_reports(central)
        stands = central_totals.stand_totals(central)
    if mismatches or len(stands) != len(files):
        raise RuntimeError(f"merge into {where} does not add up: {mismatches[:3]}")
    floor = floor_ms() if floor_ms is not None else None
    log(f"merging the same files into {where} again")
    again = _timed(target, files, None)
    target_ms = WHOLE_MS[where]
    return [
        Result(f"**merge {size} into an empty {where}**", [first], f"≤ {target_ms:,} ms",
               first <= target_ms, note=f"every Z report agrees; {cpu}", floor_ms=floor,
               floor_name="the same rows by SQLite alone, one INSERT ... SELECT pass"
               if floor is not None else ""),
        Result(f"**merge all of it again** ({where})", [again], f"≤ {AGAIN_MS:,} ms",
               again <= AGAIN_MS, note="nothing applied"),
    ]


def _one_process_or_more(folder: Path, files: list[Path], key: str,
                         size: str) -> list[Result]:
    """The whole event into new SQLite files in one process, with one second process and
    with two (as ``merge`` does on a large batch), in turns."""
    log("merging into SQLite in one process, with one second process and with two, in turns")
    times: dict[int, list[float]] = {0: [], 1: [], 2: []}
    cpu: dict[int, list[str]] = {0: [], 1: [], 2: []}
    for n in range(2):
        for workers, into in times.items():
            store = folder / f"turn-{workers}-{n}.sqlite"
            with _workers(workers):
                into.append(_timed(str(store), files, key))
            cpu[workers].append(f"{_CPU[0]:.1f}+{_CPU[1]:.1f}")
            store.unlink()
    floor = statistics.median(times[0])
    return [
        Result(f"merge {size} into an empty SQLite file, one process (floor)", times[0],
               floor_name="the same merge in one process",
               note=f"2 turns; CPU s {', '.join(cpu[0])}"),
        Result("the same with one second process", times[1], floor_ms=floor,
               floor_name="the same merge in one process",
               note=f"2 turns, in turns with it; CPU s here+second {', '.join(cpu[1])}"),
        Result("the same with two second processes (as merge does)", times[2],
               floor_ms=floor, floor_name="the same merge in one process",
               note=f"2 turns, in turns with it; CPU s here+second ones {', '.join(cpu[2])}"),
    ]


@contextlib.contextmanager
def _workers(n: int) -> Iterator[None]:
    """Merges with *n* second processes (0: off, as for a small batch), however busy the
    machine is."""
    before = (merge_worker.WORKER_MIN_BYTES, merge_worker.WORKER_IDLE_CORES,
              merge_worker.WORKERS)
    merge_worker.WORKER_MIN_BYTES = before[0] if n else 1 << 62
    merge_worker.WORKER_IDLE_CORES = -1e9 if n else before[1]
    merge_worker.WORKERS = n or before[2]
    try:
        yield
    finally:
        merge_worker.WORKER_MIN_BYTES, merge_worker.WORKER_IDLE_CORES, \
            merge_worker.WORKERS = before


def _one_more(where: str, full_target: Callable[[int], str], extra: Path, key: str,
              stands: int, empty_target: Callable[[int], str]) -> list[Result]:
    """The extra stand's file into the full store (as it was before each turn: see
    _copies and _forgetting) and into a new store whose tables are made but empty, in
    turns."""
    log(f"{where}: one more stand into {stands} and into an empty store, {TURNS} turns each")
    into_full: list[float] = []
    into_empty: list[float] = []
    for n in range(TURNS):
        empty = empty_target(n)
        with Central(empty) as central, central.writing():
            pass  # the tables, not timed
        into_empty.append(_timed(empty, [extra], key))
        into_full.append(_timed(full_target(n), [extra], key))
    floor = statistics.median(into_empty)
    ratio = statistics.median(into_full) / floor
    return [
        Result(f"merge one stand into an empty store ({where}; floor)", into_empty,
               floor_name="the same file into an empty store"),
        Result(f"**merge a {stands + 1}th stand into {stands}** ({where})", into_full,
               f"p50 ≤ {ONE_MORE_RATIO:g}x floor", ratio <= ONE_MORE_RATIO, floor_ms=floor,
               floor_name="the same file into an empty store",
               note=f"{TURNS} turns each, alternating"),
    ]


def _copies(store: Path) -> Callable[[int], str]:
    """A copy of the full SQLite store for each turn (made before the turn, not timed)."""
    def copy(n: int) -> str:
        store.with_name(f"full-{n - 1}.sqlite").unlink(missing_ok=True)
        turn = store.with_name(f"full-{n}.sqlite")
        shutil.copyfile(store, turn)
        with turn.open("rb+") as f:  # on disk, or the merge's commit would write it all
            os.fsync(f.fileno())
        os.sync()  # and the last copy's blocks freed (the disk is discarded on delete)
        return str(turn)
    return copy


def _forgetting(target: str, stands: int) -> Callable[[int], str]:
    """The full PostgreSQL store, less the rows of the last turn's stand (deleted before
    each turn, not timed)."""
    def forget(_n: int) -> str:
        _forget_extra_stands(target, stands)
        return target
    return forget


def _forget_extra_stands(target: str, stands: int) -> None:
    """Delete every row of the stands merged after the first *stands*, then VACUUM: the
    next turn inserts the same keys again, which a unique index would otherwise check
    against the dead rows left by the delete (a store that never had them has none)."""
    with Central(target) as central:
        _delete_extra_stands(central, stands)
        with central.engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            for table in cs.metadata.sorted_tables:
                conn.exec_driver_sql(f"VACUUM {table.name}")


def _delete_extra_stands(central: Central, stands: int) -> None:
    with central.writing() as conn:
        codes = [c for (c,) in conn.execute(cs.stand.select().with_only_columns(cs.stand.c.code)
                                            .order_by(cs.stand.c.last_sync_at))]
        for code in codes[stands:]:
            for table in reversed(cs.metadata.sorted_tables):
                column = table.c.get("stand")
                if column is not None:
                    conn.execute(delete(table).where(column == code))
            conn.execute(delete(cs.stand).where(cs.stand.c.code == code))


def _one_pass_ms(store: Path, floor_store: Path) -> Callable[[], float]:
    """A function timing the floor: the merged store's rows written into an empty store of
    the same tables by SQLite alone (one INSERT ... SELECT per table, one commit)."""
    def measure() -> float:
        floor_store.unlink(missing_ok=True)
        with Central(str(floor_store)) as central, central.writing():
            pass  # the same tables and indexes, empty
        con = sqlite3.connect(floor_store, isolation_level=None)
        try:
            con.execute("PRAGMA synchronous = FULL")
            con.execute("ATTACH DATABASE ? AS merged", (str(store),))
            started = time.perf_counter()
            con.execute("BEGIN")
            for table in cs.metadata.sorted_tables:
                if table is not cs.meta:
                    con.execute(f"INSERT INTO main.{table.name} SELECT * FROM merged.{table.name}")
            con.execute("COMMIT")
            return (time.perf_counter() - started) * 1000
        finally:
            con.close()
            floor_store.unlink(missing_ok=True)
    return measure


def _timed(target: str, files: list[Path], key: str | None) -> float:
    cpu, theirs = time.process_time(), _children_cpu()
    started = time.perf_counter()
    refused = merge.merge_files(target, files, key=key).refused
    elapsed = (time.perf_counter() - started) * 1000
    _CPU[:] = [time.process_time() - cpu, _children_cpu() - theirs]
    if refused:
        raise RuntimeError(f"merge refused a file: {refused[0]}")
    return elapsed


#: The CPU seconds of the last _timed merge: this process's, and the second process's.
_CPU = [0.0, 0.0]


def _children_cpu() -> float:
    """CPU seconds of this process's ended children (the merge's second process, once
    the merge has waited for it; the PostgreSQL server is not one until it stops)."""
    try:
        import resource
    except ImportError:  # Windows: not measured
        return 0.0
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _cpu_note() -> str:
    here, there = _CPU
    return f"CPU {here:.1f} s here, {there:.1f} s in the second processes"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_merge",
                                     description=__doc__)
    parser.add_argument("--quick", action="store_true", help="34 x 500 sales")
    parser.add_argument("--stands", type=int, default=STANDS)
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="posapp-bench-merge-"))
    try:
        sizes = Sizes.quick() if args.quick else Sizes.full()
        results = run(folder, sizes.event_sales, args.stands, postgres=not args.no_postgres)
        print(format_table(results))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 1 if any(r.passed is False for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
