"""Keeping the stand's data safe: syncs to the central store and backups to a second folder.

Both are slow work the window runs on a background thread (``run``); both remember their
last outcome in the stand's database, which ``last`` reads.
"""

from __future__ import annotations

from pathlib import Path

from posapp.services import backup, settings, sync
from posapp.services.backup import BackupState
from posapp.services.session.base import Desk, Progress
from posapp.services.sync import SyncResult, SyncState


class SyncDesk(Desk):
    def target(self) -> str:
        """The central store in the stand's settings ("" when none is set)."""
        return settings.get(self.read()).central

    def run(self, target: str, progress: Progress | None = None) -> SyncResult:
        """Send the entries *target* has not seen yet (slow: for a background thread)."""
        return sync.sync_stand(self.handle.uow, target, progress=progress,
                               clock=self.handle.clock)

    def last(self) -> SyncState | None:
        return sync.last_sync(self.read())


class BackupDesk(Desk):
    def folder(self) -> str:
        """The backup folder in the stand's settings ("" when none is set)."""
        return settings.get(self.read()).backup_folder

    def run(self, *, force: bool) -> Path | None:
        """A copy to the backup folder if one is due (or *force*); the copy's path, or None
        when none was due (slow: for a background thread)."""
        return backup.maybe_backup(self.handle.uow, self.handle.code, self.handle.path,
                                   force=force)

    def last(self) -> BackupState | None:
        return backup.last_backup(self.read())
