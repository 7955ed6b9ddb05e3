"""The stand's settings and the event it belongs to."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from posapp.domain.errors import NotAllowed
from posapp.services import event, settings
from posapp.services.event import JoinResult
from posapp.services.session.base import Desk
from posapp.services.settings import StandSettings
from posapp.services.users import Actor, Approval


class SettingsDesk(Desk):
    def get(self) -> StandSettings:
        return settings.get(self.read())

    def save(self, edited: StandSettings, *,
             approval: Approval | None = None) -> StandSettings:
        """Check and store *edited*; the settings as stored. A cashier changing more than
        their own settings (language, scanner, display) needs a supervisor's *approval*."""
        return settings.save(self.write(), edited, actor=self._who(), approval=approval)

    def _who(self) -> Actor | None:
        """Who is logged in, or None (the settings may be opened before anyone logs in)."""
        try:
            return self.cashier()
        except NotAllowed:
            return None

    def pdf_folder(self) -> Path:
        """Where receipts go as PDF files when the stand sells without a printer: the data
        folder's ``receipts/<stand>``."""
        return self.handle.path.parent.parent / "receipts" / self.handle.code

    def needs_printer_choice(self) -> bool:
        """No printer set, and the stand was not asked yet whether to sell without one."""
        return settings.needs_printer_choice(self.get())

    def sell_without_printer(self) -> StandSettings:
        """Receipts go as PDF files to ``pdf_folder()``; the question is not asked again."""
        return self.save(settings.without_printer(self.get(), self.pdf_folder()))

    def printer_choice_made(self) -> StandSettings:
        """The stand chose to set a printer up: the question is not asked again."""
        return self.save(replace(self.get(), printer_asked=True))

    def event_id(self) -> str | None:
        """The event this stand joined (the key's fingerprint), None before it joined one."""
        return event.event_id(self.read())

    def join_event(self, key_text: str, *, replace: bool = False,
                   approval: Approval | None = None) -> JoinResult:
        """Join the event whose key the organizers handed out (typed or scanned); a cashier
        needs a supervisor's *approval*."""
        return event.join(self.write(), key_text, replace=replace, actor=self._who(),
                          approval=approval)
