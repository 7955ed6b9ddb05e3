"""The organizers' files from the central store: the event report (PDF, XLSX) and the
online-shop CSV.

``posapp report --central ... --pdf FILE --xlsx FILE`` shares its name with the stand's
``posapp report x|z`` (commands_sales); that parser takes the options added here and hands
over to ``cmd_event_report`` when ``--central`` is given.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from posapp.cli.commands_central import CENTRAL_HELP, progress_printer
from posapp.cli.context import Context
from posapp.domain.errors import InvalidInput
from posapp.domain.money import format_rupiah
from posapp.printing.report_files import check_writable
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
    for path in outputs:  # refuse before the slow read, not after
        check_writable(path)
    # ReportLab and openpyxl load here, not at every start of posapp
    from posapp.printing.pdf_event_report import render_event_pdf
    from posapp.printing.xlsx_event_report import write_event_xlsx
    from posapp.services.event_report import event_report

    with Central(args.central, create=False) as central:
        report = event_report(central, made_at=datetime.now(UTC),
                              progress=progress_printer("reading the central store"))
    if args.pdf is not None:
        render_event_pdf(report, args.pdf, lang=ctx.lang)
        print(f"PDF: {args.pdf}")
    if args.xlsx is not None:
        write_event_xlsx(report, args.xlsx, lang=ctx.lang)
        print(f"XLSX: {args.xlsx}")
    print(f"{len(report.stands)} stands, {report.overall.sales_count} sales, net "
          f"{format_rupiah(report.overall.net)}")
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
