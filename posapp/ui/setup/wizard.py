"""The first start: make a stand (province, event, catalog, the organizers' event key and
central store, first supervisor) in a few pages.

The pages (``pages``, ``sync_page``) only hold what was typed; this wizard checks it against
the data folder and the catalog file, and on Finish creates the stand through one service
(``services.setup.create_stand``), all of it or nothing: a half-made database file is removed
and the reason shown on the page.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget, QWizard

from posapp.bootstrap import DataDir
from posapp.domain.catalog import CatalogFileError, CatalogRow
from posapp.domain.errors import PosError
from posapp.resources import resource
from posapp.services import setup
from posapp.services.catalog_files import read_catalog_file
from posapp.services.users import Role
from posapp.ui.common.errors import user_message
from posapp.ui.common.fit import fit_dialog
from posapp.ui.common.i18n import current_language
from posapp.ui.common.widgets import TOUCH_HEIGHT
from posapp.ui.setup.page_base import SetupPage
from posapp.ui.setup.pages import CatalogPage, StandPage, SupervisorPage, read_provinces
from posapp.ui.setup.sync_page import SyncSetupPage

STAND_PAGE, CATALOG_PAGE, SYNC_PAGE, SUPERVISOR_PAGE = range(4)
_Button = QWizard.WizardButton
BUTTON_NAMES = {
    _Button.BackButton: "wizardBackButton",
    _Button.NextButton: "wizardNextButton",
    _Button.FinishButton: "wizardFinishButton",
    _Button.CancelButton: "wizardCancelButton",
}


#: The share of a large screen the set-up wizard opens at.
WIZARD_SHARE = 0.6


class SetupWizard(QWizard):
    """Set up a new stand in *data*; after it accepts, ``stand_code`` names the stand."""

    def __init__(self, data: DataDir, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.data = data
        self.stand_code: str | None = None
        self.catalog_rows: list[CatalogRow] = []
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)  # same text buttons everywhere
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(640, 520)  # fits the smallest screen, 1024x600
        # the whole of a small screen (its pages' wrapped help needs the height), never more
        fit_dialog(self, roomy=True, share=WIZARD_SHARE)
        self.stand_page = StandPage(read_provinces(resource("provinces-2019.csv")), self)
        self.catalog_page = CatalogPage(self)
        self.sync_page = SyncSetupPage(self)
        self.supervisor_page = SupervisorPage(self)
        self.setPage(STAND_PAGE, self.stand_page)
        self.setPage(CATALOG_PAGE, self.catalog_page)
        self.setPage(SYNC_PAGE, self.sync_page)
        self.setPage(SUPERVISOR_PAGE, self.supervisor_page)
        self.catalog_page.file_chosen.connect(lambda _path: self._read_catalog())
        for which, name in BUTTON_NAMES.items():
            b = self.button(which)
            b.setObjectName(name)
            b.setMinimumHeight(TOUCH_HEIGHT)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up this stand"))
        self.setAccessibleName(self.tr("Set up this stand"))
        texts = {
            _Button.BackButton: self.tr("Back"),
            _Button.NextButton: self.tr("Next"),
            _Button.FinishButton: self.tr("Create the stand"),
            _Button.CancelButton: self.tr("Cancel"),
        }
        for which, text in texts.items():
            self.setButtonText(which, text)
            self.button(which).setAccessibleName(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def validateCurrentPage(self) -> bool:
        """The page's own checks, then the ones that need the data folder or a file."""
        if not super().validateCurrentPage():
            return False
        page = self.currentId()
        if page == STAND_PAGE:
            return self._check_new_code()
        if page == CATALOG_PAGE:
            return self._read_catalog()
        if page == SUPERVISOR_PAGE:
            return self._create_stand()
        return True

    # -- checks and the stand itself ---------------------------------------------------------
    def _new_code(self) -> str | None:
        """The chosen province's stand code; None (and a message) when it is taken."""
        province = self.stand_page.province()
        if province is None:
            return None
        code = province.stand_code
        if self.data.stand_path(code).exists():
            self._show_message(
                self.tr("Stand %1 already exists in this data folder: open it instead, "
                        "or choose another province.").replace("%1", code))
            return None
        return code

    def _check_new_code(self) -> bool:
        try:
            return self._new_code() is not None
        except PosError as exc:
            self._show_error(exc)
            return False

    def _read_catalog(self) -> bool:
        """Read the demo catalog or the chosen file; list every bad row when it is refused."""
        page = self.catalog_page
        page.clear()
        self.catalog_rows = []
        if page.use_demo():
            path = resource("demo-catalog.csv")
        elif page.file_path():
            path = Path(page.file_path())
        else:
            page.show_message(self.tr("Choose the catalog file, or take the demo catalog."))
            return False
        try:
            self.catalog_rows = read_catalog_file(path)
        except PosError as exc:
            self._show_error(exc)
            return False
        page.show_summary(self.tr("%1 products ready to import.")
                          .replace("%1", str(len(self.catalog_rows))))
        return True

    def _create_stand(self) -> bool:
        """Make the stand, import the catalog and add the supervisor: all of it, or nothing."""
        try:
            code = self._new_code()
        except PosError as exc:
            self._show_error(exc)
            return False
        if code is None:
            return False
        info, people = self.stand_page, self.supervisor_page
        province = info.province()
        try:
            setup.create_stand(self.data, setup.NewStand(
                code=code, name=info.stand_name(), province=province.name if province else "",
                event_name=info.event_name(), timezone=info.timezone(),
                catalog=self.catalog_rows,
                people=(setup.Person(people.supervisor_name(), Role.SUPERVISOR, people.pin()),),
                event_key=self.sync_page.key_text or "", central=self.sync_page.central))
        except PosError as exc:
            self._show_error(exc)
            return False
        self.stand_code = code
        return True

    # -- messages ----------------------------------------------------------------------------
    def _show_error(self, exc: PosError) -> None:
        """A service's refusal, on the page in view; a bad catalog also lists every bad row."""
        if isinstance(exc, CatalogFileError):
            lang = current_language()
            self.catalog_page.show_problems([p.text(lang) for p in exc.problems])
        self._show_message(user_message(exc))

    def _show_message(self, text: str) -> None:
        page = self.currentPage()
        if isinstance(page, SetupPage):
            page.show_message(text)
