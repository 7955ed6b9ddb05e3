"""The print jobs list on a stand that counts the drawer blind: a cashier's Print again of
an X report job waits for a supervisor's PIN (the report shows the cash expected now)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from posapp.services import print_queue, settings
from posapp.ui.stand.print_jobs_dialog import PrintJobsDialog
from tests.conftest import BUDI, CASHIER, CASHIER_PIN, SUPERVISOR, SUPERVISOR_PIN, Stand
from tests.ui.test_stand_window import logged_in
from tests.ui.test_window_blind_x_report import approve, error_of
from tests.ui.test_window_printing import printed


def gone(dialog: PrintJobsDialog) -> None:
    """The list deleted now: a list left open would follow a later test's language."""
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_cashiers_print_again_of_an_x_report_waits_for_a_supervisor(
        jatim: Stand, qtbot: QtBot, tmp_path: Path) -> None:
    current = settings.get(jatim.handle.uow(write=False))
    settings.save(jatim.handle.uow(), replace(current, blind_count=True, printer=""),
                  approval=BUDI)
    job_id = print_queue.enqueue_report(jatim.handle.uow(), "x", approval=BUDI)
    assert print_queue.run_job(jatim.handle.uow, job_id, target="", width=32).status == "failed"
    device = tmp_path / "lp0"
    settings.save(jatim.handle.uow(), replace(
        settings.get(jatim.handle.uow(write=False)), printer=f"file:{device}", paper_width=32),
        approval=BUDI)
    w = logged_in(jatim, qtbot)  # Ani, a cashier
    w.actions_.open_print_jobs()
    dialog = w.actions_.dialog
    assert isinstance(dialog, PrintJobsDialog)

    qtbot.mouseClick(dialog.findChild(QPushButton, f"printAgainButton{job_id}"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.prompts.current is not None)
    prompt = dialog.prompts.current
    assert prompt is not None and prompt.isVisible()
    assert "X report" in prompt.findChild(QLabel, "pinDetailLabel").text()
    assert not device.exists()  # nothing printed before a supervisor approves

    approve(qtbot, prompt, CASHIER, CASHIER_PIN)
    assert error_of(prompt) == "Ani is a cashier: a supervisor must approve this"
    approve(qtbot, prompt, SUPERVISOR, SUPERVISOR_PIN)
    assert b"LAPORAN X" in printed(qtbot, w, device, b"LAPORAN X")
    gone(dialog)


def test_print_all_again_leaves_a_cashiers_x_report_for_its_own_button(
        jatim: Stand, qtbot: QtBot, tmp_path: Path) -> None:
    current = settings.get(jatim.handle.uow(write=False))
    settings.save(jatim.handle.uow(), replace(current, blind_count=True, printer=""),
                  approval=BUDI)
    job_id = print_queue.enqueue_report(jatim.handle.uow(), "x", approval=BUDI)
    print_queue.run_job(jatim.handle.uow, job_id, target="", width=32)
    w = logged_in(jatim, qtbot)
    w.actions_.open_print_jobs()
    dialog = w.actions_.dialog
    assert isinstance(dialog, PrintJobsDialog)
    qtbot.mouseClick(dialog.findChild(QPushButton, "printAllAgainButton"),
                     Qt.MouseButton.LeftButton)
    job = print_queue.get(jatim.handle.uow(write=False), job_id)
    assert (job.status, job.attempts) == ("failed", 1)  # not tried again without approval
    gone(dialog)
