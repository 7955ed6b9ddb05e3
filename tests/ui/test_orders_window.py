"""Orders in the real stand window on a real stand database: taking one (from the cart or
the menu) with a deposit, paying part, marking it ready, scanning its slip to hand it over
with the balance in one step, handing over line by line, cancelling with a supervisor's PIN;
each slip printed through the print queue."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from posapp.domain.fx import parse_rate
from posapp.domain.order import Buyer, OrderItem, OrderStatus
from posapp.domain.qris import dynamic_payload
from posapp.domain.tender import Payment, PaymentMethod
from posapp.services import fx, orders, settings
from posapp.services.orders import OrderView
from posapp.services.session.stand import StandSession
from posapp.store.models import PrintJobRow
from posapp.ui.common.i18n import Languages
from posapp.ui.common.scanner import ScannerFilter
from posapp.ui.orders.cancel_dialog import OrderCancelDialog
from posapp.ui.orders.order_dialog import OrderDialog
from posapp.ui.orders.orders_dialog import OrdersDialog
from posapp.ui.orders.payment_dialog import OrderPaymentDialog
from posapp.ui.stand.window import StandWindow
from tests.conftest import BUDI, CASHIER, CASHIER_PIN, SUPERVISOR, SUPERVISOR_PIN, Stand
from tests.unit.test_qris import STAND_STATIC

W = TypeVar("W", bound=QWidget)
HIJAB, GEDOG = "JTM-JLB-001", "JTM-BTK-002"  # Rp 85.000 (20 in stock), Rp 325.000 (3)
BATIK = "Batik tulis motif sekar jagad, biru, 2 m"
DELEGATE = Buyer("Mdm. Siti Aminah", phone="+60 12-345 6789", country="Malaysia")


# -- helpers -------------------------------------------------------------------------------
def child(parent: QWidget, kind: type[W], name: str) -> W:
    widget = parent.findChild(kind, name)
    assert widget is not None, f"no {kind.__name__} named {name}"
    return widget


def click(qtbot: QtBot, parent: QWidget, name: str) -> None:
    button = child(parent, QAbstractButton, name)
    assert button.isVisible() and button.isEnabled(), name
    at = QPoint(12, button.height() // 2) if isinstance(button, QRadioButton) else QPoint()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=at)  # a radio: on its circle


def type_in(qtbot: QtBot, parent: QWidget, name: str, text: str) -> None:
    edit = child(parent, QLineEdit, name)
    edit.clear()
    qtbot.keyClicks(edit, text)
    qtbot.waitUntil(lambda: edit.text() == text)  # a scanner filter holds fast keys a moment


class StepClock:
    """Milliseconds moving 5 at each reading: keys sent in a row are a scanner's burst."""

    def __init__(self) -> None:
        self.now = 1_000

    def __call__(self) -> int:
        self.now += 5
        return self.now


@pytest.fixture
def scanner(qapp: QApplication) -> Iterator[ScannerFilter]:
    f = ScannerFilter(clock=StepClock())
    qapp.installEventFilter(f)
    yield f
    qapp.removeEventFilter(f)
    f.enabled = False


def scan(qtbot: QtBot, target: QWidget, code: str) -> None:
    """*code* and Enter as a scanner sends them, to *target* (which has the focus)."""
    for ch in code:
        qtbot.keyClick(target, ch)
    qtbot.keyClick(target, Qt.Key.Key_Return)


def window(stand: Stand, qtbot: QtBot, scanner: ScannerFilter | None = None) -> StandWindow:
    session = StandSession.open(stand.handle)
    session.login(CASHIER, CASHIER_PIN)
    w = StandWindow(session, scanner=scanner)
    if scanner is not None:
        scanner.scanned.connect(w.on_scan)
    qtbot.addWidget(w)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    assert w.pages.currentWidget() is w.selling
    return w


def idle(qtbot: QtBot, w: StandWindow) -> None:
    """The slips queued so far are printed (or failed): the database is still."""
    qtbot.waitUntil(lambda: not w.printing.busy, timeout=15_000)


