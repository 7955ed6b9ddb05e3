"""posapp's look: the stylesheet, a palette and a font made from the same tokens, and icons
on the main actions, for the stand window and the organizer window alike.

``apply_look(app)`` once after the QApplication is made; ``apply_icons(window)`` once a
window is built. Buttons and fields that appear later (a dialog opened at the till) get
their icons when Qt polishes them, through the look's style. Which widget gets which icon
is the one table ``ICON_FOR`` below (objectName -> a Lucide icon in resources/icons/lucide).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QDir, QIODevice, QSize
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontDatabase,
    QIcon,
    QImageReader,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLineEdit,
    QProxyStyle,
    QStyleFactory,
    QWidget,
)

from posapp.resources import resource
from posapp.ui.common.look_tokens import COLOURS, FONT_FAMILIES, TYPE, stylesheet

#: objectName -> icon. Stand window: its menu's actions, the selling screen, log-in,
#: payment, history, closing the shift, print jobs, catalog, orders, settings. Organizer
#: window: its buttons and its menu's actions. Main actions only: a Close or Cancel button
#: stays words alone.
ICON_FOR = {
    # the stand window's menu
    "payAction": "wallet",
    "historyAction": "history",
    "ordersAction": "clipboard-list",
    "newOrderAction": "clipboard-plus",
    "closeShiftAction": "lock",
    "catalogAction": "package",
    "settingsAction": "settings",
    "languageAction": "languages",
    "customerDisplayAction": "monitor",
    "printAgainAction": "rotate-ccw",
    "printJobsAction": "printer",
    "printXReportAction": "file-text",
    "syncNowAction": "refresh-cw",
    "logoutAction": "log-out",
    # log-in and the selling screen
    "loginButton": "log-in",
    "openShiftButton": "lock-open",
    "searchInput": "search",
    "scanInput": "scan-barcode",
    "payButton": "wallet",
    "qtyEditButton": "hash",
    "removeLineButton": "trash-2",
    "lineDiscountButton": "percent",
    "cartDiscountButton": "badge-percent",
    "customItemButton": "tag",
    "orderInsteadButton": "clipboard-plus",
    # payment
    "methodCash": "banknote",
    "methodQris": "qr-code",
    "methodCard": "credit-card",
    "methodTransfer": "landmark",
    "addPaymentButton": "plus",
    "removePaymentButton": "x",
    "confirmPaymentButton": "check",
    "cancelPaymentButton": "arrow-left",
    # history, closing the shift, print jobs, a supervisor's PIN
    "voidButton": "ban",
    "refundButton": "undo-2",
    "reprintButton": "printer",
    "confirmCloseButton": "lock",
    "printZReportButton": "printer",
    "printAllAgainButton": "rotate-ccw",
    "pinConfirmButton": "check",
    # catalog, orders, settings
    "newProductButton": "plus",
    "saveProductButton": "save",
    "adjustStockButton": "package-check",
    "importCatalogButton": "folder-open",
    "newOrderButton": "clipboard-plus",
    "saveOrderButton": "save",
    "payOrderButton": "wallet",
    "depositButton": "hand-coins",
    "readyButton": "check",
    "handOverButton": "package-check",
    "cancelOrderButton": "ban",
    "printSlipButton": "printer",
    "saveSettingsButton": "save",
    # the organizer window
    "openFileButton": "folder-open",
    "openFileAction": "folder-open",
    "newFileButton": "file-plus",
    "newFileAction": "file-plus",
    "openUrlButton": "server",
    "openUrlAction": "server",
    "refreshButton": "refresh-cw",
    "refreshAction": "refresh-cw",
    "openLastButton": "folder",
    "mergeAction": "merge",
    "mergeFilesButton": "merge",
    "pdfReportButton": "file-text",
    "pdfReportAction": "file-text",
    "xlsxReportButton": "sheet",
    "xlsxReportAction": "sheet",
    "ordersExportButton": "clipboard-list",
    "ordersExportAction": "clipboard-list",
}

#: The icon's colour on a button of each role (None: a button without a role).
ICON_COLOUR = {
    None: COLOURS["ink_muted"],
    "primary": COLOURS["on_primary"],
    "secondary": COLOURS["primary_ink"],
    "danger": COLOURS["danger"],
}
#: The property on a widget that holds the icon the look gave it ("name colour size"), so
#: a role changed later recolours it and an icon someone else set is left alone.
GIVEN = "lookIcon"
#: A menu's or a text field's icon size (pixels, before the screen's scaling).
SMALL = 16


def icons_dir() -> Path:
    return resource("icons/lucide")


def icon(name: str, colour: str = ICON_COLOUR[None], size: int = 24, scale: float = 1.0, *,
         disabled: bool = True) -> QIcon:
    """The Lucide icon *name* drawn in *colour* at *size* pixels for a screen scaled by
    *scale* (and in the disabled colour for a disabled widget, unless *disabled* is false:
    Qt greys the normal one then); a null QIcon when there is no such icon.

    Drawn once at the one size the widget shows it at (a few SVG renders at start rather
    than a dozen per icon): about a millisecond each."""
    path = icons_dir() / f"{name}.svg"
    if not path.is_file():
        return QIcon()
    svg = path.read_bytes()
    modes = [(QIcon.Mode.Normal, colour)]
    if disabled:
        modes.append((QIcon.Mode.Disabled, COLOURS["ink_disabled"]))
    result = QIcon()
    for mode, ink in modes:
        pixmap = _render(svg.replace(b"currentColor", ink.encode("ascii")),
                         max(1, round(size * scale)))
        if pixmap.isNull():
            return QIcon()
        pixmap.setDevicePixelRatio(scale)
        result.addPixmap(pixmap, mode)
    return result


def _render(svg: bytes, pixels: int) -> QPixmap:
    buffer = QBuffer()
    buffer.setData(QByteArray(svg))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(b"svg"))
    reader.setScaledSize(QSize(pixels, pixels))
    return QPixmap.fromImage(reader.read())


def dress(widget: QWidget) -> None:
    """Give *widget* its icon from ``ICON_FOR`` in its role's colour at its icon size (a
    button), or a leading icon (a text field); an icon someone else set, or a widget with a
    stylesheet of its own, is left alone."""
    name = ICON_FOR.get(widget.objectName())
    if name is None or widget.styleSheet():
        return  # a widget with colours of its own: an icon in the look's could clash
    scale = widget.devicePixelRatioF()
    if isinstance(widget, QAbstractButton):
        role = widget.property("role")
        colour = ICON_COLOUR.get(role if isinstance(role, str) else None, ICON_COLOUR[None])
        size = widget.iconSize().height()
        given = f"{name} {colour} {size}"
        previous = widget.property(GIVEN)
        if previous == given or (previous is None and not widget.icon().isNull()):
            return
        widget.setIcon(icon(name, colour, size, scale))
        widget.setProperty(GIVEN, given)
    elif isinstance(widget, QLineEdit) and widget.property(GIVEN) is None:
        widget.addAction(icon(name, size=SMALL, scale=scale, disabled=False),
                         QLineEdit.ActionPosition.LeadingPosition)
        widget.setProperty(GIVEN, name)


def apply_icons(window: QWidget) -> None:
    """Icons on *window*'s mapped actions (its menu) and on its mapped buttons and fields."""
    scale = window.devicePixelRatioF()
    for action in window.findChildren(QAction):
        name = ICON_FOR.get(action.objectName())
        if name is not None and action.icon().isNull():
            action.setIcon(icon(name, size=SMALL, scale=scale, disabled=False))
    for widget in window.findChildren(QWidget):
        widget.ensurePolished()  # the stylesheet's icon size first
        dress(widget)


