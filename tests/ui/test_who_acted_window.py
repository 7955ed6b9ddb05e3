"""In the window, the logged-in cashier asks for a void, a refund or an order cancel and the
supervisor typed into the prompt approves it: the journal names both."""

from __future__ import annotations

import json
import sqlite3

from PySide6.QtWidgets import QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot

from posapp.domain.order import Buyer, OrderItem
from posapp.services.session.stand import StandSession
from posapp.ui.stand.history_dialog import HistoryDialog
from tests.conftest import CASHIER, SUPERVISOR, SUPERVISOR_PIN
from tests.ui.test_history import HIJAB, approve, child, click, sell


def journaled(session: StandSession, kind: str) -> dict[str, object]:
    conn = sqlite3.connect(session.handle.path)
    try:
        (payload,) = conn.execute("SELECT payload FROM journal WHERE kind = ? "
                                  "ORDER BY seq DESC LIMIT 1", (kind,)).fetchone()
    finally:
        conn.close()
    return dict(json.loads(payload))


def history(qtbot: QtBot, session: StandSession) -> HistoryDialog:
    sell(session, [HIJAB, HIJAB])
    dialog = HistoryDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.open_receipt("JATIM-000001")
    child(dialog, QLineEdit, "reasonInput").setText("salah input")
    return dialog


def test_a_void_asked_by_ani_and_approved_by_budi(qtbot: QtBot,
                                                  session: StandSession) -> None:
    dialog = history(qtbot, session)  # Ani is logged in
    click(qtbot, dialog, "voidButton")
    with qtbot.waitSignal(dialog.changed):
        approve(qtbot, dialog, SUPERVISOR, SUPERVISOR_PIN)
    voided = journaled(session, "sale.voided")
    assert (voided["receipt_no"], voided["by"], voided["approved_by"]) == (
        "JATIM-000001", CASHIER, SUPERVISOR)


def test_a_refund_asked_by_ani_and_approved_by_budi(qtbot: QtBot,
                                                    session: StandSession) -> None:
    dialog = history(qtbot, session)
    child(dialog, QSpinBox, "refundQty1").setValue(1)
    click(qtbot, dialog, "refundButton")
    with qtbot.waitSignal(dialog.refunded):
        approve(qtbot, dialog, SUPERVISOR, SUPERVISOR_PIN)
    refunded = journaled(session, "sale.refunded")
    assert (refunded["amount"], refunded["by"], refunded["approved_by"]) == (
        85_000, CASHIER, SUPERVISOR)


def test_an_order_cancel_asked_by_ani_and_approved_by_budi(session: StandSession) -> None:
    placed = session.orders.place(Buyer("Mr. Hiroshi Tanaka", email="tanaka@example.jp"),
                                  [OrderItem("Batik tulis motif parang", 650_000, 1)])
    session.orders.cancel(placed.order.order_no, supervisor=SUPERVISOR, pin=SUPERVISOR_PIN,
                          reason="pembeli batal", deposit="keep")
    cancelled = journaled(session, "order.cancelled")
    assert (cancelled["by"], cancelled["approved_by"]) == (CASHIER, SUPERVISOR)
