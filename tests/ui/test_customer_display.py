"""The customer display: what the buyer sees while the cashier scans and takes payment.

With one screen (the tests' offscreen screen) it docks in a corner of the stand window;
``on_its_own_screen`` shows it full screen as it is on a second screen (a real second
screen: the subprocess test at the end)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListWidget, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from posapp.domain.qris import dynamic_payload
from posapp.domain.tender import Payment, PaymentMethod
from posapp.services import settings
from posapp.services.returns import RefundItem
from posapp.services.session.stand import StandSession
from posapp.ui.common.qris_view import QrisView
from posapp.ui.stand.corner_dock import corner_rect
from posapp.ui.stand.customer_display import MAX_LINES, CustomerDisplay, pick_screen
from posapp.ui.stand.window import StandWindow
from tests.conftest import BUDI, SUPERVISOR, SUPERVISOR_PIN, Stand, dump_database
from tests.ui.test_qr_image import decode
from tests.ui.test_stand_window import logged_in
from tests.unit.test_qris import STAND_STATIC

HIJAB = "JTM-JLB-001"  # Rp 85.000
ROOT = Path(__file__).resolve().parents[2]


def open_display(w: StandWindow) -> CustomerDisplay:
    w.actions_.toggle_customer_display()
    display = w.actions_.customer_display
    assert isinstance(display, CustomerDisplay) and display.isVisible()
    return display


def on_its_own_screen(w: StandWindow) -> CustomerDisplay:
    """The display as a second screen shows it: full screen (here on the only screen)."""
    display = open_display(w)
    display.show_full_screen(w.screen())
    w.activateWindow()
    assert display.isWindow() and display.isFullScreen() and not display.docked
    return display


def global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


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
    assert display.objectName() == "customerDisplay" and display.docked  # one screen
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
    display = on_its_own_screen(w)
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
    display = on_its_own_screen(w)
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
    display = on_its_own_screen(w)
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
    settings.save(stand.handle.uow(), replace(current, qris_payload=STAND_STATIC), approval=BUDI)


def shown_payload(view: QrisView, folder: Path) -> str:
    """What a phone reads from the code the display shows."""
    return decode(view.pixmap().toImage(), folder / "display.png")


def test_choosing_qris_shows_the_same_code_at_the_same_moment(jatim: Stand, qtbot: QtBot,
                                                              tmp_path: Path) -> None:
    use_qris(jatim)
    w = logged_in(jatim, qtbot)
    display = on_its_own_screen(w)
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
    display = on_its_own_screen(w)
    w.selling.add_code(HIJAB)
    w.actions_.pay()
    qtbot.mouseClick(w.payment.findChild(QPushButton, "methodQris"), Qt.MouseButton.LeftButton)
    assert not display.findChild(QrisView, "customerQrisView").isVisible()


def test_qris_follows_the_exact_amount_after_quick_cash(jatim: Stand, qtbot: QtBot) -> None:
    """Same amount text before and after the switch: the code still shows the amount."""
    use_qris(jatim)
    w = logged_in(jatim, qtbot)
    display = on_its_own_screen(w)
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
    display.show_full_screen(w.screen())  # not through the toggle, which re-activates w
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


# -- one screen: docked in a corner of the stand window ------------------------------------
def test_with_one_screen_it_is_small_and_covers_no_menu_cart_or_pay(
        jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    for width, height in ((1024, 600), (1366, 768)):
        w.resize(width, height)
        display = open_display(w)
        assert display.parent() is w and not display.isWindow()
        shown = global_rect(display)
        assert shown.width() * shown.height() <= w.width() * w.height() / 4
        assert global_rect(w.centralWidget()).contains(shown)  # not on the status bar
        for name in ("payButton", "cartTable", "searchInput", "scanInput"):
            widget = w.findChild(QWidget, name)
            assert widget is not None and widget.isVisible(), name
            assert not shown.intersects(global_rect(widget)), (width, name)
        assert not shown.intersects(global_rect(w.menuBar()))
        close = display.findChild(QPushButton, "customerCloseButton")
        assert close is not None and close.isVisible() and close.text() == "Close (Esc)"
        w.actions_.toggle_customer_display()


def test_it_follows_the_window_when_it_is_resized(jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    w.resize(1366, 768)
    display = open_display(w)
    w.resize(1024, 600)
    area = w.centralWidget().geometry()
    assert display.geometry().bottomLeft() == corner_rect(area, 0).bottomLeft()
    assert display.width() == area.width() // 3 - 8


def test_showing_it_docked_leaves_the_focus_in_the_scan_field(
        jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    open_display(w)
    assert QApplication.focusWidget() is w.selling.scan_input
    qtbot.keyClicks(w.selling.scan_input, HIJAB)
    qtbot.keyClick(w.selling.scan_input, Qt.Key.Key_Return)
    assert w.session.cart.totals().total == 85_000


def test_esc_closes_it_when_it_has_the_focus(jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    display = open_display(w)
    qtbot.mouseClick(display, Qt.MouseButton.LeftButton)  # the cashier clicks it
    assert QApplication.focusWidget() is display
    qtbot.keyClick(display, Qt.Key.Key_Escape)
    assert not display.isVisible()
    assert QApplication.focusWidget() is w.selling.scan_input  # scanning goes on
    qtbot.keyClick(w, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # Ctrl+D: again
    assert w.actions_.customer_display is display and display.isVisible()
    qtbot.keyClick(w, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # and closed
    assert not display.isVisible() and w.actions_.customer_display is None


def test_its_close_button_closes_it(jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    display = open_display(w)
    qtbot.mouseClick(display.close_button, Qt.MouseButton.LeftButton)
    assert not display.isVisible()
    w.actions_.toggle_customer_display()  # Ctrl+D opens it again
    assert display.isVisible() and display.docked


def test_docked_it_hides_behind_the_log_in_card(jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    display = open_display(w)
    w.logout()
    assert w.pages.currentWidget() is w.login and not display.isVisible()
    assert w.login.pick("Ani")
    qtbot.keyClicks(w.login.pin_input, "1234")
    qtbot.keyClick(w.login.pin_input, Qt.Key.Key_Return)
    assert w.pages.currentWidget() is w.selling and display.isVisible()


def test_docked_it_shows_the_total_and_no_second_qris_code(jatim: Stand, qtbot: QtBot) -> None:
    """On one screen the buyer scans the payment panel's code; the card only says so."""
    w = logged_in(jatim, qtbot)
    display = open_display(w)
    scan(qtbot, w, HIJAB)
    assert label(display, "customerTotalLabel").text() == "Rp 85.000"
    display.show_qris(85_000)
    assert label(display, "customerQrisCaption").isVisible()
    assert not display.findChild(QrisView, "customerQrisView").isVisible()
    for shown in (lb for lb in display.findChildren(QLabel) if lb.isVisible()):
        if not shown.wordWrap():  # its text fits its width: nothing cut off
            assert shown.width() >= shown.fontMetrics().horizontalAdvance(shown.text())


