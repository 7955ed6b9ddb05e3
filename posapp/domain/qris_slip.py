"""The QRIS slip: the stand's dynamic QRIS code for the amount due, on the thermal printer,
for a buyer who cannot see the screen (the payment panel's Ctrl+P)."""

from __future__ import annotations

from posapp.domain.errors import InvalidInput
from posapp.domain.layout import Block, Cut, QrCode, Rule, texts
from posapp.domain.money import format_rupiah
from posapp.domain.qris import dynamic_payload, parse_qris
from posapp.domain.receipt import PAPER_WIDTHS, sayer


def layout_qris_slip(stand_name: str, static_payload: str, amount: int, width: int, *,
                     lang: str = "id") -> tuple[Block, ...]:
    """The slip's blocks for *width* columns: the stand, the amount, the code asking for
    exactly *amount* rupiah (InvalidInput for an amount QRIS refuses or a bad payload)."""
    if width not in PAPER_WIDTHS:
        raise InvalidInput("slip.bad_width", widths=list(PAPER_WIDTHS), width=width)
    if not static_payload.strip():
        raise InvalidInput("qris_slip.no_qris_code")
    payload = dynamic_payload(static_payload, amount)
    say = sayer(lang)
    out: list[Block] = []
    out += texts(stand_name, width, bold=True, align="center", double=True)
    merchant = parse_qris(payload).merchant_name
    if merchant and merchant.casefold() != stand_name.casefold():
        out += texts(merchant, width, align="center")
    out.append(Rule())
    out += texts(say("qris_slip.title"), width, bold=True, align="center", double=True)
    out += texts(say("qris_slip.amount"), width, align="center")
    out += texts(format_rupiah(amount), width, bold=True, align="center", double=True)
    out.append(QrCode(payload))
    out += texts(say("qris_slip.scan"), width, align="center")
    out.append(Rule())
    out.append(Cut())
    return tuple(out)
