"""The orders list, the print jobs list and the organizer's tables at 1024 pixels wide: no
sideways scroll bar, money whole, and what a narrow table leaves out said on the row's
tooltip (``Header: text``). The fit probe (tests/ui/test_fit.py) holds them to it at every
screen size; these tests say which columns give way, and what the tooltip then says."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialog, QTableView, QWidget
from pytestqt.qtbot import QtBot

from posapp.domain.tender import Payment, PaymentMethod
from posapp.ui.common.i18n import Languages
from posapp.ui.common.look import apply_look
from posapp.ui.orders.models import OrderLinesModel, OrdersModel
from posapp.ui.organizer.orders import OpenOrdersModel, StandOrdersModel
from posapp.ui.organizer.table import StandTableModel
from posapp.ui.organizer.window import OrganizerWindow
from posapp.ui.stand.print_jobs_dialog import PrintJobsModel
from tests.central.order_stands import make_order_event
from tests.conftest import Stand
from tests.ui.test_orders_window import orders_dialog, place
from tests.ui.test_orders_window import window as stand_window
from tests.ui.test_window_printing import unprinted_pair

LAPTOP = (1024, 600)  # the smallest screen a stand or an organizer has


@pytest.fixture(autouse=True)
def as_seen(qapp: QApplication, indonesian: Languages) -> Iterator[None]:
    """What a stand sees: the look (its type scale and paddings) and Bahasa Indonesia; the
    plain application again afterwards (it is shared)."""
    style, palette, font = qapp.style().name(), QPalette(qapp.palette()), qapp.font()
    apply_look(qapp)
    yield
    qapp.setStyleSheet("")
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setFont(font)


def at_laptop_size(qtbot: QtBot, window: QWidget) -> None:
    """*window* as large as a 1024x600 screen lets it be (this test screen may be smaller)."""
    window.setMaximumSize(*LAPTOP)
    window.resize(*LAPTOP)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == LAPTOP)


def fits(qtbot: QtBot, table: QTableView) -> list[int]:
    """The columns *table* shows, once it fits its width: no sideways scroll bar, every
    column shown at least as wide as its header."""
    header = table.horizontalHeader()
    assert table.property("fitsWidth")  # the fit probe holds it to this at every size
    qtbot.waitUntil(lambda: header.length() <= table.viewport().width())
    assert table.horizontalScrollBar().maximum() == 0
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    for column in shown:
        assert header.sectionSize(column) >= header.sectionSizeHint(column)
    return shown


def whole(table: QTableView, column: int) -> bool:
    """True when *column*'s cells show whole (money and numbers are never elided)."""
    return table.horizontalHeader().sectionSize(column) >= table.sizeHintForColumn(column)


def tip(table: QTableView, row: int, column: int = 0) -> list[str]:
    return str(table.model().index(row, column).data(Qt.ItemDataRole.ToolTipRole)).split("\n")


def test_the_orders_list_at_1024_shows_number_buyer_and_balance_and_says_the_rest(
        jatim: Stand, qtbot: QtBot) -> None:
    place(jatim, deposit=[Payment(PaymentMethod.QRIS, 200_000)])
    w = stand_window(jatim, qtbot)
    dialog = orders_dialog(qtbot, w)
    at_laptop_size(qtbot, dialog)
    table, m = dialog.table, OrdersModel
    shown = fits(qtbot, table)
    assert shown == [m.ORDER, m.BUYER, m.BALANCE]  # the total, due date and status give way
    assert table.model().index(0, m.BALANCE).data() == "Rp 1.390.000"
    assert whole(table, m.ORDER) and whole(table, m.BALANCE)
    due = table.model().index(0, m.DUE).data()
    assert tip(table, 0) == tip(table, 0, m.BALANCE) == [  # any cell of the row says it
        "JATIM-P00001 · Mdm. Siti Aminah", f"Tanggal jadi: {due}", "Status: Terbuka",
        "Total: Rp 1.590.000", "Sisa tagihan: Rp 1.390.000"]

    dialog.open_order("JATIM-P00001")  # its lines beside the list fit too
    lines, ln = dialog.detail.lines_table, OrderLinesModel
    assert fits(qtbot, lines) == [ln.LINE, ln.ITEM, ln.QUANTITY, ln.PRICE, ln.TOTAL,
                                  ln.DELIVERED, ln.HAND_OVER]  # what is reserved gives way
    assert all(whole(lines, c) for c in (ln.QUANTITY, ln.PRICE, ln.TOTAL, ln.DELIVERED))
    assert tip(lines, 0, ln.ITEM) == [
        "1 · Jilbab Lukis Bunga Teratai", "Jml: 4", "Harga: Rp 85.000", "Total: Rp 340.000",
        "Disisihkan: 4", "Diserahkan: 0 / 4"]

    dialog.setMaximumSize(1600, 900)
    dialog.resize(1600, 900)  # room again: every column back
    qtbot.waitUntil(lambda: not any(table.horizontalHeader().isSectionHidden(c)
                                    for c in range(m.BALANCE + 1)))
    assert table.horizontalScrollBar().maximum() == 0


