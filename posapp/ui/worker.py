"""Run slow work off the UI thread and hear back on it (in the spirit of Anki's QueryOp).

``fn`` runs in Qt's global thread pool and must not touch widgets; ``on_success``,
``on_failure`` and ``on_progress`` run on the UI thread, where widgets may be touched.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

Progress = Callable[[int, int], None]


class BackgroundOp(QObject):
    """One background call's messenger. It lives on the UI thread, so its signals, emitted by
    the worker, are delivered there (queued). ``finished`` comes after either callback."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(
        self,
        parent: QObject,
        on_success: Callable[[Any], None],
        on_failure: Callable[[Exception], None],
        on_progress: Progress | None,
    ) -> None:
        super().__init__(parent)
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_progress = on_progress
        self.running = True
        queued = Qt.ConnectionType.QueuedConnection
        self.progressed.connect(self._deliver_progress, queued)
        self.succeeded.connect(self._deliver_success, queued)
        self.failed.connect(self._deliver_failure, queued)

    @Slot(int, int)
    def _deliver_progress(self, done: int, total: int) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total)

    @Slot(object)
    def _deliver_success(self, result: object) -> None:
        try:
            self._on_success(result)
        finally:
            self._finish()

    @Slot(object)
    def _deliver_failure(self, exc: Exception) -> None:
        try:
            self._on_failure(exc)
        finally:
            self._finish()

    def _finish(self) -> None:
        self.running = False
        self.finished.emit()
        self.deleteLater()


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], op: BackgroundOp) -> None:
        super().__init__()
        self._fn = fn
        self._op = op

    def run(self) -> None:
        try:
            result = self._fn(self._progress)
        except Exception as exc:
            _emit(self._op.failed, exc)
        else:
            _emit(self._op.succeeded, result)

    def _progress(self, done: int, total: int) -> None:
        _emit(self._op.progressed, int(done), int(total))


def _emit(signal: Any, *args: object) -> None:
    # RuntimeError: the parent (a closed window) deleted the messenger, nobody listens.
    with contextlib.suppress(RuntimeError):
        signal.emit(*args)


def run_in_background(
    parent: QObject,
    fn: Callable[[Progress], Any],
    *,
    on_success: Callable[[Any], None],
    on_failure: Callable[[Exception], None],
    on_progress: Progress | None = None,
) -> BackgroundOp:
    """Run ``fn(progress)`` on a pool thread; ``progress(done, total)`` may be called from it.

    Every callback runs on the UI thread: ``on_progress`` for each progress call, then
    ``on_success(result)`` or ``on_failure(exc)``. Call from the UI thread. When *parent*
    is deleted first, the callbacks are dropped.
    """
    op = BackgroundOp(parent, on_success, on_failure, on_progress)
    QThreadPool.globalInstance().start(_Job(fn, op))
    return op
