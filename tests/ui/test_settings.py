"""The settings dialog on the JATIM stand: defaults, save, reopen, refusals shown inline."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from posapp.services import settings
from posapp.services.session.stand import StandSession
from posapp.services.settings import StandSettings
from posapp.ui.common.i18n import Languages
from posapp.ui.setup.settings_dialog import SettingsDialog
from tests.conftest import Stand, dump_database
from tests.unit.test_qris import STAND_STATIC  # a valid static QRIS payload


@pytest.fixture
def session(supervisor_session: StandSession) -> StandSession:
    """Budi, a supervisor, is logged in: prices, settings and the event are theirs to change
    (a cashier is asked for a supervisor's approval: test_policy_window.py)."""
    return supervisor_session


def open_dialog(qtbot: QtBot, session: StandSession) -> SettingsDialog:
    dialog = SettingsDialog(session.settings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def child(w: QWidget, kind: type, name: str):  # type: ignore[no-untyped-def]
    found = w.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name}"
    return found


def choose(w: QWidget, name: str, data: object) -> None:
    combo = child(w, QComboBox, name)
    index = combo.findData(data)
    assert index >= 0, f"{name} has no {data!r}"
    combo.setCurrentIndex(index)


def type_into(qtbot: QtBot, w: QWidget, name: str, text: str) -> None:
    edit = child(w, QLineEdit, name)
    edit.clear()
    qtbot.keyClicks(edit, text)


def set_spin(qtbot: QtBot, w: QWidget, name: str, value: int) -> None:
    spin = child(w, QSpinBox, name)
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))
    assert spin.value() == value


def click(qtbot: QtBot, w: QWidget, name: str) -> None:
    qtbot.mouseClick(child(w, QAbstractButton, name), Qt.MouseButton.LeftButton)


def shown_values(dialog: SettingsDialog) -> tuple[object, ...]:
    return (
        child(dialog, QComboBox, "languageCombo").currentData(),
        child(dialog, QLineEdit, "printerInput").text(),
        child(dialog, QComboBox, "paperWidthCombo").currentData(),
        child(dialog, QLineEdit, "qrisPayloadInput").text(),
        child(dialog, QComboBox, "scannerSuffixCombo").currentData(),
        child(dialog, QSpinBox, "scannerIntervalSpin").value(),
        child(dialog, QSpinBox, "discountLimitSpin").value(),
        child(dialog, QCheckBox, "customerDisplayCheck").isChecked(),
        child(dialog, QCheckBox, "cashDrawerCheck").isChecked(),
    )


def test_a_new_stand_shows_the_defaults(qtbot: QtBot, session: StandSession) -> None:
    dialog = open_dialog(qtbot, session)

    assert shown_values(dialog) == ("id", "", 42, "", "enter", 30, 10, False, False)
    assert dialog.settings == StandSettings()
    assert not child(dialog, QLabel, "settingsErrorLabel").isVisible()


def test_changes_are_saved_and_shown_when_reopened(qtbot: QtBot, session: StandSession) -> None:
    dialog = open_dialog(qtbot, session)
    choose(dialog, "languageCombo", "en")
    type_into(qtbot, dialog, "printerInput", "usb:04B8:0202 ")
    choose(dialog, "paperWidthCombo", 32)
    type_into(qtbot, dialog, "qrisPayloadInput", STAND_STATIC)
    choose(dialog, "scannerSuffixCombo", "tab")
    set_spin(qtbot, dialog, "scannerIntervalSpin", 45)
    set_spin(qtbot, dialog, "discountLimitSpin", 25)
    click(qtbot, dialog, "customerDisplayCheck")
    click(qtbot, dialog, "cashDrawerCheck")
    with qtbot.waitSignal(dialog.saved) as saved:
        click(qtbot, dialog, "saveSettingsButton")

    expected = StandSettings(
        language="en", printer="usb:04b8:0202", paper_width=32,
        qris_payload=STAND_STATIC, scanner_suffix="tab",
        scanner_interval_ms=45, discount_limit_percent=25, customer_display=True,
        cash_drawer=True,
    )
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.settings == expected
    assert saved.args == [expected]
    assert settings.get(session.handle.uow(write=False)) == expected
    again = open_dialog(qtbot, session)
    assert shown_values(again) == ("en", "usb:04b8:0202", 32,
                                   STAND_STATIC, "tab", 45, 25,
                                   True, True)


