"""The record list the history, the orders and the print jobs share, without a window: records
in, filter and search, a record selected by its key without counting as the user's choice,
the code field, the tab order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit
from pytestqt.qtbot import QtBot

from posapp.ui.common.models import RowsModel
from posapp.ui.common.record_list import RecordList, set_tab_order

RECORDS = [("JATIM-P00001", "open", "Siti"), ("JATIM-P00002", "ready", "Hans"),
           ("JATIM-P00003", "cancelled", "Siti")]


class Model(RowsModel[tuple[str, str, str]]):
    def __init__(self) -> None:
        super().__init__(["Number", "Status", "Buyer"])

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row())
        if row is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        return row[index.column()]


def listed(panel: RecordList) -> list[str]:
    return [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]


def selected(panel: RecordList) -> list[int]:
    return [i.row() for i in panel.table.selectionModel().selectedRows()]


def make(qtbot: QtBot, opened: list[str] | None = None) -> RecordList:
    panel = RecordList(Model(), key=lambda r: r[0], table="recordsTable", stretch=2)
    qtbot.addWidget(panel)
    panel.add_filter("recordsFilter", ("live", "all"),
                     lambda r, key: key == "all" or r[1] != "cancelled")
    panel.add_search("recordsSearch", lambda r, text: text.casefold() in r[2].casefold())

    def open_code(code: str) -> bool:
        if opened is not None and any(r[0] == code for r in RECORDS):
            opened.append(code)
            return True
        return False

    panel.add_code_field("recordInput", "openRecordButton", open_code)
    panel.set_records(RECORDS)
    return panel


def test_the_filter_and_the_search_choose_the_rows(qtbot: QtBot) -> None:
    panel = make(qtbot)
    assert listed(panel) == ["JATIM-P00001", "JATIM-P00002"]
    panel.set_filter("all")
    assert len(listed(panel)) == 3
    assert panel.search is not None
    panel.search.setText("siti")
    assert listed(panel) == ["JATIM-P00001", "JATIM-P00003"]
    assert len(panel.records) == 3  # every record is kept


def test_selecting_by_key_is_not_the_users_choice_and_survives_a_refresh(qtbot: QtBot) -> None:
    panel = make(qtbot)
    chosen: list[object] = []
    panel.chosen.connect(chosen.append)
    assert panel.select_key("JATIM-P00002") and selected(panel) == [1]
    assert chosen == []
    panel.set_records(RECORDS[::-1])
    assert selected(panel) == [0]  # still the open record, on its new row
    assert not panel.select_key("JATIM-P00003")  # cancelled: filtered out
    assert selected(panel) == []
    panel.table.selectRow(0)  # the user picks a row
    assert chosen == [RECORDS[1]]
    panel.clear_selection()
    panel.set_records(RECORDS)
    assert selected(panel) == []


def test_reveal_clears_a_search_that_hides_the_record(qtbot: QtBot) -> None:
    panel = make(qtbot)
    assert panel.search is not None
    panel.search.setText("hans")
    assert panel.reveal("JATIM-P00001")
    assert panel.search.text() == "" and selected(panel) == [0]
    assert not panel.reveal("JATIM-P00003")  # the filter still hides it
    panel.set_filter("all")
    assert selected(panel) == [2]


def test_the_code_field_empties_once_its_code_opened_a_record(qtbot: QtBot) -> None:
    opened: list[str] = []
    panel = make(qtbot, opened)
    assert panel.code_input is not None and panel.open_button is not None
    panel.code_input.setText("JATIM-P09999")
    panel.open_button.click()
    assert opened == [] and panel.code_input.text() == "JATIM-P09999"
    panel.code_input.setText("JATIM-P00002")
    qtbot.keyClick(panel.code_input, Qt.Key.Key_Return)
    assert opened == ["JATIM-P00002"] and panel.code_input.text() == ""


def test_tab_goes_filter_search_tools_list_code_open_then_the_detail(qtbot: QtBot) -> None:
    panel = make(qtbot)
    toggle = QCheckBox(panel, objectName="recordsToggle")
    panel.add_tool(toggle)
    detail = QLineEdit(panel, objectName="detailInput")
    panel.add_detail(detail)
    set_tab_order([*panel.focus_chain(), detail])
    panel.show()
    names, widget = [], panel.nextInFocusChain()
    while widget is not panel:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.objectName():
            names.append(widget.objectName())
        widget = widget.nextInFocusChain()
    assert names == ["recordsFilter", "recordsSearch", "recordsToggle", "recordsTable",
                     "recordInput", "openRecordButton", "detailInput"]
