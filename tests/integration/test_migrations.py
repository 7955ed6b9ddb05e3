"""The migration chain: head matches the code, schema matches the models, refusals."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from posapp.bootstrap import DataDir, open_stand
from posapp.domain.errors import StorageError
from posapp.store.database import MIGRATIONS, SCHEMA_HEAD, backup_file, sqlite_engine
from posapp.store.models import Base
from tests.conftest import Stand


def test_schema_head_is_alembics_head() -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(cfg).get_current_head() == SCHEMA_HEAD


def test_migrated_schema_matches_the_models(jatim: Stand) -> None:
    with jatim.handle.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


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
