"""The order slip as ESC/POS bytes: the order number, the lines, what is due, the QRIS code
for the balance, and the characters a code page needs ("Café", "—")."""

from __future__ import annotations

import pytest
from escpos.printer import Dummy

from posapp.domain.layout import QrCode
from posapp.domain.order_slip import layout_order_slip
from posapp.domain.qris import parse_qris
from posapp.printing.escpos_render import render_escpos
from tests.slip_samples import SLIP

ESC, GS = b"\x1b", b"\x1d"


def _bytes(width: int, lang: str = "id") -> bytes:
    printer = Dummy()
    render_escpos(layout_order_slip(SLIP, width, lang=lang), width, printer)
    return printer.output


@pytest.mark.parametrize("width", [32, 42, 48])
def test_the_bytes_hold_what_the_buyer_reads(width: int) -> None:
    out = _bytes(width)
    data = b"{BJATIM-P00001"
    assert GS + b"kI" + bytes([len(data)]) + data in out  # the printer's own Code128
    assert b"JATIM-P00001\n" in out  # and as text
    assert b"1. Kopi Ijen Caf\x82 - 250 g\n" in out  # CP858: e-acute is 0x82, the dash a -
    assert b"2. Batik tulis motif parang," in out
    assert b"Rp 1.300.000\n" in out and b"Rp 340.000\n" in out
    assert b"TOTAL" in out and b"Rp 1.640.000\n" in out
    assert b"DP QRIS" in out and b"Pelunasan Transfer" in out
    double = ESC + b"!0"  # double width and height
    assert double + ESC + b"E\x01" + ESC + b"a\x01" + b"SISA BAYAR\n" in out
    assert double + ESC + b"E\x01" + ESC + b"a\x01" + b"Rp 500.000\n" in out
    assert b"US$ 30.77\n" in out and b"1 USD = Rp 16.250\n" in out
    assert out.startswith(ESC + b"@" + ESC + b"t\x13")  # reset, then code page 19 (PC858)
    assert out.count(ESC + b"t") == 1
    assert out.endswith(ESC + b"d\x06" + GS + b"V\x00")  # feed past the tear bar, cut
    assert ESC + b"p" not in out  # a slip never opens the drawer


def test_the_qr_code_sent_is_the_dynamic_payload_for_the_balance() -> None:
    out = _bytes(42)
    [payload] = [b.data for b in layout_order_slip(SLIP, 42) if isinstance(b, QrCode)]
    assert parse_qris(payload).amount == 500_000
    store = payload.encode()
    assert GS + b"(k" + (len(store) + 3).to_bytes(2, "little") + b"1P0" + store in out


def test_english_labels_print_too() -> None:
    out = _bytes(42, "en")
    assert b"BALANCE DUE\n" in out and b"Order no." in out and b"Pay the balance by QRIS" in out
