"""Table columns a user can read: a stretching column ("Diretur Rp 85.000") and every header
stay whole, and a table too narrow for them scrolls sideways; or, for the sales history, the
table fits its width: the stretching column takes what is left and elides a long name."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from posapp.services.history import SaleSummary
from posapp.ui.common.columns import readable_headers
from posapp.ui.common.record_list import list_table
from posapp.ui.stand.history_model import SalesModel

REFUNDED = SaleSummary(receipt_no="JATIM-000001", created_at=datetime(2026, 6, 26, 3, 15),
                       shift_number=1, cashier="Ani", items=2, total=170_000,
                       refunded=85_000, voided=False, payments={"cash": 170_000})


def status_table(qtbot: QtBot, width: int):  # type: ignore[no-untyped-def]
    model = SalesModel(ZoneInfo("Asia/Jakarta"))
    model.set_rows([REFUNDED])
    view = list_table(None, "historyTable", model, SalesModel.STATUS, whole_cells=True)
    qtbot.addWidget(view)
    view.resize(width, 300)
    view.show()
    qtbot.waitExposed(view)
    return model, view


def fitting_history(qtbot: QtBot, sales: list[SaleSummary],
                    width: int) -> tuple[SalesModel, QTableView]:
    """The history list that fits its width (the cashier's name stretching), *width* pixels
    wide, shown and fitted."""
    model = SalesModel(ZoneInfo("Asia/Jakarta"))
    model.set_rows(sales)
    view = list_table(None, "historyTable", model, SalesModel.CASHIER, fits=True)
    qtbot.addWidget(view)
    view.resize(width, 300)
    view.show()
    qtbot.waitExposed(view)
    header = view.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() == view.viewport().width())
    return model, view


def test_a_narrow_history_scrolls_to_a_whole_status(qtbot: QtBot) -> None:
    model, view = status_table(qtbot, 300)
    header = view.horizontalHeader()
    assert model.data(model.index(0, SalesModel.STATUS)) == "Refunded\nRp 85.000"
    qtbot.waitUntil(lambda: header.sectionSize(SalesModel.STATUS)
                    >= view.sizeHintForColumn(SalesModel.STATUS))
    assert header.sectionSize(SalesModel.STATUS) >= header.sectionSizeHint(SalesModel.STATUS)
    assert view.horizontalScrollBar().maximum() > 0  # reached by scrolling sideways


def test_a_wide_history_fills_its_width_without_scrolling(qtbot: QtBot) -> None:
    _model, view = status_table(qtbot, 1000)
    header = view.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() == view.viewport().width())
    assert view.horizontalScrollBar().maximum() == 0
    assert header.sectionSize(SalesModel.STATUS) > view.sizeHintForColumn(SalesModel.STATUS)


def test_a_column_of_the_default_width_widens_for_its_header(qtbot: QtBot) -> None:
    model = SalesModel(ZoneInfo("Asia/Jakarta"))
    model.set_headers(["Receipt", "Time", "Total", "Kelompok perajin dan daerahnya",
                       "Items", "Cashier"])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    readable_headers(view)
    header = view.horizontalHeader()
    assert header.sectionSize(3) >= header.sectionSizeHint(3) > header.defaultSectionSize()
    model.set_headers(["Receipt", "Time", "Total", "Kelompok perajin dan daerah asalnya",
                       "Items", "Cashier"])  # another language's longer words
    assert header.sectionSize(3) >= header.sectionSizeHint(3)


def test_a_history_that_fits_its_width_elides_a_long_name_instead_of_scrolling(
        qtbot: QtBot) -> None:
    from dataclasses import replace

    from PySide6.QtCore import Qt

    long_name = "Raden Ajeng Kartika Sari Dewi Purnamasari"
    model, view = fitting_history(qtbot, [replace(REFUNDED, cashier=long_name)], 420)
    header = view.horizontalHeader()
    assert view.horizontalScrollBar().maximum() == 0
    assert header.sectionSize(SalesModel.CASHIER) < view.sizeHintForColumn(SalesModel.CASHIER)
    for column in range(model.columnCount()):  # every header whole
        assert header.sectionSize(column) >= header.sectionSizeHint(column)
    cashier = model.index(0, SalesModel.CASHIER)
    assert cashier.data(Qt.ItemDataRole.ToolTipRole) == long_name  # said whole on hover
    assert model.index(0, SalesModel.STATUS).data(Qt.ItemDataRole.ToolTipRole) == \
        "Refunded Rp 85.000"
    assert model.index(0, SalesModel.TIME).data() == "26-06-2026\n10:15"


def test_a_history_too_narrow_for_a_long_stand_code_leaves_out_items_then_cashier(
        qtbot: QtBot) -> None:
    from dataclasses import replace

    from PySide6.QtCore import Qt

    model = SalesModel(ZoneInfo("Asia/Jakarta"))
    sale = replace(REFUNDED, receipt_no="GORONTALO-000001", total=10_075_000, items=31)
    model.set_rows([sale])
    view = list_table(None, "historyTable", model, SalesModel.CASHIER, fits=True,
                      spare=(SalesModel.ITEMS, SalesModel.CASHIER))
    qtbot.addWidget(view)
    header = view.horizontalHeader()
    view.show()
    shown = {}
    for width in (900, 420, 900):  # room, too little, room again
        view.resize(width, 300)
        qtbot.waitUntil(lambda: header.length() <= view.viewport().width())
        shown[width] = [c for c in range(model.columnCount()) if not header.isSectionHidden(c)]
        assert view.horizontalScrollBar().maximum() == 0
        for column in shown[width]:  # whatever is shown: its header whole
            assert header.sectionSize(column) >= header.sectionSizeHint(column) > 0
    assert shown[900] == list(range(6))
    assert shown[420] == [SalesModel.RECEIPT, SalesModel.TIME, SalesModel.TOTAL,
                          SalesModel.STATUS]
    # what the list leaves out, said on the receipt's tooltip
    assert model.index(0, SalesModel.RECEIPT).data(Qt.ItemDataRole.ToolTipRole) == \
        "GORONTALO-000001 · Ani · 31 items"


def test_a_list_that_keeps_characters_of_its_name_leaves_out_spare_columns_first(
        qtbot: QtBot) -> None:
    from dataclasses import replace

    model = SalesModel(ZoneInfo("Asia/Jakarta"))
    model.set_rows([replace(REFUNDED, cashier="Raden Ajeng Kartika Sari Dewi")])
    view = list_table(None, "historyTable", model, SalesModel.CASHIER, fits=True,
                      spare=(SalesModel.ITEMS,), keep=30)
    qtbot.addWidget(view)
    header = view.horizontalHeader()
    view.resize(1400, 300)  # room for every column and 30 characters of the name
    view.show()
    kept = view.fontMetrics().averageCharWidth() * 30
    qtbot.waitUntil(lambda: header.length() == view.viewport().width())
    assert not header.isSectionHidden(SalesModel.ITEMS)
    assert header.sectionSize(SalesModel.CASHIER) >= kept
    items = header.sectionSize(SalesModel.ITEMS)
    others = header.length() - header.sectionSize(SalesModel.CASHIER)
    frame = view.width() - view.viewport().width()
    view.resize(others + kept + frame + 14 - items // 2, 300)  # the items' column would
    qtbot.waitUntil(lambda: header.isSectionHidden(SalesModel.ITEMS))  # leave the name less
    assert header.sectionSize(SalesModel.CASHIER) >= kept  # than 30 characters: it gave way
    assert header.length() <= view.viewport().width()
    assert view.horizontalScrollBar().maximum() == 0


def test_the_largest_total_far_down_a_long_shift_is_shown_whole(qtbot: QtBot) -> None:
    """A thousand sales of Rp 85.000 and, 900 rows down, one of Rp 12.345.000: the total
    column is as wide as that one, though only the first rows are on screen (the columns
    are measured once, and past the first hundred rows by their longest texts)."""
    from dataclasses import replace

    sales = [replace(REFUNDED, receipt_no=f"JATIM-{n:06d}", total=85_000, refunded=0)
             for n in range(1, 1_001)]
    sales[900] = replace(sales[900], total=12_345_000)
    model, view = fitting_history(qtbot, sales, 900)
    header = view.horizontalHeader()
    big = model.index(900, SalesModel.TOTAL)
    assert big.data() == "Rp 12.345.000"
    view.scrollTo(big)
    shown = view.visualRect(big)
    assert header.sectionSize(SalesModel.TOTAL) >= view.sizeHintForIndex(big).width()
    assert view.fontMetrics().horizontalAdvance("Rp 12.345.000") < shown.width()
