"""The X and Z report as fixed-width text, for the console and the thermal printer."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TypeVar
from zoneinfo import ZoneInfo

from posapp.domain.errors import InvalidInput
from posapp.domain.messages import LANGUAGES, N_, text
from posapp.domain.money import format_rupiah
from posapp.domain.order import PAYMENT_KINDS
from posapp.domain.report import ShiftReport
from posapp.domain.shift import ShiftEvent
from posapp.domain.tender import PAYMENT_METHODS, PaymentMethod, method_label

T = TypeVar("T")

#: The report's title, by its kind.
TITLES = {"X": N_("shift_report.title_x"), "Z": N_("shift_report.title_z")}


def _row(label: str, value: str, width: int) -> str:
    """Label left, value right; a value that does not fit goes right-aligned below."""
    if len(label) + 1 + len(value) <= width:
        return f"{label}{' ' * (width - len(label) - len(value))}{value}"
    return f"{label[:width]}\n{value[-width:].rjust(width)}"


def _local(moment: datetime, zone: ZoneInfo) -> str:
    return moment.replace(tzinfo=ZoneInfo("UTC")).astimezone(zone).strftime("%d-%m-%Y %H:%M")


def render_shift_report(
    report: ShiftReport,
    *,
    header: list[str],
    zone: ZoneInfo,
    printed_at: datetime,
    width: int = 42,
    lang: str = "id",
) -> str:
    """The report as lines of at most *width* characters (times shown in *zone*)."""
    say = _sayer(lang)
    rp = format_rupiah
    cash = PaymentMethod.CASH  # the drawer's
    rule = "-" * width
    out = [part.center(width).rstrip() for h in header for part in textwrap.wrap(h, width)]
    out += [say(TITLES[report.kind]).center(width).rstrip(), rule]
    out.append(_row(say("shift_report.shift"), f"#{report.shift_number}", width))
    out.append(_row(ShiftEvent.OPENED.label.text(lang), say(
        "shift_report.at_by", time=_local(report.opened_at, zone), name=report.opened_by),
        width))
    if report.closed_at is not None:
        out.append(_row(ShiftEvent.CLOSED.label.text(lang), say(
            "shift_report.at_by", time=_local(report.closed_at, zone), name=report.closed_by),
            width))
    out += [
        rule,
        _row(f"{say('shift_report.sales')} ({report.sales_count})", rp(report.gross), width),
        _row(say("shift_report.discounts"), rp(-report.discounts), width),
        _row(say("shift_report.sales_total"), rp(report.sales_total), width),
        _row(f"{say('shift_report.refunds')} ({report.refunds_count})",
             rp(-report.refunds_total), width),
        _row(say("shift_report.net"), rp(report.net), width),
        _row(f"{say('shift_report.voids')} ({report.voids_count})", rp(report.voids_total),
             width),
        rule,
        say("shift_report.methods"),
    ]
    for method, totals in in_method_order(report.methods):
        out.append(_row(f"  {method_label(method, lang)}", rp(totals.net), width))
    if report.orders.any:
        out += _orders(report, say, lang, width)
    out += [
        rule,
        say("shift_report.drawer"),
        _row(f"  {say('shift_report.float')}", rp(report.opening_float), width),
        _row(f"  {ShiftEvent.CASH_IN.label.text(lang)}", rp(report.cash_in), width),
        _row(f"  {ShiftEvent.CASH_OUT.label.text(lang)}", rp(-report.cash_out), width),
        _row(f"  {method_label(cash, lang)}", rp(report.methods[cash.value].net), width),
    ]
    if report.orders.any:
        out.append(_row(f"  {say('shift_report.order_cash')}",
                        rp(report.orders.net_of(cash.value)), width))
    out.append(_row(f"  {say('shift_report.expected')}", rp(report.expected_cash), width))
    if report.counted_cash is not None and report.over_short is not None:
        out.append(_row(f"  {say('shift_report.counted')}", rp(report.counted_cash), width))
        out.append(_row(f"  {say('shift_report.over_short')}", rp(report.over_short), width))
    if report.oversold:
        out += [rule, say("shift_report.oversold")]
        for item in report.oversold:
            out.append(_row(f"  {item.sku}", f"{item.quantity}x", width))
        if more := report.oversold_products - len(report.oversold):
            listed = sum(item.quantity for item in report.oversold)
            out += textwrap.wrap(say("shift_report.oversold_more", products=more,
                                     units=report.oversold_units - listed),
                                 width, initial_indent="  ", subsequent_indent="  ")
    out += [rule, _row(say("shift_report.printed"), _local(printed_at, zone), width)]
    return "\n".join(out) + "\n"


def in_method_order(by_method: Mapping[str, T]) -> list[tuple[str, T]]:
    """*by_method*'s items in the payment methods' order; other methods after, by name."""
    known = [info.method.value for info in PAYMENT_METHODS]
    return ([(m, by_method[m]) for m in known if m in by_method]
            + sorted(((m, v) for m, v in by_method.items() if m not in known),
                     key=lambda item: item[0]))


def _orders(report: ShiftReport, say: Callable[..., str], lang: str, width: int) -> list[str]:
    """Deposits, balances and refunded deposits, each with its payment methods."""
    o, rp = report.orders, format_rupiah
    out = ["-" * width, say("shift_report.orders"),
           _row(f"  {say('shift_report.orders_placed')}", str(o.placed), width)]
    for kind in PAYMENT_KINDS:
        by_method = o.of_kind(kind.kind)
        out.append(_row(f"  {say(kind.report_label)}",
                        rp(kind.sign * sum(by_method.values())), width))
        for method, amount in in_method_order(by_method):
            out.append(_row(f"    {method_label(method, lang)}", rp(kind.sign * amount), width))
    out.append(_row(f"  {say('shift_report.orders_net')}", rp(o.net), width))
    return out


def _sayer(lang: str) -> Callable[..., str]:
    if lang not in LANGUAGES:
        raise InvalidInput("shift_report.unknown_language", lang=lang,
                           languages=list(LANGUAGES))

    def say(code: str, /, **values: object) -> str:
        return text(code, lang, **values)

    return say
