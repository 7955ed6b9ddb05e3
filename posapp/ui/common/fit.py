"""Every window fits the screen it opens on (1024x600 up to 2560x1440 at 200 %).

- The stand and organizer windows open filling the screen's available geometry (maximized,
  and that geometry set too: without a window manager maximizing does nothing) and remember
  their geometry per screen (``fill_screen``); a remembered one is used only while it still
  fits that screen.
- A dialog's content sits in a scroll area above its action buttons (``scrolling_body``),
  so the buttons stay visible however small the screen; a dialog opens at the size it needs,
  capped to the screen's available geometry (``fit_dialog``).

Where the geometry is remembered: ``QSettings`` in INI format, user scope, ``posapp`` /
``windows`` (tests point ``QSettings.setPath`` at a temp folder).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

#: Platforms where no window manager frames a window (tests, screenshots).
FRAMELESS_PLATFORMS = ("offscreen", "minimal")


def window_settings() -> QSettings:
    """Where windows remember their geometry."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "posapp", "windows")


def screen_of(widget: QWidget) -> QScreen:
    """The screen *widget* is on (the primary one before it is shown anywhere)."""
    return widget.screen() or QGuiApplication.primaryScreen()


def screen_key(screen: QScreen) -> str:
    """A screen as remembered: its name and its size (a laptop's own screen at another
    resolution or scaling is another screen)."""
    size = screen.geometry().size()
    name = screen.name().replace("/", "_").replace("\\", "_") or "screen"
    return f"{name} {size.width()}x{size.height()}"


def frame_allowance(widget: QWidget) -> QSize:
    """What the window's frame adds around *widget*: the platform's margins once it has a
    window, else a title bar and borders as the style draws them (a guess before a window
    manager has framed it; none on the offscreen platform)."""
    handle = widget.windowHandle()
    if handle is not None:
        margins = handle.frameMargins()
        if not margins.isNull():
            return QSize(margins.left() + margins.right(), margins.top() + margins.bottom())
    if QGuiApplication.platformName() in FRAMELESS_PLATFORMS:
        return QSize(0, 0)
    style = widget.style() or QApplication.style()
    border = 2 * max(4, style.pixelMetric(QStyle.PixelMetric.PM_MdiSubWindowFrameWidth))
    return QSize(border, border + max(24, style.pixelMetric(
        QStyle.PixelMetric.PM_TitleBarHeight)))


#: Where a long path may wrap (a zero-width space: seen as nothing, copied as nothing much).
BREAK = "\u200b"


def breakable(path: object) -> str:
    """*path* as a wrapped label shows it: it may break after each folder, so that a long
    one wraps instead of widening its window past the screen."""
    text = str(path)
    return text.replace("/", "/" + BREAK).replace("\\", "\\" + BREAK)


# -- main windows ------------------------------------------------------------------------
class MainWindowFit(QObject):
    """Places a main window on its screen and remembers where the user left it."""

    def __init__(self, window: QMainWindow, name: str) -> None:
        super().__init__(window)
        self.window, self.name = window, name
        self.place()
        window.installEventFilter(self)

    def _key(self, screen: QScreen) -> str:
        return f"{self.name}/{screen_key(screen)}"

    def remembered(self, screen: QScreen) -> tuple[QRect, bool] | None:
        """The geometry (and whether maximized) kept for *screen*, if it still fits it."""
        value = window_settings().value(self._key(screen))
        try:
            x, y, w, h, maximized = (int(part) for part in str(value).split(","))
        except ValueError:
            return None
        rect = QRect(x, y, w, h)
        if w <= 0 or h <= 0 or not screen.availableGeometry().contains(rect):
            return None
        least = self.window.minimumSizeHint()
        if rect.width() < least.width() or rect.height() < least.height():
            return None  # the window needs more now (a longer language, say)
        return rect, bool(maximized)

    def place(self) -> None:
        """Fill the screen's available geometry, or take the geometry remembered for it."""
        screen = screen_of(self.window)
        kept = self.remembered(screen)
        if kept is None:
            self.window.setGeometry(screen.availableGeometry())
            self.window.setWindowState(self.window.windowState()
                                       | Qt.WindowState.WindowMaximized)
            return
        rect, maximized = kept
        self.window.setGeometry(rect)
        if maximized:
            self.window.setWindowState(self.window.windowState()
                                       | Qt.WindowState.WindowMaximized)

    def remember(self) -> None:
        """Keep the window's geometry for the screen it is on."""
        rect = self.window.normalGeometry() if self.window.isMaximized() \
            else self.window.geometry()
        if rect.isEmpty():
            rect = self.window.geometry()
        value = ",".join(str(n) for n in (rect.x(), rect.y(), rect.width(), rect.height(),
                                          int(self.window.isMaximized())))
        settings = window_settings()
        settings.setValue(self._key(screen_of(self.window)), value)
        settings.sync()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.remember()
        return False


def fill_screen(window: QMainWindow, name: str) -> MainWindowFit:
    """Open *window* (known as *name* in the remembered geometries) filling its screen."""
    return MainWindowFit(window, name)


# -- dialogs -----------------------------------------------------------------------------
class FitScrollArea(QScrollArea):
    """A scroll area that asks for its content's whole size (Qt's own stops at about
    36x24 characters), plus room for its vertical scroll bar: a dialog opens as big as it
    needs while the screen lets it, and scrolling down never needs scrolling sideways."""

    def sizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().sizeHint()
        frame = 2 * self.frameWidth()
        hint = content.sizeHint().expandedTo(content.minimumSizeHint())
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(hint.width() + frame + bar, hint.height() + frame)

    def minimumSizeHint(self) -> QSize:
        content = self.widget()
        base = super().minimumSizeHint()
        if content is None:
            return base
        # never narrower than the content: only the height scrolls
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(max(base.width(), content.minimumSizeHint().width() + bar
                         + 2 * self.frameWidth()), base.height())


