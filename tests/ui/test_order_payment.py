"""An order's payment (deposit, a payment towards the balance, the balance at hand-over) on
the sale's payment parts, driven by keys and clicks as a cashier would, against a real stand
database: the same methods, quick cash, split step and QRIS code; the confirm button saying
the amount; refusals in one line with the dialog staying; what is recorded."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from posapp.domain.qris import dynamic_payload
from posapp.domain.tender import Payment, PaymentMethod
from posapp.services.session.stand import StandSession
from posapp.ui.orders.payment_dialog import Kind, OrderPaymentDialog
from tests.conftest import CASHIER, CASHIER_PIN, Stand, dump_database
from tests.ui.test_orders_window import order, orders_dialog, place, step, window
from tests.ui.test_payment_panel import use_qris
from tests.unit.test_qris import STAND_STATIC

ORDER = "JATIM-P00001"


def shown(dialog: QWidget, name: str) -> str:
    label = dialog.findChild(QLabel, name)
    assert label is not None, name
    return label.text() if label.isVisible() else ""


def button(dialog: QWidget, name: str) -> QPushButton:
    b = dialog.findChild(QPushButton, name)
    assert b is not None, name
    return b


def amount_input(dialog: QWidget) -> QLineEdit:
    field = dialog.findChild(QLineEdit, "cashReceivedInput")
    assert field is not None
    return field


def type_amount(qtbot: QtBot, dialog: QWidget, typed: str) -> None:
    amount_input(dialog).selectAll()
    qtbot.keyClicks(amount_input(dialog), typed)


def key(qtbot: QtBot, dialog: QWidget, k: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the cashier presses it: to the widget that has the focus."""
    qtbot.keyClick(dialog.focusWidget() or dialog, k, modifier)


def opened(session: StandSession, qtbot: QtBot, kind: Kind, due: int, *,
           take: Callable[[list[Payment]], object] | None = None,
           required: int | None = None) -> OrderPaymentDialog:
    dialog = OrderPaymentDialog(session, kind, due, take=take, order_no=ORDER,
                                required=required,
                                qris_payload=session.settings.get().qris_payload)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.open()
    return dialog


@pytest.mark.parametrize(("kind", "confirm"), [
    ("deposit", "No deposit (Enter)"),
    ("balance", "Pay Rp 85.000 (Enter)"),
    ("handover", "Pay Rp 85.000 and hand over (Enter)"),
])
def test_each_order_payment_has_the_panels_parts_and_one_primary_button(
        session: StandSession, qtbot: QtBot, kind: Kind, confirm: str) -> None:
    dialog = opened(session, qtbot, kind, 85_000)
    assert [button(dialog, f"method{m.value.capitalize()}").text() for m in PaymentMethod] == [
        "Cash\nAlt+1", "QRIS\nAlt+2", "Card\nAlt+3", "Transfer\nAlt+4"]
    assert shown(dialog, "dueLabel") == "Rp 85.000"
    ok = button(dialog, "confirmPaymentButton")
    assert ok.text() == confirm
    visible = [b for b in dialog.findChildren(QPushButton) if b.isVisible()]
    assert [b for b in visible if b.property("role") == "primary"] == [ok]
    assert all(ok.width() > b.width() and ok.font().pointSize() > b.font().pointSize()
               for b in visible if b is not ok)
    for widget in [*visible, amount_input(dialog)]:
        assert widget.objectName() and widget.accessibleName(), widget
        assert widget.minimumHeight() >= 44, widget.objectName()


