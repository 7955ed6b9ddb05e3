"""One key, one meaning: the stand window's key map never gives a key two jobs."""

from posapp.domain.tender import PAYMENT_METHODS
from posapp.ui.stand.keymap import KEYS, METHOD_KEYS, QUICK_CASH_KEYS, key

# Screens shown at the same moment share the window's keys.
TOGETHER = {"selling": {"window", "selling"}, "payment": {"window", "payment"},
            "paid": {"window", "paid"}}


def test_no_key_means_two_things_on_screens_shown_together():
    for screen, parts in TOGETHER.items():
        seen: dict[str, str] = {}
        for k in KEYS:
            if k.where in parts:
                assert k.sequence not in seen, (screen, k.sequence, seen.get(k.sequence), k.name)
                seen[k.sequence] = k.name


def test_a_function_key_means_the_same_on_every_screen():
    meaning: dict[str, str] = {}
    for k in KEYS:
        if k.sequence.removeprefix("Shift+").startswith("F") or k.sequence.startswith("Ctrl+"):
            assert meaning.setdefault(k.sequence, k.name) == k.name, k.sequence


def test_every_payment_method_has_a_key_and_names_are_unique():
    assert set(METHOD_KEYS) == {info.method for info in PAYMENT_METHODS}
    assert len(QUICK_CASH_KEYS) == 5
    assert len({k.name for k in KEYS}) == len(KEYS)
    assert key("pay") == "F12"
    assert key("methodQris") == "Alt+2"


def test_closing_the_shift_has_no_key():
    assert "closeShift" not in {k.name for k in KEYS}