def place(stand: Stand, *, hijabs: int = 4, deposit: list[Payment] | None = None) -> OrderView:
    """*hijabs* painted hijabs from stock and a batik made to order (Rp 1.250.000)."""
    p = stand.product(HIJAB)
    items = [OrderItem(p.name, p.price, hijabs, sku=p.sku, product_id=p.id,
                       category=p.category, maker_group=p.maker_group, region=p.region),
             OrderItem(BATIK, 1_250_000, 1)]
    return orders.place(stand.handle.uow(), stand.cashier, DELEGATE, items,
                        due=date.today() + timedelta(days=7), deposit=deposit).order


def order(stand: Stand, number: str = "JATIM-P00001") -> OrderView:
    return orders.get(stand.handle.uow(write=False), number)


def slips(stand: Stand) -> list[str]:
    with stand.handle.uow(write=False) as uow:
        return list(uow.session.scalars(select(PrintJobRow.ref).where(
            PrintJobRow.kind == "order").order_by(PrintJobRow.id)))


def orders_dialog(qtbot: QtBot, w: StandWindow) -> OrdersDialog:
    qtbot.keyClick(w, Qt.Key.Key_F10)
    dialog = w.actions_.dialog
    assert isinstance(dialog, OrdersDialog) and dialog.isVisible()
    return dialog


def step(dialog: OrdersDialog, kind: type[W]) -> W:
    opened = dialog.actions_.dialog
    assert isinstance(opened, kind) and opened.isVisible(), opened
    return opened


def use_qris(stand: Stand) -> None:
    """The stand's QRIS sticker's text set: payments show real codes."""
    current = settings.get(stand.handle.uow(write=False))
    settings.save(stand.handle.uow(), replace(current, qris_payload=STAND_STATIC), approval=BUDI)


def use_file_printer(stand: Stand, device: Path) -> None:
    current = settings.get(stand.handle.uow(write=False))
    settings.save(stand.handle.uow(), replace(current, printer=f"file:{device}"), approval=BUDI)


# -- taking an order -----------------------------------------------------------------------
def test_the_cart_becomes_an_order_with_a_made_to_order_item_and_a_deposit(
        jatim: Stand, qtbot: QtBot) -> None:
    w = window(jatim, qtbot)
    for _ in range(2):
        w.selling.add_code(HIJAB)
    click(qtbot, w.selling, "orderInsteadButton")
    dialog = w.actions_.dialog
    assert isinstance(dialog, OrderDialog) and dialog.isVisible()
    assert [(i.sku, i.quantity) for i in dialog.lines.items()] == [(HIJAB, 2)]
    type_in(qtbot, dialog, "buyerNameInput", DELEGATE.name)
    type_in(qtbot, dialog, "buyerPhoneInput", DELEGATE.phone)
    dialog.country.setCurrentText("Malaysia")
    click(qtbot, dialog, "shipRadio")
    type_in(qtbot, dialog, "buyerAddressInput", "Jalan Ampang 12, Kuala Lumpur")
    type_in(qtbot, dialog, "customDescriptionInput", BATIK)
    type_in(qtbot, dialog, "customPriceInput", "1.250.000")
    click(qtbot, dialog, "addCustomButton")
    assert "Rp 1.420.000" in child(dialog, QLabel, "orderTotalLabel").text()

    click(qtbot, dialog, "depositButton")
    deposit = dialog.payment
    assert isinstance(deposit, OrderPaymentDialog) and deposit.isVisible()
    click(qtbot, deposit, "methodTransfer")
    type_in(qtbot, deposit, "cashReceivedInput", "500.000")
    click(qtbot, deposit, "confirmPaymentButton")
    assert not deposit.isVisible()
    assert "Rp 920.000" in child(dialog, QLabel, "orderBalanceLabel").text()
    click(qtbot, dialog, "saveOrderButton")

    placed = order(jatim)
    assert (placed.total, placed.deposit, placed.balance) == (1_420_000, 500_000, 920_000)
    assert placed.buyer.address == "Jalan Ampang 12, Kuala Lumpur"
    assert placed.buyer.country == "Malaysia"
    assert [(ln.sku, ln.quantity, ln.reserved) for ln in placed.lines] == [
        (HIJAB, 2, 2), ("CUSTOM", 1, 0)]
    assert [(p.kind, p.method, p.amount) for p in placed.payments] == [
        ("deposit", "transfer", 500_000)]
    assert jatim.product(HIJAB).stock == 18  # kept for the buyer
    done = child(dialog, QLabel, "orderDoneLabel").text()
    assert "JATIM-P00001" in done and "Rp 920.000" in done
    model = dialog.lines.model
    assert [model.index(r, model.RESERVED).data() for r in range(2)] == ["2", "0"]
    assert w.session.cart.is_empty and slips(jatim) == ["JATIM-P00001"]
    assert w.status_labels["statusOrders"].text() == "Orders to collect: 1"
    idle(qtbot, w)


