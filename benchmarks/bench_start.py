"""The command line's start: ``posapp --version`` (every command pays it) over a bare
interpreter start (``python -c pass``), and a one-item ``posapp sell`` over
``python -c "import sqlalchemy"`` (the least a command that writes a sale must load);
separate processes taken in turn."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from ._common import Result, summarize, time_ms

MAX_RATIO = 5.0  # issue 14
MAX_SELL_RATIO = 2.0  # issue 14: a one-item sale, whole process, over importing SQLAlchemy
ROOT = Path(__file__).parent.parent


def _run(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> None:
    subprocess.run([sys.executable, *args], cwd=ROOT, check=True, capture_output=True,
                   input=stdin, text=True, env=env)


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


def run_sell(folder: Path, times: int, *, printed: bool = False) -> list[Result]:
    """*times* one-item sales on the demo stand (as ``make run`` makes it: no printer set
    up, so the receipt waits in the queue), each beside an import of SQLAlchemy, after
    one untimed warm-up of each. With *printed*, the stand has a ``file:`` printer: each
    sale also reads its receipt back and python-escpos writes it to that file, as a stand
    with a USB receipt printer (``file:/dev/usb/lp0``) does.

    posapp's modules are compiled to bytecode first, as an installed posapp has them (pip
    and the bundle ship them) and as SQLAlchemy has its own: with PYTHONDONTWRITEBYTECODE
    set, a source tree would otherwise be compiled again by every sale it times."""
    import compileall

    from posapp.services.demo import (
        DEMO_CASHIER,
        DEMO_CASHIER_PIN,
        DEMO_SUPERVISOR,
        DEMO_SUPERVISOR_PIN,
    )

    compileall.compile_dir(ROOT / "posapp", quiet=1)
    stand = Path(tempfile.mkdtemp(prefix="sell-stand-", dir=folder))
    env = {**os.environ, "POSAPP_DATA_DIR": str(stand)}
    cli = ("-m", "posapp.cli.main")
    _run(*cli, "demo", "--ensure", env=env)
    _run(*cli, "shift", "open", "--cashier", DEMO_CASHIER, "--pin-stdin", "--float", "100000",
         stdin=f"{DEMO_CASHIER_PIN}\n", env=env)
    if printed:
        _run(*cli, "printer", "set", f"file:{stand / 'lp0'}", "--supervisor", DEMO_SUPERVISOR,
             "--pin-stdin", stdin=f"{DEMO_SUPERVISOR_PIN}\n", env=env)
    sell = (*cli, "sell", "--cashier", DEMO_CASHIER, "--pin-stdin", "JTM-AKS-003",
            "cash=30000")
    floor: list[float] = []
    sales: list[float] = []
    for i in range(times + 1):
        f = time_ms(lambda: _run("-c", "import sqlalchemy"))
        v = time_ms(lambda: _run(*sell, stdin=f"{DEMO_CASHIER_PIN}\n", env=env))
        if i:
            floor.append(f)
            sales.append(v)
    name = 'python -c "import sqlalchemy", process start to exit'
    what = "a one-item posapp sell" + (", receipt printed to a file" if printed else "")
    line = Result(what, sales, target=f"p50 <= {MAX_SELL_RATIO:g}x floor",
                  floor_ms=summarize(floor)["p50_ms"], floor_name=name,
                  note="the demo stand, PIN on stdin, "
                       + ("a file: printer (the receipt read back and written as ESC/POS)"
                          if printed else "no printer (the receipt is queued); "
                          "also <= 450 ms on a quiet machine"))
    line.passed = (line.ratio or 0) <= MAX_SELL_RATIO
    floor_line = "import sqlalchemy (floor" + (", printed sale)" if printed else ")")
    return [Result(floor_line, floor, floor_name=name,
                   note='python -c "import sqlalchemy", whole process'), line]
