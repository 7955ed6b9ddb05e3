"""``--supervisor NAME`` on every command the stand's policy may ask a supervisor for
(``posapp.domain.policy``), and the order PINs are read in.

PINs come from the hidden prompt or, with ``--pin-stdin``, one per line, always in this
order: the acting cashier's (``--cashier``), then the approving supervisor's
(``--supervisor``), then a new PIN being set (``cashier add``, ``cashier pin``). The service
checks the supervisor's name and PIN; the command only reads them.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from posapp.cli.context import Context

if TYPE_CHECKING:
    from posapp.services.users import Actor, Approval


def add_supervisor(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    parser.add_argument("--supervisor", metavar="NAME", required=required,
                        help="the supervisor who approves (their PIN is asked next)")


def approval(ctx: Context, args: argparse.Namespace) -> Approval | None:
    """The supervisor named by ``--supervisor`` and the PIN read for them, or None."""
    from posapp.services.users import Approval
    name = getattr(args, "supervisor", None)
    if not name:
        return None
    return Approval(name, ctx.pins.read(name))


def add_acting_cashier(parser: argparse.ArgumentParser) -> None:
    """``--cashier NAME`` on a command a supervisor approves for someone (void, refund, order
    cancel): who asks, recorded in the journal; without it the supervisor acts alone."""
    parser.add_argument("--cashier", metavar="NAME",
                        help="who asks (their PIN is asked first); default: the supervisor")


def acting(ctx: Context, args: argparse.Namespace) -> Actor | None:
    """The cashier named by ``--cashier``, logged in with the PIN read for them (read before
    the supervisor's), or None when the supervisor acts alone."""
    from posapp.services import users
    name = getattr(args, "cashier", None)
    if not name:
        return None
    return users.login(ctx.stand().uow(write=False), name, ctx.pins.read(name))
