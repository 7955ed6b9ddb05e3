"""Input hygiene through ``posapp``: control characters, long texts, huge numbers, words that
are not text, a closed pipe, a stand file that is not whole, leftover ``.part`` files.

Each refusal is one ``posapp:`` line, exit 1 or 2, and the database as it was.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from posapp.bootstrap import DataDir
from posapp.domain.errors import InvalidInput
from posapp.logs import setup_logging
from posapp.services import stand, users
from tests.conftest import AS_BUDI, BUDI_PIN_LINE, SUPERVISOR_PIN, Stand, dump_database
from tests.integration.test_bad_input import ANI, BUDI, assert_refused
from tests.integration.test_bad_input_storage import files_in

HUGE = "1" * 30

HUGE_NUMBERS = [
    pytest.param(["shift", "close", "--cashier", "ani", "--pin-stdin", "--counted", HUGE],
                 ANI, ["--counted", "30 digits"], id="shift-close-counted"),
    pytest.param(["shift", "open", "--cashier", "ani", "--pin-stdin", "--float", HUGE],
                 ANI, ["--float", "30 digits"], id="shift-open-float"),
    pytest.param(["shift", "cash", "--cashier", "ani", "--pin-stdin", "--reason", "modal", HUGE],
                 ANI, ["amount", "30 digits"], id="shift-cash"),
    pytest.param(["qris", "amount", "000201", HUGE], "", ["amount", "30 digits"],
                 id="qris-amount"),
    pytest.param(["sell", "--cashier", "ani", "--pin-stdin", "JTM-JLB-001", f"cash={HUGE}"],
                 ANI, ["30 digits", "at most 15"], id="sell-cash"),
    pytest.param(["sell", "--cashier", "ani", "--pin-stdin", "JTM-JLB-001*" + "9" * 4000,
                  "cash=100000"], ANI, ["quantity", "4000 digits"], id="sell-quantity"),
    pytest.param(["sell", "--cashier", "ani", "--pin-stdin", "JTM-CST-001@" + HUGE,
                  "cash=100000"], ANI, ["30 digits"], id="sell-open-price"),
    pytest.param(["stock", "adjust", "JTM-JLB-001", "9" * 5000, "--reason", "kiriman",
                  "--cashier", "ani", "--pin-stdin"], ANI, ["delta", "5000 digits"],
                 id="stock-delta"),
]


@pytest.mark.parametrize(("args", "stdin", "words"), HUGE_NUMBERS)
def test_huge_numbers_are_refused_in_one_line(jatim: Stand, cli, args: list[str], stdin: str,
                                              words: list[str]) -> None:
    before = dump_database(jatim.path)
    r = cli(*args, stdin=stdin)
    assert r.code in (1, 2)
    assert_refused(r.code, r.err, *words, out=r.out)
    assert dump_database(jatim.path) == before


def test_a_30_digit_catalog_price_is_refused_on_its_line(jatim: Stand, cli,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "harga.csv"
    path.write_text("sku,name,price\nJTM-NEW-001,Tas Baru," + HUGE + "\n"
                    "JTM-NEW-002,Tas Lain," + "9" * 5000 + "\n", encoding="utf-8")
    before = dump_database(jatim.path)
    r = cli("catalog", "import", str(path))
    assert r.code == 1 and "Traceback" not in r.err
    lines = r.err.splitlines()
    assert lines[0].startswith("posapp: ") and "2 bad rows" in lines[0]
    assert "line 2" in lines[1] and "above Rp 10.000.000.000" in lines[1]
    assert "line 3" in lines[2] and len(lines[2]) < 200
    assert dump_database(jatim.path) == before


TEXTS = [
    pytest.param(["cashier", "add", "Mal\x1blory", "--pin-stdin"], f"{SUPERVISOR_PIN}\n",
                 ["name", "control character", "U+001B"], id="escape-in-a-name"),
    pytest.param(["void", "JATIM-000001", "--supervisor", "budi", "--pin-stdin",
                  "--reason", "x" * 10_240], BUDI, ["too long", "10240 characters"],
                 id="10kB-void-reason"),
    pytest.param(["void", "JATIM-000001", "--supervisor", "budi", "--pin-stdin",
                  "--reason", "salah\x1d input"], BUDI, ["reason", "U+001D"],
                 id="group-separator-in-a-reason"),
    pytest.param(["shift", "cash", "--cashier", "ani", "--pin-stdin", "--reason",
                  "r" * 300, "20000"], ANI, ["reason", "too long", "at most 200"],
                 id="long-cash-reason"),
    pytest.param(["qris", "check", "\udcff\udcfe0002"], "", ["payload", "not valid text"],
                 id="bytes-not-utf8"),
]


@pytest.mark.parametrize(("args", "stdin", "words"), TEXTS)
def test_bad_text_is_refused_in_one_line(jatim: Stand, cli, args: list[str], stdin: str,
                                         words: list[str]) -> None:
    cli("sell", "--cashier", "ani", "--pin-stdin", "JTM-JLB-001", "cash=100000", stdin=ANI)
    before = dump_database(jatim.path)
    r = cli(*args, stdin=stdin)
    assert_refused(r.code, r.err, *words, out=r.out)
    assert "\x1b" not in r.err and "\x1d" not in r.err
    assert dump_database(jatim.path) == before


def test_the_services_refuse_control_characters_for_every_caller(jatim: Stand) -> None:
    """The window's fields reach the same checks: its set-up and users go through these."""
    before = dump_database(jatim.path)
    with pytest.raises(InvalidInput, match="control character"):
        stand.set_up(jatim.handle.uow(), code="JATIM", name="Stan\x1b[2J Jatim")
    with pytest.raises(InvalidInput, match="control character"):
        stand.set_up(jatim.handle.uow(), code="JATIM", name="Stan Jatim", event_name="HANI\x00")
    with pytest.raises(InvalidInput, match="too long"):
        users.add_user(jatim.handle.uow(), "S" * 61, users.Role.CASHIER, "123456")
    assert dump_database(jatim.path) == before
    kept = stand.set_up(jatim.handle.uow(), code="JATIM", name="  Stan  Jatim\t",
                        province="Jawa\u0020Timur", event_name="Cafe\u0301 Kriya")
    assert (kept.name, kept.event_name) == ("Stan Jatim", "Café Kriya")  # one line, NFC


