"""An order slip as a pure layout, in the receipt's blocks, for 32, 42 or 48 columns.

The slip is what the buyer takes home when an order is placed, and what the stand prints
again at every step: the order number as text and as a Code128 barcode (scanned at the
hand-over), what was ordered, every payment, what is still due (large), the status, and,
when the stand has QRIS and something is due, a QR code asking for the balance. The
renderers (plain text, ESC/POS, PDF) draw it as they draw a receipt; the line rules are
the receipt's (``posapp.domain.receipt``): every ``Text`` and ``Row`` fits one line.

With a reference *rate* (``posapp.domain.fx``) the total and the balance are also shown in
the buyer's currency, marked as an estimate; payments are always rupiah.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date, datetime

from posapp.domain.errors import InvalidInput
from posapp.domain.fx import Rate, convert, format_foreign, format_rate
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
    wrap,
)
from posapp.domain.messages import msg
from posapp.domain.money import check_amount, format_rupiah
from posapp.domain.order import Buyer, OrderStatus, PaymentKind
from posapp.domain.qris import dynamic_payload, parse_qris
from posapp.domain.receipt import (
    PAPER_WIDTHS,
    Say,
    check_quantity,
    check_zone,
    default_footer,
    method_name,
    sayer,
)
from posapp.domain.tender import QRIS_MAX_PER_PAYMENT


@dataclass(frozen=True, slots=True)
class SlipLine:
    """One line as ordered; *delivered* pieces of it are handed over already."""

    name: str  # a catalog name or a made-to-order description (motif, size, colour)
    quantity: int
    unit_price: int
    delivered: int = 0

    @property
    def total(self) -> int:
        return self.quantity * self.unit_price


@dataclass(frozen=True, slots=True)
class SlipPayment:
    """Money taken for the order (a deposit, a later payment) or given back (a refund)."""

    kind: PaymentKind
    method: str  # "cash", "qris", "card", "transfer"
    amount: int  # what counts towards the order (cash net of change); a refund's too


@dataclass(frozen=True)
class OrderSlip:
    """Everything an order slip shows, already decided; amounts in whole rupiah."""

    stand_name: str
    province: str
    event: str
    contact: str  # the stand's phone or WhatsApp line; "" for none
    order_no: str
    moment: datetime  # taken, naive UTC (as stored)
    zone: str  # the event's time zone
    due: date | None
    status: OrderStatus
    buyer: Buyer
    lines: tuple[SlipLine, ...]
    payments: tuple[SlipPayment, ...] = ()
    tracking: str = ""
    note: str = ""
    qris: str = ""  # the stand's static QRIS payload; "" when it has none
    rate: Rate | None = None  # show the total and balance in this currency too
    footer: tuple[str, ...] = ()
    logo: bool = False

    def __post_init__(self) -> None:
        for name in ("lines", "payments", "footer"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        _check(self)

    @property
    def total(self) -> int:
        return sum(line.total for line in self.lines)

    def _sum(self, kind: PaymentKind) -> int:
        return sum(p.amount for p in self.payments if p.kind is kind)

    @property
    def paid(self) -> int:
        """Deposits and later payments, less what was given back."""
        return (self._sum(PaymentKind.DEPOSIT) + self._sum(PaymentKind.BALANCE)
                - self._sum(PaymentKind.REFUND))

    @property
    def balance(self) -> int:
        """Still to pay; nothing on a cancelled order (what was not refunded was kept)."""
        return 0 if self.status is OrderStatus.CANCELLED else self.total - self.paid


def default_slip_footer(lang: str = "id", *, to_collect: bool = True) -> tuple[str, ...]:
    """"Show this slip when you collect your order" while the order is still *to_collect*,
    then the receipt's thank-you and makers lines, in *lang*."""
    say = sayer(lang)
    return ((say("slip.show_slip"),) if to_collect else ()) + default_footer(lang)


def _check(s: OrderSlip) -> None:
    no = s.order_no
    if not no or not all(" " < c <= "~" for c in no):
        raise InvalidInput("slip.number_not_barcode", number=no)
    if s.moment.tzinfo is not None:
        raise InvalidInput("slip.time_not_naive_utc")
    check_zone(s.zone)
    if not isinstance(s.status, OrderStatus):
        raise InvalidInput("slip.unknown_status", status=s.status)
    if not s.lines:
        raise InvalidInput("slip.no_lines", number=no)
    for line in s.lines:
        check_quantity(line.name, line.quantity)
        if not 0 <= line.delivered <= line.quantity:
            raise InvalidInput("slip.delivered_out_of_range", name=line.name,
                               delivered=line.delivered, quantity=line.quantity)
        check_amount(line.unit_price, what=msg("amount.of_line", name=line.name,
                                               amount=msg("amount.unit_price")))
    check_amount(s.total, what=msg("amount.order_total_of", order=no))
    for p in s.payments:
        if not isinstance(p.kind, PaymentKind):
            raise InvalidInput("slip.unknown_payment_kind", kind=p.kind)
        check_amount(p.amount, what=msg(p.kind.info.amount_label, method=p.method))
    if s.paid < 0:
        raise InvalidInput("slip.refunded_more_than_paid", number=no)
    if s.paid > s.total:
        raise InvalidInput("slip.paid_more_than_total", number=no)
    if s.qris:
        parse_qris(s.qris)  # a malformed sticker is refused with its reason


