"""Money is an ``int`` of whole rupiah; one function formats it everywhere."""

from __future__ import annotations

import math
import re
from decimal import Decimal
from fractions import Fraction

from posapp.domain.errors import InvalidInput
from posapp.domain.messages import Message, msg
from posapp.domain.rupiah import format_rupiah

#: The largest amount any single price, payment or total may have (Rp 10 milyar).
MAX_AMOUNT = 10_000_000_000
#: The most digits an amount or a quantity typed or read may have: past it the text is
#: refused before it is made a number (a 5,000-digit word costs nothing to refuse).
MAX_DIGITS = 15

__all__ = ["MAX_AMOUNT", "MAX_DIGITS", "check_amount", "check_digits", "format_rupiah",
           "parse_rupiah", "round_half_up"]

_AMOUNT_TEXT = re.compile(r"^-?\d{1,3}(\.\d{3})+$|^-?\d+$")


def parse_rupiah(text: str, *, allow_negative: bool = False) -> int:
    """Read an amount typed by a person: ``150000``, ``150.000``, ``Rp 150.000``, ``150.000,00``.

    Raises InvalidInput with a one-line reason for anything else.
    """
    raw = text.strip()
    cleaned = raw
    if cleaned[:2].lower() == "rp":
        cleaned = cleaned[2:].strip()
    cleaned = cleaned.replace(" ", "")
    if cleaned.endswith(",00") or cleaned.endswith(",0"):
        cleaned = cleaned.rsplit(",", 1)[0]
    if not _AMOUNT_TEXT.match(cleaned):
        raise InvalidInput("amount.unreadable", text=raw[:40])
    check_digits(cleaned, what=msg("amount.amount"))
    value = int(cleaned.replace(".", ""))
    return check_amount(value, allow_negative=allow_negative)


def check_digits(number_text: str, *, what: Message) -> None:
    """Refuse a number written with more than MAX_DIGITS digits (above Rp 10 milyar in
    any case), before anything makes it an ``int`` or formats it."""
    digits = sum(ch.isdigit() for ch in number_text)
    if digits > MAX_DIGITS:
        raise InvalidInput("amount.too_many_digits", what=what, n=digits, max=MAX_DIGITS)


def check_amount(value: int, *, allow_negative: bool = False,
                 what: Message | None = None) -> int:
    """Refuse amounts past the limits; return *value* unchanged otherwise.

    *what* names the amount in the refusal, said in any language: a message such as
    ``msg("amount.method_payment", method="cash")`` (plain "amount" when not given).
    """
    named = msg("amount.amount") if what is None else what
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput("amount.not_whole", what=named, value=value)
    if value < 0 and not allow_negative:
        raise InvalidInput("amount.negative", what=named, value=value)
    if abs(value) > MAX_AMOUNT:
        raise InvalidInput("amount.above_max", what=named, max=MAX_AMOUNT, value=value)
    return value


def round_half_up(value: Fraction | Decimal) -> int:
    """Round an exact amount to whole rupiah, halves away from zero (Rp 0,5 -> Rp 1)."""
    exact = Fraction(value)
    magnitude = math.floor(abs(exact) + Fraction(1, 2))
    return magnitude if exact >= 0 else -magnitude


def percent_of(amount: int, percent: Decimal) -> int:
    """*percent* % of *amount*, rounded half up to whole rupiah (exact arithmetic)."""
    exact = Fraction(amount) * Fraction(percent) / 100
    return round_half_up(exact)


def split_proportionally(total: int, weights: list[int]) -> list[int]:
    """Split *total* over *weights* so the parts add up exactly (largest remainder).

    Ties go to the earlier weight, so the result is stable for the same input.
    """
    base = sum(weights)
    if base == 0:
        return [0 for _ in weights]
    # each part is total * w / base exactly: its floor, and the remainder (over base) that
    # ranks who gets one of the rupiah left over
    split = [divmod(total * w, base) for w in weights]
    parts = [whole for whole, _ in split]
    rest = total - sum(parts)
    order = sorted(range(len(weights)), key=lambda i: (-split[i][1], i))
    for i in order[:rest]:
        parts[i] += 1
    return parts
