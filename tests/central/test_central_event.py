"""The central store keeps to its event: recorded by the first sync or merge (its id, never
the key), and a stand or file of another event refused with the store unchanged, on SQLite
and PostgreSQL; a store made before stores kept their event records it at its next write."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from posapp.bootstrap import DataDir
from posapp.cli.main import main as cli_main
from posapp.domain.errors import NotAllowed
from posapp.domain.event_key import fingerprint, new_key, parse_key
from posapp.domain.tender import Payment
from posapp.services import event, export, merge, sync
from posapp.sync.central_store import EVENT_META, KEY_META, Central, set_meta
from tests.central.stands import CASH, central_dump, sell
from tests.conftest import AS_BUDI, BUDI, BUDI_PIN_LINE, Stand, make_stand

KEY_A, KEY_B = new_key(), new_key()
EVENT_A, EVENT_B = fingerprint(parse_key(KEY_A)), fingerprint(parse_key(KEY_B))


def stand_of(tmp_path: Path, code: str, catalog_file: Path, key: str | None) -> Stand:
    """A stand in a data folder of its own (a laptop), two sales made, *key*'s event joined."""
    stand = make_stand(DataDir(tmp_path / code.lower()), code, catalog_file)
    for _ in range(2):
        sell(stand, [("JTM-JLB-001", 1)], [Payment(CASH, 85_000)])
    if key is not None:
        event.join(stand.handle.uow(), key, approval=BUDI)
    return stand


