"""Logging in: a name picked from the list is refused for its PIN only, never by name."""

from __future__ import annotations

import pytest

from posapp.domain.errors import NotAllowed
from posapp.services import users
from tests.conftest import CASHIER, CASHIER_PIN, Stand


def test_a_picked_name_is_refused_without_repeating_it(jatim: Stand) -> None:
    with pytest.raises(NotAllowed) as picked:
        users.login(jatim.handle.uow(write=False), CASHIER, "0000", picked=True)
    assert picked.value.code == "user.wrong_pin_picked" and dict(picked.value.values) == {}
    with pytest.raises(NotAllowed) as typed:
        users.login(jatim.handle.uow(write=False), CASHIER, "0000")
    assert typed.value.code == "user.wrong_pin"
    with pytest.raises(NotAllowed) as unknown:  # gone since the list was shown
        users.login(jatim.handle.uow(write=False), "Siti", "0000", picked=True)
    assert unknown.value.code == "user.wrong_pin"
    actor = users.login(jatim.handle.uow(write=False), CASHIER, CASHIER_PIN, picked=True)
    assert actor.name == CASHIER
