"""Closing the shift on purpose: count by denomination, check the count, confirm, read the Z
report; a blind count, an empty drawer, a supervisor for a large difference."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import TypeVar

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from posapp.domain.report import ShiftReport
from posapp.domain.tender import Payment, PaymentMethod
from posapp.services.session.stand import StandSession
from posapp.ui.stand.close_shift_dialog import COINS, NOTES, CloseShiftDialog, count_name
from tests.conftest import BUDI, CASHIER, CASHIER_PIN, SUPERVISOR, SUPERVISOR_PIN, dump_database

W = TypeVar("W", bound=QWidget)
HIJAB = "JTM-JLB-001"  # Rp 85.000
EXPECTED = "Rp 585.000"  # 500.000 float + 85.000 cash (QRIS not in the drawer)
EXACT = {"count100000": 5, "count50000": 1, "count20000": 1, "count10000": 1,
         "count5000": 1}


def child(dialog: QWidget, kind: type[W], name: str) -> W:
    widget = dialog.findChild(kind, name)
    assert widget is not None, f"no {kind.__name__} named {name}"
    return widget


def sell(session: StandSession, code: str, method: PaymentMethod, amount: int) -> None:
    session.scan(code)
    session.pay([Payment(method, amount)])


def count(dialog: CloseShiftDialog, counts: dict[str, int]) -> None:
    for name, n in counts.items():
        child(dialog, QSpinBox, name).setValue(n)


def press(qtbot: QtBot, dialog: QWidget, name: str) -> None:
    button = child(dialog, QPushButton, name)
    assert button.isVisible() and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def shown(dialog: QWidget, name: str) -> str:
    """The text of label *name* when a user can see it, "" when it is hidden."""
    label = child(dialog, QLabel, name)
    return label.text().replace("\u00a0", " ") if label.isVisible() else ""


def shift_rows(session: StandSession) -> list[tuple[int, int | None]]:
    conn = sqlite3.connect(session.handle.path)
    try:
        return conn.execute("SELECT closed_at IS NOT NULL, counted_cash FROM shift").fetchall()
    finally:
        conn.close()


def set_rules(session: StandSession, **rules: object) -> None:
    session.settings.save(replace(session.settings.get(), **rules), approval=BUDI)


def open_dialog(qtbot: QtBot, session: StandSession, lang: str = "id") -> CloseShiftDialog:
    d = CloseShiftDialog(session, lang=lang)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


@pytest.fixture
def sold(session: StandSession) -> StandSession:
    sell(session, HIJAB, PaymentMethod.CASH, 100_000)  # Rp 85.000 cash, Rp 15.000 change
    sell(session, HIJAB, PaymentMethod.QRIS, 85_000)
    return session


@pytest.fixture
def dialog(qtbot: QtBot, sold: StandSession) -> CloseShiftDialog:
    return open_dialog(qtbot, sold)


@pytest.fixture
def blind(qtbot: QtBot, sold: StandSession) -> CloseShiftDialog:
    set_rules(sold, blind_count=True)
    return open_dialog(qtbot, sold)


def test_every_denomination_has_a_named_touch_sized_spin_box(dialog: CloseShiftDialog) -> None:
    names = [count_name(v, coin=False) for v in NOTES] + [count_name(v, coin=True) for v in COINS]
    assert names == ["count100000", "count50000", "count20000", "count10000", "count5000",
                     "count2000", "count1000", "countCoin1000", "count500", "count200",
                     "count100"]
    for name in names:
        spin = child(dialog, QSpinBox, name)
        assert spin.height() >= 44
        assert spin.accessibleName()


def test_nothing_is_short_or_over_before_anything_is_counted(dialog: CloseShiftDialog) -> None:
    assert shown(dialog, "expectedLabel") == EXPECTED
    assert shown(dialog, "countedLabel") == "Rp 0"
    assert shown(dialog, "overShortLabel") == "—"
    assert child(dialog, QLabel, "overShortLabel").property("state") == ""
    assert not child(dialog, QPushButton, "confirmCloseButton").isVisible()


def test_the_difference_follows_the_count_once_counting_starts(dialog: CloseShiftDialog) -> None:
    over_short = child(dialog, QLabel, "overShortLabel")
    count(dialog, {"count100000": 5, "count50000": 1, "count20000": 1, "count10000": 1,
                   "countCoin1000": 2, "count500": 2})
    assert shown(dialog, "countedLabel") == "Rp 583.000"
    assert over_short.text() == "Short Rp 2.000" and over_short.property("state") == "short"
    assert over_short.styleSheet() == ""  # the one stylesheet colours it, not the dialog
    child(dialog, QSpinBox, "count1000").setValue(2)
    assert over_short.text() == "Exact" and over_short.property("state") == "exact"
    child(dialog, QSpinBox, "count100").setValue(3)
    assert over_short.text() == "Over Rp 300" and over_short.property("state") == "over"


def test_enter_on_the_count_asks_and_only_the_confirm_button_closes(
        qtbot: QtBot, dialog: CloseShiftDialog, sold: StandSession) -> None:
    count(dialog, EXACT)
    spin = child(dialog, QSpinBox, "count100000")
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert dialog.step == "confirm"
    assert shown(dialog, "closeQuestionLabel") == "Close the shift now? Counted cash: Rp 585.000"
    confirm = child(dialog, QPushButton, "confirmCloseButton")
    assert confirm.isVisible() and confirm.text() == "Close shift now"
    assert confirm.property("role") == "primary"
    assert not spin.isEnabled()  # the count is what is asked about
    for _ in range(3):  # Enter again and again: still only a question
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    assert dialog.report is None and shift_rows(sold) == [(0, None)]

    with qtbot.waitSignal(dialog.shift_closed) as closed:
        qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    report = closed.args[0]
    assert isinstance(report, ShiftReport) and report.kind == "Z"
    assert shift_rows(sold) == [(1, 585_000)]


def test_count_again_goes_back_to_the_count(qtbot: QtBot, dialog: CloseShiftDialog) -> None:
    count(dialog, {"count100000": 5})
    press(qtbot, dialog, "checkCountButton")
    press(qtbot, dialog, "recountButton")
    assert dialog.step == "count" and child(dialog, QSpinBox, "count50000").isEnabled()
    count(dialog, {"count50000": 1, "count20000": 1, "count10000": 1, "count5000": 1})
    press(qtbot, dialog, "checkCountButton")
    assert shown(dialog, "closeQuestionLabel").endswith("Rp 585.000")


def test_close_shows_the_z_report_and_done_closes_the_dialog(
        qtbot: QtBot, dialog: CloseShiftDialog, sold: StandSession) -> None:
    count(dialog, EXACT)
    press(qtbot, dialog, "checkCountButton")
    press(qtbot, dialog, "confirmCloseButton")
    view = child(dialog, QPlainTextEdit, "zReportView")
    assert view.isVisible() and view.isReadOnly()
    text = view.toPlainText()
    assert "LAPORAN Z (TUTUP SHIFT)" in text
    assert "Stand JATIM (Jawa Timur)" in text
    for line in ("Penjualan (2)", "Rp 170.000", "Seharusnya", "Rp 585.000", "Dihitung"):
        assert line in text
    labels = [ln.split("  ")[0] for ln in text.splitlines()]
    assert "Retur (0)" in labels and "Pembatalan (0)" in labels  # not "Retur (refund)"
    assert "refund" not in text and "void" not in text
    assert next(ln for ln in text.splitlines() if ln.strip().startswith("Selisih")).endswith(
        "Rp 0")
    assert shown(dialog, "overShortLabel") == "Exact"
    assert sold.shift_report() is None
    assert not child(dialog, QPushButton, "confirmCloseButton").isVisible()
    assert not child(dialog, QPushButton, "cancelCloseButton").isVisible()
    done = child(dialog, QPushButton, "closeDoneButton")
    assert done.isVisible() and done.text() == "Done"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter now means Done
    assert not dialog.isVisible()


def test_print_z_report_appears_after_closing_and_asks_for_that_shift(
        qtbot: QtBot, dialog: CloseShiftDialog) -> None:
    button = child(dialog, QPushButton, "printZReportButton")
    assert not button.isVisible()  # nothing to print before the shift is closed
    count(dialog, {"count100000": 6})
    press(qtbot, dialog, "checkCountButton")
    press(qtbot, dialog, "confirmCloseButton")
    assert button.isVisible() and button.isEnabled() and button.height() >= 44
    assert button.text() == "Print Z report"
    for _ in range(2):  # a second copy for the organizers
        with qtbot.waitSignal(dialog.print_requested) as asked:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert asked.args == [1]
    assert "printing" in shown(dialog, "closeShiftErrorLabel")
    assert dialog.isVisible()  # Done closes it


def test_f10_does_nothing_in_the_dialog(qtbot: QtBot, dialog: CloseShiftDialog,
                                        sold: StandSession) -> None:
    count(dialog, {"count100000": 6})
    for _ in range(3):  # F10 means "orders" in the stand window, never "close the shift"
        qtbot.keyClick(child(dialog, QSpinBox, "count100000"), Qt.Key.Key_F10)
    assert dialog.step == "count" and dialog.report is None
    assert shift_rows(sold) == [(0, None)]


def test_rp_0_with_cash_expected_asks_whether_the_drawer_is_empty(
        qtbot: QtBot, dialog: CloseShiftDialog, sold: StandSession) -> None:
    before = dump_database(sold.handle.path)
    press(qtbot, dialog, "checkCountButton")
    assert dialog.step == "zero"
    assert shown(dialog, "closeQuestionLabel") == "Empty drawer? Counted Rp 0"
    assert child(dialog, QPushButton, "confirmCloseButton").text() == "Yes, the drawer is empty"
    press(qtbot, dialog, "confirmCloseButton")  # yes: then the real question
    assert dialog.step == "confirm" and dump_database(sold.handle.path) == before
    assert shown(dialog, "overShortLabel") == "Short Rp 585.000"
    # Rp 585.000 short is above the limit: a supervisor approves
    assert child(dialog, QPushButton, "confirmCloseButton").text() == \
        "Close shift (supervisor PIN)"


def test_a_large_difference_asks_a_supervisor_and_a_cashier_is_refused(
        qtbot: QtBot, dialog: CloseShiftDialog, sold: StandSession) -> None:
    count(dialog, {"count100000": 4, "count50000": 1})  # Rp 450.000: Rp 135.000 short
    press(qtbot, dialog, "checkCountButton")
    assert shown(dialog, "approvalLabel") == (
        "The difference is more than Rp 50.000: a supervisor approves closing the shift "
        "with their PIN.")
    press(qtbot, dialog, "confirmCloseButton")
    prompt = dialog.prompt
    assert prompt is not None and prompt.isVisible()
    assert dialog.report is None and shift_rows(sold) == [(0, None)]

    child(prompt, QLineEdit, "supervisorNameInput").setText(CASHIER)
    child(prompt, QLineEdit, "supervisorPinInput").setText(CASHIER_PIN)
    press(qtbot, prompt, "pinConfirmButton")
    assert shown(prompt, "pinErrorLabel") == "Ani is a cashier: a supervisor must approve this"
    assert shift_rows(sold) == [(0, None)]

    child(prompt, QLineEdit, "supervisorNameInput").setText(SUPERVISOR)
    child(prompt, QLineEdit, "supervisorPinInput").setText(SUPERVISOR_PIN)
    with qtbot.waitSignal(dialog.shift_closed):
        press(qtbot, prompt, "pinConfirmButton")
    assert shift_rows(sold) == [(1, 450_000)]
    assert dialog.step == "closed" and shown(dialog, "overShortLabel") == "Short Rp 135.000"


def test_a_difference_within_the_limit_needs_no_supervisor(
        qtbot: QtBot, dialog: CloseShiftDialog, sold: StandSession) -> None:
    count(dialog, {**EXACT, "count5000": 0, "count10000": 0})  # Rp 15.000 short
    press(qtbot, dialog, "checkCountButton")
    assert shown(dialog, "approvalLabel") == ""
    press(qtbot, dialog, "confirmCloseButton")
    assert dialog.prompt is None and shift_rows(sold) == [(1, 570_000)]


def test_blind_count_hides_the_expected_cash_until_the_count_is_taken(
        qtbot: QtBot, blind: CloseShiftDialog) -> None:
    assert shown(blind, "expectedLabel") == "" and shown(blind, "overShortLabel") == ""
    assert "585" not in " ".join(label.text() for label in blind.findChildren(QLabel)
                                 if label.isVisible())
    assert "expected cash appears after that" in shown(blind, "closeShiftHintLabel")
    count(blind, {"count100000": 5, "count50000": 1, "count20000": 1})
    assert shown(blind, "expectedLabel") == ""  # still counting
    next_button = child(blind, QPushButton, "checkCountButton")
    assert next_button.text() == "This is my count (Enter)"
    press(qtbot, blind, "checkCountButton")
    assert shown(blind, "expectedLabel") == EXPECTED
    assert shown(blind, "overShortLabel") == "Short Rp 15.000"
    assert shown(blind, "closeQuestionLabel").endswith("Rp 570.000")
    assert child(blind, QPushButton, "recountButton").isVisible()


def test_blind_count_allows_one_recount_then_closes(
        qtbot: QtBot, blind: CloseShiftDialog, sold: StandSession) -> None:
    count(blind, {"count100000": 5, "count50000": 1, "count20000": 1})
    press(qtbot, blind, "checkCountButton")
    press(qtbot, blind, "recountButton")  # the missing Rp 15.000 was under the tray
    assert shown(blind, "expectedLabel") == EXPECTED
    count(blind, {"count10000": 1, "count5000": 1})
    press(qtbot, blind, "checkCountButton")
    assert shown(blind, "overShortLabel") == "Exact"
    assert not child(blind, QPushButton, "recountButton").isVisible()  # once only
    press(qtbot, blind, "confirmCloseButton")
    assert shift_rows(sold) == [(1, 585_000)]


def test_english_report_when_the_ui_is_english(qtbot: QtBot, session: StandSession) -> None:
    d = open_dialog(qtbot, session, lang="en")
    count(d, {"count100000": 5})
    press(qtbot, d, "checkCountButton")
    press(qtbot, d, "confirmCloseButton")
    text = child(d, QPlainTextEdit, "zReportView").toPlainText()
    assert "Z REPORT (SHIFT CLOSED)" in text and "Expected" in text


def test_a_refusal_is_shown_inline_and_nothing_changes(qtbot: QtBot, session: StandSession) -> None:
    d = open_dialog(qtbot, session)
    session.logout()  # the window lost its cashier: the service refuses
    count(d, {"count100000": 5})
    before = dump_database(session.handle.path)
    press(qtbot, d, "checkCountButton")
    press(qtbot, d, "confirmCloseButton")
    assert shown(d, "closeShiftErrorLabel") == "Log in first"
    assert d.report is None
    assert child(d, QPlainTextEdit, "zReportView").isHidden()
    assert dump_database(session.handle.path) == before


def test_no_open_shift_disables_closing(qtbot: QtBot, session: StandSession) -> None:
    session.close_shift(500_000)
    d = open_dialog(qtbot, session)
    assert not child(d, QPushButton, "checkCountButton").isEnabled()
    assert shown(d, "closeShiftErrorLabel") == "No shift is open."
    assert shown(d, "expectedLabel") == "—"


def test_every_interactive_widget_is_named(dialog: CloseShiftDialog) -> None:
    for kind in (QPushButton, QSpinBox, QLineEdit, QPlainTextEdit):
        for widget in dialog.findChildren(kind):
            if widget.parent() is not None and type(widget.parent()).__name__ in (
                    "QSpinBox", "QAbstractSpinBox"):
                continue  # the spin box's own line edit
            assert widget.objectName(), widget
            assert widget.accessibleName(), widget.objectName()


def test_language_change_keeps_the_count_and_the_step(
        qtbot: QtBot, dialog: CloseShiftDialog) -> None:
    count(dialog, {"count50000": 2})
    press(qtbot, dialog, "checkCountButton")
    QCoreApplication.sendEvent(dialog, QEvent(QEvent.Type.LanguageChange))
    assert dialog.step == "confirm"
    assert child(dialog, QPushButton, "confirmCloseButton").text() == \
        "Close shift (supervisor PIN)"
    assert shown(dialog, "countedLabel") == "Rp 100.000"


def test_every_step_fits_the_screen_with_its_buttons_in_sight(
        qtbot: QtBot, sold: StandSession) -> None:
    set_rules(sold, blind_count=True)
    d = open_dialog(qtbot, sold)
    room = d.screen().availableGeometry()

    def fits(step: str) -> None:
        assert d.step == step
        assert room.contains(d.frameGeometry()), (step, d.frameGeometry(), room)
        buttons = [b for b in d.findChildren(QPushButton) if b.isVisible()]
        assert buttons, step
        for b in buttons:
            top_left = b.mapToGlobal(b.rect().topLeft())
            assert room.contains(top_left) and room.contains(
                b.mapToGlobal(b.rect().bottomRight())), (step, b.objectName())

    # the smallest supported screen, 1024x600 less a title bar: the layout can shrink to it
    smallest = d.minimumSizeHint()
    assert smallest.width() <= 1024 and smallest.height() <= 560, smallest
    fits("count")
    count(d, {"count100000": 3})
    press(qtbot, d, "checkCountButton")
    fits("confirm")
    press(qtbot, d, "recountButton")
    count(d, EXACT)
    press(qtbot, d, "checkCountButton")
    press(qtbot, d, "confirmCloseButton")
    fits("closed")
    smallest = d.minimumSizeHint()  # the Z report shown
    assert smallest.width() <= 1024 and smallest.height() <= 560, smallest


def test_a_supervisor_closing_the_shift_is_not_asked_for_a_pin(
        qtbot: QtBot, sold: StandSession) -> None:
    sold.logout()
    sold.login(SUPERVISOR, SUPERVISOR_PIN)
    d = open_dialog(qtbot, sold)
    count(d, {"count100000": 4})  # Rp 185.000 short
    press(qtbot, d, "checkCountButton")
    assert shown(d, "approvalLabel") == ""
    assert child(d, QPushButton, "confirmCloseButton").text() == "Close shift now"
    press(qtbot, d, "confirmCloseButton")
    assert d.prompt is None and shift_rows(sold) == [(1, 400_000)]
