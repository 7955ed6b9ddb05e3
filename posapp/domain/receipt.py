"""A receipt as a pure layout: lines of text, label-and-amount rows, barcode, QR, cut.

``layout_receipt`` decides every printed line for a paper width of 32, 42 or 48 columns
(58 and 80 mm rolls); the renderers (plain text, ESC/POS, PDF) only draw the blocks.
No printer and no ReportLab here.

Every ``Text`` and ``Row`` the layout makes fits on one line of the paper:

* a ``Text`` holds at most *width* characters, or *width* // 2 when ``double`` (double
  width and height on the printer);
* a ``Row`` has ``len(left) + len(right) <= width``, with at least one space between the
  two when both are given; the renderer pads the gap with spaces.

Text from the stand, the catalog or the cashier is cleaned first (NFC, control and format
characters and runs of whitespace become one space), so nothing reaches a printer as a
command byte.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from posapp.domain.errors import InvalidInput
from posapp.domain.layout import (
    Barcode,
    Block,
    Cut,
    Logo,
    QrCode,
    Rule,
    Text,
    clean,
    local_time,
    row,
    texts,
)
from posapp.domain.messages import LANGUAGES, N_, msg, text
from posapp.domain.money import check_amount, format_rupiah
from posapp.domain.tender import method_label

#: Characters per line: 58 mm paper (32), 80 mm paper with font A (42) or font B (48).
PAPER_WIDTHS = (32, 42, 48)

#: The amounts of a receipt and its lines, named in a refusal (check_amount's *what*).
_AMOUNT_NAMES = {
    "unit_price": msg("amount.unit_price"), "line_discount": msg("amount.line_discount"),
    "cart_discount": msg("amount.cart_discount"), "total": msg("amount.total"),
    "subtotal": msg("amount.subtotal"), "discount": msg("amount.discount"),
    "change": msg("amount.change"),
}

ReceiptKind = Literal["sale", "void", "refund", "copy"]
KINDS: tuple[ReceiptKind, ...] = ("sale", "void", "refund", "copy")
#: The word printed large above and below a receipt that is not a plain sale.
MARKERS: dict[ReceiptKind, str] = {
    "void": N_("receipt.marker_void"),
    "refund": N_("receipt.marker_refund"),
    "copy": N_("receipt.marker_copy"),
}

#: Says a message id in the paper's language: ``say("receipt.total")``.
Say = Callable[..., str]


# --- the input: a sale (or void, refund, reprint) as the receipt shows it ---------------


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    """One line as sold: ``total`` is what the buyer paid for it after both discounts."""

    name: str
    quantity: int
    unit_price: int
    line_discount: int  # the discount given on this line alone (shown under the line)
    cart_discount: int  # this line's share of the cart discount (shown in the totals)
    total: int

    @property
    def gross(self) -> int:
        return self.quantity * self.unit_price


@dataclass(frozen=True, slots=True)
class ReceiptPayment:
    """What the buyer handed over by one method; ``amount`` counts towards the total
    (cash net of change). On a refund receipt: the money given back."""

    method: str  # "cash", "qris", "card", "transfer" (other names are shown as they are)
    tendered: int
    amount: int


@dataclass(frozen=True, slots=True)
class ReceiptRefund:
    """A refund already made against this sale (listed on a copy)."""

    number: str
    method: str
    amount: int


@dataclass(frozen=True)
class Receipt:
    """Everything a receipt shows, already decided; amounts in whole rupiah.

    The amounts must add up as the session recorded them (line totals, subtotal, discount,
    total, payments and change); a receipt that does not is refused with InvalidInput
    rather than printed.
    """

    stand_name: str
    province: str
    event: str
    address: str
    receipt_no: str
    moment: datetime  # UTC, naive (as stored)
    zone: str  # the event's time zone, e.g. "Asia/Jakarta"
    cashier: str
    lines: tuple[ReceiptLine, ...]
    subtotal: int  # sum of quantity x unit price, before any discount
    discount: int  # line discounts plus the cart discount
    total: int
    payments: tuple[ReceiptPayment, ...]
    change: int
    kind: ReceiptKind = "sale"
    footer: tuple[str, ...] = ()
    qr: str | None = None
    logo: bool = False
    original: str = ""  # on a refund receipt: the sale's receipt number
    refunds: tuple[ReceiptRefund, ...] = ()

    def __post_init__(self) -> None:
        for name in ("lines", "payments", "footer", "refunds"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        _check(self)

    @property
    def line_discounts(self) -> int:
        return sum(line.line_discount for line in self.lines)

    @property
    def cart_discount(self) -> int:
        return sum(line.cart_discount for line in self.lines)


def default_footer(lang: str = "id") -> tuple[str, ...]:
    """The thank-you line and the line about the makers, in *lang*."""
    say = sayer(lang)
    return (say("receipt.thanks"), say("receipt.makers"))


def sayer(lang: str) -> Say:
    """``say(id, **values)``: a message said in *lang*, the paper's language; a language
    posapp does not print in is refused."""
    if lang not in LANGUAGES:
        raise InvalidInput("receipt.unknown_language", lang=lang, languages=list(LANGUAGES))

    def say(code: str, /, **values: object) -> str:
        return text(code, lang, **values)

    return say


def check_zone(zone: str) -> None:
    """Refuse a time zone the paper cannot show its times in."""
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput("receipt.unknown_zone", zone=zone) from None


def check_quantity(name: str, quantity: int) -> None:
    """Refuse a line's quantity below one (or not a whole number)."""
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
        raise InvalidInput("receipt.quantity_below_one", name=name, quantity=quantity)


