"""The payment panel of the stand window, driven by keys and clicks as a cashier would,
against a real stand database."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar, TypeVar

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from posapp.domain.money import MAX_AMOUNT
from posapp.domain.qris import dynamic_payload
from posapp.services import settings
from posapp.services.history import list_sales
from posapp.services.session.stand import StandSession
from posapp.ui.orders.payment_dialog import OrderPaymentDialog
from posapp.ui.stand.payment_amounts import quick_amounts
from posapp.ui.stand.payment_panel import PaymentPanel
from posapp.ui.stand.window import StandWindow
from tests.conftest import BUDI, CASHIER, CASHIER_PIN, Stand, dump_database
from tests.ui.test_stand_window import logged_in
from tests.unit.test_qris import STAND_STATIC

HIJAB = "JTM-JLB-001"  # Rp 85.000
HIJAB_BARCODE = "8991234500031"
CLUTCH = "JTM-TAS-001"  # Rp 120.000
CUSTOM_BATIK = "JTM-CST-001"  # open price
W = TypeVar("W", bound=QWidget)


# -- quick_amounts: no Qt --------------------------------------------------------------

@pytest.mark.parametrize(("due", "expected"), [
    (85_000, [85_000, 90_000, 100_000, 150_000, 200_000]),
    (3_500, [3_500, 4_000, 5_000, 10_000, 20_000]),
    (12_500, [12_500, 14_000, 15_000, 20_000, 50_000]),
    (95_000, [95_000, 100_000, 150_000, 200_000]),
    (100_000, [100_000, 150_000, 200_000]),
    (450_000, [450_000, 500_000, 600_000]),
    (1_250_000, [1_250_000, 1_300_000, 1_400_000]),
])
def test_quick_amounts_offer_the_exact_amount_then_the_next_notes(due: int,
                                                                  expected: list[int]) -> None:
    assert quick_amounts(due) == expected


def test_quick_amounts_for_nothing_due_is_empty() -> None:
    assert quick_amounts(0) == []
    assert quick_amounts(-5_000) == []


@given(st.integers(min_value=1, max_value=MAX_AMOUNT))
def test_quick_amounts_are_exact_first_then_larger_round_amounts(due: int) -> None:
    amounts = quick_amounts(due)
    assert amounts[0] == due
    rest = amounts[1:]
    assert len(rest) <= 4
    assert rest == sorted(set(rest))
    assert all(due < a <= MAX_AMOUNT and a % 1_000 == 0 for a in rest)
    if due <= MAX_AMOUNT - 100_000:
        assert rest, "a note larger than the amount is always offered"


# -- helpers -----------------------------------------------------------------------------

def use_qris(stand: Stand) -> None:
    current = settings.get(stand.handle.uow(write=False))
    settings.save(stand.handle.uow(), replace(current, qris_payload=STAND_STATIC), approval=BUDI)


def paying(jatim: Stand, qtbot: QtBot, *codes: str) -> tuple[StandWindow, PaymentPanel]:
    """Ani logged in, *codes* scanned, F12 pressed: the payment panel shown."""
    w = logged_in(jatim, qtbot)
    for code in codes:
        w.selling.add_code(code)
    qtbot.keyClick(w, Qt.Key.Key_F12)
    assert w.pages.currentWidget() is w.payment and w.payment.isVisible()
    return w, w.payment


def find(panel: QWidget, kind: type[W], name: str) -> W:
    widget = panel.findChild(kind, name)
    assert widget is not None, name
    return widget


def text(panel: QWidget, name: str) -> str:
    label = find(panel, QLabel, name)
    return label.text() if label.isVisible() else ""


def amount_input(panel: QWidget) -> QLineEdit:
    return find(panel, QLineEdit, "cashReceivedInput")


def button(panel: QWidget, name: str) -> QPushButton:
    return find(panel, QPushButton, name)


def type_amount(qtbot: QtBot, panel: QWidget, typed: str) -> None:
    field = amount_input(panel)
    field.selectAll()
    qtbot.keyClicks(field, typed)


def click(qtbot: QtBot, panel: QWidget, name: str) -> None:
    qtbot.mouseClick(button(panel, name), Qt.MouseButton.LeftButton)


def key(qtbot: QtBot, panel: PaymentPanel, k: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the cashier presses it: to the widget that has the focus."""
    qtbot.keyClick(panel.focusWidget() or panel, k, modifier)