def test_a_deposit_is_any_part_of_the_total_with_no_change_and_no_larger_notes(
        session: StandSession, qtbot: QtBot) -> None:
    dialog = opened(session, qtbot, "deposit", 170_000)
    quick = [button(dialog, f"quickCash{i}") for i in range(5)]
    assert [b.text() for b in quick if b.isVisible()] == ["Pay in full\nCtrl+1"]
    assert shown(dialog, "remainingLabel") == ""  # nothing paid yet: the total says it
    type_amount(qtbot, dialog, "50.000")
    assert button(dialog, "confirmPaymentButton").text() == "Take a deposit of Rp 50.000 (Enter)"
    assert shown(dialog, "remainingCaption") == "Balance after the deposit"
    assert shown(dialog, "remainingLabel") == "Rp 120.000" and shown(dialog, "changeLabel") == ""
    type_amount(qtbot, dialog, "200.000")  # more than the total: a deposit gives no change
    assert shown(dialog, "changeLabel") == shown(dialog, "remainingLabel") == ""
    key(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.payments == []
    assert shown(dialog, "paymentErrorLabel") == (
        "A deposit of Rp 200.000 is more than the order total of Rp 170.000")
    key(qtbot, dialog, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert amount_input(dialog).text() == "Rp 170.000"
    key(qtbot, dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert dialog.payments == [Payment(PaymentMethod.CASH, 170_000)]


def test_an_empty_deposit_is_no_deposit(session: StandSession, qtbot: QtBot) -> None:
    dialog = opened(session, qtbot, "deposit", 170_000)
    key(qtbot, dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.result() == 1 and dialog.payments == []


def test_a_balance_paid_in_cash_by_keys_gives_change_and_is_recorded(
        jatim: Stand, session: StandSession, qtbot: QtBot) -> None:
    place(jatim, deposit=[Payment(PaymentMethod.CASH, 340_000)])  # Rp 1.250.000 due
    dialog = opened(session, qtbot, "balance", 1_250_000,
                    take=lambda payments: session.orders.pay(ORDER, payments))
    assert [button(dialog, f"quickCash{i}").text() for i in range(3)] == [
        "Exact amount\nCtrl+1", "Rp 1.300.000\nCtrl+2", "Rp 1.400.000\nCtrl+3"]
    key(qtbot, dialog, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert shown(dialog, "changeLabel") == "Rp 50.000" and shown(dialog, "remainingLabel") == ""
    assert button(dialog, "confirmPaymentButton").text() == "Pay Rp 1.250.000 (Enter)"
    key(qtbot, dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    paid = order(jatim)
    assert paid.balance == 0
    assert [(p.kind, p.method, p.amount) for p in paid.payments][-1] == (
        "balance", "cash", 1_250_000)


def test_a_balance_split_between_qris_and_cash_is_two_payments(
        jatim: Stand, qtbot: QtBot) -> None:
    use_qris(jatim)
    place(jatim, deposit=[Payment(PaymentMethod.CASH, 340_000)])  # Rp 1.250.000 due
    session = StandSession.open(jatim.handle)
    session.login(CASHIER, CASHIER_PIN)
    dialog = opened(session, qtbot, "balance", 1_250_000,
                    take=lambda payments: session.orders.pay(ORDER, payments))
    key(qtbot, dialog, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert amount_input(dialog).text() == "Rp 1.250.000"  # non-cash starts at what is due
    type_amount(qtbot, dialog, "1.000.000")
    assert dialog.tender.qris_view.payload == dynamic_payload(STAND_STATIC, 1_000_000)
    assert dialog.qris_amount == 1_000_000
    assert shown(dialog, "qrisCaption") == "Scan to pay Rp 1.000.000"
    assert button(dialog, "confirmPaymentButton").text() == "Pay Rp 1.000.000 (Enter)"
    key(qtbot, dialog, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    taken = dialog.findChild(QListWidget, "paymentList")
    assert taken is not None and taken.isVisible()
    assert [taken.item(i).text() for i in range(taken.count())] == ["QRIS  Rp 1.000.000"]
    assert shown(dialog, "splitCaption") == "Split payment: Rp 1.000.000 of Rp 1.250.000 paid"
    key(qtbot, dialog, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert shown(dialog, "changeLabel") == ""  # the exact rest: no change of nothing
    type_amount(qtbot, dialog, "300.000")
    assert shown(dialog, "changeLabel") == "Rp 50.000"
    assert button(dialog, "confirmPaymentButton").text() == "Pay Rp 1.250.000 (Enter)"
    key(qtbot, dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.qris_amount is None
    assert sorted((p.kind, p.method, p.amount) for p in order(jatim).payments) == [
        ("balance", "cash", 250_000), ("balance", "qris", 1_000_000), ("deposit", "cash", 340_000)]


def test_a_refused_hand_over_says_why_in_one_line_and_stays(
        jatim: Stand, session: StandSession, qtbot: QtBot) -> None:
    place(jatim, deposit=[Payment(PaymentMethod.CASH, 340_000)])  # Rp 1.250.000 due
    dialog = opened(session, qtbot, "handover", 1_250_000,
                    take=lambda payments: session.orders.hand_over(ORDER, payments=payments))
    before = dump_database(jatim.path)
    type_amount(qtbot, dialog, "100.000")  # the last hand-over needs the whole balance
    assert button(dialog, "confirmPaymentButton").text() == (
        "Pay Rp 100.000 and hand over (Enter)")
    key(qtbot, dialog, Qt.Key.Key_Return)
    error = shown(dialog, "paymentErrorLabel")
    assert "Rp 1.150.000 more must be paid" in error and "\n" not in error
    assert dialog.isVisible() and dialog.outcome is None
    assert dump_database(jatim.path) == before


def test_the_required_part_is_said_above_the_parts(session: StandSession,
                                                   qtbot: QtBot) -> None:
    dialog = opened(session, qtbot, "handover", 1_250_000, required=140_000)
    assert shown(dialog, "orderPaymentHint") == (
        "These pieces need at least Rp 140.000 now; the rest of the balance may be paid later.")


def test_the_qris_slip_key_prints_the_codes_amount_from_the_orders_list(
        jatim: Stand, qtbot: QtBot) -> None:
    use_qris(jatim)
    place(jatim)  # Rp 1.590.000, nothing paid
    w = window(jatim, qtbot)
    dialog = orders_dialog(qtbot, w)
    dialog.open_order(ORDER)
    qtbot.mouseClick(button(dialog, "payOrderButton"), Qt.MouseButton.LeftButton)
    pay = step(dialog, OrderPaymentDialog)
    qtbot.waitUntil(pay.isActiveWindow)  # its keys work once it has the keyboard
    key(qtbot, pay, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    type_amount(qtbot, pay, "500.000")
    key(qtbot, pay, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert shown(pay, "paymentErrorLabel") == "QRIS slip sent to the printer"
    qtbot.waitUntil(lambda: not w.printing.busy, timeout=15_000)
    assert [(job.kind, job.ref) for job in w.session.prints.pending()] == [("qris", "500000")]
    key(qtbot, pay, Qt.Key.Key_Escape)
    assert not pay.isVisible() and order(jatim).paid == 0
