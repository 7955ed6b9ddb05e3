"""Sync from a stand into the central store, on SQLite and PostgreSQL: exactly once."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from posapp.bootstrap import DataDir
from posapp.domain.errors import NotFound, StorageError
from posapp.domain.tender import Payment
from posapp.domain.totals import fold
from posapp.services import catalog, central_totals, returns, shifts, sync
from posapp.services.reports import shift_report
from posapp.store.models import ShiftRow
from posapp.sync import central_schema as cs
from posapp.sync.central_apply import SyncConflict
from posapp.sync.central_store import Central
from tests.central.stands import (
    CASH,
    QRIS,
    central_dump,
    journal_of,
    sell,
    stand_with_day,
)
from tests.conftest import BUDI, SUPERVISOR, SUPERVISOR_PIN, Stand, make_stand


def totals_of(url: str) -> dict[str, central_totals.StandTotals]:
    with Central(url) as central:
        return {s.code: s for s in central_totals.stand_totals(central)}


def z_nets(stand: Stand) -> int:
    """The net of every closed shift's own Z report, added up."""
    with stand.handle.uow(write=False) as uow:
        closed = uow.session.query(ShiftRow).filter(ShiftRow.closed_at.is_not(None)).all()
        return sum(shift_report(uow, s).net for s in closed)


def test_sync_sends_every_entry_once_and_totals_equal_the_z_report(
        central_url: str, data_dir: DataDir, catalog_file: Path) -> None:
    stand = stand_with_day(data_dir, "JATIM", catalog_file)
    entries = journal_of(stand)

    first = sync.sync_stand(stand.handle.uow, central_url)
    again = sync.sync_stand(stand.handle.uow, central_url)

    assert (first.sent, first.last_seq) == (len(entries), len(entries))
    assert again.sent == 0
    jatim = totals_of(central_url)["JATIM"]
    assert jatim.totals.net == z_nets(stand) == 1_734_500
    assert jatim.totals.figures() == fold(entries).figures()
    with Central(central_url) as central:
        assert central_totals.check_z_reports(central) == []
    state = sync.last_sync(stand.handle.uow(write=False))
    assert state is not None and state.ok and state.sent == 0


def test_central_stock_is_what_the_stand_has_left(central_url: str, data_dir: DataDir,
                                                    catalog_file: Path) -> None:
    stand = stand_with_day(data_dir, "JATIM", catalog_file)
    catalog.adjust_stock(stand.handle.uow(), stand.cashier, "JTM-KYU-001", 4, "kiriman baru")
    sync.sync_stand(stand.handle.uow, central_url)

    engine = create_engine(central_url)
    with engine.connect() as conn:
        central_stock = dict(conn.execute(text(
            "SELECT sku, stock FROM product WHERE stand = 'JATIM'")).all())
    engine.dispose()
    own = {sku: stand.product(sku).stock for sku in central_stock}
    assert central_stock == own
    assert central_stock["JTM-JLB-001"] == 20 - 2 - 3 - 2 + 1  # sold, voided back, refunded
    assert central_stock["JTM-KYU-001"] == 4


def test_entries_after_an_earlier_sync_update_its_rows(central_url: str, data_dir: DataDir,
                                                       catalog_file: Path) -> None:
    """A void, a refund and the shift's close that reach the store after their sale did."""
    stand = make_stand(data_dir, "JATIM", catalog_file)
    kept = sell(stand, [("JTM-BTK-001", 1)], [Payment(QRIS, 450_000)])
    gone = sell(stand, [("JTM-JLB-001", 2)], [Payment(CASH, 200_000)])
    sync.sync_stand(stand.handle.uow, central_url)
    returns.void_sale(stand.handle.uow(), gone, supervisor_name=SUPERVISOR,
                      supervisor_pin=SUPERVISOR_PIN, reason="batal")
    returns.refund(stand.handle.uow(), kept, [returns.RefundItem("JTM-BTK-001", 1)],
                   supervisor_name=SUPERVISOR, supervisor_pin=SUPERVISOR_PIN,
                   reason="cacat", method=QRIS)
    shifts.close_shift(stand.handle.uow(), stand.cashier, 500_000)
    sent = sync.sync_stand(stand.handle.uow, central_url).sent

    assert sent == 3
    jatim = totals_of(central_url)["JATIM"].totals
    assert (jatim.sales_count, jatim.voids_count, jatim.net) == (1, 1, 0)
    assert jatim.figures() == fold(journal_of(stand)).figures()
    with Central(central_url) as central:
        assert central_totals.check_z_reports(central) == []


