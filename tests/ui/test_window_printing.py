"""Paper from the stand window: a sale's receipt (the issue's "done when"), a refund's
receipt, X and Z reports, and the print jobs list, on a File printer in a temp folder."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QSpinBox, QTableView
from pytestqt.qtbot import QtBot

from posapp.domain.qris import dynamic_payload
from posapp.domain.tender import Payment
from posapp.services import print_queue, settings
from posapp.store.models import PrintJobRow
from posapp.ui.stand.print_jobs_dialog import PrintJobsDialog
from posapp.ui.stand.window import StandWindow
from tests.central.stands import CASH, sell
from tests.conftest import BUDI, SUPERVISOR, SUPERVISOR_PIN, Stand
from tests.readback import needs_poppler, run
from tests.ui.test_stand_window import logged_in
from tests.unit.test_qris import STAND_STATIC

HIJAB, HIJAB_BARCODE, GEDOG = "JTM-JLB-001", "8991234500031", "JTM-BTK-002"
KICK = b"\x1bp\x00\x32\x32"  # the cash drawer's pulse (python-escpos cashdraw(2))


def use_printer(stand: Stand, target: str, **changes: object) -> None:
    current = settings.get(stand.handle.uow(write=False))
    settings.save(stand.handle.uow(), replace(current, printer=target, **changes), approval=BUDI)  # type: ignore[arg-type]


def printed(qtbot: QtBot, w: StandWindow, device: Path, wanted: bytes) -> bytes:
    """The File printer's bytes once *wanted* is among them and the queue is idle."""
    qtbot.waitUntil(lambda: not w.printing.busy and device.exists()
                    and wanted in device.read_bytes(), timeout=15_000)
    return device.read_bytes()


def pay_cash(qtbot: QtBot, w: StandWindow, amount: str) -> None:
    """Pay the cart in the payment panel (F12), *amount* typed as cash received, then on to
    the next sale (Enter)."""
    qtbot.keyClick(w, Qt.Key.Key_F12)
    cash = w.payment.findChild(QLineEdit, "cashReceivedInput")
    assert cash is not None and cash.isVisible()
    qtbot.keyClicks(cash, amount)
    qtbot.keyClick(cash, Qt.Key.Key_Return)
    assert w.payment.is_paid()
    qtbot.keyClick(w.payment.focusWidget() or w.payment, Qt.Key.Key_Return)
    assert w.pages.currentWidget() is w.selling


def figures(text: str) -> str:
    """One line per printed line, runs of spaces made one."""
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def escpos_text(data: bytes) -> str:
    """The printed text of ESC/POS bytes: code page 858, commands dropped."""
    text = data.decode("cp858", errors="replace")
    text = re.sub(r"\x1b[@a-zA-Z!-]", "", re.sub(r"\x1b[!aEMtdp-].|\x1d[!BVwhHkL].", "", text))
    return "".join(c for c in text if c == "\n" or c >= " ")


