"""Backups from the stand window: after each sale and each shift close, in the background,
one at a time; the last outcome for the status bar.

The copy reads the stand's database through SQLite's online backup API in a connection of
its own (beside a sale being committed, as WAL allows), so the cashier never waits for it.
A missing, read-only or full folder is a warning in the status bar, never a stopped sale.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from posapp.domain.errors import PosError
from posapp.services.backup import BackupState
from posapp.services.session.stand import StandSession
from posapp.ui.common.errors import kept, said
from posapp.ui.common.worker import BackgroundOp, run_in_background

log = logging.getLogger(__name__)


class BackupController(QObject):
    """Runs the backup desk's ``run`` for one stand window and keeps its last outcome."""

    changed = Signal()  # state or busy changed: the status bar reads status_text()
    finished = Signal(object)  # the copy's Path, None when none was due, or the exception

    def __init__(self, session: StandSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._folder = ""
        self.reload()
        self.state: BackupState | None = self._stored_state()
        self._running: BackgroundOp | None = None
        self._forced = False  # the running request makes a copy whether due or not
        self._queued: bool | None = None  # asked while running: once more after it (force?)

    @property
    def busy(self) -> bool:
        return self._running is not None

    def folder(self) -> str:
        """The stand's backup folder ("" when none is set, or the settings cannot be read),
        as read at start or at the last ``reload``: the status bar asks for it often, and a
        sale should not cost a settings read each time."""
        return self._folder

    def reload(self) -> None:
        """Read the backup folder again (the settings were saved)."""
        try:
            self._folder = self.session.backup.folder()
        except PosError:
            self._folder = ""

    # -- requests -----------------------------------------------------------------------------
    def after_sale(self) -> None:
        """A copy if one is due (every few sales) and a backup folder is set."""
        self.request(force=False)

    def after_shift_close(self) -> None:
        """A copy whether due or not (a shift was just closed), if a backup folder is set."""
        self.request(force=True)

    def request(self, *, force: bool) -> None:
        """Start a backup in the background; while one runs, one more after it (a forced
        request wins over one that is not)."""
        if self._running is not None:
            self._queued = force or bool(self._queued)
            return
        if not self.folder():  # nothing to copy to: no worker started for nothing
            self.finished.emit(None)
            return
        desk = self.session.backup

        def work(_progress: object) -> Path | None:
            return desk.run(force=force)

        self._forced = force
        self._running = run_in_background(self, work, on_success=self._done,
                                          on_failure=self._failed)
        self.changed.emit()

    # -- outcomes -----------------------------------------------------------------------------
    def _done(self, made: Path | None) -> None:
        if made is not None:
            stored = self._stored_state()  # what backup_now remembered, unless the stand was busy
            self.state = stored if stored is not None and stored.ok \
                and stored.path == str(made) else BackupState(
                    self.session.now(), True, str(made), 0)
        self._end(made)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, PosError):
            message = exc.message
        else:  # a surprise: logged whole, one line in the window
            log.error("backup of stand %s failed", self.session.code, exc_info=exc)
            message = " ".join(str(exc).split()) or type(exc).__name__
        stored = self._stored_state()
        self.state = stored if stored is not None and not stored.ok \
            and stored.message == message else BackupState(
                self.session.now(), False, self.folder(), 0, message, kept(exc))
        self._end(exc)

    def _end(self, outcome: object) -> None:
        self._running = None
        self._forced = False
        self.changed.emit()
        self.finished.emit(outcome)
        if self._queued is not None:
            force, self._queued = self._queued, None
            self.request(force=force)

    def _stored_state(self) -> BackupState | None:
        try:
            return self.session.backup.last()
        except PosError:
            return None

    # -- the status bar -----------------------------------------------------------------------
    def failed(self) -> bool:
        """The last backup failed (and a folder is still set): the status bar warns."""
        return self.state is not None and not self.state.ok and bool(self.folder())

    def status_text(self) -> str:
        """"Backup: not set", "Backup 14:05 ✓", "Backup failed 14:05" (the reason in
        failure_text), or
        "Backing up…" while a copy asked for is made; times in the event's time zone."""
        if not self.folder():
            return self.tr("Backup: not set")
        if self.busy and self._forced:
            return self.tr("Backing up…")
        state = self.state
        if state is None:
            return self.tr("Backup: none yet")
        time = self._local_time(state.at)
        if not state.ok:  # the reason is on the selling screen's strip (failure_text)
            return self.tr("Backup failed {time}").format(time=time)
        return self.tr("Backup {time} ✓").format(time=time)

    def failure_text(self) -> str:
        """The last backup failed: when and why in full, for the selling screen's strip;
        else "" (kept while the next try runs)."""
        state = self.state
        if state is None or state.ok or not self.folder():
            return ""
        return self.tr("Backup failed {time}: {reason}").format(
            time=self._local_time(state.at), reason=said(state.reason, state.message))

    def _local_time(self, at: datetime) -> str:
        """HH:MM in the event's time zone, with the date when it was not today."""
        zone = self.session.info.zone
        local = at.replace(tzinfo=UTC).astimezone(zone)
        today = self.session.now().replace(tzinfo=UTC).astimezone(zone).date()
        return local.strftime("%H:%M" if local.date() == today else "%d-%m-%Y %H:%M")
