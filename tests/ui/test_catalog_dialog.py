"""The catalog dialog: add, edit, adjust stock and import, as a stand organiser would."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QSpinBox,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from posapp.domain.errors import NotFound
from posapp.domain.product import Product
from posapp.services import catalog, journal
from posapp.services.catalog_edit import PRODUCT_SAVED
from posapp.services.session.stand import StandSession
from posapp.ui.catalog.dialog import CatalogDialog
from posapp.ui.catalog.model import CatalogTableModel
from posapp.ui.common.i18n import Languages
from posapp.ui.common.models import RawRole, SortRole
from tests.conftest import dump_database

INPUTS = ("skuInput", "barcodeInput", "nameInput", "categoryInput", "makerGroupInput",
          "regionInput", "priceInput", "stockReasonInput", "catalogSearch")
BUTTONS = ("saveProductButton", "newProductButton", "adjustStockButton", "importCatalogButton",
           "activeCheck")
W = TypeVar("W", bound=QWidget)
HEADER = "sku,barcode,name,category,maker_group,region,price,stock\n"


@pytest.fixture
def session(supervisor_session: StandSession) -> StandSession:
    """Budi, a supervisor, is logged in: prices, settings and the event are theirs to change
    (a cashier is asked for a supervisor's approval: test_policy_window.py)."""
    return supervisor_session


@pytest.fixture
def dialog(qtbot: QtBot, session: StandSession) -> CatalogDialog:
    d = CatalogDialog(session)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def child(d: CatalogDialog, cls: type[W], name: str) -> W:
    found = d.findChild(cls, name)
    assert found is not None, name
    return found


def type_into(qtbot: QtBot, d: CatalogDialog, name: str, text: str) -> None:
    field = child(d, QLineEdit, name)
    field.clear()
    qtbot.keyClicks(field, text)


def click(qtbot: QtBot, d: CatalogDialog, name: str) -> None:
    qtbot.mouseClick(child(d, QAbstractButton, name), Qt.MouseButton.LeftButton)


def choose(qtbot: QtBot, d: CatalogDialog, sku: str) -> None:
    """Click the product's row in the table."""
    table = child(d, QTableView, "catalogTable")
    model = table.model()
    row = next(r for r in range(model.rowCount())
               if model.index(r, 0).data(RawRole).sku == sku)
    rect = table.visualRect(model.index(row, CatalogTableModel.NAME))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert child(d, QLineEdit, "skuInput").text() == sku


def shown_skus(d: CatalogDialog) -> list[str]:
    model = child(d, QTableView, "catalogTable").model()
    return [model.index(r, 0).data(RawRole).sku for r in range(model.rowCount())]


def stored(session: StandSession, code: str) -> Product:
    return catalog.lookup(session.handle.uow(write=False), code)


def last_entry(session: StandSession) -> journal.Entry:
    with session.handle.uow(write=False) as uow:
        *_, entry = journal.iter_entries(uow.session)
        assert journal.verify(uow).ok
    return entry


def error_text(d: CatalogDialog) -> str:
    return child(d, QLabel, "catalogErrorLabel").text()


# -- the model, without a window --------------------------------------------------------


def test_model_shows_products_and_marks_inactive_ones(qtbot: QtBot) -> None:
    model = CatalogTableModel()
    batik = Product("JTM-BTK-001", "Batik Tulis", 450_000, barcode="899", stock=5, id=1)
    topeng = Product("JTM-KYU-001", "Topeng Mini", 75_000, active=False, id=2)
    model.set_headers(["Kode"] * 8, "nonaktif")
    model.set_rows([batik, topeng])

    assert model.rowCount() == 2
    assert model.index(0, model.PRICE).data() == "Rp 450.000"
    assert model.index(0, model.STOCK).data() == "5"
    assert model.index(1, model.BARCODE).data() == ""
    assert model.index(1, model.NAME).data() == "Topeng Mini (nonaktif)"
    assert model.index(1, model.NAME).data(Qt.ItemDataRole.FontRole).italic()
    assert model.index(0, model.NAME).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(1, model.SKU).data(RawRole) is topeng
    assert model.index(0, model.PRICE).data(SortRole) == 450_000
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Kode"
    assert (model.row_of(2), model.row_of(3), model.row_of(None)) == (1, None, None)


# -- the dialog -------------------------------------------------------------------------


def test_every_control_is_named_accessible_and_touch_sized(dialog: CatalogDialog) -> None:
    assert dialog.objectName() == "catalogDialog"
    controls: list[QWidget] = [child(dialog, QLineEdit, n) for n in INPUTS]
    controls += [child(dialog, QAbstractButton, n) for n in BUTTONS]
    controls.append(child(dialog, QSpinBox, "stockDeltaSpin"))
    for widget in controls:
        assert widget.accessibleName(), widget.objectName()
        assert widget.height() >= 44, widget.objectName()
    for cls, name in ((QTableView, "catalogTable"), (QProgressBar, "importProgress"),
                      (QListWidget, "importProblems")):
        assert child(dialog, cls, name).accessibleName()
    for button in dialog.findChildren(QAbstractButton):
        if button.isVisible():
            assert button.objectName() and button.accessibleName() and button.text()


def test_lists_the_catalog_and_search_filters_it(qtbot: QtBot, dialog: CatalogDialog,
                                                 session: StandSession) -> None:
    assert sorted(shown_skus(dialog)) == sorted(p.sku for p in session.catalog.search())
    type_into(qtbot, dialog, "catalogSearch", "tuban")
    assert shown_skus(dialog) == ["JTM-BTK-002"]
    type_into(qtbot, dialog, "catalogSearch", "canting sari")
    assert sorted(shown_skus(dialog)) == ["JTM-BTK-001", "JTM-CST-001"]


def test_a_narrow_table_leaves_out_columns_not_the_name_and_its_tooltip_says_them(
        qtbot: QtBot, dialog: CatalogDialog) -> None:
    table = child(dialog, QTableView, "catalogTable")
    header, m = table.horizontalHeader(), CatalogTableModel
    table.resize(420, table.height())  # a 1024-pixel laptop's half, less the form
    qtbot.waitUntil(lambda: header.isSectionHidden(m.BARCODE))
    shown = [s for s in range(m.COLUMN_COUNT) if not header.isSectionHidden(s)]
    assert m.NAME in shown and m.PRICE in shown and m.STOCK in shown
    assert sum(header.sectionSize(s) for s in shown) <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
    row = shown_skus(dialog).index("JTM-BTK-001")
    tip = table.model().index(row, m.SKU).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines() == ["Batik Tulis Madura Motif Sekar Jagad", "8991234500017",
                                "Batik · KUB Batik Canting Sari · Bangkalan"]
    table.resize(1400, table.height())  # room again: every column back
    qtbot.waitUntil(lambda: not any(header.isSectionHidden(s) for s in range(m.COLUMN_COUNT)))


def test_add_a_product_through_the_form(qtbot: QtBot, dialog: CatalogDialog,
                                        session: StandSession) -> None:
    click(qtbot, dialog, "newProductButton")
    for name, text in (("skuInput", "jtm-tas-002"), ("barcodeInput", "8991234500055"),
                       ("nameInput", "Tas Anyaman Mendong"), ("categoryInput", "Tas Anyaman"),
                       ("makerGroupInput", "KUB Mendong Lestari"), ("regionInput", "Tulungagung"),
                       ("priceInput", "Rp 135.000")):
        type_into(qtbot, dialog, name, text)
    with qtbot.waitSignal(dialog.catalogChanged, timeout=2000):
        click(qtbot, dialog, "saveProductButton")

    assert error_text(dialog) == ""
    product = stored(session, "8991234500055")
    assert (product.sku, product.name, product.price, product.stock) == (
        "JTM-TAS-002", "Tas Anyaman Mendong", 135_000, 0)
    assert session.catalog.find("JTM-TAS-002") == product
    assert "JTM-TAS-002" in shown_skus(dialog)
    assert child(dialog, QLineEdit, "skuInput").isReadOnly()  # now editing the saved one
    assert last_entry(session).kind == PRODUCT_SAVED


def test_edit_a_price(qtbot: QtBot, dialog: CatalogDialog, session: StandSession) -> None:
    choose(qtbot, dialog, "JTM-BTK-001")
    assert child(dialog, QLineEdit, "priceInput").text() == "Rp 450.000"
    type_into(qtbot, dialog, "priceInput", "475.000")
    with qtbot.waitSignal(dialog.catalogChanged, timeout=2000):
        click(qtbot, dialog, "saveProductButton")

    assert stored(session, "JTM-BTK-001").price == 475_000
    assert session.catalog.find("8991234500017").price == 475_000
    assert stored(session, "JTM-BTK-001").stock == 5
    assert json.loads(last_entry(session).payload)["price"] == 475_000


def test_duplicate_barcode_is_refused_inline_and_nothing_changes(
        qtbot: QtBot, dialog: CatalogDialog, session: StandSession) -> None:
    before = dump_database(session.handle.path)
    choose(qtbot, dialog, "JTM-BTK-002")
    type_into(qtbot, dialog, "barcodeInput", "8991234500017")
    with qtbot.assertNotEmitted(dialog.catalogChanged):
        click(qtbot, dialog, "saveProductButton")

    assert "8991234500017" in error_text(dialog) and "JTM-BTK-001" in error_text(dialog)
    assert child(dialog, QLabel, "catalogErrorLabel").isVisible()
    assert dump_database(session.handle.path) == before
    assert session.catalog.find("8991234500017").sku == "JTM-BTK-001"


def test_enter_from_the_scanner_presses_no_button(qtbot: QtBot, dialog: CatalogDialog,
                                                  session: StandSession) -> None:
    before = dump_database(session.handle.path)
    choose(qtbot, dialog, "JTM-KYU-001")
    type_into(qtbot, dialog, "barcodeInput", "8991234500062")
    qtbot.keyClick(child(dialog, QLineEdit, "barcodeInput"), Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dump_database(session.handle.path) == before


def test_deactivated_product_leaves_the_till_but_can_be_found_and_reactivated(
        qtbot: QtBot, dialog: CatalogDialog, session: StandSession) -> None:
    choose(qtbot, dialog, "JTM-TAS-001")
    child(dialog, QCheckBox, "activeCheck").setChecked(False)
    click(qtbot, dialog, "saveProductButton")
    with pytest.raises(NotFound):
        session.catalog.find("JTM-TAS-001")
    type_into(qtbot, dialog, "catalogSearch", "pandan")
    assert shown_skus(dialog) == ["JTM-TAS-001"]

    choose(qtbot, dialog, "JTM-TAS-001")
    child(dialog, QCheckBox, "activeCheck").setChecked(True)
    click(qtbot, dialog, "saveProductButton")
    assert session.catalog.find("JTM-TAS-001").active


def test_stock_adjustment_with_a_reason(qtbot: QtBot, dialog: CatalogDialog,
                                        session: StandSession) -> None:
    assert not child(dialog, QAbstractButton, "adjustStockButton").isEnabled()
    choose(qtbot, dialog, "JTM-BTK-001")
    child(dialog, QSpinBox, "stockDeltaSpin").setValue(5)
    type_into(qtbot, dialog, "stockReasonInput", "kiriman dari Bangkalan")
    with qtbot.waitSignal(dialog.catalogChanged, timeout=2000):
        click(qtbot, dialog, "adjustStockButton")

    assert stored(session, "JTM-BTK-001").stock == 10
    assert session.catalog.find("JTM-BTK-001").stock == 10
    entry = last_entry(session)
    assert entry.kind == "stock.adjusted"
    assert json.loads(entry.payload) == {"sku": "JTM-BTK-001", "delta": 5, "stock": 10,
                                         "reason": "kiriman dari Bangkalan", "by": "Budi"}
    assert child(dialog, QSpinBox, "stockDeltaSpin").value() == 0
    assert "10" in child(dialog, QLabel, "catalogStatusLabel").text()


def test_stock_adjustment_without_a_reason_is_refused(qtbot: QtBot, dialog: CatalogDialog,
                                                      session: StandSession) -> None:
    before = dump_database(session.handle.path)
    choose(qtbot, dialog, "JTM-BTK-001")
    child(dialog, QSpinBox, "stockDeltaSpin").setValue(5)
    click(qtbot, dialog, "adjustStockButton")
    assert "reason" in error_text(dialog).lower()
    assert dump_database(session.handle.path) == before


def import_file(qtbot: QtBot, d: CatalogDialog, monkeypatch: pytest.MonkeyPatch,
                path: Path) -> list[int]:
    """Import *path* through the button and file dialog; the progress values seen."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    bar = child(d, QProgressBar, "importProgress")
    seen: list[int] = []
    bar.valueChanged.connect(seen.append)
    click(qtbot, d, "importCatalogButton")
    assert not child(d, QAbstractButton, "saveProductButton").isEnabled()  # busy
    d.reject()  # Esc: the dialog stays until the import has reached the session
    assert d.isVisible()
    qtbot.waitUntil(lambda: child(d, QAbstractButton, "importCatalogButton").isEnabled(),
                    timeout=10_000)
    return seen


def test_import_a_good_file(qtbot: QtBot, dialog: CatalogDialog, session: StandSession,
                            monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "tambahan.csv"
    path.write_text(HEADER + "JTM-BTK-003,8991234500079,Batik Tulis Pamekasan,Batik,"
                    "KUB Batik Pamekasan,Pamekasan,380000,4\n"
                    "JTM-JLB-001,8991234500031,Jilbab Lukis Bunga Teratai,Jilbab Lukis,"
                    "Perempuan Mandiri Lumajang,Lumajang,90000,20\n", encoding="utf-8")
    with qtbot.waitSignal(dialog.catalogChanged, timeout=10_000):
        seen = import_file(qtbot, dialog, monkeypatch, path)

    assert seen[-1] == 100 and seen == sorted(seen) and len(seen) >= 3
    assert child(dialog, QProgressBar, "importProgress").value() == 100
    assert stored(session, "JTM-BTK-003").stock == 4
    assert session.catalog.find("8991234500079").name == "Batik Tulis Pamekasan"
    assert session.catalog.find("JTM-JLB-001").price == 90_000
    assert "JTM-BTK-003" in shown_skus(dialog)
    assert child(dialog, QListWidget, "importProblems").count() == 0
    assert "1 added, 1 updated" in child(dialog, QLabel, "catalogStatusLabel").text()


def test_import_a_bad_file_lists_every_bad_row_and_imports_nothing(
        qtbot: QtBot, dialog: CatalogDialog, session: StandSession, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    path = tmp_path / "salah.csv"
    path.write_text(HEADER + "JTM-BTK-003,,Batik Pamekasan,Batik,KUB,Pamekasan,380000,4\n"
                    "JTM-BTK-004,,Batik Sampang,Batik,KUB,Sampang,seratus ribu,2\n"
                    "JTM-BTK-005,,,Batik,KUB,Sampang,100000,2\n"
                    "JTM-BTK-006,8991234500017,Batik Bangkalan,Batik,KUB,Bangkalan,1,1\n",
                    encoding="utf-8")
    before = dump_database(session.handle.path)
    with qtbot.assertNotEmitted(dialog.catalogChanged):
        import_file(qtbot, dialog, monkeypatch, path)

    problems = child(dialog, QListWidget, "importProblems")
    texts = [problems.item(i).text() for i in range(problems.count())]
    assert len(texts) == 2
    assert texts[0].startswith("line 3") and "seratus ribu" in texts[0]
    assert texts[1].startswith("line 4") and "name is empty" in texts[1]
    assert error_text(dialog).startswith("Catalog not imported: 2 bad rows (first: line 3:")
    assert dump_database(session.handle.path) == before
    with pytest.raises(NotFound):
        session.catalog.find("JTM-BTK-003")
    assert child(dialog, QProgressBar, "importProgress").value() == 0


def test_a_barcode_of_a_stored_product_is_listed_too(
        qtbot: QtBot, dialog: CatalogDialog, session: StandSession, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    path = tmp_path / "barkode.csv"
    path.write_text(HEADER + "JTM-BTK-006,8991234500017,Batik Bangkalan,Batik,KUB,"
                    "Bangkalan,1,1\n", encoding="utf-8")
    before = dump_database(session.handle.path)
    import_file(qtbot, dialog, monkeypatch, path)
    problems = child(dialog, QListWidget, "importProblems")
    assert problems.count() == 1
    assert "line 2" in problems.item(0).text() and "JTM-BTK-001" in problems.item(0).text()
    assert dump_database(session.handle.path) == before


def test_the_bad_rows_are_said_in_the_windows_language(
        qtbot: QtBot, dialog: CatalogDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        indonesian: Languages) -> None:
    path = tmp_path / "salah.csv"
    path.write_text(HEADER + "JTM-BTK-004,,Batik Sampang,Batik,KUB,Sampang,seratus ribu,2\n"
                    "JTM-BTK-005,,,Batik,KUB,Sampang,100000,-2\n", encoding="utf-8")
    import_file(qtbot, dialog, monkeypatch, path)

    problems = child(dialog, QListWidget, "importProblems")
    assert [problems.item(i).text() for i in range(problems.count())] == [
        "baris 2: harga 'seratus ribu' bukan nominal rupiah bulat",
        "baris 3: nama kosong; stok '-2' tidak boleh negatif",
    ]
    assert error_text(dialog) == ("Katalog tidak diimpor: 2 baris salah (yang pertama: baris 2: "
                                  "harga 'seratus ribu' bukan nominal rupiah bulat)")


class _Shouting(QTranslator):
    """A stand-in translation: the catalog dialog's texts in capitals."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return source.upper() if context == "CatalogDialog" else ""

    def isEmpty(self) -> bool:
        return False


def test_texts_follow_a_language_change(qtbot: QtBot, dialog: CatalogDialog) -> None:
    save = child(dialog, QAbstractButton, "saveProductButton")
    assert save.text() == "Save product"
    translator = _Shouting()
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: save.text() == "SAVE PRODUCT", timeout=2000)
        assert save.accessibleName() == "SAVE PRODUCT"
        assert dialog.windowTitle() == "CATALOG"
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: save.text() == "Save product", timeout=2000)
