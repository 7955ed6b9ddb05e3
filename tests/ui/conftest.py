"""UI fixtures: a Till on a real stand database, logged in with a shift open."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from posapp.services.till import Till
from tests.conftest import CASHIER, CASHIER_PIN, Stand


@pytest.fixture
def till(jatim: Stand) -> Iterator[Till]:
    """The JATIM stand's till: Ani logged in, shift open with Rp 500.000, empty cart."""
    t = Till.open(jatim.handle)
    t.login(CASHIER, CASHIER_PIN)
    yield t
