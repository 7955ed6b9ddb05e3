"""The signed export file from a real stand: written, read back, and every refusal's reason."""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import update

from posapp.domain.cart import Discount
from posapp.domain.errors import InvalidInput, NotAllowed, StorageError
from posapp.domain.event_key import fingerprint, format_key
from posapp.domain.journal import GENESIS, Entry, canonical_json
from posapp.domain.tender import Payment, PaymentMethod
from posapp.services import event, journal, returns
from posapp.services.export import export_journal
from posapp.store.models import JournalRow
from posapp.sync.export_file import ExportRefused, StandDetails, entry_line, read_export
from tests.conftest import BUDI, SUPERVISOR, SUPERVISOR_PIN, Stand, dump_database
from tests.integration.test_checkout import sell

KEY = bytes(range(32))
OTHER_KEY = bytes(range(100, 132))
EVENT, OTHER_EVENT = fingerprint(KEY), fingerprint(OTHER_KEY)
CASH, QRIS = PaymentMethod.CASH, PaymentMethod.QRIS



@pytest.fixture
def stand(jatim: Stand) -> Stand:
    """JATIM joined the event, with sales, a void and a refund in its journal."""
    event.join(jatim.handle.uow(), format_key(KEY), approval=BUDI)
    first = sell(jatim, [("JTM-BTK-001", 1), ("JTM-JLB-001", 2)], [Payment(CASH, 700_000)])
    sell(jatim, [("JTM-TAS-001", 1)], [Payment(QRIS, 108_000)], Discount.percent(10))
    voided = sell(jatim, [("JTM-JLB-001", 1)], [Payment(CASH, 85_000)])
    returns.void_sale(jatim.handle.uow(), voided.receipt_no, supervisor_name=SUPERVISOR,
                      supervisor_pin=SUPERVISOR_PIN, reason="salah input")
    returns.refund(jatim.handle.uow(), first.receipt_no, [returns.RefundItem("JTM-JLB-001", 1)],
                   supervisor_name=SUPERVISOR, supervisor_pin=SUPERVISOR_PIN,
                   reason="warna tidak cocok", method=CASH)
    sell(jatim, [("JTM-BTK-002", 1)], [Payment(CASH, 325_000)])
    return jatim


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    """An empty folder standing in for the USB stick."""
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def journal_of(stand: Stand, since: int = 0) -> list[Entry]:
    with stand.handle.uow(write=False) as uow:
        return list(journal.iter_entries(uow.session, since=since))


def export(stand: Stand, stick: Path, since: int = 0, name: str = "jatim.posexport") -> Path:
    return export_journal(stand.handle.uow(write=False), stick / name, since=since).path


def refusal(path: Path, key: bytes = KEY) -> str:
    with pytest.raises(ExportRefused) as exc:
        read_export(path, key)
    message = exc.value.message
    assert "\n" not in message and message.startswith(str(path)), message
    return message[len(str(path)):]


def lines_of(path: Path) -> list[bytes]:
    return path.read_bytes().split(b"\n")[:-1]


def resign(path: Path, lines: list[bytes], key: bytes = KEY) -> None:
    """Write *lines* (header and entries) with a correct signature, as a key holder could."""
    body = b"".join(line + b"\n" for line in lines)
    mac = hmac.new(key, body, hashlib.sha256).hexdigest()
    path.write_bytes(body + b'{"hmac_sha256":"' + mac.encode() + b'"}\n')


def edit_header(lines: list[bytes], **changes: object) -> list[bytes]:
    header = json.loads(lines[0]) | changes
    return [json.dumps(header, sort_keys=True, separators=(",", ":")).encode(), *lines[1:]]


CHANGED = " has been changed after it was signed, or was signed with another key"


# -- writing and reading back ----------------------------------------------------------------


