"""``posapp qris``: check a QRIS payload, make the dynamic one for an amount, store the stand's."""

from __future__ import annotations

import argparse
from dataclasses import replace

from posapp.cli.approvals import add_supervisor, approval
from posapp.cli.args import amount
from posapp.cli.context import Context
from posapp.cli.output import say
from posapp.domain.messages import msg


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    q = sub.add_parser("qris", parents=[common], help="QRIS payloads")
    q_sub = q.add_subparsers(dest="action", required=True)
    p = q_sub.add_parser("check", parents=[common], help="exit 0 when PAYLOAD is valid")
    p.add_argument("payload")
    p.set_defaults(handler=cmd_check)
    p = q_sub.add_parser("amount", parents=[common], help="print the dynamic payload")
    p.add_argument("payload")
    p.add_argument("amount", type=amount)
    p.set_defaults(handler=cmd_amount)
    p = q_sub.add_parser("set", parents=[common], help="store the stand's static payload")
    p.add_argument("payload")
    add_supervisor(p)
    p.set_defaults(handler=cmd_set)


def cmd_check(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.domain.qris import parse_qris
    payload = parse_qris(args.payload)
    kind = msg("cli.qris.dynamic") if payload.is_dynamic else msg("cli.qris.static")
    if payload.nmid:
        say("cli.qris.valid_with_nmid", kind=kind, merchant=payload.merchant_name,
            city=payload.merchant_city, nmid=payload.nmid)
    else:
        say("cli.qris.valid", kind=kind, merchant=payload.merchant_name,
            city=payload.merchant_city)
    return 0


def cmd_amount(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.domain.qris import dynamic_payload
    print(dynamic_payload(args.payload, args.amount))  # the payload itself: data
    return 0


def cmd_set(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.domain.qris import parse_qris
    from posapp.services import settings
    payload = parse_qris(args.payload.strip())  # judged before anything is stored
    handle = ctx.stand()
    current = settings.get(handle.uow(write=False))
    settings.save(handle.uow(), replace(current, qris_payload=args.payload.strip()),
                  approval=approval(ctx, args))
    say("cli.qris.stored", merchant=payload.merchant_name, stand=handle.code)
    return 0
