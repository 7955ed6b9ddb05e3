"""Net sales broken down by one dimension, filtered by day and stand: what the organizer
window's charts and the event reports show. Every breakdown of the same filter adds up to
the same net; a refund counts on the day it was given, as in the stands' Z reports."""

from __future__ import annotations

from posapp.domain.errors import InvalidInput
from posapp.domain.event_report import BREAKDOWNS, Slice
from posapp.sync import central_queries as q
from posapp.sync.central_store import Central

__all__ = ["DIMENSIONS", "Slice", "breakdown", "days"]

#: What net sales can be broken down by.
DIMENSIONS = BREAKDOWNS


def breakdown(central: Central, dimension: str, *, day: str | None = None,
              stand: str | None = None) -> list[Slice]:
    """The slices of *dimension*, largest net first."""
    check_dimension(dimension)
    with central.reading() as conn:
        slices = q.breakdown(conn, dimension, day=day, stand=stand)
    return largest_first(slices)


def check_dimension(dimension: str) -> None:
    if dimension not in DIMENSIONS:
        raise InvalidInput("report.unknown_breakdown", dimension=dimension,
                           dimensions=list(DIMENSIONS))


def largest_first(slices: list[Slice]) -> list[Slice]:
    return sorted(slices, key=lambda s: (-s.net, s.key))


def days(central: Central) -> list[str]:
    """Every day with a sale or a refund, in order."""
    with central.reading() as conn:
        return q.days(conn)
