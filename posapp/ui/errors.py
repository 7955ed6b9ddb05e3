"""Refusals from the services, in the user's language.

The services raise one-line English messages (the CLI's language). The window shows
them through ``user_message``, which recognises the common ones and translates them;
anything else becomes a general sentence with the English detail kept in brackets.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject

from posapp.domain.errors import PosError


class Refusals(QObject):
    """The translatable sentences (a QObject so that pyside6-lupdate finds ``self.tr``)."""

    def patterns(self) -> list[tuple[re.Pattern[str], str]]:
        """(pattern on the English message, its translation using the pattern's groups).

        Built at call time so that the current language applies.
        """
        return [
            (re.compile(r"unknown code '(?P<code>.*)': no product"),
             self.tr("Unknown code {code}: no product has this barcode or SKU")),
            (re.compile(r"payment short: (?P<paid>Rp [\d.]+) paid, (?P<due>Rp [\d.]+) due "
                    r"\((?P<missing>-?Rp [\d.]+) missing\)"),
             self.tr("Payment short: {paid} paid, {due} due ({missing} missing)")),
            (re.compile(r"give no change: .* of a (?P<total>Rp [\d.]+) total"),
             self.tr("Card, QRIS and transfer give no change: take at most {total} that way")),
            (re.compile(r"wrong name or PIN for '(?P<name>.*)'"),
             self.tr("Wrong name or PIN for {name}")),
            (re.compile(r"(?P<name>.*) is a cashier: a supervisor must approve this"),
             self.tr("{name} is a cashier: a supervisor must approve this")),
            (re.compile(r"no shift is open"),
             self.tr("No shift is open: open one first")),
            (re.compile(r"a shift is already open"),
             self.tr("A shift is already open: close it first")),
            (re.compile(r"the cart is empty"),
             self.tr("The cart is empty")),
            (re.compile(r"quantity must be at least 1"),
             self.tr("The quantity must be at least 1")),
            (re.compile(r"quantity above (?P<max>\d+)"),
             self.tr("The quantity may not be above {max}")),
            (re.compile(r"not an amount in whole rupiah: '(?P<text>.*)'"),
             self.tr("Not an amount in whole rupiah: {text}")),
            (re.compile(r"above Rp 10\.000\.000\.000"),
             self.tr("Amounts above Rp 10.000.000.000 are refused")),
            (re.compile(r"is busy \(another posapp"),
             self.tr("The stand database is busy (another program is using it): try again")),
            (re.compile(r"cannot take out (?P<amount>Rp [\d.]+): the drawer should hold "
                    r"(?P<drawer>-?Rp [\d.]+)"),
             self.tr("Cannot take out {amount}: the drawer should hold {drawer}")),
            (re.compile(r"sale (?P<receipt>\S+) is already void"),
             self.tr("Sale {receipt} is already void")),
            (re.compile(r"sale (?P<receipt>\S+) is from an earlier shift"),
             self.tr("Sale {receipt} is from an earlier shift: refund it instead")),
            (re.compile(r"sale (?P<receipt>\S+) has refunds"),
             self.tr("Sale {receipt} has refunds: it cannot be voided")),
            (re.compile(r"sale (?P<receipt>\S+) was voided"),
             self.tr("Sale {receipt} was voided: there is nothing to refund")),
            (re.compile(r"(?P<sku>\S+): (?P<qty>\d+) to refund but only (?P<left>\d+) of "
                    r"(?P<sold>\d+) sold"),
             self.tr("{sku}: only {left} of {sold} can still be refunded")),
            (re.compile(r"'(?P<code>.*)' is not on receipt (?P<receipt>\S+)"),
             self.tr("{code} is not on receipt {receipt}")),
            (re.compile(r"no sale with receipt number '(?P<receipt>.*)'"),
             self.tr("No sale with receipt number {receipt}")),
            (re.compile(r"give a reason|needs a reason"),
             self.tr("Give a reason")),
            (re.compile(r"a PIN is 4 to 12 digits"),
             self.tr("A PIN is 4 to 12 digits")),
            (re.compile(r"there is already a user named (?P<name>.*)"),
             self.tr("There is already a user named {name}")),
            (re.compile(r"(?P<sku>\S+) has an open price"),
             self.tr("{sku} has an open price: type the price of this piece")),
            (re.compile(r"a custom item needs a description"),
             self.tr("A custom item needs a description")),
            (re.compile(r"a custom item needs a price"),
             self.tr("A custom item needs a price above Rp 0")),
            (re.compile(r"discount of (?P<off>\d+) is larger than the amount (?P<base>\d+)"),
             self.tr("The discount is larger than the amount")),
            (re.compile(r"a discount percentage must be between 0 and 100"),
             self.tr("A discount percentage must be between 0 and 100")),
            (re.compile(r"log in first"),
             self.tr("Log in first")),
        ]

    def fallback(self, detail: str) -> str:
        return self.tr("Refused: {detail}").format(detail=detail)


def user_message(exc: PosError) -> str:
    """*exc*'s message in the current language (one line)."""
    text = exc.message
    refusals = Refusals()
    for pattern, template in refusals.patterns():
        m = pattern.search(text)
        if m:
            return template.format(**m.groupdict())
    return refusals.fallback(text)
