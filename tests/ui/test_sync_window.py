"""Sync from the stand window into a real central store: every entry lands once, the status
bar says how it went (in the event's time zone), a conflict is one translated line, and the
cashier keeps selling while it runs."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from posapp.bootstrap import DataDir
from posapp.domain.tender import Payment
from posapp.services import history, journal, settings, sync
from posapp.services import stand as stand_info
from posapp.store.models import JournalRow
from posapp.sync import central_schema as cs
from posapp.sync.central_store import Central
from posapp.ui.common.i18n import Languages
from posapp.ui.stand.sync_controller import SyncController
from posapp.ui.stand.window import StandWindow
from tests.central.stands import CASH, QRIS, central_dump, sell
from tests.conftest import BUDI, Stand, make_stand
from tests.ui.test_stand_window import logged_in, window_for
from tests.ui.test_window_printing import pay_cash

HIJAB, GEDOG = "JTM-JLB-001", "JTM-BTK-002"
SYNC_S = 30_000  # ms a sync may take in a test (PostgreSQL's first connection included)


def as_setting(url: str) -> str:
    """The central store as a stand sets it: an SQLite file's path, or the PostgreSQL URL."""
    return url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url


def use_central(stand: Stand, target: str) -> None:
    current = settings.get(stand.handle.uow(write=False))
    settings.save(stand.handle.uow(), replace(current, central=target), approval=BUDI)


def journal_count(stand: Stand) -> int:
    with stand.handle.uow(write=False) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(JournalRow)) or 0)


def central_seqs(target: str, code: str = "JATIM") -> list[int]:
    with Central(target) as central, central.reading() as conn:
        return list(conn.scalars(select(cs.journal_entry.c.seq)
                                 .where(cs.journal_entry.c.stand == code)
                                 .order_by(cs.journal_entry.c.seq)))


def last_time(stand: Stand) -> str:
    """The last sync's time as the status bar shows it: HH:MM in the event's time zone."""
    state = sync.last_sync(stand.handle.uow(write=False))
    assert state is not None
    zone = stand_info.get(stand.handle.uow(write=False)).zone
    return state.at.replace(tzinfo=UTC).astimezone(zone).strftime("%H:%M")


def synced(stand: Stand, n: int) -> str:
    entries = "1 entry" if n == 1 else f"{n} entries"
    return f"Synced {last_time(stand)} ✓ ({entries})"


def status(w: StandWindow) -> str:
    return w.status_labels["statusSync"].text()


def sync_and_wait(qtbot: QtBot, w: StandWindow, how: str = "menu") -> Any:
    """Sync by the menu, F5 or a click on the status; the result (or the exception)."""
    with qtbot.waitSignal(w.sync.finished, timeout=SYNC_S) as done:
        if how == "menu":
            w.menu_actions["syncNow"].trigger()
        elif how == "F5":
            qtbot.keyClick(w, Qt.Key.Key_F5)
        else:
            qtbot.mouseClick(w.status_labels["statusSync"], Qt.MouseButton.LeftButton)
        assert w.sync.busy
    return done.args[0]


@pytest.mark.parametrize("how", ["menu", "F5", "status"])
def test_sync_from_the_window_lands_every_entry_and_again_sends_none(
        jatim: Stand, qtbot: QtBot, tmp_path: Path, how: str) -> None:
    target = str(tmp_path / "stick" / "central.sqlite")
    (tmp_path / "stick").mkdir()
    sell(jatim, [(HIJAB, 2)], [Payment(CASH, 170_000)])
    sell(jatim, [(GEDOG, 1)], [Payment(QRIS, 325_000)])
    use_central(jatim, target)
    w = logged_in(jatim, qtbot)
    assert status(w) == "Never synced"
    entries = journal_count(jatim)
    assert entries >= 2

    result = sync_and_wait(qtbot, w, how)

    assert result.sent == entries
    assert central_seqs(target) == list(range(1, entries + 1))
    assert status(w) == synced(jatim, entries)
    assert sync_and_wait(qtbot, w, how).sent == 0
    assert status(w) == synced(jatim, 0)
    assert central_seqs(target) == list(range(1, entries + 1))


