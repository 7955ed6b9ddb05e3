"""Backups from the real stand window on a real stand database: copies made while selling
(and at a shift close) hold the sales; a USB stick pulled out mid-shift or full is a warning
in the status bar (English and Indonesian), never a stopped sale; plugged back in, the next
copy is made. The copies run in the background, one at a time."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from dataclasses import replace
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from posapp.services import backup, history, settings
from posapp.services.backup import BackupProblem
from posapp.services.session.stand import StandSession
from posapp.ui.common.i18n import Languages
from posapp.ui.common.pin_prompt import PinPrompt
from posapp.ui.setup.settings_dialog import SettingsDialog
from posapp.ui.stand.backup_controller import BackupController
from posapp.ui.stand.window import StandWindow
from tests.conftest import BUDI, CASHIER, CASHIER_PIN, SUPERVISOR, SUPERVISOR_PIN, Stand
from tests.ui.test_stand_window import logged_in

HIJAB = "JTM-JLB-001"  # Rp 85.000, 20 in stock
WAIT_MS = 20_000


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def use_backups(stand: Stand, folder: Path, *, every: int = 1, keep: int = 30) -> None:
    current = settings.get(stand.handle.uow(write=False))
    settings.save(stand.handle.uow(), replace(current, backup_folder=str(folder),
                                              backup_every=every, backup_keep=keep), approval=BUDI)


def sales_in(copy: Path) -> int:
    """The sales a copy holds (it opens as an SQLite database and checks out whole)."""
    conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return int(conn.execute("SELECT COUNT(*) FROM sale").fetchone()[0])
    finally:
        conn.close()


def copies(folder: Path) -> list[int]:
    """The sales in each of the stand's copies in *folder*, oldest first."""
    return [sales_in(c) for c in backup.backups_in(folder, "JATIM")]


def pay(qtbot: QtBot, w: StandWindow) -> None:
    """A painted hijab in the cart, paid in cash (the Pay button, Rp 85.000 received)."""
    w.selling.add_code(HIJAB)
    qtbot.mouseClick(w.selling.pay, Qt.MouseButton.LeftButton)
    cash = w.payment.findChild(QLineEdit, "cashReceivedInput")
    assert cash is not None and cash.isVisible()
    qtbot.keyClicks(cash, "85.000")
    qtbot.keyClick(cash, Qt.Key.Key_Return)
    assert w.payment.is_paid()
    qtbot.keyClick(w.payment.focusWidget() or w.payment, Qt.Key.Key_Return)  # the next sale
    assert w.pages.currentWidget() is w.selling


def sell(qtbot: QtBot, w: StandWindow) -> Any:
    """One sale in the window; what the backup after it came to (the copy's path, None
    when none was due, or the exception)."""
    with qtbot.waitSignal(w.backups.finished, timeout=WAIT_MS) as done:
        pay(qtbot, w)
    return done.args[0]


def status(w: StandWindow) -> str:
    """The backup status whole (the label may be cut to fit: its tooltip is not)."""
    return w.status_labels["statusBackup"].toolTip().splitlines()[0]


def receipts(stand: Stand) -> list[str]:
    return [s.receipt_no for s in history.list_sales(stand.handle.uow(write=False))]


def no_dialog_open() -> bool:
    return QApplication.activeModalWidget() is None


def test_selling_in_the_window_makes_copies_that_hold_the_sales(
        jatim: Stand, qtbot: QtBot, stick: Path) -> None:
    use_backups(jatim, stick, every=2, keep=2)
    w = logged_in(jatim, qtbot)
    assert status(w) == "Backup: none yet"

    made = [sell(qtbot, w) for _ in range(5)]

    assert [m is not None for m in made] == [True, False, True, False, True]
    assert copies(stick) == [3, 5]  # every 2 sales after the first; the last 2 kept
    assert made[-1] == backup.backups_in(stick, "JATIM")[-1]
    state = backup.last_backup(jatim.handle.uow(write=False))
    assert state is not None and state.ok
    zone = w.session.info.zone
    assert status(w) == f"Backup {state.at.replace(tzinfo=UTC).astimezone(zone):%H:%M} ✓"
    assert w.status_labels["statusBackup"].property("role") is None  # not a warning
    assert not list(stick.glob(".*.part"))


