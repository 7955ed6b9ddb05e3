"""Secrets stay home: the event key and a central store's password live outside the stand
database (here: the 0600 file in the config folder), stands of an earlier posapp move them
out when they open, and a backup restored onto a new laptop asks new PINs and the key."""

from __future__ import annotations

import io
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from posapp.bootstrap import DataDir, open_stand
from posapp.cli.main import main as cli_main
from posapp.domain.errors import NotAllowed
from posapp.domain.event_key import fingerprint, new_key, parse_key
from posapp.services import backup, event, restore
from posapp.services import settings as settings_service
from tests.conftest import AS_BUDI, BUDI, BUDI_PIN_LINE, CASHIER_PIN, CliResult, Stand

Cli = Callable[..., CliResult]
KEY = new_key()
EVENT = fingerprint(parse_key(KEY))
PASSWORD = "Rahasia-Panitia-42"
CENTRAL = f"postgresql://panitia:{PASSWORD}@10.0.0.2/hani"


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This computer's config folder."""
    folder = tmp_path / "config"
    monkeypatch.setenv("POSAPP_CONFIG_DIR", str(folder))
    return folder


def run(data: DataDir, *args: str, stdin: str = "", capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> CliResult:
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = cli_main(["--data-dir", str(data.root), *args])
    out, err = capsys.readouterr()
    return CliResult(code, out, err)


def secrets_of(config: Path) -> str:
    path = config / "secrets.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(config.stat().st_mode) == 0o700
    return path.read_text(encoding="utf-8")


def on_disk(stand: Stand) -> bytes:
    """The stand database's files as they lie on the disk (the WAL included)."""
    return b"".join(p.read_bytes() for p in stand.path.parent.glob(f"{stand.path.name}*"))


def test_joining_keeps_the_key_in_a_file_only_its_user_reads(
        cli: Cli, jatim: Stand, config: Path, tmp_path: Path) -> None:
    joined = cli("event", "join", *AS_BUDI, stdin=BUDI_PIN_LINE + f"{KEY}\n")
    assert joined.code == 0 and f"event {EVENT}" in joined.out

    assert KEY in secrets_of(config)
    raw = parse_key(KEY)
    assert raw.hex().encode() not in on_disk(jatim) and KEY.encode() not in on_disk(jatim)
    assert cli("event", "show").out.strip().endswith(EVENT)
    exported = cli("export", "--out", str(tmp_path))
    assert exported.code == 0 and f"for event {EVENT}" in exported.out


def test_a_central_password_is_kept_outside_the_database(
        jatim: Stand, config: Path) -> None:
    current = settings_service.get(jatim.handle.uow(write=False))
    settings_service.save(jatim.handle.uow(), current.__class__(
        **{**current.__dict__, "central": CENTRAL}), approval=BUDI)

    assert settings_service.get(jatim.handle.uow(write=False)).central == CENTRAL
    assert PASSWORD in secrets_of(config)
    assert PASSWORD.encode() not in on_disk(jatim)
    with sqlite3.connect(jatim.path) as conn:
        (stored,) = conn.execute("SELECT value FROM setting WHERE key = 'central'").fetchone()
    assert stored == "postgresql://panitia@10.0.0.2/hani"


def test_a_stand_of_an_earlier_posapp_moves_its_secrets_out_when_it_opens(
        jatim: Stand, data_dir: DataDir, config: Path, tmp_path: Path) -> None:
    jatim.handle.close()
    with sqlite3.connect(jatim.path) as conn:  # as an earlier posapp kept them
        conn.execute("INSERT INTO setting (key, value) VALUES ('event_key', ?)",
                     (parse_key(KEY).hex(),))
        conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('central', ?)",
                     (CENTRAL,))
    assert parse_key(KEY).hex().encode() in on_disk(jatim)

    handle = open_stand(data_dir, "JATIM")
    try:
        assert parse_key(KEY).hex().encode() not in on_disk(jatim)
        assert PASSWORD.encode() not in on_disk(jatim)
        assert KEY in secrets_of(config) and PASSWORD in secrets_of(config)
        assert event.event_id(handle.uow(write=False)) == EVENT
        assert settings_service.get(handle.uow(write=False)).central == CENTRAL
        with handle.uow(write=False) as uow:
            assert event.require_key(uow) == parse_key(KEY)
    finally:
        handle.close()


