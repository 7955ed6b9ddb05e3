"""The organizer window on a real central store (SQLite and PostgreSQL): the stand table,
sorting, filters and charts, the orders tab, merging dropped export files, the report and
open-orders files written from its buttons, refusals in one line."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from posapp.bootstrap import DataDir
from posapp.domain.errors import PosError
from posapp.domain.event_key import fingerprint, new_key, parse_key
from posapp.domain.event_report import Slice, StandTotals
from posapp.domain.money import format_rupiah
from posapp.services import central_totals, central_views, event, export, merge, stand, sync
from posapp.sync.central_store import EVENT_META, KEY_META, Central, set_meta
from posapp.ui.common.fit import BREAK
from posapp.ui.common.i18n import Languages, qm_path
from posapp.ui.organizer.chart import top_bars
from posapp.ui.organizer.orders import OpenOrdersModel, StandOrdersModel
from posapp.ui.organizer.settings import OrganizerSettings
from posapp.ui.organizer.table import StandTableModel
from posapp.ui.organizer.window import OrganizerWindow
from tests.central.order_stands import OrderEvent, make_order_event
from tests.central.stands import central_dump, stand_with_day
from tests.conftest import BUDI, Stand
from tests.readback import needs_poppler, run

KEY = new_key()
STANDS = (("JATIM", "Jawa Timur", 1), ("BALI", "Bali", 2), ("NTB", "Nusa Tenggara Barat", 3))
POSAPP = Path(sys.executable).with_name("posapp")


def stand_of(tmp_path: Path, catalog_file: Path, code: str, province: str,
             rounds: int) -> Stand:
    s = stand_with_day(DataDir(tmp_path / code), code, catalog_file, rounds=rounds)
    stand.set_up(s.handle.uow(), code=code, name=f"Stand {province}", province=province,
                 event_name="Pameran HANI")
    event.join(s.handle.uow(), KEY, approval=BUDI)
    return s


@pytest.fixture(scope="session")
def qm_file() -> Path:
    """The compiled Indonesian, built when missing or older than the .ts (as
    tests/ui/test_translations.py does)."""
    qm = Path(qm_path("id"))
    ts = qm.with_suffix(".ts")
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        subprocess.run([str(POSAPP.with_name("pyside6-lrelease")), "-silent", str(ts), "-qm",
                        str(qm)], check=True, capture_output=True)
    return qm


@pytest.fixture
def three_stands(central_url: str, tmp_path: Path, catalog_file: Path) -> str:
    """A central store with three stands synced, in three provinces, nets 1, 2 and 3 days."""
    for code, province, rounds in STANDS:
        s = stand_of(tmp_path, catalog_file, code, province, rounds)
        sync.sync_stand(s.handle.uow, central_url)
        s.handle.close()
    return central_url


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[OrganizerWindow]:
    w = OrganizerWindow(tmp_path / "config" / "organizer.json")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def opened(qtbot: QtBot, w: OrganizerWindow, target: str, *, create: bool = False) -> None:
    with qtbot.waitSignal(w.refreshed, timeout=20_000):
        w.open_target(target, create=create)
    assert w.target == target, w.message.text()


def column(w: OrganizerWindow, col: int) -> list[str]:
    model = w.dashboard.table.model()
    return [model.index(r, col).data() for r in range(model.rowCount())]


def totals_of(target: str) -> list[StandTotals]:
    with Central(target) as central:
        return central_totals.stand_totals(central)


def drop(w: OrganizerWindow, *paths: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where, buttons, keys = QPointF(10, 10), Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0)
    enter = QDragEnterEvent(where.toPoint(), Qt.DropAction.CopyAction, mime, buttons, keys)
    w.dragEnterEvent(enter)
    assert enter.isAccepted()
    w.dropEvent(QDropEvent(where, Qt.DropAction.CopyAction, mime, buttons, keys))


def results(w: OrganizerWindow) -> list[str]:
    r = w.merge_panel.results
    return [r.item(i).text() for i in range(r.count())]


# -- the table ---------------------------------------------------------------------------
def test_the_table_shows_each_stands_net_from_the_central_totals(
        qtbot: QtBot, window: OrganizerWindow, three_stands: str) -> None:
    opened(qtbot, window, three_stands)

    expected = {s.code: format_rupiah(s.totals.net) for s in totals_of(three_stands)}
    codes = column(window, StandTableModel.STAND)
    nets = column(window, StandTableModel.NET)
    assert dict(zip(codes, nets, strict=True)) == expected
    assert expected == {"JATIM": "Rp 1.734.500", "BALI": "Rp 3.469.000",
                        "NTB": "Rp 5.203.500"}
    assert "net Rp 10.407.000" in window.dashboard.totals.text()
    assert window.dashboard.table.model().index(0, StandTableModel.NET).data(
        Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert column(window, StandTableModel.PROVINCE) == ["Nusa Tenggara Barat", "Bali",
                                                        "Jawa Timur"]
    assert window.pages.currentWidget() is window.dashboard
    assert three_stands.split("/")[-1].split("?")[0] in window.windowTitle()


def test_sorting_by_net_and_by_stand(qtbot: QtBot, window: OrganizerWindow,
                                     three_stands: str) -> None:
    opened(qtbot, window, three_stands)
    header = window.dashboard.table.horizontalHeader()

    window.dashboard.table.sortByColumn(StandTableModel.NET, Qt.SortOrder.AscendingOrder)
    assert column(window, StandTableModel.NET) == ["Rp 1.734.500", "Rp 3.469.000",
                                                   "Rp 5.203.500"]
    x = header.sectionViewportPosition(StandTableModel.NET) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))
    assert column(window, StandTableModel.NET) == ["Rp 5.203.500", "Rp 3.469.000",
                                                   "Rp 1.734.500"]
    window.dashboard.table.sortByColumn(StandTableModel.STAND, Qt.SortOrder.AscendingOrder)
    assert column(window, StandTableModel.STAND) == [
        "BALI", "JATIM", "NTB"]


# -- filters and charts ------------------------------------------------------------------
def test_a_stand_filter_shows_that_stands_figures_in_the_chart_and_table(
        qtbot: QtBot, window: OrganizerWindow, three_stands: str) -> None:
    opened(qtbot, window, three_stands)
    d = window.dashboard
    assert sum(net for _, net in d.chart.bars) == 10_407_000

    with qtbot.waitSignal(window.refreshed, timeout=20_000):
        d.stand_filter.setCurrentIndex(d.stand_filter.findData("BALI"))
    assert d.chart.bars == [("Bali", 3_469_000)]
    assert column(window, StandTableModel.STAND) == ["BALI"]
    assert "net Rp 3.469.000" in d.totals.text()

    with qtbot.waitSignal(window.refreshed, timeout=20_000):
        d.dimension.setCurrentIndex(d.dimension.findData("maker_group"))
    with Central(three_stands) as central:
        slices = central_views.breakdown(central, "maker_group", stand="BALI")
        (day,) = central_views.days(central)
    assert d.chart.bars == [(s.label, s.net) for s in slices]
    assert sum(net for _, net in d.chart.bars) == 3_469_000
    assert "Net sales by maker group" in d.chart_title.text()

    with qtbot.waitSignal(window.refreshed, timeout=20_000):
        d.dimension.setCurrentIndex(d.dimension.findData("method"))
    assert {name for name, _ in d.chart.bars} <= {"Cash", "QRIS", "Card", "Transfer"}
    assert sum(net for _, net in d.chart.bars) == 3_469_000

    with qtbot.waitSignal(window.refreshed, timeout=20_000):
        d.day_filter.setCurrentIndex(d.day_filter.findData(day))
    assert sum(net for _, net in d.chart.bars) == 3_469_000
    assert d.table_note.isVisible()

    with qtbot.waitSignal(window.refreshed, timeout=20_000):
        d.stand_filter.setCurrentIndex(0)  # all stands again
    assert sum(net for _, net in d.chart.bars) == 10_407_000
    assert len(column(window, StandTableModel.NET)) == 3


def test_the_chart_keeps_the_top_slices_and_adds_up_the_rest() -> None:
    slices = [Slice((f"group {i:02d}",), sales=1000 * i, refunds=i) for i in range(1, 15)]
    bars = top_bars(slices, "Others", top=10)
    assert len(bars) == 11
    assert bars[0] == ("group 14", 14_000 - 14)
    assert bars[-1] == ("Others", sum(s.net for s in slices[:4]))
    assert sum(net for _, net in bars) == sum(s.net for s in slices)
    assert top_bars(slices[:11], "Others", top=10)[-1] == ("group 01", 999)  # no lone "others"


# -- merging -----------------------------------------------------------------------------
def test_dropping_an_export_file_merges_it_and_a_second_drop_says_already_merged(
        qtbot: QtBot, window: OrganizerWindow, central_url: str, tmp_path: Path,
        catalog_file: Path) -> None:
    s = stand_of(tmp_path, catalog_file, "BALI", "Bali", 2)
    path = export.export_journal(s.handle.uow(), tmp_path / "usb.posexport").path
    opened(qtbot, window, central_url, create=True)
    assert column(window, StandTableModel.NET) == []

    drop(window, path)
    qtbot.waitUntil(lambda: window.merge_panel.key_dialog is not None
                    and window.merge_panel.key_dialog.isVisible(), timeout=20_000)
    dialog = window.merge_panel.key_dialog
    key_input = dialog.findChild(QLineEdit, "eventKeyInput")
    key_input.setText("not a key")
    dialog.submit()
    assert "not an event key" in dialog.error.text() and dialog.isVisible()
    key_input.setText(KEY.lower())
    with qtbot.waitSignal(window.merge_panel.merged, timeout=20_000) as merged:
        dialog.submit()
    (result,) = merged.args[0]
    assert result[1].applied > 0
    assert results(window) == [f"usb.posexport: merged {result[1].applied} entries of stand BALI"]
    qtbot.waitUntil(lambda: column(window, StandTableModel.NET) == ["Rp 3.469.000"],
                    timeout=20_000)
    assert not window.merge_panel.progress.isVisible()

    with qtbot.waitSignal(window.merge_panel.merged, timeout=20_000):
        drop(window, path)
    assert results(window) == [
        f"usb.posexport: already merged (stand BALI, entries up to {result[1].last_seq})"]
    assert window.merge_panel.key_dialog is dialog  # asked once only
    qtbot.waitUntil(lambda: not window.dashboard.busy, timeout=20_000)
    assert column(window, StandTableModel.NET) == ["Rp 3.469.000"]


def test_a_refused_file_shows_its_reason_and_the_table_is_unchanged(
        qtbot: QtBot, window: OrganizerWindow, three_stands: str, tmp_path: Path,
        catalog_file: Path) -> None:
    s = stand_of(tmp_path / "late", catalog_file, "NTT", "Nusa Tenggara Timur", 1)
    good = export.export_journal(s.handle.uow(), tmp_path / "good.posexport").path
    data = good.read_bytes()
    assert b"325000" in data
    bad = tmp_path / "NTT-changed.posexport"
    bad.write_bytes(data.replace(b"325000", b"925000", 1))  # one byte of a price changed
    with Central(three_stands) as central, central.writing() as conn:  # the store has its
        set_meta(conn, EVENT_META, fingerprint(parse_key(KEY)))  # event, and this computer
    assert not merge.needs_key(three_stands)  # its key (the stands joined here): no question
    opened(qtbot, window, three_stands)
    before_table = column(window, StandTableModel.NET)
    before = central_dump(three_stands)

    with qtbot.waitSignal(window.merge_panel.merged, timeout=20_000):
        drop(window, bad)
    qtbot.waitUntil(lambda: not window.dashboard.busy, timeout=20_000)

    (line,) = results(window)
    assert line == ("NTT-changed.posexport has been changed after it was signed, or was "
                    "signed with another key")
    assert central_dump(three_stands) == before
    assert column(window, StandTableModel.NET) == before_table
    assert window.merge_panel.key_dialog is None


def test_a_refused_file_in_indonesian(qtbot: QtBot, window: OrganizerWindow, tmp_path: Path,
                                      qapp: QApplication, qm_file: Path) -> None:
    languages = Languages(qapp)
    try:
        assert languages.use("id")
        opened(qtbot, window, str(tmp_path / "central.sqlite"), create=True)
        with Central(window.target or "") as central, central.writing() as conn:
            set_meta(conn, KEY_META, KEY)
        text = tmp_path / "notes.posexport"
        text.write_text("bukan ekspor\n", encoding="utf-8")
        with qtbot.waitSignal(window.merge_panel.merged, timeout=20_000):
            drop(window, text)
        assert results(window) == ["notes.posexport bukan file ekspor posapp"]
    finally:
        languages.use("en")


# -- opening -----------------------------------------------------------------------------
@pytest.mark.parametrize("what", ["text file", "stand database", "missing file", "folder"])
def test_opening_something_that_is_not_a_central_store_says_so_in_one_line(
        qtbot: QtBot, window: OrganizerWindow, tmp_path: Path, jatim: Stand,
        what: str) -> None:
    path = {"text file": tmp_path / "notes.txt", "stand database": jatim.path,
            "missing file": tmp_path / "nowhere.sqlite", "folder": tmp_path}[what]
    if what == "text file":
        path.write_text("this is not a database, just some notes\n" * 50, encoding="utf-8")
    before = path.read_bytes() if path.is_file() else None

    with qtbot.waitSignal(window.refreshed, timeout=20_000):
        window.open_target(str(path))

    message = window.message.text()
    assert window.message.isVisible()
    assert message.startswith(f"Cannot open {path}: ")
    assert "\n" not in message and "Traceback" not in message and len(message) < 300
    assert window.target is None and window.pages.currentWidget() is window.empty_page
    assert (path.read_bytes() if path.is_file() else None) == before
    assert not (tmp_path / "nowhere.sqlite").exists()


def test_a_new_file_becomes_an_empty_central_store_and_is_remembered(
        qtbot: QtBot, window: OrganizerWindow, tmp_path: Path) -> None:
    target = str(tmp_path / "event.sqlite")
    opened(qtbot, window, target, create=True)
    assert Path(target).exists()
    assert "0 stands · 0 sales" in window.dashboard.totals.text()
    assert window.dashboard.chart.bars == []
    assert OrganizerSettings.load(window.settings_path).last_central == target

    again = OrganizerWindow(window.settings_path)
    qtbot.addWidget(again)
    again.show()
    assert again.open_last.isVisible() and target in again.open_last.text()
    with qtbot.waitSignal(again.refreshed, timeout=20_000):
        qtbot.mouseClick(again.open_last, Qt.MouseButton.LeftButton)
    assert again.target == target


def test_a_url_is_remembered_without_its_password(tmp_path: Path) -> None:
    from posapp.services.organizer import without_password

    assert without_password("postgresql://org:rahasia@db.local/hani") == \
        "postgresql://org@db.local/hani"
    assert without_password("postgresql://org@db.local/hani") == "postgresql://org@db.local/hani"
    assert without_password(str(tmp_path / "c.sqlite")) == str(tmp_path / "c.sqlite")


def test_files_dropped_together_merge_in_the_order_of_their_entries(
        qtbot: QtBot, window: OrganizerWindow, central_url: str, tmp_path: Path,
        catalog_file: Path) -> None:
    s = stand_of(tmp_path, catalog_file, "BALI", "Bali", 1)
    whole = export.export_journal(s.handle.uow(), tmp_path / "a-whole.posexport")
    tail = export.export_journal(s.handle.uow(), tmp_path / "b-tail.posexport",
                                 since=whole.last_seq - 3)
    with Central(central_url) as central, central.writing() as conn:  # the key is known here
        set_meta(conn, EVENT_META, fingerprint(parse_key(KEY)))
    opened(qtbot, window, central_url)

    with qtbot.waitSignal(window.merge_panel.merged, timeout=20_000):
        drop(window, tail.path, whole.path)  # the later file first

    assert results(window) == [
        f"a-whole.posexport: merged {whole.count} entries of stand BALI",
        f"b-tail.posexport: already merged (stand BALI, entries up to {whole.last_seq})"]


def test_dropping_files_without_a_central_store_asks_to_open_one(
        window: OrganizerWindow, tmp_path: Path) -> None:
    drop(window, tmp_path / "x.posexport")
    assert "Open or create a central store first" in window.message.text()
    assert not window.merge_panel.isVisible()


def test_the_language_switch_retranslates_and_is_remembered(
        qtbot: QtBot, qapp: QApplication, qm_file: Path, tmp_path: Path) -> None:
    languages = Languages(qapp)
    try:
        assert languages.use("id")
        w = OrganizerWindow(tmp_path / "organizer.json", languages=languages)
        qtbot.addWidget(w)
        w.show()
        assert w.buttons["openFile"].text() == "Buka file…"
        assert w.empty_title.text() == "Belum ada data pusat yang dibuka"
        w.menu_actions["language"].trigger()
        qtbot.waitUntil(lambda: w.buttons["openFile"].text() == "Open file…")
        assert w.dashboard.dimension.itemText(0) == "Province"
        assert OrganizerSettings.load(tmp_path / "organizer.json").language == "en"
    finally:
        languages.use("en")


# -- the command -------------------------------------------------------------------------
def run_posapp(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(POSAPP), *args], env=env, capture_output=True, text=True,
                          timeout=60)


def test_posapp_organizer_opens_the_window_and_closes(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    target = tmp_path / "central.sqlite"
    Central(str(target)).close()
    with Central(str(target)) as central, central.writing():
        pass
    done = run_posapp("organizer", "--central", str(target), "--exit-after", "1", env=env)
    assert done.returncode == 0, done.stderr
    assert OrganizerSettings.load(tmp_path / "posapp" / "organizer.json").last_central == \
        str(target)


def test_posapp_organizer_without_a_display_says_so(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    done = run_posapp("organizer", env=env)
    assert done.returncode == 1
    assert done.stderr.startswith("posapp: no display") and "organizer" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_the_cli_does_not_load_qt() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from posapp.cli.main import build_parser; "
         "build_parser(); print(sorted(m for m in sys.modules if m.startswith('PySide6')))"],
        capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# -- orders ------------------------------------------------------------------------------
@pytest.fixture
def orders_store(central_url: str, tmp_path: Path, catalog_file: Path) -> OrderEvent:
    """JATIM and BALI took orders in June 2026; one of JATIM's, due 26 June, is overdue."""
    return make_order_event(central_url, tmp_path / "stands", catalog_file)