def test_two_laptops_set_up_as_one_stand_are_refused_and_nothing_is_applied(
        central_url: str, tmp_path: Path, catalog_file: Path) -> None:
    first = stand_with_day(DataDir(tmp_path / "laptop-1"), "JATIM", catalog_file)
    second = make_stand(DataDir(tmp_path / "laptop-2"), "JATIM", catalog_file)
    for _ in range(20):
        sell(second, [("JTM-JLB-001", 1)], [Payment(CASH, 85_000)])
    sync.sync_stand(first.handle.uow, central_url)
    before = central_dump(central_url)

    with pytest.raises(SyncConflict) as refused:
        sync.sync_stand(second.handle.uow, central_url)

    assert "stand JATIM" in refused.value.message
    assert "another laptop" in refused.value.message
    assert central_dump(central_url) == before
    state = sync.last_sync(second.handle.uow(write=False))
    assert state is not None and not state.ok and "JATIM" in state.message


def test_a_refused_sync_is_remembered_with_its_message_id(
        central_url: str, tmp_path: Path, catalog_file: Path) -> None:
    ahead = make_stand(DataDir(tmp_path / "laptop-1"), "JATIM", catalog_file)
    for _ in range(2):
        sell(ahead, [("JTM-JLB-001", 1)], [Payment(CASH, 85_000)])
    sync.sync_stand(ahead.handle.uow, central_url)
    behind = make_stand(DataDir(tmp_path / "laptop-2"), "JATIM", catalog_file)

    with pytest.raises(SyncConflict) as refused:
        sync.sync_stand(behind.handle.uow, central_url)

    assert refused.value.code == "sync.central_ahead"
    state = sync.last_sync(behind.handle.uow(write=False))
    assert state is not None and not state.ok and state.message == refused.value.message
    assert state.reason is not None and state.reason.code == "sync.central_ahead"
    assert state.reason.text("id").startswith("Konflik: data pusat punya catatan stan JATIM")


def test_a_laptop_behind_the_central_store_is_refused(central_url: str, tmp_path: Path,
                                                      catalog_file: Path) -> None:
    ahead = stand_with_day(DataDir(tmp_path / "a"), "JATIM", catalog_file)
    behind = make_stand(DataDir(tmp_path / "b"), "JATIM", catalog_file)
    sync.sync_stand(ahead.handle.uow, central_url)
    before = central_dump(central_url)

    with pytest.raises(SyncConflict, match="this laptop only up to 2"):  # import, shift
        sync.sync_stand(behind.handle.uow, central_url)
    assert central_dump(central_url) == before


def test_views_add_up_to_the_stand_totals(central_url: str, data_dir: DataDir,
                                          catalog_file: Path) -> None:
    stand = stand_with_day(data_dir, "JATIM", catalog_file)
    sync.sync_stand(stand.handle.uow, central_url)
    net = totals_of(central_url)["JATIM"].totals.net

    engine = create_engine(central_url)
    with engine.connect() as conn:
        for view in ("v_province_totals", "v_maker_group_totals", "v_category_totals",
                     "v_product_totals", "v_day_totals", "v_payment_totals",
                     "v_stand_payment_totals"):
            assert conn.scalar(text(f"SELECT SUM(net) FROM {view}")) == net, view
        groups = dict(conn.execute(text(
            "SELECT maker_group, net FROM v_maker_group_totals")).all())
        province = conn.execute(text("SELECT province, stands FROM v_province_totals")).one()
    engine.dispose()
    assert groups["Perempuan Mandiri Lumajang"] == 85_000 * 2 + 229_500 + 85_000
    assert tuple(province) == ("Jawa Timur", 1)