def test_a_new_order_from_the_menu_with_items_scanned_and_searched(
        jatim: Stand, qtbot: QtBot, scanner: ScannerFilter) -> None:
    w = window(jatim, qtbot, scanner)
    qtbot.keyClick(w, Qt.Key.Key_F12, Qt.KeyboardModifier.ShiftModifier)
    dialog = w.actions_.dialog
    assert isinstance(dialog, OrderDialog) and dialog.lines.items() == []
    code = child(dialog, QLineEdit, "orderCodeInput")
    code.setFocus()
    scan(qtbot, code, "8991234500024")  # the Gedog batik's barcode, scanned
    child(dialog, QSpinBox, "orderQuantitySpin").setValue(3)
    type_in(qtbot, dialog, "orderCodeInput", "clutch")  # one product matches: Enter adds it
    qtbot.keyClick(code, Qt.Key.Key_Return)
    child(dialog, QSpinBox, "orderLineQty1").setValue(2)
    assert [(i.sku, i.quantity) for i in dialog.lines.items()] == [(GEDOG, 2),
                                                                  ("JTM-TAS-001", 3)]
    type_in(qtbot, dialog, "buyerNameInput", "Ibu Ratna")
    type_in(qtbot, dialog, "buyerEmailInput", "ratna@example.id")
    click(qtbot, dialog, "saveOrderButton")

    placed = order(jatim)
    assert placed.total == 2 * 325_000 + 3 * 120_000 and placed.balance == placed.total
    assert [ln.reserved for ln in placed.lines] == [2, 1]  # one clutch in stock: 2 are made
    stand_today = datetime.now(w.session.info.zone).date()  # Jakarta's, not this machine's
    assert placed.buyer.address == "" and placed.due == stand_today + timedelta(days=14)
    idle(qtbot, w)


def test_a_refused_order_says_why_and_saves_nothing(jatim: Stand, qtbot: QtBot) -> None:
    from tests.conftest import dump_database

    w = window(jatim, qtbot)
    w.selling.add_code(HIJAB)
    w.actions_.orders.take_order()
    dialog = w.actions_.dialog
    assert isinstance(dialog, OrderDialog)
    type_in(qtbot, dialog, "buyerNameInput", "Ibu Ratna")
    before = dump_database(jatim.path)
    click(qtbot, dialog, "saveOrderButton")
    error = child(dialog, QLabel, "orderErrorLabel")
    assert error.text() == "An order needs a phone number or an email to reach the buyer"
    assert dump_database(jatim.path) == before and not w.session.cart.is_empty


