"""The stand's settings on a real stand database: defaults, round trip, refusals."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

import pytest

from posapp.domain.errors import InvalidInput
from posapp.services import settings
from posapp.services.settings import StandSettings
from posapp.store.models import SettingRow
from tests.conftest import BUDI, Stand, dump_database
from tests.unit.test_qris import STAND_STATIC  # a valid static QRIS payload

CHANGED = StandSettings(
    language="en",
    printer="network:192.168.1.50:9100",
    paper_width=32,
    qris_payload=STAND_STATIC,
    scanner_suffix="tab",
    scanner_interval_ms=50,
    discount_limit_percent=25,
    customer_display=True,
)


def stored(stand: Stand) -> dict[str, str]:
    with stand.handle.uow(write=False) as uow:
        return {r.key: r.value for r in uow.session.query(SettingRow)}


def test_a_new_stand_has_the_defaults(jatim: Stand) -> None:
    got = settings.get(jatim.handle.uow(write=False))

    assert got == StandSettings()
    assert (got.language, got.printer, got.paper_width, got.qris_payload) == ("id", "", 42, "")
    assert (got.scanner_suffix, got.scanner_interval_ms) == ("enter", 30)
    assert (got.discount_limit_percent, got.customer_display) == (10, False)


def test_saved_settings_read_back_equal(jatim: Stand) -> None:
    saved = settings.save(jatim.handle.uow(), CHANGED, approval=BUDI)

    assert saved == CHANGED
    assert settings.get(jatim.handle.uow(write=False)) == CHANGED
    assert stored(jatim)["customer_display"] == "true"
    assert stored(jatim)["paper_width"] == "32"


def test_saving_again_replaces_the_values(jatim: Stand) -> None:
    settings.save(jatim.handle.uow(), CHANGED, approval=BUDI)
    settings.save(jatim.handle.uow(), StandSettings(printer="usb:04B8:0202"), approval=BUDI)

    got = settings.get(jatim.handle.uow(write=False))
    assert got == StandSettings(printer="usb:04b8:0202")
    names = StandSettings.__dataclass_fields__
    assert len([k for k in stored(jatim) if k in names]) == len(fields(StandSettings))


def test_load_works_inside_an_open_unit_of_work(jatim: Stand) -> None:
    settings.save(jatim.handle.uow(), CHANGED, approval=BUDI)
    with jatim.handle.uow(write=False) as uow:
        assert settings.load(uow).paper_width == 32


@pytest.mark.parametrize("target", [
    "", "file:/dev/usb/lp0", "file:C:\\struk\\receipt.bin", "network:printer.local",
    "network:10.0.0.7:9100", "usb:04b8:0202", "USB:04B8:0E15", "serial:COM3",
    "serial:/dev/rfcomm0",
])
def test_printer_targets_of_each_kind_are_kept(jatim: Stand, target: str) -> None:
    saved = settings.save(jatim.handle.uow(), StandSettings(printer=f"  {target} "), approval=BUDI)

    assert saved.printer.lower() == target.lower()
    assert settings.get(jatim.handle.uow(write=False)).printer == saved.printer


def test_unknown_keys_are_ignored_and_missing_or_broken_ones_give_the_default(
    jatim: Stand,
) -> None:
    with jatim.handle.uow() as uow:
        uow.session.add_all([
            SettingRow(key="event_key", value="kept by someone else"),
            SettingRow(key="paper_width", value="32"),
            SettingRow(key="discount_limit_percent", value="lots"),
            SettingRow(key="customer_display", value="maybe"),
        ])
        uow.commit()

    got = settings.get(jatim.handle.uow(write=False))

    assert got == StandSettings(paper_width=32)
    settings.save(jatim.handle.uow(), got, approval=BUDI)
    assert stored(jatim)["event_key"] == "kept by someone else"


@pytest.mark.parametrize(("change", "reason"), [
    ({"language": "fr"}, "unknown language 'fr'"),
    ({"paper_width": 40}, "paper width 40 must be 32, 42 or 48"),
    ({"paper_width": True}, "paper width True"),
    ({"printer": "lpt1"}, "unknown printer 'lpt1'"),
    ({"printer": "bluetooth:00:11"}, "unknown printer"),
    ({"printer": "file:"}, "a file printer needs a path"),
    ({"printer": "network:"}, "network printer"),
    ({"printer": "network:10.0.0.7:99999"}, "port '99999'"),
    ({"printer": "network:my printer:9100"}, "network printer"),
    ({"printer": "usb:04b8"}, "USB printer '04b8'"),
    ({"printer": "usb:4b8:202"}, "4 hex digits"),
    ({"printer": "serial:"}, "a serial printer needs a port"),
    ({"printer": "file:/tmp/a\nb"}, "control characters"),
    ({"qris_payload": " 000201"}, "spaces"),
    ({"qris_payload": "000201\n"}, "spaces"),
    ({"qris_payload": "0002\x0101"}, "control characters"),
    ({"qris_payload": STAND_STATIC[:-4] + "0000"}, "CRC mismatch"),
    ({"scanner_suffix": "space"}, "unknown scanner suffix 'space'"),
    ({"scanner_interval_ms": 0}, "scanner key interval"),
    ({"discount_limit_percent": 101}, "discount limit (percent) must be a whole number from 0 to"),
    ({"discount_limit_percent": -1}, "discount limit"),
    ({"customer_display": "yes"}, "customer display"),
    ({"central": "mysql://server/event"}, "an SQLite file or a PostgreSQL URL, not mysql"),
    ({"central": "sqlite:///central.sqlite"}, "not sqlite"),
    ({"central": "postgresql://host:port/x"}, "is not a database URL"),
    ({"central": "/no/such/folder/central.sqlite"}, "the folder /no/such/folder does not exist"),
    ({"central": "/tmp"}, "/tmp is a folder"),
    ({"central": "/tmp/a\tb.sqlite"}, "control characters"),
])
def test_a_bad_value_is_refused_and_nothing_changes(
    jatim: Stand, change: dict[str, object], reason: str
) -> None:
    settings.save(jatim.handle.uow(), CHANGED, approval=BUDI)
    before = dump_database(jatim.path)

    with pytest.raises(InvalidInput) as refused:
        settings.save(jatim.handle.uow(), replace(StandSettings(), **change), approval=BUDI)  # type: ignore[arg-type]

    assert reason in str(refused.value)
    assert "\n" not in str(refused.value)
    assert dump_database(jatim.path) == before
    assert settings.get(jatim.handle.uow(write=False)) == CHANGED


@pytest.mark.parametrize(("change", "indonesian"), [
    ({"discount_limit_percent": 101},
     "batas diskon kasir (persen) harus bilangan bulat dari 0 sampai 100, bukan 101"),
    ({"backup_keep": 0}, "jumlah cadangan yang disimpan harus bilangan bulat dari 1 sampai "
                         "1000, bukan 0"),
    ({"cash_drawer": "yes"}, "laci kas harus nyala atau mati, bukan 'yes'"),
])
def test_a_refusal_names_the_setting_in_the_users_language(
        jatim: Stand, change: dict[str, object], indonesian: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        settings.save(jatim.handle.uow(), replace(StandSettings(), **change), approval=BUDI)  # type: ignore[arg-type]

    assert refused.value.text("id") == indonesian


@pytest.mark.parametrize("url", [
    "postgresql://posapp@venue-server/hani2026",
    "postgresql+psycopg://posapp:secret@10.0.0.2:5432/hani2026",
])
def test_a_central_store_url_is_kept(jatim: Stand, url: str) -> None:
    saved = settings.save(jatim.handle.uow(), StandSettings(central=f" {url} "), approval=BUDI)

    assert saved.central == url
    assert settings.get(jatim.handle.uow(write=False)).central == url


def test_a_central_store_file_is_kept_as_an_absolute_path(
        jatim: Stand, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    saved = settings.save(jatim.handle.uow(), StandSettings(central="central.sqlite"),
                          approval=BUDI)

    assert saved.central == str(tmp_path / "central.sqlite")
    assert settings.get(jatim.handle.uow(write=False)).central == saved.central
    unset = settings.save(jatim.handle.uow(), StandSettings(), approval=BUDI)
    assert unset.central == ""


def test_a_central_store_on_a_stick_taken_out_is_kept(jatim: Stand, tmp_path: Path) -> None:
    """Only saving checks the folder: an unplugged USB stick does not lose the setting."""
    stick = tmp_path / "stick"
    stick.mkdir()
    settings.save(jatim.handle.uow(), StandSettings(central=str(stick / "central.sqlite")),
                  approval=BUDI)
    stick.rmdir()

    assert settings.get(jatim.handle.uow(write=False)).central == str(stick / "central.sqlite")
