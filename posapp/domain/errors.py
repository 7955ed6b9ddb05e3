"""The exceptions services raise; the CLI and UI turn them into one-line messages."""

from __future__ import annotations


class PosError(Exception):
    """A refusal with a message meant for the user (one line, no traceback)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

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
