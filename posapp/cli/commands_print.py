"""``posapp printer set|contact`` and ``posapp print test|receipt|order|report``: paper or PDF."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from posapp.cli.approvals import add_supervisor, approval
from posapp.cli.context import Context
from posapp.cli.output import say, warn
from posapp.domain.errors import InvalidInput
from posapp.domain.layout import Barcode, Block, Cut, QrCode, Rule, Text
from posapp.domain.messages import Message, msg
from posapp.domain.order_slip import layout_order_slip
from posapp.domain.receipt import layout_receipt
from posapp.printing.pdf_receipt import PAGES, render_pdf
from posapp.services import order_slips, print_queue, receipts, settings, stand
from posapp.services.receipts import receipt_for


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    pr = sub.add_parser("printer", parents=[common], help="the stand's receipt printer")
    pr_sub = pr.add_subparsers(dest="action", required=True)
    p = pr_sub.add_parser("set", parents=[common], help="file:PATH, network:HOST[:PORT], "
                          "usb:VENDOR:PRODUCT, serial:DEVICE, cups:NAME, win32:NAME")
    p.add_argument("target")
    p.add_argument("--width", type=int, choices=[32, 42, 48])
    p.add_argument("--profile", help="printer model in python-escpos's database, e.g. TM-T20II")
    add_supervisor(p)
    p.set_defaults(handler=cmd_printer_set)
    p = pr_sub.add_parser("contact", parents=[common],
                          help="the stand's phone or WhatsApp line on order slips")
    p.add_argument("text", nargs="?", help='e.g. "WA +62 812-3456-7890"; "" removes it; '
                   "left out: show it")
    p.set_defaults(handler=cmd_printer_contact)

    pt = sub.add_parser("print", parents=[common], help="print a receipt, a report or a test")
    pt_sub = pt.add_subparsers(dest="action", required=True)
    p = pt_sub.add_parser("test", parents=[common], help="a test page on the printer")
    p.set_defaults(handler=cmd_print_test)
    p = pt_sub.add_parser("receipt", parents=[common], help="a receipt (a copy) or a PDF")
    p.add_argument("receipt")
    p.add_argument("--pdf", type=Path, metavar="FILE")
    p.set_defaults(handler=cmd_print_receipt)
    p = pt_sub.add_parser("order", parents=[common], help="an order's slip, or a PDF of it")
    p.add_argument("order")
    p.add_argument("--pdf", type=Path, metavar="FILE")
    p.add_argument("--page", choices=PAGES, default="roll80",
                   help="the PDF's page: an 80 mm roll (default) or A6")
    p.add_argument("--currency", metavar="CODE",
                   help="show the total and balance in this currency too (a rate must be "
                        "set; IDR: rupiah only); default: the buyer's country's, if set")
    p.set_defaults(handler=cmd_print_order)
    p = pt_sub.add_parser("report", parents=[common], help="the X or last Z report")
    p.add_argument("kind", choices=["x", "z"])
    p.add_argument("--pdf", type=Path, metavar="FILE")
    p.set_defaults(handler=cmd_print_report)


def cmd_printer_set(ctx: Context, args: argparse.Namespace) -> int:
    handle = ctx.stand()
    current = settings.get(handle.uow(write=False))
    wanted = replace(current, printer=args.target,
                     paper_width=args.width or current.paper_width,
                     printer_profile=args.profile if args.profile is not None
                     else current.printer_profile)
    from posapp.printing.printers import printer_from_target  # python-escpos: 0.2 s

    printer_from_target(wanted.printer, profile=wanted.printer_profile or None)  # usable here?
    saved = settings.save(handle.uow(), wanted, approval=approval(ctx, args))
    if saved.printer_profile:
        say("cli.printer.set_with_profile", target=saved.printer, width=saved.paper_width,
            profile=saved.printer_profile)
    else:
        say("cli.printer.set", target=saved.printer, width=saved.paper_width)
    return 0


def cmd_printer_contact(ctx: Context, args: argparse.Namespace) -> int:
    handle = ctx.stand()
    if args.text is None:
        shown = order_slips.contact(handle.uow(write=False))
        if shown:
            print(shown)  # the line itself, as stored
        else:
            say("cli.printer.no_contact")
        return 0
    saved = order_slips.set_contact(handle.uow(), args.text)
    if saved:
        say("cli.printer.contact_set", contact=saved)
    else:
        say("cli.printer.contact_removed")
    return 0


def _out(ctx: Context, blocks: tuple[Block, ...], pdf: Path | None, what: Message, *,
         page: str = "roll80") -> int:
    s = settings.get(ctx.stand().uow(write=False))
    if pdf is not None:
        render_pdf(blocks, s.paper_width, pdf, page=page)
        say("cli.print.written", what=what, path=str(pdf))
        return 0
    if not s.printer:
        raise InvalidInput("cli.print.no_printer")
    from posapp.printing.printers import print_blocks  # python-escpos: 0.2 s

    print_blocks(s.printer, blocks, s.paper_width, profile=s.printer_profile or None)
    say("cli.print.sent", what=what, printer=s.printer)
    return 0


def print_receipt_now(ctx: Context, receipt_no: str, *, refund: bool = False) -> None:
    """Queue receipt *receipt_no* (a sale's, or a *refund*'s) for the printer, as the window
    does, and print it now.

    A printer problem is one line on stderr, not a failure of the command (the sale or
    refund is done): the job waits in the queue, and the window's print jobs list prints it.
    """
    handle = ctx.stand()
    what = msg("cli.what.refund_receipt", receipt=receipt_no) if refund else \
        msg("cli.what.receipt", receipt=receipt_no)
    _run_now(ctx, print_queue.enqueue_receipt(handle.uow(), receipt_no), what)


def print_order_slip_now(ctx: Context, order_no: str) -> None:
    """Queue the slip of order *order_no* and print it now, as ``print_receipt_now`` does
    (a printer problem is one line on stderr; the slip waits in the queue)."""
    handle = ctx.stand()
    _run_now(ctx, print_queue.enqueue_order_slip(handle.uow(), order_no),
             msg("cli.what.order_slip", order=order_no))


def _run_now(ctx: Context, job_id: int, what: Message) -> None:
    handle = ctx.stand()
    s = settings.get(handle.uow(write=False))
    job = print_queue.run_job(handle.uow, job_id, target=s.printer, width=s.paper_width,
                              lang=ctx.lang, profile=s.printer_profile or None,
                              cash_drawer=s.cash_drawer)
    if job.status != "done":
        warn(msg("cli.print.not_printed", what=what, problem=job.last_error))


def cmd_print_test(ctx: Context, args: argparse.Namespace) -> int:
    handle = ctx.stand()
    info = stand.get(handle.uow(write=False))
    s = settings.get(handle.uow(write=False))
    blocks: tuple[Block, ...] = (
        Text(info.name, bold=True, align="center"), Text("posapp: test", align="center"),
        Rule(), Text(f"{s.printer} · {s.paper_width}"), Text("Café — Rp 1.250.000"),
        Text("0123456789" * (s.paper_width // 10) + "0123456789"[: s.paper_width % 10]),
        Barcode(f"{info.code}-TEST"), QrCode(f"posapp {info.code}"), Cut(),
    )
    return _out(ctx, blocks, None, msg("cli.what.test_page"))


def cmd_print_receipt(ctx: Context, args: argparse.Namespace) -> int:
    handle = ctx.stand()
    s = settings.get(handle.uow(write=False))
    receipt = receipt_for(handle.uow(write=False), args.receipt, lang=ctx.lang,
                          kind="copy" if args.pdf is None else "sale")
    blocks = layout_receipt(receipt, s.paper_width, lang=ctx.lang)
    return _out(ctx, blocks, args.pdf, msg("cli.what.receipt", receipt=receipt.receipt_no))


def cmd_print_order(ctx: Context, args: argparse.Namespace) -> int:
    handle = ctx.stand()
    s = settings.get(handle.uow(write=False))
    slip = order_slips.slip_for(handle.uow(write=False), args.order, lang=ctx.lang,
                                currency=args.currency)
    blocks = layout_order_slip(slip, s.paper_width, lang=ctx.lang)
    return _out(ctx, blocks, args.pdf, msg("cli.what.order_slip", order=slip.order_no),
                page=args.page)


def cmd_print_report(ctx: Context, args: argparse.Namespace) -> int:
    handle = ctx.stand()
    s = settings.get(handle.uow(write=False))
    number = receipts.report_shift(handle.uow(write=False), args.kind)
    blocks = receipts.report_blocks(handle.uow(write=False), number, width=s.paper_width,
                                    lang=ctx.lang)
    what = msg("cli.what.x_report") if args.kind == "x" else msg("cli.what.z_report")
    return _out(ctx, blocks, args.pdf, what)
