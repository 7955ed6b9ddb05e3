"""The event key: 256 random bits that sign export files, written for people to copy.

The written form is 56 characters of Crockford's base32 (digits and capitals without I, L,
O and U) in 14 groups of 4: the 32 key bytes followed by a 3-byte checksum, so a mistyped
key is caught instead of silently signing files for a different event. Reading it back
ignores case, spaces and dashes, and takes O for 0 and I or L for 1.

The event id (``fingerprint``) names the event without revealing the key.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable

from posapp.domain.errors import InvalidInput

KEY_BYTES = 32
CHECKSUM_BYTES = 3
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base32
KEY_CHARS = (KEY_BYTES + CHECKSUM_BYTES) * 8 // 5  # 280 bits: exactly 56 characters
GROUP = 4

_VALUE = {c: i for i, c in enumerate(ALPHABET)} | {"O": 0, "I": 1, "L": 1}
_IGNORED = str.maketrans("", "", " \t\r\n-\u00a0")
_CHECKSUM_DOMAIN = b"posapp event key checksum\x00"
_EVENT_ID_DOMAIN = b"posapp event id\x00"
_NEAR = 6  # this many characters too many or too few still reads as a mistyped key


def new_key(random_bytes: Callable[[int], bytes] = secrets.token_bytes) -> str:
    """A fresh event key, written out (groups of four, with its checksum)."""
    return format_key(random_bytes(KEY_BYTES))


def format_key(key: bytes) -> str:
    """The written form of the 32 key bytes: ``XXXX-XXXX-...`` (14 groups)."""
    _check_length(key)
    number = int.from_bytes(key + _checksum(key), "big")
    chars = [ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(KEY_CHARS))]
    return "-".join("".join(chars[i:i + GROUP]) for i in range(0, KEY_CHARS, GROUP))


def parse_key(text: str) -> bytes:
    """The key bytes of a written key; a one-line reason (never echoing it) when it is wrong."""
    if not isinstance(text, str):
        raise _not_a_key()
    chars = text.translate(_IGNORED).upper()
    if not chars:
        raise InvalidInput("event_key.missing")
    if not (chars.isascii() and chars.isalnum() and abs(len(chars) - KEY_CHARS) <= _NEAR):
        raise _not_a_key()
    if "U" in chars:
        raise InvalidInput("event_key.typo_letter_u")
    if len(chars) != KEY_CHARS:
        raise InvalidInput("event_key.typo_length", n=len(chars), k=KEY_CHARS)
    number = 0
    for c in chars:
        number = number << 5 | _VALUE[c]
    raw = number.to_bytes(KEY_BYTES + CHECKSUM_BYTES, "big")
    key, check = raw[:KEY_BYTES], raw[KEY_BYTES:]
    if not secrets.compare_digest(check, _checksum(key)):
        raise InvalidInput("event_key.typo_check")
    return key


def fingerprint(key: bytes) -> str:
    """The event id: 8 hex digits derived from the key (one way), safe to show and print."""
    _check_length(key)
    return hashlib.sha256(_EVENT_ID_DOMAIN + key).hexdigest()[:8]


def _not_a_key() -> InvalidInput:
    return InvalidInput("event_key.not_a_key", groups=KEY_CHARS // GROUP, group=GROUP)


def _checksum(key: bytes) -> bytes:
    return hashlib.sha256(_CHECKSUM_DOMAIN + key).digest()[:CHECKSUM_BYTES]


def _check_length(key: bytes) -> None:
    if not isinstance(key, bytes) or len(key) != KEY_BYTES:
        raise InvalidInput("event_key.wrong_size", n=KEY_BYTES)