# -- the life of an order ------------------------------------------------------------------
def test_pay_part_of_the_balance_then_mark_ready(jatim: Stand, qtbot: QtBot) -> None:
    place(jatim, deposit=[Payment(PaymentMethod.CASH, 340_000)])  # total Rp 1.590.000
    w = window(jatim, qtbot)
    dialog = orders_dialog(qtbot, w)
    dialog.open_order("jatim-p00001")
    assert "Rp 1.250.000" in child(dialog, QLabel, "orderMoneyLabel").text()
    click(qtbot, dialog, "payOrderButton")
    pay = step(dialog, OrderPaymentDialog)
    click(qtbot, pay, "methodCard")
    type_in(qtbot, pay, "cashReceivedInput", "250.000")
    click(qtbot, pay, "confirmPaymentButton")
    assert not pay.isVisible()
    assert order(jatim).balance == 1_000_000
    assert "balance due Rp 1.000.000" in child(dialog, QLabel, "ordersStatusLabel").text()

    click(qtbot, dialog, "readyButton")
    assert order(jatim).status is OrderStatus.READY
    assert not child(dialog, QAbstractButton, "readyButton").isEnabled()
    assert slips(jatim) == ["JATIM-P00001"]  # the payment's slip; ready prints none
    idle(qtbot, w)


def test_scanning_the_slip_opens_the_order_and_the_balance_is_taken_at_hand_over(
        jatim: Stand, qtbot: QtBot, scanner: ScannerFilter, tmp_path: Path) -> None:
    place(jatim, deposit=[Payment(PaymentMethod.TRANSFER, 590_000)])  # Rp 1.000.000 due
    device = tmp_path / "lp0"
    use_file_printer(jatim, device)
    w = window(jatim, qtbot, scanner)
    w.selling.scan_input.setFocus()
    scan(qtbot, w.selling.scan_input, "JATIM-P00001")  # the slip's barcode, on the session
    dialog = w.actions_.dialog
    assert isinstance(dialog, OrdersDialog) and dialog.order is not None
    assert dialog.order.order_no == "JATIM-P00001" and w.session.cart.is_empty
    assert [child(dialog, QSpinBox, f"handOverQty{n}").value() for n in (1, 2)] == [4, 1]

    type_in(qtbot, dialog, "trackingInput", "diambil sendiri")
    click(qtbot, dialog, "handOverButton")
    pay = step(dialog, OrderPaymentDialog)
    assert pay.total == 1_000_000
    type_in(qtbot, pay, "cashReceivedInput", "1.100.000")
    qtbot.keyClick(pay, Qt.Key.Key_Return)
    assert not pay.isVisible()

    done = order(jatim)
    assert done.status is OrderStatus.HANDED_OVER and done.balance == 0
    assert [ln.delivered for ln in done.lines] == [4, 1] and done.tracking == "diambil sendiri"
    assert [(p.kind, p.method, p.amount) for p in done.payments][-1] == ("balance", "cash",
                                                                         1_000_000)
    message = child(dialog, QLabel, "ordersStatusLabel").text()
    assert "handed over" in message and "Change Rp 100.000" in message
    qtbot.waitUntil(lambda: not w.printing.busy and device.exists()
                    and b"LUNAS" in device.read_bytes(), timeout=15_000)
    assert b"JATIM-P00001" in device.read_bytes()
    assert not w.status_labels["statusOrders"].isVisible()  # nothing left to collect


def test_scanning_a_slip_in_the_orders_list_opens_it(jatim: Stand, qtbot: QtBot,
                                                    scanner: ScannerFilter) -> None:
    place(jatim)
    place(jatim, hijabs=1)
    w = window(jatim, qtbot, scanner)
    dialog = orders_dialog(qtbot, w)
    search = child(dialog, QLineEdit, "ordersSearch")
    search.setFocus()
    scan(qtbot, search, "JATIM-P00001")
    assert dialog.order is not None and dialog.order.order_no == "JATIM-P00001"
    assert search.text() == ""  # the burst was a scan, not typing


