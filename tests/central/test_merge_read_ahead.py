"""A batch's next file is read while the one before it is applied (services.merge): a
refusal found while reading ahead belongs to the file that has it, never to the one being
applied."""

from __future__ import annotations

from pathlib import Path

from benchmarks._event import write_event
from posapp.domain.event_key import new_key, parse_key
from posapp.services import central_totals, merge
from posapp.sync.central_store import Central
from tests.central.export_files import NoSecrets


def test_a_damaged_file_read_ahead_is_refused_on_its_own_turn(tmp_path: Path) -> None:
    key = new_key()
    aceh, sumut = write_event(tmp_path / "usb", parse_key(key), stands=2, sales=120)
    target = str(tmp_path / "central.sqlite")
    merge.merge_files(target, [sumut], key=key, secrets=NoSecrets())
    lines = sumut.read_bytes().split(b"\n")
    lines[5] = lines[5].replace(b"0", b"1", 1)  # one digit of an entry: signed, so refused
    sumut.write_bytes(b"\n".join(lines))

    batch = merge.merge_files(target, [sumut, aceh], key=key, secrets=NoSecrets())

    assert [(r.stand, r.applied) for r in batch.merged] == [("ACEH", 125)]
    assert [path for path, outcome in batch.outcomes if not isinstance(
        outcome, merge.MergeResult)] == [sumut]
    with Central(target) as central:
        stands = {s.code: s.totals for s in central_totals.stand_totals(central)}
        assert central_totals.check_z_reports(central) == []
    assert stands["ACEH"].sales_count == 119  # 120 sales, one voided


def test_files_of_one_stand_are_each_read_after_the_one_before_is_applied(
        tmp_path: Path) -> None:
    """The same stand's second file, given twice: the second time it is already held."""
    key = new_key()
    files = write_event(tmp_path / "usb", parse_key(key), stands=3, sales=60)
    target = str(tmp_path / "central.sqlite")

    batch = merge.merge_files(target, [*files, files[1]], key=key, secrets=NoSecrets())

    assert sorted(r.stand for r in batch.merged) == ["ACEH", "SUMBAR", "SUMUT"]
    assert [r.stand for r in batch.already] == ["SUMUT"]
    assert batch.refused == []
