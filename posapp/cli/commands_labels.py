"""``posapp labels FILE.pdf``: product labels with Code128 on A4 label sheets."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from posapp.cli.args import whole_number
from posapp.cli.context import Context
from posapp.cli.output import count, say
from posapp.domain.errors import InvalidInput, NotFound

#: The named sheets of ``posapp.printing.labels.LAYOUTS``, for ``--help`` without loading
#: ReportLab (tests/integration/test_cli_imports.py checks they are the same).
LAYOUT_NAMES = ("3x7", "3x8", "4x10", "2x7")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("labels", parents=[common],
                       help="product labels (name, price, maker, Code128) on A4 sheets")
    p.add_argument("file", type=Path, metavar="FILE.pdf")
    p.add_argument("--sku", action="append", default=[], metavar="SKU",
                   help="a product to print (repeatable; default: every active product)")
    p.add_argument("--copies", type=whole_number, default=1, metavar="N",
                   help="labels per product (default 1)")
    p.add_argument("--layout", default="3x8", metavar="CxR",
                   help=f"sheet: {', '.join(LAYOUT_NAMES)} or any COLUMNSxROWS (default 3x8)")
    p.add_argument("--start-at", type=whole_number, default=1, metavar="N",
                   help="first free position on the first sheet, 1 = top left (default 1)")
    p.add_argument("--margins", metavar="T,L,R,B",
                   help="page margins in mm instead of the layout's own")
    p.set_defaults(handler=cmd_labels)


def _margins(text: str) -> tuple[float, float, float, float]:
    try:
        values = tuple(float(part) for part in text.split(","))
    except ValueError:
        values = ()
    if len(values) != 4:
        raise InvalidInput("cli.labels.margins", text=text)
    return values[0], values[1], values[2], values[3]


def cmd_labels(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.printing.labels import parse_layout, render_labels, sheet_count
    from posapp.services import catalog
    layout = parse_layout(args.layout)
    if args.margins is not None:
        top, left, right, bottom = _margins(args.margins)
        layout = replace(layout, top=top, left=left, right=right, bottom=bottom)
    handle = ctx.stand()
    if args.sku:
        known = {p.sku: p for p in catalog.list_products(handle.uow(write=False),
                                                         include_inactive=True)}
        wanted = [sku.strip().upper() for sku in args.sku]
        unknown = [sku for sku in wanted if sku not in known]
        if unknown:
            raise NotFound("cli.labels.unknown_sku", skus=unknown)
        products = [known[sku] for sku in dict.fromkeys(wanted)]
    else:
        products = catalog.list_products(handle.uow(write=False))
        if not products:
            raise InvalidInput("cli.labels.no_products")
    render_labels(products, args.file, layout=layout, copies=args.copies,
                  start_at=args.start_at)
    labels = len(products) * args.copies
    sheets = sheet_count(labels, layout, args.start_at)
    say("cli.labels.done", labels=count(labels, "label"), sheets=count(sheets, "sheet"),
        path=str(args.file))
    return 0
