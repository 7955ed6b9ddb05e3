"""packaging/measure.py: a missed target fails the command that measures it.

A stand-in bundle (a folder with a ``posapp`` script) is measured for real: its start to
window either costs what the floor costs, or burns many times the floor's CPU. The floor
is made cheap here (20 ms of CPU after Python's start), and the target lower to match, so
the test takes seconds, not the minute a bundle takes.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
BURN = "import time\nt = time.process_time()\nwhile time.process_time() - t < {s}:\n    pass\n"


@pytest.fixture
def measure(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("measure", ROOT / "packaging" / "measure.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "measure", module)  # its dataclass looks itself up
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "ROOT", tmp_path)  # no venv beside it; build/ in tmp
    monkeypatch.setattr(module, "WARM_STARTS", 3)
    monkeypatch.setattr(module, "FLOOR_CODE", BURN.format(s=0.02))
    monkeypatch.setattr(module, "START_RATIO_TARGET", 4.0)  # Python's own start is the floor
    return module


def stand_in(tmp_path: Path, start_cpu_s: float) -> Path:
    """A bundle folder whose ``posapp run`` burns *start_cpu_s* of CPU; the rest do nothing."""
    folder = tmp_path / "posapp-stand-in"
    folder.mkdir()
    (folder / "start.py").write_text(BURN.format(s=start_cpu_s))
    exe = folder / "posapp"
    exe.write_text(f'#!/bin/sh\n[ "$1" = run ] && exec {sys.executable} {folder}/start.py\n'
                   "exit 0\n")
    exe.chmod(0o755)
    return folder


def run(measure: ModuleType, monkeypatch: pytest.MonkeyPatch, bundle: Path,
        capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str, dict]:
    monkeypatch.setattr(sys, "argv", ["measure.py", str(bundle)])
    code = measure.main()
    out, err = capsys.readouterr()
    written = json.loads((measure.ROOT / "build" / "bundle-measure.json").read_text())
    return code, out, err, written


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="measures on Linux only")
def test_a_start_far_above_the_floor_fails_the_command(measure: ModuleType, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err, written = run(measure, monkeypatch, stand_in(tmp_path, 0.5), capsys)

    assert code == 1
    assert "start / floor" in out and "FAIL" in out
    assert "target missed: start" in err
    assert written["met"] == {"size": True, "start": False}
    assert written["start_ratio"]["p50"] > measure.START_RATIO_TARGET


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="measures on Linux only")
def test_a_start_like_the_floor_passes(measure: ModuleType, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err, written = run(measure, monkeypatch, stand_in(tmp_path, 0.02), capsys)

    assert code == 0, err
    assert "FAIL" not in out and err == ""
    assert written["met"] == {"size": True, "start": True}


def test_each_target_is_judged_on_its_own(measure: ModuleType) -> None:
    target = measure.START_RATIO_TARGET
    assert measure.verdicts(149_300_000, target) == {"size": True, "start": True}
    assert measure.verdicts(150_100_000, 1.0) == {"size": False, "start": True}
    assert measure.verdicts(1, target * 1.01) == {"size": True, "start": False}


def test_the_ratio_is_the_median_of_the_warm_pairs_cpu(measure: ModuleType) -> None:
    floors = [measure.Run(9.0, 1.0)] + [measure.Run(0.5, 0.1)] * 3
    runs = [measure.Run(9.0, 100.0), measure.Run(5.0, 0.8), measure.Run(1.0, 0.9),
            measure.Run(1.0, 2.0)]
    ratio = measure.start_ratio(floors, runs)  # the cold pair (100x) is left out

    assert ratio["p50"] == pytest.approx(9.0)
    assert (ratio["min"], ratio["max"]) == (pytest.approx(8.0), pytest.approx(20.0))