def test_stands_syncing_at_the_same_time_all_land_exactly_once(
        central_url: str, tmp_path: Path, catalog_file: Path) -> None:
    stands = [stand_with_day(DataDir(tmp_path / code), code, catalog_file, rounds=3)
              for code in ("JATIM", "JABAR", "BALI", "NTB")]
    errors: list[BaseException] = []

    def run(stand: Stand) -> None:
        try:
            for _ in range(2):
                sync.sync_stand(stand.handle.uow, central_url)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(s,)) for s in stands]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert errors == []
    found = totals_of(central_url)
    for stand in stands:
        assert found[stand.handle.code].totals.figures() == fold(journal_of(stand)).figures()
        assert found[stand.handle.code].last_seq == len(journal_of(stand))


def test_a_stand_database_is_not_taken_for_a_central_store(jatim: Stand) -> None:
    with pytest.raises(StorageError, match="not a posapp central store"):
        sync.sync_stand(jatim.handle.uow, str(jatim.path))


def test_a_central_store_in_a_missing_folder_is_refused(jatim: Stand, tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="does not exist"):
        sync.sync_stand(jatim.handle.uow, str(tmp_path / "no" / "central.db"))
    with pytest.raises(NotFound, match="no central store"):
        Central(str(tmp_path / "absent.db"), create=False)


def test_a_store_made_before_orders_is_brought_up_to_date(central_url: str, data_dir: DataDir,
                                                          catalog_file: Path) -> None:
    """Format 1 had no order tables or views: reading it, or syncing into it, upgrades it."""
    stand = stand_with_day(data_dir, "JATIM", catalog_file)
    sync.sync_stand(stand.handle.uow, central_url)
    engine = create_engine(central_url)
    with engine.begin() as conn:  # what a format-1 store looked like
        for view in ("v_order_payment_totals", "v_stand_order_totals", "v_orders"):
            conn.execute(text(f"DROP VIEW {view}"))
        for table in ("order_payment", "order_line", "customer_order"):
            conn.execute(text(f"DROP TABLE {table}"))
        conn.execute(text("UPDATE central_meta SET value = '1' WHERE key = 'version'"))
    engine.dispose()

    net = totals_of(central_url)["JATIM"].totals.net  # a read: upgrades first

    assert net == 1_734_500
    engine = create_engine(central_url)
    with engine.connect() as conn:
        version = conn.scalar(text("SELECT value FROM central_meta WHERE key = 'version'"))
        assert version == str(cs.CENTRAL_VERSION)
        assert conn.scalar(text("SELECT COUNT(*) FROM v_stand_order_totals")) == 1
    engine.dispose()


def test_a_cash_out_approved_by_a_supervisor_names_them_in_the_central_store(
        central_url: str, jatim: Stand) -> None:
    """Ani takes Rp 150.000 out (above the Rp 100.000 limit: Budi approves), then puts
    Rp 20.000 in alone: the organizers see who approved, else who acted."""
    shifts.move_cash(jatim.handle.uow(), jatim.cashier, -150_000, "bayar ongkir",
                     approval=BUDI)
    shifts.move_cash(jatim.handle.uow(), jatim.cashier, 20_000, "uang kecil")

    sync.sync_stand(jatim.handle.uow, central_url)

    engine = create_engine(central_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT amount, reason, approved_by FROM cash_movement "
                                     "WHERE stand = 'JATIM' ORDER BY seq")).all()
    finally:
        engine.dispose()
    assert [tuple(r) for r in rows] == [(-150_000, "bayar ongkir", SUPERVISOR),
                                        (20_000, "uang kecil", "Ani")]
