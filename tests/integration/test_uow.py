"""The unit of work rolls back unless committed, and on error (cosmicpython's two tests)."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from posapp.store.models import SettingRow
from tests.conftest import Stand


def settings(stand: Stand) -> list[tuple[str, str]]:
    with stand.handle.uow(write=False) as uow:
        return [(r.key, r.value) for r in uow.session.scalars(select(SettingRow))]


def test_rolls_back_by_default(jatim: Stand) -> None:
    with jatim.handle.uow() as uow:
        uow.session.add(SettingRow(key="printer", value="file:/tmp/x"))
        uow.session.flush()
    assert settings(jatim) == []


def test_rolls_back_on_error(jatim: Stand) -> None:
    class Boom(Exception):
        pass

    with pytest.raises(Boom), jatim.handle.uow() as uow:
        uow.session.add(SettingRow(key="printer", value="file:/tmp/x"))
        uow.session.flush()
        raise Boom
    assert settings(jatim) == []


def test_commit_persists(jatim: Stand) -> None:
    with jatim.handle.uow() as uow:
        uow.session.add(SettingRow(key="printer", value="file:/tmp/x"))
        uow.commit()
    assert settings(jatim) == [("printer", "file:/tmp/x")]


def test_database_runs_wal_full_sync_and_foreign_keys(jatim: Stand) -> None:
    with jatim.handle.uow(write=False) as uow:
        conn = uow.session.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    raw = sqlite3.connect(jatim.path)
    assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    raw.close()
