"""The first-start wizard: a stand from the province list, a catalog, the first supervisor."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from posapp.bootstrap import DataDir, open_stand
from posapp.domain.errors import InvalidInput, StorageError
from posapp.services import catalog, stand, users
from posapp.ui.setup.wizard import (
    CATALOG_PAGE,
    STAND_PAGE,
    SUPERVISOR_PAGE,
    SYNC_PAGE,
    SetupWizard,
)
from tests.conftest import dump_database, make_stand

BAD_CATALOG = """sku,barcode,name,category,maker_group,region,price,stock
JBR-001,,Batik Mega Mendung,Batik,KUB Batik Trusmi,Cirebon,350000,4
JBR-002,,,Batik,KUB Batik Trusmi,Cirebon,350000,4
JBR-003,,Kain Tenun Garut,Tenun,Kelompok Tenun Sarumpaet,Garut,tiga ratus,2
"""


@pytest.fixture
def wizard(qtbot: QtBot, data_dir: DataDir) -> SetupWizard:
    w = SetupWizard(data_dir)
    qtbot.addWidget(w)
    w.show()
    return w


def child(w: QWidget, kind: type, name: str):  # type: ignore[no-untyped-def]
    found = w.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name}"
    return found


def click(qtbot: QtBot, w: QWidget, name: str) -> None:
    qtbot.mouseClick(child(w, QAbstractButton, name), Qt.MouseButton.LeftButton)


def type_into(qtbot: QtBot, w: QWidget, name: str, text: str) -> None:
    edit = child(w, QLineEdit, name)
    edit.clear()
    qtbot.keyClicks(edit, text)


def error_text(w: QWidget, name: str) -> str:
    label = child(w, QLabel, name)
    return label.text() if label.isVisible() else ""


def fill_stand_page(qtbot: QtBot, w: SetupWizard, province: str = "Jawa Barat") -> None:
    combo = child(w, QComboBox, "provinceCombo")
    combo.setCurrentIndex(combo.findText(province))
    type_into(qtbot, w, "eventNameInput", "Pameran HANI 2026")


def fill_supervisor(qtbot: QtBot, w: SetupWizard, pin: str = "999999",
                    repeat: str = "999999") -> None:
    type_into(qtbot, w, "supervisorNameInput", "Budi")
    type_into(qtbot, w, "supervisorPinInput", pin)
    type_into(qtbot, w, "supervisorPinRepeat", repeat)


def stand_files(data: DataDir) -> list[str]:
    return sorted(p.name for p in data.stands_dir.iterdir()) if data.stands_dir.exists() else []


def test_jawa_barat_with_the_demo_catalog_and_budi(qtbot: QtBot, wizard: SetupWizard,
                                                   data_dir: DataDir) -> None:
    provinces = child(wizard, QComboBox, "provinceCombo")
    assert provinces.count() == 34
    assert provinces.currentIndex() == -1
    fill_stand_page(qtbot, wizard)
    assert child(wizard, QLineEdit, "standNameInput").text() == "Stand Jawa Barat"
    assert child(wizard, QLabel, "standCodeLabel").text() == "JABAR"
    assert child(wizard, QComboBox, "timezoneCombo").currentData() == "Asia/Jakarta"
    click(qtbot, wizard, "wizardNextButton")
    assert wizard.currentId() == CATALOG_PAGE
    assert child(wizard, QRadioButton, "demoCatalogRadio").isChecked()
    click(qtbot, wizard, "wizardNextButton")
    assert wizard.currentId() == SYNC_PAGE  # no event key, no central store: both optional
    click(qtbot, wizard, "wizardNextButton")
    assert wizard.currentId() == SUPERVISOR_PAGE
    assert child(wizard, QLineEdit, "supervisorPinInput").echoMode() == QLineEdit.EchoMode.Password
    fill_supervisor(qtbot, wizard)

    click(qtbot, wizard, "wizardFinishButton")

    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.stand_code == "JABAR"
    assert data_dir.stand_codes() == ["JABAR"]
    handle = open_stand(data_dir, "JABAR")
    try:
        info = stand.get(handle.uow(write=False))
        assert (info.code, info.name, info.province) == ("JABAR", "Stand Jawa Barat", "Jawa Barat")
        assert (info.event_name, info.timezone) == ("Pameran HANI 2026", "Asia/Jakarta")
        assert len(catalog.list_products(handle.uow(write=False))) == 55
        budi = users.login(handle.uow(write=False), "Budi", "999999")
        assert budi.is_supervisor
    finally:
        handle.close()


def test_province_sets_its_time_zone_and_a_typed_name_is_kept(qtbot: QtBot,
                                                              wizard: SetupWizard) -> None:
    combo = child(wizard, QComboBox, "provinceCombo")
    combo.setCurrentIndex(combo.findText("Bali"))
    assert child(wizard, QComboBox, "timezoneCombo").currentData() == "Asia/Makassar"
    type_into(qtbot, wizard, "standNameInput", "Kerajinan Bali")
    combo.setCurrentIndex(combo.findText("Papua"))

    assert child(wizard, QComboBox, "timezoneCombo").currentData() == "Asia/Jayapura"
    assert child(wizard, QLineEdit, "standNameInput").text() == "Kerajinan Bali"
    assert child(wizard, QLabel, "standCodeLabel").text() == "PAPUA"


def test_next_needs_a_province_and_an_event(qtbot: QtBot, wizard: SetupWizard) -> None:
    click(qtbot, wizard, "wizardNextButton")
    assert wizard.currentId() == STAND_PAGE
    assert "province" in error_text(wizard, "standPageError")

    combo = child(wizard, QComboBox, "provinceCombo")
    combo.setCurrentIndex(combo.findText("Aceh"))
    click(qtbot, wizard, "wizardNextButton")
    assert wizard.currentId() == STAND_PAGE
    assert "event" in error_text(wizard, "standPageError")


def test_a_bad_catalog_lists_every_bad_row_and_blocks_the_next_page(
    qtbot: QtBot, wizard: SetupWizard, data_dir: DataDir, tmp_path: Path,
    catalog_file: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad = tmp_path / "katalog-jabar.csv"
    bad.write_text(BAD_CATALOG, encoding="utf-8")
    chosen = [str(bad)]
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (chosen[0], "")))
    fill_stand_page(qtbot, wizard)
    click(qtbot, wizard, "wizardNextButton")
    click(qtbot, wizard, "importCatalogRadio")
    click(qtbot, wizard, "catalogFileButton")

    problems = child(wizard, QListWidget, "catalogProblems")
    shown = [problems.item(i).text() for i in range(problems.count())]
    assert shown == ["line 3: name is empty",
                     "line 4: price 'tiga ratus' is not a whole rupiah amount"]
    assert child(wizard, QLineEdit, "catalogFileInput").text() == str(bad)

    click(qtbot, wizard, "wizardNextButton")

    assert wizard.currentId() == CATALOG_PAGE
    assert problems.isVisible() and problems.count() == 2
    assert "2 bad rows" in error_text(wizard, "catalogPageError")
    assert stand_files(data_dir) == []

    chosen[0] = str(catalog_file)
    click(qtbot, wizard, "catalogFileButton")
    assert not problems.isVisible()
    click(qtbot, wizard, "wizardNextButton")
    click(qtbot, wizard, "wizardNextButton")
    assert wizard.currentId() == SUPERVISOR_PAGE
    fill_supervisor(qtbot, wizard)
    click(qtbot, wizard, "wizardFinishButton")
    handle = open_stand(data_dir, "JABAR")
    try:
        assert len(catalog.list_products(handle.uow(write=False))) == 6
    finally:
        handle.close()


def test_import_without_a_file_is_refused(qtbot: QtBot, wizard: SetupWizard) -> None:
    fill_stand_page(qtbot, wizard)
    click(qtbot, wizard, "wizardNextButton")
    click(qtbot, wizard, "importCatalogRadio")
    click(qtbot, wizard, "wizardNextButton")

    assert wizard.currentId() == CATALOG_PAGE
    assert "Choose the catalog file" in error_text(wizard, "catalogPageError")


def go_to_supervisor(qtbot: QtBot, wizard: SetupWizard) -> None:
    fill_stand_page(qtbot, wizard)
    for page in (CATALOG_PAGE, SYNC_PAGE, SUPERVISOR_PAGE):
        click(qtbot, wizard, "wizardNextButton")
        assert wizard.currentId() == page


@pytest.mark.parametrize(("pin", "repeat", "reason"), [
    ("123456", "654321", "not the same"),
    ("1234", "1234", "6 to 8 digits"),
    ("12", "12", "6 to 8 digits"),
    ("", "", "6 to 8 digits"),
])
def test_bad_pins_are_refused_inline_and_nothing_is_created(
    qtbot: QtBot, wizard: SetupWizard, data_dir: DataDir, pin: str, repeat: str, reason: str,
) -> None:
    go_to_supervisor(qtbot, wizard)
    fill_supervisor(qtbot, wizard, pin, repeat)

    click(qtbot, wizard, "wizardFinishButton")

    assert wizard.isVisible() and wizard.currentId() == SUPERVISOR_PAGE
    assert reason in error_text(wizard, "supervisorPageError")
    assert wizard.stand_code is None
    assert stand_files(data_dir) == []


def test_an_existing_stand_code_is_refused(qtbot: QtBot, data_dir: DataDir,
                                           catalog_file: Path) -> None:
    existing = make_stand(data_dir, "JABAR", catalog_file, open_shift=False)
    existing.handle.close()
    before = dump_database(existing.path)
    wizard = SetupWizard(data_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_stand_page(qtbot, wizard)

    click(qtbot, wizard, "wizardNextButton")

    assert wizard.currentId() == STAND_PAGE
    assert "JABAR already exists" in error_text(wizard, "standPageError")
    combo = child(wizard, QComboBox, "provinceCombo")
    combo.setCurrentIndex(combo.findText("Jawa Tengah"))
    assert error_text(wizard, "standPageError") == ""
    assert dump_database(existing.path) == before


def test_a_failed_step_removes_the_half_made_stand(
    qtbot: QtBot, wizard: SetupWizard, data_dir: DataDir, monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise InvalidInput("there is already a user named Budi")

    monkeypatch.setattr(users, "add_user", refuse)
    go_to_supervisor(qtbot, wizard)
    fill_supervisor(qtbot, wizard)

    click(qtbot, wizard, "wizardFinishButton")

    assert wizard.isVisible() and wizard.currentId() == SUPERVISOR_PAGE
    assert "already a user named Budi" in error_text(wizard, "supervisorPageError")
    assert wizard.stand_code is None
    assert stand_files(data_dir) == []


def test_a_stand_database_that_cannot_be_prepared_is_removed(
    qtbot: QtBot, wizard: SetupWizard, data_dir: DataDir, monkeypatch: pytest.MonkeyPatch,
) -> None:
    def half_open(data: DataDir, code: str, **kwargs: object) -> None:
        data.ensure_writable()
        data.stand_path(code).write_bytes(b"half a database")
        raise StorageError("storage.busy", db=str(data.stand_path(code)))

    monkeypatch.setattr("posapp.services.setup.open_stand", half_open)
    go_to_supervisor(qtbot, wizard)
    fill_supervisor(qtbot, wizard)

    click(qtbot, wizard, "wizardFinishButton")

    assert "is busy" in error_text(wizard, "supervisorPageError")
    assert wizard.stand_code is None
    assert stand_files(data_dir) == []


def test_cancel_creates_nothing(qtbot: QtBot, wizard: SetupWizard, data_dir: DataDir) -> None:
    go_to_supervisor(qtbot, wizard)
    click(qtbot, wizard, "wizardCancelButton")

    assert wizard.result() == QDialog.DialogCode.Rejected
    assert wizard.stand_code is None
    assert stand_files(data_dir) == []


INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QListWidget)


def test_every_interactive_widget_is_named_and_touch_sized(qtbot: QtBot,
                                                           wizard: SetupWizard) -> None:
    for page in (STAND_PAGE, CATALOG_PAGE, SYNC_PAGE, SUPERVISOR_PAGE):
        wizard.setStartId(page)
        wizard.restart()
        shown = [w for w in wizard.findChildren(QWidget)
                 if isinstance(w, INTERACTIVE) and w.isVisible()
                 and not isinstance(w.parent(), QComboBox)]
        assert shown
        for w in shown:
            assert w.objectName() and not w.objectName().startswith("qt_"), w
            assert w.accessibleName(), w.objectName()
            if not isinstance(w, QListWidget):
                assert w.minimumHeight() >= 44, w.objectName()




def test_texts_follow_a_language_change(qtbot: QtBot, wizard: SetupWizard,
                                        shouting: QTranslator) -> None:
    fill_stand_page(qtbot, wizard)
    next_button = child(wizard, QAbstractButton, "wizardNextButton")
    assert next_button.text() == "Next"

    QCoreApplication.installTranslator(shouting)

    qtbot.waitUntil(lambda: next_button.text() == "NEXT")
    assert child(wizard, QAbstractButton, "wizardCancelButton").accessibleName() == "CANCEL"
    assert wizard.currentPage().title() == "THE STAND"
    assert child(wizard, QComboBox, "provinceCombo").accessibleName() == "PROVINCE"
    assert child(wizard, QLineEdit, "standNameInput").text() == "STAND Jawa Barat"
