"""posapp sync, merge, totals and reconcile as a user runs them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, text

from posapp.domain.event_key import new_key
from posapp.domain.money import format_rupiah
from tests.central.stands import busy_day
from tests.conftest import AS_BUDI, BUDI_PIN_LINE, CliResult, Stand

Cli = Callable[..., CliResult]


def test_sync_then_totals(cli: Cli, jatim: Stand, central_url: str) -> None:
    busy_day(jatim)
    sent = cli("sync", "--central", central_url)
    again = cli("sync", "--central", central_url)
    totals = cli("totals", "--central", central_url, "--json")
    table = cli("totals", "--central", central_url)

    assert sent.code == 0 and "12 entries sent" in sent.out
    assert again.code == 0 and "nothing new to send" in again.out
    data = json.loads(totals.out)
    assert data["overall"]["net"] == data["stands"][0]["net"] == 1_734_500
    assert data["stands"][0]["methods"]["cash"]["refunds"] == 85_000
    assert "JATIM" in table.out and format_rupiah(1_734_500) in table.out
    methods = [line.split()[0] for line in table.out.splitlines() if line.startswith("  ")]
    assert methods[:2] == ["Cash", "QRIS"]  # names, not codes (the JSON keeps "cash")
    assert "nothing new to send" in again.out and "all 12 entries" not in again.out


def test_merge_twice_and_reconcile(cli: Cli, jatim: Stand, central_url: str,
                                   tmp_path: Path) -> None:
    key = new_key()
    busy_day(jatim)
    assert cli("event", "join", key, *AS_BUDI, stdin=BUDI_PIN_LINE).code == 0
    out = tmp_path / "jatim.posexport"
    assert cli("export", "--out", str(out)).code == 0

    first = cli("merge", "--central", central_url, "--key-stdin", str(out), stdin=f"{key}\n")
    second = cli("merge", "--central", central_url, str(out))
    agree = cli("reconcile", "--central", central_url, str(out))

    assert first.code == 0 and "12 entries merged" in first.out
    assert second.code == 0 and "already merged" in second.out
    assert agree.code == 0 and "all agree: the Z reports of 1 stand and" in agree.out, agree.err

    engine = create_engine(central_url)
    with engine.begin() as conn:  # someone edits the central store by hand
        conn.execute(text("UPDATE sale SET subtotal = subtotal + 1000, total = total + 1000 "
                          "WHERE seq = 1"))
    engine.dispose()
    differ = cli("reconcile", "--central", central_url, str(out))
    assert differ.code == 1
    assert "stand JATIM" in differ.err and "gross" in differ.err


def test_a_refused_file_is_one_line_and_the_others_still_merge(
        cli: Cli, jatim: Stand, central_url: str, tmp_path: Path) -> None:
    key = new_key()
    cli("event", "join", key, *AS_BUDI, stdin=BUDI_PIN_LINE)
    good = tmp_path / "good.posexport"
    cli("export", "--out", str(good))
    bad = tmp_path / "bad.posexport"
    bad.write_bytes(good.read_bytes()[:-10])

    result = cli("merge", "--central", central_url, "--key-stdin", str(bad), str(good),
                 stdin=f"{key}\n")

    assert result.code == 1
    (line,) = result.err.strip().splitlines()
    assert line.startswith(f"posapp: refused: {bad} is cut off")
    assert line.count("bad.posexport") == 1  # the path named once
    assert "good.posexport: stand JATIM" in result.out
    assert result.out.splitlines()[-1] == ("2 files: 1 merged (2 entries added), "
                                           "0 already merged, 1 refused")


def test_bad_central_stores_get_one_line(cli: Cli, jatim: Stand, tmp_path: Path) -> None:
    for args in (["totals", "--central", str(tmp_path / "none.sqlite")],
                 ["sync", "--central", str(tmp_path / "missing" / "c.sqlite")],
                 ["sync", "--central", "mysql://somewhere/db"],
                 ["sync", "--central", "postgresql://panitia@server:port/hani"],
                 ["totals", "--central", str(jatim.path)]):
        result = cli(*args)
        assert result.code != 0, args
        assert len(result.err.strip().splitlines()) == 1, result.err
        assert result.err.startswith("posapp: ") and "Traceback" not in result.err
