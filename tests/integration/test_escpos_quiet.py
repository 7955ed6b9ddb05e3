"""python-escpos leaves logging and the console as they were: its ``logging.basicConfig()``
(at import, and again in every ``logging.info()`` it makes while the root logger has no
handler) and its ``print()``ed notices. Fresh interpreters, so that the import is the
first one."""

from __future__ import annotations

import logging
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from escpos.printer import File

from posapp.printing.escpos_quiet import quiet
from posapp.services import settings
from tests.conftest import BUDI, CASHIER_PIN, Stand

ROOT = Path(__file__).resolve().parents[2]

PRINT_TWICE = """
import logging, sys
from posapp.domain.errors import PosError
from posapp.domain.layout import Barcode, Cut, QrCode, Text
root = logging.getLogger()
if sys.argv[2] == "app-handler":
    root.addHandler(logging.FileHandler(sys.argv[1] + ".log"))
before = list(root.handlers)
from posapp.services import print_queue
print_blocks = print_queue._print_blocks()  # the window's lazy import
imported = list(root.handlers)
blocks = [Text("Café"), Barcode("JATIM-000001"), QrCode("posapp"), Cut()]
print_blocks("file:" + sys.argv[1], blocks, 42, drawer=True)
try:
    print_blocks("file:" + sys.argv[1] + "/missing/lp0", blocks, 42)
except PosError:
    pass
print(before == imported == list(root.handlers), len(before))
"""


def python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          cwd=ROOT, check=True)


def test_python_escpos_alone_adds_a_stderr_handler_to_the_root_logger() -> None:
    """Why posapp guards it (if a release stops doing this, the guard may go)."""
    done = python("import logging, escpos.printer; print(logging.getLogger().handlers)")
    assert "StreamHandler <stderr>" in done.stdout


@pytest.mark.parametrize("setup", ["no-handler", "app-handler"])
def test_importing_and_printing_leave_the_root_handlers_and_say_nothing(
        tmp_path: Path, setup: str) -> None:
    device = tmp_path / "lp0"
    done = python(PRINT_TWICE, str(device), setup)
    count = 1 if setup == "app-handler" else 0
    assert (done.stdout, done.stderr) == (f"True {count}\n", "")
    assert b"JATIM-000001" in device.read_bytes()  # it did print (barcode, drawer and all)
    if setup == "app-handler":  # nothing of python-escpos in the app's own log either
        assert (tmp_path / "lp0.log").read_text() == ""


def test_starting_the_cli_does_not_import_python_escpos() -> None:
    done = python("import sys, posapp.cli.main; print('escpos' in sys.modules)")
    assert done.stdout == "False\n"


def test_what_python_escpos_logs_on_the_root_logger_becomes_posapp_debug(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG), quiet():
        File(str(tmp_path / "missing" / "lp0")).open(raise_not_found=False)  # logs an error
    assert [(r.name, r.levelno) for r in caplog.records] == [
        ("posapp.printing.escpos_quiet", logging.DEBUG)]
    assert "File printer" in caplog.text and "not found" in caplog.text


def test_printing_leaves_no_temp_folder_behind_and_reuses_one_capabilities_pickle(
        tmp_path: Path) -> None:
    """python-escpos makes a new temp folder for its capabilities pickle in every process."""
    temp, cache = tmp_path / "tmp", tmp_path / "cache"
    temp.mkdir()
    env = {"PATH": "/usr/bin:/bin", "TMPDIR": str(temp), "XDG_CACHE_HOME": str(cache),
           "HOME": str(tmp_path)}
    code = ("from posapp.services import print_queue\nprint_queue._print_blocks()\n"
            "import escpos.capabilities as c\nprint(c.pickle_path)")
    paths = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, env=env, check=True).stdout.strip() for _ in range(2)]

    assert list(temp.iterdir()) == []
    shared = cache / "posapp" / "escpos"
    assert [p.name for p in shared.iterdir()] == [Path(paths[1]).name]  # one pickle, no more
    assert Path(paths[1]).parent == shared  # the second process read the first one's
    assert Path(paths[0]).is_relative_to(shared)


IMPORT_ESCPOS = """
from posapp.printing.escpos_quiet import quiet
with quiet():
    import escpos.printer
print("ok")
"""


def test_printers_started_together_on_a_fresh_install_all_import_python_escpos(
        tmp_path: Path) -> None:
    """Two stand windows (or a window and ``posapp print``) starting at the same moment:
    python-escpos writes its pickle in place, and a process reading it half written failed
    (EOFError; 24 of 30 here before the fix). Six at once, three times, from nothing."""
    for round_ in range(3):
        cache = tmp_path / f"cache{round_}"
        env = {"PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(cache), "HOME": str(tmp_path)}
        started = [subprocess.Popen([sys.executable, "-c", IMPORT_ESCPOS], cwd=ROOT, env=env,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                   for _ in range(6)]
        done = [(p.wait(), *p.communicate()) for p in started]
        assert done == [(0, "ok\n", "")] * 6
        assert len(list((cache / "posapp" / "escpos").iterdir())) == 1  # the pickle alone


def test_the_command_line_prints_a_sale_and_says_nothing_of_python_escpos(
        jatim: Stand, tmp_path: Path) -> None:
    """posapp logs python-escpos's notices at DEBUG: to its log file, never to stderr."""
    device = tmp_path / "lp0"
    settings.save(jatim.handle.uow(), replace(settings.DEFAULTS, printer=f"file:{device}"),
                  approval=BUDI)
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from posapp.cli.main import main; "
         "sys.exit(main(sys.argv[1:]))", "--data-dir", str(jatim.data.root), "--pin-stdin",
         "sell", "--cashier", "ani", "JTM-JLB-001", "cash=100000"],
        input=f"{CASHIER_PIN}\n", capture_output=True, text=True, cwd=ROOT, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("JATIM-000001  total Rp 85.000")
    assert b"JATIM-000001" in device.read_bytes()  # its barcode made python-escpos's notice