# -- a voided or refunded sale is no longer shown as paid -----------------------------------
def paid_in_cash(qtbot: QtBot, w: StandWindow, display: CustomerDisplay) -> str:
    scan(qtbot, w, HIJAB)
    scan(qtbot, w, HIJAB)
    sale = w.session.pay([Payment(PaymentMethod.CASH, 200_000)])
    w.selling.refresh_cart()
    assert label(display, "customerChangeLabel").text() == "Change Rp 30.000\nThank you!"
    return sale.receipt_no


def test_a_voided_last_sale_is_not_shown_as_paid(jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    display = on_its_own_screen(w)
    receipt = paid_in_cash(qtbot, w, display)
    w.actions_.open_history()  # the supervisor voids it at once, the buyer still there
    history = w.actions_.dialog
    assert history is not None and history.objectName() == "historyDialog"
    history.open_receipt(receipt)
    history.findChild(QLineEdit, "reasonInput").setText("salah input")
    qtbot.mouseClick(history.findChild(QPushButton, "voidButton"), Qt.MouseButton.LeftButton)
    prompt = history.prompt
    assert prompt is not None
    qtbot.keyClicks(prompt.findChild(QLineEdit, "supervisorNameInput"), SUPERVISOR)
    qtbot.keyClicks(prompt.findChild(QLineEdit, "supervisorPinInput"), SUPERVISOR_PIN)
    qtbot.mouseClick(prompt.findChild(QPushButton, "pinConfirmButton"),
                     Qt.MouseButton.LeftButton)
    assert history.isVisible()  # the dialog is still open: the display changed already
    assert not label(display, "customerChangeLabel").isVisible()
    assert not label(display, "customerTotalLabel").isVisible()
    welcome = label(display, "customerWelcomeLabel")
    assert welcome.isVisible() and welcome.text() == "Welcome to Stand JATIM"
    assert w.session.last_sale is None


def test_a_refunded_last_sale_is_not_shown_as_paid(jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    display = open_display(w)
    receipt = paid_in_cash(qtbot, w, display)
    w.session.sales.refund(receipt, [RefundItem("1", 1, line_no=1)], supervisor=SUPERVISOR,
                           pin=SUPERVISOR_PIN, reason="rusak", method=PaymentMethod.CASH)
    w.selling.refresh_cart()
    assert not label(display, "customerChangeLabel").isVisible()
    assert label(display, "customerWelcomeLabel").isVisible()


def test_voiding_an_older_sale_keeps_the_last_one(session: StandSession) -> None:
    session.scan(HIJAB)
    older = session.pay([Payment(PaymentMethod.CASH, 85_000)]).receipt_no
    session.scan(HIJAB)
    last = session.pay([Payment(PaymentMethod.CASH, 100_000)])
    session.sales.void(older, supervisor=SUPERVISOR, pin=SUPERVISOR_PIN, reason="salah input")
    assert session.last_sale == last
    session.sales.void(last.receipt_no, supervisor=SUPERVISOR, pin=SUPERVISOR_PIN,
                       reason="salah input")
    assert session.last_sale is None


# -- two screens -----------------------------------------------------------------------------
TWO_SCREENS = {"screens": [  # listed by name: the first is the primary (the cashier's)
    {"name": "a-cashier", "x": 0, "y": 0, "width": 1366, "height": 768, "dpr": 1},
    {"name": "b-buyer", "x": 1366, "y": 0, "width": 1024, "height": 600, "dpr": 1},
]}

ON_TWO_SCREENS = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from posapp.bootstrap import DataDir
from posapp.services.session.stand import StandSession
from posapp.ui.stand.window import StandWindow
from tests.conftest import CASHIER, CASHIER_PIN, make_stand
folder = Path(sys.argv[1])
stand = make_stand(DataDir(folder / "data"), "JATIM", folder / "catalog.csv")
session = StandSession.open(stand.handle)
session.login(CASHIER, CASHIER_PIN)
window = StandWindow(session)
window.show()
window.activateWindow()
app.processEvents()
window.actions_.toggle_customer_display()  # Ctrl+D
app.processEvents()
display = window.actions_.customer_display
g = display.geometry()
print(json.dumps({
    "cashier": window.screen().name(), "screen": display.screen().name(),
    "full": display.isFullScreen(), "window": display.isWindow(),
    "geometry": [g.x(), g.y(), g.width(), g.height()],
    "close_button": display.close_button.isVisible(),
    "stand_active": window.isActiveWindow(), "display_active": display.isActiveWindow(),
}))
"""


def test_with_two_screens_it_fills_the_second(tmp_path: Path, catalog_file: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(TWO_SCREENS))
    assert catalog_file == tmp_path / "catalog.csv"  # where the script reads it
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", ON_TWO_SCREENS, str(tmp_path)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {
        "cashier": "a-cashier", "screen": "b-buyer", "full": True, "window": True,
        "geometry": [1366, 0, 1024, 600], "close_button": False,
        "stand_active": True, "display_active": False,
    }


def test_docked_again_after_a_screen_of_its_own_it_is_small_again(
        jatim: Stand, qtbot: QtBot) -> None:
    """The second screen unplugged: Ctrl+D docks the same display in the corner."""
    w = logged_in(jatim, qtbot)
    w.resize(1024, 600)
    display = on_its_own_screen(w)
    display.close()
    w.actions_.toggle_customer_display()
    assert w.actions_.customer_display is display and display.docked
    assert display.geometry() == corner_rect(w.centralWidget().geometry(),
                                             display.height())
    assert display.width() < w.width() / 3


def test_the_buyer_sees_each_products_photo_beside_its_line(jatim: Stand, qtbot: QtBot,
                                                             tmp_path: Path) -> None:
    from tests.ui.test_photos import give_photo

    w = logged_in(jatim, qtbot)
    give_photo(w.session, HIJAB, tmp_path, colour=(0, 90, 200))
    display = on_its_own_screen(w)
    w.selling.add_code(HIJAB)
    w.selling.add_code("JTM-BTK-002")  # no photo: its line is text alone
    cart = display.findChild(QListWidget, "customerCartList")
    assert cart is not None and cart.count() == 2
    hijab, batik = cart.item(0), cart.item(1)
    assert "Jilbab" in hijab.text() and not hijab.icon().isNull()
    picture = hijab.icon().pixmap(cart.iconSize()).toImage()
    middle = picture.pixelColor(picture.width() // 2, picture.height() // 2)
    assert middle.blue() > 150 and middle.red() < 60  # the blue photo, not a placeholder
    blank = batik.icon().pixmap(cart.iconSize()).toImage()  # a blank keeps the names aligned
    assert blank.pixelColor(blank.width() // 2, blank.height() // 2).alpha() == 0
    display.dock(w, shown_when=w.is_selling)  # the small docked card: text only
    assert all(cart.item(i).icon().isNull() for i in range(cart.count()))
