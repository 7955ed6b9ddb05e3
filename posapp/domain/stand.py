"""A stand's own details, as every front end shows them (its name, province, event, zone)."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class StandInfo:
    code: str
    name: str
    province: str
    event_name: str
    timezone: str

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)
