"""Closing the shift: count by denomination, see over/short, close, read the Z report."""

from __future__ import annotations

import sqlite3
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from posapp.domain.report import ShiftReport
from posapp.domain.tender import Payment, PaymentMethod
from posapp.services.session.stand import StandSession
from posapp.ui.stand.close_shift_dialog import COINS, NOTES, CloseShiftDialog, count_name
from tests.conftest import dump_database

W = TypeVar("W", bound=QWidget)
HIJAB = "JTM-JLB-001"  # Rp 85.000


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


@pytest.fixture
def dialog(qtbot: QtBot, session: StandSession) -> CloseShiftDialog:
    sell(session, HIJAB, PaymentMethod.CASH, 100_000)  # Rp 85.000 cash, Rp 15.000 change
    sell(session, HIJAB, PaymentMethod.QRIS, 85_000)
    d = CloseShiftDialog(session)
    qtbot.addWidget(d)
    d.show()
    return d


def test_every_denomination_has_a_named_touch_sized_spin_box(dialog: CloseShiftDialog) -> None:
    names = [count_name(v, coin=False) for v in NOTES] + [count_name(v, coin=True) for v in COINS]
    assert names == ["count100000", "count50000", "count20000", "count10000", "count5000",
                     "count2000", "count1000", "countCoin1000", "count500", "count200",
                     "count100"]
    for name in names:
        spin = child(dialog, QSpinBox, name)
        assert spin.height() >= 44
        assert spin.accessibleName()
    assert "F10" in child(dialog, QPushButton, "confirmCloseButton").text()


def test_counted_expected_and_short_update_as_the_cashier_counts(
        dialog: CloseShiftDialog) -> None:
    expected = child(dialog, QLabel, "expectedLabel")
    counted = child(dialog, QLabel, "countedLabel")
    over_short = child(dialog, QLabel, "overShortLabel")
    assert expected.text() == "Rp 585.000"  # 500.000 float + 85.000 cash (QRIS not in drawer)

    count(dialog, {"count100000": 5, "count50000": 1, "count20000": 1, "count10000": 1,
                   "countCoin1000": 2, "count500": 2})
    assert counted.text() == "Rp 583.000"
    assert over_short.text() == "Short Rp 2.000"
    assert over_short.property("state") == "short"
    assert "#c62828" in over_short.styleSheet()  # red

    child(dialog, QSpinBox, "count1000").setValue(2)
    assert counted.text() == "Rp 585.000"
    assert over_short.text() == "Exact"
    child(dialog, QSpinBox, "count100").setValue(3)
    assert over_short.text() == "Over Rp 300"
    assert "#c62828" not in over_short.styleSheet()


def test_close_shows_the_z_report_and_closes_the_shift_in_the_database(
        qtbot: QtBot, dialog: CloseShiftDialog, session: StandSession) -> None:
    count(dialog, {"count100000": 5, "count50000": 1, "count20000": 1, "count10000": 1,
                   "count5000": 1})
    confirm = child(dialog, QPushButton, "confirmCloseButton")
    with qtbot.waitSignal(dialog.shift_closed) as closed:
        qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    report = closed.args[0]
    assert isinstance(report, ShiftReport) and report.kind == "Z"

    view = child(dialog, QPlainTextEdit, "zReportView")
    assert view.isVisible() and view.isReadOnly()
    text = view.toPlainText()
    assert "LAPORAN Z (TUTUP SHIFT)" in text
    assert "Stand JATIM (Jawa Timur)" in text
    for line in ("Penjualan (2)", "Rp 170.000", "Seharusnya", "Rp 585.000", "Dihitung"):
        assert line in text
    assert next(ln for ln in text.splitlines() if ln.strip().startswith("Selisih")).endswith(
        "Rp 0")
    assert child(dialog, QLabel, "overShortLabel").text() == "Exact"
    assert session.shift_report() is None

    conn = sqlite3.connect(session.handle.path)
    try:
        rows = conn.execute("SELECT closed_at IS NOT NULL, counted_cash, expected_cash "
                            "FROM shift").fetchall()
    finally:
        conn.close()
    assert rows == [(1, 585_000, 585_000)]

    assert confirm.text() == "Done"
    assert not child(dialog, QSpinBox, "count100000").isEnabled()
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_print_z_report_appears_after_closing_and_asks_for_that_shift(
        qtbot: QtBot, dialog: CloseShiftDialog) -> None:
    button = child(dialog, QPushButton, "printZReportButton")
    assert not button.isVisible()  # nothing to print before the shift is closed
    child(dialog, QSpinBox, "count100000").setValue(6)
    qtbot.mouseClick(child(dialog, QPushButton, "confirmCloseButton"), Qt.MouseButton.LeftButton)
    assert button.isVisible() and button.isEnabled() and button.height() >= 44
    assert button.text() == "Print Z report"
    for _ in range(2):  # a second copy for the organizers
        with qtbot.waitSignal(dialog.print_requested) as asked:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert asked.args == [1]
    assert "printing" in child(dialog, QLabel, "closeShiftErrorLabel").text()
    assert dialog.isVisible()  # Done still closes it