def test_the_stick_pulled_out_mid_shift_is_a_warning_and_selling_goes_on(
        jatim: Stand, qtbot: QtBot, stick: Path) -> None:
    use_backups(jatim, stick)
    w = logged_in(jatim, qtbot)
    assert sell(qtbot, w) is not None
    shutil.rmtree(stick)  # pulled out

    failure = sell(qtbot, w)

    assert isinstance(failure, BackupProblem) and "is not there" in failure.message
    assert receipts(jatim) == ["JATIM-000001", "JATIM-000002"]  # the sale is saved
    assert "Rp 0" in w.selling.last_change.text() and w.session.cart.is_empty
    label = w.status_labels["statusBackup"]
    text = status(w)
    assert text.startswith("Backup failed ")
    assert text.endswith(f": The backup folder {stick} is not there: plug the USB stick back "
                         "in, or choose another folder")
    assert label.text() == text[:text.index(": ")]  # "Backup failed 14:05", short
    banner = w.selling.findChild(QWidget, "backupBanner")  # the whole reason on the screen
    assert banner.isVisible() and banner.text.text() == text
    assert "Traceback" not in label.toolTip()
    assert label.isVisible() and label.property("role") == "error"
    assert no_dialog_open()
    assert not stick.exists()  # not made again on the laptop

    qtbot.mouseClick(banner.dismiss, Qt.MouseButton.LeftButton)  # seen: out of the way
    assert not banner.isVisible()
    assert isinstance(sell(qtbot, w), BackupProblem)  # still out: tried at each sale
    assert receipts(jatim)[-1] == "JATIM-000003"
    assert not banner.isVisible()  # the same failure again: not raised again
    stick.mkdir()  # plugged back in

    with qtbot.waitSignal(w.backups.finished, timeout=20_000):
        qtbot.mouseClick(banner.retry, Qt.MouseButton.LeftButton)

    assert copies(stick) == [3]
    assert status(w).startswith("Backup ") and status(w).endswith(" ✓")
    assert label.property("role") is None  # the warning went
    assert not banner.isVisible()


def test_a_pulled_out_stick_in_indonesian(jatim: Stand, qtbot: QtBot, stick: Path,
                                         indonesian: Languages) -> None:
    use_backups(jatim, stick)
    w = logged_in(jatim, qtbot)
    shutil.rmtree(stick)

    sell(qtbot, w)

    text = status(w)
    assert text.startswith("Cadangan gagal ")
    assert text.endswith(f": Folder cadangan {stick} tidak ada: colokkan lagi flashdisk-nya, "
                         "atau pilih folder lain")
    state = backup.last_backup(jatim.handle.uow(write=False))
    assert state is not None and "is not there" in state.message  # stored in English
    assert state.reason is not None and state.reason.code == "backup.folder_gone"  # and as id
    w.close()
    again = logged_in(jatim, qtbot)  # read back at the next start: said from its id again
    assert status(again) == text


def test_a_full_stick_is_a_warning_and_selling_goes_on(
        jatim: Stand, qtbot: QtBot, full_stick: Path) -> None:
    use_backups(jatim, full_stick)
    w = logged_in(jatim, qtbot)

    failure = sell(qtbot, w)

    assert isinstance(failure, BackupProblem) and "is full" in failure.message
    assert receipts(jatim) == ["JATIM-000001"]
    assert status(w).endswith(f": The backup folder {full_stick} is full: free some space or "
                              "choose another folder")
    assert w.status_labels["statusBackup"].property("role") == "error"
    assert list(full_stick.iterdir()) == []  # no half copy left
    assert no_dialog_open()


