"""The last sale is always visible: after a restart (or a crash) the selling screen's first
view after log-in shows the stand's last committed sale, read from its database, until the
next sale; changing cashiers clears the buyer's paid view, never this line."""

from __future__ import annotations

from datetime import UTC
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from posapp.services import history
from posapp.services.session.stand import StandSession
from posapp.ui.common.i18n import Languages
from posapp.ui.stand.window import StandWindow
from tests.conftest import CASHIER_PIN, SUPERVISOR, SUPERVISOR_PIN, Stand
from tests.ui.test_change_of_cashier import log_in, pay_cash

HIJAB, GEDOG = "JTM-JLB-001", "JTM-BTK-002"  # Rp 85.000, Rp 325.000


def open_window(stand: Stand, qtbot: QtBot) -> StandWindow:
    """A stand window on the stand's file, as posapp starts: its own session."""
    w = StandWindow(StandSession.open_stand(stand.data, "JATIM"))
    qtbot.addWidget(w)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    return w


def sale_time(stand: Stand, receipt_no: str) -> str:
    """The time of sale *receipt_no* on the stand's clock (Asia/Jakarta), as HH:MM."""
    [sale] = [s for s in history.list_sales(stand.handle.uow(write=False), everything=True)
              if s.receipt_no == receipt_no]
    at = sale.created_at.replace(tzinfo=UTC).astimezone(ZoneInfo("Asia/Jakarta"))
    return f"{at:%H:%M}"


def test_after_a_restart_the_last_sale_is_shown_until_the_next(jatim: Stand,
                                                               qtbot: QtBot) -> None:
    w = open_window(jatim, qtbot)
    log_in(qtbot, w, "Ani", CASHIER_PIN)
    assert not w.selling.findChild(type(w.selling.total), "lastSaleLabel").isVisible()
    w.selling.add_code(GEDOG)
    w.selling.add_code(HIJAB)
    pay_cash(qtbot, w, "500.000")
    w.close()  # the window goes (a restart; a crash leaves the same committed file)
    w.session.close()

    w = open_window(jatim, qtbot)
    log_in(qtbot, w, "Ani", CASHIER_PIN)
    line = w.selling.cart_box.last_sale

    assert w.pages.currentWidget() is w.selling and w.session.last_sale is None
    assert line.isVisible() and line.text() == (
        f"Last sale: JATIM-000001 · Rp 410.000 · {sale_time(jatim, 'JATIM-000001')}")
    assert not w.selling.last_change.isVisible()  # no buyer's change after a restart
    w.selling.add_code(HIJAB)
    assert line.isVisible()  # still there while the next cart fills
    pay_cash(qtbot, w, "85.000")
    qtbot.keyClick(w.payment.focusWidget(), Qt.Key.Key_Return)  # on to the next sale
    assert w.selling.last_change.isVisible() and not line.isVisible()  # the sale just paid
    w.selling.add_code(HIJAB)  # the next buyer: the line says the new last sale
    assert line.isVisible() and line.text().startswith("Last sale: JATIM-000002 · Rp 85.000")
    w.session.close()


def test_changing_cashiers_keeps_the_line_and_a_void_is_said(jatim: Stand, qtbot: QtBot,
                                                             indonesian: Languages) -> None:
    w = open_window(jatim, qtbot)
    log_in(qtbot, w, "Ani", CASHIER_PIN)
    w.selling.add_code(HIJAB)
    pay_cash(qtbot, w, "100.000")
    w.logout()  # Ganti kasir: the buyer's paid view goes, the stand's last sale stays
    log_in(qtbot, w, SUPERVISOR, SUPERVISOR_PIN)
    line = w.selling.cart_box.last_sale
    at = sale_time(jatim, "JATIM-000001")
    assert line.isVisible() and line.text() == (
        f"Penjualan terakhir: JATIM-000001 · Rp 85.000 · {at}")
    w.session.sales.void("JATIM-000001", supervisor=SUPERVISOR, pin=SUPERVISOR_PIN,
                         reason="salah barang")
    w.actions_._refresh()  # as after the history dialog closes
    assert line.text() == f"Penjualan terakhir: JATIM-000001 · Rp 85.000 · {at} · dibatalkan"
    w.session.close()


def test_after_a_restart_with_the_shift_closed_the_open_shift_page_shows_it(
        jatim: Stand, qtbot: QtBot) -> None:
    """The first screen after log-in is then the opening cash: it says the last sale too."""
    w = open_window(jatim, qtbot)
    log_in(qtbot, w, "Ani", CASHIER_PIN)
    w.selling.add_code(HIJAB)
    pay_cash(qtbot, w, "85.000")
    report = w.session.shift_report()
    w.session.close_shift(report.expected_cash)  # counted right: no supervisor needed
    w.close()
    w.session.close()

    w = open_window(jatim, qtbot)
    log_in(qtbot, w, "Ani", CASHIER_PIN)

    line = w.open_shift.last_sale
    assert w.pages.currentWidget() is w.open_shift
    assert line.isVisible() and line.text() == (
        f"Last sale: JATIM-000001 · Rp 85.000 · {sale_time(jatim, 'JATIM-000001')}")
    w.session.close()
