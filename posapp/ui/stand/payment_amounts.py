"""The payment parts' amounts: quick cash, the QRIS cap, reading a typed amount.

Plain Python (no Qt): what the payment offers and how it reads what the cashier types.
"""

from __future__ import annotations

import re

from posapp.domain.money import MAX_AMOUNT, parse_rupiah
from posapp.domain.tender import QRIS_MAX_PER_PAYMENT

#: The most one QRIS payment may carry; a larger amount is split over several payments.
QRIS_MAX_PAYMENT = QRIS_MAX_PER_PAYMENT  # the domain's cap, shown before the payment is taken
#: Indonesian notes a buyer hands over, smallest first.
NOTES = (1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000)
# Characters that can never be part of an amount (digits, dots, commas, spaces, "Rp" can).
_NOT_AN_AMOUNT = re.compile(r"[^\d\s.,RrPp]")


def _round_up(value: int, unit: int) -> int:
    return -(-value // unit) * unit


def quick_amounts(due: int) -> list[int]:
    """*due* itself, then up to four larger amounts a buyer would pay in notes, ascending.

    Rounds *due* up to multiples of the notes that matter at its size, plus one more
    Rp 50.000 or Rp 100.000 note: 85.000 -> [85.000, 90.000, 100.000, 150.000, 200.000].
    Nothing is due (``due <= 0``) gives ``[]``.
    """
    if due <= 0:
        return []
    units = [n for n in NOTES if n * 10 >= due or n >= NOTES[-2]]
    candidates = {_round_up(due, u) for u in units}
    candidates |= {_round_up(due, u) + u for u in NOTES[-2:]}
    above = sorted(c for c in candidates if due < c <= MAX_AMOUNT)
    return [due, *above[:4]]


def read_amount(text: str) -> int:
    """The amount typed in *text*, 0 when empty; InvalidInput when it is not an amount."""
    text = text.strip()
    return parse_rupiah(text) if text else 0


def could_be_amount(text: str) -> bool:
    """False when *text* holds a character no amount has (a letter, a sign): the cashier
    should hear that it is not an amount; True while it may still become one."""
    return not _NOT_AN_AMOUNT.search(text)