def test_a_partial_hand_over_line_by_line(jatim: Stand, qtbot: QtBot) -> None:
    place(jatim, deposit=[Payment(PaymentMethod.QRIS, 200_000)])  # hijabs: Rp 85.000 each
    w = window(jatim, qtbot)
    dialog = orders_dialog(qtbot, w)
    dialog.open_order("JATIM-P00001")
    child(dialog, QSpinBox, "handOverQty1").setValue(2)
    child(dialog, QSpinBox, "handOverQty2").setValue(0)
    type_in(qtbot, dialog, "trackingInput", "JNE 1234567890")
    click(qtbot, dialog, "handOverButton")  # Rp 170.000 of goods, Rp 200.000 paid: no payment
    assert dialog.actions_.dialog is None
    first = order(jatim)
    assert [ln.delivered for ln in first.lines] == [2, 0] and first.status is OrderStatus.OPEN
    assert first.tracking == "JNE 1234567890" and first.balance == 1_390_000
    assert child(dialog, QSpinBox, "handOverQty1").maximum() == 2

    child(dialog, QSpinBox, "handOverQty2").setValue(0)
    click(qtbot, dialog, "handOverButton")  # two more hijabs: Rp 140.000 short
    pay = step(dialog, OrderPaymentDialog)
    hint = child(pay, QLabel, "orderPaymentHint")
    assert hint.isVisible() and "Rp 140.000" in hint.text()
    click(qtbot, pay, "methodCash")
    type_in(qtbot, pay, "cashReceivedInput", "140.000")
    click(qtbot, pay, "confirmPaymentButton")
    second = order(jatim)
    assert [ln.delivered for ln in second.lines] == [4, 0] and second.balance == 1_250_000
    assert "Part of order JATIM-P00001 handed over" in child(
        dialog, QLabel, "ordersStatusLabel").text()
    assert slips(jatim) == ["JATIM-P00001", "JATIM-P00001"]
    idle(qtbot, w)


def test_cancel_with_a_supervisor_pin_refunds_the_deposit_and_restocks(
        jatim: Stand, qtbot: QtBot) -> None:
    place(jatim, deposit=[Payment(PaymentMethod.CASH, 300_000)])
    assert jatim.product(HIJAB).stock == 16
    w = window(jatim, qtbot)
    dialog = orders_dialog(qtbot, w)
    dialog.open_order("JATIM-P00001")
    click(qtbot, dialog, "cancelOrderButton")
    cancel = step(dialog, OrderCancelDialog)
    type_in(qtbot, cancel, "cancelReasonInput", "pembeli batal")
    type_in(qtbot, cancel, "supervisorNameInput", CASHIER)
    type_in(qtbot, cancel, "supervisorPinInput", CASHIER_PIN)
    click(qtbot, cancel, "confirmCancelOrderButton")
    assert cancel.isVisible()
    assert child(cancel, QLabel, "cancelErrorLabel").text() == (
        "Ani is a cashier: a supervisor must approve this")
    assert order(jatim).status is OrderStatus.OPEN

    type_in(qtbot, cancel, "supervisorNameInput", SUPERVISOR)
    type_in(qtbot, cancel, "supervisorPinInput", SUPERVISOR_PIN)
    click(qtbot, cancel, "confirmCancelOrderButton")
    assert not cancel.isVisible()
    cancelled = order(jatim)
    assert cancelled.status is OrderStatus.CANCELLED and cancelled.refunded == 300_000
    assert jatim.product(HIJAB).stock == 20 and w.session.catalog.find(HIJAB).stock == 20
    assert child(dialog, QLabel, "ordersStatusLabel").text() == (
        "Order JATIM-P00001 cancelled: give Rp 300.000 back (Cash).")
    assert not child(dialog, QAbstractButton, "handOverButton").isEnabled()
    idle(qtbot, w)


