"""What happens to a shift, declared once: opened, cash put in or taken out, closed.

Each event has its name on the X and Z reports (a message id). The journal records them as
``shift.opened``, ``shift.cash`` (in or out by the amount's sign) and ``shift.closed``
(``posapp.domain.journal.EventKind``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from posapp.domain.messages import N_, Message, msg


class ShiftEvent(StrEnum):
    OPENED = "opened"
    CASH_IN = "cash_in"
    CASH_OUT = "cash_out"
    CLOSED = "closed"

    @classmethod
    def of_cash(cls, amount: int) -> ShiftEvent:
        """A cash movement of *amount*: put in above zero, taken out below."""
        return cls.CASH_IN if amount > 0 else cls.CASH_OUT

    @property
    def label(self) -> Message:
        """The event's name, to say in any language (``.text(lang)``)."""
        return msg(_INFO[self].label)


@dataclass(frozen=True, slots=True)
class ShiftEventInfo:
    event: ShiftEvent
    label: str  # the message id of its name ("Cash in")


#: The events of a shift, in the order they happen.
SHIFT_EVENTS: tuple[ShiftEventInfo, ...] = (
    ShiftEventInfo(ShiftEvent.OPENED, N_("shift_event.opened")),
    ShiftEventInfo(ShiftEvent.CASH_IN, N_("shift_event.cash_in")),
    ShiftEventInfo(ShiftEvent.CASH_OUT, N_("shift_event.cash_out")),
    ShiftEventInfo(ShiftEvent.CLOSED, N_("shift_event.closed")),
)
_INFO = {info.event: info for info in SHIFT_EVENTS}


def close_needs_supervisor(difference: int, limit: int) -> bool:
    """True when a shift counted *difference* rupiah off the expected cash (short or over)
    may close only with a supervisor's approval: the difference is above *limit*."""
    return abs(difference) > limit
