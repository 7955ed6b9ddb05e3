"""The migration chain: head matches the code, schema matches the models, refusals."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from posapp.bootstrap import DataDir, open_stand
from posapp.domain.errors import StorageError
from posapp.store.database import MIGRATIONS, SCHEMA_HEAD, backup_file, sqlite_engine
from posapp.store.models import Base
from posapp.store.search import is_search_table
from tests.conftest import Stand


def test_schema_head_is_alembics_head() -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(cfg).get_current_head() == SCHEMA_HEAD


def test_migrated_schema_matches_the_models(jatim: Stand) -> None:
    with jatim.handle.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": _modelled})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def _modelled(name: str | None, type_: str, _parents: object) -> bool:
    """Every table but the FTS5 catalog index, which 0007 makes by hand."""
    return not (type_ == "table" and is_search_table(name))


def test_database_from_a_newer_posapp_is_refused(data_dir: DataDir, jatim: Stand) -> None:
    jatim.handle.close()
    conn = sqlite3.connect(jatim.path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="newer posapp"):
        open_stand(data_dir, "JATIM")


def test_backup_copy_holds_committed_rows_still_in_the_wal(jatim: Stand, tmp_path: Path) -> None:
    from posapp.domain.tender import Payment, PaymentMethod
    from tests.integration.test_checkout import sell  # a sale that sits in the WAL file

    sell(jatim, [("JTM-JLB-001", 1)], [Payment(PaymentMethod.CASH, 85_000)])
    copy = backup_file(jatim.path, tmp_path / "copy.sqlite")
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT receipt_no, total FROM sale").fetchall() == [
        ("JATIM-000001", 85_000)]
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_empty_file_gets_the_whole_schema(tmp_path: Path) -> None:
    engine = sqlite_engine(tmp_path / "new.sqlite")
    from posapp.store.database import current_revision, migrate

    assert current_revision(engine) is None
    assert migrate(engine, tmp_path / "new.sqlite", tmp_path / "backups") is None  # no backup
    assert current_revision(engine) == SCHEMA_HEAD
    engine.dispose()


def test_a_0001_database_is_backed_up_then_upgraded_with_its_rows(
        data_dir: DataDir, catalog_file: Path) -> None:

    from posapp.domain.order import Buyer, OrderItem
    from posapp.domain.tender import Payment, PaymentMethod
    from posapp.services import (
        catalog,
        orders,
        print_queue,
        reports,
        shifts,
        stand,
        users,
    )
    from posapp.services.catalog_files import read_catalog_file
    from posapp.store.database import current_revision
    from posapp.store.uow import UnitOfWork

    # A stand made by the posapp of schema 0001: its migration only, then a day's first sale.
    path, engine = _old_stand(data_dir, "0001")
    assert current_revision(engine) == "0001"

    def uow() -> UnitOfWork:
        return UnitOfWork(engine)

    stand.set_up(uow(), code="LAMA", name="Stand Lama", province="Jawa Timur", event_name="")
    catalog.import_catalog(uow(), read_catalog_file(catalog_file))
    cashier = users.add_user(uow(), "Ani", users.Role.CASHIER, "1234")
    with engine.begin() as c:  # opened as 0001's posapp did (today's code also reads orders)
        c.exec_driver_sql(
            "INSERT INTO shift (id, number, opened_at, opened_by, opening_float) "
            "VALUES ('shift-1', 1, '2026-06-26 01:00:00.000000', ?, 100000)", (cashier.id,))
    with engine.begin() as c:  # the day's first sale, as 0001's posapp wrote it
        c.exec_driver_sql(
            "INSERT INTO sale VALUES ('sale-1', 1, 'LAMA-000001', 'shift-1', ?, "
            "'2026-06-26 01:05:00.000000', 85000, 0, 85000, 0, NULL, NULL, NULL)", (cashier.id,))
        c.exec_driver_sql(
            "INSERT INTO sale_line (sale_id, line_no, product_id, sku, name, category, "
            "maker_group, region, unit_price, quantity, line_discount, cart_discount, total, "
            "oversold) SELECT 'sale-1', 1, id, sku, name, category, maker_group, region, price, "
            "1, 0, 0, 85000, 0 FROM product WHERE sku = 'JTM-JLB-001'")
        c.exec_driver_sql("INSERT INTO payment (sale_id, method, tendered, amount) "
                          "VALUES ('sale-1', 'cash', 85000, 85000)")
    receipt_no = "LAMA-000001"
    engine.dispose()
    before = {line for line in _dump(path) if not line.startswith("CREATE")}

    handle = open_stand(data_dir, "LAMA")
    try:
        assert current_revision(handle.engine) == SCHEMA_HEAD == "0008"
        after = set(_dump(path))
        assert before - {'INSERT INTO "alembic_version" VALUES(\'0001\');'} <= after
        job_id = print_queue.enqueue_receipt(handle.uow(), receipt_no)
        assert [j.id for j in print_queue.pending(handle.uow(write=False))] == [job_id]
        taken = orders.place(handle.uow(), cashier, Buyer("Ms. Tan", phone="+65 8123 4567"),
                             [OrderItem("Batik motif parang, 2 m", 650_000, 1)],
                             deposit=[Payment(PaymentMethod.CASH, 200_000)])
        assert (taken.order.order_no, taken.order.balance) == ("LAMA-P00001", 450_000)
        with handle.uow(write=False) as uow:
            report = reports.shift_report(uow, shifts.require_open_shift(uow))
        assert report.orders.deposits == {"cash": 200_000}
        assert report.expected_cash == 100_000 + 85_000 + 200_000
    finally:
        handle.close()

    backups = list(data_dir.backups_dir.glob("LAMA-0001-*.sqlite"))
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0])
    assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    assert conn.execute("SELECT receipt_no, total FROM sale").fetchall() == [
        (receipt_no, 85_000)]
    assert "print_job" not in {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()


def test_a_stand_upgraded_from_0001_keeps_its_catalog_search_in_step(
        data_dir: DataDir, catalog_file: Path) -> None:
    """The catalog search index (0007) is kept by triggers on ``product``: a later
    migration that rebuilds ``product`` (Alembic's batch mode on SQLite) drops them. After
    the whole chain, a product added, renamed and deleted is found, or not, as it is."""
    from dataclasses import replace

    from posapp.services import catalog, catalog_edit, stand, users
    from posapp.services.catalog_files import read_catalog_file
    from posapp.services.catalog_search import CatalogSearch
    from posapp.store.uow import UnitOfWork

    _path, engine = _old_stand(data_dir, "0001")
    stand.set_up(UnitOfWork(engine), code="LAMA", name="Stand Lama", province="Jawa Timur",
                 event_name="")
    catalog.import_catalog(UnitOfWork(engine), read_catalog_file(catalog_file))
    budi = users.add_user(UnitOfWork(engine), "Budi", users.Role.SUPERVISOR, "999999")
    engine.dispose()

    handle = open_stand(data_dir, "LAMA")
    try:
        search = CatalogSearch(handle.reader)
        assert [p.sku for p in search.search("teratai")] == ["JTM-JLB-001"]  # backfilled
        jilbab = catalog.lookup(handle.uow(write=False), "JTM-JLB-001")
        catalog_edit.save_product(handle.uow(), budi,
                                  replace(jilbab, name="Jilbab Lukis Bunga Melati"))
        catalog_edit.save_product(handle.uow(), budi, replace(
            jilbab, id=None, sku="JTM-JLB-002", barcode=None, name="Jilbab Lukis Kenanga"))
        assert search.search("teratai") == []
        assert [p.sku for p in search.search("melati")] == ["JTM-JLB-001"]
        assert [p.sku for p in search.search("kenanga")] == ["JTM-JLB-002"]
        with handle.engine.begin() as conn:  # nothing in posapp deletes a product; SQL can
            conn.exec_driver_sql("DELETE FROM product WHERE sku = 'JTM-JLB-002'")
        assert search.search("kenanga") == []
    finally:
        handle.close()


def _old_stand(data_dir: DataDir, revision: str) -> tuple[Path, Engine]:
    """Stand LAMA's file as the posapp of schema *revision* made it (its migrations only)."""
    from alembic import command

    data_dir.ensure_writable()
    path = data_dir.stand_path("LAMA")
    engine = sqlite_engine(path)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    return path, engine


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_a_0003_stand_is_upgraded_and_takes_photos(
        data_dir: DataDir, catalog_file: Path, tmp_path: Path) -> None:

    from posapp.services import catalog, photos, stand, users
    from posapp.services.catalog_files import read_catalog_file
    from posapp.store.database import current_revision
    from posapp.store.uow import UnitOfWork
    from tests.integration.test_photos import image_bytes

    path, engine = _old_stand(data_dir, "0003")
    stand.set_up(UnitOfWork(engine), code="LAMA", name="Stand Lama", province="Jawa Timur",
                 event_name="")
    catalog.import_catalog(UnitOfWork(engine), read_catalog_file(catalog_file))
    users.add_user(UnitOfWork(engine), "Ani", users.Role.CASHIER, "1234")
    engine.dispose()
    products_before = [line for line in _dump(path) if 'INSERT INTO "product"' in line]

    handle = open_stand(data_dir, "LAMA")
    try:
        assert current_revision(handle.engine) == SCHEMA_HEAD
        assert [line for line in _dump(path) if 'INSERT INTO "product"' in line] \
            == products_before
        picture = tmp_path / "JTM-BTK-002.png"
        picture.write_bytes(image_bytes("PNG"))
        ani = users.login(handle.uow(write=False), "Ani", "1234")
        photos.set_photo_from_file(handle.uow(), ani, "JTM-BTK-002", picture)
        assert set(photos.photo_stamps(handle.uow(write=False))) == {"JTM-BTK-002"}
    finally:
        handle.close()
    assert len(list(data_dir.backups_dir.glob("LAMA-0003-*.sqlite"))) == 1