def error(panel: QWidget) -> str:
    return text(panel, "paymentErrorLabel")


def sales(jatim: Stand) -> list:
    return list_sales(jatim.handle.uow(write=False))


# -- the panel ---------------------------------------------------------------------------

def test_f12_shows_the_total_and_a_confirm_button_with_the_amount(jatim: Stand,
                                                                  qtbot: QtBot) -> None:
    _w, panel = paying(jatim, qtbot, HIJAB)
    assert text(panel, "dueLabel") == "Rp 85.000"
    assert button(panel, "methodCash").isChecked()
    confirm = button(panel, "confirmPaymentButton")
    assert confirm.text() == "Pay Rp 85.000 (Enter)"
    assert button(panel, "cancelPaymentButton").text() == "Back (Esc)"
    assert not find(panel, QWidget, "qrisView").isVisible()
    # the strongest element: the one primary button, the largest and the boldest
    visible = [b for b in panel.findChildren(QPushButton) if b.isVisible()]
    assert [b for b in visible if b.property("role") == "primary"] == [confirm]
    assert all(confirm.height() >= b.height() and confirm.width() > b.width()
               and confirm.font().pointSize() > b.font().pointSize()
               for b in visible if b is not confirm)
    assert confirm.font().bold()


def test_every_interactive_widget_is_named_and_big_enough(jatim: Stand, qtbot: QtBot) -> None:
    _w, panel = paying(jatim, qtbot, HIJAB)
    click(qtbot, panel, "addPaymentButton")  # the split step's widgets too
    for widget in [*panel.findChildren(QPushButton), amount_input(panel)]:
        if widget.isVisible():
            assert widget.objectName() and widget.accessibleName(), widget
            assert widget.minimumHeight() >= 44, widget.objectName()
    assert find(panel, QListWidget, "paymentList").accessibleName()


@pytest.mark.parametrize("keys", ["F12 Ctrl+1 Enter", "F12 Enter"])
def test_a_cash_sale_of_two_scans_takes_three_keys_at_most(jatim: Stand, qtbot: QtBot,
                                                          keys: str) -> None:
    """Ctrl+1 is the exact amount ("Uang pas"); an empty amount is the exact amount too."""
    w = logged_in(jatim, qtbot)
    for _ in range(2):  # a scanner types the code and Enter
        qtbot.keyClicks(w.selling.scan_input, HIJAB_BARCODE)
        qtbot.keyClick(w.selling.scan_input, Qt.Key.Key_Return)
    assert w.session.total() == 170_000
    presses = {"F12": (Qt.Key.Key_F12, Qt.KeyboardModifier.NoModifier),
               "Ctrl+1": (Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier),
               "Enter": (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)}
    for name in keys.split():
        k, modifier = presses[name]
        qtbot.keyClick(w.focusWidget() or w, k, modifier)
    [sale] = sales(jatim)
    assert (sale.total, sale.payments) == (170_000, {"cash": 170_000})
    assert w.payment.is_paid() and text(w.payment, "paidChangeLabel") == "Rp 0"
    assert w.session.cart.is_empty


def test_change_for_100_000_cash_on_85_000_is_shown_live(jatim: Stand, qtbot: QtBot) -> None:
    _w, panel = paying(jatim, qtbot, HIJAB)
    assert text(panel, "changeLabel") == ""  # empty: the exact amount, no change to give
    type_amount(qtbot, panel, "50.000")  # not enough: what is still missing
    assert text(panel, "remainingLabel") == "Rp 35.000" and text(panel, "changeLabel") == ""
    type_amount(qtbot, panel, "100.0")  # half typed: no figure yet, no complaint
    assert text(panel, "remainingLabel") == text(panel, "changeLabel") == ""
    assert error(panel) == ""
    qtbot.keyClicks(amount_input(panel), "00")
    assert text(panel, "changeLabel") == "Rp 15.000" and text(panel, "remainingLabel") == ""
    click(qtbot, panel, "confirmPaymentButton")
    assert panel.sale is not None and panel.sale.change == 15_000
    [sale] = sales(jatim)
    assert sale.payments == {"cash": 85_000}


