"""Exporting the stand's journal to a file signed with the event key (for a USB stick)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from posapp.domain.errors import InvalidInput
from posapp.domain.event_key import fingerprint
from posapp.domain.journal import GENESIS
from posapp.printing.report_files import remove_leftovers
from posapp.services import event, journal, stand
from posapp.store.models import JournalRow
from posapp.store.uow import UnitOfWork
from posapp.sync.export_file import SUFFIX, ExportHeader, StandDetails, write_export


@dataclass(frozen=True)
class ExportResult:
    """The file written and the slice of the journal in it."""

    path: Path
    stand: str
    event_id: str
    first_seq: int
    last_seq: int

    @property
    def count(self) -> int:
        return self.last_seq - self.first_seq + 1


def export_journal(uow: UnitOfWork, out: Path, *, since: int = 0) -> ExportResult:
    """Write the entries after *since* to *out* (a file, or a folder to name it in)."""
    with uow:
        key = event.require_key(uow)
        info = stand.load(uow)
        session = uow.session
        tip = session.execute(
            select(JournalRow.seq, JournalRow.hash).order_by(JournalRow.seq.desc()).limit(1)
        ).first()
        last_seq, last_hash = (tip.seq, tip.hash) if tip else (0, GENESIS)
        if not 0 <= since <= last_seq:
            raise InvalidInput("export.since_out_of_range", stand=info.code, last=last_seq,
                               since=since)
        prev_hash = (
            session.scalar(select(JournalRow.hash).where(JournalRow.seq == since))
            if since else GENESIS
        )
        if prev_hash is None:
            raise InvalidInput("export.entry_missing", seq=since, stand=info.code)
        header = ExportHeader(
            event=fingerprint(key),
            stand=StandDetails(info.code, info.name, info.province, info.event_name,
                               info.timezone),
            first_seq=since + 1, last_seq=last_seq, prev_hash=prev_hash, last_hash=last_hash,
            created_at=uow.clock().isoformat(timespec="seconds") + "Z",
        )
        path = out / default_file_name(header) if out.is_dir() else out
        # the temp files of this stand's exports that never finished, whatever their slice
        remove_leftovers(path.parent, f".{info.code}-" if out.is_dir() else f".{path.name}.")
        write_export(path, key, header, journal.iter_entries(session, since=since))
    return ExportResult(path, info.code, header.event, header.first_seq, header.last_seq)


def default_file_name(header: ExportHeader) -> str:
    """``JATIM-000001-000123.posexport``: the stand and its slice of the journal."""
    return f"{header.stand.code}-{header.first_seq:06d}-{header.last_seq:06d}{SUFFIX}"