def test_the_list_filters_searches_and_marks_overdue_orders(jatim: Stand,
                                                            qtbot: QtBot) -> None:
    place(jatim)
    place(jatim, hijabs=1, deposit=[Payment(PaymentMethod.CASH, 1_335_000)])
    w = window(jatim, qtbot)
    dialog = orders_dialog(qtbot, w)
    assert dialog.model.rowCount() == 2
    dialog.today = dialog.model.today = date.today() + timedelta(days=8)  # a week later
    dialog.refresh()
    assert dialog.model.index(0, dialog.model.STATUS).data() == "Open\noverdue"
    dialog.open_order("JATIM-P00002")
    assert "OVERDUE" in child(dialog, QLabel, "orderDueLabel").text()
    type_in(qtbot, dialog, "ordersSearch", "siti")
    assert dialog.model.rowCount() == 2
    type_in(qtbot, dialog, "ordersSearch", "P00002")
    assert dialog.model.rowCount() == 1
    child(dialog, QLineEdit, "ordersSearch").clear()
    dialog.filter.setCurrentIndex(dialog.filter.findData("handed_over"))
    assert dialog.model.rowCount() == 0
    click(qtbot, dialog, "printSlipButton")
    assert slips(jatim) == ["JATIM-P00002"]
    click(qtbot, dialog, "newOrderButton")  # the list makes way for a new order
    assert not dialog.isVisible() and isinstance(w.actions_.dialog, OrderDialog)
    idle(qtbot, w)


def test_the_buyers_display_shows_the_qris_code_of_a_deposit(jatim: Stand,
                                                            qtbot: QtBot) -> None:
    """The same code at the same moment as on the deposit's payment, gone when it closes."""
    from posapp.ui.common.qris_view import QrisView
    from posapp.ui.stand.customer_display import CustomerDisplay

    use_qris(jatim)
    w = window(jatim, qtbot)
    w.actions_.toggle_customer_display()
    display = w.actions_.customer_display
    assert isinstance(display, CustomerDisplay)
    display.show_full_screen(w.screen())  # as on a second screen (docked it shows no code)
    w.selling.add_code(HIJAB)
    w.actions_.orders.take_order()
    dialog = w.actions_.dialog
    assert isinstance(dialog, OrderDialog)
    click(qtbot, dialog, "depositButton")
    deposit = dialog.payment
    assert deposit is not None
    click(qtbot, deposit, "methodQris")
    child(deposit, QLineEdit, "cashReceivedInput").setText("50.000")
    qris = child(display, QrisView, "customerQrisView")
    qtbot.waitUntil(lambda: qris.isVisible() and qris.amount == 50_000)
    assert deposit.qris_amount == 50_000
    assert deposit.tender.qris_view.payload == dynamic_payload(STAND_STATIC, 50_000)
    deposit.reject()
    qtbot.waitUntil(lambda: not qris.isVisible())


# -- foreign buyers: an estimate in their currency -------------------------------------------
def set_rates(stand: Stand, *rates: str) -> None:
    fx.set_rates(stand.handle.uow(), [parse_rate(r) for r in rates])


def estimate(dialog: QWidget) -> str:
    """The estimate line, "" when it is hidden."""
    label = child(dialog, QLabel, "orderEstimateLabel")
    return label.text() if label.isVisible() else ""


def test_the_order_dialog_estimates_in_the_buyers_currency_when_a_rate_is_set(
        jatim: Stand, qtbot: QtBot) -> None:
    set_rates(jatim, "USD=16.250", "EUR=17.500")
    w = window(jatim, qtbot)
    for _ in range(2):
        w.selling.add_code(HIJAB)
    click(qtbot, w.selling, "orderInsteadButton")
    dialog = w.actions_.dialog
    assert isinstance(dialog, OrderDialog)
    assert estimate(dialog) == ""  # no country yet

    dialog.country.setCurrentText("USA")  # typed as buyers write it
    assert estimate(dialog) == ("≈ US$ 10.46 · balance ≈ US$ 10.46 "
                                "(estimate at 1 USD = Rp 16.250)")  # Rp 170.000
    dialog.country.setCurrentText("Malaysia")  # no rate for the ringgit
    assert estimate(dialog) == ""
    dialog.country.setCurrentText("Jerman")  # Germany, in Indonesian: the euro
    assert estimate(dialog).startswith("≈ € 9.71 · balance ≈ € 9.71")

    type_in(qtbot, dialog, "buyerNameInput", "Mr. Hans Weber")
    type_in(qtbot, dialog, "buyerEmailInput", "hans@example.de")
    click(qtbot, dialog, "depositButton")
    deposit = dialog.payment
    assert isinstance(deposit, OrderPaymentDialog)
    type_in(qtbot, deposit, "cashReceivedInput", "100.000")
    click(qtbot, deposit, "confirmPaymentButton")
    assert estimate(dialog) == "≈ € 9.71 · balance ≈ € 4.00 (estimate at 1 EUR = Rp 17.500)"
    click(qtbot, dialog, "saveOrderButton")
    assert dialog.view is not None and estimate(dialog).startswith("≈ € 9.71")
    placed = order(jatim)
    assert [(p.method, p.amount) for p in placed.payments] == [("cash", 100_000)]  # rupiah
    idle(qtbot, w)


