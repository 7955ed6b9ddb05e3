"""The log-in card: the stand's name, the cashiers as buttons, a PIN pad, by touch or keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from posapp.services import shifts, users
from posapp.ui.stand.window import StandWindow
from tests.conftest import BUDI, CASHIER, CASHIER_PIN, SUPERVISOR, SUPERVISOR_PIN, Stand
from tests.ui.test_stand_window import window_for


def names(w: StandWindow) -> list[str]:
    return [b.text() for b in w.login.names.buttons]


def key(w: StandWindow, name: str) -> QPushButton:
    found = w.login.findChild(QPushButton, name)
    assert found is not None and found.isVisible(), name
    return found


def tap(qtbot: QtBot, w: StandWindow, *keys: str) -> None:
    for name in keys:
        qtbot.mouseClick(key(w, name), Qt.MouseButton.LeftButton)


def type_keys(qtbot: QtBot, text: str) -> None:
    """Keys as a keyboard sends them: each to the widget that has the focus then."""
    for char in text:
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClicks(focus, char)


def name_button(w: StandWindow, name: str) -> QPushButton:
    return next(b for b in w.login.names.buttons if b.text() == name)


def test_the_card_names_the_stand_and_lists_the_cashiers(jatim: Stand, qtbot: QtBot) -> None:
    w = window_for(jatim, qtbot)
    texts = [label.text() for label in w.login.card.findChildren(QLabel) if label.isVisible()]
    assert "Stand JATIM" in texts and "Jawa Timur · Pameran HANI" in texts
    assert names(w) == [CASHIER, SUPERVISOR]  # one large button each
    assert all(b.height() >= 44 and b.isVisible() for b in w.login.names.buttons)
    assert w.login.card.width() <= 640 < w.width()  # a card, not a form across the window


def test_a_tapped_name_and_the_pin_pad_log_in(jatim: Stand, qtbot: QtBot) -> None:
    w = window_for(jatim, qtbot)
    qtbot.mouseClick(name_button(w, CASHIER), Qt.MouseButton.LeftButton)
    tap(qtbot, w, "pinKey1", "pinKey2", "pinKey3", "pinKey9")
    assert w.login.pin_input.text() == "1239"
    tap(qtbot, w, "pinDeleteButton")
    assert w.login.pin_input.text() == "123"
    tap(qtbot, w, "pinKey4", "loginButton")
    assert w.pages.currentWidget() is w.selling
    assert w.session.cashier is not None and w.session.cashier.name == CASHIER


def test_five_wrong_pins_lock_the_name_and_the_card_says_for_how_long(
        jatim: Stand, qtbot: QtBot) -> None:
    w = window_for(jatim, qtbot)
    qtbot.mouseClick(name_button(w, CASHIER), Qt.MouseButton.LeftButton)
    for _ in range(5):
        tap(qtbot, w, "pinKey0", "pinKey0", "pinKey0", "pinKey0", "loginButton")
    locked = "Too many wrong PINs for Ani: wait 30 seconds, or ask a supervisor to unlock"
    assert w.login.error.isVisible() and w.login.error.text() == locked

    again = window_for(jatim, qtbot)  # another window on the stand's file: still locked
    qtbot.mouseClick(name_button(again, CASHIER), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(again.login.pin_input, CASHIER_PIN)  # even the right PIN waits
    qtbot.keyClick(again.login.pin_input, Qt.Key.Key_Return)
    assert again.pages.currentWidget() is again.login and again.session.cashier is None
    shown = again.login.error.text()
    assert shown.startswith("Too many wrong PINs for Ani: wait ") and "\n" not in shown


def test_a_wrong_pin_after_picking_a_name_says_only_the_pin_is_wrong(
        jatim: Stand, qtbot: QtBot) -> None:
    w = window_for(jatim, qtbot)
    qtbot.mouseClick(name_button(w, CASHIER), Qt.MouseButton.LeftButton)
    tap(qtbot, w, "pinKey0", "pinKey0", "pinKey0", "pinKey0", "loginButton")
    assert w.pages.currentWidget() is w.login and w.session.cashier is None
    assert w.login.error.isVisible() and w.login.error.text() == "Wrong PIN, try again"
    assert w.login.pin_input.text() == "" and w.login.pin_input.hasFocus()
    assert w.login.names.current() == CASHIER  # the name stays picked: only the PIN again
    qtbot.keyClicks(w.login.pin_input, CASHIER_PIN)
    qtbot.keyClick(w.login.pin_input, Qt.Key.Key_Return)
    assert w.pages.currentWidget() is w.selling


def test_no_name_picked_asks_for_one(jatim: Stand, qtbot: QtBot) -> None:
    w = window_for(jatim, qtbot)
    tap(qtbot, w, "pinKey1", "pinKey2", "pinKey3", "pinKey4", "loginButton")
    assert w.login.error.text() == "Choose your name first"
    assert w.session.cashier is None and w.pages.currentWidget() is w.login


def test_log_in_by_keyboard_alone(jatim: Stand, qtbot: QtBot) -> None:
    """Arrows or the first letter to the name, Enter, the PIN's digits, Enter."""
    w = window_for(jatim, qtbot)
    assert QApplication.focusWidget() is name_button(w, CASHIER)  # the first name
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    assert QApplication.focusWidget() is name_button(w, SUPERVISOR)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    assert QApplication.focusWidget() is name_button(w, CASHIER)
    qtbot.keyClicks(QApplication.focusWidget(), "b")  # Budi's first letter
    assert QApplication.focusWidget() is name_button(w, SUPERVISOR)
    assert w.login.names.current() == ""  # not picked until Enter
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert w.login.names.current() == SUPERVISOR
    assert QApplication.focusWidget() is w.login.pin_input
    qtbot.keyClicks(QApplication.focusWidget(), SUPERVISOR_PIN)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert w.session.cashier is not None and w.session.cashier.name == SUPERVISOR


