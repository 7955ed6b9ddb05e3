"""Docking a small widget in the bottom-left corner of a window's working area.

The customer display uses it when there is only one screen: the card stays in that corner
as the window is resized, is shown only while the window shows the page it belongs on, and
gives the keyboard focus back to where it was when it closes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget
from shiboken6 import Shiboken

#: The card takes this part of the working area's width and height...
CORNER_PART = 3
#: ... or, when its text needs more, up to this part of the height.
CORNER_MOST = 2
#: Between the card and the edges of the working area (px).
CORNER_MARGIN = 8


def corner_rect(area: QRect, needed_height: int) -> QRect:
    """The card's place: the bottom-left corner of *area*, a third of its width and a third
    of its height, taller when its text needs it (*needed_height*), up to half."""
    width = area.width() // CORNER_PART - CORNER_MARGIN
    height = min(max(area.height() // CORNER_PART, needed_height), area.height() // CORNER_MOST)
    return QRect(area.left() + CORNER_MARGIN, area.bottom() + 1 - CORNER_MARGIN - height,
                 width, height)


class CornerDock(QObject):
    """Keeps *card* in the corner of the window it is attached to; *needed_height(width)*
    is the height its content needs at that width."""

    def __init__(self, card: QWidget, needed_height: Callable[[int], int]) -> None:
        super().__init__(card)
        self.card = card
        self.needed_height = needed_height
        self.host: QWidget | None = None
        self._shown_when: Callable[[], bool] = lambda: True
        self._focus_before: QWidget | None = None

    @property
    def attached(self) -> bool:
        return self.host is not None

    def attach(self, host: QWidget, shown_when: Callable[[], bool] | None = None) -> None:
        """Put the card into *host* (a window); shown while *shown_when()* is true, checked
        again when the host's pages change."""
        self.detach()
        self.host, self._shown_when = host, shown_when or (lambda: True)
        self.card.setParent(host, Qt.WindowType.Widget)
        for watched in self._watched():
            watched.installEventFilter(self)
        area = self.area()
        if isinstance(area, QStackedWidget):  # log-in, opening cash, selling...
            area.currentChanged.connect(self.place)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def detach(self) -> None:
        """Stop following the host (the card stays where it is, for its owner to move)."""
        if self.host is None:
            return
        for watched in self._watched():
            watched.removeEventFilter(self)
        area = self.area()
        if isinstance(area, QStackedWidget):
            area.currentChanged.disconnect(self.place)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._focus_changed)
        self.host = None

    def area(self) -> QWidget | None:
        """The host's working area: its central widget (a main window), else itself."""
        host = self.host
        return host.centralWidget() if isinstance(host, QMainWindow) else host

    def _watched(self) -> list[QWidget]:
        return [w for w in (self.host, self.area()) if w is not None]

    def place(self) -> None:
        """Into the corner (after a resize, a page change, new content), shown or hidden."""
        area = self.area()
        if area is None:
            return
        rect = area.rect() if area is self.host else area.geometry()
        width = rect.width() // CORNER_PART - CORNER_MARGIN
        self.card.setGeometry(corner_rect(rect, self.needed_height(width)))
        self.card.setVisible(self._shown_when())
        self.card.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.Show):
            self.place()
        return super().eventFilter(watched, event)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is self.card:  # clicked: Esc may close it; then the focus goes back
            self._focus_before = old

    def give_focus_back(self) -> None:
        """The card had the focus and closes: back to the widget that had it before."""
        back, self._focus_before = self._focus_before, None
        if back is not None and Shiboken.isValid(back) and back.isVisible():
            back.setFocus(Qt.FocusReason.OtherFocusReason)
