"""Printer trouble on the selling screen: a receipt that did not print raises a banner with
its reason, "Cetak ulang" and "Atur printer"; a stand without a printer is asked once, at its
first sale, whether to set one up or to sell without (PDF receipts in a folder)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from posapp.services import print_queue, settings
from posapp.ui.common.pin_prompt import PinPrompt
from posapp.ui.stand.window import StandWindow
from tests.conftest import SUPERVISOR, SUPERVISOR_PIN, Stand
from tests.printer_servers import FakePrinter, printer
from tests.ui.test_stand_window import logged_in
from tests.ui.test_window_printing import (
    HIJAB,
    pay_cash,
    printed,
    use_printer,
)
from tests.ui.test_window_printing import unprinted_pair as two_unprinted


def sold_one(jatim: Stand, qtbot: QtBot, *, first: bool = True) -> StandWindow:
    w = logged_in(jatim, qtbot)
    if first:
        assert not w.printer_banner.isVisible()  # nothing to say before a sale
    w.selling.add_code(HIJAB)
    pay_cash(qtbot, w, "85.000")
    qtbot.waitUntil(lambda: not w.printing.busy and w.printer_banner.isVisible(),
                    timeout=15_000)
    return w




def test_a_failed_receipt_raises_the_banner_and_print_again_clears_it(
        jatim: Stand, qtbot: QtBot, tmp_path: Path) -> None:
    w = two_unprinted(jatim, qtbot, tmp_path)
    banner = w.printer_banner
    assert banner.isVisible()
    device = tmp_path / "unplugged" / "lp0"
    assert banner.text.text() == (
        f"2 receipts not printed: printer file:{device} did not answer: "
        "No such file or directory. They print by themselves as soon as the printer answers "
        "again.")
    assert banner.retry.isVisible() and banner.setup.isVisible()
    assert banner.retry.text() == "Print again" and banner.setup.text() == "Set up printer"
    assert not banner.without.isVisible()  # a printer is set: no question
    device.parent.mkdir()  # plugged in again
    qtbot.mouseClick(banner.retry, Qt.MouseButton.LeftButton)
    printed(qtbot, w, device, b"JATIM-000002")
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=15_000)
    assert w.status_labels["statusPrinter"].text() == "Printer: ready"


def test_set_up_printer_opens_the_settings_at_the_printer(jatim: Stand, qtbot: QtBot,
                                                          tmp_path: Path) -> None:
    w = two_unprinted(jatim, qtbot, tmp_path)
    qtbot.mouseClick(w.printer_banner.setup, Qt.MouseButton.LeftButton)
    dialog = w.actions_.dialog
    assert dialog is not None and dialog.objectName() == "settingsDialog"
    field = dialog.findChild(QLineEdit, "printerInput")
    assert field is not None and dialog.focusWidget() is field
    device = tmp_path / "lp1"
    field.setText(f"file:{device}")
    dialog.save()  # type: ignore[attr-defined]
    prompt = dialog.findChild(PinPrompt)  # Ani is a cashier: the printer is a supervisor's
    assert prompt is not None and prompt.isVisible()
    assert prompt.detail_label.text() == (
        "A supervisor must approve changing the stand's settings")
    prompt.fields.name_input.setText(SUPERVISOR)
    prompt.fields.pin_input.setText(SUPERVISOR_PIN)
    prompt.confirm()
    printed(qtbot, w, device, b"JATIM-000002")  # saved with a printer: the waiting print
    qtbot.waitUntil(lambda: not w.printer_banner.isVisible(), timeout=15_000)


def test_a_stand_without_a_printer_is_asked_at_its_first_sale(jatim: Stand,
                                                             qtbot: QtBot) -> None:
    w = sold_one(jatim, qtbot)
    banner = w.printer_banner
    folder = jatim.handle.path.parent.parent / "receipts" / "JATIM"
    assert banner.text.text() == (
        "This stand has no printer yet, so the receipt was not printed. Set one up now, or "
        f"sell without a printer: receipts are then saved as PDF files in {folder}.")
    assert banner.without.isVisible() and banner.setup.isVisible()
    assert not banner.retry.isVisible()
    qtbot.mouseClick(banner.without, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (folder / "JATIM-000001.pdf").exists() and not w.printing.busy,
                    timeout=15_000)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=15_000)
    stored = settings.get(jatim.handle.uow(write=False))
    assert stored.printer == f"pdf:{folder}" and stored.printer_asked


def test_set_up_later_is_not_asked_again_and_the_banner_says_why(jatim: Stand,
                                                                 qtbot: QtBot) -> None:
    w = sold_one(jatim, qtbot)
    qtbot.mouseClick(w.printer_banner.setup, Qt.MouseButton.LeftButton)
    assert w.actions_.dialog is not None
    w.actions_.dialog.reject()  # closed without a printer
    assert settings.get(jatim.handle.uow(write=False)).printer_asked
    w.close()
    again = sold_one(jatim, qtbot, first=False)  # the window started again, the next sale
    banner = again.printer_banner
    assert not banner.without.isVisible() and banner.retry.isVisible()
    assert banner.text.text() == (
        "2 receipts not printed: no printer set up: choose one in the settings, then print "
        "again")
    assert print_queue.counts(jatim.handle.uow(write=False))["failed"] == 2


def test_the_banner_in_indonesian(jatim: Stand, qtbot: QtBot, tmp_path: Path,
                                  indonesian: object) -> None:
    use_printer(jatim, f"file:{tmp_path / 'unplugged' / 'lp0'}")
    w = sold_one(jatim, qtbot)
    banner = w.printer_banner
    assert banner.text.text().startswith("Struk belum tercetak: printer file:")
    assert banner.text.text().endswith(
        "Struk akan tercetak otomatis begitu printer menjawab lagi.")
    assert banner.retry.text() == "Cetak ulang" and banner.setup.text() == "Atur printer"
    assert w.status_labels["statusPrinter"].text() == "Printer: 1 struk belum tercetak"


def test_a_printer_out_of_paper_prints_the_receipt_by_itself_once_it_answers_again(
        jatim: Stand, qtbot: QtBot) -> None:
    with printer("paper_out") as empty:
        use_printer(jatim, empty.target)
        w = sold_one(jatim, qtbot)
        banner = w.printer_banner
        assert banner.text.text() == (
            f"Receipt not printed: printer {empty.target} is out of paper. It prints by itself "
            "as soon as the printer answers again.")
        assert set(empty.jobs) == {b""}  # asked for its status; not a byte of the receipt
    assert w.status_labels["statusPrinter"].text() == "Printer: 1 receipt not printed"
    with FakePrinter("good", empty.port) as good:  # paper loaded: it answers again
        w.printing.auto_retry.setInterval(50)
        qtbot.waitUntil(lambda: not banner.isVisible(), timeout=30_000)
        [paper] = good.wait_jobs(1)
    assert b"JATIM-000001" in paper and b"Jilbab Lukis Bunga Teratai" in paper
    qtbot.waitUntil(lambda: not w.printing.busy, timeout=30_000)  # the job's end, recorded
    assert w.status_labels["statusPrinter"].text() == "Printer: ready"
    job = print_queue.get(jatim.handle.uow(write=False), 1)
    assert job.status == "done" and job.attempts >= 1  # the timer may have found no paper


def test_a_receipt_a_stuck_printer_may_still_hold_waits_for_print_again(
        jatim: Stand, qtbot: QtBot) -> None:
    """The printer took the connection but not the bytes: they may come out when it is
    freed, so the window does not print the receipt again by itself (no double receipt)."""
    with printer("never_reads") as stuck:
        use_printer(jatim, stuck.target)
        w = sold_one(jatim, qtbot)
    banner = w.printer_banner
    assert banner.text.text() == (
        f"Receipt not printed: printer {stuck.target} took the connection but not the "
        "receipt within 4 s: a paper jam, or the printer is frozen (turn it off and on)")
    assert w.printing.waiting_for_printer() == []
    w.printing.auto_retry.timeout.emit()  # the timer's turn: nothing to try by itself
    assert not w.printing.busy
    assert print_queue.get(jatim.handle.uow(write=False), 1).attempts == 1
    with FakePrinter("good", stuck.port) as good:
        qtbot.mouseClick(banner.retry, Qt.MouseButton.LeftButton)  # the cashier decides
        qtbot.waitUntil(lambda: not banner.isVisible(), timeout=30_000)
        [paper] = good.wait_jobs(1)
    assert b"JATIM-000001" in paper
