"""The QRIS slip's layout: the stand, the amount, the dynamic code asking for it."""

from __future__ import annotations

import pytest

from posapp.domain.errors import InvalidInput
from posapp.domain.layout import Cut, QrCode, Text
from posapp.domain.qris import dynamic_payload, parse_qris
from posapp.domain.qris_slip import layout_qris_slip
from tests.unit.test_qris import STAND_STATIC


def test_the_slip_carries_the_code_for_exactly_the_amount() -> None:
    blocks = layout_qris_slip("Stand JATIM", STAND_STATIC, 625_000, 32, lang="en")
    [code] = [b for b in blocks if isinstance(b, QrCode)]
    assert code.data == dynamic_payload(STAND_STATIC, 625_000)
    assert parse_qris(code.data).amount == 625_000
    lines = [b.text for b in blocks if isinstance(b, Text)]
    assert lines[0] == "Stand JATIM"
    assert "Pay with QRIS" in lines and "Rp 625.000" in lines
    assert all(len(b.text) <= (16 if b.double else 32) for b in blocks if isinstance(b, Text))
    assert isinstance(blocks[-1], Cut)


def test_indonesian_words() -> None:
    lines = [b.text for b in layout_qris_slip("Stand JATIM", STAND_STATIC, 85_000, 42)
             if isinstance(b, Text)]
    assert "Bayar dengan QRIS" in lines and "Jumlah yang dibayar" in lines


@pytest.mark.parametrize(("payload", "amount", "width"), [
    ("", 85_000, 42), (STAND_STATIC, 0, 42), (STAND_STATIC, 10_000_001, 42),
    (STAND_STATIC, 85_000, 40)])
def test_a_slip_that_cannot_be_printed_is_refused(payload: str, amount: int,
                                                  width: int) -> None:
    with pytest.raises(InvalidInput):
        layout_qris_slip("Stand JATIM", payload, amount, width)
