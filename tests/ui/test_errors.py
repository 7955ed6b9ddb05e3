"""``user_message``: the refusals a stand can meet, raised by the real code where it can be,
read as one line in English and in Bahasa Indonesia (never "Refused: ..." for these)."""

from __future__ import annotations

import errno
import re
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select, update

from posapp.bootstrap import DataDir
from posapp.domain.errors import NotFound, PosError
from posapp.domain.event_key import new_key, parse_key
from posapp.domain.messages import is_code
from posapp.domain.tender import Payment
from posapp.printing.targets import driver_message
from posapp.services import backup, event, export, settings, sync
from posapp.services.settings import StandSettings
from posapp.store.models import JournalRow, SettingRow
from posapp.sync import central_schema as cs
from posapp.sync import central_store
from posapp.sync.central_store import EVENT_META, Central, set_meta
from posapp.ui.common.errors import user_message
from posapp.ui.common.i18n import Languages
from posapp.ui.stand.sync_controller import NO_CENTRAL
from tests.central.stands import CASH, sell
from tests.conftest import BUDI, Stand, make_stand

HIJAB = "JTM-JLB-001"
KEY = new_key(lambda n: bytes(range(1, n + 1)))


@dataclass
class Ctx:
    stand: Stand
    tmp: Path
    catalog: Path
    values: dict[str, object]

    def other_stand(self, sales: int) -> Stand:
        """Another laptop set up as JATIM, with *sales* sales of its own."""
        other = make_stand(DataDir(self.tmp / f"other-{sales}"), "JATIM", self.catalog)
        for _ in range(sales):
            sell(other, [(HIJAB, 1)], [Payment(CASH, 85_000)])
        return other


def refused(action: Callable[[], object]) -> PosError:
    with pytest.raises(PosError) as caught:
        action()
    return caught.value


def count(stand: Stand) -> int:
    with stand.handle.uow(write=False) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(JournalRow)) or 0)


def save(c: Ctx, **changes: object) -> PosError:
    return refused(lambda: settings.save(c.stand.handle.uow(), StandSettings(**changes),
                   approval=BUDI))  # type: ignore[arg-type]


def sync_to(c: Ctx, target: str) -> PosError:
    return refused(lambda: sync.sync_stand(c.stand.handle.uow, target))


def backup_to(c: Ctx, folder: Path | None) -> PosError:
    """A backup now to *folder* (None: the stand's own backup folder, not set)."""
    return refused(lambda: backup.backup_now(c.stand.handle.uow, "JATIM", c.stand.path,
                                             folder=None if folder is None else str(folder)))


# -- the refusals, made by the code ---------------------------------------------------------
def cups_name(c: Ctx) -> PosError:
    return save(c, printer="cups:TM T20")


def win32_no_name(c: Ctx) -> PosError:
    return save(c, printer="win32:")


def win32_elsewhere(c: Ctx) -> PosError:
    return save(c, printer="win32:EPSON TM-T20II Receipt")


def unknown_printer(c: Ctx) -> PosError:
    return save(c, printer="lpt1")


def unknown_profile(c: Ctx) -> PosError:
    return save(c, printer="usb:04b8:0202", printer_profile="TM-NOPE")


def dead_printer(c: Ctx) -> PosError:
    from posapp.printing.printers import print_blocks

    c.values["dev"] = c.tmp / "unplugged" / "lp0"
    return refused(lambda: print_blocks(f"file:{c.values['dev']}", [], 42))


def conflict_behind(c: Ctx) -> PosError:
    """The central store is ahead of this laptop: another one synced as JATIM first."""
    other = c.other_stand(sales=2)
    target = str(c.tmp / "central.sqlite")
    sync.sync_stand(other.handle.uow, target)
    c.values["seq"] = count(other)
    other.handle.close()
    exc = sync_to(c, target)
    # the laptop's own last entry as the service words it (it reads only the entries from
    # the central store's last one on, so a laptop behind says 0 for now)
    found = re.search(r"this laptop only up to (\d+)", exc.message)
    assert found is not None, exc.message
    c.values["own"] = found[1]
    return exc


