"""Merge: apply stands' export files to the central store, each file all or nothing.

The central store keeps the event key it was first given (the organizers' file: keep it
with them); every file must be signed with it. A file is read and checked outside the lock
(signature, completeness, chain), then applied under the lock, where its continuity with
what the store already has is checked. Merging a file twice changes nothing.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, select

from posapp.domain.errors import NotAllowed, PosError
from posapp.domain.event_key import fingerprint, format_key, parse_key
from posapp.domain.journal import GENESIS
from posapp.domain.messages import N_
from posapp.store.uow import utc_now
from posapp.sync import central_schema as cs
from posapp.sync.central_apply import Progress, apply_entries, stand_state
from posapp.sync.central_store import EVENT_META, KEY_META, Central, get_meta, set_meta
from posapp.sync.export_file import read_export, read_export_header

log = logging.getLogger(__name__)

#: The refusal before a central store's first merge (callers compare ``exc.code``).
NO_KEY = N_("merge.no_key")


@dataclass(frozen=True)
class MergeResult:
    path: Path
    stand: str
    applied: int  # new entries
    skipped: int  # entries the store already had
    last_seq: int


def needs_key(target: str) -> bool:
    """True when the central store at *target* has no event key yet (or does not exist)."""
    with Central(target) as central, central.writing() as conn:
        return get_meta(conn, KEY_META) is None


def merge_file(target: str, path: Path, *, key: str | None = None,
               progress: Progress | None = None,
               clock: Callable[[], datetime] = utc_now) -> MergeResult:
    """Check and apply one export file; a PosError with the reason when it is refused."""
    with Central(target) as central:
        secret, is_new = _key_for(central, key)
        known = None if is_new else _already_held(central, Path(path), secret)
        if known is not None:
            return known
        batch = read_export(path, secret)
        with central.writing() as conn:
            if is_new:  # kept only now that a file signed with it checked out
                _store_key(conn, secret)
            result = apply_entries(conn, batch.stand, batch.entries, how="merge", now=clock(),
                                   chain_checked=True, progress=progress)
    return MergeResult(Path(path), result.stand, result.applied, result.skipped,
                       result.last_seq)


def _already_held(central: Central, path: Path, key: bytes) -> MergeResult | None:
    """The result of merging *path* again, when the store holds all of it already.

    Checked by its signature and the hashes at both ends of its slice, which the store's
    own chain links: the entries in between cannot differ without breaking SHA-256. This
    spares parsing and re-checking every entry of every file merged a second time.
    """
    peek = _peek(path)
    if peek is None:
        return None
    with central.reading() as conn:
        if stand_state(conn, peek[0])[0] < peek[1]:
            return None
    header = read_export_header(path, key)
    code = header.stand.code
    with central.reading() as conn:
        last_seq, _ = stand_state(conn, code)
        if header.last_seq > last_seq or header.count <= 0:
            return None
        ends = dict(conn.execute(
            select(cs.journal_entry.c.seq, cs.journal_entry.c.hash).where(
                cs.journal_entry.c.stand == code,
                cs.journal_entry.c.seq.in_([header.first_seq - 1, header.last_seq]))
        ).all())
    ends[0] = GENESIS
    if ends.get(header.first_seq - 1) != header.prev_hash or \
            ends.get(header.last_seq) != header.last_hash:
        return None  # read it whole: the apply names the conflict
    return MergeResult(path, code, 0, header.count, last_seq)


def _peek(path: Path) -> tuple[str, int] | None:
    """The stand and last seq an export file's first line claims (not yet checked)."""
    try:
        with path.open("rb") as f:
            raw = json.loads(f.readline(64 * 1024))
        return str(raw["stand"]["code"]), int(raw["last_seq"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def merge_files(target: str, paths: Sequence[Path], *, key: str | None = None,
                progress: Progress | None = None) -> list[MergeResult | PosError]:
    """Merge each file in turn; one refused file does not stop the others."""
    results: list[MergeResult | PosError] = []
    for path in paths:
        try:
            done = merge_file(target, path, key=key, progress=progress)
            log.info("merge of %s: stand %s, %d new entries", path, done.stand, done.applied)
            results.append(done)
        except PosError as exc:
            log.warning("merge of %s refused: %s", path, exc.message)
            results.append(exc)
    return results


def event_key(central: Central) -> bytes:
    """The central store's event key; refused before its first merge."""
    return _key_for(central, None)[0]


def _key_for(central: Central, typed: str | None) -> tuple[bytes, bool]:
    """The key to check files with, and whether the store does not hold it yet."""
    given = parse_key(typed) if typed else None
    with central.writing() as conn:
        stored_text = get_meta(conn, KEY_META)
    if stored_text is None:
        if given is None:
            raise NotAllowed(NO_KEY)
        return given, True
    stored = parse_key(stored_text)
    if given is not None and given != stored:
        raise NotAllowed("merge.wrong_event", ours=fingerprint(stored),
                         theirs=fingerprint(given))
    return stored, False


def _store_key(conn: Connection, key: bytes) -> None:
    stored_text = get_meta(conn, KEY_META)
    if stored_text is None:
        set_meta(conn, KEY_META, format_key(key))
        set_meta(conn, EVENT_META, fingerprint(key))
    elif parse_key(stored_text) != key:  # another organizer merged first, with another key
        theirs = fingerprint(parse_key(stored_text))
        raise NotAllowed("merge.wrong_event", ours=theirs, theirs=fingerprint(key))
