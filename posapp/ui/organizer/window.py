"""The organizers' window: open a central store, see every stand's totals, orders and
charts, drop export files on it to merge them, write the event report and the open orders."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.domain.errors import PosError
from posapp.domain.event_report import EventIdentity
from posapp.services.organizer import Query, Snapshot, without_password
from posapp.ui.common.errors import refusal
from posapp.ui.common.fit import fill_screen
from posapp.ui.common.i18n import DEFAULT_LANGUAGE, Languages
from posapp.ui.common.widgets import big_label, button, message_label, show_message
from posapp.ui.organizer.dashboard import Dashboard
from posapp.ui.organizer.merge import MergePanel
from posapp.ui.organizer.open_store import OpenActions
from posapp.ui.organizer.reports import ReportActions
from posapp.ui.organizer.settings import OrganizerSettings

#: The widest the "open a central store" help runs on the empty page.
EMPTY_HELP_WIDTH = 640


def short_store_name(label: str) -> str:
    """A central store as its label names it: a file by its name (the folder is in the
    tooltip and the title), a server's URL whole."""
    if "://" in label or not label:
        return label
    return Path(label).name


class OrganizerWindow(QMainWindow):
    """One central store at a time; ``opened`` when one is shown, ``refreshed`` after each
    read of it (opening, a filter, a merge)."""

    opened = Signal(str)
    refreshed = Signal()

    def __init__(self, settings_path: Path, *, languages: Languages | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("organizerWindow")
        self.setAcceptDrops(True)
        self.settings_path = settings_path
        self.settings = OrganizerSettings.load(settings_path)
        self.languages = languages
        self.target: str | None = None
        self.label = ""
        self.open_actions = OpenActions(self, lambda: self.settings.last_central)
        self.open_actions.chosen.connect(
            lambda target, create: self.open_target(target, create=create))
        self.reports = ReportActions(self, target=lambda: self.target,
                                     language=self._files_language, event=self._event)
        self._build()
        self._build_menu()
        self._show_state()
        self.retranslate()
        self.screen_fit = fill_screen(self, "organizer")

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.store_label = big_label("storeLabel", 13, self)
        # the store's file name (the whole path in the tooltip and the title), wrapped
        # rather than cut when the window is narrow
        self.store_label.setWordWrap(True)
        self.buttons = {name: button(f"{name}Button", self)
                        for name in ("openFile", "newFile", "openUrl", "refresh")}
        self.buttons["openFile"].clicked.connect(self.open_actions.open_file)
        self.buttons["newFile"].clicked.connect(self.open_actions.new_file)
        self.buttons["openUrl"].clicked.connect(self.open_actions.open_url)
        self.buttons["refresh"].clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.store_label, 1)
        top.addStretch()
        for name in ("openFile", "newFile", "openUrl", "refresh"):
            top.addWidget(self.buttons[name])
        self.reports_bar = QHBoxLayout()
        for b in self.reports.buttons.values():
            self.reports_bar.addWidget(b)
        self.reports_bar.addStretch(1)  # a row of its own: the top row fits 1024 px
        self.message = message_label("organizerMessage", self)

        self.empty_title = big_label("emptyTitle", 16, self)
        self.empty_help = QLabel(self)
        self.empty_help.setObjectName("emptyHelp")
        self.empty_help.setWordWrap(True)
        self.open_last = button("openLastButton", self)
        self.open_last.clicked.connect(lambda: self.open_target(self.settings.last_central))
        self.empty_help.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.empty_help.setMaximumWidth(EMPTY_HELP_WIDTH)  # a line the eye can follow
        empty = QWidget(self)
        empty.setObjectName("emptyPage")
        box = QVBoxLayout(empty)
        box.addStretch(1)
        box.addWidget(self.empty_title, 0, Qt.AlignmentFlag.AlignHCenter)
        help_row = QHBoxLayout()  # centred, and as high as its wrapped lines need
        help_row.addStretch(1)
        help_row.addWidget(self.empty_help, 8)
        help_row.addStretch(1)
        box.addLayout(help_row)
        box.addWidget(self.open_last, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        self.empty_page = empty
        self.dashboard = Dashboard(self)
        self.dashboard.loaded.connect(self._loaded)
        self.dashboard.failed.connect(self._failed)
        self.merge_panel = MergePanel(lambda: self.target, self)
        self.merge_panel.merged.connect(lambda _outcomes: self.refresh())
        self.merge_panel.busy_changed.connect(self._merging)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.empty_page)
        self.pages.addWidget(self.dashboard)
        central = QWidget(self)
        box = QVBoxLayout(central)
        box.addLayout(top)
        box.addLayout(self.reports_bar)
        box.addWidget(self.message)
        box.addWidget(self.reports.progress)
        box.addWidget(self.reports.result)
        box.addWidget(self.pages, 1)
        box.addWidget(self.merge_panel)
        self.setCentralWidget(central)

    def _build_menu(self) -> None:
        self.menu = QMenu(self)
        self.menu.setObjectName("organizerMenu")
        self.menuBar().addMenu(self.menu)
        self.menu_actions: dict[str, QAction] = {}
        for name, key, slot in (
            ("openFile", "Ctrl+O", self.open_actions.open_file),
            ("newFile", "Ctrl+N", self.open_actions.new_file),
            ("openUrl", None, self.open_actions.open_url),
            ("merge", "Ctrl+M", self.merge_panel.choose_files),
            ("pdfReport", "Ctrl+P", lambda: self.reports.choose("pdf")),
            ("xlsxReport", "Ctrl+E", lambda: self.reports.choose("xlsx")),
            ("ordersExport", None, lambda: self.reports.choose("orders")),
            ("refresh", "F5", self.refresh),
            ("language", None, self.toggle_language),
            ("close", "Ctrl+Q", self.close),
        ):
            action = QAction(self)
            action.setObjectName(f"{name}Action")
            if key:
                action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            self.menu.addAction(action)
            self.menu_actions[name] = action

    # -- opening ---------------------------------------------------------------------------
    def open_target(self, target: str, *, create: bool = False) -> None:
        """Open the central store at *target* (a file or a URL); *create* makes a new file."""
        if not target.strip():
            return
        show_message(self.message, self.tr("Opening {target}…").format(
            target=without_password(target.strip())), error=False)
        self.dashboard.open(target.strip(), create=create)

    def refresh(self) -> None:
        self.dashboard.refresh()

    def _files_language(self) -> str:
        return self.languages.current if self.languages is not None else DEFAULT_LANGUAGE

    def _event(self) -> EventIdentity | None:
        snapshot = self.dashboard.snapshot
        return snapshot.event if snapshot is not None else None

    def _loaded(self, snapshot: Snapshot) -> None:
        target = snapshot.query.target
        if target != self.target:
            self.target, self.label = target, snapshot.label
            self.settings.last_central = without_password(target)
            self.settings.save(self.settings_path)
            show_message(self.message, "")
            self._show_state()
            self.opened.emit(target)
        self.refreshed.emit()

    def _failed(self, query: Query, exc: Exception) -> None:
        if isinstance(exc, PosError):
            text = refusal(exc)
        else:
            first = (str(exc).strip().splitlines() or [""])[0][:200]
            text = self.tr("Unexpected error: {error}").format(
                error=f"{type(exc).__name__}: {first}")
        if query.target != self.target:
            text = self.tr("Cannot open {target}: {reason}").format(
                target=without_password(query.target), reason=text)
        show_message(self.message, text)
        self.refreshed.emit()

    def _show_state(self) -> None:
        has_store = self.target is not None
        self.pages.setCurrentWidget(self.dashboard if has_store else self.empty_page)
        self.merge_panel.setVisible(has_store)
        self.buttons["refresh"].setVisible(has_store)
        self.reports.set_visible(has_store)
        for name in ("pdfReport", "xlsxReport", "ordersExport"):
            self.menu_actions[name].setEnabled(has_store)
        self.store_label.setVisible(has_store)
        self.open_last.setVisible(not has_store and bool(self.settings.last_central))
        self._update_texts()

    def _merging(self, busy: bool) -> None:
        for name in ("openFile", "newFile", "openUrl"):
            self.buttons[name].setEnabled(not busy)
            self.menu_actions[name].setEnabled(not busy)

    # -- dropping files --------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        if self.target is None:
            show_message(self.message, self.tr("Open or create a central store first, then "
                                               "drop the export files on it."))
            return
        self.merge_panel.merge(paths)

    # -- language --------------------------------------------------------------------------
    def toggle_language(self) -> None:
        if self.languages is None:
            return
        self.languages.use("en" if self.languages.current == "id" else "id")
        self.settings.language = self.languages.current
        self.settings.save(self.settings_path)

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("Central store"))
        for name, text, accessible in (
            ("openFile", self.tr("Open file…"), self.tr("Open a central store file")),
            ("newFile", self.tr("New file…"), self.tr("Make a new central store file")),
            ("openUrl", self.tr("Open URL…"), self.tr("Open a central store on a server")),
            ("refresh", self.tr("Refresh (F5)"), self.tr("Read the central store again")),
        ):
            self.buttons[name].setText(text)
            self.buttons[name].setAccessibleName(accessible)
            self.menu_actions[name].setText(text)
        self.menu_actions["merge"].setText(self.tr("Merge export files…"))
        self.reports.retranslate()
        for kind, name in (("pdf", "pdfReport"), ("xlsx", "xlsxReport"),
                           ("orders", "ordersExport")):
            self.menu_actions[name].setText(self.reports.buttons[kind].text())
        self.menu_actions["language"].setText(self.tr("Bahasa Indonesia / English"))
        self.menu_actions["close"].setText(self.tr("Close"))
        self.empty_title.setText(self.tr("No central store is open"))
        self.empty_help.setText(self.tr(
            "Open the central store file the stands sync into (Open file…), make a new one "
            "(New file…), or open one on a PostgreSQL server (Open URL…). Then drop the "
            "stands' export files on this window to merge them."))
        self._update_texts()

    def _update_texts(self) -> None:
        title = self.tr("posapp organizer")
        self.setWindowTitle(f"{title}: {self.label}" if self.target else title)
        self.store_label.setText(self.tr("Central store: {name}").format(
            name=short_store_name(self.label)))
        self.store_label.setToolTip(self.label)
        last = self.settings.last_central
        self.open_last.setText(self.tr("Open {target} again").format(target=last))
        self.open_last.setAccessibleName(self.tr("Open the last central store again"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.open_actions.close_dialog()
        super().closeEvent(event)
