"""Docking a small widget in the bottom-left corner of a window's working area.

The customer display uses it when there is only one screen: the card stays in that corner
as the window is resized, is shown only while the window shows the page it belongs on, and
gives the keyboard focus back to where it was when it closes. ``covers`` says how much of
the working area's height, from its bottom, the card takes (0 while hidden): the page under
it keeps that much free of anything to click.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
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

    #: The card's top, as the height from the working area's bottom (0: not shown).
    covers = Signal(int)

    def __init__(self, card: QWidget, needed_height: Callable[[int], int]) -> None:
        super().__init__(card)
        self.card = card
        self.needed_height = needed_height
        self.host: QWidget | None = None
        self._shown_when: Callable[[], bool] = lambda: True
        self._focus_before: QWidget | None = None
        self._covered = 0

    @property
    def attached(self) -> bool:
        return self.host is not None

    def attach(self, host: QWidget, shown_when: Callable[[], bool] | None = None) -> None:
        """Put the card into *host* (a window); shown while *shown_when()* is true, checked
        again when the host's pages change."""
        self.detach()
        self.host, self._shown_when = host, shown_when or (lambda: True)
        self.card.setParent(host, Qt.WindowType.Widget)
        self.card.setProperty("dockedCard", True)  # the fit probe checks what lies under it
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
        self.card.setProperty("dockedCard", False)
        self._say_covered(0)

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
        spot = corner_rect(rect, self.needed_height(width))
        self.card.setGeometry(spot)
        shown = self._shown_when()
        self.card.setVisible(shown)
        self.card.raise_()
        self._say_covered(rect.bottom() + 1 - spot.top() if shown else 0)

    def _say_covered(self, height: int) -> None:
        if height != self._covered:
            self._covered = height
            self.covers.emit(height)

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