@pytest.mark.parametrize("typed", ["150000", "150.000", "Rp 150.000"])
def test_amounts_are_read_as_people_type_them(jatim: Stand, qtbot: QtBot, typed: str) -> None:
    _w, panel = paying(jatim, qtbot, HIJAB)
    type_amount(qtbot, panel, typed)
    assert text(panel, "changeLabel") == "Rp 65.000"


def test_quick_cash_buttons_offer_exact_and_the_next_notes(jatim: Stand, qtbot: QtBot) -> None:
    _w, panel = paying(jatim, qtbot, HIJAB)
    labels = [button(panel, f"quickCash{i}").text() for i in range(5)]
    assert labels == ["Exact amount\nCtrl+1", "Rp 90.000\nCtrl+2", "Rp 100.000\nCtrl+3",
                      "Rp 150.000\nCtrl+4", "Rp 200.000\nCtrl+5"]
    assert button(panel, "quickCash0").accessibleName() == "Cash received: Rp 85.000"
    click(qtbot, panel, "quickCash2")
    assert text(panel, "changeLabel") == "Rp 15.000"
    key(qtbot, panel, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # the exact amount
    assert amount_input(panel).text() == "Rp 85.000" and text(panel, "changeLabel") == ""
    key(qtbot, panel, Qt.Key.Key_Enter)
    [sale] = sales(jatim)
    assert sale.payments == {"cash": 85_000}


def test_split_qris_and_cash(jatim: Stand, qtbot: QtBot) -> None:
    _w, panel = paying(jatim, qtbot, HIJAB)
    assert not find(panel, QListWidget, "paymentList").isVisible()  # split is its own step
    key(qtbot, panel, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert button(panel, "methodQris").isChecked()
    assert amount_input(panel).text() == "Rp 85.000"  # non-cash starts at what is due
    type_amount(qtbot, panel, "50.000")
    assert text(panel, "remainingLabel") == "Rp 35.000"
    key(qtbot, panel, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    payments = find(panel, QListWidget, "paymentList")
    assert payments.isVisible()
    assert [payments.item(i).text() for i in range(payments.count())] == ["QRIS  Rp 50.000"]
    assert text(panel, "splitCaption") == "Split payment: Rp 50.000 of Rp 85.000 paid"
    assert button(panel, "confirmPaymentButton").text() == "Pay Rp 35.000 (Enter)"
    key(qtbot, panel, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert button(panel, "quickCash0").accessibleName() == "Cash received: Rp 35.000"
    type_amount(qtbot, panel, "50000")
    assert text(panel, "changeLabel") == "Rp 15.000" and text(panel, "remainingLabel") == ""
    key(qtbot, panel, Qt.Key.Key_Return)
    [sale] = sales(jatim)
    assert sale.payments == {"qris": 50_000, "cash": 35_000}
    assert panel.sale is not None and panel.sale.change == 15_000
    assert text(panel, "paidPaymentsLabel") == "Paid: QRIS Rp 50.000, Cash Rp 50.000"


def test_a_payment_taken_can_be_removed(jatim: Stand, qtbot: QtBot) -> None:
    _w, panel = paying(jatim, qtbot, HIJAB)
    key(qtbot, panel, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    type_amount(qtbot, panel, "30000")
    key(qtbot, panel, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert amount_input(panel).text() == "Rp 55.000"  # the card again, for what is left
    click(qtbot, panel, "removePaymentButton")
    assert find(panel, QListWidget, "paymentList").count() == 0
    assert amount_input(panel).text() == "Rp 85.000"
    assert button(panel, "confirmPaymentButton").text() == "Pay Rp 85.000 (Enter)"
    assert sales(jatim) == []


@pytest.mark.parametrize("method", ["methodCard", "methodQris", "methodTransfer"])
def test_non_cash_above_the_total_is_refused_inline(jatim: Stand, qtbot: QtBot,
                                                    method: str) -> None:
    _w, panel = paying(jatim, qtbot, HIJAB)
    before = dump_database(jatim.handle.path)
    click(qtbot, panel, method)
    type_amount(qtbot, panel, "100000")
    assert text(panel, "changeLabel") == ""  # a card, QRIS or transfer gives no change
    key(qtbot, panel, Qt.Key.Key_Return)
    assert "give no change" in error(panel)
    assert panel.sale is None and panel.session.last_sale is None
    assert dump_database(jatim.handle.path) == before
    assert len(panel.session.cart.lines) == 1


def test_short_payment_is_refused_inline(jatim: Stand, qtbot: QtBot) -> None:
    _w, panel = paying(jatim, qtbot, HIJAB)
    type_amount(qtbot, panel, "50000")
    qtbot.keyClick(button(panel, "methodCash"), Qt.Key.Key_Return)  # Enter on any widget
    assert "Payment short" in error(panel)
    assert not panel.is_paid() and sales(jatim) == []


def test_esc_records_nothing_and_goes_back_to_the_cart(jatim: Stand, qtbot: QtBot) -> None:
    w, panel = paying(jatim, qtbot, HIJAB, CLUTCH)
    cart_before = list(w.session.cart.lines)
    before = dump_database(jatim.handle.path)
    type_amount(qtbot, panel, "300000")
    key(qtbot, panel, Qt.Key.Key_Escape)
    assert w.pages.currentWidget() is w.selling and not panel.isVisible()
    assert panel.sale is None and w.session.last_sale is None
    assert w.session.cart.lines == cart_before
    assert dump_database(jatim.handle.path) == before
    qtbot.keyClick(w.focusWidget() or w, Qt.Key.Key_F12)  # again: a fresh start
    assert amount_input(panel).text() == "" and text(panel, "changeLabel") == ""
    assert text(panel, "remainingLabel") == ""


def test_back_button_records_nothing(jatim: Stand, qtbot: QtBot) -> None:
    w, panel = paying(jatim, qtbot, HIJAB)
    click(qtbot, panel, "cancelPaymentButton")
    assert w.pages.currentWidget() is w.selling
    assert sales(jatim) == [] and len(w.session.cart.lines) == 1


def test_words_in_the_amount_get_a_one_line_message(jatim: Stand, qtbot: QtBot) -> None:
    _w, panel = paying(jatim, qtbot, HIJAB)
    type_amount(qtbot, panel, "seratus")
    assert error(panel) == "Invalid amount. Type digits only, for example 150.000"
    assert text(panel, "changeLabel") == text(panel, "remainingLabel") == ""
    key(qtbot, panel, Qt.Key.Key_Return)
    assert "Invalid amount" in error(panel)
    assert not panel.is_paid() and sales(jatim) == []
    type_amount(qtbot, panel, "85000")
    assert error(panel) == ""


def order_payment(session: StandSession, qtbot: QtBot, kind: str) -> OrderPaymentDialog:
    """An order's payment of Rp 85.000 (a deposit: of an order of Rp 85.000), shown."""
    dialog = OrderPaymentDialog(session, kind, 85_000, order_no="JATIM-P00001",  # type: ignore[arg-type]
                                qris_payload=STAND_STATIC)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.mark.parametrize("typed", ["", "1", "50.000", "85.000", "100.000", "abc", "1.5"])
@pytest.mark.parametrize("method", ["methodCash", "methodQris", "methodCard"])
@pytest.mark.parametrize("host", ["sale", "deposit", "balance", "handover"])
def test_change_and_what_is_left_never_show_together(jatim: Stand, qtbot: QtBot, host: str,
                                                     method: str, typed: str) -> None:
    """On the sale's panel and on an order's payment alike: never "change" beside "still to
    pay", never a change of nothing, never "no QRIS code" for a stand that has one."""
    use_qris(jatim)
    if host == "sale":
        _w, panel = paying(jatim, qtbot, HIJAB)
    else:
        session = StandSession.open(jatim.handle)
        session.login(CASHIER, CASHIER_PIN)
        panel = order_payment(session, qtbot, host)
    click(qtbot, panel, method)
    amount_input(panel).setText(typed)
    change = text(panel, "changeLabel")
    assert not (change and text(panel, "remainingLabel"))
    assert change != "Rp 0"
    assert "no QRIS code" not in " ".join(label.text() for label in panel.findChildren(QLabel)
                                          if label.isVisible())


def test_the_split_step_shows_no_change_when_nothing_is_over_paid(jatim: Stand,
                                                                  qtbot: QtBot) -> None:
    """QRIS Rp 100.000 taken of Rp 410.000, cash for the rest: "Pay Rp 310.000" and no
    "Change Rp 0" beside it; change appears once more cash is typed."""
    _w, panel = paying(jatim, qtbot, HIJAB, "JTM-BTK-002")
    key(qtbot, panel, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    type_amount(qtbot, panel, "100.000")
    key(qtbot, panel, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, panel, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert button(panel, "confirmPaymentButton").text() == "Pay Rp 310.000 (Enter)"
    assert text(panel, "changeLabel") == text(panel, "changeCaption") == ""
    assert text(panel, "remainingLabel") == ""
    key(qtbot, panel, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # the exact amount
    assert text(panel, "changeLabel") == ""
    type_amount(qtbot, panel, "350.000")
    assert text(panel, "changeLabel") == "Rp 40.000" and text(panel, "remainingLabel") == ""


def test_qris_above_ten_million_offers_the_split(jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    w.session.add(w.session.catalog.find(CUSTOM_BATIK), price=12_500_000)
    qtbot.keyClick(w, Qt.Key.Key_F12)
    panel = w.payment
    click(qtbot, panel, "methodQris")
    assert amount_input(panel).text() == "Rp 10.000.000"
    assert "at most Rp 10.000.000" in error(panel) and "(Ctrl+B)" in error(panel)
    click(qtbot, panel, "addPaymentButton")
    assert text(panel, "splitCaption") == "Split payment: Rp 10.000.000 of Rp 12.500.000 paid"
    assert amount_input(panel).text() == "Rp 2.500.000"
    assert error(panel) == ""
    key(qtbot, panel, Qt.Key.Key_Return)
    [sale] = sales(jatim)
    assert sale.payments == {"qris": 12_500_000}


def test_qris_typed_above_ten_million_is_refused(jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    w.session.add(w.session.catalog.find(CUSTOM_BATIK), price=12_500_000)
    qtbot.keyClick(w, Qt.Key.Key_F12)
    panel = w.payment
    key(qtbot, panel, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    type_amount(qtbot, panel, "12500000")
    assert "at most Rp 10.000.000" in error(panel)
    key(qtbot, panel, Qt.Key.Key_Return)
    assert "at most Rp 10.000.000" in error(panel)
    assert amount_input(panel).text() == "Rp 10.000.000"
    assert not panel.is_paid() and sales(jatim) == []


def test_no_qris_code_is_said_only_when_the_stand_has_none(jatim: Stand, qtbot: QtBot) -> None:
    _w, panel = paying(jatim, qtbot, HIJAB)
    click(qtbot, panel, "methodQris")
    assert text(panel, "qrisView") == ("This stand has no QRIS code yet "
                                       "(Menu, Settings, stand QRIS code)")
    assert not button(panel, "qrisSlipButton").isEnabled()


def test_with_a_qris_code_an_empty_or_bad_amount_never_says_there_is_none(
        jatim: Stand, qtbot: QtBot) -> None:
    use_qris(jatim)
    _w, panel = paying(jatim, qtbot, HIJAB)
    click(qtbot, panel, "methodQris")
    view = panel.qris_view
    assert view.payload == dynamic_payload(STAND_STATIC, 85_000)
    amount_input(panel).setText("")  # empty: what is due
    assert view.payload == dynamic_payload(STAND_STATIC, 85_000)
    amount_input(panel).setText("lima")
    assert view.is_placeholder and view.text() == "Type the QRIS amount to show its code"
    assert error(panel) == "Invalid amount. Type digits only, for example 150.000"
    amount_input(panel).setText("0")
    assert view.text() == "Type the QRIS amount to show its code" and error(panel) == ""


def test_after_paying_the_change_is_largest_and_enter_starts_the_next_sale(
        jatim: Stand, qtbot: QtBot) -> None:
    w, panel = paying(jatim, qtbot, HIJAB)
    type_amount(qtbot, panel, "100.000")
    key(qtbot, panel, Qt.Key.Key_Return)
    assert panel.is_paid()
    assert text(panel, "paidChangeLabel") == "Rp 15.000"
    assert text(panel, "paidTotalLabel") == "Total Rp 85.000"
    assert text(panel, "paidPaymentsLabel") == "Paid: Cash Rp 100.000"
    shown = [label for label in panel.findChildren(QLabel) if label.isVisible()]
    change = find(panel, QLabel, "paidChangeLabel")
    assert all(change.font().pointSize() > label.font().pointSize()
               for label in shown if label is not change)
    assert button(panel, "newSaleButton").text() == "New sale (Enter)"
    assert button(panel, "reprintReceiptButton").text() == "Reprint receipt (Ctrl+R)"
    key(qtbot, panel, Qt.Key.Key_Return)
    assert w.pages.currentWidget() is w.selling and w.selling.scan_input.hasFocus()
    assert "Rp 15.000" in w.selling.last_change.text()
    assert len(sales(jatim)) == 1


def test_after_paying_the_next_scan_starts_the_next_sale(jatim: Stand, qtbot: QtBot) -> None:
    w, panel = paying(jatim, qtbot, HIJAB)
    key(qtbot, panel, Qt.Key.Key_Return)
    assert panel.is_paid()
    w.on_scan(CLUTCH, w)
    assert w.pages.currentWidget() is w.selling
    assert [line.product.sku for line in w.session.cart.lines] == [CLUTCH]


def test_ctrl_r_after_paying_queues_a_copy_of_the_receipt(jatim: Stand, qtbot: QtBot) -> None:
    w, panel = paying(jatim, qtbot, HIJAB)
    key(qtbot, panel, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not w.printing.busy, timeout=15_000)
    key(qtbot, panel, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not w.printing.busy, timeout=15_000)
    jobs = [(job.ref, job.copy) for job in w.session.prints.pending()]
    assert jobs == [("JATIM-000001", False), ("JATIM-000001", True)]  # no printer set


def test_the_selling_keys_sleep_while_paying(jatim: Stand, qtbot: QtBot) -> None:
    w, panel = paying(jatim, qtbot, HIJAB)
    key(qtbot, panel, Qt.Key.Key_F6)  # "other item" on the selling screen
    key(qtbot, panel, Qt.Key.Key_F8)  # the cart's discount
    assert w.actions_.dialog is None
    assert button(panel, "confirmPaymentButton").text() == "Pay Rp 85.000 (Enter)"
    key(qtbot, panel, Qt.Key.Key_Escape)  # back on the selling screen they work again
    qtbot.keyClick(w.focusWidget() or w, Qt.Key.Key_F8)
    assert w.actions_.dialog is not None and w.actions_.dialog.objectName() == "discountDialog"


class Indonesian(QTranslator):
    """Three strings of the Indonesian translation, enough to see the panel retranslate."""

    WORDS: ClassVar[dict[str, str]] = {"Pay %1 (Enter)": "Bayar %1 (Enter)",
                                       "Exact amount": "Uang pas",
                                       "Back (Esc)": "Kembali (Esc)"}

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        return self.WORDS.get(source) if context in ("PaymentPanel", "TenderWidget") else None

    def isEmpty(self) -> bool:
        return False


def test_the_panel_retranslates_when_the_language_changes(jatim: Stand, qtbot: QtBot) -> None:
    _w, panel = paying(jatim, qtbot, HIJAB)
    translator = Indonesian()
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: button(panel, "confirmPaymentButton").text()
                        == "Bayar Rp 85.000 (Enter)")
        assert button(panel, "quickCash0").text() == "Uang pas\nCtrl+1"
        assert button(panel, "cancelPaymentButton").text() == "Kembali (Esc)"
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: button(panel, "confirmPaymentButton").text()
                    == "Pay Rp 85.000 (Enter)")
