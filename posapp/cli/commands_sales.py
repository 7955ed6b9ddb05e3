"""Selling commands: shift, sell, void, refund, sales, report, journal.

Longer than a screen: the commands of a shift's selling day share their log-in, supervisor
and report-printing helpers here; each command is a few lines of its own.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from posapp.cli import commands_backup, commands_event_report
from posapp.cli.approvals import acting, add_acting_cashier, add_supervisor, approval
from posapp.cli.args import (
    amount,
    parse_item,
    signed_amount,
    split_items_and_payments,
    whole_number,
)
from posapp.cli.commands_print import print_receipt_now, print_sale_receipt_now
from posapp.cli.context import Context, print_json
from posapp.cli.load_printing import load_printing_meanwhile
from posapp.cli.output import LANG, count, say, warn
from posapp.domain.errors import InvalidInput, NotAllowed
from posapp.domain.messages import msg, text
from posapp.domain.tender import PaymentMethod
from posapp.domain.text import shown

if TYPE_CHECKING:
    from posapp.domain.report import ShiftReport
    from posapp.services import users


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    sh = sub.add_parser("shift", parents=[common], help="open, move cash, close")
    sh_sub = sh.add_subparsers(dest="action", required=True)
    p = sh_sub.add_parser("open", parents=[common], help="open a shift with the opening cash")
    p.add_argument("--cashier", required=True)
    p.add_argument("--float", dest="float_", type=amount, required=True, metavar="AMOUNT")
    p.set_defaults(handler=cmd_shift_open)
    p = sh_sub.add_parser("cash", parents=[common], help="cash in (or out, negative)")
    p.add_argument("--cashier", required=True)
    p.add_argument("amount", type=signed_amount)
    p.add_argument("--reason", required=True)
    add_supervisor(p)
    p.set_defaults(handler=cmd_shift_cash)
    p = sh_sub.add_parser("close", parents=[common], help="close with the counted cash")
    p.add_argument("--cashier", required=True)
    p.add_argument("--counted", type=amount, required=True, metavar="AMOUNT")
    p.add_argument("--supervisor", metavar="NAME",
                   help="approves a count off by more than the stand's limit (asked for "
                        "when needed; with --pin-stdin their PIN follows the cashier's)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_shift_close)
    p = sh_sub.add_parser("settings", parents=[common],
                          help="how a shift is closed: blind count, the difference a "
                               "supervisor approves; left out: show them")
    p.add_argument("--blind-count", choices=["on", "off"],
                   help="on: the expected cash is shown only after the count is confirmed")
    p.add_argument("--difference-limit", type=amount, metavar="AMOUNT",
                   help="a count off by more (short or over) needs a supervisor's PIN")
    p.add_argument("--cash-out-limit", type=amount, metavar="AMOUNT",
                   help="cash taken out above this needs a supervisor's PIN")
    p.add_argument("--open-price-floor", type=amount, metavar="AMOUNT",
                   help="an open-price piece sold below this needs a supervisor's PIN")
    add_supervisor(p)
    p.set_defaults(handler=cmd_shift_settings)

    p = sub.add_parser("sell", parents=[common], help="sell: ITEM... PAYMENT...")
    p.add_argument("--cashier", required=True)
    p.add_argument("words", nargs="+", metavar="ITEM|PAYMENT",
                   help="CODE or CODE*QTY (CODE@PRICE for open-price pieces); METHOD=AMOUNT")
    p.add_argument("--discount", help="cart discount: an amount (5000) or a percent (10%%)")
    add_supervisor(p)
    p.add_argument("--json", action="store_true")
    p.add_argument("--no-print", action="store_true",
                   help="do not queue and print the receipt (posapp print receipt: a copy)")
    p.set_defaults(handler=cmd_sell)

    p = sub.add_parser("void", parents=[common], help="void a whole sale of this shift")
    p.add_argument("receipt")
    add_acting_cashier(p)
    p.add_argument("--supervisor", required=True)
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_void)

    p = sub.add_parser("refund", parents=[common], help="refund items of an earlier sale")
    p.add_argument("receipt")
    p.add_argument("items", nargs="+", metavar="ITEM", help="CODE or CODE*QTY")
    add_acting_cashier(p)
    p.add_argument("--supervisor", required=True)
    p.add_argument("--reason", required=True)
    p.add_argument("--method", required=True, choices=[m.value for m in PaymentMethod])
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_refund)

    p = sub.add_parser("sales", parents=[common], help="list sales (this shift by default)")
    p.add_argument("--shift", type=whole_number, dest="shift_number")
    p.add_argument("--all", action="store_true", dest="everything")
    p.add_argument("--last", action="store_true",
                   help="only the stand's last committed sale, of any shift (after a crash: "
                        "did it go through?)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_sales)

    p = sub.add_parser("report", parents=[common],
                       help="X (open shift) or Z (closed) report; --central: the event report")
    p.add_argument("kind", nargs="?", choices=["x", "z"])
    p.add_argument("--shift", type=whole_number, dest="shift_number", help="Z report of this shift")
    p.add_argument("--width", type=whole_number, default=42, choices=[32, 42, 48])
    p.add_argument("--json", action="store_true")
    p.add_argument("--recount", action="store_true",
                   help="count the shift again from its rows and compare with its running "
                        "totals (exit status 1 when a figure differs)")
    add_supervisor(p)  # the X report of a stand that counts the drawer blind
    commands_event_report.add_report_options(p)
    p.set_defaults(handler=cmd_report)

    jr = sub.add_parser("journal", parents=[common], help="check the journal's hash chain")
    jr_sub = jr.add_subparsers(dest="action", required=True)
    p = jr_sub.add_parser("verify", parents=[common])
    p.set_defaults(handler=cmd_journal_verify)


def _login(ctx: Context, name: str) -> users.Actor:
    from posapp.services import users
    return users.login(ctx.stand().uow(write=False), name, ctx.pins.read(name))


def _print_report(ctx: Context, report: ShiftReport, *, as_json: bool, width: int = 42,
                  audit: dict[str, object] | None = None) -> None:
    from posapp.printing.text_report import render_shift_report
    from posapp.services import stand
    handle = ctx.stand()
    info = stand.get(handle.uow(write=False))
    if as_json:
        print_json({"stand": info.code, "kind": report.kind, "shift": report.shift_number,
                    "opened_at": report.opened_at.isoformat() + "Z",
                    "closed_at": report.closed_at.isoformat() + "Z" if report.closed_at else None,
                    **report.totals_payload(), **({"recount": audit} if audit else {})})
        return
    sys.stdout.write(render_shift_report(
        report, header=[info.event_name, f"{info.name} ({info.province})"], zone=info.zone,
        printed_at=handle.clock(), width=width, lang=ctx.lang))


def cmd_shift_open(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import shifts
    actor = _login(ctx, args.cashier)
    report = shifts.open_shift(ctx.stand().uow(), actor, args.float_)
    say("cli.shift.opened", number=report.shift_number, cash=args.float_)
    return 0


def cmd_shift_cash(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import shifts
    actor = _login(ctx, args.cashier)
    report = shifts.move_cash(ctx.stand().uow(), actor, args.amount, args.reason,
                              approval=approval(ctx, args))
    blind = not shifts.shows_drawer(ctx.stand().uow(write=False), actor)
    if blind and args.amount > 0:
        say("cli.shift.cash_in_blind", amount=args.amount)
    elif blind:
        say("cli.shift.cash_out_blind", amount=-args.amount)
    elif args.amount > 0:
        say("cli.shift.cash_in", amount=args.amount, drawer=report.expected_cash)
    else:
        say("cli.shift.cash_out", amount=-args.amount, drawer=report.expected_cash)
    return 0


def cmd_shift_close(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import shifts
    actor = _login(ctx, args.cashier)
    name: str | None = args.supervisor
    pin = ctx.pins.read(name) if name is not None else ""
    try:
        report = shifts.close_shift(ctx.stand().uow(), actor, args.counted,
                                    supervisor_name=name, supervisor_pin=pin)
    except NotAllowed as refusal:
        if refusal.code != "shift.close_needs_supervisor" or name is not None:
            raise
        name = _ask_supervisor_name(ctx, refusal)
        report = shifts.close_shift(ctx.stand().uow(), actor, args.counted,
                                    supervisor_name=name, supervisor_pin=ctx.pins.read(name))
    _print_report(ctx, report, as_json=args.json)
    commands_backup.after_sale(ctx, shift_closed=True)
    return 0


def cmd_shift_settings(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import settings
    handle = ctx.stand()
    current = settings.get(handle.uow(write=False))
    if args.blind_count is not None or args.difference_limit is not None \
            or args.cash_out_limit is not None or args.open_price_floor is not None:
        current = settings.save(handle.uow(), replace(
            current,
            blind_count=current.blind_count if args.blind_count is None
            else args.blind_count == "on",
            cash_difference_limit=current.cash_difference_limit
            if args.difference_limit is None else args.difference_limit,
            cash_out_limit=current.cash_out_limit
            if args.cash_out_limit is None else args.cash_out_limit,
            open_price_floor=current.open_price_floor
            if args.open_price_floor is None else args.open_price_floor),
            approval=approval(ctx, args))
    if current.blind_count:
        say("cli.shift.settings_blind_on", limit=current.cash_difference_limit)
    else:
        say("cli.shift.settings_blind_off", limit=current.cash_difference_limit)
    return 0


def _ask_supervisor_name(ctx: Context, refusal: NotAllowed) -> str:
    """The approving supervisor's name, asked on the terminal; a script names them with
    ``--supervisor`` (the refusal stands when it did not)."""
    if ctx.pins.from_stdin or not ctx.pins.stdin.isatty():
        raise NotAllowed("cli.shift.close_name_supervisor", **refusal.values)
    warn(refusal)  # why a supervisor is asked for, then who they are
    name = input(text("cli.supervisor_prompt", LANG)).strip()
    if not name:
        raise refusal
    return name


def cmd_sell(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.domain.cart import Cart, Discount
    from posapp.services import catalog, checkout
    items, payments = split_items_and_payments(args.words)
    if not items:
        raise InvalidInput("cli.sell.no_items")
    handle = ctx.stand()
    cart = Cart()
    with handle.uow(write=False) as uow:
        for item in items:
            product = catalog.find_product(uow, item.code)
            cart.add(product, item.quantity, price=item.price)
    if args.discount:
        cart.set_discount(Discount.parse(args.discount))
    if not payments and cart.totals().total > 0:
        raise InvalidInput("cli.sell.no_payment")
    if not args.no_print:
        load_printing_meanwhile(ctx)  # while the PIN's scrypt runs
    actor = _login(ctx, args.cashier)
    sale = checkout.checkout(handle.uow(), actor, cart, payments, approval=approval(ctx, args))
    if args.json:
        print_json({"receipt_no": sale.receipt_no, "sale_id": sale.sale_id,
                    "total": sale.total, "tendered": sale.tendered, "change": sale.change,
                    "discount": sale.payload["discount"], "lines": sale.payload["lines"],
                    "payments": sale.payload["payments"]})
    else:
        say("cli.sell.done", receipt=sale.receipt_no, total=sale.total, paid=sale.tendered,
            change=sale.change)
    if not args.no_print:  # the sale is committed: a printer problem only warns
        print_sale_receipt_now(ctx, sale.receipt_no)
    commands_backup.after_sale(ctx)
    return 0


def cmd_void(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import returns
    actor = acting(ctx, args)  # their PIN first, then the supervisor's
    pin = ctx.pins.read(args.supervisor)
    result = returns.void_sale(ctx.stand().uow(), args.receipt, supervisor_name=args.supervisor,
                               supervisor_pin=pin, reason=args.reason, actor=actor)
    say("cli.void.done", receipt=result.receipt_no, total=result.total)
    return 0


def cmd_refund(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import returns
    wanted = []
    for word in args.items:
        item = parse_item(word)
        if item.price is not None:
            raise InvalidInput("cli.refund.no_price")
        wanted.append(returns.RefundItem(item.code, item.quantity))
    actor = acting(ctx, args)  # their PIN first, then the supervisor's
    pin = ctx.pins.read(args.supervisor)
    result = returns.refund(
        ctx.stand().uow(), args.receipt, wanted, supervisor_name=args.supervisor,
        supervisor_pin=pin, reason=args.reason, method=PaymentMethod.parse(args.method),
        actor=actor)
    if args.json:
        print_json({"refund_no": result.refund_no, "receipt_no": result.receipt_no,
                    "amount": result.amount, "method": result.method})
    else:
        say("cli.refund.done", refund=result.refund_no, amount=result.amount,
            method=PaymentMethod.parse(result.method).label, receipt=result.receipt_no)
    print_receipt_now(ctx, result.refund_no, refund=True)
    return 0


def cmd_sales(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.domain.layout import local_time
    from posapp.domain.money import format_rupiah
    from posapp.services import history, stand
    if args.last:
        return _last_sale(ctx, as_json=args.json)
    handle = ctx.stand()
    rows = history.list_sales(handle.uow(write=False), shift_number=args.shift_number,
                              everything=args.everything)
    if args.json:  # times in UTC ("...Z"), as all JSON output (docs/cli.md)
        print_json([r.as_json() for r in rows])
        return 0
    zone = stand.get(handle.uow(write=False)).timezone  # a person reads the stand's clock
    for r in rows:
        status = msg("cli.sales.void") if r.voided else (
            msg("cli.sales.refunded", amount=r.refunded) if r.refunded else None)
        items = count(r.items, "item").text(LANG)
        print(shown(f"{r.receipt_no}  {local_time(r.created_at, zone)}  {r.cashier:<12} "
                    f"{items:>9}  {format_rupiah(r.total):>14}  "
                    f"{status.text(LANG) if status else ''}"))  # stored ESC never reaches the tty
    say("cli.sales.summary", sales=count(len(rows), "sale"),
        total=sum(r.total for r in rows if not r.voided))
    return 0


def _last_sale(ctx: Context, *, as_json: bool) -> int:
    """``sales --last``: the stand's last committed sale on one line (null in JSON when
    there is none yet)."""
    from posapp.domain.layout import local_time
    from posapp.services import history, stand
    handle = ctx.stand()
    last = history.last_sale(handle.uow(write=False))
    if as_json:
        print_json(last.as_json() if last else None)
    elif last is None:
        say("cli.sales.last_none")
    else:
        when = local_time(last.created_at, stand.get(handle.uow(write=False)).timezone)
        said = msg("cli.sales.last", receipt=last.receipt_no, total=last.total, time=when,
                   cashier=last.cashier)
        status = msg("cli.sales.void") if last.voided else (
            msg("cli.sales.refunded", amount=last.refunded) if last.refunded else None)
        print(said.text(LANG) + (f" · {status.text(LANG)}" if status else ""))
    return 0


def cmd_report(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import reports, shift_recount, shifts
    if commands_event_report.wants_event_report(args):
        return commands_event_report.cmd_event_report(ctx, args)
    if args.kind is None:
        raise InvalidInput("cli.report.which")
    if args.kind == "x" and args.shift_number is not None:
        raise InvalidInput("cli.report.x_of_open_shift")
    signer = approval(ctx, args) if args.kind == "x" else None
    with ctx.stand().uow(write=False) as uow:
        if args.kind == "x":  # the expected cash: a supervisor's on a blind-count stand
            shift = shifts.x_report_shift(uow, approval=signer)
        elif args.shift_number is not None:
            shift = shifts.by_number(uow, args.shift_number)
            if shift.closed_at is None:
                raise InvalidInput("cli.report.shift_still_open", number=args.shift_number)
        else:
            shift = shifts.last_closed(uow)
        report = reports.shift_report(uow, shift)
        differing = shift_recount.audit(uow, shift.id) if args.recount else []
    audit = None if not args.recount else {"agrees": not differing, "differences": [
        {"figure": f, "running": a, "recounted": b} for f, a, b in differing]}
    _print_report(ctx, report, as_json=args.json, width=args.width, audit=audit)
    if args.recount and not args.json:
        _say_audit(report, differing)
    return 1 if differing else 0


def _say_audit(report: ShiftReport, differing: list[tuple[str, int, int]]) -> None:
    """One line when the recount agrees with the running totals; else each figure that
    differs, on standard error."""
    if not differing:
        say("cli.report.recount_agrees", number=report.shift_number,
            sales=count(report.sales_count + report.voids_count, "sale"))
        return
    warn(msg("cli.report.recount_differs", number=report.shift_number, n=len(differing)))
    for figure, running, recounted in differing:
        warn(msg("cli.report.recount_figure", figure=figure, running=running,
                 recounted=recounted), prefix=False)


def cmd_journal_verify(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import journal as journal_service
    with ctx.stand().uow(write=False) as uow:
        result = journal_service.verify(uow)
    if result.ok:
        say("cli.journal.ok", entries=count(result.entries, "entry"),
            hash=result.last_hash[:16])
        return 0
    assert result.broken is not None
    warn(msg("cli.journal.broken", seq=result.broken.seq, reason=result.broken.reason))
    return 1
