"""The command line's start: ``posapp --version`` (every command pays it) over a bare
interpreter start (``python -c pass``), separate processes taken in turn."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ._common import Result, summarize, time_ms

MAX_RATIO = 5.0  # issue 14
ROOT = Path(__file__).parent.parent


def _run(*args: str) -> None:
    subprocess.run([sys.executable, *args], cwd=ROOT, check=True, capture_output=True)


def run(times: int) -> list[Result]:
    """*times* of each after one untimed warm-up of each."""
    bare: list[float] = []
    version: list[float] = []
    for i in range(times + 1):
        b = time_ms(lambda: _run("-c", "pass"))
        v = time_ms(lambda: _run("-m", "posapp.cli.main", "--version"))
        if i:
            bare.append(b)
            version.append(v)
    name = "python -c pass, process start to exit"
    line = Result("posapp --version", version, target=f"p50 <= {MAX_RATIO:g}x floor",
                  floor_ms=summarize(bare)["p50_ms"], floor_name=name,
                  note="python -m posapp.cli.main --version, whole process")
    line.passed = (line.ratio or 0) <= MAX_RATIO
    return [Result("bare interpreter start (floor)", bare, floor_name=name,
                   note="python -c pass, whole process"), line]
