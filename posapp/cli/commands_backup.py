"""``posapp backup`` (now, set, list), ``posapp restore FILE`` and
``posapp support-bundle FILE.zip``: keeping a stand's data safe, and helping it by phone."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from posapp.cli.approvals import add_supervisor, approval
from posapp.cli.args import whole_number
from posapp.cli.context import Context
from posapp.cli.output import count, say, warn
from posapp.domain.errors import InvalidInput
from posapp.domain.messages import msg


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    b = sub.add_parser("backup", parents=[common],
                       help="copy the stand's database to its backup folder (a USB stick)")
    b.add_argument("--to", type=Path, metavar="FOLDER", help="this folder, this once")
    b.set_defaults(handler=cmd_backup)
    b_sub = b.add_subparsers(dest="action")
    p = b_sub.add_parser("set", parents=[common], help="choose the backup folder")
    p.add_argument("folder", help='the folder ("" for none)')
    p.add_argument("--every", type=whole_number, help="sales between two copies (default 10)")
    p.add_argument("--keep", type=whole_number, help="copies kept (default 30)")
    add_supervisor(p)
    p.set_defaults(handler=cmd_set)
    p = b_sub.add_parser("list", parents=[common], help="the copies in the backup folder")
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("restore", parents=[common],
                       help="put a backup copy in place of the stand's database")
    p.add_argument("file", type=Path)
    p.add_argument("--force", action="store_true",
                   help="also when the copy is of another stand than --stand")
    add_supervisor(p)
    # a copy holds no PINs: users this computer does not know get new ones, asked in turn
    # (supervisors first, then by name; one per line with --pin-stdin, after the approving
    # supervisor's)
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("support-bundle", parents=[common],
                       help="logs, versions, settings and the databases without secrets, "
                            "in one zip for whoever helps")
    p.add_argument("file", type=Path, metavar="FILE.zip")
    p.set_defaults(handler=cmd_support_bundle)


def cmd_backup(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import backup
    handle = ctx.stand()
    path = backup.backup_now(handle.uow, handle.code, handle.path,
                             folder=str(args.to) if args.to else None)
    say("cli.backup.done", stand=handle.code, path=str(path))
    return 0


def cmd_set(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import settings
    handle = ctx.stand()
    current = settings.get(handle.uow(write=False))
    saved = settings.save(handle.uow(), replace(
        current, backup_folder=args.folder,
        backup_every=current.backup_every if args.every is None else args.every,
        backup_keep=current.backup_keep if args.keep is None else args.keep),
        approval=approval(ctx, args))
    if not saved.backup_folder:
        say("cli.backup.no_folder", stand=handle.code)
    else:
        say("cli.backup.folder_set", stand=handle.code, folder=saved.backup_folder,
            every=count(saved.backup_every, "sale"), keep=count(saved.backup_keep, "copy"))
    return 0


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import backup, settings
    handle = ctx.stand()
    folder = settings.get(handle.uow(write=False)).backup_folder
    if not folder:
        raise InvalidInput("cli.backup.no_folder_set")
    copies = backup.backups_in(Path(folder), handle.code) if Path(folder).is_dir() else []
    for p in copies:
        print(f"{p}  {p.stat().st_size / 1e6:.1f} MB")  # a file and its size: no words
    if not copies:
        say("cli.backup.no_copies", stand=handle.code, folder=folder)
    return 0


def cmd_restore(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import restore
    approved = approval(ctx, args)  # the supervisor's PIN comes before any new PIN
    asked: list[str] = []

    def new_pin(name: str, role: str) -> str:
        """A new PIN for a user this computer does not know (the backup holds none)."""
        if not asked:
            warn(msg("cli.restore.asking_pins", file=args.file.name), prefix=False)
        asked.append(name)
        return ctx.pins.read_new(name)

    done = restore.restore(ctx.data, args.file, stand=ctx.stand_code, force=args.force,
                           new_pin=new_pin, approval=approved)
    figures = {"stand": done.stand, "file": str(args.file), "sales": count(done.sales, "sale"),
               "entries": count(done.entries, "journal_entry")}
    if done.replaced:
        say("cli.restore.done_kept", **figures, kept=str(done.replaced))
    else:
        say("cli.restore.done", **figures)
    if done.new_pins:
        say("cli.restore.new_pins_set", users=list(done.new_pins))
    return 0


def cmd_support_bundle(ctx: Context, args: argparse.Namespace) -> int:
    from posapp.services import support
    done = support.write_bundle(ctx.data, args.file)
    if done.stands:
        say("cli.support.done", path=str(done.path), files=count(done.files, "file"),
            stands=list(done.stands))
    else:
        say("cli.support.done_no_stand", path=str(done.path), files=count(done.files, "file"))
    return 0


def after_sale(ctx: Context, *, shift_closed: bool = False) -> None:
    """A copy when one is due (every few sales, at a shift close); a failure is a warning
    on standard error, never a failed sale."""
    from posapp.services import backup
    from posapp.services.backup import BackupProblem
    handle = ctx.stand()
    try:
        made = backup.maybe_backup(handle.uow, handle.code, handle.path, force=shift_closed)
    except BackupProblem as exc:
        warn(msg("cli.backup.not_made", problem=exc))
        return
    if made is not None and shift_closed:
        warn(msg("cli.backup.made", path=str(made)), prefix=False)
