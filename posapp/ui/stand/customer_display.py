"""The customer display: what the buyer sees (the cart, total, change and QRIS code).

Longer than a screen: one widget in two places (a screen of its own, a card docked in the
stand window) with the payment it follows; the docking geometry is in corner_dock.py.

With a second screen it fills that screen. With one screen it is a small card docked in the
bottom-left corner of the stand window's working area, over the product tiles: never over
the menu, the status bar, the cart and its actions, nor over a dialog (a dialog is a window
of its own, always above it); it hides while the log-in or opening-cash card is shown, has
a close button, and Esc closes it once clicked (Ctrl+D from the stand window, always). A
window of its own on the same screen would cover the dialogs (maximized at 1024x600) and take
the scanner's keys when clicked; a dock beside the selling screen would squeeze the cart's
buttons at 1024 px. On one screen the payment panel itself is where the buyer scans, so
the card shows no second QRIS code, only its caption.

It only shows the session (``session.cart`` and ``session.last_sale``, which a void or a
refund of that sale clears); it never writes anything, and full-screen it never takes the
keyboard focus, so scans keep going to the stand window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QGuiApplication,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPixmap,
    QScreen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.cart import PricedLine
from posapp.domain.money import format_rupiah
from posapp.domain.tender import PaymentMethod
from posapp.services.session.stand import StandSession
from posapp.ui.common.i18n import current_language
from posapp.ui.common.photos import PhotoCache
from posapp.ui.common.qris_view import QR_SIZE, QrisView
from posapp.ui.common.widgets import big_label, button
from posapp.ui.stand.corner_dock import CornerDock
from posapp.ui.stand.keymap import key

#: Cart lines shown at most; older lines are summed up in one "more above" row.
MAX_LINES = 8
# Point sizes: full screen, and docked in a corner.
FONT_SIZES = {
    "customerStandLabel": (32, 12),
    "customerEventLabel": (20, 10),
    "customerWelcomeLabel": (40, 14),
    "customerTotalCaption": (24, 11),
    "customerTotalLabel": (64, 20),
    "customerDiscountLabel": (22, 10),
    "customerChangeLabel": (40, 14),
    "customerQrisCaption": (24, 11),
}
CART_POINTS = 22  # the cart's lines on a screen of its own
PHOTO_SIDE = 72  # a line's photo on a screen of its own (logical px, before scaling)
FULL_SCREEN_FLAGS = Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus


def pick_screen(screens: Sequence[QScreen], cashier: QScreen | None) -> QScreen | None:
    """The buyer's screen: the first that is not the *cashier*'s; None with only one screen."""
    if len(screens) < 2:
        return None
    return next((s for s in screens if s is not cashier), None)


class CustomerDisplay(QFrame):
    """The buyer's view; ``present(window)`` shows it (full screen on a second screen, else
    docked in the window's corner), ``refresh()`` redraws it."""

    def __init__(self, session: StandSession, parent: QWidget | None = None, *,
                 photos: PhotoCache | None = None) -> None:
        super().__init__(parent, FULL_SCREEN_FLAGS)
        self.session = session
        self.qris_amount: int | None = None
        # the product's photo beside its line (the selling page's cache: each read once)
        self.photos = photos if photos is not None else PhotoCache(session.products)
        self._scale = 1.0  # the big type's share on a short buyer's screen
        self._payment: QWidget | None = None  # the payment whose QRIS code is followed
        self._followed: Any = None  # its qris_changed signal
        self.setObjectName("customerDisplay")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)  # never keeps the app open
        self._build()
        for widget in (self, *self.findChildren(QWidget)):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.docked = False  # in a corner of the stand window (one screen)
        self.corner = CornerDock(self, self._needed_height)
        self._set_docked(False)
        self.retranslate()

    # -- building ----------------------------------------------------------------------
    def _build(self) -> None:
        self.stand_label = big_label("customerStandLabel", 32, self)
        self.event_label = big_label("customerEventLabel", 20, self, bold=False)
        self.welcome_label = big_label("customerWelcomeLabel", 40, self)
        self.welcome_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome_label.setWordWrap(True)
        self.cart_list = QListWidget(self)
        self.cart_list.setObjectName("customerCartList")
        font = QFont(self.cart_list.font())
        font.setPointSize(CART_POINTS)
        self.cart_list.setFont(font)
        self.cart_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.cart_list.setWordWrap(True)
        self.cart_list.setSpacing(6)
        self.cart_list.setResizeMode(QListWidget.ResizeMode.Adjust)  # re-wrap on resize
        self.cart_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        for policy in (
            self.cart_list.setVerticalScrollBarPolicy,
            self.cart_list.setHorizontalScrollBarPolicy,
        ):
            policy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.total_caption = big_label("customerTotalCaption", 24, self, bold=False)
        self.total_label = big_label("customerTotalLabel", 64, self)
        self.discount_label = big_label("customerDiscountLabel", 22, self, bold=False)
        self.change_label = big_label("customerChangeLabel", 40, self)
        self.change_label.setWordWrap(True)
        self.qris_caption = big_label("customerQrisCaption", 24, self)
        self.qris_caption.setWordWrap(True)
        self.qris_view = QrisView(None, self)
        self.qris_view.setObjectName("customerQrisView")
        self.close_button = button("customerCloseButton", self)
        self.close_button.setProperty("role", "secondary")
        self.close_button.clicked.connect(self.close)
        for label in (self.total_label, self.change_label, self.qris_caption):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._lay_out()

    def _lay_out(self) -> None:
        """The cart fills the middle (the QRIS code beside it), the total big below."""
        top = QHBoxLayout()
        top.addWidget(self.stand_label, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        qris = QVBoxLayout()
        qris.addWidget(self.qris_caption)
        qris.addWidget(self.qris_view, 0, Qt.AlignmentFlag.AlignRight)
        qris.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.welcome_label, 1)
        middle.addWidget(self.cart_list, 1)
        middle.addLayout(qris)
        total = QHBoxLayout()
        total.addStretch(1)
        total.addWidget(self.total_caption, 0, Qt.AlignmentFlag.AlignBottom)
        total.addWidget(self.total_label)
        self.box = QVBoxLayout(self)
        self.box.addLayout(top)
        self.box.addWidget(self.event_label)
        self.box.addLayout(middle, 1)
        self.box.addWidget(self.discount_label, 0, Qt.AlignmentFlag.AlignRight)
        self.box.addLayout(total)
        self.box.addWidget(self.change_label)

    def _set_docked(self, docked: bool) -> None:
        """Big type for a screen of its own; small type, a frame and a close button docked."""
        self.docked = docked
        for name, sizes in FONT_SIZES.items():
            label = self.findChild(QLabel, name)
            if label is not None:
                font = QFont(label.font())
                font.setPointSize(sizes[docked])
                label.setFont(font)
        margin = (12, 8) if docked else (32, 24)
        self.box.setContentsMargins(margin[0], margin[1], margin[0], margin[1])
        self.box.setSpacing(4 if docked else 6)
        self.setFrameShape(QFrame.Shape.StyledPanel if docked else QFrame.Shape.NoFrame)
        self.setAutoFillBackground(docked)  # the tiles under it do not show through
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus if docked else Qt.FocusPolicy.NoFocus)
        self.close_button.setVisible(docked)

    # -- text --------------------------------------------------------------------------
    def retranslate(self) -> None:
        info = self.session.info
        self.setWindowTitle(self.tr("Customer display: {stand}").format(stand=info.name))
        self.stand_label.setText(info.name)
        self.event_label.setText(info.event_name)
        self.welcome_label.setText(self.tr("Welcome to {stand}").format(stand=info.name))
        self.total_caption.setText(self.tr("Total"))
        self.qris_caption.setText(self.tr("Scan to pay with QRIS"))
        self.close_button.setText(self.tr("Close (Esc)"))
        for widget, name in (
            (self.stand_label, self.tr("Stand")),
            (self.event_label, self.tr("Event")),
            (self.welcome_label, self.tr("Welcome")),
            (self.cart_list, self.tr("Your purchase")),
            (self.total_label, self.tr("Total")),
            (self.discount_label, self.tr("Discount")),
            (self.change_label, self.tr("Change")),
            (self.qris_caption, PaymentMethod.QRIS.label.text(current_language())),
            (self.close_button, self.tr("Close the customer display")),
        ):
            widget.setAccessibleName(name)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _line_text(self, priced: PricedLine) -> str:
        line = priced.line
        return self.tr("{name}\n{quantity} x {price} = {total}").format(
            name=line.product.name,
            quantity=line.quantity,
            price=format_rupiah(line.unit_price),
            total=format_rupiah(priced.subtotal),
        )

    # -- showing -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Redraw from the session: the cart, else the last sale's change (a sale voided or
        refunded since is no last sale), else the welcome."""
        totals = self.session.cart.totals()
        sale = self.session.last_sale if self.session.cart.is_empty else None
        idle = self.session.cart.is_empty and sale is None
        self.cart_list.clear()
        hidden = len(totals.lines) - MAX_LINES
        if hidden > 0:
            self.cart_list.addItem(self.tr("… {count} more items above").format(count=hidden))
        side = 0 if self.docked else round(PHOTO_SIDE * self._scale)  # docked: text only
        self.cart_list.setIconSize(QSize(side, side))
        shown = totals.lines[max(hidden, 0) :]
        photos = [self.photos.pixmap(p.line.product.sku, side) if side else None for p in shown]
        blank = QPixmap(side, side) if any(photos) else None  # names stay in one column
        if blank is not None:
            blank.fill(Qt.GlobalColor.transparent)
        for priced, photo in zip(shown, photos, strict=True):
            item = QListWidgetItem(self._line_text(priced))
            picture = photo if photo is not None else blank
            if picture is not None:
                item.setIcon(QIcon(picture))
            self.cart_list.addItem(item)
        self.total_label.setText(format_rupiah(sale.total if sale else totals.total))
        self.discount_label.setText(
            self.tr("Discount {amount}").format(amount=format_rupiah(-totals.discount))
        )
        if sale is not None:
            thanks = self.tr("Thank you!")
            change = self.tr("Change {amount}").format(amount=format_rupiah(sale.change))
            self.change_label.setText(f"{change}\n{thanks}" if sale.change else thanks)
        self.welcome_label.setVisible(idle)
        self.event_label.setVisible(not self.docked)
        self.cart_list.setVisible(not self.session.cart.is_empty and not self.docked)
        for widget in (self.total_caption, self.total_label):
            widget.setVisible(not idle)
        self.discount_label.setVisible(totals.discount > 0)
        self.change_label.setVisible(sale is not None)
        self._show_qris_view()
        self._place()

    def show_qris(self, amount: int | None) -> None:
        """Show the QRIS code for *amount* (whole rupiah); None or 0 hides it."""
        self.qris_amount = amount or None
        self._show_qris_view()
        self._place()

    def _show_qris_view(self) -> None:
        shown = self.qris_amount is not None and not self.session.cart.is_empty
        if shown:
            self.qris_view.set_amount(self.qris_amount or 0)
        self.qris_view.setVisible(shown and not self.docked)  # docked: the panel's code
        self.qris_caption.setVisible(shown)

    # -- where it is shown -------------------------------------------------------------
    @property
    def presented(self) -> bool:
        """Shown full screen, or docked (also while hidden behind the log-in card)."""
        return self.docked or self.isVisible()

    def present(self, window: QWidget, *, shown_when: Callable[[], bool] | None = None) -> None:
        """Full screen on a screen other than *window*'s, else docked in *window*'s corner
        (shown while *shown_when* says so: the selling screen)."""
        screen = pick_screen(QGuiApplication.screens(), window.screen())
        if screen is None:
            self.dock(window, shown_when=shown_when)
        else:
            self.show_full_screen(screen)

    def show_full_screen(self, screen: QScreen) -> None:
        """Fill *screen* (the buyer's): a window of its own that never takes the focus."""
        self.corner.detach()
        self.setParent(None, FULL_SCREEN_FLAGS)
        self._set_docked(False)
        self.refresh()
        self._scale_to(screen)
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    def _scale_to(self, screen: QScreen) -> None:
        """The big type and the QRIS code in proportion to a screen shorter than 900 px
        (a small buyer's monitor): the whole display stays on it."""
        factor = min(1.0, max(0.55, screen.availableGeometry().height() / 900))
        self._scale = factor
        for name, sizes in FONT_SIZES.items():
            label = self.findChild(QLabel, name)
            if label is not None:
                font = QFont(label.font())
                font.setPointSizeF(sizes[False] * factor)
                label.setFont(font)
        font = QFont(self.cart_list.font())
        font.setPointSizeF(CART_POINTS * factor)
        self.cart_list.setFont(font)
        self.qris_view.side = round(QR_SIZE * factor)
        self.qris_view.set_amount(self.qris_view.amount)

    def dock(self, window: QWidget, *, shown_when: Callable[[], bool] | None = None) -> None:
        """A small card in the bottom-left corner of *window*'s working area."""
        self.corner.attach(window, shown_when)
        self.setMinimumSize(0, 0)  # as a window its layout set one: the whole screen's
        self.qris_view.side = QR_SIZE
        self._set_docked(True)
        self.refresh()

    def _place(self) -> None:
        if self.docked:
            self.corner.place()

    def _needed_height(self, width: int) -> int:
        box = self.box
        return box.totalHeightForWidth(width) if box.hasHeightForWidth() \
            else box.totalSizeHint().height()

    # -- closing -----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        pressed = QKeySequence(event.keyCombination())
        if pressed.matches(QKeySequence(key("closeCustomerDisplay"))) \
                == QKeySequence.SequenceMatch.ExactMatch:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        had_focus = self.hasFocus()
        self.corner.detach()
        self.docked = False
        super().closeEvent(event)
        if had_focus:
            self.corner.give_focus_back()

    # -- following the payment -------------------------------------------------------
    def follow_payment(self, payment: QWidget) -> None:
        """Show the payment's QRIS code (same amount, same payload) while QRIS is chosen.

        *payment* is the stand window's payment panel or an order's payment dialog: both say
        their code's amount (``qris_changed``, None when no code is shown, also once they
        close) and the stand's code (``qris_payload``). One payment is followed at a time.
        """
        changed = getattr(payment, "qris_changed", None)
        if changed is None:
            return
        from posapp.ui.common.qr_image import qris_image_maker

        self.qris_view.make_image = qris_image_maker(getattr(payment, "qris_payload", ""))
        if self._payment is not payment:
            if self._followed is not None:
                with suppress(RuntimeError, TypeError):  # gone already
                    self._followed.disconnect(self.show_qris)
            self._payment, self._followed = payment, changed
            changed.connect(self.show_qris)
        self.show_qris(getattr(payment, "qris_amount", None))
