"""The event key's written form: typed from paper or scanned, typos caught, never echoed."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posapp.domain.errors import InvalidInput
from posapp.domain.event_key import ALPHABET, fingerprint, format_key, new_key, parse_key

KEY = bytes(range(32))
WRITTEN = format_key(KEY)
TYPO = "the event key has a typo"
NOT_A_KEY = "this is not an event key"


def refusal(text: str) -> str:
    with pytest.raises(InvalidInput) as exc:
        parse_key(text)
    message = exc.value.message
    assert "\n" not in message
    return message


def test_a_new_key_is_14_groups_of_4_and_reads_back_as_32_bytes() -> None:
    text = new_key()
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){13}", text)
    assert len(parse_key(text)) == 32
    assert new_key() != text


def test_new_key_takes_its_bits_from_the_random_source() -> None:
    assert new_key(lambda n: KEY[:n]) == WRITTEN


@given(st.binary(min_size=32, max_size=32))
def test_every_key_survives_writing_and_reading(key: bytes) -> None:
    assert parse_key(format_key(key)) == key


def test_case_spaces_and_dashes_do_not_matter() -> None:
    plain = WRITTEN.replace("-", "")
    assert parse_key(plain.lower()) == KEY
    assert parse_key(" ".join(WRITTEN.split("-"))) == KEY
    assert parse_key(f"  {plain[:10]} - {plain[10:]}\n") == KEY


def test_letters_that_look_like_digits_read_as_the_digits() -> None:
    looks_alike = WRITTEN.replace("0", "O").replace("1", "l")
    assert looks_alike != WRITTEN
    assert parse_key(looks_alike) == KEY


def test_one_wrong_character_anywhere_is_a_typo() -> None:
    chars = WRITTEN.replace("-", "")
    for i, c in enumerate(chars):
        other = ALPHABET[(ALPHABET.index(c) + 1) % len(ALPHABET)]
        assert refusal(chars[:i] + other + chars[i + 1:]).startswith(TYPO), i


def test_two_swapped_neighbours_are_a_typo() -> None:
    chars = WRITTEN.replace("-", "")
    swapped = [chars[:i] + chars[i + 1] + chars[i] + chars[i + 2:]
               for i in range(len(chars) - 1) if chars[i] != chars[i + 1]]
    assert swapped
    for text in swapped:
        assert refusal(text).startswith(TYPO)


def test_a_missing_or_extra_character_is_a_typo_that_says_so() -> None:
    chars = WRITTEN.replace("-", "")
    assert refusal(chars[:-1]) == (
        "the event key has a typo: it has 55 letters and digits instead of 56")
    assert "57 letters" in refusal(chars + "7")


def test_the_letter_u_is_a_typo() -> None:
    chars = WRITTEN.replace("-", "")
    assert "letter U" in refusal("U" + chars[1:])


@pytest.mark.parametrize("text", [
    "hello",
    "https://example.org/event",
    "00020101021126570011ID.DANA.WWW011893600915302259148502091025914850303UMI5204",
    "ABCD-EFGH",
    WRITTEN + "-" + WRITTEN,
    WRITTEN.replace("-", "_"),
])
def test_other_text_is_not_an_event_key(text: str) -> None:
    assert refusal(text).startswith(NOT_A_KEY)


def test_empty_input_is_named() -> None:
    assert refusal("  - ") == "no event key given"


def test_a_refusal_never_repeats_the_key() -> None:
    chars = WRITTEN.replace("-", "")
    for text in (chars[:-1], chars[:-1] + "A", "U" + chars[1:], chars * 2):
        message = refusal(text)
        for group in WRITTEN.split("-"):
            assert group not in message.upper()


def test_the_event_id_is_short_stable_and_not_the_key() -> None:
    event_id = fingerprint(KEY)
    assert re.fullmatch(r"[0-9a-f]{8}", event_id)
    assert fingerprint(KEY) == event_id
    assert fingerprint(bytes(32)) != event_id
    assert event_id not in KEY.hex() and event_id not in WRITTEN.lower()


def test_only_32_byte_keys_are_written() -> None:
    with pytest.raises(InvalidInput):
        format_key(b"short")
    with pytest.raises(InvalidInput):
        fingerprint(bytes(31))


def test_the_written_form_is_plain_base32_of_key_and_checksum_as_documented() -> None:
    rfc4648 = str.maketrans(ALPHABET, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    raw = base64.b32decode(WRITTEN.replace("-", "").translate(rfc4648))
    assert raw[:32] == KEY
    assert raw[32:] == hashlib.sha256(b"posapp event key checksum\x00" + KEY).digest()[:3]
    assert fingerprint(KEY) == hashlib.sha256(b"posapp event id\x00" + KEY).hexdigest()[:8]
