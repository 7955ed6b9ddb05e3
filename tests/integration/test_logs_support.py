"""The log file and the support bundle: what a helper on the phone gets, and no secrets."""

from __future__ import annotations

import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

from posapp.bootstrap import DataDir
from posapp.domain.event_key import new_key
from posapp.logs import LOG_NAME
from tests.conftest import AS_BUDI, BUDI_PIN_LINE, CASHIER_PIN, SUPERVISOR_PIN, CliResult, Stand

Cli = Callable[..., CliResult]


def test_the_log_tells_what_happened_and_holds_no_pin_or_key(
        cli: Cli, jatim: Stand, data_dir: DataDir, tmp_path: Path) -> None:
    key = new_key()
    cli("event", "join", key, *AS_BUDI, stdin=BUDI_PIN_LINE)
    cli("--pin-stdin", "sell", "--cashier", "Ani", "--no-print", "JTM-JLB-001", "cash=85000",
        stdin=f"{CASHIER_PIN}\n")  # no receipt job: its number (JATIM-000001) holds "0000"
    cli("--pin-stdin", "void", "JATIM-000001", "--supervisor", "Budi", "--reason", "x",
        stdin="0000\n")  # a wrong PIN: refused
    cli("sync", "--central", str(tmp_path / "central.sqlite"))

    log = (data_dir.root / LOG_NAME).read_text(encoding="utf-8")
    assert "posapp 0.1.0: sell" in log and "event join" in log
    assert "refused:" in log
    assert "sync of stand JATIM" in log and "entries sent" in log
    compact = key.replace("-", "")
    for secret in (key, compact, key.lower(), CASHIER_PIN, SUPERVISOR_PIN, "0000"):
        assert secret not in log, secret


def test_a_key_shaped_text_in_a_message_is_blanked(data_dir: DataDir) -> None:
    import logging

    from posapp.logs import setup_logging

    path = setup_logging(data_dir.root)
    assert path is not None
    key = new_key()
    logging.getLogger("posapp.test").warning("somebody typed %s here", key)
    text = path.read_text(encoding="utf-8")
    assert key not in text and "[event key]" in text


def test_the_support_bundle_has_logs_versions_settings_and_no_secrets(
        cli: Cli, jatim: Stand, data_dir: DataDir, tmp_path: Path) -> None:
    key = new_key()
    cli("event", "join", key, *AS_BUDI, stdin=BUDI_PIN_LINE)
    cli("--pin-stdin", "sell", "--cashier", "Ani", "JTM-JLB-001", "cash=85000",
        stdin=f"{CASHIER_PIN}\n")
    out = tmp_path / "bantuan.zip"

    done = cli("support-bundle", str(out))

    assert done.code == 0, done.err
    with zipfile.ZipFile(out) as z:
        names = set(z.namelist())
        assert {"versions.txt", "JATIM/settings.json", "JATIM/JATIM-no-secrets.sqlite",
                f"logs/{LOG_NAME}"} <= names
        assert "posapp 0.1.0" in z.read("versions.txt").decode()
        settings = z.read("JATIM/settings.json").decode()
        assert '"paper_width": 42' in settings and '"event_id"' in settings
        z.extract("JATIM/JATIM-no-secrets.sqlite", tmp_path)
        raw = b"".join(z.read(n) for n in names)
    copy = tmp_path / "JATIM" / "JATIM-no-secrets.sqlite"
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT COUNT(*) FROM sale").fetchone() == (1,)
    assert {r[0] for r in conn.execute("SELECT pin_hash FROM app_user")} == {""}
    assert conn.execute("SELECT COUNT(*) FROM setting WHERE key = 'event_key'").fetchone() \
        == (0,)
    conn.close()
    assert b"scrypt" not in raw  # no PIN hash anywhere, not even in free pages
    from posapp.domain.event_key import parse_key
    assert parse_key(key).hex().encode() not in raw


def test_a_bundle_needs_a_zip_name_and_a_folder(cli: Cli, jatim: Stand, tmp_path: Path) -> None:
    for target, words in ((tmp_path / "b.txt", "name the support bundle .zip"),
                          (tmp_path / "no" / "b.zip", "does not exist")):
        done = cli("support-bundle", str(target))
        assert done.code == 1 and words in done.err
