"""The refusals services raise: a message id that names the case, and its values.

``raise NotAllowed("sale.already_void", receipt="JATIM-000042")``: the catalogs say it in
each language (``posapp.domain.messages``); the command line and the log say it in English
(``str(exc)``), the window in its user's language (``exc.text(lang)``).
"""

from __future__ import annotations

from posapp.domain.messages import SOURCE_LANGUAGE, is_code, text


class PosError(Exception):
    """A refusal meant for the user (one line, no traceback)."""

    def __init__(self, code: str, /, **values: object) -> None:
        super().__init__(code)
        self.code = code
        self.values = values

    def text(self, lang: str = SOURCE_LANGUAGE) -> str:
        """The refusal said in *lang*, on one line."""
        if not is_code(self.code):  # a sentence, not an id (a test keeps posapp free of them)
            return self.code
        return " ".join(text(self.code, lang, **self.values).split())

    @property
    def message(self) -> str:
        """The refusal in English: what the command line prints and the log keeps."""
        return self.text(SOURCE_LANGUAGE)

    def __str__(self) -> str:
        return self.message


class InvalidInput(PosError):
    """The request itself is malformed: bad amount, bad quantity, bad code."""


class NotFound(PosError):
    """A product, receipt, cashier or stand that does not exist."""


class NotAllowed(PosError):
    """Wrong PIN, wrong role, or an action the current state forbids."""


class StorageError(PosError):
    """The database or data folder cannot be used (locked, read-only, foreign)."""
