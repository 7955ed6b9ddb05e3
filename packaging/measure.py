"""The Linux bundle's size and start time, for docs/performance.md (``make package-test``).

    .venv/bin/python packaging/measure.py [BUNDLE]

BUNDLE is a folder or a ``.tar.gz`` (default: ``$POSAPP_BUNDLE``, else the newest
``dist/posapp-*-linux-*.tar.gz``), unpacked into a temp folder and run in a clean
environment as tests/packaging does. Start to window is ``posapp run --exit-after 0`` on
the demo stand, offscreen: the process from its start until the shown window's event loop
runs and quits, so an upper bound. The venv's ``posapp`` is timed the same way beside it.
Prints a table and writes ``build/bundle-measure.json``.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE_TARGET_MB = 150
START_TARGET_S = 2.0
WARM_STARTS = 5


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


def timed(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - started


def starts(exe: str, env: dict[str, str], cwd: Path, *args: str) -> list[float]:
    """The first (cold) start, then WARM_STARTS warm ones."""
    return [timed([exe, *args], env, cwd) for _ in range(1 + WARM_STARTS)]


def summary(samples: list[float]) -> dict[str, float]:
    warm = samples[1:]
    return {"cold_s": samples[0], "p50_s": statistics.median(warm), "max_s": max(warm)}


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
        window = summary(starts(exe, env, tmp_path, "run", "--exit-after", "0"))
        venv_exe = ROOT / ".venv" / "bin" / "posapp"
        venv_window = None
        if venv_exe.exists():
            venv_env = dict(os.environ, POSAPP_DATA_DIR=env["POSAPP_DATA_DIR"],
                            QT_QPA_PLATFORM="offscreen")
            venv_window = summary(starts(str(venv_exe), venv_env, tmp_path,
                                         "run", "--exit-after", "0"))
    result = {
        "bundle": str(archive.relative_to(ROOT) if archive.is_relative_to(ROOT) else archive),
        "archive_mb": archive.stat().st_size / 1e6 if archive.is_file() else None,
        "unpacked_bytes": size, "unpacked_mb": size / 1e6, "unpacked_mib": size / 2**20,
        "disk_usage_mib": disk_kb / 1024, "files": len(files),
        "version": version, "start_to_window": window, "venv_start_to_window": venv_window,
        "machine": f"{os.cpu_count()} cores, {platform.platform()}, load "
                   f"{os.getloadavg()[0]:.2f}",
        "date": time.strftime("%Y-%m-%d %H:%M"),
    }
    out = ROOT / "build" / "bundle-measure.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")

    def verdict(ok: bool) -> str:
        return "PASS" if ok else "FAIL"

    print(f"bundle {result['bundle']}: {len(files):,} files")
    if result["archive_mb"]:
        print(f"  archive          {result['archive_mb']:8.1f} MB")
    print(f"  unpacked         {size / 1e6:8.1f} MB  ({size / 2**20:.1f} MiB, "
          f"{disk_kb / 1024:.1f} MiB on disk)  target <= {SIZE_TARGET_MB} MB: "
          f"{verdict(size / 1e6 <= SIZE_TARGET_MB)}")
    print(f"  --version        {version['p50_s']:8.2f} s p50 of {WARM_STARTS} warm "
          f"(max {version['max_s']:.2f}, cold {version['cold_s']:.2f})")
    print(f"  start to window  {window['p50_s']:8.2f} s p50 of {WARM_STARTS} warm "
          f"(max {window['max_s']:.2f}, cold {window['cold_s']:.2f})  target <= "
          f"{START_TARGET_S:.0f} s: {verdict(window['max_s'] <= START_TARGET_S)}")
    if venv_window:
        print(f"  same from .venv  {venv_window['p50_s']:8.2f} s p50 "
              f"(max {venv_window['max_s']:.2f}, cold {venv_window['cold_s']:.2f})")
    print(f"  written to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
