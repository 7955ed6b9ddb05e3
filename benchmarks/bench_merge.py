"""Merging a whole event (34 stands x 5,000 sales) into an empty central store, then again.

Targets (issue 5): the first merge <= 20 s and merging everything again <= 3 s, into an
SQLite file and into PostgreSQL (a private server with fsync on, as a real one runs).
After each first merge every stand's Z report is checked against the store (not timed).
"""

from __future__ import annotations

import time
from pathlib import Path

from posapp.domain.event_key import new_key, parse_key
from posapp.services import central_totals, merge
from posapp.sync.central_store import Central

from ._common import Result, log
from ._event import write_event

STANDS = 34


def run(folder: Path, sales_per_stand: int, stands: int = STANDS) -> list[Result]:
    key = new_key()
    log(f"writing {stands} export files of {sales_per_stand:,} sales each")
    t0 = time.perf_counter()
    files = write_event(folder / "event", parse_key(key), stands=stands, sales=sales_per_stand)
    made_s = time.perf_counter() - t0
    mb = sum(f.stat().st_size for f in files) / 1e6
    size = f"{stands} stands x {sales_per_stand:,} sales ({mb:,.0f} MB of files)"
    log(f"  made in {made_s:.1f} s")
    results = _merge_twice("SQLite file", str(folder / "central.sqlite"), files, key, size)
    try:
        from tests.central.pgserver import PgUnavailable, running_server
    except ImportError as exc:  # run outside the repository
        return [*results, Result("merge into PostgreSQL", [0.0], note=f"skipped: {exc}")]
    try:
        with running_server(fsync=True) as server:
            results += _merge_twice("PostgreSQL", server.create_database("bench"), files, key,
                                    size)
    except PgUnavailable as exc:
        results.append(Result("merge into PostgreSQL", [0.0], note=f"skipped: {exc}"))
    return results


def _merge_twice(where: str, target: str, files: list[Path], key: str,
                 size: str) -> list[Result]:
    log(f"merging into {where}")
    first = _timed(target, files, key)
    with Central(target) as central:
        mismatches = central_totals.check_z_reports(central)
        stands = central_totals.stand_totals(central)
    if mismatches or len(stands) != len(files):
        raise RuntimeError(f"merge into {where} does not add up: {mismatches[:3]}")
    log(f"merging the same files into {where} again")
    again = _timed(target, files, None)
    return [
        Result(f"**merge into an empty {where}**, {size}", [first], "≤ 20,000 ms",
               first <= 20_000, note="every Z report agrees"),
        Result(f"**merge all of it again** ({where})", [again], "≤ 3,000 ms", again <= 3_000,
               note="nothing applied"),
    ]


def _timed(target: str, files: list[Path], key: str | None) -> float:
    started = time.perf_counter()
    refused = merge.merge_files(target, files, key=key).refused
    elapsed = (time.perf_counter() - started) * 1000
    if refused:
        raise RuntimeError(f"merge refused a file: {refused[0]}")
    return elapsed
