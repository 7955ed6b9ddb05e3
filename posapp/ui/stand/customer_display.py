"""The customer display: a second window facing the buyer with the cart, total, change and QRIS.

It only shows the session (``session.cart`` and ``session.last_sale``); it never writes anything and
never takes the keyboard focus, so scans keep going to the stand window.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.cart import PricedLine
from posapp.domain.money import format_rupiah
from posapp.domain.tender import PaymentMethod
from posapp.services.session.stand import StandSession
from posapp.ui.common.i18n import current_language
from posapp.ui.common.qris_view import QrisView
from posapp.ui.common.widgets import big_label

#: Cart lines shown at most; older lines are summed up in one "more above" row.
MAX_LINES = 8
#: The window's size when there is no second screen to fill.
WINDOWED_SIZE = (1280, 720)


def pick_screen(screens: Sequence[QScreen], cashier: QScreen | None) -> QScreen | None:
    """The buyer's screen: the first that is not the *cashier*'s; None with only one screen."""
    if len(screens) < 2:
        return None
    return next((s for s in screens if s is not cashier), None)


class CustomerDisplay(QWidget):
    """A top-level window for a screen facing the buyer; ``refresh()`` redraws it."""

    def __init__(self, session: StandSession, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.session = session
        self.qris_amount: int | None = None
        self._payment: tuple[QDialog, QAbstractButton, QrisView] | None = None
        self.setObjectName("customerDisplay")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)  # never keeps the app open
        self._build()
        for widget in (self, *self.findChildren(QWidget)):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
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
        font.setPointSize(22)
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
        self.change_label.setStyleSheet("color: #1b5e20;")
        self.qris_caption = big_label("customerQrisCaption", 24, self)
        self.qris_view = QrisView(None, self)
        self.qris_view.setObjectName("customerQrisView")
        for label in (self.total_label, self.change_label, self.qris_caption):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._lay_out()

    def _lay_out(self) -> None:
        """The cart fills the middle (the QRIS code beside it), the total big below."""
        qris = QVBoxLayout()
        qris.addWidget(self.qris_caption)
        qris.addWidget(self.qris_view, 0, Qt.AlignmentFlag.AlignRight)
        qris.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.welcome_label, 1)
        middle.addWidget(self.cart_list, 1)
        middle.addLayout(qris)
        total = QHBoxLayout()
        total.addWidget(self.discount_label, 0, Qt.AlignmentFlag.AlignBottom)
        total.addStretch(1)
        total.addWidget(self.total_caption, 0, Qt.AlignmentFlag.AlignBottom)
        total.addWidget(self.total_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.stand_label)
        layout.addWidget(self.event_label)
        layout.addLayout(middle, 1)
        layout.addLayout(total)
        layout.addWidget(self.change_label)

    # -- text --------------------------------------------------------------------------
    def retranslate(self) -> None:
        info = self.session.info
        self.setWindowTitle(self.tr("Customer display: {stand}").format(stand=info.name))
        self.stand_label.setText(info.name)
        self.event_label.setText(info.event_name)
        self.welcome_label.setText(self.tr("Welcome to {stand}").format(stand=info.name))
        self.total_caption.setText(self.tr("Total"))
        self.qris_caption.setText(self.tr("Scan to pay with QRIS"))
        for widget, name in (
            (self.stand_label, self.tr("Stand")),
            (self.event_label, self.tr("Event")),
            (self.welcome_label, self.tr("Welcome")),
            (self.cart_list, self.tr("Your purchase")),
            (self.total_label, self.tr("Total")),
            (self.discount_label, self.tr("Discount")),
            (self.change_label, self.tr("Change")),
            (self.qris_caption, PaymentMethod.QRIS.label.text(current_language())),
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
        """Redraw from the session: the cart, else the last sale's change, else the welcome."""
        totals = self.session.cart.totals()
        sale = self.session.last_sale if self.session.cart.is_empty else None
        idle = self.session.cart.is_empty and sale is None
        self.cart_list.clear()
        hidden = len(totals.lines) - MAX_LINES
        if hidden > 0:
            self.cart_list.addItem(self.tr("… {count} more items above").format(count=hidden))
        for priced in totals.lines[max(hidden, 0) :]:
            self.cart_list.addItem(self._line_text(priced))
        self.total_label.setText(format_rupiah(sale.total if sale else totals.total))
        self.discount_label.setText(
            self.tr("Discount {amount}").format(amount=format_rupiah(-totals.discount))
        )
        if sale is not None:
            thanks = self.tr("Thank you!")
            change = self.tr("Change {amount}").format(amount=format_rupiah(sale.change))
            self.change_label.setText(f"{change}\n{thanks}" if sale.change else thanks)
        self.welcome_label.setVisible(idle)
        self.cart_list.setVisible(not self.session.cart.is_empty)
        for widget in (self.total_caption, self.total_label):
            widget.setVisible(not idle)
        self.discount_label.setVisible(totals.discount > 0)
        self.change_label.setVisible(sale is not None)
        self._show_qris_view()

    def show_qris(self, amount: int | None) -> None:
        """Show the QRIS code for *amount* (whole rupiah); None or 0 hides it."""
        self.qris_amount = amount or None
        self._show_qris_view()

    def _show_qris_view(self) -> None:
        shown = self.qris_amount is not None and not self.session.cart.is_empty
        if shown:
            self.qris_view.set_amount(self.qris_amount or 0)
        self.qris_view.setVisible(shown)
        self.qris_caption.setVisible(shown)

    def present(self, cashier_screen: QScreen | None = None) -> None:
        """Show full-screen on a screen other than the cashier's, else as a normal window."""
        screen = pick_screen(
            QGuiApplication.screens(), cashier_screen or QGuiApplication.primaryScreen()
        )
        if screen is None:
            self.resize(*WINDOWED_SIZE)
            self.show()
            return
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    # -- following the payment dialog --------------------------------------------------
    def follow_payment(self, dialog: QWidget) -> None:
        """Show the payment's QRIS code (same amount, same payload) while QRIS is chosen.

        The stand window's payment panel says its code's amount (``qris_changed``) and its
        stand code (``qris_payload``); an order's payment dialog is read by objectName: the
        ``methodQris`` button, ``cashReceivedInput`` and ``qrisView``.
        """
        if isinstance(dialog, QWidget) and hasattr(dialog, "qris_changed"):
            from posapp.ui.common.qr_image import qris_image_maker

            self.qris_view.make_image = qris_image_maker(getattr(dialog, "qris_payload", ""))
            if getattr(self, "_panel", None) is not dialog:  # connected once per panel
                self._panel = dialog
                dialog.qris_changed.connect(self._follow_payment)
            self._follow_payment(getattr(dialog, "qris_amount", None))
            return
        button = dialog.findChild(QAbstractButton, "methodQris")
        amount_input = dialog.findChild(QLineEdit, "cashReceivedInput")
        view = dialog.findChild(QrisView, "qrisView")
        if not isinstance(dialog, QDialog) or button is None or amount_input is None \
                or view is None:
            return
        self._payment = (dialog, button, view)
        self.qris_view.make_image = view.make_image
        # The dialog redraws its code after the toggle: read it once that is done.
        button.toggled.connect(self._payment_method_toggled)
        amount_input.textChanged.connect(self._follow_payment)  # after the dialog's own slot
        dialog.finished.connect(self._payment_finished)

    def _payment_method_toggled(self, _checked: bool) -> None:
        QTimer.singleShot(0, self, self._follow_payment)

    def _follow_payment(self, panel_amount: object = "") -> None:
        """The payment's code now: *panel_amount* from the payment panel (an int or None),
        else read from the order's payment dialog."""
        if panel_amount is None or isinstance(panel_amount, int):
            self.show_qris(panel_amount)
            return
        if self._payment is None:
            return
        dialog, button, view = self._payment
        paying_by_qris = dialog.isVisible() and button.isChecked()
        self.show_qris(view.amount if paying_by_qris else None)

    def _payment_finished(self) -> None:
        self._payment = None
        self.show_qris(None)