def test_no_estimate_without_a_rate(jatim: Stand, qtbot: QtBot) -> None:
    w = window(jatim, qtbot)
    w.selling.add_code(HIJAB)
    click(qtbot, w.selling, "orderInsteadButton")
    dialog = w.actions_.dialog
    assert isinstance(dialog, OrderDialog)
    dialog.country.setCurrentText("USA")
    assert estimate(dialog) == ""
    assert not child(dialog, QLabel, "orderEstimateLabel").isVisible()


def test_the_orders_list_estimates_the_open_orders_balance(
        jatim: Stand, qtbot: QtBot, indonesian: Languages) -> None:
    set_rates(jatim, "MYR=3.500")
    place(jatim, deposit=[Payment(PaymentMethod.CASH, 340_000)])  # Malaysia, Rp 1.590.000
    orders.place(jatim.handle.uow(), jatim.cashier,
                 Buyer("Ibu Ratna", email="ratna@example.id", country="Indonesia"),
                 [OrderItem(BATIK, 1_250_000, 1)], due=date.today() + timedelta(days=7))
    w = window(jatim, qtbot)
    dialog = orders_dialog(qtbot, w)

    dialog.open_order("JATIM-P00001")
    assert estimate(dialog) == ("≈ MYR 454.29 · sisa ≈ MYR 357.14 "
                                "(perkiraan kurs 1 MYR = Rp 3.500)")
    dialog.open_order("JATIM-P00002")  # a buyer from Indonesia: rupiah only
    assert estimate(dialog) == ""


def test_a_made_to_order_item_without_a_description_or_a_price_is_refused_in_indonesian(
        jatim: Stand, qtbot: QtBot, indonesian: Languages) -> None:
    w = window(jatim, qtbot)
    w.selling.add_code(HIJAB)
    click(qtbot, w.selling, "orderInsteadButton")
    dialog = w.actions_.dialog
    assert isinstance(dialog, OrderDialog)
    message = child(dialog, QLabel, "orderLinesMessage")

    click(qtbot, dialog, "addCustomButton")
    assert message.text() == "Barang pesanan khusus perlu keterangan (motif, ukuran, warna)"
    type_in(qtbot, dialog, "customDescriptionInput", BATIK)
    click(qtbot, dialog, "addCustomButton")
    assert message.text() == f"{BATIK}: ketik harga di atas Rp 0"
    assert [i.sku for i in dialog.lines.items()] == [HIJAB]


def test_the_status_bar_counts_the_open_and_ready_orders_only(jatim: Stand,
                                                              qtbot: QtBot) -> None:
    from posapp.services import order_fulfil

    for _ in range(4):
        place(jatim, hijabs=1, deposit=[Payment(PaymentMethod.CASH, 1_335_000)])  # paid
    orders.mark_ready(jatim.handle.uow(), jatim.cashier, "JATIM-P00002")
    order_fulfil.hand_over(jatim.handle.uow(), jatim.cashier, "JATIM-P00003")
    order_fulfil.cancel(jatim.handle.uow(), "JATIM-P00004", supervisor_name=SUPERVISOR,
                        supervisor_pin=SUPERVISOR_PIN, reason="buyer changed mind",
                        deposit="keep")

    assert orders.count_open(jatim.handle.uow(write=False)) == 2
    w = window(jatim, qtbot)
    label = w.status_labels["statusOrders"]
    assert label.isVisible() and label.text() == "Orders to collect: 2"
