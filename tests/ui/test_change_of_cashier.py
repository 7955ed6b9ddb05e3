"""Ganti kasir (Ctrl+L): the next cashier starts on an empty selling screen and the buyer's
display is idle again; nothing of the previous buyer's sale stays on either."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from posapp.ui.stand.window import StandWindow
from tests.conftest import CASHIER_PIN, SUPERVISOR, SUPERVISOR_PIN, Stand
from tests.ui.test_customer_display import label, on_its_own_screen, scan
from tests.ui.test_stand_window import logged_in

HIJAB = "JTM-JLB-001"  # Rp 85.000


def pay_cash(qtbot: QtBot, w: StandWindow, amount: str) -> None:
    qtbot.keyClick(w, Qt.Key.Key_F12)
    assert w.pages.currentWidget() is w.payment
    qtbot.keyClicks(w.payment.tender.amount_input, amount)
    qtbot.keyClick(w.payment.tender.amount_input, Qt.Key.Key_Return)
    assert w.payment.is_paid()


def log_in(qtbot: QtBot, w: StandWindow, name: str, pin: str) -> None:
    assert w.pages.currentWidget() is w.login
    assert w.login.pick(name)
    qtbot.keyClicks(w.login.pin_input, pin)
    qtbot.keyClick(w.login.pin_input, Qt.Key.Key_Return)


def test_the_next_cashier_sees_nothing_of_the_last_buyer(jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    display = on_its_own_screen(w)
    scan(qtbot, w, HIJAB)
    pay_cash(qtbot, w, "100.000")  # the paid view: change Rp 15.000, thanks on the display
    assert label(display, "customerChangeLabel").isVisible()
    w.selling.search.setText("batik")  # left typed, and a category chosen
    w.selling.tabs.setCurrentIndex(1)
    w.selling.add_code("8990000000000")  # an unknown code's warning
    qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # Ganti kasir
    assert w.pages.currentWidget() is w.login
    log_in(qtbot, w, SUPERVISOR, SUPERVISOR_PIN)
    s = w.selling
    assert w.pages.currentWidget() is s
    assert w.payment.sale is None  # the panel's paid view is gone too
    assert w.payment.steps.currentWidget() is w.payment.tender
    assert s.total.text() == "Rp 0" and s.session.cart.is_empty
    assert not s.last_change.isVisible()  # the previous buyer's change
    assert s.search.text() == "" and s.tabs.currentIndex() == 0
    assert not s.warning.isVisible() and s.scan_input.text() == ""
    assert s.grid_model.rowCount() > 0 and not s.not_found.isVisible()  # every product
    assert label(display, "customerWelcomeLabel").isVisible()  # idle: no thanks, no total
    assert not label(display, "customerChangeLabel").isVisible()
    assert not label(display, "customerTotalLabel").isVisible()
    qtbot.keyClick(w, Qt.Key.Key_F12)  # and the payment panel starts afresh, not paid
    assert w.pages.currentWidget() is s  # an empty cart: nothing to pay


def test_logging_out_during_a_payment_leaves_no_payment_behind(jatim: Stand,
                                                               qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    scan(qtbot, w, HIJAB)
    qtbot.keyClick(w, Qt.Key.Key_F12)
    assert w.pages.currentWidget() is w.payment
    w.logout()
    log_in(qtbot, w, "Ani", CASHIER_PIN)
    assert w.pages.currentWidget() is w.selling and w.session.cart.is_empty
    assert not w.payment.isVisible()
