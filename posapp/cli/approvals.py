"""``--supervisor NAME`` on every command the stand's policy may ask a supervisor for
(``posapp.domain.policy``), and the order PINs are read in.

PINs come from the hidden prompt or, with ``--pin-stdin``, one per line, always in this
order: the acting cashier's (``--cashier``), then the approving supervisor's
(``--supervisor``), then a new PIN being set (``cashier add``, ``cashier pin``). The service
checks the supervisor's name and PIN; the command only reads them.
"""

from __future__ import annotations

import argparse

from posapp.cli.context import Context
from posapp.services.users import Approval


def add_supervisor(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    parser.add_argument("--supervisor", metavar="NAME", required=required,
                        help="the supervisor who approves (their PIN is asked next)")


def approval(ctx: Context, args: argparse.Namespace) -> Approval | None:
    """The supervisor named by ``--supervisor`` and the PIN read for them, or None."""
    name = getattr(args, "supervisor", None)
    if not name:
        return None
    return Approval(name, ctx.pins.read(name))
