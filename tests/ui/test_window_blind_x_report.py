"""The menu's "Print X report" on a stand that counts the drawer blind: a cashier's report
waits for a supervisor's PIN (the print queue's service refuses it without one), a
supervisor's prints at once; a stand that does not count blind prints as before."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from posapp.services import print_queue, settings
from posapp.ui.common.pin_prompt import PinPrompt
from posapp.ui.stand.window import StandWindow
from tests.conftest import BUDI, CASHIER, CASHIER_PIN, SUPERVISOR, SUPERVISOR_PIN, Stand
from tests.ui.test_stand_window import logged_in, window_for
from tests.ui.test_window_printing import escpos_text, figures, printed


def set_up(stand: Stand, device: Path, *, blind: bool) -> None:
    current = settings.get(stand.handle.uow(write=False))
    settings.save(stand.handle.uow(), replace(current, printer=f"file:{device}", paper_width=32,
                                              blind_count=blind), approval=BUDI)


def queued(stand: Stand) -> list[str]:
    """The refs of every print job, printed or not."""
    return [job.ref for job in print_queue.listing(stand.handle.uow(write=False), everything=True)]


def approve(qtbot: QtBot, prompt: PinPrompt, name: str, pin: str) -> None:
    prompt.findChild(QLineEdit, "supervisorNameInput").setText(name)
    prompt.findChild(QLineEdit, "supervisorPinInput").setText(pin)
    qtbot.mouseClick(prompt.findChild(QPushButton, "pinConfirmButton"),
                     Qt.MouseButton.LeftButton)


def error_of(prompt: PinPrompt) -> str:
    label = prompt.findChild(QLabel, "pinErrorLabel")
    return label.text() if label.isVisible() else ""


def x_report_paper(qtbot: QtBot, w: StandWindow, device: Path) -> list[str]:
    return figures(escpos_text(printed(qtbot, w, device, b"LAPORAN X"))).splitlines()


def test_a_cashiers_x_report_on_a_blind_stand_waits_for_a_supervisor(
        jatim: Stand, qtbot: QtBot, tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    set_up(jatim, device, blind=True)
    w = logged_in(jatim, qtbot)

    w.menu_actions["printXReport"].trigger()

    prompt = w.actions_.prompts.current
    assert prompt is not None and prompt.isVisible()
    assert "X report" in prompt.findChild(QLabel, "pinDetailLabel").text()
    assert queued(jatim) == [] and not device.exists()

    approve(qtbot, prompt, SUPERVISOR, "000000")  # a wrong PIN: said inline, nothing queued
    assert error_of(prompt) == "Wrong name or PIN"
    approve(qtbot, prompt, CASHIER, CASHIER_PIN)  # Ani cannot approve herself
    assert error_of(prompt) == "Ani is a cashier: a supervisor must approve this"
    assert prompt.isVisible() and queued(jatim) == []

    approve(qtbot, prompt, SUPERVISOR, SUPERVISOR_PIN)

    qtbot.waitUntil(lambda: w.actions_.prompts.current is None)
    assert queued(jatim) == ["X-1"]
    assert "Seharusnya Rp 500.000" in x_report_paper(qtbot, w, device)


def test_a_supervisor_prints_the_x_report_of_a_blind_stand_at_once(
        jatim: Stand, qtbot: QtBot, tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    set_up(jatim, device, blind=True)
    w = window_for(jatim, qtbot)
    assert w.login.pick(SUPERVISOR)
    qtbot.keyClicks(w.login.pin_input, SUPERVISOR_PIN)
    qtbot.keyClick(w.login.pin_input, Qt.Key.Key_Return)
    assert w.pages.currentWidget() is w.selling

    w.menu_actions["printXReport"].trigger()

    assert w.actions_.prompts.current is None
    assert "Seharusnya Rp 500.000" in x_report_paper(qtbot, w, device)


def test_a_stand_that_does_not_count_blind_prints_a_cashiers_x_report_at_once(
        jatim: Stand, qtbot: QtBot, tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    set_up(jatim, device, blind=False)
    w = logged_in(jatim, qtbot)

    w.menu_actions["printXReport"].trigger()

    assert w.actions_.prompts.current is None
    assert "Seharusnya Rp 500.000" in x_report_paper(qtbot, w, device)
