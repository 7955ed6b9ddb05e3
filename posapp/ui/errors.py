"""Refusals from the services, in the user's language.

The services raise one-line English messages (the CLI's language). The window shows
them through ``user_message``, which recognises the common ones and translates them;
anything else becomes a general sentence with the English detail kept in brackets.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject

from posapp.domain.errors import PosError
from posapp.domain.messages import Message, is_code
from posapp.ui.i18n import current_language


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
            *self._order_patterns(),
            *self._printer_patterns(),
            *self._backup_patterns(),
            *self._sync_patterns(),
            *self._event_key_patterns(),
        ]

    def _order_patterns(self) -> list[tuple[re.Pattern[str], str]]:
        """Orders for later delivery: the buyer, the lines, deposits, balances, steps."""
        order = r"order (?P<order>\S+)"
        return [
            (re.compile(r"a deposit of (?P<paid>Rp [\d.]+) is more than the order total of "
                        r"(?P<total>Rp [\d.]+)"),
             self.tr("A deposit of {paid} is more than the order total of {total}")),
            (re.compile(r"this order is paid in full"),
             self.tr("This order is paid in full: there is nothing left to pay")),
            (re.compile(order + r" was already handed over: it cannot be handed over again"),
             self.tr("Order {order} was already handed over")),
            (re.compile(order + r" was already handed over: it cannot be cancelled"),
             self.tr("Order {order} was already handed over: it can no longer be cancelled")),
            (re.compile(order + r" was already handed over: it cannot be marked ready"),
             self.tr("Order {order} was already handed over: it cannot be marked ready")),
            (re.compile(order + r" was cancelled"),
             self.tr("Order {order} was cancelled")),
            (re.compile(r"no order with number '(?P<order>.*)'"),
             self.tr("No order with number {order}")),
            (re.compile(order + r": (?P<more>Rp [\d.]+) more must be paid before the "
                        r"hand-over"),
             self.tr("Order {order}: {more} more must be paid before the hand-over")),
            (re.compile(order + r": (?P<more>Rp [\d.]+) more must be paid before these pieces "
                        r"are handed over \((?P<due>Rp [\d.]+) still due\)"),
             self.tr("Order {order}: {more} more must be paid before these pieces are handed "
                     "over ({due} still due)")),
            (re.compile(order + r" is partly handed over"),
             self.tr("Order {order} is partly handed over: hand over the rest instead of "
                     "cancelling it")),
            (re.compile(r"the drawer should hold only (?P<drawer>-?Rp [\d.]+): give the deposit "
                        r"of (?P<paid>Rp [\d.]+) back by another method"),
             self.tr("The drawer should hold only {drawer}: give the {paid} back by another "
                     "method")),
            (re.compile(r"line (?P<line>\d+): only (?P<left>\d+) piece\(s\) are left"),
             self.tr("Line {line}: only {left} piece(s) are left to hand over")),
            (re.compile(r"an order needs the buyer's name"),
             self.tr("Type the buyer's name")),
            (re.compile(r"an order needs a phone number or an email"),
             self.tr("Type the buyer's phone (WhatsApp) or email, to reach them")),
            (re.compile(r"'(?P<text>.*)' is not a phone number"),
             self.tr("{text} is not a phone number")),
            (re.compile(r"'(?P<text>.*)' is not an email address"),
             self.tr("{text} is not an email address")),
            (re.compile(r"the buyer's name, country or address is too long"),
             self.tr("The buyer's name, country or address is too long")),
            (re.compile(r"an order needs at least one item"),
             self.tr("Add at least one item to the order")),
            (re.compile(r"an order holds at most (?P<n>\d+) lines"),
             self.tr("An order holds at most {n} lines")),
            (re.compile(r"a made-to-order item needs a description"),
             self.tr("A made-to-order item needs a description (motif, size, colour)")),
            (re.compile(r"(?P<name>.+): an order line needs a price above Rp 0"),
             self.tr("{name}: type a price above Rp 0")),
            (re.compile(r"(?P<name>.+): the quantity must be 1 to 10,000"),
             self.tr("{name}: the quantity must be 1 to 10.000")),
            (re.compile(r"the due date (?P<due>\S+) has already passed"),
             self.tr("The due date {due} has already passed")),
            (re.compile(r"product (?P<sku>\S+) is no longer in the catalog"),
             self.tr("Product {sku} is no longer in the catalog")),
            (re.compile(r"one QRIS payment is at most (?P<max>Rp [\d.]+)"),
             self.tr("One QRIS payment is at most {max}: take the rest by another payment")),
        ]

    def _printer_patterns(self) -> list[tuple[re.Pattern[str], str]]:
        """Printer targets refused by the settings or by the printer itself."""
        return [
            (re.compile(r"unknown printer '(?P<target>.*)': use"),
             self.tr("Unknown printer {target}: use file:PATH, network:HOST[:PORT], "
                     "usb:VENDOR:PRODUCT, serial:DEVICE, cups:NAME or win32:NAME")),
            (re.compile(r"unknown printer profile '(?P<profile>[^']*)'"),
             self.tr("Unknown printer profile {profile} (for example TM-T20II)")),
            (re.compile(r"CUPS printer '(?P<name>.*)': give the queue name"),
             self.tr("CUPS printer {name}: give the queue name without spaces, '/' or '#', "
                     "like cups:TM-T20II (lpstat -p lists them)")),
            (re.compile(r"a Windows printer needs its name"),
             self.tr("A Windows printer needs its name, like win32:EPSON TM-T20II Receipt")),
            (re.compile(r"Windows printers \(win32:NAME\) work only on Windows"),
             self.tr("Windows printers (win32:NAME) work only on Windows: on this computer "
                     "use cups:, file:, network: or usb:")),
            (re.compile(r"CUPS printers \(cups:NAME\) need the pycups package"),
             self.tr("CUPS printers (cups:NAME) need the pycups package, which this computer "
                     "does not have: use file:, network: or usb: instead")),
            (re.compile(r"Windows printers \(win32:NAME\) need the pywin32 package"),
             self.tr("Windows printers (win32:NAME) need the pywin32 package, which this "
                     "posapp does not have")),
            (re.compile(r"USB printing needs the pyusb package"),
             self.tr("USB printers need the pyusb package, which this posapp does not have")),
            (re.compile(r"serial printing needs the pyserial package"),
             self.tr("Serial printers need the pyserial package, which this posapp does not "
                     "have")),
            (re.compile(r"printer (?P<target>.+?) did not answer: (?P<reason>.*)"),
             self.tr("The printer {target} did not answer: {reason}")),
            (re.compile(r"printer (?P<target>.+?) failed while printing: (?P<reason>.*)"),
             self.tr("The printer {target} failed while printing: {reason}")),
            (re.compile(r"no printer set up: choose one in the settings"),
             self.tr("No printer set up: choose one in the settings, then print again")),
        ]

    def _backup_patterns(self) -> list[tuple[re.Pattern[str], str]]:
        """Backups to a second folder (a USB stick): not set, not there, full, read-only."""
        folder = r"the backup folder (?P<folder>.+?)"
        return [
            (re.compile(r"no backup folder set"),
             self.tr("No backup folder is set: choose one in the settings (Backup folder)")),
            (re.compile(folder + r" is not there"),
             self.tr("The backup folder {folder} is not there: plug the USB stick back in, "
                     "or choose another folder")),
            (re.compile(folder + r" is full"),
             self.tr("The backup folder {folder} is full: free some space or choose another "
                     "folder")),
            (re.compile(r"cannot write to " + folder + r": it is read-only"),
             self.tr("The backup folder {folder} is read-only: choose another folder")),
            (re.compile(folder + r" went away while copying"),
             self.tr("The backup folder {folder} went away while copying: plug the USB stick "
                     "back in")),
            (re.compile(folder + r" does not exist"),
             self.tr("The backup folder {folder} does not exist: plug in the USB stick or "
                     "choose another folder")),
            (re.compile(r"the backup folder is a folder's path"),
             self.tr("The backup folder must be the path of a folder")),
            (re.compile(r"^the copy to (?P<folder>.+?) failed: (?P<detail>.*)"),
             self.tr("The backup to {folder} failed ({detail})")),
        ]

    def _sync_patterns(self) -> list[tuple[re.Pattern[str], str]]:
        """The central store and sync: where it is, whether it can be used, conflicts."""
        return [
            (re.compile(r"no central store set"),
             self.tr("No central store is set: choose one in the settings (Central store)")),
            (re.compile(r"this stand joined event (?P<ours>\w+), the central store "
                        r"(?P<target>.+) is for event (?P<theirs>\w+)"),
             self.tr("This stand joined event {ours}, but the central store {target} is for "
                     "event {theirs}")),
            (re.compile(r"the central store has entries up to (?P<seq>\d+) for stand "
                        r"(?P<stand>\S+), this laptop only up to (?P<own>\d+)"),
             self.tr("Conflict: the central store has entries up to {seq} of stand {stand}, "
                     "this laptop only up to {own}: is another laptop set up as stand {stand}, "
                     "or was this one restored from an old backup?")),
            (re.compile(r"stand (?P<stand>\S+), entry (?P<seq>\d+) (?:does not follow|differs "
                        r"from)"),
             self.tr("Conflict: entry {seq} of stand {stand} differs from the central store's: "
                     "is another laptop set up as stand {stand}? Nothing was sent")),
            (re.compile(r"stand (?P<stand>\S+), entry (?P<seq>\d+): (?P<reason>.+)"),
             self.tr("The journal of stand {stand} is damaged at entry {seq} ({reason}): "
                     "nothing was sent")),
            (re.compile(r"(?P<target>.+) stayed busy with another stand's sync"),
             self.tr("{target} is busy with another stand's sync: try again")),
            (re.compile(r"cannot use the central store (?P<target>.+?): (?P<detail>.*)"),
             self.tr("Cannot use the central store {target} ({detail})")),
            (re.compile(r"(?P<target>.+) is another kind of database, not a posapp central"),
             self.tr("{target} is another kind of database, not a central store")),
            (re.compile(r"(?P<target>.+) is not a posapp central store"),
             self.tr("{target} is not a posapp central store")),
            (re.compile(r"(?P<target>.+) was made by a newer posapp"),
             self.tr("{target} was made by a newer posapp: update posapp")),
            (re.compile(r"(?P<target>.+) is a folder: give the central store's file name"),
             self.tr("{target} is a folder: choose the central store's file")),
            (re.compile(r"the folder (?P<target>.+) does not exist"),
             self.tr("The folder {target} does not exist (is the USB stick plugged in?)")),
            (re.compile(r"'(?P<target>.*)' is not a database URL"),
             self.tr("{target} is not a database URL")),
            (re.compile(r"the central store is an SQLite file or a PostgreSQL URL"),
             self.tr("The central store is an SQLite file or a postgresql:// URL")),
            (re.compile(r"the central store may not hold control characters"),
             self.tr("The central store may not hold control characters")),
            (re.compile(r"PostgreSQL needs the psycopg package"),
             self.tr("PostgreSQL needs the psycopg package, which this posapp does not have")),
        ]

    def _event_key_patterns(self) -> list[tuple[re.Pattern[str], str]]:
        """The event key: typos (never echoing the key) and the stand's own key."""
        return [
            (re.compile(r"^no event key given"),
             self.tr("Type the event key")),
            (re.compile(r"^this is not an event key"),
             self.tr("This is not an event key (14 groups of 4 letters and digits)")),
            (re.compile(r"^the event key has a typo: it never holds the letter U"),
             self.tr("The event key has a typo: it never holds the letter U (perhaps a V?)")),
            (re.compile(r"^the event key has a typo: it has (?P<n>\d+) letters and digits "
                        r"instead of (?P<k>\d+)"),
             self.tr("The event key has a typo: it has {n} letters and digits instead of {k}")),
            (re.compile(r"^the event key has a typo: its check letters do not match"),
             self.tr("The event key has a typo: compare it group by group with the paper")),
            (re.compile(r"the event key stored in this stand is damaged"),
             self.tr("The event key stored in this stand is damaged: join the event again in "
                     "the settings")),
            (re.compile(r"this stand has not joined the event yet"),
             self.tr("This stand has not joined the event yet: join it in the settings with "
                     "the organizers' event key")),
        ]

    def fallback(self, detail: str) -> str:
        return self.tr("Refused: {detail}").format(detail=detail)


def translated(text: str) -> str | None:
    """A service's English *text* in the current language; None when it is not a known one."""
    for pattern, template in Refusals().patterns():
        m = pattern.search(text)
        if m:
            return template.format(**m.groupdict())
    return None


def kept(exc: BaseException) -> Message | None:
    """A refusal's id and values, to keep and say later; None for a surprise."""
    return Message(exc.code, dict(exc.values)) if isinstance(exc, PosError) else None


def said(reason: Message | None, english: str) -> str:
    """A refusal kept to say later (its *reason*, or only its *english* text when it was kept
    before message ids) in the current language, one line."""
    if reason is not None and is_code(reason.code):
        return user_message(PosError(reason.code, **reason.values))
    return translated(english) or english


def user_message(exc: PosError) -> str:
    """*exc*'s message in the current language (one line, starting with a capital)."""
    if is_code(exc.code):
        said = exc.text(current_language())
        return said[:1].upper() + said[1:]
    found = translated(exc.message)
    return found if found is not None else Refusals().fallback(exc.message)
