"""Product photos in the stand's database: a folder import, one photo set, replaced, removed,
and ``posapp catalog photos``'s lines and exit codes."""

from __future__ import annotations

import base64
import io
import json
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from posapp.domain.errors import InvalidInput, NotAllowed, NotFound
from posapp.services import journal, photos
from posapp.services.photo_images import MAX_SIDE, prepare
from posapp.services.users import Actor, Role
from tests.conftest import CliResult, Stand, dump_database

GEDOG, GEDOG_BARCODE = "JTM-BTK-002", "8991234500024"
MADURA_BARCODE = "8991234500017"  # JTM-BTK-001
HIJAB = "JTM-JLB-001"


def image_bytes(fmt: str, size: tuple[int, int] = (800, 600), *,
                colour: tuple[int, ...] = (200, 40, 40), mode: str = "RGB") -> bytes:
    """A real image: a colour field with a stripe, so a resize has something to keep."""
    image = Image.new(mode, size, colour)
    for x in range(0, size[0], 40):
        for y in range(size[1]):
            image.putpixel((x, y), (0, 0, 0, 255)[:len(mode)])
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


def photo_folder(folder: Path) -> Path:
    """Good images of each format (named by SKU, lower-case SKU and barcode) and bad files."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{GEDOG}.jpg").write_bytes(image_bytes("JPEG", (1600, 1200)))
    (folder / f"{MADURA_BARCODE}.png").write_bytes(
        image_bytes("PNG", (300, 900), colour=(0, 0, 255, 0), mode="RGBA"))
    (folder / "jtm-jlb-001.WEBP").write_bytes(image_bytes("WEBP", (640, 640)))
    good = image_bytes("JPEG")
    (folder / "JTM-TAS-001.jpg").write_bytes(good[: len(good) // 3])  # cut off: broken
    (folder / "JTM-KYU-001.jpg").write_text("not a picture at all", encoding="utf-8")
    (folder / "JTM-XXX-999.jpg").write_bytes(good)  # no such product
    (folder / "daftar.txt").write_text("catatan", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\0\0")  # hidden: not even mentioned
    return folder


def stored(stand: Stand, sku: str) -> Image.Image | None:
    found = photos.photo(stand.handle.uow(write=False), sku)
    return Image.open(io.BytesIO(found.data)) if found else None


def entries(stand: Stand, kind: str) -> list[dict[str, object]]:
    with stand.handle.uow(write=False) as uow:
        return [json.loads(e.payload) for e in journal.iter_entries(uow.session)
                if e.kind == kind]


def test_a_folder_import_stores_each_good_image_resized_and_says_why_others_were_skipped(
        jatim: Stand, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    done = photos.import_folder(jatim.handle.uow, None, photo_folder(tmp_path / "foto"),
                                progress=lambda n, total: seen.append((n, total)))

    assert (done.imported, done.replaced, done.unchanged) == (3, 0, 0)
    assert {s.name: s.reason.code for s in done.skipped} == {
        "JTM-TAS-001.jpg": "photo.broken",
        "JTM-KYU-001.jpg": "photo.not_an_image",
        "JTM-XXX-999.jpg": "photo.unknown_name",
        "daftar.txt": "photo.not_an_image",
    }
    assert seen[-1] == (7, 7) and len(seen) == 7
    assert photos.photo_stamps(jatim.handle.uow(write=False)).keys() == {
        GEDOG, "JTM-BTK-001", HIJAB}
    gedog, madura, hijab = (stored(jatim, sku) for sku in (GEDOG, "JTM-BTK-001", HIJAB))
    assert gedog is not None and madura is not None and hijab is not None
    assert (gedog.format, gedog.size) == ("JPEG", (MAX_SIDE, 384))  # 1600x1200 made 512 wide
    assert madura.size == (171, MAX_SIDE)  # a tall one: its height is the longest side
    assert madura.getpixel((85, 300))[2] > 200  # transparent blue on white stays light blue
    assert hijab.size == (MAX_SIDE, MAX_SIDE)
    assert [e["sku"] for e in entries(jatim, "product.photo_set")] == [
        "JTM-BTK-001", GEDOG, HIJAB]  # files in name order, one journal entry each
    assert stored(jatim, "JTM-TAS-001") is None and stored(jatim, "JTM-KYU-001") is None


def test_the_same_folder_again_changes_nothing(jatim: Stand, tmp_path: Path) -> None:
    folder = photo_folder(tmp_path / "foto")
    photos.import_folder(jatim.handle.uow, None, folder)
    before = dump_database(jatim.path)

    again = photos.import_folder(jatim.handle.uow, None, folder)

    assert (again.imported, again.replaced, again.unchanged) == (0, 0, 3)
    assert dump_database(jatim.path) == before


def test_a_sku_named_twice_keeps_the_first_file(jatim: Stand, tmp_path: Path) -> None:
    folder = tmp_path / "foto"
    folder.mkdir()
    (folder / f"{GEDOG_BARCODE}.png").write_bytes(image_bytes("PNG", colour=(0, 200, 0)))
    (folder / f"{GEDOG}.jpg").write_bytes(image_bytes("JPEG"))

    done = photos.import_folder(jatim.handle.uow, None, folder)

    assert done.imported == 1
    (skipped,) = done.skipped
    assert skipped.reason.message == (
        f"{GEDOG}.jpg: {GEDOG} already got its photo from {GEDOG_BARCODE}.png")
    gedog = stored(jatim, GEDOG)
    assert gedog is not None and gedog.getpixel((20, 20))[1] > 150  # the green one


@pytest.mark.parametrize(("make", "code", "words"), [
    (lambda p: p.write_bytes(image_bytes("JPEG", (80, 400))), "photo.too_small",
     "is only 80x400 px; a photo needs at least 100 px on each side"),
    (lambda p: p.write_text("halo", encoding="utf-8"), "photo.not_an_image",
     "is not a JPEG, PNG or WebP image"),
    (lambda p: p.write_bytes(image_bytes("JPEG")[:300]), "photo.broken",
     "is a damaged image that cannot be read"),
    (lambda p: _sparse(p, 21 * 1024 * 1024), "photo.file_too_large",
     "is 21.0 MB; a photo file may be at most 20 MB"),
    (lambda p: p.write_bytes(_png_header(9000, 8000)), "photo.too_many_pixels",
     "has more than 60 megapixels; make it smaller first"),
])
def test_a_bad_file_is_refused_with_its_reason_and_the_old_photo_stays(
        jatim: Stand, tmp_path: Path, make: Callable[[Path], object], code: str,
        words: str) -> None:
    photos.set_photo(jatim.handle.uow(), jatim.cashier, GEDOG, prepare(image_bytes("PNG"), "a"))
    before = dump_database(jatim.path)
    bad = tmp_path / "gedog.jpg"
    make(bad)

    with pytest.raises(InvalidInput) as refused:
        photos.set_photo_from_file(jatim.handle.uow(), jatim.cashier, GEDOG, bad)

    assert refused.value.code == code
    assert refused.value.message == f"gedog.jpg {words}"
    assert dump_database(jatim.path) == before


def test_without_a_webp_reader_a_webp_photo_is_refused_as_such(
        jatim: Stand, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stand bundle leaves Pillow's WebP library out: JPEG and PNG still work."""
    from posapp.services import photo_images

    real = photo_images.features.check_module
    monkeypatch.setattr(photo_images.features, "check_module",
                        lambda name: False if name == "webp" else real(name))
    folder = tmp_path / "foto"
    folder.mkdir()
    (folder / f"{GEDOG}.webp").write_bytes(image_bytes("WEBP"))
    (folder / f"{HIJAB}.png").write_bytes(image_bytes("PNG"))

    done = photos.import_folder(jatim.handle.uow, None, folder)

    assert done.imported == 1
    assert [s.reason.message for s in done.skipped] == [
        f"{GEDOG}.webp is a WebP image, which this posapp cannot read; save it as JPEG or PNG"]


