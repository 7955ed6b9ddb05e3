"""UI fixtures: a Till on a real stand database, logged in with a shift open."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from posapp.services.till import Till
from tests.conftest import CASHIER, CASHIER_PIN, Stand


@pytest.fixture
def till(jatim: Stand) -> Iterator[Till]:
    """The JATIM stand's till: Ani logged in, shift open with Rp 500.000, empty cart."""
    t = Till.open(jatim.handle)
    t.login(CASHIER, CASHIER_PIN)
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
