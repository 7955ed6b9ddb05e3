"""The window only asks: a cashier changing a price or a setting gets the supervisor prompt,
and the service decides on the name and PIN typed there (a wrong PIN or a cashier is refused
inline, nothing saved; a supervisor's approval saves it and the journal names them)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from posapp.services import catalog, journal, settings
from posapp.services.session.stand import StandSession
from posapp.ui.catalog.dialog import CatalogDialog
from posapp.ui.common.pin_prompt import PinPrompt
from posapp.ui.setup.settings_dialog import SettingsDialog
from tests.conftest import CASHIER, CASHIER_PIN, SUPERVISOR, SUPERVISOR_PIN, Stand
from tests.ui.test_catalog_dialog import choose, type_into


def prompt_of(dialog: QWidget) -> PinPrompt:
    prompt = dialog.findChild(PinPrompt)
    assert prompt is not None and prompt.isVisible()
    return prompt


def approve(prompt: PinPrompt, name: str, pin: str) -> None:
    prompt.fields.name_input.setText(name)
    prompt.fields.pin_input.setText(pin)
    prompt.confirm()


def test_a_cashiers_new_price_waits_for_a_supervisor(qtbot: QtBot,
                                                    session: StandSession) -> None:
    dialog = CatalogDialog(session)  # Ani, a cashier, is logged in
    qtbot.addWidget(dialog)
    dialog.show()
    choose(qtbot, dialog, "JTM-BTK-001")
    type_into(qtbot, dialog, "priceInput", "1.000")
    qtbot.mouseClick(dialog.findChild(QAbstractButton, "saveProductButton"),
                     Qt.MouseButton.LeftButton)

    prompt = prompt_of(dialog)
    assert prompt.detail_label.text() == (
        "A supervisor must approve importing the catalog or changing prices")
    approve(prompt, CASHIER, CASHIER_PIN)  # a cashier cannot approve
    assert prompt.isVisible()
    assert prompt.error_label.text() == "Ani is a cashier: a supervisor must approve this"
    approve(prompt, SUPERVISOR, "000000")
    assert prompt.isVisible() and prompt.error_label.text() == "Wrong name or PIN"
    assert catalog.lookup(session.handle.uow(write=False), "JTM-BTK-001").price == 450_000

    with qtbot.waitSignal(dialog.catalogChanged, timeout=2000):
        approve(prompt, SUPERVISOR, SUPERVISOR_PIN)
    assert not prompt.isVisible()
    assert catalog.lookup(session.handle.uow(write=False), "JTM-BTK-001").price == 1_000
    with session.handle.uow(write=False) as uow:
        *_, entry = journal.iter_entries(uow.session)
    saved = json.loads(entry.payload)
    assert (saved["price"], saved["by"], saved["approved_by"]) == (1_000, CASHIER, SUPERVISOR)


def test_a_cashier_changes_the_language_alone_but_not_the_printer(
        qtbot: QtBot, session: StandSession, jatim: Stand) -> None:
    dialog = SettingsDialog(session.settings)
    qtbot.addWidget(dialog)
    dialog.show()
    printer = dialog.findChild(QLineEdit, "printerInput")
    assert printer is not None
    printer.setText("file:/dev/usb/lp0")
    dialog.save()
    prompt_of(dialog).reject()  # no supervisor at hand: nothing saved
    assert settings.get(jatim.handle.uow(write=False)).printer == ""
    assert dialog.isVisible()

    printer.setText("")
    language = dialog.findChild(QWidget, "languageCombo")
    assert language is not None
    language.setCurrentIndex(language.findData("en"))  # type: ignore[attr-defined]
    dialog.save()
    assert dialog.findChild(PinPrompt) is None or not dialog.findChild(PinPrompt).isVisible()
    assert settings.get(jatim.handle.uow(write=False)).language == "en"