def _png_header(width: int, height: int) -> bytes:
    """A PNG that says it is *width* x *height* (a decompression bomb's header)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))

    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))


def _sparse(path: Path, size: int) -> None:
    with path.open("wb") as f:
        f.truncate(size)


def test_one_photo_set_replaced_and_removed_by_barcode_or_sku(jatim: Stand,
                                                              tmp_path: Path) -> None:
    first, second = tmp_path / "a.png", tmp_path / "b.jpg"
    first.write_bytes(image_bytes("PNG", colour=(255, 0, 0)))
    second.write_bytes(image_bytes("JPEG", colour=(0, 0, 255)))

    added = photos.set_photo_from_file(jatim.handle.uow(), jatim.cashier, GEDOG_BARCODE, first)
    replaced = photos.set_photo_from_file(jatim.handle.uow(), jatim.cashier, GEDOG, second)

    assert (added.sku, added.replaced, replaced.replaced) == (GEDOG, False, True)
    image = stored(jatim, GEDOG)
    assert image is not None and image.getpixel((20, 20))[2] > 200  # the blue one now
    set_entries = entries(jatim, "product.photo_set")
    assert [(e["sku"], e["by"], e["width"]) for e in set_entries] == [
        (GEDOG, "Ani", 512), (GEDOG, "Ani", 512)]
    last = Image.open(io.BytesIO(base64.b64decode(str(set_entries[-1]["data"]))))
    assert last.getpixel((20, 20))[2] > 200  # the journal carries the image itself

    photos.remove_photo(jatim.handle.uow(), jatim.cashier, GEDOG)

    assert stored(jatim, GEDOG) is None
    assert entries(jatim, "product.photo_removed") == [{"sku": GEDOG, "by": "Ani"}]
    with pytest.raises(NotFound, match=f"{GEDOG} has no photo"):
        photos.remove_photo(jatim.handle.uow(), jatim.cashier, GEDOG)


def test_a_photo_for_an_unknown_product_or_by_a_removed_user_is_refused(
        jatim: Stand, tmp_path: Path) -> None:
    picture = tmp_path / "x.jpg"
    picture.write_bytes(image_bytes("JPEG"))
    with pytest.raises(NotFound, match="JTM-XXX-999"):
        photos.set_photo_from_file(jatim.handle.uow(), jatim.cashier, "JTM-XXX-999", picture)
    ghost = Actor(999, "Hantu", Role.SUPERVISOR)
    with pytest.raises(NotAllowed):
        photos.set_photo_from_file(jatim.handle.uow(), ghost, GEDOG, picture)
    with pytest.raises(NotAllowed):
        photos.import_folder(jatim.handle.uow, ghost, photo_folder(tmp_path / "foto"))
    assert photos.photo_stamps(jatim.handle.uow(write=False)) == {}


# -- the command line ------------------------------------------------------------------------
def test_cli_imports_a_folder_says_each_skipped_file_and_exits_1(
        jatim: Stand, cli: Callable[..., CliResult], tmp_path: Path) -> None:
    jatim.handle.close()
    result = cli("catalog", "photos", str(photo_folder(tmp_path / "foto")))

    assert result.out == ("3 photos imported (3 new, 0 replaced), 0 unchanged, "
                          "4 files skipped\n")
    assert result.err.splitlines() == [
        "posapp: skipped: daftar.txt is not a JPEG, PNG or WebP image",
        "posapp: skipped: JTM-KYU-001.jpg is not a JPEG, PNG or WebP image",
        "posapp: skipped: JTM-TAS-001.jpg is a damaged image that cannot be read",
        "posapp: skipped: JTM-XXX-999.jpg: no product has the SKU or barcode JTM-XXX-999",
    ]
    assert result.code == 1


def test_cli_exits_0_when_every_image_gave_a_photo(
        jatim: Stand, cli: Callable[..., CliResult], tmp_path: Path) -> None:
    jatim.handle.close()
    folder = tmp_path / "foto"
    folder.mkdir()
    (folder / f"{GEDOG}.JPG").write_bytes(image_bytes("JPEG"))

    first = cli("catalog", "photos", str(folder))
    (folder / f"{GEDOG}.JPG").write_bytes(image_bytes("JPEG", colour=(9, 9, 9)))
    second = cli("catalog", "photos", str(folder))

    assert (first.code, first.out, first.err) == (
        0, "1 photo imported (1 new, 0 replaced), 0 unchanged, 0 files skipped\n", "")
    assert (second.code, second.out) == (
        0, "1 photo imported (0 new, 1 replaced), 0 unchanged, 0 files skipped\n")


def test_cli_refuses_a_folder_without_images(
        jatim: Stand, cli: Callable[..., CliResult], tmp_path: Path) -> None:
    jatim.handle.close()
    (tmp_path / "kosong").mkdir()
    (tmp_path / "kosong" / "catatan.txt").write_text("-", encoding="utf-8")

    empty = cli("catalog", "photos", str(tmp_path / "kosong"))
    missing = cli("catalog", "photos", str(tmp_path / "tidak-ada"))

    assert (empty.code, empty.out) == (1, "")
    assert empty.err == f"posapp: {tmp_path / 'kosong'} holds no JPEG, PNG or WebP images\n"
    assert (missing.code, missing.err) == (1, f"posapp: {tmp_path / 'tidak-ada'} is not a folder\n")
