"""Product photos: set, replace or remove one, import a folder of them, read them back.

A photo lives in the stand's database (``product_photo``), resized as ``photo_images`` says,
and each change goes into the journal (``product.photo_set`` with the image, or
``product.photo_removed``), so a sync or an export file carries it to the central store,
where ``shop-export`` writes it beside the shop CSV.

Who may change photos is who may change the catalog: one product at a time, an active
user (``catalog_edit.save_product``'s rule); a folder import from the command line, the
stand's operator (``catalog.import_catalog``'s rule), or an active user from the window.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, select

from posapp.domain.errors import InvalidInput, NotFound, PosError
from posapp.domain.journal import EventKind
from posapp.services import journal
from posapp.services.catalog import find_row
from posapp.services.stand import load as load_stand
from posapp.services.users import Actor, require_active
from posapp.store.models import ProductRow, table
from posapp.store.photo_rows import ProductPhotoRow
from posapp.store.uow import UnitOfWork

if TYPE_CHECKING:  # Pillow loads when a photo is read from a file, not with the window
    from posapp.services.photo_images import Prepared

Progress = Callable[[int, int], None]
UowFactory = Callable[[], UnitOfWork]

_PHOTO = table(ProductPhotoRow)
_PRODUCT = table(ProductRow)


@dataclass(frozen=True)
class Photo:
    """A stored photo: JPEG bytes and their size, and when it was set (naive UTC)."""

    sku: str
    data: bytes
    format: str
    width: int
    height: int
    updated_at: datetime


@dataclass(frozen=True)
class PhotoChange:
    """What a set or remove did: *replaced* says the product had a photo before; *changed*
    is False when the same photo was set again (nothing written)."""

    sku: str
    replaced: bool
    changed: bool = True


def photo(uow: UnitOfWork, sku: str) -> Photo | None:
    """The photo of the product *sku*, or None when it has none (a cheap key look-up)."""
    with uow:
        row = uow.connection.execute(
            select(_PHOTO).where(_PHOTO.c.sku == sku.upper())).first()
    if row is None:
        return None
    return Photo(row.sku, row.data, row.format, row.width, row.height, row.updated_at)


def photo_stamps(uow: UnitOfWork) -> dict[str, datetime]:
    """Every SKU that has a photo, with when it was set: which tiles get one (no image read)."""
    with uow:
        return dict(uow.connection.execute(select(_PHOTO.c.sku, _PHOTO.c.updated_at)).all())


def set_photo(uow: UnitOfWork, actor: Actor | None, code: str, prepared: Prepared) -> PhotoChange:
    """Give the product with SKU or barcode *code* the photo *prepared* (replacing its old one).

    *actor* is the active user who does it; None is the command line's operator, who may
    import a catalog file too.
    """
    with uow:
        if actor is not None:
            require_active(uow, actor)
        sku = find_row(uow, code).sku
        change = _store(uow, sku, prepared, by=actor.name if actor else None)
        uow.commit()
    return change


def set_photo_from_file(uow: UnitOfWork, actor: Actor | None, code: str,
                        path: Path) -> PhotoChange:
    """``set_photo`` with the image file *path* (refused with the reason when it is none)."""
    from posapp.services.photo_images import read_photo_file

    return set_photo(uow, actor, code, read_photo_file(Path(path)))


def remove_photo(uow: UnitOfWork, actor: Actor | None, code: str) -> PhotoChange:
    """Take the photo off the product *code*; NotFound when it has none."""
    with uow:
        if actor is not None:
            require_active(uow, actor)
        sku = find_row(uow, code).sku
        gone = uow.connection.execute(delete(_PHOTO).where(_PHOTO.c.sku == sku)).rowcount
        if not gone:
            raise NotFound("photo.none", sku=sku)
        journal.append(uow, load_stand(uow).code, EventKind.PHOTO_REMOVED,
                       {"sku": sku, "by": actor.name if actor else None})
        uow.commit()
    return PhotoChange(sku, replaced=True)


def _store(uow: UnitOfWork, sku: str, prepared: Prepared, *, by: str | None) -> PhotoChange:
    conn = uow.connection
    old = conn.execute(select(_PHOTO.c.data).where(_PHOTO.c.sku == sku)).scalar()
    if old == prepared.data:
        return PhotoChange(sku, replaced=True, changed=False)
    values = {"format": prepared.format, "width": prepared.width, "height": prepared.height,
              "data": prepared.data, "updated_at": uow.clock()}
    if old is None:
        conn.execute(_PHOTO.insert().values(sku=sku, **values))
    else:
        conn.execute(_PHOTO.update().where(_PHOTO.c.sku == sku).values(**values))
    journal.append(uow, load_stand(uow).code, EventKind.PHOTO_SET, {
        "sku": sku, "format": prepared.format, "width": prepared.width,
        "height": prepared.height, "data": base64.b64encode(prepared.data).decode("ascii"),
        "by": by,
    })
    return PhotoChange(sku, replaced=old is not None)


# -- a folder of photos ----------------------------------------------------------------------
@dataclass(frozen=True)
class Skipped:
    """A file of the folder that gave no photo, and why."""

    name: str
    reason: PosError


@dataclass
class FolderImport:
    """What a folder import did: counts of photos, and every file skipped with its reason."""

    imported: int = 0  # products that had no photo
    replaced: int = 0  # products whose photo was replaced
    unchanged: int = 0  # the same photo again
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return self.imported + self.replaced


def photo_files(folder: Path) -> list[Path]:
    """The files of *folder* a photo import reads, by name (hidden files and folders left
    out); refused when *folder* is no folder."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InvalidInput("photo.not_a_folder", path=str(folder))
    try:
        files = [p for p in folder.iterdir() if not p.name.startswith(".") and p.is_file()]
    except OSError as exc:
        raise InvalidInput("photo.unreadable", name=str(folder),
                           reason=str(exc.strerror or exc)) from None
    from posapp.services.photo_images import SUFFIXES

    if not any(p.suffix.lower() in SUFFIXES for p in files):
        raise InvalidInput("photo.folder_without_images", path=str(folder))
    return sorted(files, key=lambda p: p.name.casefold())


