"""Merging export files: checked, all or nothing, never twice; on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from posapp.bootstrap import DataDir
from posapp.domain.errors import InvalidInput, NotAllowed
from posapp.domain.event_key import new_key
from posapp.domain.tender import Payment
from posapp.domain.totals import fold
from posapp.services import central_totals, event, export, merge, sync
from posapp.sync.central_store import Central
from posapp.sync.export_file import ExportRefused
from tests.central.stands import CASH, busy_day, central_dump, journal_of, sell, stand_with_day
from tests.central.test_sync import z_nets
from tests.conftest import BUDI, Stand, make_stand

KEY = new_key()


def joined(stand: Stand, key: str = KEY) -> Stand:
    event.join(stand.handle.uow(), key, approval=BUDI)
    return stand


def export_of(stand: Stand, folder: Path, *, since: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return export.export_journal(stand.handle.uow(), folder, since=since).path


def test_three_stands_two_sync_one_merges_twice_and_totals_equal_their_z_reports(
        central_url: str, tmp_path: Path, catalog_file: Path) -> None:
    stands = [joined(stand_with_day(DataDir(tmp_path / code), code, catalog_file, rounds=n))
              for code, n in (("JATIM", 1), ("BALI", 2), ("NTT", 3))]
    for s in stands[:2]:
        sync.sync_stand(s.handle.uow, central_url)
    path = export_of(stands[2], tmp_path / "usb")

    first = merge.merge_file(central_url, path, key=KEY)
    after_first = central_dump(central_url)
    second = merge.merge_file(central_url, path)

    assert (first.stand, first.applied, first.skipped) == ("NTT", len(journal_of(stands[2])), 0)
    assert (second.applied, second.skipped) == (0, first.applied)
    assert central_dump(central_url) == after_first
    with Central(central_url) as central:
        found = {s.code: s.totals for s in central_totals.stand_totals(central)}
        assert central_totals.check_z_reports(central) == []
    for s in stands:
        assert found[s.handle.code].net == z_nets(s)
        assert found[s.handle.code].figures() == fold(journal_of(s)).figures()
    assert central_totals.overall(
        [central_totals.StandTotals(c, "", "", t) for c, t in found.items()]
    ).net == 1_734_500 * 6


def test_a_later_export_since_the_last_merge_adds_only_the_new_sales(
        central_url: str, jatim: Stand, tmp_path: Path) -> None:
    joined(jatim)
    first = export_of(jatim, tmp_path / "day1")
    merge.merge_file(central_url, first, key=KEY)
    last = len(journal_of(jatim))
    sell(jatim, [("JTM-JLB-001", 1)], [Payment(CASH, 85_000)])
    busy_day(jatim)
    later = export_of(jatim, tmp_path / "day2", since=last)

    result = merge.merge_file(central_url, later)

    assert result.applied == len(journal_of(jatim)) - last
    with Central(central_url) as central:
        (totals,) = central_totals.stand_totals(central)
    assert totals.totals.figures() == fold(journal_of(jatim)).figures()


def refused_cases(stand: Stand, tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Each bad file of issue 5 item 3, with the words its refusal must hold."""
    whole = export_of(stand, tmp_path / "whole")
    data = whole.read_bytes()
    changed = tmp_path / "changed.posexport"
    at = data.index(b'total\\":') + len(b'total\\":')  # a sale's total: 4 -> 5, say
    changed.write_bytes(data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:])
    cut = tmp_path / "cut.posexport"
    cut.write_bytes(data[: len(data) * 2 // 3])
    other_event = DataDir(tmp_path / "other")
    stranger = joined(make_stand(other_event, "JATIM", tmp_path / "catalog.csv"), new_key())
    sell(stranger, [("JTM-JLB-001", 1)], [Payment(CASH, 85_000)])
    foreign = export_of(stranger, tmp_path / "foreign")
    sell(stand, [("JTM-JLB-001", 1)], [Payment(CASH, 85_000)])
    gap = export_of(stand, tmp_path / "gap", since=len(journal_of(stand)) - 1)
    return {
        "one byte changed": (changed, "changed after it was signed"),
        "cut-off end": (cut, "cut off"),
        "another event's key": (foreign, "another event"),
        "missing range": (gap, "missing"),
    }


def test_every_bad_file_is_refused_with_its_reason_and_changes_nothing(
        central_url: str, jatim: Stand, tmp_path: Path, catalog_file: Path) -> None:
    (tmp_path / "catalog.csv").write_bytes(catalog_file.read_bytes())
    joined(jatim)
    first_day = export_of(jatim, tmp_path / "day1")
    busy_day(jatim, close=False)
    cases = refused_cases(jatim, tmp_path)
    merge.merge_file(central_url, first_day, key=KEY)
    before = central_dump(central_url)

    for name, (path, words) in cases.items():
        with pytest.raises((ExportRefused, InvalidInput, NotAllowed)) as refused:
            merge.merge_file(central_url, path)
        assert words in refused.value.message, name
        assert central_dump(central_url) == before, name


def test_a_wrong_key_is_refused_and_the_store_keeps_its_own(central_url: str, jatim: Stand,
                                                            tmp_path: Path) -> None:
    path = export_of(joined(jatim), tmp_path)
    merge.merge_file(central_url, path, key=KEY)
    before = central_dump(central_url)

    with pytest.raises(NotAllowed, match="belongs to event"):
        merge.merge_file(central_url, path, key=new_key())
    assert central_dump(central_url) == before


def test_a_new_central_store_needs_the_key_once(central_url: str, jatim: Stand,
                                                tmp_path: Path) -> None:
    path = export_of(joined(jatim), tmp_path)
    assert merge.needs_key(central_url)
    with pytest.raises(NotAllowed, match="is not on this computer"):
        merge.merge_file(central_url, path)
    merge.merge_file(central_url, path, key=KEY)
    assert not merge.needs_key(central_url)


def test_a_stand_of_another_event_cannot_sync_into_this_store(
        central_url: str, jatim: Stand, tmp_path: Path, catalog_file: Path) -> None:
    merge.merge_file(central_url, export_of(joined(jatim), tmp_path), key=KEY)
    other = joined(make_stand(DataDir(tmp_path / "other"), "BALI", catalog_file), new_key())
    before = central_dump(central_url)

    with pytest.raises(NotAllowed, match="is for event"):
        sync.sync_stand(other.handle.uow, central_url)
    assert central_dump(central_url) == before


def test_a_merged_file_changed_afterwards_is_still_refused(central_url: str, jatim: Stand,
                                                           tmp_path: Path) -> None:
    """Merging again skips re-reading the entries, never the signature."""
    path = export_of(joined(jatim), tmp_path)
    merge.merge_file(central_url, path, key=KEY)
    data = path.read_bytes()
    at = len(data) // 2
    path.write_bytes(data[:at] + bytes([data[at] ^ 0x04]) + data[at + 1:])
    before = central_dump(central_url)

    with pytest.raises(ExportRefused, match="changed after it was signed"):
        merge.merge_file(central_url, path)
    assert central_dump(central_url) == before


def test_a_key_typed_at_the_first_merge_is_kept_only_when_the_file_checks_out(
        central_url: str, jatim: Stand, tmp_path: Path) -> None:
    path = export_of(joined(jatim), tmp_path)
    with pytest.raises(ExportRefused, match="another event"):
        merge.merge_file(central_url, path, key=new_key())  # the wrong paper
    assert merge.needs_key(central_url)

    merge.merge_file(central_url, path, key=KEY)
    assert not merge.needs_key(central_url)