class LookStyle(QProxyStyle):
    """Fusion, the same on Windows, macOS and Linux; dresses each widget it polishes
    (a dialog's buttons get their icons when the dialog is first shown)."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def polish(self, target: object) -> object:  # type: ignore[override]
        result = super().polish(target)
        if isinstance(target, QWidget):
            dress(target)
        return result


def palette() -> QPalette:
    """Fusion's palette in the look's colours (what the stylesheet does not paint)."""
    c = {name: QColor(value) for name, value in COLOURS.items()}
    p = QPalette()
    role = QPalette.ColorRole
    for r, colour in (
        (role.Window, c["window"]), (role.WindowText, c["ink"]), (role.Base, c["surface"]),
        (role.AlternateBase, c["window"]), (role.Text, c["ink"]),
        (role.Button, c["surface"]), (role.ButtonText, c["ink"]),
        (role.BrightText, c["on_primary"]), (role.Highlight, c["primary"]),
        (role.HighlightedText, c["on_primary"]), (role.Link, c["primary_ink"]),
        (role.LinkVisited, c["primary_ink"]), (role.PlaceholderText, c["ink_muted"]),
        (role.ToolTipBase, c["tooltip"]), (role.ToolTipText, c["on_tooltip"]),
        (role.Light, c["surface"]), (role.Midlight, c["line"]), (role.Mid, c["border"]),
        (role.Dark, c["ink_muted"]), (role.Shadow, c["ink"]), (role.Accent, c["primary"]),
    ):
        p.setColor(r, colour)
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.WindowText, role.Text, role.ButtonText, role.PlaceholderText):
        p.setColor(disabled, r, c["ink_disabled"])
    p.setColor(disabled, role.Button, c["fill_disabled"])
    p.setColor(disabled, role.Base, c["fill_disabled"])
    return p


def ui_font() -> QFont:
    """The first of ``FONT_FAMILIES`` this machine has, at the body size (the others stay
    as fallbacks for a glyph the first lacks)."""
    have = set(QFontDatabase.families())
    families = [f for f in FONT_FAMILIES if f in have] or [QApplication.font().family()]
    font = QFont(families[0])
    font.setFamilies(families)
    font.setPointSizeF(float(TYPE["body_pt"].removesuffix("pt")))
    return font


def apply_look(app: QCoreApplication) -> None:
    """The look on *app*: Fusion with the look's palette, font and stylesheet (nothing to
    do for an application without widgets)."""
    if not isinstance(app, QApplication):
        return
    QDir.setSearchPaths("icons", [str(icons_dir())])
    app.setStyle(LookStyle())
    app.setPalette(palette())
    app.setFont(ui_font())
    app.setStyleSheet(stylesheet())

