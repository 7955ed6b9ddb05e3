"""PIN hashing with scrypt: never stored or logged in clear."""

from __future__ import annotations

import hashlib
import hmac
import os
import re

from posapp.domain.errors import InvalidInput

_PIN = re.compile(r"^\d{4,8}$")
# scrypt cost: ~30 ms on a laptop, enough to make guessing a 6-digit PIN offline slow.
_N, _R, _P = 2**14, 8, 1


def check_pin_format(pin: str) -> str:
    if not _PIN.match(pin or ""):
        raise InvalidInput("user.pin_format")
    return pin


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """``scrypt$N$r$p$salt_hex$hash_hex`` for a new PIN."""
    check_pin_format(pin)
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    """True when *pin* matches *stored* (constant-time compare)."""
    try:
        scheme, n, r, p, salt_hex, digest_hex = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(
        (pin or "").encode(), salt=bytes.fromhex(salt_hex), n=int(n), r=int(r), p=int(p), dklen=32
    )
    return hmac.compare_digest(digest.hex(), digest_hex)
