"""``posapp run`` without a display says how to get one, in one line."""

from __future__ import annotations

import sys

import pytest

from tests.conftest import Stand


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland check is Linux's")
def test_run_without_a_display_says_how(jatim: Stand, cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    r = cli("run")
    assert r.code == 1
    assert r.err.count("\n") == 1 and "xvfb-run" in r.err and "Traceback" not in r.err
