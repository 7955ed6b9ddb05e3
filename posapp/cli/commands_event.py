"""``posapp event`` (the key that signs export files) and ``posapp export``."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from posapp.cli.approvals import add_supervisor, approval
from posapp.cli.context import Context
from posapp.cli.output import LANG, say
from posapp.domain.errors import StorageError
from posapp.domain.messages import msg, text

QR_SCALE = 10  # pixels per module: about 6 cm wide at 150 dpi, easy for a phone or scanner


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    ev = sub.add_parser("event", parents=[common], help="the event key that signs export files")
    ev_sub = ev.add_subparsers(dest="action", required=True)
    p = ev_sub.add_parser("key", parents=[common], help="print a new event key (once per event)")
    p.add_argument("--qr", type=Path, metavar="FILE", help="also write it as a QR code (PNG)")
    p.set_defaults(handler=cmd_key)
    p = ev_sub.add_parser("join", parents=[common], help="store the event key in this stand")
    p.add_argument("key", nargs="*", metavar="KEY",
                   help="the key (spaces and dashes optional); left out, it is read from "
                        "standard input")
    p.add_argument("--replace", action="store_true", help="replace another event's key")
    add_supervisor(p)
    p.set_defaults(handler=cmd_join)
    p = ev_sub.add_parser("show", parents=[common], help="print the event id this stand joined")
    p.set_defaults(handler=cmd_show)
    p = sub.add_parser("export", parents=[common],
                       help="write the journal to a file signed with the event key")
    p.add_argument("--out", type=Path, required=True, metavar="FILE",
                   help="the file to write (or a folder: named STAND-FIRST-LAST.posexport)")
    p.add_argument("--since", type=seq_number, default=0, metavar="SEQ",
                   help="only the entries after SEQ (default 0: all)")
    p.set_defaults(handler=cmd_export)


def seq_number(word: str) -> int:
    """A journal sequence number typed on the command line: 0 or more."""
    if not word.strip().isdigit():
        raise argparse.ArgumentTypeError(text("cli.export.not_an_entry_number", LANG,
                                              text=word))
    return int(word)


def cmd_key(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.domain.event_key import fingerprint, new_key, parse_key
    key = new_key()
    if args.qr is not None:
        write_qr(args.qr, key)
    print(key)  # the key itself: data, for copying
    say("cli.event.id", event=fingerprint(parse_key(key)))
    return 0


def write_qr(path: Path, content: str) -> None:
    """*content* as a QR code in a PNG file."""
    import segno  # only when a QR image is asked for

    try:
        segno.make(content, error="m").save(str(path), kind="png", scale=QR_SCALE, border=4)
    except OSError as exc:
        raise StorageError("cli.event.qr_not_written", path=str(path),
                           problem=exc.strerror or str(exc)) from None


def cmd_join(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import event
    handle = ctx.stand()
    approved = approval(ctx, args)  # the supervisor's PIN is read before a key on stdin
    result = event.join(handle.uow(), _key_text(args.key), replace=args.replace,
                        approval=approved)
    if not result.changed:
        say("cli.event.already_joined", stand=handle.code, event=result.event_id)
    elif result.replaced:
        say("cli.event.joined_instead", stand=handle.code, event=result.event_id,
            old=result.replaced)
    else:
        say("cli.event.joined", stand=handle.code, event=result.event_id)
    return 0


def _key_text(words: list[str]) -> str:
    if words:
        return " ".join(words)
    if sys.stdin.isatty():
        return getpass.getpass(text("cli.event.key_prompt", LANG))
    return sys.stdin.readline()


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import event
    handle = ctx.stand()
    event_id = event.event_id(handle.uow(write=False))
    if event_id is None:
        say("cli.event.not_joined", stand=handle.code)
    else:
        say("cli.event.joined", stand=handle.code, event=event_id)
    return 0


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services.export import export_journal
    handle = ctx.stand()
    result = export_journal(handle.uow(write=False), args.out, since=args.since)
    if result.count == 1:
        what = msg("cli.export.one_entry", first=result.first_seq)
    elif result.count:
        what = msg("cli.export.entries", n=result.count, first=result.first_seq,
                   last=result.last_seq)
    else:
        what = msg("cli.export.no_entries", since=args.since)
    say("cli.export.done", what=what, stand=result.stand, event=result.event_id,
        path=str(result.path))
    return 0
