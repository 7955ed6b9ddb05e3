"""``posapp``: argument parsing, the shared options, and turning errors into one line."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from posapp import __version__

#: Which module registers each command, in the order ``--help`` lists them. A command
#: imports only its own module (and what that uses): ``posapp sell`` never loads the
#: modules of labels or the central store, ``posapp --version`` none at all.
#: tests/integration/test_cli_imports.py checks the table against the modules.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "commands_stand": ("init", "catalog", "cashier", "stock", "demo", "run"),
    "commands_sales": ("shift", "sell", "void", "refund", "sales", "report", "journal"),
    "commands_qris": ("qris",),
    "commands_print": ("printer", "print"),
    "commands_labels": ("labels",),
    "commands_event": ("event", "export"),
    "commands_central": ("sync", "totals", "merge", "reconcile"),
    "commands_orders": ("order", "orders"),
    "commands_backup": ("backup", "restore", "support-bundle"),
    "commands_fx": ("rate",),
    "commands_event_report": ("shop-export", "orders-export"),
    "commands_organizer": ("organizer",),
}
_MODULE_OF = {command: module for module, commands in COMMAND_MODULES.items()
              for command in commands}
#: The shared options that take a value (the word after them is not the command).
_VALUED_OPTIONS = ("--data-dir", "--stand", "--lang")

MAX_LISTED_PROBLEMS = 200
log = logging.getLogger("posapp.cli")


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one ``posapp:`` line like every other refusal."""

    def error(self, message: str) -> NoReturn:
        from posapp.cli.output import LANG, PREFIX
        from posapp.domain.messages import text
        from posapp.domain.text import shown

        problem = shown(message if len(message) <= 300 else message[:300] + "...")
        self.exit(2, PREFIX + text("cli.usage_error", LANG, problem=problem,
                                   command=self.prog) + "\n")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser for every command, or for *command*'s module only (a word it registers)."""
    common = Parser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS,
                        help="folder with the stand databases (default: POSAPP_DATA_DIR or "
                             "the user data folder)")
    common.add_argument("--stand", action="append", default=argparse.SUPPRESS,
                        help="stand code (default: the only stand in the data folder); "
                             "'run' takes several")
    common.add_argument("--pin-stdin", action="store_true", default=argparse.SUPPRESS,
                        help="read PINs from standard input, one per line")
    common.add_argument("--lang", choices=["id", "en"], default=argparse.SUPPRESS,
                        help="language of printed reports (default id)")
    parser = Parser(
        prog="posapp", parents=[common],
        description="Point of sale for exhibition stands.",
    )
    parser.add_argument("--version", action="version", version=f"posapp {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    modules = [_MODULE_OF[command]] if command in _MODULE_OF else list(COMMAND_MODULES)
    for name in modules:
        importlib.import_module(f"posapp.cli.{name}").register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    command = command_word(words)
    if command is None and "--version" in words and "-h" not in words and "--help" not in words:
        print(f"posapp {__version__}")  # what argparse's version action says, at no cost
        return 0
    parser = build_parser(command)
    from posapp.cli.output import warn
    from posapp.domain.errors import PosError

    try:
        args = parser.parse_args(argv)
        check_words(args)
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        return 2
    except PosError as exc:  # a word's own refusal, from an option's type= or check_words
        warn(exc)
        return 2
    return run(args)


def run(args: argparse.Namespace) -> int:
    """Run the parsed command: one line for a refusal, never a traceback."""
    from posapp.cli.context import Context
    from posapp.cli.output import guarded_output, warn
    from posapp.domain.catalog import CatalogFileError
    from posapp.domain.errors import PosError
    from posapp.domain.messages import msg
    from posapp.domain.text import shown
    from posapp.logs import setup_logging

    ctx = Context.from_args(args)
    setup_logging(ctx.data.root)
    log.info("posapp %s: %s", __version__, _command(args))
    try:
        with guarded_output():
            status = int(args.handler(ctx, args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, not after main has returned
        return status
    except BrokenPipeError:  # `posapp catalog list | head`: the reader has had enough
        _quiet_stdout()
        return 141  # 128 + SIGPIPE, as a Unix tool killed by the signal ends
    except CatalogFileError as exc:  # the summary, then every bad row on a line of its own
        print(f"posapp: {shown(' '.join(exc.message.split()))}", file=sys.stderr)
        if len(exc.problems) > 1:
            for problem in exc.problems[:MAX_LISTED_PROBLEMS]:
                print(f"  {shown(str(problem))}", file=sys.stderr)
            if len(exc.problems) > MAX_LISTED_PROBLEMS:
                print(f"  ... and {len(exc.problems) - MAX_LISTED_PROBLEMS} more",
                      file=sys.stderr)
        return 1
    except PosError as exc:
        warn(exc)  # one line
        log.info("refused: %s", " ".join(exc.message.split()))
        return 1
    except KeyboardInterrupt:
        warn(msg("cli.stopped"))
        return 130
    except Exception as exc:  # never a traceback in a user's face
        if isinstance(exc, OSError) and exc.filename is not None:  # a file it was told to
            log.info("file problem: %s", exc)                      # use: its name, the reason
            warn(msg("cli.file_problem", file=str(exc.filename),
                     reason=exc.strerror or type(exc).__name__))
            return 1
        log.exception("unexpected error")
        where = ctx.log_unexpected(exc)
        first = (str(exc).strip().splitlines() or [""])[0][:200]  # SQLAlchemy's are long
        warn(msg("cli.unexpected_error", kind=type(exc).__name__, detail=first,
                 log=str(where)))
        return 70
    finally:
        ctx.close()


def command_word(words: Sequence[str]) -> str | None:
    """The command in *words* (the first word that is neither an option nor its value), or
    None when there is none (``posapp --help``) or it is not a command (argparse says so)."""
    skip = False
    for word in words:
        if skip:
            skip = False
        elif word in _VALUED_OPTIONS:
            skip = True
        elif word == "--":
            return None
        elif not word.startswith("-"):
            return word if word in _MODULE_OF else None
    return None


def check_words(args: argparse.Namespace) -> None:
    """Refuse, in one line, a command line word that is not text (bytes that are not UTF-8),
    holds a control character other than tab and newline, or is past any field's length.
    Files and folders (``Path`` options) may have any name their system allows."""
    from posapp.domain.errors import InvalidInput
    from posapp.domain.messages import msg
    from posapp.domain.text import TextKind, clean_text

    for name, value in vars(args).items():
        what = msg("text.kind.option", option=name)
        for word in value if isinstance(value, list) else [value]:
            if isinstance(word, str):
                clean_text(word, TextKind.ARGUMENT, what=what)
            elif isinstance(word, Path):
                if "\x00" in str(word):  # no system takes it
                    raise InvalidInput("text.control_character", what=what, char="U+0000")
                try:
                    os.fsencode(word)  # a name the system can be given (\ud800 is not)
                except UnicodeEncodeError:
                    raise InvalidInput("text.not_text", what=what) from None


def _quiet_stdout() -> None:
    """Point standard output at devnull, so that the interpreter's last flush at exit
    does not fail on the closed pipe again (the Python docs' recipe for SIGPIPE)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (a test's capture)
        pass


def _command(args: argparse.Namespace) -> str:
    """The command and its action, never its other words (a PIN, an event key)."""
    return " ".join(str(w) for w in (args.command, getattr(args, "action", None)) if w)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
