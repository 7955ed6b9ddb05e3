"""A failed sync or backup on the selling screen: a strip with the whole reason and a button
to try again, where the status bar has room only for "Sinkron gagal 14:05".

It goes when the next try succeeds; "Tutup" hides it until a try has succeeded again (the
status bar still says the failure meanwhile).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import QEvent, SignalInstance
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from posapp.ui.common.widgets import button, set_role

Kind = Literal["sync", "backup"]


class UpkeepBanner(QFrame):
    """The strip for one kind of upkeep; *failure* says the failure in full or "" (the
    controller's ``failure_text``), *retry* tries again; both are read on *changed*."""

    def __init__(self, kind: Kind, changed: SignalInstance, failure: Callable[[], str],
                 retry: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._failure, self._retry = failure, retry
        self._dismissed = False
        self.setObjectName(f"{kind}Banner")
        set_role(self, "warning")
        self.text = QLabel(self, objectName=f"{kind}BannerText", wordWrap=True)
        self.retry = button(f"{kind}RetryButton", self)
        set_role(self.retry, "secondary")
        self.retry.clicked.connect(lambda: self._retry())
        self.dismiss = button(f"{kind}DismissButton", self)
        set_role(self.dismiss, "secondary")
        self.dismiss.clicked.connect(self._hide_this_one)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.retry)
        row.addWidget(self.dismiss)
        changed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        if self.kind == "sync":
            self.retry.setText(self.tr("Sync now"))
            self.retry.setAccessibleName(self.tr("Sync now"))
        else:
            self.retry.setText(self.tr("Back up again"))
            self.retry.setAccessibleName(self.tr("Make a backup again"))
        self.dismiss.setText(self.tr("Close"))
        self.dismiss.setAccessibleName(self.tr("Close this notice"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self, *_: object) -> None:
        """Shown while the last try failed, unless closed since the last success."""
        text = self._failure()
        if not text:
            self._dismissed = False
        self.text.setText(text)
        self.setVisible(bool(text) and not self._dismissed)

    def _hide_this_one(self) -> None:
        self._dismissed = True
        self.setVisible(False)
