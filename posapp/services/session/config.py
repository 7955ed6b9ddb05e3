"""The stand's settings and the event it belongs to."""

from __future__ import annotations

from posapp.services import event, settings
from posapp.services.event import JoinResult
from posapp.services.session.base import Desk
from posapp.services.settings import StandSettings


class SettingsDesk(Desk):
    def get(self) -> StandSettings:
        return settings.get(self.read())

    def save(self, edited: StandSettings) -> StandSettings:
        """Check and store *edited*; the settings as stored."""
        return settings.save(self.write(), edited)

    def event_id(self) -> str | None:
        """The event this stand joined (the key's fingerprint), None before it joined one."""
        return event.event_id(self.read())

    def join_event(self, key_text: str, *, replace: bool = False) -> JoinResult:
        """Join the event whose key the organizers handed out (typed or scanned)."""
        return event.join(self.write(), key_text, replace=replace)
