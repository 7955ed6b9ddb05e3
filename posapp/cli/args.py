"""Reading the command line's words: items, payments, amounts and PINs."""

from __future__ import annotations

import argparse
import getpass
import re
import sys
from dataclasses import dataclass
from typing import TextIO

from posapp.cli.output import LANG
from posapp.domain.errors import InvalidInput
from posapp.domain.messages import msg, text
from posapp.domain.money import check_digits, parse_rupiah
from posapp.domain.tender import Payment, PaymentMethod

_ITEM = re.compile(r"^(?P<code>[^*@=\s]+)(?:\*(?P<qty>-?\d+))?(?:@(?P<price>[^*@=]+))?$")


@dataclass(frozen=True)
class ItemArg:
    code: str
    quantity: int
    price: int | None


def parse_item(word: str) -> ItemArg:
    """``CODE``, ``CODE*QTY``, ``CODE@PRICE`` or ``CODE*QTY@PRICE`` (open-price pieces)."""
    m = _ITEM.match(word.strip())
    if not m:
        raise InvalidInput("cli.not_an_item", word=word[:80])
    if m["qty"] is not None:
        check_digits(m["qty"], what=msg("amount.quantity"))
    qty = int(m["qty"]) if m["qty"] is not None else 1
    if qty <= 0:
        raise InvalidInput("cli.item_quantity_below_one", word=word)
    price = parse_rupiah(m["price"]) if m["price"] else None
    return ItemArg(m["code"], qty, price)



def parse_payment(word: str) -> Payment:
    """``cash=500000`` or ``qris=150.000``."""
    if "=" not in word:
        raise InvalidInput("cli.not_a_payment", word=word)
    method, amount = word.split("=", 1)
    return Payment(PaymentMethod.parse(method), parse_rupiah(amount))


def split_items_and_payments(words: list[str]) -> tuple[list[ItemArg], list[Payment]]:
    items, payments = [], []
    for w in words:
        if "=" in w:
            payments.append(parse_payment(w))
        else:
            items.append(parse_item(w))
    return items, payments


def amount(text: str) -> int:
    """An amount typed on the command line (``type=`` of an argparse option)."""
    try:
        return parse_rupiah(text)
    except InvalidInput as exc:  # argparse only reports ArgumentTypeError and ValueError
        raise argparse.ArgumentTypeError(exc.message) from None


def signed_amount(text: str) -> int:
    """Like ``amount``, negative allowed (cash taken out of the drawer)."""
    try:
        return parse_rupiah(text, allow_negative=True)
    except InvalidInput as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def whole_number(word: str) -> int:
    """A count typed on the command line (units of stock, a shift's number): at most
    MAX_DIGITS digits, negative allowed (``type=`` of an argparse option)."""
    try:
        check_digits(word, what=msg("amount.quantity"))
        return int(word.strip())
    except InvalidInput as exc:
        raise argparse.ArgumentTypeError(exc.message) from None
    except ValueError:
        raise argparse.ArgumentTypeError(
            text("cli.not_a_whole_number", LANG, text=word[:40])) from None


class PinReader:
    """PINs come from a hidden prompt, or one per line from standard input (``--pin-stdin``).

    Never from the command line, where other users and shell history would see them.
    """

    def __init__(self, from_stdin: bool, stdin: TextIO | None = None) -> None:
        self.from_stdin = from_stdin
        self.stdin = stdin or sys.stdin

    def read(self, who: str) -> str:
        if self.from_stdin:
            line = self.stdin.readline()
            if not line:
                raise InvalidInput("cli.pin_not_on_stdin", who=who)
            return line.strip()
        if not self.stdin.isatty():
            raise InvalidInput("cli.pin_no_terminal", who=who)
        return getpass.getpass(text("cli.pin_prompt", LANG, who=who))

    def read_new(self, who: str) -> str:
        pin = self.read(who)
        if not self.from_stdin:
            again = getpass.getpass(text("cli.pin_prompt_again", LANG, who=who))
            if again != pin:
                raise InvalidInput("cli.pins_differ")
        return pin