def scroll_area(content: QWidget, parent: QWidget, name: str) -> FitScrollArea:
    """*content* in a frameless scroll area named *name* that scrolls it up and down."""
    scroll = FitScrollArea(parent)
    scroll.setObjectName(name)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields, never to it
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(content)
    return scroll


def scrolling_body(dialog: QDialog, *, margins: bool = True) -> tuple[QWidget, QHBoxLayout]:
    """Lay *dialog* out as a scrolling body over a row of action buttons; return the body
    (give it the dialog's layout) and the row (add the buttons, a stretch first to put them
    on the right). The dialog is fitted to its screen (``fit_dialog``)."""
    prefix = dialog.objectName() or "dialog"
    body = QWidget(dialog)
    body.setObjectName(f"{prefix}Body")
    footer = QHBoxLayout()
    outer = QVBoxLayout(dialog)
    if not margins:
        outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll_area(body, dialog, f"{prefix}Scroll"), 1)
    outer.addLayout(footer)
    fit_dialog(dialog)
    return body, footer


#: The share of the screen a list dialog (catalog, history, orders) takes at least: a list
#: wants the room, whatever its table's own size hint says.
ROOMY_SHARE = 0.9
#: Narrower than this (logical px), a list dialog takes the whole screen.
ROOMY_SMALL_WIDTH = 1280


class DialogFit(QObject):
    """Sizes a dialog when it is first shown: what it needs (a roomy one: at least
    ``ROOMY_SHARE`` of the screen), at most its screen."""

    def __init__(self, dialog: QDialog, *, roomy: bool = False,
                 share: float = ROOMY_SHARE) -> None:
        super().__init__(dialog)
        self.dialog, self.roomy, self.share = dialog, roomy, share
        self.fitted = False
        # after the event at hand (the frame known, the layout redone); timers of its own,
        # gone with the dialog
        self.frame_timer = QTimer(self, singleShot=True, interval=0)
        self.frame_timer.timeout.connect(self.inside_frame)
        self.grow_timer = QTimer(self, singleShot=True, interval=0)
        self.grow_timer.timeout.connect(self.grow)
        dialog.installEventFilter(self)

    def fit(self) -> None:
        dialog = self.dialog
        screen = screen_of(dialog.parentWidget() or dialog)
        room = screen.availableGeometry().size() - frame_allowance(dialog)
        layout = dialog.layout()
        need = dialog.sizeHint()
        if layout is not None:
            need = need.expandedTo(layout.totalSizeHint())
            if layout.hasHeightForWidth():
                width = min(need.width(), room.width())
                need.setHeight(max(need.height(), layout.totalHeightForWidth(width)))
        if self.roomy:  # the whole of a small screen, most of a large one
            share = 1.0 if room.width() < ROOMY_SMALL_WIDTH else self.share
            need = need.expandedTo(QSize(int(room.width() * share),
                                         int(room.height() * share)))
        dialog.setMaximumSize(room.expandedTo(QSize(1, 1)).expandedTo(
            dialog.minimumSize()))
        dialog.resize(need.expandedTo(dialog.minimumSizeHint()).boundedTo(room))

    def inside_frame(self) -> None:
        """Once shown (its frame known): shrink and move it so the frame is inside too."""
        dialog = self.dialog
        area = screen_of(dialog.parentWidget() or dialog).availableGeometry()
        frame = dialog.frameGeometry()
        if area.contains(frame):
            return
        extra = frame.size() - dialog.size()
        dialog.resize(dialog.size().boundedTo(area.size() - extra))
        frame = dialog.frameGeometry()
        x = min(max(frame.x(), area.x()), area.right() + 1 - frame.width())
        y = min(max(frame.y(), area.y()), area.bottom() + 1 - frame.height())
        dialog.move(x, y)

    def grow(self) -> None:
        """Content that grew while it is shown (a message appeared): the dialog grows as
        far as its screen lets it, so nothing is squeezed; it never shrinks by itself."""
        dialog, layout = self.dialog, self.dialog.layout()
        if layout is None or not dialog.isVisible():
            return
        need = layout.totalMinimumSize().height()
        if layout.hasHeightForWidth():
            need = max(need, layout.totalHeightForWidth(dialog.width()))
        if need > dialog.height():
            room = screen_of(dialog.parentWidget() or dialog).availableGeometry().size() \
                - frame_allowance(dialog)
            dialog.resize(dialog.width(), min(need, room.height()))
            self.inside_frame()  # shown: its frame is known

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.dialog:
            return False
        if event.type() == QEvent.Type.Show and not self.fitted:
            self.fitted = True
            self.fit()
            self.frame_timer.start()
        elif event.type() == QEvent.Type.LayoutRequest and self.fitted:
            self.grow_timer.start()
        return False


def fit_dialog(dialog: QDialog, *, roomy: bool = False,
               share: float = ROOMY_SHARE) -> DialogFit:
    """Open *dialog* at the size its content needs (*roomy*: at least *share* of a large
    screen, the whole of a small one, for a list), never past its screen's available
    geometry (its content should scroll: ``scrolling_body``)."""
    existing = dialog.findChild(DialogFit, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if existing is not None:
        if roomy:
            existing.roomy, existing.share = True, share
        return existing
    return DialogFit(dialog, roomy=roomy, share=share)
