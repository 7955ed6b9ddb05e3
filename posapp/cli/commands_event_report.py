"""The organizers' files from the central store: the event report (PDF, XLSX), the
online-shop CSV and the open orders (XLSX, CSV). The writing is in the services
(report_export, shop_export, orders_export), shared with the organizer window.

``posapp report --central ... --pdf FILE --xlsx FILE`` shares its name with the stand's
``posapp report x|z`` (commands_sales); that parser takes the options added here and hands
over to ``cmd_event_report`` when ``--central`` is given.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from posapp.cli.commands_central import CENTRAL_HELP, progress_printer
from posapp.cli.context import Context
from posapp.domain.errors import InvalidInput
from posapp.domain.money import format_rupiah
from posapp.printing.report_files import check_writable
from posapp.services import orders_export, report_export
from posapp.sync.central_store import Central


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("shop-export", parents=[common],
                       help="products with stock left and price, per stand, as CSV for an "
                            "online shop")
    p.add_argument("--central", required=True, metavar="PATH_OR_URL", help=CENTRAL_HELP)
    p.add_argument("file", type=Path, metavar="FILE.csv")
    p.add_argument("--all", action="store_true", dest="everything",
                   help="every product, inactive or out of stock too")
    p.set_defaults(handler=cmd_shop_export)
    p = sub.add_parser("orders-export", parents=[common],
                       help="open orders with the buyers' contacts, lines and balances due, "
                            "as XLSX or CSV, for delivering them after the event")
    p.add_argument("--central", required=True, metavar="PATH_OR_URL", help=CENTRAL_HELP)
    p.add_argument("file", type=Path, metavar="FILE.xlsx|FILE.csv")
    p.set_defaults(handler=cmd_orders_export)


def add_report_options(p: argparse.ArgumentParser) -> None:
    """The event report's options, on the ``report`` command."""
    p.add_argument("--central", metavar="PATH_OR_URL",
                   help="event report from this central store (instead of x|z)")
    p.add_argument("--pdf", type=Path, metavar="FILE", help="event report as PDF")
    p.add_argument("--xlsx", type=Path, metavar="FILE", help="event report as Excel workbook")


def wants_event_report(args: argparse.Namespace) -> bool:
    return bool(args.central or args.pdf or args.xlsx)


def cmd_event_report(ctx: Context, args: argparse.Namespace) -> int:
    if args.kind is not None:
        raise InvalidInput(f"'report {args.kind}' is a stand's shift report: for the event "
                           "report leave out x|z and give --central with --pdf and/or --xlsx")
    if not args.central:
        raise InvalidInput("the event report needs --central PATH_OR_URL")
    outputs = [f for f in (args.pdf, args.xlsx) if f is not None]
    if not outputs:
        raise InvalidInput("say where to write the event report: --pdf FILE, --xlsx FILE "
                           "or both")
    if args.pdf is not None and args.xlsx is not None and \
            args.pdf.resolve() == args.xlsx.resolve():
        raise InvalidInput("--pdf and --xlsx name the same file")
    report_export.check_outputs(args.pdf, args.xlsx)  # before the slow read, not after
    written = report_export.write_event_report(
        args.central, pdf=args.pdf, xlsx=args.xlsx, lang=ctx.lang,
        progress=progress_printer("event report"))
    if written.pdf is not None:
        print(f"PDF: {written.pdf}")
    if written.xlsx is not None:
        print(f"XLSX: {written.xlsx}")
    print(f"{written.stands} stands, {written.sales_count} sales, net "
          f"{format_rupiah(written.net)}")
    if written.open_orders:
        print(f"{written.open_orders} open orders, balances due "
              f"{format_rupiah(written.balances_due)} (apart from sales)")
    return 0


def cmd_orders_export(ctx: Context, args: argparse.Namespace) -> int:
    result = orders_export.write_orders_export(args.central, args.file, lang=ctx.lang)
    overdue = f", {result.overdue} overdue" if result.overdue else ""
    print(f"{result.path}: {result.orders} open orders ({result.lines} lines{overdue}) from "
          f"{result.stands} stands, balances due {format_rupiah(result.balance_due)}")
    return 0


def cmd_shop_export(ctx: Context, args: argparse.Namespace) -> int:
    if args.file.suffix.lower() != ".csv":
        raise InvalidInput(f"shop-export writes CSV: name the file .csv, not {args.file.name}")
    check_writable(args.file)
    from posapp.services import shop_export

    with Central(args.central, create=False) as central:
        result = shop_export.write_shop_csv(central, args.file, everything=args.everything)
    what = "products" if args.everything else "products with stock left"
    print(f"{result.path}: {result.products} {what} from {result.stands} stands")
    return 0
