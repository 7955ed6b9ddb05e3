"""run_in_background: the work runs on another thread, every callback on the UI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from posapp.domain.errors import InvalidInput
from posapp.ui.common.worker import Progress, run_in_background


def test_success_and_progress_arrive_on_the_ui_thread(qtbot: QtBot) -> None:
    parent = QObject()
    ui_thread = threading.get_ident()
    seen: dict[str, object] = {}
    progress_calls: list[tuple[int, int, int]] = []

    def work(progress: Progress) -> int:
        seen["work_thread"] = threading.get_ident()
        for done in range(4):
            progress(done, 3)
        return 42

    def succeeded(result: object) -> None:
        seen["result"] = result
        seen["success_thread"] = threading.get_ident()

    op = run_in_background(
        parent, work, on_success=succeeded, on_failure=lambda exc: seen.update(failure=exc),
        on_progress=lambda d, t: progress_calls.append((d, t, threading.get_ident())))
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass

    assert seen["result"] == 42
    assert "failure" not in seen
    assert seen["work_thread"] != ui_thread
    assert seen["success_thread"] == ui_thread
    assert progress_calls == [(d, 3, ui_thread) for d in range(4)]


def test_failure_arrives_on_the_ui_thread_with_the_exception(qtbot: QtBot) -> None:
    parent = QObject()
    failures: list[tuple[Exception, int]] = []
    successes: list[object] = []

    def work(progress: Progress) -> None:
        progress(0, 1)
        raise InvalidInput("the file is empty")

    run_in_background(parent, work, on_success=successes.append,
                      on_failure=lambda exc: failures.append((exc, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)

    (exc, thread), = failures
    assert isinstance(exc, InvalidInput) and str(exc) == "the file is empty"
    assert thread == threading.get_ident()
    assert successes == []


def test_callbacks_are_dropped_when_the_parent_is_gone(qtbot: QtBot) -> None:
    parent = QObject()
    release = threading.Event()
    finished = threading.Event()
    calls: list[object] = []

    def work(progress: Progress) -> str:
        release.wait(5)
        progress(1, 1)
        finished.set()
        return "late"

    run_in_background(parent, work, on_success=calls.append, on_failure=calls.append,
                      on_progress=lambda d, t: calls.append((d, t)))
    parent.deleteLater()
    qtbot.waitUntil(lambda: _deleted(parent), timeout=5000)
    release.set()
    assert finished.wait(5)
    qtbot.wait(50)
    assert calls == []


def _deleted(obj: QObject) -> bool:
    try:
        obj.objectName()
    except RuntimeError:
        return True
    return False


def test_windows_closing_while_their_workers_report_drop_the_reports(qtbot: QtBot) -> None:
    """Workers keep reporting while the windows that asked are deleted: nothing reaches a
    deleted window and nothing crashes (the workers post to a relay that outlives them)."""
    from PySide6.QtCore import QThreadPool

    parents = [QObject() for _ in range(QThreadPool.globalInstance().maxThreadCount())]
    running = threading.Barrier(len(parents) + 1, timeout=5)
    stop = threading.Event()
    calls: list[object] = []

    def work(progress: Progress) -> int:
        running.wait()
        done = 0
        while not stop.is_set():
            progress(done, 0)
            done += 1
        return done

    for parent in parents:
        run_in_background(parent, work, on_success=calls.append, on_failure=calls.append,
                          on_progress=lambda d, t: None)
    running.wait()  # every worker is emitting now
    for parent in parents:
        parent.deleteLater()
    qtbot.waitUntil(lambda: all(_deleted(p) for p in parents), timeout=5000)
    stop.set()
    QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(100)
    assert calls == []