def test_an_export_reads_back_as_the_stand_journal(stand: Stand, stick: Path) -> None:
    entries = journal_of(stand)
    batch = read_export(export(stand, stick), KEY)
    assert batch.entries == entries
    assert batch.stand == StandDetails("JATIM", "Stand JATIM", "Jawa Timur", "Pameran HANI",
                                       "Asia/Jakarta")
    assert (batch.first_seq, batch.prev_hash) == (1, GENESIS)
    assert (batch.last_seq, batch.last_hash) == (entries[-1].seq, entries[-1].hash)
    assert batch.event == EVENT and batch.count == len(entries)
    kinds = [e.kind for e in batch.entries]
    assert kinds.count("sale.completed") == 4
    assert "sale.voided" in kinds and "sale.refunded" in kinds
    totals = [json.loads(e.payload)["total"] for e in batch.entries if e.kind == "sale.completed"]
    assert totals == [620_000, 108_000, 85_000, 325_000]


def test_since_exports_only_the_later_entries_chained_to_the_one_before(
        stand: Stand, stick: Path) -> None:
    entries = journal_of(stand)
    batch = read_export(export(stand, stick, since=3), KEY)
    assert batch.entries == entries[3:]
    assert (batch.first_seq, batch.prev_hash) == (4, entries[2].hash)
    assert batch.last_hash == entries[-1].hash


def test_since_the_last_entry_is_an_empty_export_at_the_tip(stand: Stand, stick: Path) -> None:
    tip = journal_of(stand)[-1]
    batch = read_export(export(stand, stick, since=tip.seq), KEY)
    assert batch.entries == []
    assert (batch.first_seq, batch.last_seq) == (tip.seq + 1, tip.seq)
    assert batch.prev_hash == batch.last_hash == tip.hash


def test_since_past_the_journal_is_refused(stand: Stand, stick: Path) -> None:
    last = journal_of(stand)[-1].seq
    with pytest.raises(InvalidInput, match=f"has entries 1 to {last}"):
        export(stand, stick, since=last + 1)
    assert list(stick.iterdir()) == []


def test_a_folder_as_out_names_the_file_after_the_stand_and_slice(
        stand: Stand, stick: Path) -> None:
    last = journal_of(stand)[-1].seq
    result = export_journal(stand.handle.uow(write=False), stick, since=2)
    assert result.path == stick / f"JATIM-000003-{last:06d}.posexport"
    assert (result.count, result.event_id) == (last - 2, EVENT)
    assert read_export(result.path, KEY).first_seq == 3