def meta(url: str) -> dict[str, str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return dict(conn.execute(text("SELECT key, value FROM central_meta")).all())
    finally:
        engine.dispose()


def posapp(data: DataDir, *args: str, stdin: str = "",
           capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
           ) -> tuple[int, str, str]:
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = cli_main(["--data-dir", str(data.root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_two_stands_of_two_events_into_one_new_store_the_second_is_refused(
        central_url: str, tmp_path: Path, catalog_file: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """As the issue tried it: fresh data folders, `event join` with different keys, both
    `posapp sync --central` into the same new store."""
    jatim = stand_of(tmp_path, "JATIM", catalog_file, None)
    bali = stand_of(tmp_path, "BALI", catalog_file, None)
    for stand, key in ((jatim, KEY_A), (bali, KEY_B)):
        joined = posapp(stand.data, "event", "join", *AS_BUDI,
                        stdin=BUDI_PIN_LINE + f"{key}\n", capsys=capsys,
                        monkeypatch=monkeypatch)
        assert joined[0] == 0, joined

    first = posapp(jatim.data, "sync", "--central", central_url, capsys=capsys,
                   monkeypatch=monkeypatch)
    assert first[0] == 0 and "entries sent" in first[1], first
    assert meta(central_url)[EVENT_META] == EVENT_A
    before = central_dump(central_url)

    code, out, err = posapp(bali.data, "sync", "--central", central_url, capsys=capsys,
                            monkeypatch=monkeypatch)

    assert (code, out) == (1, "")
    assert err.strip().splitlines() == [
        f"posapp: this stand joined event {EVENT_B}, the central store "
        f"{Central(central_url).label} is for event {EVENT_A}"]
    assert central_dump(central_url) == before  # not a row more, not a time touched
    assert sum(len(rows) for rows in before.values()) > 10
    assert KEY_META not in meta(central_url)


def test_a_store_recorded_by_a_sync_refuses_another_events_merge_once(
        central_url: str, tmp_path: Path, catalog_file: Path) -> None:
    jatim = stand_of(tmp_path, "JATIM", catalog_file, KEY_A)
    bali = stand_of(tmp_path, "BALI", catalog_file, KEY_B)
    sync.sync_stand(jatim.handle.uow, central_url)
    files = [export.export_journal(bali.handle.uow(), tmp_path / f"b{i}.posexport").path
             for i in range(3)]
    before = central_dump(central_url)

    with pytest.raises(NotAllowed, match=f"belongs to event {EVENT_A}; the key given is for "
                                         f"event {EVENT_B}"):
        merge.merge_files(central_url, files, key=KEY_B)
    assert central_dump(central_url) == before

    # without a key, the store's own event key (kept on this computer, where JATIM joined)
    # checks the files: signed for another event, each is refused, nothing applied
    batch = merge.merge_files(central_url, files)
    assert len(batch.refused) == 3 and not batch.merged
    assert all("made for another event" in r.message for r in batch.refused)
    assert central_dump(central_url) == before


def test_the_first_merge_records_the_event_and_a_sync_of_another_is_refused(
        central_url: str, tmp_path: Path, catalog_file: Path) -> None:
    jatim = stand_of(tmp_path, "JATIM", catalog_file, KEY_A)
    bali = stand_of(tmp_path, "BALI", catalog_file, KEY_B)
    path = export.export_journal(jatim.handle.uow(), tmp_path / "j.posexport").path
    merge.merge_file(central_url, path, key=KEY_A)
    assert meta(central_url) == {"version": meta(central_url)["version"], EVENT_META: EVENT_A}
    before = central_dump(central_url)

    with pytest.raises(NotAllowed, match="is for event"):
        sync.sync_stand(bali.handle.uow, central_url)
    assert central_dump(central_url) == before


def test_a_store_made_before_records_its_event_at_the_next_write(
        central_url: str, tmp_path: Path, catalog_file: Path) -> None:
    """A store fed only by syncs of an earlier posapp: no event recorded. The next write by
    one of its own stands records that stand's event; then another event is refused."""
    jatim = stand_of(tmp_path, "JATIM", catalog_file, KEY_A)
    sync.sync_stand(jatim.handle.uow, central_url)
    engine = create_engine(central_url)
    with engine.begin() as conn:  # as an earlier posapp left it: only the version
        conn.execute(text("DELETE FROM central_meta WHERE key <> 'version'"))
    engine.dispose()

    sell(jatim, [("JTM-JLB-001", 1)], [Payment(CASH, 85_000)])
    assert sync.sync_stand(jatim.handle.uow, central_url).sent == 1
    assert meta(central_url)[EVENT_META] == EVENT_A

    bali = stand_of(tmp_path, "BALI", catalog_file, KEY_B)
    before = central_dump(central_url)
    with pytest.raises(NotAllowed, match="is for event"):
        sync.sync_stand(bali.handle.uow, central_url)
    assert central_dump(central_url) == before


def test_a_key_an_earlier_merge_kept_in_the_store_moves_out_of_it(
        central_url: str, tmp_path: Path, catalog_file: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    jatim = stand_of(tmp_path, "JATIM", catalog_file, KEY_A)
    path = export.export_journal(jatim.handle.uow(), tmp_path / "j.posexport").path
    monkeypatch.setenv("POSAPP_CONFIG_DIR", str(tmp_path / "organizer-config"))  # another
    #                                         computer: the organizers', which never joined
    with Central(central_url) as central, central.writing() as conn:  # an earlier posapp's
        set_meta(conn, KEY_META, KEY_A)
        set_meta(conn, EVENT_META, EVENT_A)

    done = merge.merge_file(central_url, path)  # no key typed: the store's own moves here

    assert done.applied > 0
    assert KEY_META not in meta(central_url) and meta(central_url)[EVENT_META] == EVENT_A
    kept = (tmp_path / "organizer-config" / "secrets.json").read_text()
    assert KEY_A in kept
    assert not merge.needs_key(central_url)


def test_reconcile_needs_a_key_only_for_files(
        central_url: str, tmp_path: Path, catalog_file: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    jatim = stand_of(tmp_path, "JATIM", catalog_file, KEY_A)
    path = export.export_journal(jatim.handle.uow(), tmp_path / "j.posexport").path
    sync.sync_stand(jatim.handle.uow, central_url)
    monkeypatch.setenv("POSAPP_CONFIG_DIR", str(tmp_path / "organizer-config"))  # no key here

    bare = posapp(jatim.data, "reconcile", "--central", central_url, capsys=capsys,
                  monkeypatch=monkeypatch)
    assert bare[0] == 0 and "all agree" in bare[1], bare
    refused = posapp(jatim.data, "reconcile", "--central", central_url, str(path),
                     capsys=capsys, monkeypatch=monkeypatch)
    assert refused[0] == 1 and "is not on this computer" in refused[2]
    given = posapp(jatim.data, "reconcile", "--central", central_url, str(path),
                   "--key-stdin", stdin=f"{KEY_A}\n", capsys=capsys, monkeypatch=monkeypatch)
    assert given[0] == 0 and "all agree" in given[1], given