def test_sync_into_sqlite_and_postgresql(central_url: str, jatim: Stand, qtbot: QtBot) -> None:
    target = as_setting(central_url)
    sell(jatim, [(HIJAB, 1)], [Payment(CASH, 85_000)])
    use_central(jatim, target)
    w = logged_in(jatim, qtbot)
    entries = journal_count(jatim)

    assert sync_and_wait(qtbot, w).sent == entries

    assert central_seqs(target) == list(range(1, entries + 1))
    assert status(w) == synced(jatim, entries)


def test_the_status_bar_shows_the_last_sync_at_window_start(
        jatim: Stand, qtbot: QtBot, tmp_path: Path) -> None:
    target = str(tmp_path / "central.sqlite")
    sell(jatim, [(HIJAB, 1)], [Payment(CASH, 85_000)])
    first = sync.sync_stand(jatim.handle.uow, target)

    w = window_for(jatim, qtbot)

    assert first.sent > 0
    assert status(w) == synced(jatim, first.sent)


def test_a_sync_on_another_day_shows_its_date(jatim: Stand, qtbot: QtBot,
                                              tmp_path: Path) -> None:
    sync.sync_stand(jatim.handle.uow, str(tmp_path / "central.sqlite"),
                    clock=lambda: datetime(2026, 6, 25, 7, 5))
    w = window_for(jatim, qtbot)
    assert status(w).startswith("Synced 25-06-2026 14:05 ✓")  # WIB is UTC+7


@pytest.fixture
def conflicting(jatim: Stand, data_dir: DataDir, catalog_file: Path,
                tmp_path: Path) -> Iterator[str]:
    """A central store where another laptop, also set up as JATIM, synced first."""
    other = make_stand(DataDir(tmp_path / "other-laptop"), "JATIM", catalog_file)
    try:
        sell(other, [(GEDOG, 1)], [Payment(CASH, 325_000)])
        target = str(tmp_path / "central.sqlite")
        sync.sync_stand(other.handle.uow, target)
        sell(jatim, [(HIJAB, 2)], [Payment(CASH, 170_000)])
        sell(jatim, [(HIJAB, 1)], [Payment(CASH, 85_000)])
        use_central(jatim, target)
        yield target
    finally:
        other.handle.close()


def test_a_conflict_shows_its_reason_and_the_window_still_sells(
        jatim: Stand, qtbot: QtBot, conflicting: str, tmp_path: Path) -> None:
    before = central_dump(f"sqlite:///{conflicting}")
    w = logged_in(jatim, qtbot)

    failure = sync_and_wait(qtbot, w)

    assert "another laptop set up as stand JATIM" in str(failure)
    label = w.status_labels["statusSync"]
    text = label.toolTip().splitlines()[0]  # the whole line; the label may be cut to fit
    assert text.startswith(f"Sync failed {last_time(jatim)}: Stand JATIM, entry ")
    assert "differs from the one the central store already has: is another laptop set up as " \
           "stand JATIM? Nothing was sent" in text
    assert "\n" not in label.text() and "Traceback" not in text
    assert label.text() == f"Sync failed {last_time(jatim)}"
    assert central_dump(f"sqlite:///{conflicting}") == before
    banner = w.selling.findChild(QWidget, "syncBanner")  # the whole reason, and a retry
    assert banner.isVisible() and banner.text.text() == text

    w.selling.add_code(HIJAB)  # selling goes on
    pay_cash(qtbot, w, "85.000")
    assert [s.receipt_no for s in history.list_sales(jatim.handle.uow(write=False))][-1] == \
        "JATIM-000003"
    assert status(w).startswith("Sync failed")

    use_central(jatim, str(tmp_path / "own.sqlite"))  # pointed at a store of its own
    with qtbot.waitSignal(w.sync.finished, timeout=SYNC_S):
        qtbot.mouseClick(banner.retry, Qt.MouseButton.LeftButton)
    assert not banner.isVisible() and status(w).startswith("Synced ")


def test_a_conflict_in_indonesian(jatim: Stand, qtbot: QtBot, conflicting: str,
                                  indonesian: Languages) -> None:
    w = logged_in(jatim, qtbot)

    sync_and_wait(qtbot, w)

    text = w.status_labels["statusSync"].toolTip().splitlines()[0]
    assert text.startswith(f"Sinkron gagal {last_time(jatim)}: Konflik: catatan ")
    assert "stan JATIM berbeda dengan yang ada di data pusat" in text
    state = sync.last_sync(jatim.handle.uow(write=False))
    assert state is not None and not state.ok and "entry" in state.message  # stored in English
    w.close()
    again = window_for(jatim, qtbot)  # read back at the next start: translated again
    assert again.status_labels["statusSync"].toolTip().splitlines()[0] == text


