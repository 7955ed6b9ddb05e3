"""UI fixtures: a StandSession on a real stand database, logged in with a shift open."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from posapp.services.session.stand import StandSession
from posapp.ui.common.i18n import Languages, qm_path
from tests.conftest import CASHIER, CASHIER_PIN, SUPERVISOR, SUPERVISOR_PIN, Stand


@pytest.fixture(autouse=True, scope="session")
def _window_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Windows remember their geometry (QSettings) in a temp folder, never the user's."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path_factory.mktemp("window-settings")))


@pytest.fixture
def session(jatim: Stand) -> Iterator[StandSession]:
    """The JATIM stand's session: Ani logged in, shift open with Rp 500.000, empty cart."""
    t = StandSession.open(jatim.handle)
    t.login(CASHIER, CASHIER_PIN)
    yield t


@pytest.fixture
def supervisor_session(jatim: Stand) -> Iterator[StandSession]:
    """The JATIM stand's session with Budi, a supervisor, logged in (what the stand's policy
    lets only a supervisor do: prices, settings, the event)."""
    t = StandSession.open(jatim.handle)
    t.login(SUPERVISOR, SUPERVISOR_PIN)
    yield t


class Shouting(QTranslator):
    """A stand-in language: every text in upper case (to see widgets retranslate)."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return source.upper()

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def shouting() -> Iterator[Shouting]:
    """A Shouting translator, removed again after the test (the app is shared)."""
    translator = Shouting()
    yield translator
    QCoreApplication.removeTranslator(translator)


@pytest.fixture(scope="session")
def qm_file() -> Path:
    """The compiled Indonesian, built when missing or older than the .ts."""
    qm = Path(qm_path("id"))
    ts = qm.with_suffix(".ts")
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        lrelease = Path(sys.executable).with_name("pyside6-lrelease")
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True,
                       capture_output=True)
    return qm


@pytest.fixture
def indonesian(qapp: QApplication, qm_file: Path) -> Iterator[Languages]:
    """The app in Bahasa Indonesia for one test (English again afterwards: the app is shared)."""
    languages = Languages(qapp)
    assert languages.use("id")
    yield languages
    languages.use("en")
