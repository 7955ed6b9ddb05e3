"""One screen: the customer display docks in the stand window's bottom-left corner, and the
selling page keeps that corner free, so no tile the cashier taps hides under it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from pytestqt.qtbot import QtBot

from posapp.ui.stand.window import StandWindow
from tests.conftest import BUDI, CATALOG_CSV, Stand
from tests.ui.test_customer_display import open_display
from tests.ui.test_stand_window import logged_in


def with_many_products(w: StandWindow, stand: Stand, count: int = 40) -> None:
    rows = [f"JTM-LAIN-{i:03},,Kerajinan {i},Kerajinan Kayu,Sanggar Kriya,Malang,50000,10"
            for i in range(count)]
    path = stand.data.root / "more.csv"
    path.write_text(CATALOG_CSV + "\n".join(rows) + "\n", encoding="utf-8")
    w.session.catalog = w.session.products.import_file(path, lambda _d, _a: None,
                                                       approval=BUDI).selling
    w.selling.reload_catalog()


def on_screen(widget) -> QRect:  # type: ignore[no-untyped-def]
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def test_the_tiles_end_above_the_docked_display_and_take_the_corner_back(
        jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    w.resize(1024, 600)
    with_many_products(w, jatim)
    assert w.selling.grid_model.product_at(w.selling.grid_model.index(0, 0)) is not None
    full = on_screen(w.selling.grid).height()
    display = open_display(w)
    qtbot.waitUntil(lambda: on_screen(w.selling.grid).bottom() < on_screen(display).top())
    grid = on_screen(w.selling.grid)
    assert grid.height() < full and grid.bottom() < on_screen(display).top()
    assert w.selling.grid.verticalScrollBar().maximum() > 0  # the rest scrolls into view
    assert not on_screen(w.selling.pay).intersects(on_screen(display))
    w.actions_.toggle_customer_display()  # closed: the tiles reach the bottom again
    qtbot.waitUntil(lambda: on_screen(w.selling.grid).height() == full)
    assert not w.selling.dock_slot.isVisible()