def test_a_sale_made_while_the_sync_reads_lands_and_the_next_sync_sends_it(
        jatim: Stand, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sync holds a read transaction on the stand's database (its own connection) while
    the cashier commits a sale: SQLite's WAL lets both go on."""
    target = str(tmp_path / "central.sqlite")
    sell(jatim, [(GEDOG, 1)], [Payment(CASH, 325_000)])
    use_central(jatim, target)
    reading, go = threading.Event(), threading.Event()
    real = journal.iter_entries

    def paused(session: Any, **kw: Any) -> Iterator[Any]:
        reading.set()  # inside the sync's read transaction on the stand database
        assert go.wait(SYNC_S / 1000)
        yield from real(session, **kw)

    monkeypatch.setattr(journal, "iter_entries", paused)
    w = logged_in(jatim, qtbot)
    before = journal_count(jatim)
    w.menu_actions["syncNow"].trigger()
    qtbot.waitUntil(reading.is_set, timeout=SYNC_S)
    assert status(w) == "Syncing…"

    w.selling.add_code(HIJAB)
    pay_cash(qtbot, w, "85.000")  # committed now, while the sync is still reading

    assert w.sync.busy
    assert [s.receipt_no for s in history.list_sales(jatim.handle.uow(write=False))] == [
        "JATIM-000001", "JATIM-000002"]
    with qtbot.waitSignal(w.sync.finished, timeout=SYNC_S) as done:
        go.set()
    assert done.args[0].sent == before  # the snapshot it read: the sale is not in it
    assert journal_count(jatim) > before
    assert sync_and_wait(qtbot, w).sent == journal_count(jatim) - before
    assert central_seqs(target) == list(range(1, journal_count(jatim) + 1))


def test_closing_a_shift_syncs_when_a_central_store_is_set(
        jatim: Stand, qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QPushButton, QSpinBox

    target = str(tmp_path / "central.sqlite")
    use_central(jatim, target)
    w = logged_in(jatim, qtbot)
    w.actions_.close_shift()
    dialog = w.actions_.dialog
    assert dialog is not None
    dialog.findChild(QSpinBox, "count100000").setValue(5)
    qtbot.mouseClick(dialog.findChild(QPushButton, "checkCountButton"),
                     Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(w.sync.finished, timeout=SYNC_S):
        qtbot.mouseClick(dialog.findChild(QPushButton, "confirmCloseButton"),
                         Qt.MouseButton.LeftButton)

    assert central_seqs(target) == list(range(1, journal_count(jatim) + 1))
    assert status(w).startswith(f"Synced {last_time(jatim)} ✓")


def test_without_a_central_store_closing_a_shift_does_not_sync_and_sync_now_says_where(
        jatim: Stand, qtbot: QtBot) -> None:
    w = logged_in(jatim, qtbot)
    assert not w.sync.after_shift_close()

    w.menu_actions["syncNow"].trigger()

    assert not w.sync.busy
    assert status(w) == "Never synced"
    assert w.statusBar().currentMessage() == (
        "No central store set: choose one in the settings (Central store)")


def test_a_surprise_is_one_line_and_selling_goes_on(jatim: Stand, qtbot: QtBot, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("driver said no\n  File 'x.py', line 1")

    use_central(jatim, str(tmp_path / "central.sqlite"))
    monkeypatch.setattr(sync, "sync_stand", broken)
    w = logged_in(jatim, qtbot)

    sync_and_wait(qtbot, w)

    banner = w.selling.findChild(QWidget, "syncBanner")  # the reason, on the selling screen
    assert banner.isVisible()
    assert banner.text.text() == f"{status(w)}: driver said no File 'x.py', line 1"
    assert status(w).startswith("Sync failed ") and ": " not in status(w)  # short
    w.selling.add_code(HIJAB)
    pay_cash(qtbot, w, "85.000")
    assert len(history.list_sales(jatim.handle.uow(write=False))) == 1


def test_the_status_text_while_syncing_shows_progress(jatim: Stand, qtbot: QtBot) -> None:
    controller = SyncController(logged_in(jatim, qtbot).session)
    controller._running = object()  # type: ignore[assignment]
    controller._progressed(2_000, 8_000)
    assert controller.status_text() == "Syncing… 25%"
