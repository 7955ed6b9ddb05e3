"""The Linux bundle's size and start time, for docs/performance.md (``make package-test``).

    .venv/bin/python packaging/measure.py [BUNDLE]

BUNDLE is a folder or a ``.tar.gz`` (default: ``$POSAPP_BUNDLE``, else the newest
``dist/posapp-*-linux-*.tar.gz``), unpacked into a temp folder and run in a clean
environment as tests/packaging does. Start to window is ``posapp run --exit-after 0`` on
the demo stand, offscreen: the process from its start until the shown window's event loop
runs and quits, so an upper bound. The venv's ``posapp`` is timed the same way beside it.
Prints a table and writes ``build/bundle-measure.json``.

Two targets; the command fails (exit 1) when either is missed, and ``make package-test``
and ``make test`` with it:

- **size**: unpacked at most SIZE_TARGET_MB (a byte count: the same on any machine);
- **start**: the start to window as a **ratio** to a floor measured in the same run, turn
  about with it: a bare PySide6 window (``QApplication``, one ``QMainWindow`` shown, its
  event loop run and quit) started by the venv's Python. The ratio is of **CPU time**
  (user + system, the child's own): on this shared 2-core machine the seconds on the clock
  grow 3 to 4 times when others work, and a long process more than a short one, while the
  CPU a start needs hardly moves. A start that does more work than it did (a heavy import,
  work before the window) moves the ratio. The median of the warm pairs' ratios must stay
  at most START_RATIO_TARGET (docs/performance.md#bundle says how it was set). The
  seconds on the clock are printed beside it, for a person to read, and are not judged.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SIZE_TARGET_MB = 150
#: The bundle's start to window over the floor, in CPU time (the median of the warm pairs):
#: 9.4 measured on this 2-core machine under load, and 1.5 times that allowed
#: (docs/performance.md#bundle): a start that needs half again the work it needs fails.
START_RATIO_TARGET = 14.0
WARM_STARTS = 5
#: The floor: what any PySide6 window costs to start, show and quit (offscreen).
FLOOR_CODE = (
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\nwindow = QMainWindow()\nwindow.show()\n"
    "QTimer.singleShot(0, app.quit)\napp.exec()\n"
)


@dataclass(frozen=True)
class Run:
    wall_s: float  # on the clock
    cpu_s: float  # user + system, of the process and what it waited for


def source() -> Path | None:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    if os.environ.get("POSAPP_BUNDLE"):
        return Path(os.environ["POSAPP_BUNDLE"])
    found = sorted((ROOT / "dist").glob("posapp-*-linux-*.tar.gz"),
                   key=lambda p: p.stat().st_mtime)
    return found[-1] if found else None


def clean_env(home: Path) -> dict[str, str]:
    for sub in (".config", ".cache", ".local/share", "tmp"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
            "XDG_CONFIG_HOME": str(home / ".config"), "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_DATA_HOME": str(home / ".local/share"), "TMPDIR": str(home / "tmp"),
            "POSAPP_DATA_DIR": str(home / "data"), "QT_QPA_PLATFORM": "offscreen"}


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def timed(cmd: list[str], env: dict[str, str], cwd: Path) -> Run:
    cpu, started = _children_cpu(), time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, check=True, capture_output=True, timeout=120)
    return Run(time.perf_counter() - started, _children_cpu() - cpu)


def starts(exe: str, env: dict[str, str], cwd: Path, *args: str) -> list[Run]:
    """The first (cold) start, then WARM_STARTS warm ones."""
    return [timed([exe, *args], env, cwd) for _ in range(1 + WARM_STARTS)]


def paired_starts(cmd: list[str], env: dict[str, str], floor: list[str],
                  floor_env: dict[str, str], cwd: Path) -> tuple[list[Run], list[Run]]:
    """The floor and *cmd*, turn about (the floor first): a cold pair, then WARM_STARTS warm
    ones, so that each pair sees the machine about as busy."""
    floors, runs = [], []
    for _ in range(1 + WARM_STARTS):
        floors.append(timed(floor, floor_env, cwd))
        runs.append(timed(cmd, env, cwd))
    return floors, runs


def summary(runs: list[Run]) -> dict[str, float]:
    """Cold, p50 and max of the warm runs, on the clock; p50 of their CPU time."""
    warm = [r.wall_s for r in runs[1:]]
    return {"cold_s": runs[0].wall_s, "p50_s": statistics.median(warm), "max_s": max(warm),
            "cpu_p50_s": statistics.median(r.cpu_s for r in runs[1:])}


def start_ratio(floors: list[Run], runs: list[Run]) -> dict[str, float]:
    """The warm pairs' CPU-time ratios (start over floor): their median is what the target
    judges; the clock's ratio beside it, for reading."""
    cpu = [r.cpu_s / f.cpu_s for f, r in zip(floors[1:], runs[1:], strict=True)]
    wall = [r.wall_s / f.wall_s for f, r in zip(floors[1:], runs[1:], strict=True)]
    return {"p50": statistics.median(cpu), "min": min(cpu), "max": max(cpu),
            "wall_p50": statistics.median(wall)}


