"""``posapp catalog photos FOLDER``: product photos from a folder of images."""

from __future__ import annotations

import argparse
from pathlib import Path

from posapp.cli.commands_central import progress_printer
from posapp.cli.context import Context
from posapp.cli.output import count, say, warn
from posapp.domain.messages import N_, Message, msg


def register(cat_sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add ``photos`` to the ``catalog`` command's actions."""
    p = cat_sub.add_parser("photos", parents=[common],
                           help="import product photos (JPEG/PNG/WebP named by SKU or barcode)")
    p.add_argument("folder", type=Path)
    p.set_defaults(handler=cmd_catalog_photos)


def cmd_catalog_photos(ctx: Context, args: argparse.Namespace) -> int:
    """Exit 0 when every image gave its product a photo; 1 when a file was skipped (each
    said on its own line), the others imported all the same."""
    from posapp.services import photos
    handle = ctx.stand()
    done = photos.import_folder(handle.uow, None, args.folder,
                                progress=progress_printer(msg("cli.progress.photos")))
    for skipped in done.skipped:
        warn(msg("cli.photos.skipped", reason=skipped.reason))
    say("cli.photos.done", photos=photo_count(done.stored), new=done.imported,
        replaced=done.replaced, unchanged=done.unchanged, skipped=count(len(done.skipped), "file"))
    return 1 if done.skipped else 0


_PHOTO, _PHOTOS = N_("cli.n.photo"), N_("cli.n.photos")


def photo_count(n: int) -> Message:
    """"1 photo", "3 photos" (output.count's way, for a noun only this command counts)."""
    return msg(_PHOTO if n == 1 else _PHOTOS, n=n)
