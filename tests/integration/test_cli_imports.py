"""What each ``posapp`` command loads: a command imports only what it uses.

Every case runs ``posapp`` in a fresh interpreter (nothing loaded by an earlier test) and
lists, at its end, which of the big libraries are in ``sys.modules``. ``posapp --version``
and ``--help`` load none of them; a sale loads SQLAlchemy but not ReportLab, openpyxl or
Qt; labels load ReportLab, a catalog workbook openpyxl.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from posapp.services import history, settings
from tests.conftest import BUDI, CASHIER_PIN, Stand

ROOT = Path(__file__).resolve().parents[2]
#: The libraries that cost a command's start (top-level package names).
HEAVY = {"sqlalchemy", "alembic", "reportlab", "openpyxl", "PySide6", "escpos", "PIL",
         "psycopg", "segno"}
#: Parts of a library that cost a command's start on their own (full module names).
HEAVY_PARTS = {"sqlalchemy.orm"}
#: Runs ``posapp ARGS`` as the console script does, then writes the heavy libraries loaded
#: to the file named first (standard output is the command's own).
PROBE = """
import json, sys
from posapp.cli.main import main
out, args = sys.argv[1], sys.argv[2:]
code = main(args)
loaded = sorted({m.split(".")[0] for m in sys.modules} & HEAVY_NAMES
                | set(sys.modules) & HEAVY_PARTS_NAMES)
with open(out, "w") as f:
    json.dump({"code": code, "loaded": loaded}, f)
