"""The big stand the benchmarks run on: a real stand database made through posapp's services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from posapp.bootstrap import DataDir, StandHandle, open_stand
from posapp.services import stand, users
from posapp.services.users import Actor
from posapp.store.uow import utc_now

STAND_CODE = "JATIM"
CASHIER, CASHIER_PIN = "Ani", "1234"
SUPERVISOR, SUPERVISOR_PIN = "Budi", "999999"
OPENING_FLOAT = 500_000
#: How long before "now" the big shift opened; the past sales are spread over this time.
SHIFT_SPAN = timedelta(hours=10)


class SettableClock:
    """A clock that reads a fixed time while the past is being written, then the real one."""

    def __init__(self, at: datetime | None = None) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at if self.at is not None else utc_now()


@dataclass
class BigStand:
    handle: StandHandle
    clock: SettableClock
    cashier: Actor
    supervisor: Actor

    def close(self) -> None:
        self.handle.close()


def create_stand(root: Path) -> BigStand:
    """A fresh stand JATIM in *root*, with a cashier and a supervisor; no catalog yet."""
    clock = SettableClock(utc_now() - SHIFT_SPAN - timedelta(minutes=5))
    handle = open_stand(DataDir(root), STAND_CODE, create=True, clock=clock)
    stand.set_up(handle.uow(), code=STAND_CODE, name="Stand Jawa Timur", province="Jawa Timur",
                 event_name="Pameran HANI")
    cashier = users.add_user(handle.uow(), CASHIER, users.Role.CASHIER, CASHIER_PIN)
    boss = users.add_user(handle.uow(), SUPERVISOR, users.Role.SUPERVISOR, SUPERVISOR_PIN)
    return BigStand(handle, clock, cashier, boss)