def cells(view: QTableView, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> list[Any]:
    model = view.model()
    return [model.index(r, col).data(role) for r in range(model.rowCount())]


def query(url: str, sql: str) -> list[tuple[Any, ...]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql))]
    finally:
        engine.dispose()


def test_the_orders_tab_shows_open_orders_deposits_held_and_balances_due_per_stand(
        qtbot: QtBot, window: OrganizerWindow, orders_store: OrderEvent) -> None:
    opened(qtbot, window, orders_store.url)
    d, pane = window.dashboard, window.dashboard.orders
    assert d.tabs.tabText(1) == "Orders (3 open, 1 overdue)"
    d.tabs.setCurrentWidget(pane)

    expected = query(orders_store.url, "SELECT stand, open_orders, deposits_held, "
                                       "balances_due FROM v_stand_order_totals ORDER BY stand")
    table, m = pane.stand_table, StandOrdersModel
    shown = list(zip(cells(table, m.STAND), cells(table, m.OPEN), cells(table, m.HELD),
                     cells(table, m.DUE), strict=True))
    assert shown == [(stand, str(n), format_rupiah(held), format_rupiah(due))
                     for stand, n, held, due in expected]
    assert shown == [("BALI", "1", "Rp 700.000", "Rp 850.000"),
                     ("JATIM", "2", "Rp 1.000.000", "Rp 2.800.000")]
    assert cells(table, m.OVERDUE) == ["0", "1"]
    assert "deposits held Rp 1.700.000 · balances due Rp 3.650.000" in pane.totals.text()
    assert "1 overdue" in pane.totals.text()

    orders_view, o = pane.open_table, OpenOrdersModel
    assert sorted(cells(orders_view, o.ORDER)) == orders_store.open
    row = cells(orders_view, o.ORDER).index(orders_store.overdue)
    late = [orders_view.model().index(row, c) for c in range(o.BALANCE + 1)]
    assert late[o.DUE].data() == "26-06-2026 (overdue)"
    assert late[o.BALANCE].data() == "Rp 2.350.000" and late[o.COUNTRY].data() == "Vietnam"
    assert late[o.BUYER].data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b00020"
    assert "Batik tulis motif parang" in late[o.ORDER].data(Qt.ItemDataRole.ToolTipRole)
    others = [r for r in range(orders_view.model().rowCount()) if r != row]
    assert all(orders_view.model().index(r, o.BUYER).data(Qt.ItemDataRole.ForegroundRole)
               is None for r in others)
    assert all("overdue" not in orders_view.model().index(r, o.DUE).data() for r in others)
    assert cells(orders_view, o.DUE)[0] == "26-06-2026 (overdue)"  # sorted by due date

    with qtbot.waitSignal(window.refreshed, timeout=20_000):  # filtered by stand
        d.stand_filter.setCurrentIndex(d.stand_filter.findData("BALI"))
    assert cells(pane.stand_table, m.STAND) == ["BALI"]
    assert cells(orders_view, o.STAND) == ["BALI"]
    assert "deposits held Rp 700.000 · balances due Rp 850.000" in pane.totals.text()
    assert d.tabs.tabText(1) == "Orders (1 open)"
    assert "net Rp 0" in d.totals.text()  # the sales table leaves order money out


