"""The central store from the command line: sync, merge, totals, reconcile."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from posapp.cli.context import Context, print_json
from posapp.cli.output import LANG, count, say, warn
from posapp.domain.errors import InvalidInput, NotAllowed, PosError
from posapp.domain.messages import Message, msg, text

if TYPE_CHECKING:
    from posapp.domain.totals import Totals

CENTRAL_HELP = "the central store: an SQLite file, or a postgresql:// URL"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("sync", parents=[common],
                       help="send this stand's new journal entries to the central store")
    p.add_argument("--central", required=True, metavar="PATH_OR_URL", help=CENTRAL_HELP)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_sync)

    p = sub.add_parser("totals", parents=[common], help="per-stand and overall totals")
    p.add_argument("--central", required=True, metavar="PATH_OR_URL", help=CENTRAL_HELP)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_totals)
    register_merge(sub, common)


def progress_printer(what: Message) -> Any:
    """A progress callback that draws one updating line on a terminal (and nothing otherwise):
    *what* is being done (``msg("cli.progress.sync")``)."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        line = text("cli.progress", LANG, what=what, done=done, total=total)
        print(f"\r{line}", end="" if done < total else "\n", file=sys.stderr)

    return show


def cmd_sync(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import sync
    handle = ctx.stand()
    result = sync.sync_stand(handle.uow, args.central,
                             progress=progress_printer(msg("cli.progress.sync")))
    if args.json:
        print_json({"stand": result.stand, "sent": result.sent, "last_seq": result.last_seq,
                    "central": result.central})
    elif result.sent:
        say("cli.sync.sent", stand=result.stand, entries=count(result.sent, "entry"),
            central=result.central, seq=result.last_seq)
    else:
        say("cli.sync.nothing_new", stand=result.stand, central=result.central,
            seq=result.last_seq)
    return 0


def cmd_totals(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.domain.money import format_rupiah
    from posapp.services import central_totals
    stands = central_totals.stand_totals_at(args.central)
    everything = central_totals.overall(stands)
    if args.json:
        print_json({
            "stands": [{"stand": s.code, "name": s.name, "province": s.province,
                        "last_seq": s.last_seq, **s.totals.figures()} for s in stands],
            "overall": everything.figures(),
        })
        return 0
    label = _labels()
    header = f"{label['stand']:<10} {label['sales']:>6} {label['gross']:>16} " \
             f"{label['discounts']:>14} {label['refunds']:>14} {label['net']:>16}"
    print(header)
    for s in stands:
        print(_row(s.code, s.totals))
    print("-" * len(header))
    print(_row(label["total"], everything))
    for method, t in sorted(everything.methods.items(), key=lambda mt: _method_order(mt[0])):
        print(f"  {_method_label(method):<10} {label['sales']} {format_rupiah(t.sales):>16}  "
              f"{label['refunds']} {format_rupiah(t.refunds):>14}  "
              f"{label['net']} {format_rupiah(t.net):>16}")
    orders = everything.orders_figures()
    if orders["placed"] or orders["net"]:
        say("cli.totals.orders", placed=orders["placed"],
            deposits=sum(orders["deposits"].values()),
            balances=sum(orders["balances"].values()),
            refunded=sum(orders["refunds"].values()), net=orders["net"])
    return 0


def _labels() -> dict[str, str]:
    """The totals table's words: its header, the last row's name."""
    return {"stand": text("cli.totals.stand", LANG), "sales": text("cli.totals.sales", LANG),
            "gross": text("cli.totals.gross", LANG),
            "discounts": text("cli.totals.discounts", LANG),
            "refunds": text("cli.totals.refunds", LANG), "net": text("cli.totals.net", LANG),
            "total": text("cli.totals.total", LANG)}


def _method_order(code: str) -> int:
    """Where method *code* stands in the declared order (unknown codes last)."""
    from posapp.domain.tender import PAYMENT_METHODS
    codes = [info.method.value for info in PAYMENT_METHODS]
    return codes.index(code) if code in codes else len(codes)


def _method_label(code: str) -> str:
    """Method *code*'s name ("Cash"); a code this version does not know, as it is."""
    from posapp.domain.tender import PaymentMethod
    try:
        return PaymentMethod(code).label.text(LANG)
    except ValueError:
        return code


def _row(label: str, t: Totals) -> str:
    from posapp.domain.money import format_rupiah
    return (f"{label:<10} {t.sales_count:>6} {format_rupiah(t.gross):>16} "
            f"{format_rupiah(t.discounts):>14} {format_rupiah(t.refunds):>14} "
            f"{format_rupiah(t.net):>16}")


def register_merge(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("merge", parents=[common],
                       help="apply stands' export files to the central store")
    p.add_argument("--central", required=True, metavar="PATH_OR_URL", help=CENTRAL_HELP)
    p.add_argument("--key-stdin", action="store_true",
                   help="read the event key from standard input (the first merge on this "
                        "computer); without it the key kept here is used, or asked for")
    p.add_argument("--key", help=argparse.SUPPRESS)  # refused: it would show in `ps`
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_merge)

    p = sub.add_parser("reconcile", parents=[common],
                       help="name any stand whose export and central totals differ")
    p.add_argument("--central", required=True, metavar="PATH_OR_URL", help=CENTRAL_HELP)
    p.add_argument("files", nargs="*", type=Path, metavar="FILE",
                   help="full exports of stands (posapp export without --since)")
    p.add_argument("--key-stdin", action="store_true",
                   help="read the event key from standard input (to check FILEs on a "
                        "computer that does not keep it)")
    p.set_defaults(handler=cmd_reconcile)


def cmd_merge(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import merge
    if args.key is not None:  # on the command line, the key shows in the process list
        raise InvalidInput("cli.merge.key_on_command_line")
    key = sys.stdin.readline().strip() if args.key_stdin else None
    progress = progress_printer(msg("cli.progress.merge"))
    try:
        batch = merge.merge_files(args.central, args.files, key=key, progress=progress)
    except NotAllowed as exc:
        if exc.code != merge.NO_KEY or key is not None or not sys.stdin.isatty():
            raise
        key = getpass.getpass(text("cli.event.key_prompt", LANG))
        batch = merge.merge_files(args.central, args.files, key=key, progress=progress)
    if args.json:
        print_json([
            {"file": str(path), "refused": r.message} if isinstance(r, PosError) else
            {"file": str(path), "stand": r.stand, "applied": r.applied, "skipped": r.skipped,
             "last_seq": r.last_seq}
            for path, r in batch.outcomes
        ])
    for path, r in batch.outcomes:
        if isinstance(r, PosError):
            if r.values.get("file") == str(path):  # the reason names the file already
                warn(msg("cli.merge.refused_named", reason=r))
            else:
                warn(msg("cli.merge.refused", file=str(path), reason=r))
        elif not args.json and r.applied:
            say("cli.merge.merged", file=str(path), stand=r.stand,
                entries=count(r.applied, "entry"), seq=r.last_seq)
        elif not args.json:
            say("cli.merge.already", file=str(path), stand=r.stand, seq=r.last_seq)
    summary = msg("cli.merge.summary", files=count(len(batch.outcomes), "file"),
                  merged=len(batch.merged),
                  entries=count(sum(r.applied for r in batch.merged), "entry"),
                  already=len(batch.already), refused=len(batch.refused))
    if args.json:
        warn(summary, prefix=False)
    else:
        say(summary)
    return 1 if batch.refused else 0


def cmd_reconcile(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import central_totals
    key = sys.stdin.readline().strip() if args.key_stdin else None
    done = central_totals.reconcile(args.central, args.files, key=key)
    for m in done.problems:
        warn(m)
    if not done.problems:
        if done.checked:
            say("cli.reconcile.agree_with_exports", stands=count(done.stands, "stand"),
                exported=done.checked, net=done.net)
        else:
            say("cli.reconcile.agree", stands=count(done.stands, "stand"), net=done.net)
    return 1 if done.problems else 0
