"""Backups to a second folder and restoring them, with real files: a USB stick pulled out
mid-shift, a full stick (a 64 kB tmpfs when root may mount one), a restore that is checked."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from posapp.bootstrap import DataDir
from posapp.services import backup
from posapp.services import settings as settings_service
from tests.conftest import AS_BUDI, BUDI_PIN_LINE, CASHIER_PIN, CliResult, Stand, dump_database

Cli = Callable[..., CliResult]


def sell(cli: Cli, n: int = 1) -> list[CliResult]:
    return [cli("--pin-stdin", "sell", "--cashier", "Ani", "--no-print", "JTM-JLB-001",
                "cash=85000", stdin=f"{CASHIER_PIN}\n") for _ in range(n)]


def sales_in(copy: Path) -> int:
    conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return conn.execute("SELECT COUNT(*) FROM sale").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def test_a_copy_every_few_sales_and_at_the_shift_close_keeping_the_last(
        cli: Cli, jatim: Stand, stick: Path) -> None:
    assert cli("backup", "set", str(stick), "--every", "2", "--keep", "2", *AS_BUDI,
               stdin=BUDI_PIN_LINE).code == 0
    assert all(r.code == 0 for r in sell(cli, 5))
    copies = backup.backups_in(stick, "JATIM")
    assert [sales_in(c) for c in copies] == [3, 5]  # after the first sale, then every 2

    closed = cli("--pin-stdin", "shift", "close", "--cashier", "Ani", "--counted", "925000",
                 stdin=f"{CASHIER_PIN}\n")
    assert closed.code == 0 and "backup:" in closed.err
    copies = backup.backups_in(stick, "JATIM")
    assert [sales_in(c) for c in copies] == [5, 5]  # 2 kept: the close made the newest
    assert copies[-1].name.endswith("-000008.sqlite")  # import, shift, 5 sales, close
    assert not list(stick.glob(".*.part"))


def test_the_stick_pulled_out_mid_shift_is_a_warning_and_selling_goes_on(
        cli: Cli, jatim: Stand, stick: Path) -> None:
    cli("backup", "set", str(stick), "--every", "1", *AS_BUDI, stdin=BUDI_PIN_LINE)
    sell(cli)
    shutil.rmtree(stick)  # pulled out

    (done,) = sell(cli)
    assert done.code == 0 and "JATIM-000002" in done.out
    (line,) = done.err.strip().splitlines()
    assert line.startswith("posapp: warning: no backup made:") and "is not there" in line
    assert not stick.exists()  # not made again on the laptop
    state = backup.last_backup(jatim.handle.uow(write=False))
    assert state is not None and not state.ok
    assert state.reason is not None and state.reason.code == "backup.folder_gone"
    assert state.reason.text("id") == (f"Folder cadangan {stick} tidak ada: colokkan lagi "
                                       "flashdisk-nya, atau pilih folder lain")

    stick.mkdir()  # plugged back in
    (again,) = sell(cli)
    assert again.err == ""
    assert [sales_in(c) for c in backup.backups_in(stick, "JATIM")] == [3]


def test_a_full_stick_is_a_warning_and_leaves_no_half_copy(cli: Cli, jatim: Stand,
                                                           full_stick: Path) -> None:
    cli("backup", "set", str(full_stick), "--every", "1", *AS_BUDI, stdin=BUDI_PIN_LINE)
    (done,) = sell(cli)
    assert done.code == 0
    assert "is full" in done.err and len(done.err.strip().splitlines()) == 1
    assert list(full_stick.iterdir()) == []
    now = cli("backup")
    assert now.code == 1 and "is full" in now.err


def test_restore_puts_a_copy_back_and_keeps_what_it_replaced(
        cli: Cli, jatim: Stand, stick: Path, data_dir: DataDir) -> None:
    sell(cli, 2)
    made = cli("backup", "--to", str(stick))
    (copy,) = backup.backups_in(stick, "JATIM")
    assert str(copy) in made.out
    before = dump_database(copy)
    sell(cli, 3)  # lost in the story: the laptop's disk dies after these
    jatim.handle.close()

    done = cli("restore", str(copy), *AS_BUDI, stdin=BUDI_PIN_LINE)
    assert done.code == 0, done.err
    assert "2 sales" in done.out
    restored = data_dir.stand_path("JATIM")
    assert sales_in(restored) == 2
    assert [ln for ln in dump_database(restored) if "INSERT INTO \"sale\"" in ln] == [
        ln for ln in before if "INSERT INTO \"sale\"" in ln]
    (kept,) = data_dir.backups_dir.glob("JATIM-before-restore-*.sqlite")
    assert sales_in(kept) == 5
    assert cli("journal", "verify").code == 0


@pytest.mark.parametrize("make_bad, words", [
    (lambda p: p.write_text("not a database"), "not a posapp stand database"),
    (lambda p: None, "no backup file"),
])
def test_restore_refuses_what_is_not_a_stand_backup(cli: Cli, jatim: Stand, tmp_path: Path,
                                                    make_bad, words: str) -> None:
    bad = tmp_path / "JATIM-20260626T030000Z-000001.sqlite"
    make_bad(bad)
    before = dump_database(jatim.path)
    done = cli("restore", str(bad), *AS_BUDI, stdin=BUDI_PIN_LINE)
    assert done.code == 1 and words in done.err
    assert dump_database(jatim.path) == before


def test_restore_refuses_another_stands_copy_unless_forced(
        cli: Cli, jatim: Stand, tmp_path: Path, catalog_file: Path, stick: Path) -> None:
    from tests.conftest import make_stand

    other = make_stand(DataDir(tmp_path / "other"), "BALI", catalog_file)
    copy = backup.backup_now(other.handle.uow, "BALI", other.path, folder=str(stick))
    other.handle.close()
    before = dump_database(jatim.path)
    jatim.handle.close()

    refused = cli("--stand", "JATIM", "restore", str(copy), *AS_BUDI, stdin=BUDI_PIN_LINE)
    assert refused.code == 1 and "backup of stand BALI, not JATIM" in refused.err
    assert dump_database(jatim.path) == before
    forced = cli("--stand", "JATIM", "restore", str(copy), "--force", *AS_BUDI,
                 stdin=BUDI_PIN_LINE)
    assert forced.code == 0


def test_restore_refuses_a_copy_whose_journal_was_altered(cli: Cli, jatim: Stand,
                                                         stick: Path) -> None:
    sell(cli)
    copy = backup.backup_now(jatim.handle.uow, "JATIM", jatim.path, folder=str(stick))
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE journal SET payload = replace(payload, '85000', '8500') "
                 "WHERE kind = 'sale.completed'")
    conn.commit()
    conn.close()
    done = cli("restore", str(copy), *AS_BUDI, stdin=BUDI_PIN_LINE)
    assert done.code == 1 and "journal breaks at entry" in done.err


def test_a_new_backup_folder_must_exist(cli: Cli, jatim: Stand, tmp_path: Path) -> None:
    before = dump_database(jatim.path)
    done = cli("backup", "set", str(tmp_path / "nowhere"), *AS_BUDI, stdin=BUDI_PIN_LINE)
    assert done.code == 1 and "does not exist" in done.err
    assert dump_database(jatim.path) == before


def test_a_failure_kept_before_message_ids_still_reads(jatim: Stand) -> None:
    settings_service.write_note(jatim.handle.uow, backup.LAST_KEY, {
        "at": "2026-06-25T07:05:00", "ok": False, "path": "/media/usb", "sales": 3,
        "message": "the backup folder /media/usb is not there: plug the USB stick back in, "
                   "or choose another folder"})
    state = backup.last_backup(jatim.handle.uow(write=False))
    assert state is not None and not state.ok and state.reason is None
    assert state.message.startswith("the backup folder /media/usb is not there")