def test_a_missing_file_with_a_name_that_is_not_utf8_says_one_line(jatim: Stand, cli,
                                                                   tmp_path: Path) -> None:
    name = os.fsdecode(b"harga-\xff\xfe.csv")  # as Python gives such a name in sys.argv
    r = cli("catalog", "import", str(tmp_path / name))
    assert_refused(r.code, r.err, "not found", "harga-\\xff\\xfe.csv", out=r.out)
    assert "Logging error" not in r.err
    log = (jatim.data.root / "posapp.log").read_text(encoding="utf-8")
    assert "harga-\\udcff\\udcfe.csv" in log


def test_a_closed_pipe_ends_quietly(jatim: Stand) -> None:
    """``posapp catalog list | head -0``: the reader is gone before the first line."""
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "posapp.cli.main", "--data-dir", str(jatim.data.root),
             "catalog", "list"], stdout=write, stderr=subprocess.PIPE, timeout=60)
    finally:
        os.close(write)
    assert done.returncode == 141
    assert done.stderr == b""


# --- the stand file --------------------------------------------------------------------------


def _zero_length(path: Path) -> None:
    path.write_bytes(b"")


def _zero_filled(path: Path) -> None:
    path.write_bytes(bytes(path.stat().st_size))


def _cut_off(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:len(path.read_bytes()) // 3])


@pytest.mark.parametrize("spoil", [_zero_length, _zero_filled, _cut_off],
                         ids=["zero-length", "zero-filled", "truncated"])
@pytest.mark.parametrize("args", [["journal", "verify"], ["sales"]], ids=["verify", "sales"])
def test_a_stand_file_that_is_not_whole_is_refused_with_the_way_back(
        jatim: Stand, cli, spoil, args: list[str]) -> None:
    jatim.handle.close()
    spoil(jatim.path)
    before = files_in(jatim.data.root)
    r = cli(*args)
    assert_refused(r.code, r.err, "JATIM.sqlite", "not a posapp stand database",
                   "posapp restore", out=r.out)
    assert files_in(jatim.data.root) == before


def test_reads_on_a_full_disk_say_what_they_could_not_read(jatim: Stand, cli,
                                                          tmp_path: Path) -> None:
    """The stand folder on a full 1 MB tmpfs (root only): SQLite cannot make the shared
    memory file a reader needs, and the refusal says so instead of "not saved"."""
    folder = tmp_path / "full"
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("a full folder needs a small tmpfs: run as root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip()}")
    try:
        jatim.handle.close()
        full = DataDir(folder)
        full.stands_dir.mkdir()
        (full.stands_dir / "JATIM.sqlite").write_bytes(jatim.path.read_bytes())
        with (folder / "filler").open("wb", buffering=0) as f:
            try:
                while True:
                    f.write(b"\0" * 4096)
            except OSError:
                pass
        r = cli("--data-dir", str(folder), "sales")
        if r.code == 0:  # the reader found room after all: that is the other good outcome
            assert "sales" in r.out
        else:
            assert_refused(r.code, r.err, "disk is full", "could not open", "to read it",
                           "nothing was changed", out=r.out)
            assert "not saved" not in r.err
    finally:
        setup_logging(jatim.data.root)  # the log file on the tmpfs is let go, so it unmounts
        subprocess.run(["umount", str(folder)], check=False)


# --- leftovers ---------------------------------------------------------------------------------


def _leftover(path: Path, *, age_s: float) -> Path:
    path.write_bytes(b"half a copy")
    then = time.time() - age_s
    os.utime(path, (then, then))
    return path


def test_leftover_part_files_go_at_the_next_backup(jatim: Stand, cli, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    old = _leftover(stick / ".JATIM-20260626T100000Z-000004.sqlite.part", age_s=3600)
    fresh = _leftover(stick / ".JATIM-20260626T100500Z-000005.sqlite.part", age_s=0)
    other = _leftover(stick / ".BALI-20260626T100000Z-000004.sqlite.part", age_s=3600)
    r = cli("backup", "--to", str(stick))
    assert r.code == 0, r.err
    assert not old.exists()
    assert fresh.exists() and other.exists()  # maybe being written now; another stand's
    assert len(list(stick.glob("JATIM-*.sqlite"))) == 1


def test_leftover_part_files_go_at_the_next_catalog_export(jatim: Stand, cli,
                                                           tmp_path: Path) -> None:
    old = _leftover(tmp_path / ".katalog.csv.part", age_s=3600)
    r = cli("catalog", "export", str(tmp_path / "katalog.csv"))
    assert r.code == 0, r.err
    assert not old.exists() and (tmp_path / "katalog.csv").exists()


def test_names_stored_with_escapes_never_reach_the_terminal(jatim: Stand, cli) -> None:
    """A cashier and a product named before control characters were refused: ``posapp sales``
    and ``catalog list`` show the escapes, they do not send them."""
    from sqlalchemy import text

    cli("sell", "--cashier", "ani", "--pin-stdin", "JTM-JLB-001", "cash=100000", stdin=ANI)
    with jatim.handle.engine.begin() as conn:
        conn.execute(text("UPDATE app_user SET name = 'Ani\x1b[2J' WHERE name = 'Ani'"))
        conn.execute(text("UPDATE product SET name = 'Jilbab\x1b]0;pwned\x07' "
                          "WHERE sku = 'JTM-JLB-001'"))
    for args in (["sales"], ["catalog", "list"], ["cashier", "list"]):
        r = cli(*args)
        assert r.code == 0, r.err
        assert "\x1b" not in r.out and "\x07" not in r.out
    assert "Ani\\x1b[2J" in cli("cashier", "list").out
    assert "Jilbab\\x1b]0;pwned\\x07" in cli("catalog", "list").out


def test_a_refused_qris_payload_leaves_the_stored_one(jatim: Stand, cli) -> None:
    from tests.fuzz.test_fuzz_cli import STATIC_QRIS

    assert cli("qris", "set", STATIC_QRIS, *AS_BUDI, stdin=BUDI_PIN_LINE).code == 0
    before = dump_database(jatim.path)
    for bad in ("", "000201", "\x1b" + STATIC_QRIS):
        r = cli("qris", "set", bad, *AS_BUDI, stdin=BUDI_PIN_LINE)
        assert_refused(r.code, r.err, out=r.out)
        assert dump_database(jatim.path) == before  # the sticker's payload is still there


def test_a_file_name_no_system_takes_is_refused_in_one_line(jatim: Stand, cli,
                                                            tmp_path: Path) -> None:
    for name in ("\ud800.csv", "a\x00b.csv"):
        r = cli("catalog", "export", str(tmp_path / name))
        assert_refused(r.code, r.err, "file", out=r.out)
        assert r.code == 2