# -- report files ------------------------------------------------------------------------
def save_as(monkeypatch: pytest.MonkeyPatch, path: Path, chosen: str = "") -> list[str]:
    """The next file dialogs answer *path*; returns the names they suggested."""
    suggested: list[str] = []

    def answer(_parent: object, _title: str, name: str, _filter: str) -> tuple[str, str]:
        suggested.append(name)
        return str(path), chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return suggested


def written(qtbot: QtBot, w: OrganizerWindow, kind: str) -> object:
    with qtbot.waitSignal(w.reports.finished, timeout=60_000) as done:
        qtbot.mouseClick(w.reports.buttons[kind], Qt.MouseButton.LeftButton)
    assert not w.reports.progress.isVisible() and w.reports.buttons[kind].isEnabled()
    return done.args[0]


@needs_poppler
def test_the_pdf_button_writes_the_event_report_with_the_overall_and_a_stands_net(
        qtbot: QtBot, window: OrganizerWindow, three_stands: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    opened(qtbot, window, three_stands)
    pdf = tmp_path / "laporan.pdf"
    suggested = save_as(monkeypatch, pdf)
    progress: list[int] = []
    window.reports.progress.valueChanged.connect(progress.append)

    written(qtbot, window, "pdf")

    (name,) = suggested
    assert Path(name).name.startswith("report-Pameran-HANI-20") and name.endswith(".pdf")
    line = shown(window.reports.result)
    assert line == f"PDF report written to {pdf}: 3 stands, net Rp 10.407.000"
    assert window.reports.result.isVisible() and progress[-1] == 100
    text = run("pdftotext", "-layout", pdf, "-")
    assert "Rp 10.407.000" in text.split("\f")[0]
    jatim = next(ln for ln in text.split("\f")[1].splitlines() if ln.strip().startswith("JATIM"))
    assert "Rp 1.734.500" in jatim


def test_the_excel_button_writes_numbers_that_are_numbers(
        qtbot: QtBot, window: OrganizerWindow, three_stands: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    opened(qtbot, window, three_stands)
    save_as(monkeypatch, tmp_path / "laporan")  # no suffix typed: .xlsx is added

    written(qtbot, window, "xlsx")

    xlsx = tmp_path / "laporan.xlsx"
    assert shown(window.reports.result).startswith(f"Excel report written to {xlsx}: ")
    stands = openpyxl.load_workbook(xlsx)["Stan"]
    header = [c.value for c in stands[1]]
    nets = {r[0].value: r[header.index("Neto")] for r in stands.iter_rows(min_row=2)}
    assert {k: c.value for k, c in nets.items()} == {
        "BALI": 3_469_000, "JATIM": 1_734_500, "NTB": 5_203_500, "TOTAL": 10_407_000}
    assert all(c.data_type == "n" and isinstance(c.value, int) for c in nets.values())


def test_the_open_orders_button_writes_a_csv_of_each_open_orders_lines(
        qtbot: QtBot, window: OrganizerWindow, orders_store: OrderEvent, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    opened(qtbot, window, orders_store.url)
    path = tmp_path / "kirim.csv"
    suggested = save_as(monkeypatch, path, "CSV, UTF-8 (*.csv)")

    written(qtbot, window, "orders")

    assert Path(suggested[0]).name.startswith("open-orders-Pameran-HANI-2026-20")
    assert shown(window.reports.result) == (
        f"Open orders written to {path}: 3 orders, 1 overdue, balances due Rp 3.650.000")
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert sorted({r["order_no"] for r in rows}) == orders_store.open
    assert len(rows) == 5 and sum(int(r["balance_due"] or 0) for r in rows) == 3_650_000
    late = [r for r in rows if r["order_no"] == orders_store.overdue]
    assert [r["overdue"] for r in late] == ["yes", "yes"]
    assert "Batik tulis motif parang, biru, 2 m" in [r["item"] for r in late]


@pytest.mark.parametrize("what", ["missing folder", "folder", "no central store"])
def test_a_report_that_cannot_be_written_says_why_in_one_line(
        qtbot: QtBot, window: OrganizerWindow, three_stands: str, tmp_path: Path,
        make_central_url: Callable[..., str], monkeypatch: pytest.MonkeyPatch,
        what: str) -> None:
    opened(qtbot, window, three_stands)
    path = {"missing folder": tmp_path / "gone" / "r.pdf", "folder": tmp_path / "r.pdf",
            "no central store": tmp_path / "r.pdf"}[what]
    if what == "folder":
        path.mkdir()
    if what == "no central store":  # the store went away (a stick pulled, a database dropped)
        window.target = make_central_url("empty")
    save_as(monkeypatch, path)

    result = written(qtbot, window, "pdf")

    line = shown(window.reports.result)
    assert isinstance(result, PosError)
    assert line.startswith("The PDF report was not written: ")
    assert {"missing folder": f"the folder {tmp_path / 'gone'} does not exist",
            "folder": "Cannot write r.pdf: it is a folder",
            "no central store": "central store"}[what] in line
    assert "\n" not in line and "Traceback" not in line and len(line) < 300
    assert window.reports.result.property("role") == "error"  # said in the error colour
    assert not (tmp_path / "gone").exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".part")] == (
        ["r.pdf"] if what == "folder" else [])


def test_the_report_buttons_wait_for_a_central_store(window: OrganizerWindow) -> None:
    assert not any(b.isVisible() for b in window.reports.buttons.values())
    assert not window.menu_actions["pdfReport"].isEnabled()


def shown(label: QLabel) -> str:
    """A label's text as read: the zero-width spaces that let a long path wrap left out."""
    return label.text().replace(BREAK, "")
