"""The event key in the stand's windows: the set-up wizard and the settings' "Join event".

A key is typed (spaces, dashes, small letters: all fine) or scanned from its QR code (a
scanner's burst ending in Enter); a typo is refused inline with its reason; once taken, the
key is never shown again, only the event id.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from posapp.bootstrap import DataDir, open_stand
from posapp.domain.event_key import fingerprint, format_key, new_key, parse_key
from posapp.services import event, settings
from posapp.services.session.stand import StandSession
from posapp.store.models import SettingRow
from posapp.ui.common.i18n import Languages
from posapp.ui.common.scanner import ScannerFilter
from posapp.ui.setup.event_key_dialog import JoinEventDialog
from posapp.ui.setup.settings_dialog import SettingsDialog
from posapp.ui.setup.wizard import SUPERVISOR_PAGE, SYNC_PAGE, SetupWizard
from tests.conftest import BUDI, Stand
from tests.ui.test_setup_wizard import child, click, fill_stand_page, fill_supervisor, type_into

KEY = new_key(lambda n: bytes(range(1, n + 1)))
OTHER_KEY = new_key(lambda n: bytes(range(100, 100 + n)))
EVENT, OTHER_EVENT = fingerprint(parse_key(KEY)), fingerprint(parse_key(OTHER_KEY))


@pytest.fixture
def session(supervisor_session: StandSession) -> StandSession:
    """Budi, a supervisor, is logged in: prices, settings and the event are theirs to change
    (a cashier is asked for a supervisor's approval: test_policy_window.py)."""
    return supervisor_session


def loosely(key: str) -> str:
    """The key as someone types it from paper: small letters, spaces between the groups."""
    return key.lower().replace("-", " ")


def typo(key: str) -> str:
    """*key* with its 10th character changed (so the check letters no longer match)."""
    i = 10
    return key[:i] + ("A" if key[i] != "A" else "B") + key[i + 1:]


def key_pieces(key: str) -> set[str]:
    """Every group of the key, as it could show up in a text (in either case)."""
    return {g for g in key.split("-")} | {g.lower() for g in key.split("-")}


def shown_texts(root: QWidget) -> list[str]:
    return [w.text() for w in root.findChildren(QLineEdit) + root.findChildren(QLabel)]


def assert_key_not_shown(root: QWidget, key: str) -> None:
    texts = " ".join(shown_texts(root))
    assert not any(len(g) == 4 and g in texts for g in key_pieces(key)), texts


class StepClock:
    """Milliseconds moving 5 at each reading: every key comes 5 ms after the one before."""

    def __init__(self) -> None:
        self.now = 1_000

    def __call__(self) -> int:
        self.now += 5
        return self.now


@pytest.fixture
def scanner(qapp: QApplication) -> Iterator[ScannerFilter]:
    f = ScannerFilter(clock=StepClock())
    qapp.installEventFilter(f)
    yield f
    qapp.removeEventFilter(f)
    f.enabled = False


def burst(qtbot: QtBot, text: str) -> None:
    """A scanner's burst to the focus widget: the code's keys 5 ms apart, then Enter."""
    target = QApplication.focusWidget()
    assert target is not None
    for ch in text:
        qtbot.keyClick(target, ch)
    qtbot.keyClick(QApplication.focusWidget() or target, Qt.Key.Key_Return)


# -- the settings dialog -----------------------------------------------------------------------
@pytest.fixture
def dialog(qtbot: QtBot, session: StandSession) -> SettingsDialog:
    d = SettingsDialog(session.settings)
    qtbot.addWidget(d)
    d.show()
    return d


def open_join(qtbot: QtBot, settings_dialog: SettingsDialog) -> JoinEventDialog:
    qtbot.mouseClick(child(settings_dialog, QPushButton, "joinEventButton"),
                     Qt.MouseButton.LeftButton)
    join = settings_dialog.join_dialog
    assert isinstance(join, JoinEventDialog) and join.isVisible()
    return join


def test_join_event_takes_a_loosely_typed_key_and_shows_only_the_event_id(
        qtbot: QtBot, dialog: SettingsDialog, session: StandSession, jatim: Stand) -> None:
    status = child(dialog, QLabel, "eventStatusLabel")
    assert status.text() == "Not joined yet: the organizers give the event key"
    join = open_join(qtbot, dialog)
    assert join.current_label.text() == "This stand has not joined an event yet."
    type_into(qtbot, join, "eventKeyInput", loosely(KEY))

    with qtbot.waitSignal(join.joined) as joined:
        qtbot.keyClick(child(join, QLineEdit, "eventKeyInput"), Qt.Key.Key_Return)

    assert joined.args[0].event_id == EVENT
    assert join.result() == QDialog.DialogCode.Accepted
    assert event.event_id(jatim.handle.uow(write=False)) == EVENT
    assert status.text() == f"Joined event {EVENT}"
    assert child(dialog, QPushButton, "joinEventButton").text() == "Join another event…"
    assert_key_not_shown(dialog, KEY)
    assert_key_not_shown(join, KEY)
    reopened = SettingsDialog(session.settings)
    qtbot.addWidget(reopened)
    assert child(reopened, QLabel, "eventStatusLabel").text() == f"Joined event {EVENT}"
    assert_key_not_shown(reopened, KEY)


@pytest.mark.parametrize(("typed", "reason"), [
    (typo(KEY), "The event key has a typo: its check letters do not match; compare it group "
     "by group with the paper"),
    (KEY[:-5], "The event key has a typo: it has 52 letters and digits instead of 56"),
    (KEY.replace(KEY[20], "U", 1) if KEY[20] != "U" else KEY,
     "The event key has a typo: it never holds the letter U (perhaps a V?)"),
    ("bukan kunci", "This is not an event key (an event key is 14 groups of 4 letters and "
     "digits, like 7K3M-...)"),
    ("   ", "No event key given"),
])
def test_a_typo_is_refused_inline_with_its_reason(
        qtbot: QtBot, dialog: SettingsDialog, jatim: Stand, typed: str, reason: str) -> None:
    join = open_join(qtbot, dialog)
    type_into(qtbot, join, "eventKeyInput", typed)

    qtbot.mouseClick(child(join, QPushButton, "joinEventOkButton"), Qt.MouseButton.LeftButton)

    message = child(join, QLabel, "joinEventMessage")
    assert message.isVisible() and message.text() == reason
    assert join.isVisible()
    assert event.event_id(jatim.handle.uow(write=False)) is None


def test_a_typo_in_indonesian(qtbot: QtBot, dialog: SettingsDialog,
                              indonesian: Languages) -> None:
    join = open_join(qtbot, dialog)
    type_into(qtbot, join, "eventKeyInput", typo(KEY))
    qtbot.mouseClick(child(join, QPushButton, "joinEventOkButton"), Qt.MouseButton.LeftButton)
    assert child(join, QLabel, "joinEventMessage").text() == (
        "Kunci acara salah ketik: cocokkan per kelompok dengan kertasnya")
    assert child(join, QPushButton, "joinEventOkButton").text() == "Gabung"


def test_another_event_is_joined_only_after_a_confirmation(
        qtbot: QtBot, session: StandSession, jatim: Stand) -> None:
    event.join(jatim.handle.uow(), KEY, approval=BUDI)
    fresh = SettingsDialog(session.settings)
    qtbot.addWidget(fresh)
    fresh.show()
    join = open_join(qtbot, fresh)
    assert join.current_label.text() == f"This stand joined event {EVENT}."
    ok = child(join, QPushButton, "joinEventOkButton")
    type_into(qtbot, join, "eventKeyInput", OTHER_KEY)

    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    message = child(join, QLabel, "joinEventMessage").text()
    assert message.startswith(f"This stand joined event {EVENT}. Join event {OTHER_EVENT} "
                              "instead?")
    assert ok.text() == "Replace the event"
    assert event.event_id(jatim.handle.uow(write=False)) == EVENT  # not yet
    type_into(qtbot, join, "eventKeyInput", OTHER_KEY)  # edited: asks again
    assert ok.text() == "Join"
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert event.event_id(jatim.handle.uow(write=False)) == EVENT

    with qtbot.waitSignal(join.joined):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    assert event.event_id(jatim.handle.uow(write=False)) == OTHER_EVENT
    assert child(fresh, QLabel, "eventStatusLabel").text() == f"Joined event {OTHER_EVENT}"


def test_the_same_key_again_changes_nothing(qtbot: QtBot, dialog: SettingsDialog,
                                            jatim: Stand) -> None:
    event.join(jatim.handle.uow(), KEY, approval=BUDI)
    join = open_join(qtbot, dialog)
    type_into(qtbot, join, "eventKeyInput", KEY)
    with qtbot.waitSignal(join.joined) as joined:
        qtbot.mouseClick(child(join, QPushButton, "joinEventOkButton"),
                         Qt.MouseButton.LeftButton)
    assert not joined.args[0].changed


def test_a_damaged_stored_key_is_said_and_a_new_one_replaces_it(
        qtbot: QtBot, session: StandSession, jatim: Stand) -> None:
    with jatim.handle.uow() as uow:
        uow.session.add(SettingRow(key="event_key", value="zz"))
        uow.commit()
    dialog = SettingsDialog(session.settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert child(dialog, QLabel, "eventStatusLabel").text() == (
        "The event key stored in this stand is damaged: join the event again in the settings")
    join = open_join(qtbot, dialog)
    type_into(qtbot, join, "eventKeyInput", KEY)
    with qtbot.waitSignal(join.joined):
        qtbot.mouseClick(child(join, QPushButton, "joinEventOkButton"),
                         Qt.MouseButton.LeftButton)
    assert event.event_id(jatim.handle.uow(write=False)) == EVENT


@pytest.mark.parametrize("focus", ["eventKeyInput", "joinEventOkButton"])
def test_a_scanned_qr_code_joins(qtbot: QtBot, session: StandSession, jatim: Stand,
                                 scanner: ScannerFilter, focus: str) -> None:
    """The burst types into the key field (it lets the scanner through) and its Enter joins;
    with the focus elsewhere in the dialog, the scanner's code fills the field and joins."""
    dialog = SettingsDialog(session.settings, scanner=scanner)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    join = open_join(qtbot, dialog)
    join.activateWindow()
    qtbot.waitUntil(join.isActiveWindow)
    child(join, QWidget, focus).setFocus()
    assert QApplication.focusWidget() is child(join, QWidget, focus)

    with qtbot.waitSignal(join.joined, timeout=5_000):
        burst(qtbot, KEY)

    assert event.event_id(jatim.handle.uow(write=False)) == EVENT
    assert_key_not_shown(join, KEY)


# -- the set-up wizard -------------------------------------------------------------------------
@pytest.fixture
def wizard(qtbot: QtBot, data_dir: DataDir) -> SetupWizard:
    w = SetupWizard(data_dir)
    qtbot.addWidget(w)
    w.show()
    return w


def to_sync_page(qtbot: QtBot, wizard: SetupWizard) -> None:
    fill_stand_page(qtbot, wizard)
    click(qtbot, wizard, "wizardNextButton")
    click(qtbot, wizard, "wizardNextButton")
    assert wizard.currentId() == SYNC_PAGE


def test_the_wizard_takes_the_key_and_the_central_store(
        qtbot: QtBot, wizard: SetupWizard, data_dir: DataDir, tmp_path: Path) -> None:
    to_sync_page(qtbot, wizard)
    type_into(qtbot, wizard, "eventKeyInput", loosely(KEY))
    type_into(qtbot, wizard, "centralInput", str(tmp_path / "central.sqlite"))

    click(qtbot, wizard, "wizardNextButton")

    assert wizard.currentId() == SUPERVISOR_PAGE
    click(qtbot, wizard, "wizardBackButton")  # back on the page: only the event id is there
    assert child(wizard, QLineEdit, "eventKeyInput").text() == ""
    assert child(wizard, QLabel, "eventKeyTakenLabel").text() == (
        f"Event {EVENT}: the key is taken (it is not shown again).")
    assert_key_not_shown(wizard, KEY)
    click(qtbot, wizard, "wizardNextButton")  # the field left empty keeps the key taken
    fill_supervisor(qtbot, wizard)
    click(qtbot, wizard, "wizardFinishButton")

    assert wizard.result() == QDialog.DialogCode.Accepted
    handle = open_stand(data_dir, "JABAR")
    try:
        assert event.event_id(handle.uow(write=False)) == EVENT
        assert settings.get(handle.uow(write=False)).central == str(tmp_path / "central.sqlite")
    finally:
        handle.close()


def test_the_wizard_without_a_key_makes_a_stand_that_has_not_joined(
        qtbot: QtBot, wizard: SetupWizard, data_dir: DataDir) -> None:
    to_sync_page(qtbot, wizard)
    click(qtbot, wizard, "wizardNextButton")
    fill_supervisor(qtbot, wizard)
    click(qtbot, wizard, "wizardFinishButton")
    handle = open_stand(data_dir, "JABAR")
    try:
        assert event.event_id(handle.uow(write=False)) is None
        assert settings.get(handle.uow(write=False)).central == ""
    finally:
        handle.close()


@pytest.mark.parametrize(("field", "text", "reason"), [
    ("eventKeyInput", typo(KEY), "compare it group by group with the paper"),
    ("eventKeyInput", KEY[:-1], "it has 55 letters and digits instead of 56"),
    ("centralInput", "/no/such/stick/central.sqlite",
     "The folder /no/such/stick does not exist"),
    ("centralInput", "mysql://server/hani", "The central store is an SQLite file or a "
                                            "PostgreSQL URL, not mysql"),
])
def test_the_wizard_refuses_a_typo_or_a_missing_folder_with_the_reason(
        qtbot: QtBot, wizard: SetupWizard, field: str, text: str, reason: str) -> None:
    to_sync_page(qtbot, wizard)
    type_into(qtbot, wizard, field, text)

    click(qtbot, wizard, "wizardNextButton")

    assert wizard.currentId() == SYNC_PAGE
    error = child(wizard, QLabel, "syncPageError")
    assert error.isVisible() and reason in error.text()
    assert child(wizard, QLabel, "eventKeyTakenLabel").text() == ""


def test_the_wizard_takes_a_scanned_burst_ending_in_enter(
        qtbot: QtBot, wizard: SetupWizard, data_dir: DataDir) -> None:
    """At first start no scanner filter runs yet: the burst is keys in the field, and its
    Enter is the wizard's Next."""
    to_sync_page(qtbot, wizard)
    key_field = child(wizard, QLineEdit, "eventKeyInput")
    key_field.setFocus()
    for ch in KEY:
        qtbot.keyClick(key_field, ch)

    qtbot.keyClick(key_field, Qt.Key.Key_Return)

    assert wizard.currentId() == SUPERVISOR_PAGE
    assert wizard.sync_page.key_text == format_key(parse_key(KEY))
    assert key_field.text() == ""


def test_the_key_never_shows_in_the_wizard_texts(qtbot: QtBot, wizard: SetupWizard) -> None:
    to_sync_page(qtbot, wizard)
    type_into(qtbot, wizard, "eventKeyInput", KEY)
    click(qtbot, wizard, "wizardNextButton")
    texts = " ".join([*shown_texts(wizard), wizard.windowTitle()])
    assert not re.search("-".join(KEY.split("-")[:2]), texts)
    assert_key_not_shown(wizard, KEY)
