"""The central store from the command line: sync, merge, totals, reconcile."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from posapp.cli.context import Context, print_json
from posapp.domain.errors import InvalidInput, PosError
from posapp.domain.money import format_rupiah
from posapp.domain.totals import Totals
from posapp.services import central_totals, merge, sync
from posapp.sync.central_store import Central
from posapp.sync.export_file import read_export

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


def progress_printer(what: str) -> Any:
    """A progress callback that draws one updating line on a terminal (and nothing otherwise)."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(f"\r{what}: {done}/{total}", end="" if done < total else "\n", file=sys.stderr)

    return show


def cmd_sync(ctx: Context, args: argparse.Namespace) -> int:
    handle = ctx.stand()
    result = sync.sync_stand(handle.uow, args.central, progress=progress_printer("sync"))
    if args.json:
        print_json({"stand": result.stand, "sent": result.sent, "last_seq": result.last_seq,
                    "central": result.central})
    elif result.sent:
        print(f"stand {result.stand}: {result.sent} entries sent to {result.central} "
              f"(up to {result.last_seq})")
    else:
        print(f"stand {result.stand}: nothing new to send ({result.central} has all "
              f"{result.last_seq} entries)")
    return 0


def cmd_totals(ctx: Context, args: argparse.Namespace) -> int:
    with Central(args.central, create=False) as central:
        stands = central_totals.stand_totals(central)
    everything = central_totals.overall(stands)
    if args.json:
        print_json({
            "stands": [{"stand": s.code, "name": s.name, "province": s.province,
                        "last_seq": s.last_seq, **s.totals.figures()} for s in stands],
            "overall": everything.figures(),
        })
        return 0
    header = f"{'stand':<10} {'sales':>6} {'gross':>16} {'discounts':>14} {'refunds':>14} " \
             f"{'net':>16}"
    print(header)
    for s in stands:
        print(_row(s.code, s.totals))
    print("-" * len(header))
    print(_row("TOTAL", everything))
    for method, t in sorted(everything.methods.items()):
        print(f"  {method:<10} sales {format_rupiah(t.sales):>16}  refunds "
              f"{format_rupiah(t.refunds):>14}  net {format_rupiah(t.net):>16}")
    orders = everything.orders_figures()
    if orders["placed"] or orders["net"]:
        print(f"orders (apart from sales): {orders['placed']} taken, deposits "
              f"{format_rupiah(sum(orders['deposits'].values()))}, balances "
              f"{format_rupiah(sum(orders['balances'].values()))}, deposits refunded "
              f"{format_rupiah(sum(orders['refunds'].values()))}, order money "
              f"{format_rupiah(orders['net'])}")
    return 0


def _row(label: str, t: Totals) -> str:
    return (f"{label:<10} {t.sales_count:>6} {format_rupiah(t.gross):>16} "
            f"{format_rupiah(t.discounts):>14} {format_rupiah(t.refunds):>14} "
            f"{format_rupiah(t.net):>16}")


def register_merge(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("merge", parents=[common],
                       help="apply stands' export files to the central store")
    p.add_argument("--central", required=True, metavar="PATH_OR_URL", help=CENTRAL_HELP)
    p.add_argument("--key", help="the event key (needed once, for a new central store)")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_merge)

    p = sub.add_parser("reconcile", parents=[common],
                       help="name any stand whose export and central totals differ")
    p.add_argument("--central", required=True, metavar="PATH_OR_URL", help=CENTRAL_HELP)
    p.add_argument("files", nargs="*", type=Path, metavar="FILE",
                   help="full exports of stands (posapp export without --since)")
    p.set_defaults(handler=cmd_reconcile)


def cmd_merge(ctx: Context, args: argparse.Namespace) -> int:
    results = merge.merge_files(args.central, args.files, key=args.key,
                                progress=progress_printer("merge"))
    if args.json:
        print_json([
            {"file": str(path), "refused": r.message} if isinstance(r, PosError) else
            {"file": str(path), "stand": r.stand, "applied": r.applied, "skipped": r.skipped,
             "last_seq": r.last_seq}
            for path, r in zip(args.files, results, strict=True)
        ])
    for path, r in zip(args.files, results, strict=True):
        if isinstance(r, PosError):
            print(f"posapp: {path}: refused: {' '.join(r.message.split())}", file=sys.stderr)
        elif not args.json and r.applied:
            print(f"{path}: stand {r.stand}, {r.applied} entries merged (up to {r.last_seq})")
        elif not args.json:
            print(f"{path}: stand {r.stand}, already merged (up to {r.last_seq})")
    return 1 if any(isinstance(r, PosError) for r in results) else 0


def cmd_reconcile(ctx: Context, args: argparse.Namespace) -> int:
    with Central(args.central, create=False) as central:
        key = merge.event_key(central)
        batches = []
        for path in args.files:
            batch = read_export(path, key)
            if batch.first_seq != 1:
                raise InvalidInput(f"{path} starts at entry {batch.first_seq}: reconciling needs "
                                   "a full export (posapp export without --since)")
            batches.append((batch.stand.code, f"export {path}", batch.entries))
        found = central_totals.reconcile_entries(central, batches)
        found += central_totals.check_z_reports(central)
        stands = {s.code: s.totals.net for s in central_totals.stand_totals(central)}
    for m in found:
        print(f"posapp: {m}", file=sys.stderr)
    if not found:
        checked = sorted({code for code, _, _ in batches})
        print(f"all agree: {len(stands)} stands' Z reports"
              + (f" and the exports of {', '.join(checked)}" if checked else "")
              + f"; net {format_rupiah(sum(stands.values()))}")
    return 1 if found else 0
