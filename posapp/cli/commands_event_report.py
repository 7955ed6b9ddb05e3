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
from posapp.cli.commands_photos import photo_count
from posapp.cli.context import Context
from posapp.cli.output import count, say
from posapp.domain.errors import InvalidInput
from posapp.domain.messages import msg


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
    from posapp.services import report_export
    if args.kind is not None:
        raise InvalidInput("cli.event_report.kind_given", kind=args.kind)
    if not args.central:
        raise InvalidInput("cli.event_report.no_central")
    outputs = [f for f in (args.pdf, args.xlsx) if f is not None]
    if not outputs:
        raise InvalidInput("cli.event_report.no_output")
    if args.pdf is not None and args.xlsx is not None and \
            args.pdf.resolve() == args.xlsx.resolve():
        raise InvalidInput("cli.event_report.same_file")
    report_export.check_outputs(args.pdf, args.xlsx)  # before the slow read, not after
    written = report_export.write_event_report(
        args.central, pdf=args.pdf, xlsx=args.xlsx, lang=ctx.lang,
        progress=progress_printer(msg("cli.progress.event_report")))
    if written.pdf is not None:
        say("cli.event_report.pdf", path=str(written.pdf))
    if written.xlsx is not None:
        say("cli.event_report.xlsx", path=str(written.xlsx))
    say("cli.event_report.done", stands=count(written.stands, "stand"),
        sales=count(written.sales_count, "sale"), net=written.net)
    if written.open_orders:
        say("cli.event_report.open_orders", orders=count(written.open_orders, "open_order"),
            due=written.balances_due)
    return 0


def cmd_orders_export(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import orders_export
    result = orders_export.write_orders_export(args.central, args.file, lang=ctx.lang)
    figures = {"path": str(result.path), "orders": count(result.orders, "open_order"),
               "lines": count(result.lines, "line"), "stands": count(result.stands, "stand"),
               "due": result.balance_due}
    if result.overdue:
        say("cli.orders_export.done_overdue", **figures, overdue=result.overdue)
    else:
        say("cli.orders_export.done", **figures)
    return 0


def cmd_shop_export(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.printing.report_files import check_writable
    if args.file.suffix.lower() != ".csv":
        raise InvalidInput("cli.shop_export.not_csv", name=args.file.name)
    check_writable(args.file)
    from posapp.services import shop_export

    result = shop_export.write_shop_csv_at(args.central, args.file, everything=args.everything)
    figures = {"path": str(result.path), "products": count(result.products, "product"),
               "stands": count(result.stands, "stand")}
    if args.everything:
        say("cli.shop_export.done", **figures)
    else:
        say("cli.shop_export.done_in_stock", **figures)
    if result.photo_folder is not None:
        say("cli.shop_export.photos", photos=photo_count(result.photos),
            folder=str(result.photo_folder))
    return 0