@needs_poppler
def test_a_sale_in_the_window_prints_and_its_pdf_shows_the_same_figures(
        jatim: Stand, qtbot: QtBot, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    device = tmp_path / "lp0"
    use_printer(jatim, f"file:{device}", cash_drawer=True)
    w = logged_in(jatim, qtbot)
    for code in (HIJAB_BARCODE, HIJAB_BARCODE, GEDOG):
        w.selling.add_code(code)
    pay_cash(qtbot, w, "500.000")
    assert "Rp 5.000" in w.selling.last_change.text()  # the change the cashier gives

    data = printed(qtbot, w, device, b"JATIM-000001")
    paper = figures(escpos_text(data))
    pdf = tmp_path / "JATIM-000001.pdf"
    r = cli("print", "receipt", "JATIM-000001", "--pdf", str(pdf))
    assert r.code == 0, r.err
    pdf_text = figures(run("pdftotext", "-layout", "-enc", "UTF-8", pdf, "-"))
    for line in ("Struk JATIM-000001", "Jilbab Lukis Bunga Teratai",
                 "2 x Rp 85.000 Rp 170.000", "Batik Gedog Tuban", "1 x Rp 325.000 Rp 325.000",
                 "TOTAL Rp 495.000", "Tunai Rp 500.000", "Kembalian Rp 5.000"):
        assert line in paper.splitlines(), (line, paper)
        assert line in pdf_text.splitlines(), (line, pdf_text)
    assert data.count(KICK) == 1  # a cash sale: the drawer opened
    assert print_queue.counts(jatim.handle.uow(write=False)) == {"waiting": 0, "failed": 0}


def test_ctrl_p_prints_the_qris_code_for_the_amount_due(jatim: Stand, qtbot: QtBot,
                                                       tmp_path: Path) -> None:
    """For a buyer who cannot see the screen: the slip, with nothing recorded."""
    device = tmp_path / "lp0"
    use_printer(jatim, f"file:{device}", qris_payload=STAND_STATIC)
    w = logged_in(jatim, qtbot)
    w.selling.add_code(HIJAB)
    w.selling.add_code(HIJAB)
    qtbot.keyClick(w, Qt.Key.Key_F12)
    cash = w.payment.findChild(QLineEdit, "cashReceivedInput")
    qtbot.keyClick(cash, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # QRIS
    qtbot.keyClick(cash, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    payload = dynamic_payload(STAND_STATIC, 170_000).encode()
    data = printed(qtbot, w, device, payload)
    assert b"\x1d(k" in data  # the printer's own QR code
    paper = figures(escpos_text(data)).splitlines()
    assert "Bayar dengan QRIS" in paper and "Rp 170.000" in paper
    message = w.payment.findChild(QLabel, "paymentErrorLabel")
    assert message is not None and message.text() == "QRIS slip sent to the printer"
    assert not w.payment.is_paid() and w.session.last_sale is None
    assert w.session.total() == 170_000  # the cart stays


def test_a_refund_in_the_history_prints_its_receipt(jatim: Stand, qtbot: QtBot,
                                                    tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    use_printer(jatim, f"file:{device}")
    w = logged_in(jatim, qtbot)
    w.selling.add_code(HIJAB)
    pay_cash(qtbot, w, "85.000")
    printed(qtbot, w, device, b"JATIM-000001")
    device.unlink()

    w.actions_.open_history()
    history = w.actions_.dialog
    assert history is not None and history.open_receipt("JATIM-000001")  # type: ignore[attr-defined]
    spin = history.findChild(QSpinBox, "refundQty1")
    reason = history.findChild(QLineEdit, "reasonInput")
    assert spin is not None and reason is not None
    spin.setValue(1)
    reason.setText("salah warna")
    qtbot.mouseClick(history.findChild(QPushButton, "refundButton"), Qt.MouseButton.LeftButton)
    prompt = history.prompt  # type: ignore[attr-defined]
    qtbot.keyClicks(prompt.findChild(QLineEdit, "supervisorNameInput"), SUPERVISOR)
    qtbot.keyClicks(prompt.findChild(QLineEdit, "supervisorPinInput"), SUPERVISOR_PIN)
    qtbot.mouseClick(prompt.findChild(QPushButton, "pinConfirmButton"), Qt.MouseButton.LeftButton)

    paper = escpos_text(printed(qtbot, w, device, b"JATIM-R00001"))
    assert "*** RETUR ***" in paper and "Jilbab Lukis Bunga Teratai" in paper
    assert "Struk asal JATIM-000001" in figures(paper).splitlines()
    assert "TOTAL Rp 85.000" in figures(paper).splitlines()


def test_the_x_report_prints_from_the_menu(jatim: Stand, qtbot: QtBot, tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    use_printer(jatim, f"file:{device}", paper_width=32)
    w = logged_in(jatim, qtbot)
    action = w.menu_actions["printXReport"]
    assert action.isEnabled() and action.text() == "Print X report (shift so far)"
    action.trigger()
    paper = figures(escpos_text(printed(qtbot, w, device, b"LAPORAN X")))
    assert "Shift #1" in paper.splitlines() and "Modal awal Rp 500.000" in paper.splitlines()


def test_the_z_report_prints_from_the_close_shift_dialog(jatim: Stand, qtbot: QtBot,
                                                        tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    use_printer(jatim, f"file:{device}")
    w = logged_in(jatim, qtbot)
    w.actions_.close_shift()
    dialog = w.actions_.dialog
    assert dialog is not None
    dialog.findChild(QSpinBox, "count100000").setValue(5)
    qtbot.mouseClick(dialog.findChild(QPushButton, "checkCountButton"),
                     Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.findChild(QPushButton, "confirmCloseButton"),
                     Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.findChild(QPushButton, "printZReportButton"),
                     Qt.MouseButton.LeftButton)
    paper = figures(escpos_text(printed(qtbot, w, device, b"LAPORAN Z")))
    assert "Dihitung Rp 500.000" in paper.splitlines()
    assert "Selisih Rp 0" in paper.splitlines()


@pytest.fixture
def two_unprinted(jatim: Stand, qtbot: QtBot, tmp_path: Path) -> StandWindow:
    return unprinted_pair(jatim, qtbot, tmp_path)


def unprinted_pair(jatim: Stand, qtbot: QtBot, tmp_path: Path) -> StandWindow:
    """Two sales whose receipts failed: the printer's folder is gone."""
    use_printer(jatim, f"file:{tmp_path / 'unplugged' / 'lp0'}")
    w = logged_in(jatim, qtbot)
    for code, amount in ((HIJAB, "85.000"), (GEDOG, "325.000")):
        w.selling.add_code(code)
        pay_cash(qtbot, w, amount)
    qtbot.waitUntil(lambda: not w.printing.busy
                    and print_queue.counts(jatim.handle.uow(write=False))["failed"] == 2,
                    timeout=15_000)
    return w


def open_jobs_by_the_status_bar(qtbot: QtBot, w: StandWindow) -> PrintJobsDialog:
    label = w.status_labels["statusPrinter"]
    assert label.text() == "Printer: 2 receipts not printed"
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    dialog = w.actions_.dialog
    assert isinstance(dialog, PrintJobsDialog) and dialog.isVisible()
    return dialog


def cells(dialog: PrintJobsDialog) -> list[list[str]]:
    model = dialog.findChild(QTableView, "printJobsTable").model()
    return [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]


def test_the_print_jobs_list_shows_what_failed_and_prints_one_again(
        jatim: Stand, qtbot: QtBot, tmp_path: Path, two_unprinted: StandWindow) -> None:
    w = two_unprinted
    dialog = open_jobs_by_the_status_bar(qtbot, w)
    gone = tmp_path / "unplugged" / "lp0"
    problem = f"Printer file:{gone} did not answer: No such file or directory"
    assert [[r[0], r[2], r[3]] for r in cells(dialog)] == [
        ["JATIM-000001", "Not printed", problem], ["JATIM-000002", "Not printed", problem]]
    assert re.fullmatch(r"\d\d-\d\d-\d{4} \d\d:\d\d", cells(dialog)[0][1])
    first, second = (j.id for j in print_queue.pending(jatim.handle.uow(write=False)))

    device = tmp_path / "lp0"
    use_printer(jatim, f"file:{device}")
    again = dialog.findChild(QPushButton, f"printAgainButton{second}")
    assert again is not None and again.text() == "Print again"
    assert again.accessibleName() == "Print again: JATIM-000002"
    qtbot.mouseClick(again, Qt.MouseButton.LeftButton)
    data = printed(qtbot, w, device, b"JATIM-000002")
    assert b"JATIM-000001" not in data  # only the one asked for
    qtbot.waitUntil(lambda: [r[0] for r in cells(dialog)] == ["JATIM-000001"])
    assert dialog.findChild(QPushButton, f"printAgainButton{first}") is not None
    assert w.status_labels["statusPrinter"].text() == "Printer: 1 receipt not printed"


def test_print_all_again_empties_the_list(jatim: Stand, qtbot: QtBot, tmp_path: Path,
                                          two_unprinted: StandWindow) -> None:
    w = two_unprinted
    dialog = open_jobs_by_the_status_bar(qtbot, w)
    device = tmp_path / "lp0"
    use_printer(jatim, f"file:{device}")
    jobs = print_queue.pending(jatim.handle.uow(write=False))
    qtbot.mouseClick(dialog.findChild(QPushButton, "printAllAgainButton"),
                     Qt.MouseButton.LeftButton)
    printed(qtbot, w, device, b"JATIM-000002")  # the last one (a File printer starts afresh)
    assert [print_queue.get(jatim.handle.uow(write=False), j.id).status for j in jobs] == [
        "done", "done"]
    empty = dialog.findChild(QLabel, "printJobsEmptyLabel")
    qtbot.waitUntil(lambda: empty.isVisible())
    assert cells(dialog) == []
    assert not dialog.findChild(QPushButton, "printAllAgainButton").isEnabled()
    assert w.status_labels["statusPrinter"].text() == "Printer: ready"


def test_jobs_a_crash_left_show_as_not_printed_at_start(jatim: Stand, qtbot: QtBot,
                                                        tmp_path: Path) -> None:
    """A receipt left "printing" and an X report left "waiting" by a crash: nothing prints
    them until someone presses Print again, so the window says they are not printed."""
    receipt = sell(jatim, [(HIJAB, 1)], [Payment(CASH, 85_000)])
    left = [print_queue.enqueue_receipt(jatim.handle.uow(), receipt),
            print_queue.enqueue_report(jatim.handle.uow(), "x")]
    with jatim.handle.uow() as uow:
        uow.session.get(PrintJobRow, left[0]).status = "printing"  # type: ignore[union-attr]
        uow.commit()

    w = logged_in(jatim, qtbot)

    label = w.status_labels["statusPrinter"]
    assert label.text() == "Printer: 2 receipts not printed"
    device = tmp_path / "lp0"
    use_printer(jatim, f"file:{device}")
    w.menu_actions["printAgain"].trigger()
    assert w.menu_actions["printAgain"].text() == "Print the waiting print jobs again"
    printed(qtbot, w, device, b"LAPORAN X")
    qtbot.waitUntil(lambda: label.text() == "Printer: ready", timeout=15_000)


def test_one_job_not_printed_in_indonesian(jatim: Stand, qtbot: QtBot, tmp_path: Path,
                                           indonesian: object) -> None:
    use_printer(jatim, f"file:{tmp_path / 'unplugged' / 'lp0'}")
    w = logged_in(jatim, qtbot)
    w.selling.add_code(HIJAB)
    pay_cash(qtbot, w, "85.000")
    qtbot.waitUntil(lambda: not w.printing.busy, timeout=15_000)
    assert w.status_labels["statusPrinter"].text() == "Printer: 1 struk belum tercetak"


def test_a_printer_refusal_the_window_knows_is_shown_in_indonesian(
        indonesian: object) -> None:
    """A job's refusal (a win32: printer on Linux), kept as its id, reads in the user's
    language in the print jobs list, like the same refusal anywhere else; one kept before
    refusals had ids reads as it was kept."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from posapp.domain.errors import InvalidInput
    from posapp.domain.messages import Message
    from posapp.printing.targets import NOT_WINDOWS
    from posapp.ui.stand.print_jobs_dialog import PrintJobsModel

    english = InvalidInput(NOT_WINDOWS).message
    job = print_queue.Job(1, datetime(2026, 6, 26, 3, 0), "receipt", "JATIM-000001", False,
                          "failed", 1, english, None, Message(NOT_WINDOWS))
    model = PrintJobsModel(ZoneInfo("Asia/Jakarta"))
    problem = model.problem(job)
    assert problem != english and "Windows" in problem and "hanya" in problem
    old = print_queue.Job(2, datetime(2026, 6, 26, 3, 0), "receipt", "JATIM-000002", False,
                          "failed", 1, english, None)
    assert model.problem(old) == english


def test_a_job_failed_without_a_printer_is_said_from_its_message_id(
        jatim: Stand, indonesian: object) -> None:
    """The queue keeps the problem's id and values: the list says it in the user's language,
    the command line still reads it in English."""
    from zoneinfo import ZoneInfo

    from posapp.ui.stand.print_jobs_dialog import PrintJobsModel

    receipt = sell(jatim, [(HIJAB, 1)], [Payment(CASH, 85_000)])
    job_id = print_queue.enqueue_receipt(jatim.handle.uow(), receipt)
    job = print_queue.run_job(jatim.handle.uow, job_id, target="", width=42)

    assert job.last_error == "no printer set up: choose one in the settings, then print again"
    assert PrintJobsModel(ZoneInfo("Asia/Jakarta")).problem(job) == (
        "Belum ada printer: pilih printer di pengaturan, lalu cetak ulang")


def test_an_order_slip_prints_on_a_file_printer(jatim: Stand, qtbot: QtBot,
                                                tmp_path: Path) -> None:
    from datetime import date

    from posapp.domain.errors import NotFound
    from posapp.domain.order import Buyer, OrderItem
    from posapp.services import orders

    device = tmp_path / "lp0"
    use_printer(jatim, f"file:{device}")
    placed = orders.place(jatim.handle.uow(), jatim.cashier,
                          Buyer("Mdm. Siti Aminah", phone="+60 12-345 6789"),
                          [OrderItem("Batik tulis motif parang, biru, 2 m", 1_250_000, 1)],
                          due=date(2099, 1, 1)).order
    w = logged_in(jatim, qtbot)

    w.printing.order_slip(placed.order_no)

    data = printed(qtbot, w, device, b"JATIM-P00001")
    text = figures(escpos_text(data))
    assert "Mdm. Siti Aminah" in text and "Rp 1.250.000" in text
    assert "Batik tulis motif parang" in text
    assert w.printing.pending() == []
    with pytest.raises(NotFound):  # no such order: nothing is queued
        w.printing.order_slip("JATIM-P09999")
    assert w.printing.pending() == [] and not w.printing.busy
