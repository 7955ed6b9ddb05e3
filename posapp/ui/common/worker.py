"""Run slow work off the UI thread and hear back on it (in the spirit of Anki's QueryOp).

``fn`` runs in Qt's global thread pool and must not touch widgets; ``on_success``,
``on_failure`` and ``on_progress`` run on the UI thread, where widgets may be touched.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

Progress = Callable[[int, int], None]


class BackgroundOp(QObject):
    """One background call's handle on the UI thread (a child of *parent*): it runs the
    callbacks and emits ``finished`` after either of them. Workers never touch it: they
    post to the relay below, which hands their messages to the op if it still exists."""

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

    def _receive(self, kind: str, payload: Any) -> None:
        if kind == "progress":
            if self._on_progress is not None:
                self._on_progress(*payload)
            return
        try:
            (self._on_success if kind == "success" else self._on_failure)(payload)
        finally:
            self.running = False
            self.finished.emit()
            self.deleteLater()


class _Relay(QObject):
    """Lives as long as the app, so a worker always emits to an object that exists (a
    window closing meanwhile deletes its ops, never the relay); delivers on the UI thread."""

    message = Signal(int, str, object)  # op number, "progress" | "success" | "failure", data

    def __init__(self) -> None:
        super().__init__()
        self.ops: dict[int, BackgroundOp] = {}
        self.message.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(int, str, object)
    def _deliver(self, number: int, kind: str, payload: object) -> None:
        op = self.ops.get(number) if kind == "progress" else self.ops.pop(number, None)
        if op is not None and shiboken6.isValid(op):  # its window may be gone: then drop it
            op._receive(kind, payload)


_relay: _Relay | None = None
_numbers = itertools.count(1)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], relay: _Relay, number: int) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay
        self._number = number

    def run(self) -> None:
        try:
            result = self._fn(self._progress)
        except Exception as exc:
            self._relay.message.emit(self._number, "failure", exc)
        else:
            self._relay.message.emit(self._number, "success", result)

    def _progress(self, done: int, total: int) -> None:
        self._relay.message.emit(self._number, "progress", (int(done), int(total)))


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
    global _relay
    if _relay is None:
        _relay = _Relay()
    op = BackgroundOp(parent, on_success, on_failure, on_progress)
    number = next(_numbers)
    _relay.ops[number] = op
    QThreadPool.globalInstance().start(_Job(fn, _relay, number))
    return op