def test_a_backup_restored_onto_a_new_laptop_asks_new_pins_and_the_key(
        jatim: Stand, data_dir: DataDir, config: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(data_dir, "event", "join", *AS_BUDI, stdin=BUDI_PIN_LINE + f"{KEY}\n",
               capsys=capsys, monkeypatch=monkeypatch).code == 0
    stick = tmp_path / "usb"
    stick.mkdir()
    copy = backup.backup_now(jatim.handle.uow, "JATIM", jatim.path, folder=str(stick))
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT name, pin_hash FROM app_user ORDER BY name").fetchall() \
            == [("Ani", ""), ("Budi", "")]

    # the laptop died: a new one, its own data and config folders, the stick plugged in
    new = DataDir(tmp_path / "new-laptop")
    monkeypatch.setenv("POSAPP_CONFIG_DIR", str(tmp_path / "new-laptop-config"))
    with pytest.raises(NotAllowed, match="holds no PINs"):
        restore.restore(new, copy, approval=BUDI)  # nobody to ask: refused, nothing made
    assert new.stand_codes() == []

    done = run(new, "--pin-stdin", "restore", str(copy), stdin="24681357\n135792\n",
               capsys=capsys, monkeypatch=monkeypatch)
    assert done.code == 0, done.err
    assert "holds no PINs" in done.err
    assert done.out.strip().splitlines()[-1] == "new PINs set for Budi, Ani"

    sold = run(new, "--pin-stdin", "sell", "--cashier", "Ani", "JTM-JLB-001", "cash=85000",
               stdin="135792\n", capsys=capsys, monkeypatch=monkeypatch)
    assert sold.code == 0, sold.err
    old_pin = run(new, "--pin-stdin", "sell", "--cashier", "Ani", "JTM-JLB-001",
                  "cash=85000", stdin=f"{CASHIER_PIN}\n", capsys=capsys,
                  monkeypatch=monkeypatch)
    assert old_pin.code != 0

    shown = run(new, "event", "show", capsys=capsys, monkeypatch=monkeypatch)
    assert shown.out.strip().endswith(EVENT)  # the event is known, its key is not here
    refused = run(new, "export", "--out", str(tmp_path), capsys=capsys,
                  monkeypatch=monkeypatch)
    assert refused.code == 1
    assert refused.err.strip().splitlines() == [
        f"posapp: this stand joined event {EVENT}, but its key is not on this computer (a "
        "stand restored from a backup?): join the event again with 'posapp event join' and "
        "the organizers' key"]
    rejoined = run(new, "event", "join", *AS_BUDI, stdin=f"24681357\n{KEY}\n",
                   capsys=capsys, monkeypatch=monkeypatch)  # Budi's new PIN, then the key
    assert rejoined.code == 0 and "--replace" not in rejoined.err
    assert run(new, "export", "--out", str(tmp_path), capsys=capsys,
               monkeypatch=monkeypatch).code == 0


def test_a_backup_restored_on_the_same_laptop_keeps_its_pins(
        cli: Cli, jatim: Stand, tmp_path: Path) -> None:
    copy = backup.backup_now(jatim.handle.uow, "JATIM", jatim.path, folder=str(tmp_path))
    jatim.handle.close()

    done = cli("restore", str(copy), *AS_BUDI,
               stdin=BUDI_PIN_LINE)  # no PIN asked: this computer knows them

    assert done.code == 0, done.err
    assert "new PINs" not in done.out
    sold = cli("--pin-stdin", "sell", "--cashier", "Ani", "JTM-JLB-001", "cash=85000",
               stdin=f"{CASHIER_PIN}\n")
    assert sold.code == 0, sold.err


def test_a_config_folder_that_cannot_be_written_is_one_line_and_nothing_joined(
        cli: Cli, jatim: Stand, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the config folder should be")
    monkeypatch.setenv("POSAPP_CONFIG_DIR", str(blocked))

    done = cli("event", "join", *AS_BUDI, stdin=BUDI_PIN_LINE + f"{KEY}\n")

    assert done.code == 1 and done.out == ""
    (line,) = done.err.strip().splitlines()
    assert line.startswith(f"posapp: cannot keep the secret on this computer in {blocked}")
    assert "has not joined an event yet" in cli("event", "show").out
