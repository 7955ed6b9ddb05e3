"""``posapp rate set|show|clear``: the organizers' reference rates, for estimates only."""

from __future__ import annotations

import argparse
from zoneinfo import ZoneInfo

from posapp.cli.context import Context, print_json
from posapp.cli.output import LANG, say
from posapp.domain.messages import text

#: The amount each rate is tried on when shown, so that a mistyped rate stands out.
SAMPLE = 1_000_000


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    r = sub.add_parser("rate", parents=[common],
                       help="reference currency rates (estimates on order slips)")
    r_sub = r.add_subparsers(dest="action", required=True)
    p = r_sub.add_parser("set", parents=[common], help="set rates: CODE=RUPIAH ...")
    p.add_argument("rates", nargs="+", metavar="CODE=RUPIAH",
                   help="rupiah for one unit, e.g. USD=16.250 EUR=17.600 JPY=108,5")
    p.set_defaults(handler=cmd_set)
    p = r_sub.add_parser("show", parents=[common], help="the rates set")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_show)
    p = r_sub.add_parser("clear", parents=[common], help="remove rates (all, or CODE ...)")
    p.add_argument("codes", nargs="*", metavar="CODE")
    p.set_defaults(handler=cmd_clear)


def cmd_set(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.domain.fx import check_against, format_rate, parse_rate
    from posapp.services import fx
    rates = [parse_rate(text) for text in args.rates]  # every one checked before storing
    fx.set_rates(ctx.stand().uow(), rates)
    for rate in rates:
        print(f"{format_rate(rate)}  ({check_against(SAMPLE, rate)})")  # figures: no words
    return 0


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.domain.fx import check_against, format_rate
    from posapp.services import fx
    from posapp.services import stand as stand_service
    handle = ctx.stand()
    rates = fx.get(handle.uow(write=False))
    if args.json:
        print_json({code: {"rupiah": str(s.rate.rupiah), "set_at": s.set_at.isoformat() + "Z"}
                    for code, s in rates.items()})
        return 0
    if not rates:
        say("cli.rate.none")
        return 0
    zone = ZoneInfo(stand_service.get(handle.uow(write=False)).timezone)
    for s in rates.values():
        when = s.set_at.replace(tzinfo=ZoneInfo("UTC")).astimezone(zone)
        set_at = text("cli.rate.set_at", LANG, when=f"{when:%d-%m-%Y %H:%M}")
        print(f"{format_rate(s.rate):<28} {check_against(SAMPLE, s.rate):<32} {set_at}")
    return 0


def cmd_clear(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import fx
    gone = fx.clear(ctx.stand().uow(), args.codes)
    if gone:
        say("cli.rate.removed", codes=gone)
    else:
        say("cli.rate.none_removed")
    return 0
