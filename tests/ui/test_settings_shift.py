"""The settings dialog's "Closing a shift" box: the blind count and the cash difference a
supervisor approves, shown, saved, and refused inline when not an amount."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from posapp.services import settings
from posapp.services.session.stand import StandSession
from tests.conftest import Stand, dump_database
from tests.ui.test_settings import child, click, open_dialog, type_into


@pytest.fixture
def session(supervisor_session: StandSession) -> StandSession:
    """Budi, a supervisor, is logged in: prices, settings and the event are theirs to change
    (a cashier is asked for a supervisor's approval: test_policy_window.py)."""
    return supervisor_session


def test_the_defaults_are_no_blind_count_and_rp_50_000(
        qtbot: QtBot, session: StandSession) -> None:
    dialog = open_dialog(qtbot, session)
    box = child(dialog, QGroupBox, "shiftSettingsBox")
    assert box.isVisible() and box.title() == "Closing a shift"
    assert not child(dialog, QCheckBox, "blindCountCheck").isChecked()
    assert child(dialog, QLineEdit, "cashDifferenceLimitInput").text() == "Rp 50.000"


def test_blind_count_and_the_limit_are_saved_and_shown_again(
        qtbot: QtBot, session: StandSession, jatim: Stand) -> None:
    dialog = open_dialog(qtbot, session)
    child(dialog, QCheckBox, "blindCountCheck").setChecked(True)
    type_into(qtbot, dialog, "cashDifferenceLimitInput", "100.000")
    click(qtbot, dialog, "saveSettingsButton")
    assert dialog.result() == dialog.DialogCode.Accepted
    stored = settings.get(jatim.handle.uow(write=False))
    assert (stored.blind_count, stored.cash_difference_limit) == (True, 100_000)

    again = open_dialog(qtbot, session)
    assert child(again, QCheckBox, "blindCountCheck").isChecked()
    assert child(again, QLineEdit, "cashDifferenceLimitInput").text() == "Rp 100.000"


def test_a_limit_that_is_no_amount_is_refused_inline_and_nothing_is_saved(
        qtbot: QtBot, session: StandSession, jatim: Stand) -> None:
    before = dump_database(jatim.path)
    dialog = open_dialog(qtbot, session)
    child(dialog, QCheckBox, "blindCountCheck").setChecked(True)
    type_into(qtbot, dialog, "cashDifferenceLimitInput", "lima puluh ribu")
    click(qtbot, dialog, "saveSettingsButton")
    error = child(dialog, QLabel, "settingsErrorLabel")
    assert error.isVisible() and "lima puluh ribu" in error.text()
    assert dialog.isVisible()
    assert dump_database(jatim.path) == before
