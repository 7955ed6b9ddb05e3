"""``posapp printer set|contact`` and ``posapp print test|receipt|order|report|qris``: paper
or PDF; ``posapp print jobs|retry``: the print queue (receipts the printer did not take)."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from posapp.cli.approvals import add_supervisor, approval
from posapp.cli.args import amount, whole_number
from posapp.cli.context import Context, print_json
from posapp.cli.output import LANG, say, warn
from posapp.domain.errors import InvalidInput, NotAllowed, PosError
from posapp.domain.messages import Message, msg, text

if TYPE_CHECKING:
    from posapp.domain.layout import Block
    from posapp.services import print_queue

#: The pages of ``posapp.printing.pdf_receipt.PAGES``, for ``--help`` without loading
#: ReportLab (tests/integration/test_cli_imports.py checks they are the same).
PAGES = ("roll80", "a6")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    pr = sub.add_parser("printer", parents=[common], help="the stand's receipt printer")
    pr_sub = pr.add_subparsers(dest="action", required=True)
    p = pr_sub.add_parser("set", parents=[common], help="file:PATH, network:HOST[:PORT], "
                          "usb:VENDOR:PRODUCT, serial:DEVICE, cups:NAME, win32:NAME, "
                          "pdf:FOLDER (no printer: each receipt a PDF file there)")
    p.add_argument("target")
    p.add_argument("--width", type=whole_number, choices=[32, 42, 48])
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
    add_supervisor(p)  # the X report of a stand that counts the drawer blind
    p.set_defaults(handler=cmd_print_report)
    p = pt_sub.add_parser("qris", parents=[common],
                          help="a slip with the stand's QRIS code for AMOUNT, for the buyer")
    p.add_argument("amount", type=amount)
    p.set_defaults(handler=cmd_print_qris)
    p = pt_sub.add_parser("jobs", parents=[common],
                          help="the print queue: jobs waiting or not printed, and why")
    p.add_argument("--all", action="store_true", dest="everything",
                   help="printed jobs too")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_print_jobs)
    p = pt_sub.add_parser("retry", parents=[common],
                          help="print queued jobs again (exit 1 when one is still not printed)")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("job", nargs="?", type=int, help="the job's number (print jobs)")
    which.add_argument("--all", action="store_true", dest="everything",
                       help="every job waiting or not printed, oldest first")
    add_supervisor(p)  # an X report job on a stand that counts blind
    p.set_defaults(handler=cmd_print_retry)


def cmd_printer_set(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import settings
    handle = ctx.stand()
    current = settings.get(handle.uow(write=False))
    wanted = replace(current, printer=args.target,
                     paper_width=args.width or current.paper_width,
                     printer_profile=args.profile if args.profile is not None
                     else current.printer_profile)
    if not wanted.printer.lower().startswith("pdf:"):  # pdf:FOLDER: checked by the settings
        from posapp.printing.printers import printer_from_target  # python-escpos: 0.2 s

        printer_from_target(wanted.printer, profile=wanted.printer_profile or None)  # usable?
    saved = settings.save(handle.uow(), wanted, approval=approval(ctx, args))
    if saved.printer_profile:
        say("cli.printer.set_with_profile", target=saved.printer, width=saved.paper_width,
            profile=saved.printer_profile)
    else:
        say("cli.printer.set", target=saved.printer, width=saved.paper_width)
    return 0


def cmd_printer_contact(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import order_slips
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
         page: str = "roll80", name: str) -> int:
    """*blocks* to the PDF file *pdf*, else to the stand's printer: a stand without one
    (``pdf:FOLDER``) gets them as *name*.pdf in that folder."""
    from posapp.printing.pdf_receipt import render_pdf
    from posapp.services import settings
    s = settings.get(ctx.stand().uow(write=False))
    if pdf is None and s.printer.lower().startswith("pdf:"):
        pdf = Path(s.printer[len("pdf:"):]).expanduser() / f"{name}.pdf"
        pdf.parent.mkdir(parents=True, exist_ok=True)
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
    from posapp.services import print_queue
    handle = ctx.stand()
    what = msg("cli.what.refund_receipt", receipt=receipt_no) if refund else \
        msg("cli.what.receipt", receipt=receipt_no)
    _run_now(ctx, print_queue.enqueue_receipt(handle.uow(), receipt_no), what)


def print_order_slip_now(ctx: Context, order_no: str) -> None:
    """Queue the slip of order *order_no* and print it now, as ``print_receipt_now`` does
    (a printer problem is one line on stderr; the slip waits in the queue)."""
    from posapp.services import print_queue
    handle = ctx.stand()
    _run_now(ctx, print_queue.enqueue_order_slip(handle.uow(), order_no),
             msg("cli.what.order_slip", order=order_no))


def print_sale_receipt_now(ctx: Context, receipt_no: str) -> None:
    """Queue sale *receipt_no*'s receipt and print it now; the sale is recorded already, so
    a printer problem (or a queue that cannot be written) is one warning line on stderr."""
    from posapp.services import print_queue, settings
    handle = ctx.stand()
    try:
        s = settings.get(handle.uow(write=False))
        job = print_queue.queue_receipt(
            handle.uow, receipt_no, target=s.printer, width=s.paper_width, lang=ctx.lang,
            profile=s.printer_profile or None, cash_drawer=s.cash_drawer)
    except PosError as exc:
        warn(msg("cli.sell.not_queued", receipt=receipt_no, problem=exc.message))
        return
    if job.status != "done":
        warn(msg("cli.sell.not_printed", receipt=receipt_no, problem=job.last_error,
                 job=job.id))


def _run_now(ctx: Context, job_id: int, what: Message) -> None:
    job = _run(ctx, job_id)
    if job.status != "done":
        warn(msg("cli.print.not_printed", what=what, problem=job.last_error, job=job.id))


def _run(ctx: Context, job_id: int) -> print_queue.Job:
    """Print job *job_id* on the stand's printer as the settings say; how it went."""
    from posapp.services import print_queue, settings
    handle = ctx.stand()
    s = settings.get(handle.uow(write=False))
    return print_queue.run_job(handle.uow, job_id, target=s.printer, width=s.paper_width,
                               lang=ctx.lang, profile=s.printer_profile or None,
                               cash_drawer=s.cash_drawer)


