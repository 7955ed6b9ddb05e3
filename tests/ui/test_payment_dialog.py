"""The payment dialog, driven by keys and clicks as a cashier would, against a real database."""

from __future__ import annotations

from typing import ClassVar, TypeVar

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from posapp.domain.money import MAX_AMOUNT
from posapp.domain.tender import PaymentMethod
from posapp.services.history import list_sales
from posapp.services.session.stand import StandSession
from posapp.ui.common.qris_view import QrisView
from posapp.ui.stand.payment_amounts import QRIS_MAX_PAYMENT, quick_amounts
from posapp.ui.stand.payment_dialog import PaymentDialog
from tests.conftest import dump_database

HIJAB = "JTM-JLB-001"  # Rp 85.000
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


# -- the dialog ------------------------------------------------------------------------

def open_dialog(qtbot: QtBot, session: StandSession) -> PaymentDialog:
    dialog = PaymentDialog(session)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):  # function keys are window shortcuts: it must be active
        dialog.show()
        dialog.activateWindow()
    return dialog


def find(dialog: PaymentDialog, kind: type[W], name: str) -> W:
    widget = dialog.findChild(kind, name)
    assert widget is not None, name
    return widget


def text(dialog: PaymentDialog, name: str) -> str:
    return find(dialog, QLabel, name).text()


def amount_input(dialog: PaymentDialog) -> QLineEdit:
    return find(dialog, QLineEdit, "cashReceivedInput")


def button(dialog: PaymentDialog, name: str) -> QPushButton:
    return find(dialog, QPushButton, name)


def type_amount(qtbot: QtBot, dialog: PaymentDialog, typed: str) -> None:
    field = amount_input(dialog)
    field.selectAll()
    qtbot.keyClicks(field, typed)


def click(qtbot: QtBot, dialog: PaymentDialog, name: str) -> None:
    qtbot.mouseClick(button(dialog, name), Qt.MouseButton.LeftButton)


def error(dialog: PaymentDialog) -> str:
    label = find(dialog, QLabel, "paymentErrorLabel")
    return label.text() if label.isVisible() else ""


def sales(session: StandSession) -> list:
    return list_sales(session.handle.uow(write=False))


def test_the_dialog_shows_the_total_due_and_starts_on_cash(qtbot: QtBot,
                                                           session: StandSession) -> None:
    session.scan(HIJAB)
    dialog = open_dialog(qtbot, session)
    assert dialog.objectName() == "paymentDialog"
    assert text(dialog, "dueLabel") == "Rp 85.000"
    assert button(dialog, "methodCash").isChecked()
    assert text(dialog, "changeLabel") == "Rp 0"
    assert not find(dialog, QWidget, "qrisView").isVisible()
    assert button(dialog, "confirmPaymentButton").text() == "Pay (Enter)"
    assert button(dialog, "cancelPaymentButton").text() == "Back (Esc)"


def test_every_interactive_widget_is_named_and_big_enough(qtbot: QtBot,
                                                          session: StandSession) -> None:
    session.scan(HIJAB)
    dialog = open_dialog(qtbot, session)
    for widget in [*dialog.findChildren(QPushButton), amount_input(dialog)]:
        if widget.isVisible():
            assert widget.objectName() and widget.accessibleName(), widget
            assert widget.minimumHeight() >= 44, widget.objectName()
    assert find(dialog, QListWidget, "paymentList").accessibleName()