def test_f10_closes_the_shift(qtbot: QtBot, dialog: CloseShiftDialog,
                              session: StandSession) -> None:
    child(dialog, QSpinBox, "count100000").setValue(6)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(child(dialog, QSpinBox, "count100000"), Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: dialog.report is not None)  # a shortcut animates the click
    assert dialog.report is not None and dialog.report.counted_cash == 600_000
    assert child(dialog, QLabel, "overShortLabel").text() == "Over Rp 15.000"
    assert session.shift_report() is None


def test_nothing_counted_asks_once_more_before_closing_with_rp_0(
        qtbot: QtBot, dialog: CloseShiftDialog, session: StandSession) -> None:
    confirm = child(dialog, QPushButton, "confirmCloseButton")
    before = dump_database(session.handle.path)
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    error = child(dialog, QLabel, "closeShiftErrorLabel")
    assert error.isVisible() and "Rp 0" in error.text()
    assert dump_database(session.handle.path) == before
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    assert dialog.report is not None and dialog.report.over_short == -585_000
    assert session.shift_report() is None


def test_english_report_when_the_ui_is_english(qtbot: QtBot, session: StandSession) -> None:
    d = CloseShiftDialog(session, lang="en")
    qtbot.addWidget(d)
    d.show()
    child(d, QSpinBox, "count100000").setValue(5)
    qtbot.mouseClick(child(d, QPushButton, "confirmCloseButton"), Qt.MouseButton.LeftButton)
    text = child(d, QPlainTextEdit, "zReportView").toPlainText()
    assert "Z REPORT (SHIFT CLOSED)" in text and "Expected" in text


def test_a_refusal_is_shown_inline_and_nothing_changes(qtbot: QtBot, session: StandSession) -> None:
    d = CloseShiftDialog(session)
    qtbot.addWidget(d)
    d.show()
    session.logout()  # the window lost its cashier: the service refuses
    child(d, QSpinBox, "count100000").setValue(5)
    before = dump_database(session.handle.path)
    qtbot.mouseClick(child(d, QPushButton, "confirmCloseButton"), Qt.MouseButton.LeftButton)
    error = child(d, QLabel, "closeShiftErrorLabel")
    assert error.isVisible() and error.text() == "Log in first"
    assert d.report is None
    assert child(d, QPlainTextEdit, "zReportView").isHidden()
    assert dump_database(session.handle.path) == before


def test_no_open_shift_disables_closing(qtbot: QtBot, session: StandSession) -> None:
    session.close_shift(500_000)
    d = CloseShiftDialog(session)
    qtbot.addWidget(d)
    d.show()
    assert not child(d, QPushButton, "confirmCloseButton").isEnabled()
    assert child(d, QLabel, "closeShiftErrorLabel").text() == "No shift is open."
    assert child(d, QLabel, "expectedLabel").text() == "—"


def test_every_interactive_widget_is_named(dialog: CloseShiftDialog) -> None:
    for kind in (QPushButton, QSpinBox, QLineEdit, QPlainTextEdit):
        for widget in dialog.findChildren(kind):
            if widget.parent() is not None and type(widget.parent()).__name__ in (
                    "QSpinBox", "QAbstractSpinBox"):
                continue  # the spin box's own line edit
            assert widget.objectName(), widget
            assert widget.accessibleName(), widget.objectName()


def test_language_change_keeps_the_count(dialog: CloseShiftDialog) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    child(dialog, QSpinBox, "count50000").setValue(2)
    QCoreApplication.sendEvent(dialog, QEvent(QEvent.Type.LanguageChange))
    assert child(dialog, QPushButton, "confirmCloseButton").text() == "Close shift (F10)"
    assert child(dialog, QLabel, "countedLabel").text() == "Rp 100.000"