def test_the_print_jobs_list_at_1024_shows_the_problem_and_its_print_again_button(
        jatim: Stand, qtbot: QtBot, tmp_path: Path) -> None:
    w = unprinted_pair(jatim, qtbot, tmp_path)
    w.actions_.open_print_jobs()
    dialog = w.actions_.dialog
    assert isinstance(dialog, QDialog) and dialog.isVisible()
    at_laptop_size(qtbot, dialog)
    table, m = dialog.findChild(QTableView, "printJobsTable"), PrintJobsModel
    assert table is not None
    assert fits(qtbot, table) == [m.JOB, m.TIME, m.STATE, m.PROBLEM, m.ACTION]
    assert all(whole(table, c) for c in (m.JOB, m.TIME, m.STATE, m.ACTION))
    button = dialog.findChild(QWidget, f"printAgainButton{w.printing.pending()[0].id}")
    assert button is not None and table.viewport().rect().contains(button.geometry())
    problem = f"Printer file:{tmp_path / 'unplugged' / 'lp0'} tidak menjawab: No such file " \
        "or directory"
    assert table.model().index(0, m.PROBLEM).data() == problem
    when = table.model().index(0, m.TIME).data()
    said = ["JATIM-000001", f"Masuk antrean: {when}", "Keadaan: Belum tercetak",
            f"Masalah: {problem}"]
    assert tip(table, 0) == tip(table, 0, m.PROBLEM) == said

    dialog.setMaximumSize(560, 600)
    dialog.resize(560, 600)  # narrower: the time, then the state give way to the problem
    qtbot.waitUntil(lambda: table.horizontalHeader().isSectionHidden(m.STATE))
    assert fits(qtbot, table) == [m.JOB, m.PROBLEM, m.ACTION]
    assert tip(table, 0) == said  # what is left out, said on hover
    lines = table.verticalHeader().sectionSize(0) // table.fontMetrics().lineSpacing()
    assert lines >= 3  # the problem wraps: the row as high as its lines, none cut


def test_the_organizer_tables_at_1024_keep_stand_province_and_net_and_say_the_rest(
        qtbot: QtBot, tmp_path: Path, catalog_file: Path) -> None:
    store = make_order_event(f"sqlite:///{tmp_path / 'central.sqlite'}", tmp_path / "stands",
                             catalog_file)
    w = OrganizerWindow(tmp_path / "config" / "organizer.json")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    with qtbot.waitSignal(w.refreshed, timeout=20_000):
        w.open_target(store.url)
    at_laptop_size(qtbot, w)
    d = w.dashboard
    stands, s = d.table, StandTableModel
    assert fits(qtbot, stands) == [s.STAND, s.PROVINCE, s.SALES, s.REFUNDS, s.NET,
                                   s.LAST_SYNC]  # the last entry, discounts and gross give way
    assert all(whole(stands, c) for c in (s.STAND, s.SALES, s.REFUNDS, s.NET, s.LAST_SYNC))
    jatim = [stands.model().index(r, s.STAND).data()
             for r in range(stands.model().rowCount())].index("JATIM")
    said = tip(stands, jatim, s.NET)
    assert said[:2] == ["Stan Jawa Timur", "JATIM · Jawa Timur"]
    assert "Penjualan bruto: Rp 85.000" in said and "Diskon: Rp 0" in said
    assert "Transaksi terakhir: 24-06-2026 10:00" in said

    d.tabs.setCurrentWidget(d.orders)
    per_stand, o = d.orders.stand_table, StandOrdersModel
    assert fits(qtbot, per_stand) == [o.STAND, o.PROVINCE, o.OPEN, o.OVERDUE, o.DUE]
    assert all(whole(per_stand, c) for c in (o.OPEN, o.OVERDUE, o.DUE))
    assert tip(per_stand, 1) == [
        "JATIM · Jawa Timur", "Pesanan: 4", "Terbuka: 2", "Terlambat: 1", "Diserahkan: 1",
        "Batal: 1", "DP ditahan: Rp 1.000.000", "Sisa tagihan: Rp 2.800.000"]
    open_orders, p = d.orders.open_table, OpenOrdersModel
    assert fits(qtbot, open_orders) == [p.ORDER, p.BUYER, p.DUE, p.BALANCE]  # (the order
    # number starts with the stand's code)
    assert tip(open_orders, 0)[-7:] == [  # after the contact, address and lines
        "Stan: JATIM", "Status: terbuka", "Negara: Vietnam",
        "Jatuh tempo: 26-06-2026 (terlambat)", "Total pesanan: Rp 3.350.000",
        "Dibayar: Rp 1.000.000", "Sisa tagihan: Rp 2.350.000"]
    assert open_orders.model().index(0, p.BALANCE).data() == "Rp 2.350.000"
    assert all(whole(open_orders, c) for c in (p.ORDER, p.DUE, p.BALANCE))