def import_folder(uows: UowFactory, actor: Actor | None, folder: Path, *,
                  progress: Progress | None = None) -> FolderImport:
    """Import every JPEG, PNG or WebP image of *folder* named by a SKU or barcode
    (``JTM-BTK-002.jpg``, ``8991234500017.png``; case does not matter).

    Each photo is its own transaction: a file that is refused (with its reason in
    ``skipped``) leaves the others imported. Slow work (Pillow reads every image).
    """
    from posapp.services.photo_images import SUFFIXES, read_photo_file

    files = photo_files(folder)
    codes = _product_codes(uows())
    if actor is not None:
        with uows() as uow:
            require_active(uow, actor)
    done = FolderImport()
    given: dict[str, str] = {}  # sku -> the file that gave its photo
    total = len(files)
    for n, path in enumerate(files, start=1):
        try:
            sku = codes.get(path.stem.strip().casefold())
            if path.suffix.lower() not in SUFFIXES:
                raise InvalidInput("photo.not_an_image", name=path.name)
            if sku is None:
                raise InvalidInput("photo.unknown_name", name=path.name, code=path.stem)
            if sku in given:
                raise InvalidInput("photo.sku_twice", name=path.name, sku=sku,
                                   other=given[sku])
            change = set_photo(uows(), actor, sku, read_photo_file(path))
            given[sku] = path.name
        except PosError as exc:
            done.skipped.append(Skipped(path.name, exc))
        else:
            if not change.changed:
                done.unchanged += 1
            elif change.replaced:
                done.replaced += 1
            else:
                done.imported += 1
        if progress is not None:
            progress(n, total)
    return done


def _product_codes(uow: UnitOfWork) -> dict[str, str]:
    """Every SKU and barcode, casefolded, -> its product's SKU."""
    with uow:
        rows = uow.connection.execute(select(_PRODUCT.c.sku, _PRODUCT.c.barcode)).all()
    codes = {barcode.casefold(): sku for sku, barcode in rows if barcode}
    codes.update({sku.casefold(): sku for sku, _ in rows})  # a SKU wins over a barcode
    return codes
