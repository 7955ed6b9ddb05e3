"""Sales history: list, search, open by receipt, void and refund with a supervisor's PIN."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from posapp.domain.tender import Payment, PaymentMethod
from posapp.services import returns, settings
from posapp.services.session.stand import StandSession
from posapp.ui.common.pin_prompt import PinPrompt
from posapp.ui.stand.history_dialog import HistoryDialog
from posapp.ui.stand.history_model import SalesModel
from tests.conftest import BUDI, CASHIER, CASHIER_PIN, SUPERVISOR, SUPERVISOR_PIN, dump_database

W = TypeVar("W", bound=QWidget)
HIJAB = "JTM-JLB-001"  # Rp 85.000, 20 in stock
GEDOG = "JTM-BTK-002"  # Rp 325.000, 3 in stock


def child(parent: QWidget, kind: type[W], name: str) -> W:
    widget = parent.findChild(kind, name)
    assert widget is not None, f"no {kind.__name__} named {name}"
    return widget


def click(qtbot: QtBot, parent: QWidget, name: str) -> None:
    qtbot.mouseClick(child(parent, QPushButton, name), Qt.MouseButton.LeftButton)


def sell(session: StandSession, codes: list[str],
         method: PaymentMethod = PaymentMethod.CASH) -> str:
    for code in codes:
        session.scan(code)
    return session.pay([Payment(method, session.total())]).receipt_no


def rows(dialog: HistoryDialog) -> list[list[str]]:
    model = child(dialog, QTableView, "historyTable").model()
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def db_stock(session: StandSession, sku: str) -> int:
    conn = sqlite3.connect(session.handle.path)
    try:
        return conn.execute("SELECT stock FROM product WHERE sku = ?", (sku,)).fetchone()[0]
    finally:
        conn.close()


def approve(qtbot: QtBot, dialog: HistoryDialog, name: str, pin: str) -> PinPrompt:
    prompt = dialog.prompt
    assert prompt is not None and prompt.isVisible()
    pin_input = child(prompt, QLineEdit, "supervisorPinInput")
    assert pin_input.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(child(prompt, QLineEdit, "supervisorNameInput"), name)
    qtbot.keyClicks(pin_input, pin)
    click(qtbot, prompt, "pinConfirmButton")
    return prompt


@pytest.fixture
def sales(session: StandSession) -> list[str]:
    """JATIM-000001: two hijabs (Rp 170.000, cash); JATIM-000002: a Gedog batik (QRIS)."""
    return [sell(session, [HIJAB, HIJAB]), sell(session, [GEDOG], PaymentMethod.QRIS)]


@pytest.fixture
def dialog(qtbot: QtBot, session: StandSession, sales: list[str]) -> HistoryDialog:
    d = HistoryDialog(session)
    qtbot.addWidget(d)
    d.show()
    return d


def test_lists_the_shift_sales_newest_first(dialog: HistoryDialog) -> None:
    listed = rows(dialog)
    assert [r[0] for r in listed] == ["JATIM-000002", "JATIM-000001"]
    assert listed[1][2:] == ["Rp 170.000", "", "2", CASHIER]  # total, status, items, cashier
    assert listed[0][2] == "Rp 325.000"
    assert len(listed[0][1]) == len("28-11-2025\n15:30")  # date over time: a narrow column


def test_sale_times_are_shown_in_the_stand_zone() -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from posapp.services.history import SaleSummary
    model = SalesModel(ZoneInfo("Asia/Makassar"))
    model.set_rows([SaleSummary("X-1", datetime(2025, 6, 26, 23, 30), 1, "Ani", 1, 85_000, 0,
                                False, {"cash": 85_000})])
    assert model.index(0, SalesModel.TIME).data() == "27-06-2025\n07:30"


def test_search_by_receipt_number_or_amount(qtbot: QtBot, dialog: HistoryDialog) -> None:
    search = child(dialog, QLineEdit, "historySearch")
    qtbot.keyClicks(search, "000002")
    assert [r[0] for r in rows(dialog)] == ["JATIM-000002"]
    search.clear()
    qtbot.keyClicks(search, "Rp 170.000")
    assert [r[0] for r in rows(dialog)] == ["JATIM-000001"]
    search.setText("batik")
    assert rows(dialog) == []
    search.clear()
    assert len(rows(dialog)) == 2


def test_open_receipt_selects_the_sale_and_shows_its_lines(dialog: HistoryDialog) -> None:
    assert dialog.open_receipt("jatim-000001")
    table = child(dialog, QTableView, "historyTable")
    assert [i.row() for i in table.selectionModel().selectedRows()] == [1]
    lines = child(dialog, QTableView, "saleLinesTable").model()
    assert lines.rowCount() == 1
    assert "Jilbab Lukis Bunga Teratai" in lines.index(0, 1).data()
    assert lines.index(0, 2).data() == "2"
    assert child(dialog, QSpinBox, "refundQty1").maximum() == 2
    assert "JATIM-000001" in child(dialog, QLabel, "saleTitleLabel").text()


def test_typing_a_receipt_number_opens_it_and_an_unknown_one_is_refused(
        qtbot: QtBot, dialog: HistoryDialog) -> None:
    receipt = child(dialog, QLineEdit, "receiptInput")
    qtbot.keyClicks(receipt, "JATIM-000002")
    qtbot.keyClick(receipt, Qt.Key.Key_Return)
    assert dialog.sale is not None and dialog.sale.receipt_no == "JATIM-000002"
    assert not dialog.open_receipt("JATIM-999999")
    error = child(dialog, QLabel, "historyErrorLabel")
    assert error.isVisible() and "JATIM-999999" in error.text()


def test_clicking_a_row_opens_that_sale(qtbot: QtBot, dialog: HistoryDialog) -> None:
    child(dialog, QTableView, "historyTable").selectRow(0)
    assert dialog.sale is not None and dialog.sale.receipt_no == "JATIM-000002"


def test_void_by_a_supervisor_marks_it_voided_and_restores_stock(
        qtbot: QtBot, dialog: HistoryDialog, session: StandSession) -> None:
    assert session.catalog.find(HIJAB).stock == 18
    dialog.open_receipt("JATIM-000001")
    child(dialog, QLineEdit, "reasonInput").setText("salah input")
    click(qtbot, dialog, "voidButton")
    prompt = dialog.prompt
    assert prompt is not None
    qtbot.keyClicks(child(prompt, QLineEdit, "supervisorNameInput"), SUPERVISOR)
    qtbot.keyClick(child(prompt, QLineEdit, "supervisorNameInput"), Qt.Key.Key_Return)
    assert dialog.prompt is not None  # Enter in the name goes on to the PIN
    qtbot.keyClicks(child(prompt, QLineEdit, "supervisorPinInput"), SUPERVISOR_PIN)
    with qtbot.waitSignal(dialog.changed) as changed:
        qtbot.keyClick(child(prompt, QLineEdit, "supervisorPinInput"), Qt.Key.Key_Return)
    assert changed.args == [{session.catalog.find(HIJAB).id}]
    assert dialog.prompt is None
    assert rows(dialog)[1][3] == "Voided"
    assert "Rp 170.000" in child(dialog, QLabel, "historyStatusLabel").text()
    assert db_stock(session, HIJAB) == 20
    assert session.catalog.find(HIJAB).stock == 20  # the window's grid sees it too
    assert not child(dialog, QPushButton, "voidButton").isEnabled()
    assert not child(dialog, QPushButton, "refundButton").isEnabled()
    report = session.shift_report()
    assert report is not None and (report.voids_count, report.voids_total) == (1, 170_000)


def test_a_voided_sale_is_drawn_greyed_in_the_list(qtbot: QtBot, session: StandSession,
                                                  sales: list[str]) -> None:
    session.sales.void(sales[0], supervisor=SUPERVISOR, pin=SUPERVISOR_PIN, reason="salah input")
    d = HistoryDialog(session)
    qtbot.addWidget(d)
    d.show()
    view = child(d, QTableView, "historyTable")
    image = view.viewport().grab().toImage()

    def darkest_text(row: int) -> int:
        """The darkest pixel's lightness over the row's receipt number (its text's colour)."""
        rect = view.visualRect(view.model().index(row, 0))
        return min(image.pixelColor(x, y).lightness()
                   for x in range(rect.left(), rect.right())
                   for y in range(rect.top(), rect.bottom()))

    receipts = [row[0] for row in rows(d)]
    assert darkest_text(receipts.index(sales[1])) < 80  # dark text
    assert darkest_text(receipts.index(sales[0])) > 110  # grey: it no longer counts


@pytest.mark.parametrize(("who", "pin", "message"), [
    (CASHIER, CASHIER_PIN, "Ani is a cashier: a supervisor must approve this"),
    (SUPERVISOR, "0000", "Wrong name or PIN"),
])
def test_void_refused_inline_for_a_cashier_or_a_wrong_pin(
        qtbot: QtBot, dialog: HistoryDialog, session: StandSession, who: str, pin: str,
        message: str) -> None:
    dialog.open_receipt("JATIM-000001")
    child(dialog, QLineEdit, "reasonInput").setText("salah input")
    before = dump_database(session.handle.path)
    click(qtbot, dialog, "voidButton")
    prompt = approve(qtbot, dialog, who, pin)
    assert prompt.isVisible()  # still asking
    error = child(prompt, QLabel, "pinErrorLabel")
    assert error.isVisible() and error.text() == message
    assert child(prompt, QLineEdit, "supervisorPinInput").text() == ""
    assert dump_database(session.handle.path, but=("pin_failure",)) == before  # a wrong PIN counts
    assert rows(dialog)[1][3] == ""
    click(qtbot, prompt, "pinCancelButton")
    assert dialog.prompt is None


def test_void_needs_a_reason_before_asking_the_supervisor(
        qtbot: QtBot, dialog: HistoryDialog) -> None:
    dialog.open_receipt("JATIM-000001")
    click(qtbot, dialog, "voidButton")
    assert dialog.prompt is None
    assert child(dialog, QLabel, "historyErrorLabel").text() == "Give a reason first."


def test_refund_one_of_two_units_gives_back_its_price(
        qtbot: QtBot, dialog: HistoryDialog, session: StandSession) -> None:
    dialog.open_receipt("JATIM-000001")
    child(dialog, QSpinBox, "refundQty1").setValue(1)
    child(dialog, QLineEdit, "reasonInput").setText("warna tidak cocok")
    method = child(dialog, QComboBox, "refundMethod")
    assert method.currentData() == "cash"  # the way the sale was paid
    click(qtbot, dialog, "refundButton")
    approve(qtbot, dialog, SUPERVISOR, SUPERVISOR_PIN)
    assert dialog.prompt is None
    status = child(dialog, QLabel, "historyStatusLabel").text()
    assert "JATIM-R00001" in status and "Rp 85.000" in status
    assert rows(dialog)[1][3] == "Refunded\nRp 85.000"
    conn = sqlite3.connect(session.handle.path)
    try:
        refunds = conn.execute("SELECT refund_no, method, amount FROM refund").fetchall()
    finally:
        conn.close()
    assert refunds == [("JATIM-R00001", "cash", 85_000)]
    assert db_stock(session, HIJAB) == 19 and session.catalog.find(HIJAB).stock == 19
    # the open sale now shows one refunded and allows one more
    assert child(dialog, QSpinBox, "refundQty1").maximum() == 1
    assert not child(dialog, QPushButton, "voidButton").isEnabled()


def test_a_refund_asks_for_its_receipt_to_be_printed(qtbot: QtBot,
                                                     dialog: HistoryDialog) -> None:
    dialog.open_receipt("JATIM-000002")
    child(dialog, QSpinBox, "refundQty1").setValue(1)
    child(dialog, QLineEdit, "reasonInput").setText("rusak")
    click(qtbot, dialog, "refundButton")
    with qtbot.waitSignal(dialog.refunded) as refunded:
        approve(qtbot, dialog, SUPERVISOR, SUPERVISOR_PIN)
    assert refunded.args == ["JATIM-R00001"]


def test_refund_needs_a_quantity(qtbot: QtBot, dialog: HistoryDialog,
                                 session: StandSession) -> None:
    dialog.open_receipt("JATIM-000002")
    child(dialog, QLineEdit, "reasonInput").setText("rusak")
    before = dump_database(session.handle.path)
    click(qtbot, dialog, "refundButton")
    assert dialog.prompt is None
    assert "at least one line" in child(dialog, QLabel, "historyErrorLabel").text()
    assert dump_database(session.handle.path) == before


def test_scanning_a_product_of_the_open_sale_picks_it_for_refund(
        dialog: HistoryDialog) -> None:
    dialog.open_receipt("JATIM-000001")
    assert dialog.open_receipt("8991234500031")
    assert dialog.open_receipt("8991234500031")
    assert not dialog.open_receipt("8991234500031")  # only two were sold
    assert child(dialog, QSpinBox, "refundQty1").value() == 2


def expected_cash(session: StandSession) -> int:
    x = session.shift_report()
    assert x is not None
    return x.expected_cash


def test_all_sales_toggle_shows_earlier_shifts(qtbot: QtBot, session: StandSession,
                                                sales: list[str]) -> None:
    session.close_shift(expected_cash(session))  # counted as expected: no supervisor needed
    session.open_shift(100_000)
    sell(session, [HIJAB])
    d = HistoryDialog(session)
    qtbot.addWidget(d)
    d.show()
    assert [r[0] for r in rows(d)] == ["JATIM-000003"]
    child(d, QCheckBox, "historyAllToggle").setChecked(True)
    assert [r[0] for r in rows(d)] == ["JATIM-000003", "JATIM-000002", "JATIM-000001"]
    child(d, QCheckBox, "historyAllToggle").setChecked(False)
    assert d.open_receipt("JATIM-000001")  # an earlier shift's receipt lists all
    assert child(d, QCheckBox, "historyAllToggle").isChecked()


def test_reprint_shows_the_copy_as_it_prints(qtbot: QtBot, session: StandSession,
                                            dialog: HistoryDialog) -> None:
    current = settings.get(session.handle.uow(write=False))
    settings.save(session.handle.uow(), replace(current, paper_width=32),
                  approval=BUDI)  # a 58 mm printer
    dialog.open_receipt("JATIM-000001")
    click(qtbot, dialog, "reprintButton")
    view = child(dialog, QPlainTextEdit, "receiptPreview")
    assert view.isVisible() and view.isReadOnly()
    lines = view.toPlainText().splitlines()
    seen = [" ".join(line.split()) for line in lines]
    for wanted in ("*** SALINAN ***", "Struk JATIM-000001", "Kasir Ani",
                   "Jilbab Lukis Bunga Teratai", "2 x Rp 85.000 Rp 170.000",
                   "TOTAL Rp 170.000", "Tunai Rp 170.000", "||| JATIM-000001 |||"):
        assert wanted in seen, wanted
    assert "-" * 32 in lines and max(len(line) for line in lines) == 32


def test_the_copy_of_a_refunded_sale_lists_the_refund(qtbot: QtBot, session: StandSession,
                                                      dialog: HistoryDialog) -> None:
    refund = returns.refund(session.handle.uow(), "JATIM-000001", [returns.RefundItem(HIJAB, 1)],
                            supervisor_name=SUPERVISOR, supervisor_pin=SUPERVISOR_PIN,
                            reason="rusak", method=PaymentMethod.CASH)
    dialog.open_receipt("JATIM-000001")
    click(qtbot, dialog, "reprintButton")
    seen = [" ".join(line.split())
            for line in child(dialog, QPlainTextEdit, "receiptPreview").toPlainText().splitlines()]
    assert f"Retur {refund.refund_no} (Tunai) -Rp 85.000" in seen


def test_every_interactive_widget_is_named(qtbot: QtBot, dialog: HistoryDialog) -> None:
    dialog.open_receipt("JATIM-000001")
    child(dialog, QLineEdit, "reasonInput").setText("x")
    click(qtbot, dialog, "voidButton")
    assert dialog.prompt is not None
    for parent in (dialog, dialog.prompt):
        for kind in (QPushButton, QLineEdit, QSpinBox, QComboBox, QCheckBox, QTableView):
            for widget in parent.findChildren(kind):
                if isinstance(widget.parent(), QSpinBox | QComboBox):
                    continue  # their own inner line edit
                assert widget.objectName(), widget
                assert widget.accessibleName(), widget.objectName()
                if isinstance(widget, QPushButton) and widget.isVisible():
                    assert widget.height() >= 44, widget.objectName()


def test_an_earlier_shift_sale_can_be_refunded_but_not_voided(
        qtbot: QtBot, session: StandSession, sales: list[str]) -> None:
    session.close_shift(expected_cash(session))  # counted as expected: no supervisor needed
    session.open_shift(100_000)
    d = HistoryDialog(session)
    qtbot.addWidget(d)
    d.show()
    assert d.open_receipt("JATIM-000001")
    assert not child(d, QPushButton, "voidButton").isEnabled()
    assert child(d, QPushButton, "refundButton").isEnabled()


def test_language_change_retranslates_without_losing_the_open_sale(
        dialog: HistoryDialog) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    dialog.open_receipt("JATIM-000001")
    child(dialog, QSpinBox, "refundQty1").setValue(1)
    QCoreApplication.sendEvent(dialog, QEvent(QEvent.Type.LanguageChange))
    assert child(dialog, QPushButton, "voidButton").text() == "Void sale"
    assert child(dialog, QSpinBox, "refundQty1").value() == 1
    assert "Jilbab" in child(dialog, QSpinBox, "refundQty1").accessibleName()
