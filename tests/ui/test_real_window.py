"""`posapp run` in a real X window (Xvfb), as `make run` does on a desktop."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from posapp.bootstrap import DataDir
from posapp.services import demo

POSAPP = Path(sys.executable).with_name("posapp")


@pytest.mark.skipif(shutil.which("xvfb-run") is None,
                    reason="xvfb-run is missing (make test installs Debian's xvfb as root)")
def test_run_opens_the_demo_stand_in_an_x_window(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "data")
    demo.ensure_demo_stand(data)
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # its remembered geometry: not ours
    done = subprocess.run(
        ["xvfb-run", "-a", str(POSAPP), "--data-dir", str(data.root), "run",
         "--exit-after", "2"],
        env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "could not" not in done.stderr.lower()
