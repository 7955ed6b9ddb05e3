"""Shared pieces: sizes, timing, percentiles, the results table and the JSON file."""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

RESULTS_DIR = Path(__file__).parent / "results"


@dataclass(frozen=True)
class Sizes:
    """How big the stand is and how many times each timed action runs."""

    products: int
    past_sales: int
    lookups: int
    commits: int
    report_runs: int
    scans: int = 1_000
    window_starts: int = 5
    event_sales: int = 5_000  # per stand: the merge benchmark
    stands: int = 34  # the merge benchmark's event
    cli_starts: int = 10

    @classmethod
    def full(cls) -> Sizes:
        return cls(products=100_000, past_sales=200_000, lookups=5_000, commits=2_000,
                   report_runs=5)

    @classmethod
    def large(cls) -> Sizes:
        """Issue 14's sizes beyond the everyday run: 1M products, 1M sales, 68 stands."""
        return cls(products=1_000_000, past_sales=1_000_000, lookups=5_000, commits=2_000,
                   report_runs=5, stands=68)

    @classmethod
    def quick(cls) -> Sizes:
        return cls(products=10_000, past_sales=20_000, lookups=1_000, commits=300, report_runs=3,
                   scans=200, window_starts=2, event_sales=500, cli_starts=3)


@dataclass
class Result:
    """One line of the table: timings in milliseconds, and the target it is held to.

    A line with a floor (*floor_ms*, measured in the same run: the noisy shared machine
    makes a figure alone meaningless) shows the ratio of its *ratio_at* statistic (p50 unless
    told) to the floor; a target such as ``<= 4x floor`` is judged on that ratio.
    """

    name: str
    samples_ms: list[float] = field(repr=False)
    target: str = ""
    passed: bool | None = None
    note: str = ""
    figures: dict[str, Any] = field(default_factory=dict)  # more numbers for the JSON
    floor_ms: float | None = None
    floor_name: str = ""
    ratio_at: str = "p50_ms"

    @property
    def ratio(self) -> float | None:
        """The line's *ratio_at* statistic over its floor, or None without a floor."""
        if self.floor_ms is None or self.floor_ms <= 0:
            return None
        return float(summarize(self.samples_ms)[self.ratio_at]) / self.floor_ms

    def summary(self) -> dict[str, Any]:
        s = summarize(self.samples_ms)
        ratio = self.ratio
        return {"name": self.name, **s, "target": self.target, "passed": self.passed,
                "note": self.note, "floor_name": self.floor_name or None,
                "floor_ms": self.floor_ms, "ratio": None if ratio is None else round(ratio, 2),
                "ratio_at": self.ratio_at if ratio is not None else None, **self.figures}


def format_ratio(ratio: float | None) -> str:
    """``12.3x`` (two digits below 10x), or '' without a floor."""
    if ratio is None:
        return ""
    return f"{ratio:.2f}x" if ratio < 10 else f"{ratio:.1f}x"


def missed(results: list[Result]) -> list[str]:
    """The names of the lines that missed their target."""
    return [r.name for r in results if r.passed is False]


def exit_status(results: list[Result]) -> int:
    """1 when any line printed FAIL, else 0: a missed target fails ``make bench``."""
    return 1 if missed(results) else 0


def summarize(samples_ms: list[float]) -> dict[str, float | int]:
    """n, p50, p95, p99 and max of *samples_ms* (one sample: all equal to it)."""
    ordered = sorted(samples_ms)
    if len(ordered) == 1:
        (only,) = ordered
        return {"n": 1, "p50_ms": only, "p95_ms": only, "p99_ms": only, "max_ms": only}
    cuts = statistics.quantiles(ordered, n=100, method="inclusive")
    return {"n": len(ordered), "p50_ms": cuts[49], "p95_ms": cuts[94], "p99_ms": cuts[98],
            "max_ms": ordered[-1]}


def time_ms(action: Callable[[], object]) -> float:
    """Wall-clock milliseconds that *action* takes."""
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def repeat_ms(action: Callable[[int], object], times: int, *, warmup: int = 0) -> list[float]:
    """Run *action(i)* ``warmup`` times untimed, then *times* times, timing each run."""
    for i in range(warmup):
        action(i)
    return [time_ms(partial(action, warmup + i)) for i in range(times)]


def log(message: str) -> None:
    """Progress on stderr, so stdout holds only the table."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def machine_info(data_dir: Path) -> dict[str, Any]:
    import sqlalchemy

    import posapp

    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": sqlalchemy.__version__,
        "posapp": posapp.__version__,
        "posapp_commit": _git_commit(),
        "data_dir": str(data_dir),
    }


def _git_commit() -> str:
    """The checked-out commit (with ``+dirty`` when posapp/ has local changes), or ''."""
    root = Path(__file__).parent.parent
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root,
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "posapp"], cwd=root,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""
    return head + ("+dirty" if dirty else "")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def format_table(results: list[Result]) -> str:
    """A fixed-width table: name, n, p50, p95, p99, max, floor, ratio, target, verdict."""
    head = f"{'measurement':<40} {'n':>5} {'p50 ms':>9} {'p95 ms':>9} {'p99 ms':>9} " \
           f"{'max ms':>9} {'floor ms':>9} {'ratio':>7}  {'target':<28} result"
    lines = [head, "-" * len(head)]
    for r in results:
        s = summarize(r.samples_ms)
        verdict = {True: "PASS", False: "FAIL", None: ""}[r.passed]
        floor = "" if r.floor_ms is None else f"{r.floor_ms:.3f}"
        lines.append(
            f"{r.name:<40} {s['n']:>5} {s['p50_ms']:>9.3f} {s['p95_ms']:>9.3f} "
            f"{s['p99_ms']:>9.3f} {s['max_ms']:>9.3f} {floor:>9} {format_ratio(r.ratio):>7}  "
            f"{r.target:<28} {verdict}"
        )
        if r.floor_ms is not None:
            at = r.ratio_at.removesuffix("_ms")
            lines.append(f"{'':<6}ratio: {at} over the floor's, {r.floor_name} (same run)")
        if r.note:
            lines.append(f"{'':<6}{r.note}")
    return "\n".join(lines)


def write_json(path: Path, machine: dict[str, Any], sizes: Sizes, mode: str,
               results: list[Result], extra: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {"machine": machine, "mode": mode, "sizes": asdict(sizes), **extra,
           "results": [r.summary() for r in results]}
    path.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