def conflict_differs(c: Ctx) -> PosError:
    other = c.other_stand(sales=0)
    target = str(c.tmp / "central.sqlite")
    sync.sync_stand(other.handle.uow, target)
    c.values["seq"] = count(other)
    other.handle.close()
    sell(c.stand, [(HIJAB, 1)], [Payment(CASH, 85_000)])
    return sync_to(c, target)


def altered_journal(c: Ctx) -> PosError:
    with c.stand.handle.uow() as uow:
        uow.session.execute(update(JournalRow).where(JournalRow.seq == 1)
                            .values(payload=JournalRow.payload + " "))
        uow.commit()
    return sync_to(c, str(c.tmp / "central.sqlite"))


def another_event(c: Ctx) -> PosError:
    event.join(c.stand.handle.uow(), KEY, approval=BUDI)
    target = c.tmp / "central.sqlite"
    with Central(str(target)) as central, central.writing() as conn:
        set_meta(conn, EVENT_META, "0badc0de")
    c.values |= {"ours": event.event_id(c.stand.handle.uow(write=False)), "target": target}
    return sync_to(c, str(target))


def busy_central(c: Ctx, monkeypatch: pytest.MonkeyPatch) -> PosError:
    target = c.tmp / "central.sqlite"
    sync.sync_stand(c.stand.handle.uow, str(target))
    monkeypatch.setattr(central_store, "BUSY_TIMEOUT_S", 0.2)
    other_writer = sqlite3.connect(target, isolation_level=None)
    try:
        other_writer.execute("BEGIN IMMEDIATE")
        return sync_to(c, str(target))
    finally:
        other_writer.close()


def foreign_database(c: Ctx) -> PosError:
    target = c.tmp / "notes.sqlite"
    with sqlite3.connect(target) as db:
        db.execute("CREATE TABLE notes (line TEXT)")
    db.close()
    return sync_to(c, str(target))


def not_a_database(c: Ctx) -> PosError:
    target = c.tmp / "notes.txt"
    target.write_text("not a database\n" * 200, encoding="utf-8")
    return sync_to(c, str(target))


def newer_central(c: Ctx) -> PosError:
    target = c.tmp / "central.sqlite"
    sync.sync_stand(c.stand.handle.uow, str(target))
    with Central(str(target)) as central, central.writing() as conn:
        conn.execute(cs.meta.update().where(cs.meta.c.key == "version").values(value="999"))
    return sync_to(c, str(target))


def versionless_central(c: Ctx) -> PosError:
    target = c.tmp / "central.sqlite"
    sync.sync_stand(c.stand.handle.uow, str(target))
    with Central(str(target)) as central, central.writing() as conn:
        conn.execute(cs.meta.delete().where(cs.meta.c.key == "version"))
    return sync_to(c, str(target))


def damaged_key(c: Ctx) -> PosError:
    with c.stand.handle.uow() as uow:
        uow.session.add(SettingRow(key="event_key", value="zz"))
        uow.commit()
    return refused(lambda: event.event_id(c.stand.handle.uow(write=False)))


def not_joined(c: Ctx) -> PosError:
    return refused(lambda: export.export_journal(c.stand.handle.uow(), c.tmp))


def key_typo(c: Ctx) -> PosError:
    i = 10
    return refused(lambda: parse_key(KEY[:i] + ("A" if KEY[i] != "A" else "B") + KEY[i + 1:]))


