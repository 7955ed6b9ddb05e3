"""Bad input on the order screens (issue 6, item 7): the window shows the one-line reason,
in English and in Bahasa Indonesia, where the cashier is looking, and the stand database is
left exactly as it was."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from posapp.domain.tender import Payment, PaymentMethod
from posapp.services import order_fulfil
from posapp.ui.common.i18n import Languages
from posapp.ui.common.scanner import ScannerFilter
from posapp.ui.orders.cancel_dialog import OrderCancelDialog
from posapp.ui.orders.order_dialog import OrderDialog
from posapp.ui.orders.orders_dialog import OrdersDialog
from posapp.ui.orders.payment_dialog import OrderPaymentDialog
from posapp.ui.stand.window import StandWindow
from tests.conftest import SUPERVISOR, SUPERVISOR_PIN, Stand, dump_database
from tests.ui.test_orders_window import (
    HIJAB,
    StepClock,
    child,
    click,
    idle,
    orders_dialog,
    place,
    scan,
    step,
    type_in,
    window,
)


@dataclass
class Case:
    """Brings the window to the moment before the bad step; *act* takes it and returns the
    label that shows the reason."""

    prepare: Callable[[Stand, QtBot, StandWindow], Callable[[], QLabel]]
    english: str
    indonesian: str


def deposit_above_the_total(stand: Stand, qtbot: QtBot, w: StandWindow) -> Callable[[], QLabel]:
    w.selling.add_code(HIJAB)
    w.selling.add_code(HIJAB)  # Rp 170.000
    w.actions_.orders.take_order()
    dialog = w.actions_.dialog
    assert isinstance(dialog, OrderDialog)
    dialog.take_deposit()
    deposit = dialog.payment
    assert isinstance(deposit, OrderPaymentDialog)

    def act() -> QLabel:
        type_in(qtbot, deposit, "cashReceivedInput", "200.000")
        click(qtbot, deposit, "confirmPaymentButton")
        assert deposit.isVisible()
        return child(deposit, QLabel, "paymentErrorLabel")
    return act


def deposit_above_a_smaller_total(stand: Stand, qtbot: QtBot,
                                  w: StandWindow) -> Callable[[], QLabel]:
    """The deposit was right, then a line went: Save refuses."""
    w.selling.add_code(HIJAB)
    w.selling.add_code("JTM-BTK-002")  # Rp 85.000 + Rp 325.000
    w.actions_.orders.take_order()
    dialog = w.actions_.dialog
    assert isinstance(dialog, OrderDialog)
    type_in(qtbot, dialog, "buyerNameInput", "Ibu Ratna")
    type_in(qtbot, dialog, "buyerPhoneInput", "0812 3456 7890")
    dialog.deposit = [Payment(PaymentMethod.CASH, 300_000)]
    dialog.lines.table.selectRow(1)
    click(qtbot, dialog, "removeOrderLineButton")

    def act() -> QLabel:
        click(qtbot, dialog, "saveOrderButton")
        return child(dialog, QLabel, "orderErrorLabel")
    return act


def card_above_the_balance(stand: Stand, qtbot: QtBot, w: StandWindow) -> Callable[[], QLabel]:
    place(stand)  # Rp 1.590.000, nothing paid
    dialog = orders_dialog(qtbot, w)
    dialog.open_order("JATIM-P00001")
    click(qtbot, dialog, "payOrderButton")
    pay = step(dialog, OrderPaymentDialog)

    def act() -> QLabel:
        click(qtbot, pay, "methodCard")
        type_in(qtbot, pay, "cashReceivedInput", "2.000.000")
        click(qtbot, pay, "confirmPaymentButton")
        assert pay.isVisible()
        return child(pay, QLabel, "paymentErrorLabel")
    return act


def handed_over_behind(stand: Stand, qtbot: QtBot, w: StandWindow) -> OrdersDialog:
    """The list shows the order open; another session hands it over meanwhile."""
    place(stand, deposit=[Payment(PaymentMethod.CASH, 1_590_000)])
    dialog = orders_dialog(qtbot, w)
    dialog.open_order("JATIM-P00001")
    order_fulfil.hand_over(stand.handle.uow(), stand.cashier, "JATIM-P00001")
    return dialog


def handing_over_twice(stand: Stand, qtbot: QtBot, w: StandWindow) -> Callable[[], QLabel]:
    dialog = handed_over_behind(stand, qtbot, w)

    def act() -> QLabel:
        click(qtbot, dialog, "handOverButton")
        return child(dialog, QLabel, "ordersErrorLabel")
    return act


def cancelling_a_handed_over_order(stand: Stand, qtbot: QtBot,
                                   w: StandWindow) -> Callable[[], QLabel]:
    dialog = handed_over_behind(stand, qtbot, w)
    click(qtbot, dialog, "cancelOrderButton")
    cancel = step(dialog, OrderCancelDialog)

    def act() -> QLabel:
        type_in(qtbot, cancel, "cancelReasonInput", "pembeli batal")
        type_in(qtbot, cancel, "supervisorNameInput", SUPERVISOR)
        type_in(qtbot, cancel, "supervisorPinInput", SUPERVISOR_PIN)
        click(qtbot, cancel, "confirmCancelOrderButton")
        assert cancel.isVisible()
        return child(cancel, QLabel, "cancelErrorLabel")
    return act


def unknown_number_typed(stand: Stand, qtbot: QtBot, w: StandWindow) -> Callable[[], QLabel]:
    place(stand)
    dialog = orders_dialog(qtbot, w)

    def act() -> QLabel:
        type_in(qtbot, dialog, "orderNumberInput", "JATIM-P09999")
        qtbot.keyClick(child(dialog, QLineEdit, "orderNumberInput"), Qt.Key.Key_Return)
        assert dialog.order is None
        return child(dialog, QLabel, "ordersErrorLabel")
    return act


def unknown_number_scanned(stand: Stand, qtbot: QtBot, w: StandWindow) -> Callable[[], QLabel]:
    place(stand)
    dialog = orders_dialog(qtbot, w)
    dialog.open_order("JATIM-P00001")
    search = child(dialog, QLineEdit, "ordersSearch")
    search.setFocus()

    def act() -> QLabel:
        scan(qtbot, search, "JATIM-P09999")
        assert dialog.order is not None and dialog.order.order_no == "JATIM-P00001"
        return child(dialog, QLabel, "ordersErrorLabel")
    return act


CASES = {
    "a deposit above the total": Case(
        deposit_above_the_total,
        "A deposit of Rp 200.000 is more than the order total of Rp 170.000",
        "DP Rp 200.000 melebihi total pesanan Rp 170.000"),
    "a deposit above the total once a line is gone": Case(
        deposit_above_a_smaller_total,
        "A deposit of Rp 300.000 is more than the order total of Rp 85.000",
        "DP Rp 300.000 melebihi total pesanan Rp 85.000"),
    "paying more than the balance by card": Case(
        card_above_the_balance,
        "Card, QRIS and transfer give no change: they cover Rp 2.000.000 of a Rp 1.590.000 "
        "total; take at most Rp 1.590.000 by card, QRIS or transfer",
        "Kartu, QRIS, dan transfer tanpa kembalian: terima paling banyak Rp 1.590.000 "
        "dengan cara itu"),
    "handing over twice": Case(
        handing_over_twice,
        "Order JATIM-P00001 was already handed over: it cannot be handed over again",
        "Pesanan JATIM-P00001 sudah diserahkan"),
    "cancelling a handed-over order": Case(
        cancelling_a_handed_over_order,
        "Order JATIM-P00001 was already handed over: it cannot be cancelled",
        "Pesanan JATIM-P00001 sudah diserahkan: tidak bisa dibatalkan lagi"),
    "an order number that does not exist, typed": Case(
        unknown_number_typed,
        "No order with number 'JATIM-P09999'",
        "Tidak ada pesanan dengan nomor JATIM-P09999"),
    "an order number that does not exist, scanned": Case(
        unknown_number_scanned,
        "No order with number 'JATIM-P09999'",
        "Tidak ada pesanan dengan nomor JATIM-P09999"),
}


@pytest.fixture(params=["en", "id"])
def lang(request: pytest.FixtureRequest, qapp: QApplication, qm_file: object) -> Iterator[str]:
    languages = Languages(qapp)
    assert languages.use(request.param)
    yield request.param
    languages.use("en")  # the app is shared


@pytest.fixture
def scanner(qapp: QApplication) -> Iterator[ScannerFilter]:
    f = ScannerFilter(clock=StepClock())
    qapp.installEventFilter(f)
    yield f
    qapp.removeEventFilter(f)
    f.enabled = False


@pytest.mark.parametrize("case", list(CASES))
def test_a_refusal_shows_its_reason_and_changes_nothing(
        case: str, lang: str, jatim: Stand, qtbot: QtBot, scanner: ScannerFilter) -> None:
    w = window(jatim, qtbot, scanner)
    act = CASES[case].prepare(jatim, qtbot, w)
    idle(qtbot, w)
    before = dump_database(jatim.path)

    label = act()

    assert label.isVisible()
    assert label.text() == (CASES[case].english if lang == "en" else CASES[case].indonesian)
    assert dump_database(jatim.path) == before
