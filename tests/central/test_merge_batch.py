"""One evening's merge: 34 export files given in a shuffled order, in one command.

17 stands each bring their journal in two files, the second made with ``--since``; the
files are made from one real stand's journal, re-chained under each stand's code (small
and fast: a shift and two sales each)."""

from __future__ import annotations

import random
import re
import uuid
from collections.abc import Callable
from pathlib import Path

from posapp.domain.event_key import fingerprint, new_key, parse_key
from posapp.domain.journal import GENESIS, Entry, entry_hash
from posapp.domain.tender import Payment
from posapp.services import central_totals
from posapp.sync.central_store import Central
from posapp.sync.export_file import ExportHeader, StandDetails, write_export
from tests.central.stands import CASH, journal_of, sell
from tests.conftest import CliResult, Stand

Cli = Callable[..., CliResult]
KEY = new_key()
CODES = [f"S{n:02d}" for n in range(1, 18)]
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def rechained(entries: list[Entry], code: str) -> list[Entry]:
    """*entries* (stand JATIM's) as stand *code*'s journal: its code, UUIDs, hashes."""
    out, prev = [], GENESIS
    for e in entries:
        payload = UUID.sub(lambda m: str(uuid.uuid5(uuid.NAMESPACE_URL, code + m[0])),
                           e.payload.replace("JATIM", code))
        h = entry_hash(prev, e.seq, code, e.at, e.kind, payload)
        out.append(Entry(e.seq, code, e.at, e.kind, payload, prev, h))
        prev = h
    return out


def export_files(entries: list[Entry], code: str, folder: Path) -> list[Path]:
    """Stand *code*'s journal in two files: all of it up to the middle, then the rest."""
    key = parse_key(KEY)
    middle = len(entries) // 2
    files = []
    for part in (entries[:middle], entries[middle:]):
        header = ExportHeader(
            fingerprint(key), StandDetails(code, f"Stan {code}", "Jawa Timur", "HANI 2026",
                                           "Asia/Jakarta"),
            part[0].seq, part[-1].seq, part[0].prev_hash, part[-1].hash,
            "2026-06-26T10:00:00Z")
        files.append(write_export(folder / f"{code}-{part[0].seq:06d}.posexport", key,
                                  header, part))
    return files


def test_34_files_in_a_shuffled_order_merge_in_one_command_with_one_summary_line(
        cli: Cli, jatim: Stand, central_url: str, tmp_path: Path) -> None:
    for _ in range(2):
        sell(jatim, [("JTM-JLB-001", 1)], [Payment(CASH, 85_000)])
    journal = journal_of(jatim)
    folder = tmp_path / "usb"
    folder.mkdir()
    files = [p for code in CODES for p in export_files(rechained(journal, code), code, folder)]
    assert len(files) == 34
    random.Random(13).shuffle(files)
    assert any(files.index(later) < files.index(later.with_name(f"{later.name[:3]}-000001"
                                                                 ".posexport"))
               for later in files if not later.name.endswith("-000001.posexport"))

    done = cli("merge", "--central", central_url, "--key-stdin", *map(str, files),
               stdin=f"{KEY}\n")

    assert done.code == 0, done.err
    assert done.err == ""
    lines = done.out.strip().splitlines()
    assert len(lines) == 35  # one per file, then the summary
    assert lines[-1] == (f"34 files: 34 merged ({len(journal) * 17} entries added), "
                         "0 already merged, 0 refused")
    assert lines[0].startswith(f"{folder / 'S01-000001.posexport'}: stand S01")  # in order
    with Central(central_url) as central:
        stands = central_totals.stand_totals(central)
    assert [s.code for s in stands] == CODES
    assert {s.totals.net for s in stands} == {2 * 85_000}

    again = cli("merge", "--central", central_url, *map(str, reversed(files)))
    assert again.code == 0  # the key is kept on this computer since the first merge
    assert again.out.strip().splitlines()[-1] == (
        "34 files: 0 merged (0 entries added), 34 already merged, 0 refused")


def test_a_wrong_key_is_said_once_for_the_whole_batch(
        cli: Cli, jatim: Stand, central_url: str, tmp_path: Path) -> None:
    journal = journal_of(jatim)
    files = [p for code in CODES[:5] for p in export_files(rechained(journal, code), code,
                                                           tmp_path)]
    assert cli("merge", "--central", central_url, "--key-stdin", str(files[0]),
               stdin=f"{KEY}\n").code == 0
    other = new_key()

    done = cli("merge", "--central", central_url, "--key-stdin", *map(str, files),
               stdin=f"{other}\n")

    assert done.code == 1 and done.out == ""
    assert done.err.strip().splitlines() == [
        f"posapp: this central store belongs to event {fingerprint(parse_key(KEY))}; the key "
        f"given is for event {fingerprint(parse_key(other))}"]


def test_the_key_on_the_command_line_is_refused_with_the_way_to_give_it(
        cli: Cli, jatim: Stand, central_url: str, tmp_path: Path) -> None:
    files = export_files(rechained(journal_of(jatim), "S01"), "S01", tmp_path)
    done = cli("merge", "--central", central_url, "--key", KEY, *map(str, files))
    assert done.code == 1 and done.out == ""
    (line,) = done.err.strip().splitlines()
    assert "--key-stdin" in line and KEY not in line