def cmd_print_qris(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import print_queue, settings
    job = _run(ctx, print_queue.enqueue_qris_slip(ctx.stand().uow(), args.amount))
    what = msg("cli.what.qris_slip", amount=args.amount)
    if job.status != "done":
        warn(msg("cli.print.not_printed", what=what, problem=job.last_error, job=job.id))
        return 1
    say("cli.print.sent", what=what, printer=settings.get(ctx.stand().uow(write=False)).printer)
    return 0


def cmd_print_jobs(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.domain.layout import local_time
    from posapp.services import print_queue, stand
    handle = ctx.stand()
    jobs = print_queue.listing(handle.uow(write=False), everything=args.everything)
    if args.json:  # times in UTC ("...Z"), as all JSON output (docs/cli.md)
        print_json([{"job": j.id, "kind": j.kind, "ref": j.ref, "copy": j.copy,
                     "state": j.status, "attempts": j.attempts, "last_error": j.last_error,
                     "created_at": j.created_at.isoformat() + "Z",
                     "printed_at": j.printed_at.isoformat() + "Z" if j.printed_at else None}
                    for j in jobs])
        return 0
    if not jobs:
        say("cli.print.no_jobs")
        return 0
    zone = stand.get(handle.uow(write=False)).timezone
    head = {"job": text("cli.print.col_job", LANG), "kind": text("cli.print.col_kind", LANG),
            "ref": text("cli.print.col_ref", LANG), "state": text("cli.print.col_state", LANG),
            "attempts": text("cli.print.col_attempts", LANG),
            "time": text("cli.print.col_time", LANG), "error": text("cli.print.col_error", LANG)}
    print(f"{head['job']:>5}  {head['kind']:<8} {head['ref']:<16} {head['state']:<8} "
          f"{head['attempts']:>8}  {head['time']:<16}  {head['error']}")
    for j in jobs:
        kind = "copy" if j.copy else j.kind
        print(f"{j.id:>5}  {kind:<8} {j.ref:<16} {j.status:<8} {j.attempts:>8}  "
              f"{local_time(j.created_at, zone):<16}  {j.last_error or ''}".rstrip())
    return 0


def cmd_print_retry(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import print_queue, settings
    handle = ctx.stand()
    if args.everything:
        ids = [j.id for j in print_queue.pending(handle.uow(write=False))]
        if not ids:
            say("cli.print.no_jobs")
            return 0
    else:
        ids = [print_queue.get(handle.uow(write=False), args.job).id]  # NotFound: one line
    printer = settings.get(handle.uow(write=False)).printer
    approved = approval(ctx, args)
    failed = 0
    for job_id in ids:
        before = print_queue.get(handle.uow(write=False), job_id)
        if before.status == "done":
            say("cli.print.job_done_already", job=job_id, kind=before.kind, ref=before.ref)
            continue
        try:  # a blind-count stand's X report job needs a supervisor, as printing one does
            print_queue.retry(handle.uow(), job_id, approval=approved)
        except NotAllowed as refusal:
            if not args.everything:
                raise
            failed += 1
            warn(refusal)  # the other jobs still print
            continue
        job = _run(ctx, job_id)
        if job.status == "done":
            say("cli.print.job_printed", job=job_id, kind=job.kind, ref=job.ref,
                printer=printer)
        elif job.status == "printing":
            say("cli.print.job_busy", job=job_id, kind=job.kind, ref=job.ref)
        else:
            failed += 1
            warn(msg("cli.print.job_failed", job=job_id, kind=job.kind, ref=job.ref,
                     problem=job.last_error, attempts=job.attempts))
    return 1 if failed else 0


def cmd_print_test(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.domain.layout import Barcode, Cut, QrCode, Rule, Text
    from posapp.services import settings, stand
    handle = ctx.stand()
    info = stand.get(handle.uow(write=False))
    s = settings.get(handle.uow(write=False))
    blocks: tuple[Block, ...] = (
        Text(info.name, bold=True, align="center"), Text("posapp: test", align="center"),
        Rule(), Text(f"{s.printer} · {s.paper_width}"), Text("Café — Rp 1.250.000"),
        Text("0123456789" * (s.paper_width // 10) + "0123456789"[: s.paper_width % 10]),
        Barcode(f"{info.code}-TEST"), QrCode(f"posapp {info.code}"), Cut(),
    )
    return _out(ctx, blocks, None, msg("cli.what.test_page"), name="test-page")


def cmd_print_receipt(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.domain.receipt import layout_receipt
    from posapp.services import settings
    from posapp.services.receipts import receipt_for
    handle = ctx.stand()
    s = settings.get(handle.uow(write=False))
    receipt = receipt_for(handle.uow(write=False), args.receipt, lang=ctx.lang,
                          kind="copy" if args.pdf is None else "sale")
    blocks = layout_receipt(receipt, s.paper_width, lang=ctx.lang)
    return _out(ctx, blocks, args.pdf, msg("cli.what.receipt", receipt=receipt.receipt_no),
                name=f"{receipt.receipt_no}-copy")


def cmd_print_order(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.domain.order_slip import layout_order_slip
    from posapp.services import order_slips, settings
    handle = ctx.stand()
    s = settings.get(handle.uow(write=False))
    slip = order_slips.slip_for(handle.uow(write=False), args.order, lang=ctx.lang,
                                currency=args.currency)
    blocks = layout_order_slip(slip, s.paper_width, lang=ctx.lang)
    return _out(ctx, blocks, args.pdf, msg("cli.what.order_slip", order=slip.order_no),
                page=args.page, name=f"order-{slip.order_no}")


def cmd_print_report(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import receipts, settings
    handle = ctx.stand()
    s = settings.get(handle.uow(write=False))
    signer = approval(ctx, args) if args.kind == "x" else None
    number = receipts.report_shift(handle.uow(write=False), args.kind, approval=signer)
    blocks = receipts.report_blocks(handle.uow(write=False), number, width=s.paper_width,
                                    lang=ctx.lang)
    what = msg("cli.what.x_report") if args.kind == "x" else msg("cli.what.z_report")
    return _out(ctx, blocks, args.pdf, what, name=f"report-{args.kind}-{number}")
