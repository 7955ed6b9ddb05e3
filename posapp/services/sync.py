"""Sync: send a stand's journal entries that the central store does not have yet.

Idempotent (a second run sends nothing) and all or nothing (a conflict or a broken chain
applies nothing). The first stand to write records its event in the store; a stand that
joined another event is refused, the store left as it was. The outcome, good or bad, is
kept in the stand's ``sync.last`` setting so the window can show when it last synced and
how that went.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

from posapp.domain.errors import NotAllowed, PosError
from posapp.domain.messages import Message, from_data, to_data
from posapp.services import event, journal, settings, stand
from posapp.store.uow import UnitOfWork, utc_now

if TYPE_CHECKING:  # the central store's tables load when a sync runs, not with the window
    from posapp.sync.central_store import Central

log = logging.getLogger(__name__)

UowFactory = Callable[..., UnitOfWork]
Progress = Callable[[int, int], None]  # as posapp.sync.central_apply's
LAST_SYNC_KEY = "sync.last"


@dataclass(frozen=True)
class SyncResult:
    stand: str
    sent: int
    last_seq: int
    central: str


@dataclass(frozen=True)
class SyncState:
    """The last sync as the stand remembers it: when, whether it worked, and the message."""

    at: datetime
    ok: bool
    central: str
    sent: int = 0
    message: str = ""  # why it failed, in English (the log, the command line)
    reason: Message | None = None  # why it failed, to say in the user's language (None when
    #                                it did not, or for a state kept before message ids)


def sync_stand(uow: UowFactory, target: str, *, progress: Progress | None = None,
               clock: Callable[[], datetime] = utc_now) -> SyncResult:
    """Send the stand's new journal entries to the central store at *target*."""
    from posapp.sync.central_store import Central

    central_label = target
    try:
        with Central(target) as central:
            central_label = central.label
            result = _send(uow, central, progress, clock)
    except PosError as exc:
        log.warning("sync to %s failed: %s", central_label, exc.message)
        _remember(uow, SyncState(clock(), False, central_label, message=exc.message,
                                 reason=Message(exc.code, dict(exc.values))))
        raise
    log.info("sync of stand %s to %s: %d entries sent (up to %d)", result.stand,
             result.central, result.sent, result.last_seq)
    _remember(uow, SyncState(clock(), True, result.central, result.sent))
    return result


def _send(uow: UowFactory, central: Central, progress: Progress | None,
          clock: Callable[[], datetime]) -> SyncResult:
    from posapp.sync.central_apply import StandDetails, SyncConflict, apply_entries, stand_state
    from posapp.sync.central_store import claim_event

    ours = event.event_id(uow(write=False))
    with central.writing() as conn:
        read = uow(write=False)
        with read:
            info = stand.load(read)
            # the first writer records the store's event; a stand of another is refused
            theirs = claim_event(conn, ours, info.code)
            if ours and theirs and ours != theirs:
                raise NotAllowed("sync.other_event", ours=ours, target=central.label,
                                 theirs=theirs)
            last_seq, _ = stand_state(conn, info.code)
            entries = list(journal.iter_entries(read.session, since=max(0, last_seq - 1)))
            own_last = read.session.scalar(select(journal.LAST_SEQ)) or 0
        if own_last < last_seq:
            raise SyncConflict("sync.central_ahead", seq=last_seq, stand=info.code,
                               own=own_last)
        details = StandDetails(info.code, info.name, info.province, info.event_name,
                               info.timezone)
        result = apply_entries(conn, details, entries, how="sync", now=clock(),
                               progress=progress)
    return SyncResult(info.code, result.applied, result.last_seq, central.label)


def last_sync(uow: UnitOfWork) -> SyncState | None:
    """The stand's last sync, or None when it never synced."""
    data = settings.read_note(uow, LAST_SYNC_KEY)
    try:
        return None if data is None else SyncState(
            datetime.fromisoformat(data["at"]), bool(data["ok"]), data["central"],
            int(data.get("sent", 0)), data.get("message", ""), from_data(data.get("reason")))
    except (ValueError, KeyError, TypeError):
        return None


def _remember(uow: UowFactory, state: SyncState) -> None:
    settings.write_note(uow, LAST_SYNC_KEY, {
        "at": state.at.isoformat(), "ok": state.ok, "central": state.central,
        "sent": state.sent, "message": state.message,
        "reason": to_data(state.reason) if state.reason is not None else None})
