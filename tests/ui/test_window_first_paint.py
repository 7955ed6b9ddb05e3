"""The stand window as ``posapp run`` opens it: its first screen painted from plain sqlite3
reads, the rest (services, payment, printer, menu, keys) loaded right after the paint."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from posapp.services.session.stand import StandSession
from posapp.ui.stand.window import StandWindow
from tests.conftest import CASHIER, CASHIER_PIN, Stand

ROOT = Path(__file__).resolve().parents[2]


def deferred(stand: Stand, qtbot: QtBot) -> StandWindow:
    stand.handle.close()
    session = StandSession.open_stand(stand.data, "JATIM", lazy=True)
    window = StandWindow(session, deferred=True)
    qtbot.addWidget(window)
    window.destroyed.connect(session.close)
    return window


def test_the_window_and_posapp_run_import_no_sqlalchemy_before_the_paint() -> None:
    script = ("import sys, posapp.ui.app, posapp.ui.stand.window, posapp.cli.commands_stand; "
              "print(sorted(m for m in ('sqlalchemy', 'posapp.store', 'PIL', 'babel') "
              "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_first_screen_shows_the_stand_and_its_cashiers_then_the_rest_loads(
        jatim: Stand, qtbot: QtBot) -> None:
    w = deferred(jatim, qtbot)
    assert not w.is_loaded and not w.session.loaded
    assert w.pages.currentWidget() is w.login
    assert w.login.card.stand_label.text() == "Stand JATIM"
    assert [b.text() for b in w.login.names.buttons] == ["Ani", "Budi"]
    assert w.status_labels["statusStand"].text().startswith("Stand JATIM")
    assert w.status_labels["statusShift"].text() == "Shift #1"
    assert w.status_labels["statusCashier"].text() == "Not logged in"
    assert w.selling.grid_model.products  # the first tiles are read already
    with qtbot.waitSignal(w.loaded, timeout=30_000):
        w.show()  # painted: the rest loads
    assert w.is_loaded and w.session.loaded
    assert w.status_labels["statusPrinter"].isVisible()
    assert w.menu_actions["history"].text()
    assert w.login.pick(CASHIER)
    qtbot.keyClicks(w.login.pin_input, CASHIER_PIN)
    qtbot.keyClick(w.login.pin_input, Qt.Key.Key_Return)
    assert w.pages.currentWidget() is w.selling


def test_the_menu_shows_its_entries_from_the_first_paint_enabled_once_whole(
        jatim: Stand, qtbot: QtBot) -> None:
    w = deferred(jatim, qtbot)
    menu = w.menu.actions()
    assert w.menuBar().actions()[0].text() == "Menu"
    assert [a.text() for a in menu][:2] == ["Sales history, void, refund (F9)", "Orders (F10)"]
    assert len(menu) == 13 and all(a.text() for a in menu)
    assert not any(a.isEnabled() for a in menu)  # nothing to do before the services load
    from posapp.ui.common.look import apply_icons

    apply_icons(w)  # as posapp run does, before the first paint: the entries get theirs
    assert not w.menu_actions["history"].icon().isNull()
    with qtbot.waitSignal(w.loaded, timeout=30_000):
        w.show()
    assert w.menu.actions() == menu  # the same entries, now live
    assert w.menu_actions["settings"].isEnabled() and w.menu_actions["logout"].isEnabled()
    assert not w.menu_actions["history"].isEnabled()  # the selling screen's: not at log-in
    w.session.login(CASHIER, CASHIER_PIN)
    w.show_current_page()
    w.menu_actions["history"].trigger()
    assert w.actions_.dialog is not None and w.actions_.dialog.objectName() == "historyDialog"
    w.actions_.dialog.reject()


def test_a_scan_before_the_window_is_whole_goes_into_the_cart_once_it_is(
        jatim: Stand, qtbot: QtBot) -> None:
    w = deferred(jatim, qtbot)
    w.session.login(CASHIER, CASHIER_PIN)  # as if logged in already: the selling screen
    w.on_scan("8991234500031", w)
    assert not w.session.cart.lines  # waiting
    w.finish()
    assert w.pages.currentWidget() is w.selling
    assert [line.product.name for line in w.session.cart.lines] == [
        "Jilbab Lukis Bunga Teratai"]
    assert w.session.total() == 85_000


def test_a_log_in_before_the_window_is_whole_finishes_it(jatim: Stand, qtbot: QtBot) -> None:
    w = deferred(jatim, qtbot)
    assert w.login.pick(CASHIER)
    qtbot.keyClicks(w.login.pin_input, CASHIER_PIN)
    qtbot.keyClick(w.login.pin_input, Qt.Key.Key_Return)
    assert w.is_loaded
    assert w.pages.currentWidget() is w.selling
    assert w.status_labels["statusCashier"].text() == f"Cashier: {CASHIER}"
