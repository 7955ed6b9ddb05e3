from __future__ import annotations

import hashlib
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from posapp.domain.journal import GENESIS, Entry, canonical_json, entry_hash, verify_chain
from posapp.domain.security import hash_pin, verify_pin


def chain(n: int) -> list[Entry]:
    entries, prev = [], GENESIS
    for seq in range(1, n + 1):
        body = canonical_json({"receipt": f"JATIM-{seq:06d}", "total": seq * 1000, "nama": "Café"})
        at = f"2026-06-26T03:00:{seq:02d}.000000Z"
        h = entry_hash(prev, seq, "JATIM", at, "sale.completed", body)
        entries.append(Entry(seq, "JATIM", at, "sale.completed", body, prev, h))
        prev = h
    return entries


def test_canonical_json_is_stable() -> None:
    assert canonical_json({"b": 1, "a": "é"}) == '{"a":"é","b":1}'


def test_intact_chain_verifies() -> None:
    assert verify_chain(chain(5)) is None


def test_altered_payload_is_found() -> None:
    entries = chain(5)
    entries[2] = replace(entries[2], payload=entries[2].payload.replace("3000", "30000"))
    broken = verify_chain(entries)
    assert broken is not None and broken.seq == 3 and "altered" in broken.reason


def test_missing_entry_is_found() -> None:
    entries = chain(5)
    del entries[1]
    broken = verify_chain(entries)
    assert broken is not None and broken.seq == 3 and "expected entry 2" in broken.reason


def test_relinked_entry_is_found() -> None:
    entries = chain(4)
    entries[3] = replace(entries[3], prev_hash=GENESIS)
    broken = verify_chain(entries)
    assert broken is not None and broken.seq == 4


def test_pin_hash_never_holds_the_pin() -> None:
    stored = hash_pin("123456")
    assert "123456" not in stored
    assert verify_pin("123456", stored)
    assert not verify_pin("123457", stored)
    assert hash_pin("123456") != stored  # salted


@given(prev=st.text(), seq=st.integers(min_value=0, max_value=10**12), stand=st.text(),
       at=st.text(), kind=st.text(), payload=st.text())
def test_entry_hash_is_sha256_of_the_canonical_json_of_the_fields(
        prev: str, seq: int, stand: str, at: str, kind: str, payload: str) -> None:
    """The written-out material is byte for byte the canonical JSON (any text: quotes,
    backslashes, control characters, emoji), so old journals keep verifying."""
    material = canonical_json({"prev": prev, "seq": seq, "stand": stand, "at": at,
                               "kind": kind, "payload": payload})
    assert entry_hash(prev, seq, stand, at, kind, payload) == \
        hashlib.sha256(material.encode("utf-8")).hexdigest()