CASES: dict[str, tuple[Callable[..., PosError], str, str]] = {
    # the printer ------------------------------------------------------------------------
    "cups name": (
        cups_name,
        "CUPS printer 'TM T20': give the queue name without spaces, '/' or '#', like "
        "cups:TM-T20II (lpstat -p lists them)",
        "Printer CUPS TM T20: tulis nama antreannya tanpa spasi, '/' atau '#', misalnya "
        "cups:TM-T20II (lpstat -p menampilkan daftarnya)"),
    "win32 without a name": (
        win32_no_name,
        "A Windows printer needs its name, like win32:EPSON TM-T20II Receipt",
        "Printer Windows perlu namanya, misalnya win32:EPSON TM-T20II Receipt"),
    "win32 not on Windows": (
        win32_elsewhere,
        "Windows printers (win32:NAME) work only on Windows: on this computer use cups:, "
        "file:, network: or usb:",
        "Printer Windows (win32:NAME) hanya bisa dipakai di Windows: di komputer ini gunakan "
        "cups:, file:, network: atau usb:"),
    "pycups missing": (
        lambda c: PosError(driver_message("cups")),
        "CUPS printers (cups:NAME) need the pycups package, which this computer does not "
        "have: use file:, network: or usb: instead",
        "Printer CUPS (cups:NAME) memerlukan paket pycups, yang tidak ada di komputer ini: "
        "gunakan file:, network: atau usb:"),
    "pywin32 missing": (  # only on Windows, where win32print does not import
        lambda c: PosError("printer.needs_pywin32"),
        "Windows printers (win32:NAME) need the pywin32 package",
        "Printer Windows (win32:NAME) memerlukan paket pywin32, yang tidak ada di posapp ini"),
    "pyusb missing": (
        lambda c: PosError(driver_message("usb")),
        "USB printing needs the pyusb package (python-escpos[usb])",
        "Printer USB memerlukan paket pyusb, yang tidak ada di posapp ini"),
    "unknown printer": (
        unknown_printer,
        "Unknown printer 'lpt1': use file:PATH, network:HOST[:PORT], usb:VENDOR:PRODUCT, "
        "serial:DEVICE, cups:NAME, win32:NAME or pdf:FOLDER",
        "Printer lpt1 tidak dikenal: gunakan file:PATH, network:HOST[:PORT], "
        "usb:VENDOR:PRODUCT, serial:DEVICE, cups:NAME, win32:NAME atau pdf:FOLDER"),
    "unknown profile": (
        unknown_profile,
        "Unknown printer profile 'TM-NOPE' (for example TM-T20II)",
        "Profil printer TM-NOPE tidak dikenal (misalnya TM-T20II)"),
    "printer did not answer": (
        dead_printer,
        "Printer file:{dev} did not answer: No such file or directory",
        "Printer file:{dev} tidak menjawab: No such file or directory"),
    # the central store and sync -----------------------------------------------------------
    "no central store set": (
        lambda c: NotFound(NO_CENTRAL),
        "No central store set: choose one in the settings (Central store)",
        "Data pusat belum diatur: pilih di pengaturan (Data pusat)"),
    "conflict, the central store is ahead": (
        conflict_behind,
        "The central store has entries up to {seq} for stand JATIM, this laptop only up to "
        "{own}: is another laptop set up as stand JATIM, or was this one restored from an old "
        "backup?",
        "Konflik: data pusat punya catatan stan JATIM sampai {seq}, laptop ini hanya sampai "
        "{own}: apakah ada laptop lain yang dipasang sebagai stan JATIM, atau laptop ini "
        "dipulihkan dari cadangan lama?"),
    "conflict, an entry differs": (
        conflict_differs,
        "Stand JATIM, entry {seq} differs from the one the central store already has: is "
        "another laptop set up as stand JATIM? Nothing was sent",
        "Konflik: catatan {seq} stan JATIM berbeda dengan yang ada di data pusat: apakah ada "
        "laptop lain yang dipasang sebagai stan JATIM? Tidak ada yang dikirim"),
    "an altered journal": (
        altered_journal,
        "Stand JATIM, entry 1: its content does not match its hash (altered)",
        "Jurnal stan JATIM rusak pada catatan 1 (its content does not match its hash "
        "(altered)): tidak ada yang dikirim"),
    "another event": (
        another_event,
        "This stand joined event {ours}, the central store {target} is for event 0badc0de",
        "Stan ini tergabung di acara {ours}, tetapi data pusat {target} untuk acara 0badc0de"),
    "busy": (
        busy_central,
        "{tmp}/central.sqlite stayed busy with another stand's sync: try again",
        "{tmp}/central.sqlite sedang dipakai sinkronisasi stan lain: coba lagi"),
    "another kind of database": (
        foreign_database,
        "{tmp}/notes.sqlite is another kind of database, not a posapp central store",
        "{tmp}/notes.sqlite adalah database jenis lain, bukan data pusat"),
    "not a database at all": (
        not_a_database,
        "Cannot use the central store {tmp}/notes.txt: file is not a database",
        "Data pusat {tmp}/notes.txt tidak dapat dipakai (file is not a database)"),
    "made by a newer posapp": (
        newer_central,
        "{tmp}/central.sqlite was made by a newer posapp (format 999): update posapp to open "
        "it",
        "{tmp}/central.sqlite dibuat oleh posapp yang lebih baru: perbarui posapp"),
    "no version": (
        versionless_central,
        "{tmp}/central.sqlite is not a posapp central store (no version)",
        "{tmp}/central.sqlite bukan data pusat posapp"),
    "a folder": (
        lambda c: sync_to(c, str(c.tmp)),
        "{tmp} is a folder: give the central store's file name",
        "{tmp} adalah folder: pilih file data pusatnya"),
    "a missing folder": (
        lambda c: sync_to(c, str(c.tmp / "stick" / "central.sqlite")),
        "The folder {tmp}/stick does not exist",
        "Folder {tmp}/stick tidak ada (apakah flashdisk sudah dicolokkan?)"),
    "a missing folder in the settings": (
        lambda c: save(c, central=str(c.tmp / "stick" / "central.sqlite")),
        "The folder {tmp}/stick does not exist",
        "Folder {tmp}/stick tidak ada (apakah flashdisk sudah dicolokkan?)"),
    "not a database URL": (
        lambda c: save(c, central="postgresql://venue:port/hani"),
        "'postgresql://venue:port/hani' is not a database URL",
        "'postgresql://venue:port/hani' bukan URL database"),
    "not PostgreSQL": (
        lambda c: save(c, central="mysql://venue/hani"),
        "The central store is an SQLite file or a PostgreSQL URL, not mysql",
        "Data pusat berupa file SQLite atau URL postgresql://, bukan mysql"),
    "control characters": (
        lambda c: save(c, central="central\t.sqlite"),
        "The central store may not hold control characters",
        "Data pusat tidak boleh berisi karakter kontrol"),
    # backups to a second folder ------------------------------------------------------------
    "no backup folder": (
        lambda c: backup_to(c, None),
        "No backup folder is set: choose one in the settings (Backup folder)",
        "Folder cadangan belum diatur: pilih di pengaturan (Folder cadangan)"),
    "the backup stick pulled out": (
        lambda c: backup_to(c, c.tmp / "usb"),
        "The backup folder {tmp}/usb is not there: plug the USB stick back in, or choose "
        "another folder",
        "Folder cadangan {tmp}/usb tidak ada: colokkan lagi flashdisk-nya, atau pilih folder "
        "lain"),
    "the backup stick full": (
        lambda c: backup._problem(OSError(errno.ENOSPC, "No space left on device"),
                                  c.tmp / "usb"),
        "The backup folder {tmp}/usb is full: free some space or choose another folder",
        "Folder cadangan {tmp}/usb penuh: kosongkan sebagian atau pilih folder lain"),
    "the backup stick read-only": (
        lambda c: backup._problem(OSError(errno.EROFS, "Read-only file system"),
                                  c.tmp / "usb"),
        "Cannot write to the backup folder {tmp}/usb: it is read-only",
        "Folder cadangan {tmp}/usb tidak bisa ditulisi: pilih folder lain"),
    "the backup stick gone while copying": (
        lambda c: backup._problem(OSError(errno.EIO, "Input/output error"), c.tmp / "usb"),
        "The backup folder {tmp}/usb went away while copying: plug the USB stick back in",
        "Folder cadangan {tmp}/usb hilang saat menyalin: colokkan lagi flashdisk-nya"),
    "the backup copy failed otherwise": (
        lambda c: backup._problem(sqlite3.DatabaseError("database disk image is malformed"),
                                  c.tmp / "usb"),
        "The copy to {tmp}/usb failed: database disk image is malformed",
        "Pencadangan ke {tmp}/usb gagal (database disk image is malformed)"),
    "a new backup folder not there": (
        lambda c: save(c, backup_folder=str(c.tmp / "usb")),
        "The backup folder {tmp}/usb does not exist: plug in the USB stick or choose another "
        "folder",
        "Folder cadangan {tmp}/usb tidak ada: colokkan flashdisk atau pilih folder lain"),
    "a backup folder with control characters": (
        lambda c: save(c, backup_folder="usb\tstick"),
        "The backup folder is a folder's path",
        "Folder cadangan harus berupa alamat sebuah folder"),
    # the event key ------------------------------------------------------------------------
    "a key typo": (
        key_typo,
        "The event key has a typo: its check letters do not match; compare it group by group "
        "with the paper",
        "Kunci acara salah ketik: cocokkan per kelompok dengan kertasnya"),
    "a key too short": (
        lambda c: refused(lambda: parse_key(KEY[:-4])),
        "The event key has a typo: it has 52 letters and digits instead of 56",
        "Kunci acara salah ketik: berisi 52 huruf dan angka, seharusnya 56"),
    "a key with a U": (
        lambda c: refused(lambda: parse_key("U" + KEY[1:])),
        "The event key has a typo: it never holds the letter U (perhaps a V?)",
        "Kunci acara salah ketik: kunci tidak pernah memuat huruf U (mungkin V?)"),
    "not a key": (
        lambda c: refused(lambda: parse_key("https://example.org")),
        "This is not an event key (an event key is 14 groups of 4 letters and digits, like "
        "7K3M-...)",
        "Ini bukan kunci acara (14 kelompok berisi 4 huruf dan angka)"),
    "no key": (
        lambda c: refused(lambda: parse_key(" ")),
        "No event key given",
        "Ketik kunci acara"),
    "a damaged stored key": (
        damaged_key,
        "The event key stored in this stand is damaged: join the event again in the settings",
        "Kunci acara yang tersimpan di stan ini rusak: gabung ke acara lagi di pengaturan"),
    "not joined": (
        not_joined,
        "This stand has not joined the event yet: join it in the settings with the organizers' "
        "event key",
        "Stan ini belum tergabung di acara: gabung ke acara di pengaturan dengan kunci acara "
        "dari panitia"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_refusal_reads_as_one_line_in_english_and_indonesian(
        case: str, jatim: Stand, tmp_path: Path, catalog_file: Path, qapp: QApplication,
        qm_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if case == "win32 not on Windows" and sys.platform == "win32":
        pytest.skip("on Windows a win32: printer is allowed")
    make, english, indonesian = CASES[case]
    c = Ctx(jatim, tmp_path, catalog_file, {"tmp": tmp_path})
    exc = make(c, monkeypatch) if make is busy_central else make(c)

    assert is_code(exc.code), exc.code  # a message id with values, not a sentence
    assert user_message(exc) == english.format(**c.values)
    languages = Languages(qapp)
    try:
        assert languages.use("id")
        assert user_message(exc) == indonesian.format(**c.values)
    finally:
        languages.use("en")
    assert "\n" not in user_message(exc)


def test_an_unknown_id_is_shown_with_its_values_never_a_traceback() -> None:
    assert user_message(PosError("moon.not_up", hour=3)) == "Moon.not_up (hour=3)"
