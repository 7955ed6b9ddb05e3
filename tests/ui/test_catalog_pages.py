"""The catalog dialog on a big catalog (issue 14, third pass): it opens showing the first
page of products, reads the rest as the list scrolls, searches through the database's
index, and a price changed far down the list still goes through the service's rules."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from posapp.services import catalog
from posapp.services.catalog_search import PAGE
from posapp.services.session.stand import StandSession
from posapp.ui.catalog.dialog import CatalogDialog
from posapp.ui.common.models import RawRole
from tests.conftest import CASHIER, CASHIER_PIN, SUPERVISOR, SUPERVISOR_PIN, Stand
from tests.ui.test_catalog_dialog import choose, type_into
from tests.ui.test_policy_window import approve, prompt_of

BIG = 20_000
#: One product a visitor asked for by name, among the 20,000.
PURUN = ("KLS-PURUN-01", "Tas Purun Banjar Istimewa")

# 20,000 products in ONE statement (the search index's triggers flush once): four
# categories, names out of id order, one product in six inactive.
_FILL = f"""
INSERT INTO product (sku, barcode, name, category, maker_group, region, price, stock, active)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {BIG})
SELECT printf('UJI-%05d', i), NULL,
       printf('%s Motif %s %05d',
              CASE i % 4 WHEN 0 THEN 'Batik' WHEN 1 THEN 'Tenun' WHEN 2 THEN 'Tas'
                         ELSE 'Topeng' END,
              CASE i % 5 WHEN 0 THEN 'Kawung' WHEN 1 THEN 'Parang' WHEN 2 THEN 'Truntum'
                         WHEN 3 THEN 'Lereng' ELSE 'Ceplok' END,
              (i * 7919) % {BIG}),
       CASE i % 4 WHEN 0 THEN 'Batik' WHEN 1 THEN 'Tenun' WHEN 2 THEN 'Tas Anyaman'
                  ELSE 'Kerajinan Kayu' END,
       'KUB Uji', 'Surabaya', 10000 + (i % 50) * 1000, i % 30, i % 6 != 0
FROM n"""


def sql(path: Path, query: str, *params: object) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


@pytest.fixture
def big(jatim: Stand) -> Stand:
    """The JATIM stand with 20,000 more products."""
    conn = sqlite3.connect(jatim.path)
    with conn:
        conn.execute(_FILL)
        conn.execute("INSERT INTO product (sku, name, category, maker_group, region, price, "
                     "stock, active) VALUES (?, ?, 'Tas Anyaman', 'KUB Purun', 'Banjar', "
                     "185000, 4, 1)", PURUN)
    conn.close()
    return jatim


def login(stand: Stand, name: str, pin: str) -> StandSession:
    session = StandSession.open(stand.handle)
    session.login(name, pin)
    return session


def opened(qtbot: QtBot, session: StandSession) -> CatalogDialog:
    dialog = CatalogDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def table_of(dialog: CatalogDialog) -> QTableView:
    table = dialog.findChild(QTableView, "catalogTable")
    assert table is not None
    return table


def listed(dialog: CatalogDialog) -> list[str]:
    model = table_of(dialog).model()
    return [model.index(r, 0).data(RawRole).sku for r in range(model.rowCount())]


def scroll_to_the_end(dialog: CatalogDialog) -> None:
    """Scroll down as a user drags the bar to the bottom, until nothing more comes."""
    table = table_of(dialog)
    for _ in range(BIG // PAGE * 2):
        table.scrollToBottom()
        QApplication.processEvents()
        if not table.model().canFetchMore(QModelIndex()):
            table.scrollToBottom()  # the last page came: down to it
            return
    raise AssertionError("the list never reached its end")


def test_a_big_catalog_opens_on_its_first_rows_and_scrolls_to_its_last(
        qtbot: QtBot, big: Stand) -> None:
    everything = [str(r[0]) for r in sql(big.path, "SELECT sku FROM product "
                                                   "ORDER BY category, name, id")]
    assert len(everything) > BIG
    dialog = opened(qtbot, login(big, SUPERVISOR, SUPERVISOR_PIN))

    assert listed(dialog) == everything[:PAGE]  # the first page only: nothing more was read
    scroll_to_the_end(dialog)
    assert listed(dialog) == everything  # every product once, by category and name
    table = table_of(dialog)
    last = table.model().index(table.model().rowCount() - 1, 0)
    assert table.visualRect(last).intersects(table.viewport().rect())  # in view
    assert last.data(RawRole).sku == everything[-1]


def test_a_search_finds_a_product_by_part_of_its_name(qtbot: QtBot, big: Stand) -> None:
    dialog = opened(qtbot, login(big, SUPERVISOR, SUPERVISOR_PIN))
    type_into(qtbot, dialog, "catalogSearch", "purun ban")
    assert listed(dialog) == [PURUN[0]]
    type_into(qtbot, dialog, "catalogSearch", "lereng")  # 4,000 products: a page at a time
    assert len(listed(dialog)) == PAGE
    scroll_to_the_end(dialog)
    lereng = sql(big.path, "SELECT count(*) FROM product WHERE name LIKE '%Lereng%'")[0][0]
    assert len(set(listed(dialog))) == len(listed(dialog)) == lereng == BIG // 5
    type_into(qtbot, dialog, "catalogSearch", "tidak ada barang begini")
    assert listed(dialog) == []
    dialog.findChild(QLineEdit, "catalogSearch").clear()
    assert len(listed(dialog)) == PAGE


def test_a_price_far_down_the_list_still_waits_for_a_supervisor(qtbot: QtBot,
                                                                 big: Stand) -> None:
    session = login(big, CASHIER, CASHIER_PIN)
    dialog = opened(qtbot, session)
    scroll_to_the_end(dialog)
    last = listed(dialog)[-1]
    before = catalog.lookup(session.handle.uow(write=False), last).price
    choose(qtbot, dialog, last)
    type_into(qtbot, dialog, "priceInput", "99.000")
    dialog.save_button.click()

    prompt = prompt_of(dialog)  # the service refused a cashier's price: a supervisor approves
    assert catalog.lookup(session.handle.uow(write=False), last).price == before
    with qtbot.waitSignal(dialog.catalogChanged, timeout=2000):
        approve(prompt, SUPERVISOR, SUPERVISOR_PIN)
    assert catalog.lookup(session.handle.uow(write=False), last).price == 99_000
    assert listed(dialog)[-1] == last  # still listed where it was, and still chosen
    assert table_of(dialog).currentIndex().row() == len(listed(dialog)) - 1
    assert dialog.findChild(QLineEdit, "priceInput").text() == "Rp 99.000"