def test_closing_a_shift_makes_a_copy(jatim: Stand, qtbot: QtBot, stick: Path) -> None:
    use_backups(jatim, stick, every=1000)
    w = logged_in(jatim, qtbot)
    assert sell(qtbot, w) is not None  # the first copy
    assert sell(qtbot, w) is None  # not due for 1000 sales
    assert copies(stick) == [1]

    w.actions_.close_shift()
    dialog = w.actions_.dialog
    assert dialog is not None
    dialog.findChild(QSpinBox, "count100000").setValue(5)
    dialog.findChild(QSpinBox, "count50000").setValue(3)
    dialog.findChild(QSpinBox, "count20000").setValue(1)
    qtbot.mouseClick(dialog.findChild(QPushButton, "checkCountButton"),
                     Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(w.backups.finished, timeout=WAIT_MS) as done:
        qtbot.mouseClick(dialog.findChild(QPushButton, "confirmCloseButton"),
                         Qt.MouseButton.LeftButton)

    assert isinstance(done.args[0], Path)
    newest = backup.backups_in(stick, "JATIM")[-1]
    assert copies(stick) == [1, 2]
    conn = sqlite3.connect(f"file:{newest}?mode=ro", uri=True)
    try:  # the copy has the shift closed, with the cash counted
        assert conn.execute("SELECT counted_cash FROM shift WHERE closed_at IS NOT NULL"
                            ).fetchall() == [(670_000,)]
    finally:
        conn.close()


def test_a_click_on_the_status_makes_a_backup_now(jatim: Stand, qtbot: QtBot,
                                                  stick: Path) -> None:
    use_backups(jatim, stick, every=1000)
    w = logged_in(jatim, qtbot)
    with qtbot.waitSignal(w.backups.finished, timeout=WAIT_MS) as done:
        qtbot.mouseClick(w.status_labels["statusBackup"], Qt.MouseButton.LeftButton)
        assert w.backups.busy and status(w) == "Backing up…"
    assert done.args[0] == backup.backups_in(stick, "JATIM")[-1]
    assert copies(stick) == [0]
    assert status(w).endswith(" ✓")


def test_without_a_folder_the_status_says_so_and_a_click_opens_the_settings(
        jatim: Stand, qtbot: QtBot, stick: Path) -> None:
    w = logged_in(jatim, qtbot)
    assert status(w) == "Backup: not set"
    assert sell(qtbot, w) is None  # no folder: nothing to do, nothing refused
    assert not w.backups.busy  # and no worker started for it
    assert receipts(jatim) == ["JATIM-000001"]

    qtbot.mouseClick(w.status_labels["statusBackup"], Qt.MouseButton.LeftButton)

    dialog = w.actions_.dialog
    assert isinstance(dialog, SettingsDialog) and dialog.isVisible()
    edit = dialog.findChild(QLineEdit, "backupFolderInput")
    qtbot.keyClicks(edit, str(stick))
    qtbot.mouseClick(dialog.findChild(QPushButton, "saveSettingsButton"),
                     Qt.MouseButton.LeftButton)
    prompt = dialog.findChild(PinPrompt)  # Ani is a cashier: the backups are a supervisor's
    assert prompt is not None and prompt.isVisible()
    prompt.fields.name_input.setText(SUPERVISOR)
    prompt.fields.pin_input.setText(SUPERVISOR_PIN)
    with qtbot.waitSignal(w.backups.finished, timeout=WAIT_MS) as done:
        prompt.confirm()
    assert not dialog.isVisible()
    assert isinstance(done.args[0], Path)  # a new folder gets its first copy at once
    assert copies(stick) == [1]
    assert status(w).startswith("Backup ") and status(w).endswith(" ✓")


def test_a_sale_is_made_while_a_copy_is_running(
        jatim: Stand, qtbot: QtBot, stick: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The copy runs off the UI thread: the cashier sells while it is held half-way."""
    use_backups(jatim, stick)
    copying, go = threading.Event(), threading.Event()
    real = backup.copy_database

    def held(source: Path, target: Path) -> None:
        copying.set()
        assert go.wait(WAIT_MS / 1000)
        real(source, target)

    monkeypatch.setattr(backup, "copy_database", held)
    w = logged_in(jatim, qtbot)
    outcomes: list[object] = []
    w.backups.finished.connect(outcomes.append)
    pay(qtbot, w)
    qtbot.waitUntil(copying.is_set, timeout=WAIT_MS)

    pay(qtbot, w)  # the next sale while the first copy is held

    assert receipts(jatim) == ["JATIM-000001", "JATIM-000002"]
    assert w.backups.busy and outcomes == []
    go.set()
    qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=WAIT_MS)  # the one asked meanwhile
    assert all(isinstance(o, Path) for o in outcomes)
    assert copies(stick) == [2, 2]  # the held copy is of the database as it is when made


def test_requests_while_a_backup_runs_are_queued_once(
        jatim: Stand, qtbot: QtBot, stick: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_backups(jatim, stick)
    calls: list[bool] = []
    started, go = threading.Event(), threading.Event()

    def fake(uow: Any, code: str, path: Path, *, force: bool = False) -> None:
        calls.append(force)
        started.set()
        assert go.wait(WAIT_MS / 1000)

    monkeypatch.setattr(backup, "maybe_backup", fake)
    session = StandSession.open(jatim.handle)
    session.login(CASHIER, CASHIER_PIN)
    controller = BackupController(session)
    outcomes: list[object] = []
    controller.finished.connect(outcomes.append)
    controller.after_sale()
    qtbot.waitUntil(started.is_set, timeout=WAIT_MS)
    controller.after_sale()
    controller.after_shift_close()  # a forced one among them: the queued one is forced
    controller.after_sale()

    go.set()
    qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=WAIT_MS)
    qtbot.wait(200)  # nothing more follows
    assert calls == [False, True] and outcomes == [None, None]
    assert not controller.busy
    controller.deleteLater()
