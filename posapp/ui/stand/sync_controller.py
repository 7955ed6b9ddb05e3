"""Sync from the stand window: in the background, one at a time, the outcome for the status bar.

The sync reads the stand's database in connections of its own (a read transaction, which
SQLite's WAL lets run beside a sale being committed) and writes only its outcome at the end,
so the cashier keeps selling while it runs. A refusal is one line, never a traceback.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QObject, Signal

from posapp.domain.errors import NotFound, PosError
from posapp.domain.messages import N_
from posapp.services.session.stand import StandSession
from posapp.services.sync import SyncResult, SyncState
from posapp.ui.common.errors import kept, said
from posapp.ui.common.worker import BackgroundOp, Progress, run_in_background

# The id of what ``sync_now`` raises when the stand has no central store set.
NO_CENTRAL = N_("sync.no_central")


class SyncController(QObject):
    """Runs the sync desk's ``run`` for one stand window and keeps its last outcome."""

    changed = Signal()  # state, progress or busy changed: the status bar reads status_text()
    finished = Signal(object)  # the SyncResult, or the exception it failed with

    def __init__(self, session: StandSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.state: SyncState | None = self._stored_state()
        self.progress: tuple[int, int] | None = None
        self._running: BackgroundOp | None = None
        self._again = False  # asked again while running: one more sync when this one ends

    @property
    def busy(self) -> bool:
        return self._running is not None

    def target(self) -> str:
        """The central store in the stand's settings ("" when none is set)."""
        return self.session.sync.target()

    def sync_now(self) -> None:
        """Start a sync (or, while one runs, one more after it); NotFound without a target."""
        target = self.target()
        if not target:
            raise NotFound(NO_CENTRAL)
        if self._running is not None:
            self._again = True
            return
        desk = self.session.sync

        def work(progress: Progress) -> SyncResult:
            return desk.run(target, progress)

        self.progress = None
        self._running = run_in_background(self, work, on_success=self._done,
                                          on_failure=self._failed, on_progress=self._progressed)
        self.changed.emit()

    def after_shift_close(self) -> bool:
        """Sync when a central store is set (a shift was just closed); True when started."""
        try:
            self.sync_now()
        except PosError:
            return False  # no central store (or the settings cannot be read): nothing to do
        return True

    # -- outcomes -----------------------------------------------------------------------------
    def _progressed(self, done: int, total: int) -> None:
        self.progress = (done, total)
        self.changed.emit()

    def _done(self, result: SyncResult) -> None:
        stored = self._stored_state()  # what the sync remembered, unless the stand was busy
        self.state = stored if stored is not None and stored.ok \
            and stored.sent == result.sent else SyncState(
                self.session.now(), True, result.central, result.sent)
        self._end(result)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, PosError):
            message = exc.message
        else:  # a surprise: one line, the traceback stays out of the window
            message = " ".join(str(exc).split()) or type(exc).__name__
        stored = self._stored_state()
        self.state = stored if stored is not None and not stored.ok \
            and stored.message == message else SyncState(
                self.session.now(), False, self.target_label(), message=message,
                reason=kept(exc))
        self._end(exc)

    def target_label(self) -> str:
        try:
            return self.target()
        except PosError:
            return ""

    def _end(self, outcome: object) -> None:
        self._running = None
        self.progress = None
        self.changed.emit()
        self.finished.emit(outcome)
        if self._again:
            self._again = False
            self.after_shift_close()

    def _stored_state(self) -> SyncState | None:
        try:
            return self.session.sync.last()
        except PosError:
            return None

    # -- the status bar -----------------------------------------------------------------------
    def status_text(self) -> str:
        """"Never synced", "Synced 14:05 ✓ (12 entries)", "Sync failed 14:05" (the reason in
        failure_text), or
        "Syncing…" while it runs; times in the event's time zone."""
        if self.busy:
            if self.progress is not None and self.progress[1] > 0:
                done, total = self.progress
                return self.tr("Syncing… {percent}%").format(percent=done * 100 // total)
            return self.tr("Syncing…")
        state = self.state
        if state is None:
            return self.tr("Never synced")
        time = self._local_time(state.at)
        if not state.ok:  # the reason is on the selling screen's strip (failure_text)
            return self.tr("Sync failed {time}").format(time=time)
        if state.sent == 1:
            return self.tr("Synced {time} ✓ (1 entry)").format(time=time)
        return self.tr("Synced {time} ✓ ({n} entries)").format(time=time, n=state.sent)

    def failure_text(self) -> str:
        """The last sync failed: when and why in full, for the selling screen's strip;
        else "" (kept while the next try runs)."""
        state = self.state
        if state is None or state.ok:
            return ""
        return self.tr("Sync failed {time}: {reason}").format(
            time=self._local_time(state.at), reason=said(state.reason, state.message))

    def _local_time(self, at: datetime) -> str:
        """HH:MM in the event's time zone, with the date when it was not today."""
        zone = self.session.info.zone
        local = at.replace(tzinfo=UTC).astimezone(zone)
        today = self.session.now().replace(tzinfo=UTC).astimezone(zone).date()
        return local.strftime("%H:%M" if local.date() == today else "%d-%m-%Y %H:%M")