"""


def loaded_by(tmp_path: Path, *args: str, stdin: str = "") -> set[str]:
    """The heavy libraries ``posapp ARGS`` loaded (it must have succeeded)."""
    out = tmp_path / "loaded.json"
    probe = PROBE.replace("HEAVY_PARTS_NAMES", repr(HEAVY_PARTS)).replace("HEAVY_NAMES",
                                                                          repr(HEAVY))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", probe, str(out), *args], input=stdin,
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["code"] == 0, (done.stdout, done.stderr)
    return set(result["loaded"])


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["sales", "--help"],
                                  ["labels", "--help"], ["catalog", "import", "--help"],
                                  ["run", "--help"]])
def test_version_and_help_load_no_big_library(tmp_path: Path, args: list[str]) -> None:
    assert loaded_by(tmp_path, *args) == set()


def test_a_sale_loads_the_database_and_nothing_for_paper_or_windows(
        jatim: Stand, tmp_path: Path) -> None:
    loaded = loaded_by(tmp_path, "--data-dir", str(jatim.data.root), "sell", "--cashier",
                       "ani", "--pin-stdin", "JTM-JLB-001", "cash=100000",
                       stdin=f"{CASHIER_PIN}\n")
    assert "sqlalchemy" in loaded
    assert loaded.isdisjoint({"reportlab", "openpyxl", "PySide6", "PIL"})


def test_a_sale_runs_on_sqlalchemy_core_without_the_orm(jatim: Stand, tmp_path: Path) -> None:
    """Issue 14: a sale (its log-in, look-up, checkout, journal, receipt job and backup
    check) runs on Core statements; importing and mapping the ORM cost more than the sale."""
    loaded = loaded_by(tmp_path, "--data-dir", str(jatim.data.root), "sell", "--cashier",
                       "ani", "--pin-stdin", "JTM-JLB-001", "cash=100000",
                       stdin=f"{CASHIER_PIN}\n")
    assert "sqlalchemy" in loaded
    assert "sqlalchemy.orm" not in loaded


def test_a_sale_prints_its_receipt_without_the_orm(jatim: Stand, tmp_path: Path) -> None:
    """Issue 14: on a stand with a printer the receipt is read (the sale, its lines and
    payments) on Core statements too, and python-escpos writes it to the printer."""
    device = tmp_path / "lp0"
    current = settings.get(jatim.handle.uow(write=False))
    settings.save(jatim.handle.uow(), replace(current, printer=f"file:{device}"),
                  approval=BUDI)
    loaded = loaded_by(tmp_path, "--data-dir", str(jatim.data.root), "sell", "--cashier",
                       "ani", "--pin-stdin", "JTM-JLB-001", "cash=100000",
                       stdin=f"{CASHIER_PIN}\n")
    assert "sqlalchemy.orm" not in loaded
    assert "escpos" in loaded
    assert loaded.isdisjoint({"reportlab", "openpyxl", "PySide6"})
    sale = history.last_sale(jatim.handle.uow(write=False))
    assert sale is not None and sale.total == 85_000  # one Jilbab Lukis Bunga Teratai
    printed = device.read_bytes()  # ESC/POS: commands around the text, words spaced out
    assert sale.receipt_no.encode() in printed
    assert b"TOTAL Rp 85.000" in b" ".join(printed.split())


@pytest.mark.parametrize("args", [["sales"], ["sales", "--last"], ["sales", "--all"]])
def test_the_list_of_sales_is_read_without_the_orm(jatim: Stand, tmp_path: Path,
                                                    args: list[str]) -> None:
    """``history`` reads on Core: what a cashier checks after a crash loads no ORM either."""
    assert "sqlalchemy.orm" not in loaded_by(tmp_path, "--data-dir", str(jatim.data.root),
                                             *args)


@pytest.mark.parametrize("args", [["catalog", "list"], ["sales"], ["report", "x"]])
def test_reading_the_stand_loads_no_paper_or_window_library(
        jatim: Stand, tmp_path: Path, args: list[str]) -> None:
    loaded = loaded_by(tmp_path, "--data-dir", str(jatim.data.root), *args)
    assert "sqlalchemy" in loaded
    assert loaded.isdisjoint({"reportlab", "openpyxl", "PySide6", "escpos", "PIL"})


def test_labels_load_reportlab_but_no_workbook_or_window(jatim: Stand, tmp_path: Path) -> None:
    pdf = tmp_path / "labels.pdf"
    loaded = loaded_by(tmp_path, "--data-dir", str(jatim.data.root), "labels", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "reportlab" in loaded
    assert loaded.isdisjoint({"openpyxl", "PySide6"})


def test_a_catalog_workbook_loads_openpyxl_but_no_pdf_or_window(
        jatim: Stand, tmp_path: Path) -> None:
    xlsx = tmp_path / "catalog.xlsx"
    loaded = loaded_by(tmp_path, "--data-dir", str(jatim.data.root), "catalog", "export",
                       str(xlsx))
    assert xlsx.stat().st_size > 0
    assert "openpyxl" in loaded
    assert loaded.isdisjoint({"reportlab", "PySide6"})


def test_the_help_lists_the_same_sheets_and_pages_as_the_printing_modules() -> None:
    """``--help`` names label sheets and receipt pages without loading ReportLab."""
    from posapp.cli.commands_labels import LAYOUT_NAMES
    from posapp.cli.commands_print import PAGES
    from posapp.printing import labels, pdf_receipt

    assert list(LAYOUT_NAMES) == list(labels.LAYOUTS)
    assert PAGES == pdf_receipt.PAGES


def test_the_command_table_names_what_each_module_registers() -> None:
    """``posapp sell`` registers only the module the table names for ``sell``: the table
    must list every command of every module, in the order ``--help`` shows them."""
    import argparse
    import importlib

    from posapp.cli.main import COMMAND_MODULES, build_parser

    for name, commands in COMMAND_MODULES.items():
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(f"posapp.cli.{name}").register(sub, argparse.ArgumentParser(
            add_help=False))
        assert tuple(sub.choices) == commands, name
    every = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    assert list(every[0].choices) == [c for cs in COMMAND_MODULES.values() for c in cs]


def test_a_sale_does_not_load_the_modules_of_other_commands(jatim: Stand, tmp_path: Path
                                                             ) -> None:
    out = tmp_path / "modules.txt"
    probe = ("import sys; from posapp.cli.main import main; code = main(sys.argv[2:]); "
             "open(sys.argv[1], 'w').write(' '.join(sorted(m for m in sys.modules "
             "if m.startswith('posapp.cli.')))); sys.exit(code)")
    done = subprocess.run(
        [sys.executable, "-c", probe, str(out), "--data-dir", str(jatim.data.root), "sell",
         "--cashier", "ani", "--pin-stdin", "--no-print", "JTM-JLB-001", "cash=100000"],
        input=f"{CASHIER_PIN}\n", capture_output=True, text=True, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "total Rp" in done.stdout
    loaded = set(out.read_text().split())
    assert "posapp.cli.commands_sales" in loaded
    assert loaded.isdisjoint({"posapp.cli.commands_labels", "posapp.cli.commands_orders",
                              "posapp.cli.commands_fx", "posapp.cli.commands_organizer",
                              "posapp.cli.commands_stand", "posapp.cli.commands_qris",
                              "posapp.cli.commands_event"})


@pytest.mark.parametrize("words, command", [
    (["--data-dir", "sell", "sales"], "sales"),
    (["--lang", "en", "--stand", "JATIM", "report", "z"], "report"),
    (["--data-dir=/x", "--pin-stdin", "sell", "A"], "sell"),
    (["--help"], None), (["nonsense", "sell"], None), ([], None), (["--", "sell"], None),
])
def test_the_command_word_is_found_past_the_shared_options(words: list[str],
                                                           command: str | None) -> None:
    from posapp.cli.main import command_word

    assert command_word(words) == command


@pytest.mark.parametrize("args", [["--version"], ["--lang", "en", "--version"]])
def test_version_prints_what_argparse_would(args: list[str], capsys: pytest.CaptureFixture[str]
                                            ) -> None:
    from posapp import __version__
    from posapp.cli.main import main

    assert main(args) == 0
    assert capsys.readouterr().out == f"posapp {__version__}\n"