def test_the_file_is_as_documented_and_an_outside_tool_can_check_it(
        stand: Stand, stick: Path) -> None:
    path = export(stand, stick)
    data = path.read_bytes()
    assert data.endswith(b"\n") and b"\r" not in data
    lines = data.decode("utf-8").split("\n")[:-1]
    header, entries, signature = json.loads(lines[0]), lines[1:-1], json.loads(lines[-1])
    assert header["format"] == "posapp-export" and header["version"] == 1
    assert header["event"] == EVENT and header["stand"]["code"] == "JATIM"
    assert header["count"] == len(entries) == header["last_seq"] - header["first_seq"] + 1
    prev = header["prev_hash"]
    for line in entries:
        e = json.loads(line)
        assert set(e) == {"seq", "stand", "at", "kind", "payload", "prev_hash", "hash"}
        assert line == json.dumps(e, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        material = {"prev": prev, "seq": e["seq"], "stand": e["stand"], "at": e["at"],
                    "kind": e["kind"], "payload": e["payload"]}
        text = json.dumps(material, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        assert e["prev_hash"] == prev
        assert e["hash"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
        prev = e["hash"]
    assert prev == header["last_hash"]
    body = data[: data.rindex(b"\n", 0, len(data) - 1) + 1]
    assert signature == {"hmac_sha256": hmac.new(KEY, body, hashlib.sha256).hexdigest()}


def test_the_key_never_appears_in_the_file(stand: Stand, stick: Path) -> None:
    data = export(stand, stick).read_bytes()
    written = format_key(KEY)
    for secret in (KEY, KEY.hex().encode(), written.encode(), written.replace("-", "").encode(),
                   written.replace("-", "").lower().encode()):
        assert secret not in data


def test_a_stand_without_the_key_cannot_export(jatim: Stand, stick: Path) -> None:
    sell(jatim, [("JTM-JLB-001", 1)], [Payment(CASH, 85_000)])
    with pytest.raises(NotAllowed) as exc:
        export(jatim, stick)
    assert exc.value.message == (
        "this stand has not joined the event yet: run 'posapp event join KEY'")
    assert list(stick.iterdir()) == []


def test_a_broken_journal_writes_nothing_and_keeps_the_old_file(
        stand: Stand, stick: Path) -> None:
    path = export(stand, stick)
    old = path.read_bytes()
    with stand.handle.uow() as uow:
        uow.connection.execute(update(JournalRow).where(JournalRow.seq == 4)
                               .values(payload='{"total":1}'))
        uow.commit()
    with pytest.raises(StorageError, match="journal breaks at entry 4"):
        export(stand, stick)
    assert path.read_bytes() == old
    assert list(stick.iterdir()) == [path]  # no temporary file left behind


def test_exporting_changes_nothing_in_the_stand(stand: Stand, stick: Path) -> None:
    before = dump_database(stand.path)
    export(stand, stick)
    assert dump_database(stand.path) == before


@given(st.text(), st.text(), st.integers(min_value=1, max_value=2**53))
def test_an_entry_line_is_the_canonical_json_of_its_fields(payload: str, at: str,
                                                           seq: int) -> None:
    e = Entry(seq, "JATIM", at, "sale.completed", payload, "ab" * 32, "cd" * 32)
    assert entry_line(e) == canonical_json(
        {"seq": e.seq, "stand": e.stand, "at": e.at, "kind": e.kind, "payload": e.payload,
         "prev_hash": e.prev_hash, "hash": e.hash})


# -- refusals --------------------------------------------------------------------------------


@pytest.mark.parametrize("content", [
    b"", b"sku,name,price\nJTM-1,Batik,450000\n", b"\x89PNG\r\n\x1a\n" + bytes(300),
    b'{"format":"something-else","version":1}\n',
], ids=["empty", "csv", "png", "other-json"])
def test_other_files_are_not_export_files(stick: Path, content: bytes) -> None:
    path = stick / "x.posexport"
    path.write_bytes(content)
    assert refusal(path) == " is not a posapp export file"


def test_a_missing_file_is_named(stick: Path) -> None:
    assert refusal(stick / "nope.posexport") == " cannot be read: No such file or directory"


def test_a_cut_off_file_says_how_far_it_got(stand: Stand, stick: Path) -> None:
    path = export(stand, stick)
    data = path.read_bytes()
    lines = lines_of(path)
    count = len(lines) - 2
    header_end = len(lines[0]) + 1
    cut = stick / "cut.posexport"
    for size in [*range(header_end, len(data), 53), len(data) - 1, len(data) - 40]:
        cut.write_bytes(data[:size])
        complete = data[:size].count(b"\n") - 1
        if complete < count:
            expected = (f" is cut off: it ends after {complete} of its {count} entries, "
                        "without its signature line; copy it again from the stand")
        else:
            expected = (" is cut off: its signature line at the end is missing; "
                        "copy it again from the stand")
        assert refusal(cut) == expected, size


def test_a_file_cut_inside_its_first_line_is_refused(stand: Stand, stick: Path) -> None:
    path = export(stand, stick)
    header = lines_of(path)[0]
    path.write_bytes(header[:-10])
    assert refusal(path) == " is cut off in its first line: copy it again from the stand"


def test_one_flipped_byte_anywhere_is_refused_as_changed(stand: Stand, stick: Path) -> None:
    path = export(stand, stick)
    data = path.read_bytes()
    header = data[: data.index(b"\n")]
    event_at = header.index(EVENT.encode())
    version_at = header.index(b'"version":1') + len(b'"version":')
    flipped = stick / "flipped.posexport"
    for i in range(len(data)):
        flipped.write_bytes(data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1:])
        reason = refusal(flipped)
        if event_at <= i < event_at + 8:  # the event id itself: names another event
            assert reason.startswith(" was made for another event (event id "), i
        elif i == version_at:
            assert reason.startswith(" is an export of format version 0"), i
        else:
            assert reason == CHANGED, (i, chr(data[i]), reason)


def test_data_appended_after_the_signature_is_refused(stand: Stand, stick: Path) -> None:
    path = export(stand, stick)
    path.write_bytes(path.read_bytes() + b'{"seq":99}\n')
    assert refusal(path) == (
        " has been changed after it was signed: there is data after its signature line")


def test_another_events_file_is_named_as_such(stand: Stand, stick: Path) -> None:
    path = export(stand, stick)
    assert refusal(path, OTHER_KEY) == (
        f" was made for another event (event id {EVENT}), "
        f"this central store is for event {OTHER_EVENT}")


def test_a_file_signed_with_another_key_is_refused(stand: Stand, stick: Path) -> None:
    path = export(stand, stick)
    resign(path, edit_header(lines_of(path)[:-1], event=OTHER_EVENT), key=KEY)
    assert refusal(path, OTHER_KEY) == CHANGED


def test_a_missing_entry_line_resigned_breaks_the_chain(stand: Stand, stick: Path) -> None:
    path = export(stand, stick)
    lines = lines_of(path)[:-1]
    del lines[3]  # entry 3
    resign(path, edit_header(lines, count=len(lines) - 1, last_seq=len(lines) - 1))
    assert refusal(path) == " has a break in its hash chain at entry 4: expected entry 3, found 4"


def test_reordered_entry_lines_resigned_break_the_chain(stand: Stand, stick: Path) -> None:
    path = export(stand, stick)
    lines = lines_of(path)[:-1]
    lines[2], lines[3] = lines[3], lines[2]
    resign(path, lines)
    assert refusal(path) == " has a break in its hash chain at entry 3: expected entry 2, found 3"


def test_a_missing_last_entry_resigned_is_named(stand: Stand, stick: Path) -> None:
    path = export(stand, stick)
    lines = lines_of(path)[:-1]
    last = len(lines) - 1
    resign(path, lines[:-1])
    assert refusal(path) == (
        f" ends at entry {last - 1}, but its header says it ends at entry {last}: "
        "entries are missing")
    resign(path, edit_header(lines[:-1], count=last - 1, last_seq=last - 1))
    assert refusal(path) == (
        f" ends at entry {last - 1} with another hash than its header names for it")


def test_an_altered_entry_resigned_is_caught_by_its_hash(stand: Stand, stick: Path) -> None:
    path = export(stand, stick)
    lines = lines_of(path)[:-1]
    lines[4] = lines[4].replace(b'\\"total\\":', b'\\"total\\":1', 1)
    resign(path, lines)
    assert refusal(path) == (
        " has a break in its hash chain at entry 4: its content does not match its hash "
        "(altered)")


def test_a_since_file_with_another_start_resigned_does_not_link(
        stand: Stand, stick: Path) -> None:
    path = export(stand, stick, since=2)
    resign(path, edit_header(lines_of(path)[:-1], prev_hash="ab" * 32))
    assert refusal(path) == (
        " has a break in its hash chain at entry 3: does not link to the entry before it")


def test_an_entry_of_another_stand_resigned_is_named(stand: Stand, stick: Path) -> None:
    path = export(stand, stick)
    lines = lines_of(path)[:-1]
    lines[2] = lines[2].replace(b'"stand":"JATIM"', b'"stand":"BALI"')
    resign(path, lines)
    assert refusal(path) == " holds entry 2 of stand BALI, but it is the export of stand JATIM"


def test_an_entry_line_that_is_not_an_entry_resigned_is_named(
        stand: Stand, stick: Path) -> None:
    path = export(stand, stick)
    lines = lines_of(path)[:-1]
    lines[2] = b'{"seq":"2"}'
    resign(path, lines)
    assert refusal(path) == " is not a valid posapp export: line 3 is not a journal entry"