def test_exact_cash_with_enter_records_the_sale(qtbot: QtBot, session: StandSession) -> None:
    session.scan(HIJAB)
    dialog = open_dialog(qtbot, session)
    with qtbot.waitSignal(dialog.paid):
        type_amount(qtbot, dialog, "85000")
        qtbot.keyClick(amount_input(dialog), Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.sale is not None and dialog.sale == session.last_sale
    assert dialog.sale.total == 85_000 and dialog.sale.change == 0
    [sale] = sales(session)
    assert sale.receipt_no == dialog.sale.receipt_no
    assert sale.total == 85_000 and sale.payments == {"cash": 85_000}
    assert session.cart.is_empty


def test_change_for_100_000_cash_on_85_000_is_shown_live(qtbot: QtBot,
                                                         session: StandSession) -> None:
    session.scan(HIJAB)
    dialog = open_dialog(qtbot, session)
    type_amount(qtbot, dialog, "100.0")
    assert text(dialog, "changeLabel") == "Rp 0"  # half-typed: no change yet, no complaint
    assert error(dialog) == ""
    qtbot.keyClicks(amount_input(dialog), "00")
    assert text(dialog, "changeLabel") == "Rp 15.000"
    click(qtbot, dialog, "confirmPaymentButton")
    assert dialog.sale is not None and dialog.sale.change == 15_000
    [sale] = sales(session)
    assert sale.payments == {"cash": 85_000}


@pytest.mark.parametrize("typed", ["150000", "150.000", "Rp 150.000"])
def test_amounts_are_read_as_people_type_them(qtbot: QtBot, session: StandSession,
                                              typed: str) -> None:
    session.scan(HIJAB)
    dialog = open_dialog(qtbot, session)
    type_amount(qtbot, dialog, typed)
    assert text(dialog, "changeLabel") == "Rp 65.000"


def test_quick_cash_buttons_offer_exact_and_the_next_notes(qtbot: QtBot,
                                                           session: StandSession) -> None:
    session.scan(HIJAB)
    dialog = open_dialog(qtbot, session)
    labels = [button(dialog, f"quickCash{i}").text() for i in range(5)]
    assert labels == ["Exact Rp 85.000 (Ctrl+1)", "Rp 90.000 (Ctrl+2)",
                      "Rp 100.000 (Ctrl+3)", "Rp 150.000 (Ctrl+4)", "Rp 200.000 (Ctrl+5)"]
    click(qtbot, dialog, "quickCash2")
    assert text(dialog, "changeLabel") == "Rp 15.000"
    # the exact amount, by keyboard
    qtbot.keyClick(dialog, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert text(dialog, "changeLabel") == "Rp 0"
    qtbot.keyClick(dialog, Qt.Key.Key_Enter)
    [sale] = sales(session)
    assert sale.payments == {"cash": 85_000}


def test_split_qris_and_cash(qtbot: QtBot, session: StandSession) -> None:
    session.scan(HIJAB)
    dialog = open_dialog(qtbot, session)
    qtbot.keyClick(dialog, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert button(dialog, "methodQris").isChecked()
    assert amount_input(dialog).text() == "Rp 85.000"  # non-cash defaults to what is due
    qris = find(dialog, QLabel, "qrisView")
    assert qris.isVisible() and "NO QRIS CODE" in qris.text() and "Rp 85.000" in qris.text()
    type_amount(qtbot, dialog, "50.000")
    assert "Rp 50.000" in qris.text()
    click(qtbot, dialog, "addPaymentButton")
    payments = find(dialog, QListWidget, "paymentList")
    assert [payments.item(i).text() for i in range(payments.count())] == ["QRIS  Rp 50.000"]
    assert text(dialog, "remainingLabel") == "Rp 35.000"
    assert button(dialog, "quickCash0").text() == "Exact Rp 35.000 (Ctrl+1)"
    qtbot.keyClick(dialog, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    type_amount(qtbot, dialog, "50000")
    assert text(dialog, "changeLabel") == "Rp 15.000"
    qtbot.keyClick(amount_input(dialog), Qt.Key.Key_Return)
    [sale] = sales(session)
    assert sale.payments == {"qris": 50_000, "cash": 35_000}
    assert dialog.sale is not None and dialog.sale.change == 15_000


def test_a_payment_taken_can_be_removed(qtbot: QtBot, session: StandSession) -> None:
    session.scan(HIJAB)
    dialog = open_dialog(qtbot, session)
    qtbot.keyClick(dialog, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    type_amount(qtbot, dialog, "30000")
    qtbot.keyClick(dialog, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert text(dialog, "remainingLabel") == "Rp 55.000"
    click(qtbot, dialog, "removePaymentButton")
    assert find(dialog, QListWidget, "paymentList").count() == 0
    assert text(dialog, "remainingLabel") == "Rp 85.000"
    assert amount_input(dialog).text() == "Rp 85.000"
    assert sales(session) == []


def test_card_above_the_total_is_refused_inline(qtbot: QtBot, session: StandSession) -> None:
    session.scan(HIJAB)
    before = dump_database(session.handle.path)
    dialog = open_dialog(qtbot, session)
    click(qtbot, dialog, "methodCard")
    type_amount(qtbot, dialog, "100000")
    assert text(dialog, "changeLabel") == "Rp 0"  # a card gives no change
    qtbot.keyClick(amount_input(dialog), Qt.Key.Key_Return)
    assert "give no change" in error(dialog)
    assert dialog.isVisible() and dialog.sale is None and session.last_sale is None
    assert dump_database(session.handle.path) == before
    assert len(session.cart.lines) == 1


def test_short_payment_is_refused_inline(qtbot: QtBot, session: StandSession) -> None:
    session.scan(HIJAB)
    dialog = open_dialog(qtbot, session)
    type_amount(qtbot, dialog, "50000")
    qtbot.keyClick(button(dialog, "methodCash"), Qt.Key.Key_Return)  # Enter on any widget
    assert "Payment short" in error(dialog)
    assert dialog.isVisible() and sales(session) == []


def test_esc_records_nothing_and_keeps_the_cart(qtbot: QtBot, session: StandSession) -> None:
    session.scan(HIJAB)
    session.scan(CLUTCH)
    cart_before = list(session.cart.lines)
    before = dump_database(session.handle.path)
    dialog = open_dialog(qtbot, session)
    type_amount(qtbot, dialog, "300000")
    qtbot.keyClick(amount_input(dialog), Qt.Key.Key_Escape)
    assert dialog.result() == dialog.DialogCode.Rejected and not dialog.isVisible()
    assert dialog.sale is None and session.last_sale is None
    assert session.cart.lines == cart_before
    assert dump_database(session.handle.path) == before


def test_back_button_records_nothing(qtbot: QtBot, session: StandSession) -> None:
    session.scan(HIJAB)
    dialog = open_dialog(qtbot, session)
    click(qtbot, dialog, "cancelPaymentButton")
    assert dialog.result() == dialog.DialogCode.Rejected
    assert sales(session) == [] and len(session.cart.lines) == 1


def test_words_in_the_amount_get_an_inline_message(qtbot: QtBot, session: StandSession) -> None:
    session.scan(HIJAB)
    dialog = open_dialog(qtbot, session)
    type_amount(qtbot, dialog, "seratus")
    assert "Not an amount" in error(dialog)
    assert text(dialog, "changeLabel") == "Rp 0"
    qtbot.keyClick(amount_input(dialog), Qt.Key.Key_Return)
    assert "Not an amount" in error(dialog)
    assert dialog.isVisible() and sales(session) == []
    type_amount(qtbot, dialog, "85000")
    assert error(dialog) == ""


def test_qris_above_ten_million_offers_the_split(qtbot: QtBot, session: StandSession) -> None:
    session.add(session.catalog.find(CUSTOM_BATIK), price=12_500_000)
    dialog = open_dialog(qtbot, session)
    click(qtbot, dialog, "methodQris")
    assert amount_input(dialog).text() == "Rp 10.000.000"
    assert "at most Rp 10.000.000" in error(dialog)
    click(qtbot, dialog, "addPaymentButton")
    assert text(dialog, "remainingLabel") == "Rp 2.500.000"
    assert amount_input(dialog).text() == "Rp 2.500.000"
    qtbot.keyClick(amount_input(dialog), Qt.Key.Key_Return)
    [sale] = sales(session)
    assert sale.payments == {"qris": 12_500_000}


def test_qris_typed_above_ten_million_is_refused(qtbot: QtBot, session: StandSession) -> None:
    session.add(session.catalog.find(CUSTOM_BATIK), price=12_500_000)
    dialog = open_dialog(qtbot, session)
    qtbot.keyClick(dialog, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    type_amount(qtbot, dialog, "12500000")
    assert "at most Rp 10.000.000" in error(dialog)
    qtbot.keyClick(amount_input(dialog), Qt.Key.Key_Return)
    assert "at most Rp 10.000.000" in error(dialog)
    assert amount_input(dialog).text() == f"Rp {QRIS_MAX_PAYMENT:,}".replace(",", ".")
    assert dialog.isVisible() and sales(session) == []


def test_a_refusal_from_the_till_is_shown_and_nothing_recorded(qtbot: QtBot,
                                                                session: StandSession) -> None:
    dialog = open_dialog(qtbot, session)  # an empty cart
    assert text(dialog, "dueLabel") == "Rp 0"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert "cart is empty" in error(dialog)
    assert dialog.isVisible() and sales(session) == []


def test_a_qris_image_from_the_printing_layer_replaces_the_placeholder(
        qtbot: QtBot, session: StandSession) -> None:
    session.scan(HIJAB)
    asked: list[int] = []

    def make_image(amount: int) -> QImage:
        asked.append(amount)
        image = QImage(64, 64, QImage.Format.Format_Mono)
        image.fill(0)
        return image

    dialog = PaymentDialog(session, qris_image=make_image)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_method(PaymentMethod.QRIS)
    view = dialog.findChild(QrisView, "qrisView")
    assert view is not None and not view.is_placeholder
    assert not view.pixmap().isNull() and "NO QRIS CODE" not in view.text()
    assert asked[-1] == 85_000


class Indonesian(QTranslator):
    """Two strings of the Indonesian translation, enough to see the dialog retranslate."""

    WORDS: ClassVar[dict[str, str]] = {"Pay (Enter)": "Bayar (Enter)",
                                       "Exact %1": "Uang pas %1"}

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        return self.WORDS.get(source) if context == "PaymentDialog" else None

    def isEmpty(self) -> bool:
        return False


def test_the_dialog_retranslates_when_the_language_changes(qtbot: QtBot,
                                                           session: StandSession) -> None:
    session.scan(HIJAB)
    dialog = open_dialog(qtbot, session)
    translator = Indonesian()
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: button(dialog, "confirmPaymentButton").text() == "Bayar (Enter)")
        assert button(dialog, "quickCash0").text() == "Uang pas Rp 85.000 (Ctrl+1)"
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: button(dialog, "confirmPaymentButton").text() == "Pay (Enter)")
