"""Every command of ``posapp``, its arguments fuzzed: each run succeeds, or is refused in one
line with exit 1 or 2 and the stand database as it was; never a traceback or exit 70.

The commands are read from the parser itself (a command added later is fuzzed too); each
argument gets words that fit its kind (a cashier's name, an amount, a file) or hostile ones
(tests/fuzz/words.py). ``run`` and ``organizer`` open windows and ``demo`` makes a stand of its
own: they are left out.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posapp.cli.main import build_parser
from tests.conftest import CASHIER_PIN, SUPERVISOR_PIN, Stand, dump_database, make_stand
from tests.fuzz.words import assert_clean_outcome, fuzz_settings, run_cli, words

SKIPPED = {"run", "organizer", "demo"}
SHARED = {"help", "data_dir", "stand", "pin_stdin", "lang", "version"}
STATIC_QRIS = (
    "00020101021126570011ID.DANA.WWW011893600915300060605702090006060570303UMI51440014ID.CO"
    ".QRIS.WWW0215ID10190046990790303UMI5204481453033605802ID5912Saifullah.id6014Kota Pontia"
    "nak61057812463045F72"
)


def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[
        tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """(words that name a command, its parser) for every command that runs something."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if path and parser.get_default("handler") is not None:
        yield path, parser
    for sub in subs:
        for name, child in sub.choices.items():
            if name not in SKIPPED:
                yield from commands(child, (*path, name))


COMMANDS = dict(commands(build_parser()))


def good_words(dest: str, folder: Path) -> list[str]:
    """Words an argument named *dest* takes when used as meant (the fuzzer starts there)."""
    files = [str(folder / n) for n in ("out.csv", "out.xlsx", "out.pdf", "out.zip",
                                       "central.sqlite", "missing/x.csv", "catalog.csv")]
    by_name: dict[str, list[str]] = {
        "cashier": ["ani", "Ani", "budi"], "supervisor": ["budi", "ani", "nobody"],
        "words": ["JTM-JLB-001", "JTM-BTK-001*2", "JTM-CST-001@150.000", "cash=1000000",
                  "qris=85000", "card=85000"],
        "items": ["JTM-JLB-001", "JTM-JLB-001*1", "JTM-BTK-002*2"],
        "payments": ["cash=100000", "qris=85000"],
        "receipt": ["JATIM-000001", "jatim-000001", "JATIM-999999"],
        "order": ["JATIM-O0001", "X"], "code": ["JTM-JLB-001", "8991234500031"],
        "sku": ["JTM-JLB-001"], "payload": [STATIC_QRIS], "rates": ["USD=16000", "EUR=17.500"],
        "codes": ["USD"], "key": [], "target": [f"file:{folder / 'printer.bin'}", "none"],
        "float_": ["500000"], "counted": ["500000", "585000"], "amount": ["50000", "-20000"],
        "delta": ["3", "-1"], "since": ["0", "1"], "shift_number": ["1", "2"],
        "reason": ["rusak", "salah input"], "name": ["Sari", "Stand Jatim"],
        "buyer": ["Mrs Smith"], "phone": ["+62 812 3456 7890"], "email": ["a@b.co"],
        "due": ["2026-06-30"], "deposit": ["cash=50000"], "copies": ["1", "2"],
        "start_at": ["1"], "every": ["10"], "keep": ["30"], "difference_limit": ["20000"],
        "discount": ["10%", "5000"], "custom": ["Batik pesanan=250000"],
    }
    if dest in ("file", "files", "out", "pdf", "xlsx", "central", "to", "folder", "qr"):
        return files
    return by_name.get(dest, [])


@st.composite
def argv_for(draw: st.DrawFn, parser: argparse.ArgumentParser, folder: Path) -> list[str]:
    """The arguments of one run of *parser*'s command: each positional, each required
    option, and some of the others, with fuzzed words."""
    argv: list[str] = []
    for action in parser._actions:
        if action.dest in SHARED or isinstance(action, argparse._SubParsersAction):
            continue
        if action.option_strings and not action.required and not draw(st.booleans()):
            continue
        if action.nargs == 0:  # a flag
            argv.append(action.option_strings[0])
            continue
        if action.choices is not None and draw(st.integers(0, 3)):
            values = [str(draw(st.sampled_from(list(action.choices))))]
        else:
            many = action.nargs in ("+", "*") or isinstance(action.nargs, int)
            count = draw(st.integers(1, 3)) if many else 1
            values = [draw(words(good_words(action.dest, folder))) for _ in range(count)]
        if action.option_strings:
            for value in values:
                argv += [action.option_strings[0], value]
        elif action.nargs == "?" and not draw(st.booleans()):
            continue
        else:
            argv += values
    return argv


ATTEMPTS = re.compile(r"^(INSERT INTO \"print_job\" VALUES\(.*?,"
                      r"'(?:waiting|printing|done|failed)'),\d+,")


def rows(path: Path) -> list[str]:
    """The stand database's rows, but for the notes of the last backup's and sync's outcome
    (a failed one is remembered, so that the window can say so) and the print queue's
    attempts (a print that failed again is counted: ``print retry`` exits 1 for it), and the
    wrong PINs counted towards a lock-out (docs/roles.md: a refused action still counts)."""
    return [ATTEMPTS.sub(r"\1,N,", line)
            for line in dump_database(path)
            if "'backup.last'" not in line and "'sync.last'" not in line
            and not line.startswith('INSERT INTO "pin_failure"') and "'user.locked'" not in line]


@pytest.fixture
def fuzz_stand(tmp_path: Path, data_dir, catalog_file: Path) -> Iterator[Stand]:  # type: ignore[no-untyped-def]
    """JATIM with a shift open and one sale (JATIM-000001)."""
    stand = make_stand(data_dir, "JATIM", catalog_file)
    run = run_cli(["--data-dir", str(data_dir.root), "sell", "--cashier", "ani", "--pin-stdin",
                   "JTM-JLB-001", "cash=100000"], stdin=f"{CASHIER_PIN}\n")
    assert run.code == 0, run.err
    yield stand
    stand.handle.close()


@pytest.mark.parametrize("command", sorted(COMMANDS), ids=" ".join)
def test_every_command_succeeds_or_refuses_in_one_line(
        command: tuple[str, ...], fuzz_stand: Stand, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # a file named by a fuzzed word lands here
    parser = COMMANDS[command]
    base = ["--data-dir", str(fuzz_stand.data.root), *command, "--stand", "JATIM",
            "--pin-stdin"]
    pins = "".join(f"{pin}\n" for pin in (CASHIER_PIN, SUPERVISOR_PIN) * 3)

    @fuzz_settings()
    @given(args=argv_for(parser, tmp_path), pins=st.sampled_from([pins, "", "0000\n" * 6]))
    def one_run(args: list[str], pins: str) -> None:
        before = rows(fuzz_stand.path)
        run = run_cli([*base, *args], stdin=pins)
        assert_clean_outcome(run, [*command, *args])
        if run.code != 0:
            assert rows(fuzz_stand.path) == before, f"{command} {args}: {run.err}"

    one_run()