def layout_order_slip(slip: OrderSlip, width: int, *, lang: str = "id") -> tuple[Block, ...]:
    """The order slip as blocks for paper *width* columns (32, 42 or 48), labels in *lang*."""
    if width not in PAPER_WIDTHS:
        raise InvalidInput("slip.bad_width", widths=list(PAPER_WIDTHS), width=width)
    say = sayer(lang)
    rp = format_rupiah
    s = slip
    out: list[Block] = []

    if s.logo:
        out.append(Logo())
    out += texts(s.stand_name, width, bold=True, align="center", double=True)
    for part in (s.province, s.event, s.contact):
        out += texts(part, width, align="center")
    out.append(Rule())
    out += texts(say("slip.title"), width, bold=True, align="center", double=True)
    out.append(Barcode(s.order_no))
    out += row(say("slip.order_no"), s.order_no, width, bold=True)
    out += row(say("slip.taken"), local_time(s.moment, s.zone), width)
    if s.due is not None:
        out += row(say("slip.due"), s.due.strftime("%d-%m-%Y"), width)
    out.append(Rule())

    out += _buyer(s.buyer, width, say)
    if s.tracking:
        out += row(say("slip.tracking"), clean(s.tracking), width)
    if s.note:
        out += texts(f"{say('slip.note')}: {s.note}", width)
    out.append(Rule())

    for no, line in enumerate(s.lines, start=1):
        out += _numbered(no, line.name, width)
        out += row(f"  {line.quantity} x {rp(line.unit_price)}", rp(line.total), width)
        if line.delivered and s.status is not OrderStatus.HANDED_OVER:  # a part so far
            done = say("slip.delivered", done=line.delivered, of=line.quantity)
            out += [Text(part) for part in wrap(f"  {done}", width)]
    out.append(Rule())

    approx = f"  {say('slip.approx')}"
    out += row(say("slip.total"), rp(s.total), width, bold=True)
    if s.rate is not None:
        out += row(approx, _foreign(s.total, s.rate), width)
    for p in s.payments:
        kind = p.kind.info
        out += row(f"{say(kind.slip_label)} {method_name(p.method, lang)}",
                   rp(kind.sign * p.amount), width)
    if s.status is OrderStatus.CANCELLED and s.paid:
        out += row(say("slip.kept"), rp(s.paid), width)
    elif s.payments:
        out += row(say("slip.paid"), rp(s.paid), width)
    out.append(Rule())

    status = say(s.status.info.slip_label)
    out += texts(status, width, bold=True, align="center", double=True) \
        if s.status is OrderStatus.CANCELLED else _money_left(s, width, say)
    if s.rate is not None and s.balance:
        out += row(approx, _foreign(s.balance, s.rate), width)
    if s.rate is not None:
        out += row(say("slip.rate"), format_rate(s.rate), width)
        out += texts(say("slip.in_rupiah"), width)
    out += row(say("slip.status"), status, width, bold=True)
    out.append(Rule())

    if s.qris and s.balance > 0:
        asked = min(s.balance, QRIS_MAX_PER_PAYMENT)
        out.append(QrCode(dynamic_payload(s.qris, asked)))
        out += texts(say("slip.qris"), width, align="center")
        out += texts(rp(asked), width, bold=True, align="center")
        if asked < s.balance:
            out += texts(say("slip.qris_split", amount=asked, rest=s.balance - asked), width)
    for footer_line in s.footer:
        out += texts(footer_line, width, align="center") or [Text("")]
    out.append(Cut())
    return tuple(out)


def _buyer(b: Buyer, width: int, say: Say) -> list[Block]:
    out: list[Block] = []
    out += row(say("slip.buyer"), clean(b.name), width)
    for label, value in ((say("slip.phone"), b.phone), (say("slip.email"), b.email),
                         (say("slip.country"), b.country)):
        if value.strip():
            out += row(label, clean(value), width)
    if b.address.strip():
        out += texts(say("slip.ship_to"), width)
        out += [Text(part) for part in wrap("  " + clean(b.address), width)]
    else:
        out += texts(say("slip.pick_up"), width)
    return out


def _money_left(s: OrderSlip, width: int, say: Say) -> list[Block]:
    """The balance due, large; or LUNAS when nothing is left to pay."""
    if s.balance == 0:
        return texts(say("slip.paid_up"), width, bold=True, align="center", double=True)
    return [*texts(say("slip.due_now"), width, bold=True, align="center", double=True),
            *texts(format_rupiah(s.balance), width, bold=True, align="center", double=True)]


def _numbered(no: int, name: str, width: int) -> list[Block]:
    """``1. name``, wrapped between words, later lines under the name's first letter."""
    head = f"{no}. "
    parts = textwrap.wrap(clean(name), width, initial_indent=head,
                          subsequent_indent=" " * len(head)) or [head.rstrip()]
    return [Text(part) for part in parts]


def _foreign(rupiah: int, rate: Rate) -> str:
    return format_foreign(convert(rupiah, rate), rate.code)
