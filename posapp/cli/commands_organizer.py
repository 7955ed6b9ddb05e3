"""``posapp organizer``: the organizers' window (Qt is loaded only by this command)."""

from __future__ import annotations

import argparse

from posapp.cli.context import Context
from posapp.domain.errors import PosError

CENTRAL_HELP = "the central store to open: an SQLite file, or a postgresql:// URL"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("organizer", parents=[common],
                       help="open the organizers' window: stand totals, charts, merging files")
    p.add_argument("--central", metavar="PATH_OR_URL", help=CENTRAL_HELP)
    p.add_argument("--exit-after", type=float, metavar="SECONDS",
                   help="close by itself after SECONDS (for smoke tests)")
    p.set_defaults(handler=cmd_organizer)


def cmd_organizer(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.ui.app import display_problem  # imports no Qt itself

    if display_problem():
        raise PosError("cli.no_display", command="posapp organizer")
    from posapp.ui.organizer.app import run_organizer  # loads Qt

    return run_organizer(args.central, lang=getattr(args, "lang", None),
                         exit_after_s=args.exit_after)