def verdicts(size_bytes: int, ratio_p50: float) -> dict[str, bool]:
    """Each target: met or not."""
    return {"size": size_bytes / 1e6 <= SIZE_TARGET_MB,
            "start": ratio_p50 <= START_RATIO_TARGET}


def report(result: dict[str, Any]) -> list[str]:
    """The table's lines, a verdict beside each target."""
    def verdict(ok: bool) -> str:
        return "PASS" if ok else "FAIL"

    met, version, window = result["met"], result["version"], result["start_to_window"]
    floor, ratio, venv = result["floor_window"], result["start_ratio"], \
        result["venv_start_to_window"]
    lines = [f"bundle {result['bundle']}: {result['files']:,} files"]
    if result["archive_mb"]:
        lines.append(f"  archive          {result['archive_mb']:8.1f} MB")
    lines += [
        f"  unpacked         {result['unpacked_mb']:8.1f} MB  ({result['unpacked_mib']:.1f} "
        f"MiB, {result['disk_usage_mib']:.1f} MiB on disk)  target <= {SIZE_TARGET_MB} MB: "
        f"{verdict(met['size'])}",
        f"  --version        {version['p50_s']:8.2f} s p50 of {WARM_STARTS} warm "
        f"(max {version['max_s']:.2f}, cold {version['cold_s']:.2f})",
        f"  start to window  {window['p50_s']:8.2f} s p50 of {WARM_STARTS} warm "
        f"(max {window['max_s']:.2f}, cold {window['cold_s']:.2f}); CPU "
        f"{window['cpu_p50_s']:.2f} s",
        f"  floor, a bare Qt window, turn about with it: {floor['p50_s']:.2f} s p50; CPU "
        f"{floor['cpu_p50_s']:.2f} s",
        f"  start / floor    {ratio['p50']:8.2f}x CPU, p50 of {WARM_STARTS} warm pairs "
        f"({ratio['min']:.2f} to {ratio['max']:.2f}; on the clock {ratio['wall_p50']:.2f}x)  "
        f"target <= {START_RATIO_TARGET:.1f}x: {verdict(met['start'])}",
    ]
    if venv:
        lines.append(f"  same from .venv  {venv['p50_s']:8.2f} s p50 (max {venv['max_s']:.2f}, "
                     f"cold {venv['cold_s']:.2f})")
    lines.append(f"  machine          {result['machine']}")
    return lines


def main() -> int:
    if not sys.platform.startswith("linux"):
        print("measure.py: only the Linux bundle is measured here")
        return 0
    archive = source()
    if archive is None:
        print("measure.py: no bundle (make package)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="posapp-measure-") as tmp:
        tmp_path = Path(tmp)
        if archive.is_dir():
            bundle = archive
        else:
            subprocess.run(["tar", "-xzf", str(archive), "-C", tmp], check=True)
            (bundle,) = (p for p in tmp_path.iterdir())
        files = [p for p in bundle.rglob("*") if not p.is_dir()]
        size = sum(p.lstat().st_size for p in files)
        disk_kb = int(subprocess.run(["du", "-sk", str(bundle)], capture_output=True,
                                     text=True, check=True).stdout.split()[0])
        env = clean_env(tmp_path / "home")
        exe = str(bundle / "posapp")
        subprocess.run([exe, "demo", "--ensure"], env=env, cwd=tmp, check=True,
                       capture_output=True)
        version = summary(starts(exe, env, tmp_path, "--version"))
        floors, windows = paired_starts([exe, "run", "--exit-after", "0"], env,
                                        [sys.executable, "-c", FLOOR_CODE], env, tmp_path)
        venv_exe = ROOT / ".venv" / "bin" / "posapp"
        venv_window = None
        if venv_exe.exists():
            venv_env = dict(os.environ, POSAPP_DATA_DIR=env["POSAPP_DATA_DIR"],
                            QT_QPA_PLATFORM="offscreen")
            venv_window = summary(starts(str(venv_exe), venv_env, tmp_path,
                                         "run", "--exit-after", "0"))
    ratio = start_ratio(floors, windows)
    result: dict[str, Any] = {
        "bundle": str(archive.relative_to(ROOT) if archive.is_relative_to(ROOT) else archive),
        "archive_mb": archive.stat().st_size / 1e6 if archive.is_file() else None,
        "unpacked_bytes": size, "unpacked_mb": size / 1e6, "unpacked_mib": size / 2**20,
        "disk_usage_mib": disk_kb / 1024, "files": len(files),
        "version": version, "start_to_window": summary(windows),
        "venv_start_to_window": venv_window, "floor_window": summary(floors),
        "start_ratio": ratio, "start_ratio_target": START_RATIO_TARGET,
        "size_target_mb": SIZE_TARGET_MB, "met": verdicts(size, ratio["p50"]),
        "machine": f"{os.cpu_count()} cores, {platform.platform()}, load "
                   f"{os.getloadavg()[0]:.2f}",
        "date": time.strftime("%Y-%m-%d %H:%M"),
    }
    out = ROOT / "build" / "bundle-measure.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print("\n".join(report(result)))
    print(f"  written to {out.relative_to(ROOT)}")
    missed = [name for name, ok in result["met"].items() if not ok]
    if missed:
        print(f"measure.py: target missed: {', '.join(missed)} (docs/performance.md#bundle)",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
