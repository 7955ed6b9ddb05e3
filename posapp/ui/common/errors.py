"""Refusals in the window's language: a service's message id and values, said from the
gettext catalogs (``posapp.domain.messages``), one line, starting with a capital.

A few refusals tell the command line's user which command to run; the window has its own
words for those, under the same id with ``.window`` added (WINDOW_WORDS).
"""

from __future__ import annotations

from pathlib import Path

from posapp.domain.errors import PosError
from posapp.domain.messages import N_, Message, is_code, template, text
from posapp.ui.common.i18n import current_language

#: Refusals the window says in words of its own (a setting to choose instead of a command).
WINDOW_WORDS = frozenset({
    N_("backup.no_folder.window"),
    N_("event_key.damaged.window"),
    N_("event_key.not_joined.window"),
    N_("event_key.not_on_this_computer.window"),
    N_("merge.no_key.window"),
    N_("shift.not_open.window"),
    N_("fx.no_rate_for.window"),
})
#: Values that are files: the window names a file, not its whole path.
FILE_VALUES = ("file",)


def say(code: str, values: dict[str, object], *, short_files: bool = False) -> str:
    """Message *code* with *values* in the window's language, one line, with a capital."""
    lang = current_language()
    if f"{code}.window" in WINDOW_WORDS and template(f"{code}.window", lang) is not None:
        code = f"{code}.window"
    if short_files:
        values = {k: Path(str(v)).name if k in FILE_VALUES and v else v
                  for k, v in values.items()}
    words = " ".join(text(code, lang, **values).split())
    if (template(code, lang) or "").startswith("{"):
        return words  # a name first (a file, a stand): as it is written
    return words[:1].upper() + words[1:]


def user_message(exc: PosError) -> str:
    """*exc* said in the window's language (one line, starting with a capital)."""
    if not is_code(exc.code):  # not an id: a sentence made elsewhere, shown as it is
        return exc.code
    return say(exc.code, dict(exc.values))


def refusal(exc: PosError) -> str:
    """*exc* as the organizer window says it: like ``user_message``, files by their name."""
    if not is_code(exc.code):
        return exc.code
    return say(exc.code, dict(exc.values), short_files=True)


def names_a_file(exc: PosError) -> bool:
    """Whether *exc*'s words name the file it is about (then a list need not name it again)."""
    return any(k in exc.values for k in FILE_VALUES)


def kept(exc: BaseException) -> Message | None:
    """A refusal's id and values, to keep and say later; None for a surprise."""
    return Message(exc.code, dict(exc.values)) if isinstance(exc, PosError) else None


def said(reason: Message | None, english: str) -> str:
    """A refusal kept to say later (its *reason*; only its *english* text when it was kept
    before refusals had ids) in the current language, one line."""
    if reason is not None and is_code(reason.code):
        return say(reason.code, dict(reason.values))
    return english