def test_digits_typed_on_a_picked_name_go_to_the_pin(jatim: Stand, qtbot: QtBot) -> None:
    w = window_for(jatim, qtbot)
    ani = name_button(w, CASHIER)
    qtbot.keyClick(ani, Qt.Key.Key_Space)  # picks it, like a click
    assert w.login.names.current() == CASHIER
    ani.setFocus()  # back on the name (Shift+Tab)
    type_keys(qtbot, CASHIER_PIN)
    assert w.login.pin_input.text() == CASHIER_PIN and w.login.pin_input.hasFocus()


def test_the_pin_field_takes_digits_only(jatim: Stand, qtbot: QtBot) -> None:
    w = window_for(jatim, qtbot)
    assert w.login.pick(CASHIER)
    qtbot.keyClicks(w.login.pin_input, "12a3b4")
    assert w.login.pin_input.text() == "1234"


def test_many_cashiers_scroll_in_two_columns(jatim: Stand, qtbot: QtBot) -> None:
    for n in range(20):
        users.add_user(jatim.handle.uow(), f"Kasir {n:02}", users.Role.CASHIER, "1111",
                       approval=BUDI)
    w = window_for(jatim, qtbot)
    buttons = w.login.names.buttons
    assert len(buttons) == 22 and w.login.names.columns == 2
    assert buttons[0].y() == buttons[1].y() and buttons[2].y() > buttons[0].y()
    assert w.login.names.verticalScrollBar().maximum() > 0  # the rest scroll
    assert w.login.pick("Kasir 19")
    last = name_button(w, "Kasir 19")
    viewport = w.login.names.viewport()
    assert viewport.rect().contains(last.mapTo(viewport, last.rect().center()))


def test_the_only_cashier_is_picked_already(jatim: Stand, qtbot: QtBot) -> None:
    with jatim.handle.uow() as uow:  # Budi leaves the stand
        from sqlalchemy import update

        from posapp.store.models import UserRow
        uow.session.execute(update(UserRow).where(UserRow.name == SUPERVISOR).values(active=False))
        uow.commit()
    w = window_for(jatim, qtbot)
    assert names(w) == [CASHIER] and w.login.names.current() == CASHIER
    assert QApplication.focusWidget() is w.login.pin_input


def test_the_open_shift_card(jatim: Stand, qtbot: QtBot) -> None:
    shifts.close_shift(jatim.handle.uow(), jatim.cashier, 500_000)
    w = window_for(jatim, qtbot)
    assert w.login.pick(CASHIER)
    qtbot.keyClicks(w.login.pin_input, CASHIER_PIN)
    qtbot.keyClick(w.login.pin_input, Qt.Key.Key_Return)
    assert w.pages.currentWidget() is w.open_shift
    texts = [label.text() for label in w.open_shift.card.findChildren(QLabel)]
    assert "Stand JATIM" in texts and "Open a shift" in texts
    assert w.open_shift.open_button.property("role") == "primary"
    qtbot.keyClicks(w.open_shift.float_input, "lima ratus")
    qtbot.keyClick(w.open_shift.float_input, Qt.Key.Key_Return)
    assert w.open_shift.error.isVisible() and w.pages.currentWidget() is w.open_shift


def test_cashiers_added_since_show_after_logging_out_whole(jatim: Stand, qtbot: QtBot) -> None:
    w = window_for(jatim, qtbot)
    assert w.login.pick(CASHIER)
    qtbot.keyClicks(w.login.pin_input, CASHIER_PIN)
    qtbot.keyClick(w.login.pin_input, Qt.Key.Key_Return)
    users.add_user(jatim.handle.uow(), "Dewi Sartika Wulandari", users.Role.CASHIER, "2222",
                   approval=BUDI)
    w.logout()  # "Ganti kasir": the next one picks their name
    assert names(w) == [CASHIER, SUPERVISOR, "Dewi Sartika Wulandari"]
    viewport = w.login.names.viewport()
    for b in w.login.names.buttons:  # no name cut off at the card's edge
        right = b.mapTo(viewport, b.rect().topRight())
        assert viewport.rect().contains(right), b.text()
        assert b.width() >= b.fontMetrics().horizontalAdvance(b.text())


def test_a_first_letter_then_the_pin_is_enough(jatim: Stand, qtbot: QtBot) -> None:
    """B, 9999, Enter: the digits typed on Budi's button pick him and fill the PIN."""
    w = window_for(jatim, qtbot)
    type_keys(qtbot, "b" + SUPERVISOR_PIN)
    assert w.login.names.current() == SUPERVISOR
    assert w.login.pin_input.text() == SUPERVISOR_PIN
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert w.session.cashier is not None and w.session.cashier.name == SUPERVISOR
