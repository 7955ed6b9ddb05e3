"""Languages: Bahasa Indonesia first, English as a choice, through Qt's translators.

Source strings are English (``self.tr("...")``); ``resources/translations/posapp_id.ts``
holds the Indonesian, compiled to ``.qm`` by ``make`` (pyside6-lrelease).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from posapp.resources import resource

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
DEFAULT_LANGUAGE = "id"
LANGUAGE_PROPERTY = "posappLanguage"  # on the application: what current_language() reads


def qm_path(lang: str) -> str:
    return str(resource("translations") / f"posapp_{lang}.qm")


class Languages:
    """Switches the application's language; widgets retranslate on LanguageChange."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.current = "en"
        self._translator: QTranslator | None = None

    def use(self, lang: str) -> bool:
        """Install *lang*; False when its translation file is missing."""
        if lang not in LANGUAGES:
            lang = DEFAULT_LANGUAGE
        if self._translator is not None:
            self.app.removeTranslator(self._translator)
            self._translator = None
        ok = True
        if lang != "en":
            translator = QTranslator(self.app)
            ok = translator.load(qm_path(lang))
            if ok:
                self.app.installTranslator(translator)
                self._translator = translator
        self.current = lang if ok else "en"
        self.app.setProperty(LANGUAGE_PROPERTY, self.current)
        return ok


def current_language() -> str:
    """The language the application speaks now (English before any was chosen)."""
    app = QCoreApplication.instance()
    value = app.property(LANGUAGE_PROPERTY) if app is not None else None
    return value if isinstance(value, str) and value in LANGUAGES else "en"
