"""``posapp qris``: check, amount, set."""

from __future__ import annotations

from posapp.domain.qris import parse_qris
from posapp.services import settings
from tests.conftest import AS_BUDI, BUDI_PIN_LINE, Stand, dump_database
from tests.unit.test_qris import STAND_STATIC


def test_check_accepts_a_valid_payload_and_names_the_merchant(jatim: Stand, cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("qris", "check", STAND_STATIC)
    assert r.code == 0 and "valid static QRIS" in r.out


def test_check_refuses_a_wrong_crc_with_the_reason(jatim: Stand, cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("qris", "check", STAND_STATIC[:-4] + "0000")
    assert r.code == 1 and r.err.startswith("posapp: ") and "CRC" in r.err
    assert r.err.count("\n") == 1


def test_amount_prints_a_dynamic_payload_that_parses_back(jatim: Stand, cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("qris", "amount", STAND_STATIC, "150.000")
    assert r.code == 0
    payload = parse_qris(r.out.strip())
    assert payload.is_dynamic and payload.amount == 150_000
    r = cli("qris", "amount", STAND_STATIC, "12.000.000")
    assert r.code == 1 and "Rp 10.000.000" in r.err


def test_set_stores_the_stand_payload_and_refuses_a_bad_one(jatim: Stand, cli) -> None:  # type: ignore[no-untyped-def]
    before = dump_database(jatim.path)
    r = cli("qris", "set", "00020101021126", *AS_BUDI, stdin=BUDI_PIN_LINE)
    assert r.code == 1 and dump_database(jatim.path) == before
    r = cli("qris", "set", STAND_STATIC, *AS_BUDI, stdin=BUDI_PIN_LINE)
    assert r.code == 0, r.err
    assert settings.get(jatim.handle.uow(write=False)).qris_payload == STAND_STATIC
