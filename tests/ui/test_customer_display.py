"""The customer display: what the buyer sees while the cashier scans and takes payment."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListWidget, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from posapp.domain.qris import dynamic_payload
from posapp.services import settings
from posapp.services.session.stand import StandSession
from posapp.ui.common.qris_view import QrisView
from posapp.ui.stand.customer_display import MAX_LINES, CustomerDisplay, pick_screen
from posapp.ui.stand.window import StandWindow
from tests.conftest import Stand, dump_database
from tests.ui.test_qr_image import decode
from tests.ui.test_stand_window import logged_in
from tests.unit.test_qris import STAND_STATIC

HIJAB = "JTM-JLB-001"  # Rp 85.000


def open_display(w: StandWindow) -> CustomerDisplay:
    w.actions_.toggle_customer_display()
    display = w.actions_.customer_display
    assert isinstance(display, CustomerDisplay) and display.isVisible()
    return display


def label(display: QWidget, name: str) -> QLabel:
    found = display.findChild(QLabel, name)
    assert found is not None, name
    return found


def cart_lines(display: CustomerDisplay) -> list[str]:
    cart = display.findChild(QListWidget, "customerCartList")
    assert cart is not None
    return [cart.item(i).text() for i in range(cart.count())] if cart.isVisible() else []


def scan(qtbot: QtBot, w: StandWindow, code: str) -> None:
    """Type a code into the focused scan field, as the scanner does."""
    assert QApplication.focusWidget() is w.selling.scan_input
    qtbot.keyClicks(w.selling.scan_input, code)
    qtbot.keyClick(w.selling.scan_input, Qt.Key.Key_Return)


def test_toggling_opens_the_idle_display_and_closes_it(jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    display = open_display(w)
    assert display.objectName() == "customerDisplay" and display.parent() is None
    assert label(display, "customerStandLabel").text() == "Stand JATIM"
    assert label(display, "customerEventLabel").text() == "Pameran HANI"
    welcome = label(display, "customerWelcomeLabel")
    assert welcome.isVisible() and welcome.text() == "Welcome to Stand JATIM"
    assert not label(display, "customerTotalLabel").isVisible()
    assert cart_lines(display) == []
    w.actions_.toggle_customer_display()
    assert not display.isVisible() and w.actions_.customer_display is None
    assert open_display(w) is not display  # a third toggle opens a fresh one


def test_scans_show_the_lines_and_the_total(jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    display = open_display(w)
    scan(qtbot, w, HIJAB)
    scan(qtbot, w, HIJAB)
    assert cart_lines(display) == ["Jilbab Lukis Bunga Teratai\n2 x Rp 85.000 = Rp 170.000"]
    assert label(display, "customerTotalLabel").text() == "Rp 170.000"
    assert not label(display, "customerWelcomeLabel").isVisible()
    assert not label(display, "customerDiscountLabel").isVisible()
    w.selling.remove_line()
    assert label(display, "customerWelcomeLabel").isVisible() and cart_lines(display) == []


def test_a_long_cart_shows_the_last_lines(jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    display = open_display(w)
    for i in range(MAX_LINES + 3):
        w.session.cart.add_custom(f"Kain {i}", 10_000)
    w.selling.refresh_cart()
    lines = cart_lines(display)
    assert len(lines) == MAX_LINES + 1 and "3 more items" in lines[0]
    assert lines[-1] == f"Kain {MAX_LINES + 2}\n1 x Rp 10.000 = Rp 10.000"
    assert label(display, "customerTotalLabel").text() == "Rp 110.000"


def test_a_cart_discount_is_shown(jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    display = open_display(w)
    w.selling.add_code(HIJAB)
    w.actions_.cart_discount()
    qtbot.keyClicks(w.actions_.dialog.inputs[0], "5.000")
    qtbot.keyClick(w.actions_.dialog.inputs[0], Qt.Key.Key_Return)
    discount = label(display, "customerDiscountLabel")
    assert discount.isVisible() and discount.text() == "Discount -Rp 5.000"
    assert label(display, "customerTotalLabel").text() == "Rp 80.000"


def test_paying_cash_shows_the_change_and_thanks(jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    display = open_display(w)
    scan(qtbot, w, HIJAB)
    scan(qtbot, w, HIJAB)
    qtbot.keyClick(w, Qt.Key.Key_F12)
    panel = w.payment
    assert w.pages.currentWidget() is panel
    cash = panel.findChild(QLineEdit, "cashReceivedInput")
    qtbot.keyClicks(cash, "200.000")
    assert not display.findChild(QrisView, "customerQrisView").isVisible()
    qtbot.keyClick(cash, Qt.Key.Key_Return)
    assert panel.is_paid()
    change = label(display, "customerChangeLabel")
    assert change.isVisible() and change.text() == "Change Rp 30.000\nThank you!"
    assert label(display, "customerTotalLabel").text() == "Rp 170.000"
    assert cart_lines(display) == [] and not label(display, "customerWelcomeLabel").isVisible()
    w.on_scan("JTM-BTK-002", w)  # the next buyer: no more change on the screen
    assert not change.isVisible()
    assert label(display, "customerTotalLabel").text() == "Rp 325.000"


def use_qris(stand: Stand) -> None:
    current = settings.get(stand.handle.uow(write=False))
    settings.save(stand.handle.uow(), replace(current, qris_payload=STAND_STATIC))


def shown_payload(view: QrisView, folder: Path) -> str:
    """What a phone reads from the code the display shows."""
    return decode(view.pixmap().toImage(), folder / "display.png")


def test_choosing_qris_shows_the_same_code_at_the_same_moment(jatim: Stand, qtbot: QtBot,
                                                              tmp_path: Path) -> None:
    use_qris(jatim)
    w = logged_in(jatim, qtbot)
    display = open_display(w)
    scan(qtbot, w, HIJAB)
    scan(qtbot, w, HIJAB)
    qris = display.findChild(QrisView, "customerQrisView")
    assert qris is not None and not qris.isVisible()
    qtbot.keyClick(w, Qt.Key.Key_F12)
    panel = w.payment
    cash = panel.findChild(QLineEdit, "cashReceivedInput")
    qtbot.keyClick(cash, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert qris.isVisible() and not qris.is_placeholder  # no waiting: the same moment
    assert qris.amount == 170_000 == panel.qris_amount
    assert panel.qris_view.payload == shown_payload(qris, tmp_path) \
        == dynamic_payload(STAND_STATIC, 170_000)
    assert label(display, "customerQrisCaption").isVisible()
    cash.setText("50.000")  # part by QRIS, the rest in cash: the buyer's code is for 50.000
    assert qris.amount == 50_000 == panel.qris_amount
    assert panel.qris_view.payload == shown_payload(qris, tmp_path)
    cash.setText("lima")  # no code on the panel: none on the display
    assert not qris.isVisible()
    qtbot.keyClick(cash, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # back to cash
    assert not qris.isVisible()
    qtbot.keyClick(cash, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert qris.isVisible() and qris.amount == 170_000
    qtbot.keyClick(cash, Qt.Key.Key_Escape)  # back without paying
    assert w.pages.currentWidget() is w.selling and not qris.isVisible()
    assert label(display, "customerTotalLabel").text() == "Rp 170.000"
    qtbot.keyClick(w, Qt.Key.Key_F12)  # a second payment: followed once, not twice
    qtbot.keyClick(cash, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert qris.isVisible() and qris.amount == 170_000
    qtbot.keyClick(cash, Qt.Key.Key_Return)  # paid by QRIS: the code goes
    assert panel.is_paid() and not qris.isVisible()


def test_without_a_qris_code_the_buyer_sees_no_code(jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    display = open_display(w)
    w.selling.add_code(HIJAB)
    w.actions_.pay()
    qtbot.mouseClick(w.payment.findChild(QPushButton, "methodQris"), Qt.MouseButton.LeftButton)
    assert not display.findChild(QrisView, "customerQrisView").isVisible()


def test_qris_follows_the_exact_amount_after_quick_cash(jatim: Stand, qtbot: QtBot) -> None:
    """Same amount text before and after the switch: the code still shows the amount."""
    use_qris(jatim)
    w = logged_in(jatim, qtbot)
    display = open_display(w)
    w.selling.add_code(HIJAB)
    w.actions_.pay()
    panel = w.payment
    qtbot.mouseClick(panel.findChild(QPushButton, "quickCash0"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.findChild(QPushButton, "methodQris"), Qt.MouseButton.LeftButton)
    qris = display.findChild(QrisView, "customerQrisView")
    assert qris.isVisible() and qris.amount == 85_000


def test_the_display_never_takes_the_focus(jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    display = CustomerDisplay(w.session)
    w.selling.cart_changed.connect(display.refresh)
    qtbot.addWidget(display)
    display.present(w.screen())  # not through the toggle, which re-activates the window
    qtbot.waitExposed(display)
    assert display.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert all(child.focusPolicy() == Qt.FocusPolicy.NoFocus
               for child in (display, *display.findChildren(QWidget)))
    assert w.isActiveWindow() and not display.isActiveWindow()
    scan(qtbot, w, HIJAB)
    assert QApplication.focusWidget() is w.selling.scan_input
    assert label(display, "customerTotalLabel").text() == "Rp 85.000"


def test_closing_the_stand_window_closes_the_display(jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    display = open_display(w)
    w.close()
    assert not display.isVisible() and w.actions_.customer_display is None


def test_a_display_closed_by_its_own_window_opens_again(jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    display = open_display(w)
    display.close()
    w.actions_.toggle_customer_display()
    assert w.actions_.customer_display is display and display.isVisible()
    w.selling.add_code(HIJAB)
    assert label(display, "customerTotalLabel").text() == "Rp 85.000"  # one connection only


def test_the_display_only_reads(jatim: Stand, session: StandSession, qtbot: QtBot) -> None:
    before = dump_database(jatim.path)
    display = CustomerDisplay(session)
    qtbot.addWidget(display)
    display.show()
    session.scan(HIJAB)
    display.refresh()
    display.show_qris(85_000)
    assert display.findChild(QrisView, "customerQrisView").isVisible()
    display.show_qris(None)
    assert not display.findChild(QrisView, "customerQrisView").isVisible()
    assert dump_database(jatim.path) == before


def test_the_buyer_screen_is_one_the_cashier_does_not_use() -> None:
    cashier, buyer = object(), object()
    assert pick_screen([cashier], cashier) is None  # type: ignore[list-item]
    assert pick_screen([cashier, buyer], cashier) is buyer  # type: ignore[list-item]
    assert pick_screen([buyer, cashier], cashier) is buyer  # type: ignore[list-item]
    assert pick_screen(QApplication.screens(), QApplication.primaryScreen()) is None
