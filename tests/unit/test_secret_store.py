"""This computer's secret store: the keyring when one is usable, else a 0600 file."""

from __future__ import annotations

import stat
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from posapp.store import secrets
from posapp.store.secrets import SecretStore


class FakeRing:
    """A keyring backend as the ``keyring`` package hands one out."""

    priority = 5

    def __init__(self) -> None:
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, name: str) -> str | None:
        return self.kept.get((service, name))

    def set_password(self, service: str, name: str, value: str) -> None:
        self.kept[(service, name)] = value

    def delete_password(self, service: str, name: str) -> None:
        self.kept.pop((service, name), None)


@pytest.fixture
def ring(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeRing]:
    backend = FakeRing()
    module = types.ModuleType("keyring")
    module.get_keyring = lambda: backend  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "keyring", module)
    monkeypatch.delenv("POSAPP_SECRETS", raising=False)
    secrets._keyring_module.cache_clear()
    yield backend
    secrets._keyring_module.cache_clear()


def test_without_a_keyring_the_file_is_readable_by_its_user_only(tmp_path: Path) -> None:
    store = SecretStore(tmp_path / "config", use_keyring=False)
    store.put("event-key:abcd1234", "KEY-TEXT")
    assert store.get("event-key:abcd1234") == "KEY-TEXT"
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.folder.stat().st_mode) == 0o700
    store.forget("event-key:abcd1234")
    assert store.get("event-key:abcd1234") is None
    assert list(store.folder.iterdir()) == [store.path]  # no temporary file left


def test_a_usable_keyring_keeps_the_secrets_and_the_file_stays_empty(
        ring: FakeRing, tmp_path: Path) -> None:
    store = SecretStore(tmp_path / "config")
    store.put("central-password:postgresql://panitia@h/hani", "rahasia")
    assert ring.kept == {("posapp", "central-password:postgresql://panitia@h/hani"): "rahasia"}
    assert store.get("central-password:postgresql://panitia@h/hani") == "rahasia"
    assert not store.path.exists()


def test_posapp_secrets_file_keeps_them_in_the_file_even_with_a_keyring(
        ring: FakeRing, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSAPP_SECRETS", "file")
    store = SecretStore(tmp_path / "config")
    store.put("event-key:abcd1234", "KEY-TEXT")
    assert ring.kept == {} and "KEY-TEXT" in store.path.read_text()


def test_a_keyring_without_a_real_backend_is_not_used(
        ring: FakeRing, tmp_path: Path) -> None:
    ring.priority = 0  # keyring's fail backend: nothing would be kept
    store = SecretStore(tmp_path / "config")
    store.put("event-key:abcd1234", "KEY-TEXT")
    assert ring.kept == {} and store.get("event-key:abcd1234") == "KEY-TEXT"
