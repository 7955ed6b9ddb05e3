"""What the stand window hands its verbs (StandActions, OrderMenu): its widget, its stand,
its pages and helpers, and the few things to redo after a verb.

The window builds one ``StandParts`` and passes it down; the verbs never import the window,
so imports go one way: window -> actions -> order menu -> parts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from posapp.services.session.stand import StandSession
    from posapp.ui.common.i18n import Languages
    from posapp.ui.common.scanner import ScannerFilter
    from posapp.ui.stand.backup_controller import BackupController
    from posapp.ui.stand.payment_panel import PaymentPanel
    from posapp.ui.stand.print_controller import PrintController
    from posapp.ui.stand.selling_page import SellingPage
    from posapp.ui.stand.sync_controller import SyncController

#: How long a short outcome stays in the status bar.
STATUS_MESSAGE_MS = 10_000


@dataclass(frozen=True)
class StandParts:
    """One stand window's parts, as its verbs use them."""

    window: QMainWindow  # the dialogs' parent; its status bar says short outcomes
    session: StandSession
    selling: SellingPage
    payment: PaymentPanel  # a page beside the selling page
    printing: PrintController
    sync: SyncController
    backups: BackupController
    languages: Languages | None
    scanner: ScannerFilter | None
    #: True while the selling screen is shown (not the log-in or open-shift page).
    is_selling: Callable[[], bool]
    #: Log-in, open shift or selling, as the session now is.
    show_current_page: Callable[[], None]
    #: The status bar's count of orders to collect, read again.
    update_orders_status: Callable[[], None]
    #: The status bar's backup state, shown again.
    update_backup_status: Callable[[], None]

    def say(self, text: str) -> None:
        """A short outcome (a refusal after the fact) in the window's status bar."""
        self.window.statusBar().showMessage(text, STATUS_MESSAGE_MS)

    def lang(self) -> str:
        """The window's language ("id" or "en")."""
        return self.languages.current if self.languages is not None else "id"
