"""The settings dialog's "Shift and supervisor limits" box: the blind count, the cash
difference, the cash out and the lowest open price a supervisor approves, shown, saved, and
refused inline when not an amount."""

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
    assert box.isVisible() and box.title() == "Shift and supervisor limits"
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


def test_the_cash_out_limit_and_open_price_floor_show_their_defaults(
        qtbot: QtBot, session: StandSession) -> None:
    dialog = open_dialog(qtbot, session)
    assert child(dialog, QLineEdit, "cashOutLimitInput").text() == "Rp 100.000"
    assert child(dialog, QLineEdit, "openPriceFloorInput").text() == "Rp 1.000"
    assert child(dialog, QLineEdit, "cashOutLimitInput").accessibleName() == (
        "Cash out that needs a supervisor")
    assert child(dialog, QLineEdit, "openPriceFloorInput").accessibleName() == (
        "Lowest open price without a supervisor")


def test_a_supervisor_sets_the_cash_out_limit_and_open_price_floor(
        qtbot: QtBot, session: StandSession, jatim: Stand) -> None:
    dialog = open_dialog(qtbot, session)  # Budi, a supervisor: saved without a prompt
    type_into(qtbot, dialog, "cashOutLimitInput", "250.000")
    type_into(qtbot, dialog, "openPriceFloorInput", "25.000")
    click(qtbot, dialog, "saveSettingsButton")
    assert dialog.result() == dialog.DialogCode.Accepted
    stored = settings.get(jatim.handle.uow(write=False))
    assert (stored.cash_out_limit, stored.open_price_floor) == (250_000, 25_000)
    assert stored.cash_difference_limit == 50_000  # the others as they were

    again = open_dialog(qtbot, session)
    assert child(again, QLineEdit, "cashOutLimitInput").text() == "Rp 250.000"
    assert child(again, QLineEdit, "openPriceFloorInput").text() == "Rp 25.000"


def test_a_floor_that_is_no_amount_is_refused_inline_and_nothing_is_saved(
        qtbot: QtBot, session: StandSession, jatim: Stand) -> None:
    before = dump_database(jatim.path)
    dialog = open_dialog(qtbot, session)
    type_into(qtbot, dialog, "openPriceFloorInput", "seribu")
    click(qtbot, dialog, "saveSettingsButton")
    error = child(dialog, QLabel, "settingsErrorLabel")
    assert error.isVisible() and "seribu" in error.text()
    assert dump_database(jatim.path) == before