def _check(r: Receipt) -> None:
    if r.kind not in KINDS:
        raise InvalidInput("receipt.no_such_kind", kind=r.kind, kinds=list(KINDS))
    no = r.receipt_no
    if not no or not all(" " < c <= "~" for c in no):
        raise InvalidInput("receipt.number_not_barcode", number=no)
    if r.original and not all(" " < c <= "~" for c in r.original):
        raise InvalidInput("receipt.original_not_printable", number=r.original)
    if r.moment.tzinfo is not None:
        raise InvalidInput("receipt.time_not_naive_utc")
    check_zone(r.zone)
    if not r.lines:
        raise InvalidInput("receipt.no_lines", number=no)
    for line in r.lines:
        check_quantity(line.name, line.quantity)
        for what in ("unit_price", "line_discount", "cart_discount", "total"):
            check_amount(getattr(line, what),
                         what=msg("amount.of_line", name=line.name, amount=_AMOUNT_NAMES[what]))
        if line.gross - line.line_discount - line.cart_discount != line.total:
            raise InvalidInput("receipt.line_total_mismatch", name=line.name)
    for what in ("subtotal", "discount", "total", "change"):
        check_amount(getattr(r, what), what=_AMOUNT_NAMES[what])
    for p in r.payments:
        check_amount(p.tendered, what=msg("amount.method_payment", method=p.method))
        check_amount(p.amount, what=msg("amount.method_payment", method=p.method))
    for refund in r.refunds:
        check_amount(refund.amount, what=msg("amount.refund", number=refund.number))
    if r.subtotal != sum(line.gross for line in r.lines):
        raise InvalidInput("receipt.subtotal_mismatch", number=no)
    if r.discount != r.line_discounts + r.cart_discount:
        raise InvalidInput("receipt.discount_mismatch", number=no)
    if r.total != r.subtotal - r.discount:
        raise InvalidInput("receipt.total_mismatch", number=no)
    if sum(p.amount for p in r.payments) != r.total:
        raise InvalidInput("receipt.payments_mismatch", number=no)
    if sum(p.tendered for p in r.payments) - r.total != r.change:
        raise InvalidInput("receipt.change_mismatch", number=no)


def layout_receipt(receipt: Receipt, width: int, *, lang: str = "id") -> tuple[Block, ...]:
    """The receipt as blocks for paper *width* columns (32, 42 or 48), labels in *lang*."""
    if width not in PAPER_WIDTHS:
        raise InvalidInput("receipt.bad_width", widths=list(PAPER_WIDTHS), width=width)
    say = sayer(lang)
    rp = format_rupiah
    r = receipt
    out: list[Block] = []

    if r.logo:
        out.append(Logo())
    out += texts(r.stand_name, width, bold=True, align="center", double=True)
    for part in (r.province, r.address, r.event):
        out += texts(part, width, align="center")
    marker = f"*** {say(MARKERS[r.kind])} ***" if r.kind in MARKERS else ""
    if marker:
        out += texts(marker, width, bold=True, align="center", double=True)
    out.append(Rule())
    out += row(say("receipt.number"), r.receipt_no, width)
    if r.original:
        out += row(say("receipt.original"), r.original, width)
    out += row(say("receipt.date"), local_time(r.moment, r.zone), width)
    out += row(say("receipt.cashier"), clean(r.cashier), width)
    out.append(Rule())

    for line in r.lines:
        out += texts(line.name, width)
        out += row(f"  {line.quantity} x {rp(line.unit_price)}", rp(line.gross), width)
        if line.line_discount:
            out += row(f"  {say('receipt.discount')}", rp(-line.line_discount), width)
    out.append(Rule())

    if r.cart_discount:
        out += row(say("receipt.subtotal"), rp(r.subtotal - r.line_discounts), width)
        out += row(say("receipt.discount"), rp(-r.cart_discount), width)
    out += row(say("receipt.total"), rp(r.total), width, bold=True)
    for p in r.payments:
        out += row(method_name(p.method, lang), rp(p.tendered), width)
    if r.change > 0:
        out += row(say("receipt.change"), rp(r.change), width)
    for refund in r.refunds:
        label = (f"{say('receipt.refunded')} {clean(refund.number)} "
                 f"({method_name(refund.method, lang)})")
        out += row(label, rp(-refund.amount), width)
    out.append(Rule())

    if marker:
        out += texts(marker, width, bold=True, align="center", double=True)
    out.append(Barcode(r.receipt_no))
    if r.qr:
        out.append(QrCode(r.qr))
    for footer_line in r.footer:
        out += texts(footer_line, width, align="center") or [Text("")]
    out.append(Cut())
    return tuple(out)


def method_name(method: str, lang: str) -> str:
    """A payment method's name on paper (``posapp.domain.tender``); another as it is, cleaned."""
    return clean(method_label(method, lang))