@pytest.mark.parametrize(("field", "text", "reason"), [
    ("printerInput", "lpt1", "Unknown printer 'lpt1': use file:PATH"),
    ("printerInput", "network:10.0.0.7:99999", "port '99999'"),
    ("qrisPayloadInput", "000201 ", "spaces"),
    pytest.param("printerInput", "win32:EPSON TM-T20II", "work only on Windows",
                 marks=pytest.mark.skipif(sys.platform == "win32", reason="on Windows it works")),
])
def test_a_refused_value_is_shown_inline_and_nothing_is_saved(
    qtbot: QtBot, session: StandSession, jatim: Stand, field: str, text: str, reason: str,
) -> None:
    before = dump_database(jatim.path)
    dialog = open_dialog(qtbot, session)
    choose(dialog, "paperWidthCombo", 48)
    type_into(qtbot, dialog, field, text)

    click(qtbot, dialog, "saveSettingsButton")

    error = child(dialog, QLabel, "settingsErrorLabel")
    assert error.isVisible() and reason in error.text()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dump_database(jatim.path) == before
    assert settings.get(session.handle.uow(write=False)) == StandSettings()

    type_into(qtbot, dialog, field, "")
    click(qtbot, dialog, "saveSettingsButton")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not error.isVisible()
    assert settings.get(session.handle.uow(write=False)).paper_width == 48


def test_cancel_saves_nothing(qtbot: QtBot, session: StandSession, jatim: Stand) -> None:
    before = dump_database(jatim.path)
    dialog = open_dialog(qtbot, session)
    type_into(qtbot, dialog, "printerInput", "network:printer.local")

    click(qtbot, dialog, "cancelSettingsButton")

    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dump_database(jatim.path) == before


INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)


def test_every_interactive_widget_is_named_and_touch_sized(qtbot: QtBot,
                                                           session: StandSession) -> None:
    dialog = open_dialog(qtbot, session)
    shown = [w for w in dialog.findChildren(QWidget)
             if isinstance(w, INTERACTIVE) and w.isVisible()
             and not isinstance(w.parent(), QComboBox | QAbstractSpinBox)]

    assert len(shown) == 22  # the shift box adds four (settings_shift.py)
    for w in shown:
        assert w.objectName() and w.accessibleName(), w
        assert w.minimumHeight() >= 44, w.objectName()



def test_the_backup_folder_and_how_often_are_saved(qtbot: QtBot, session: StandSession,
                                                  tmp_path: Path) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    dialog = open_dialog(qtbot, session)
    assert child(dialog, QLineEdit, "backupFolderInput").text() == ""
    assert child(dialog, QSpinBox, "backupEverySpin").value() == 10
    assert child(dialog, QSpinBox, "backupKeepSpin").value() == 30
    type_into(qtbot, dialog, "backupFolderInput", f" {stick} ")
    set_spin(qtbot, dialog, "backupEverySpin", 5)
    set_spin(qtbot, dialog, "backupKeepSpin", 12)

    click(qtbot, dialog, "saveSettingsButton")

    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = settings.get(session.handle.uow(write=False))
    assert (saved.backup_folder, saved.backup_every, saved.backup_keep) == (str(stick), 5, 12)
    again = open_dialog(qtbot, session)
    assert child(again, QLineEdit, "backupFolderInput").text() == str(stick)
    assert child(again, QSpinBox, "backupEverySpin").value() == 5
    assert child(again, QSpinBox, "backupKeepSpin").value() == 12


def test_choose_folder_fills_in_the_folder_picked(qtbot: QtBot, session: StandSession,
                                                  tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda *args, **kw: str(tmp_path))
    dialog = open_dialog(qtbot, session)
    click(qtbot, dialog, "backupFolderButton")
    assert child(dialog, QLineEdit, "backupFolderInput").text() == str(tmp_path)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_backup_folder_that_is_not_there_is_refused_inline(
        qtbot: QtBot, session: StandSession, jatim: Stand, tmp_path: Path, qapp: QApplication,
        qm_file: Path, lang: str) -> None:
    languages = Languages(qapp)
    assert languages.use(lang)
    try:
        before = dump_database(jatim.path)
        dialog = open_dialog(qtbot, session)
        missing = tmp_path / "no-stick"
        type_into(qtbot, dialog, "backupFolderInput", str(missing))

        click(qtbot, dialog, "saveSettingsButton")

        error = child(dialog, QLabel, "settingsErrorLabel")
        expected = {
            "en": f"The backup folder {missing} does not exist: plug in the USB stick or "
                  "choose another folder",
            "id": f"Folder cadangan {missing} tidak ada: colokkan flashdisk atau pilih folder "
                  "lain",
        }[lang]
        assert error.isVisible() and error.text() == expected
        assert dialog.isVisible() and dump_database(jatim.path) == before
    finally:
        languages.use("en")


def test_texts_follow_a_language_change(qtbot: QtBot, session: StandSession,
                                        shouting: QTranslator) -> None:
    dialog = open_dialog(qtbot, session)
    save = child(dialog, QAbstractButton, "saveSettingsButton")
    assert save.text() == "Save"

    QCoreApplication.installTranslator(shouting)

    qtbot.waitUntil(lambda: save.text() == "SAVE")
    assert save.accessibleName() == "SAVE THE SETTINGS"
    assert child(dialog, QComboBox, "paperWidthCombo").currentText() == (
        "42 CHARACTERS (80 MM PAPER, SMALL FONT)")
    assert dialog.windowTitle() == "STAND SETTINGS"
