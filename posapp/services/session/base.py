"""What every desk of a stand session shares: the stand's database and who is logged in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from posapp.bootstrap import StandHandle
from posapp.services.users import Actor
from posapp.store.uow import UnitOfWork

#: Slow work reports (done, total) through this; the window shows it as progress.
Progress = Callable[[int, int], None]


@dataclass
class Desk:
    """A group of use cases on one stand: each method is one transaction (or one read)."""

    handle: StandHandle
    #: The logged-in cashier; raises NotAllowed when nobody is logged in.
    cashier: Callable[[], Actor]

    def read(self) -> UnitOfWork:
        return self.handle.uow(write=False)

    def write(self) -> UnitOfWork:
        return self.handle.uow()

    def now(self) -> datetime:
        """The stand's clock (naive UTC, as stored)."""
        return self.handle.clock()
