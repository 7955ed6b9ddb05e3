"""The journal's canonical form and hash chain (pure functions; the store keeps the rows)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from posapp.domain.messages import Message, msg

#: The hash before the first entry of a stand's journal.
GENESIS = "0" * 64


class EventKind:
    SALE_COMPLETED = "sale.completed"
    SALE_VOIDED = "sale.voided"
    SALE_REFUNDED = "sale.refunded"
    SHIFT_OPENED = "shift.opened"
    SHIFT_CASH = "shift.cash"
    SHIFT_CLOSED = "shift.closed"
    STOCK_ADJUSTED = "stock.adjusted"
    CATALOG_IMPORTED = "catalog.imported"
    PRODUCT_SAVED = "product.saved"
    PHOTO_SET = "product.photo_set"  # payload: sku, format, width, height, data (base64)
    PHOTO_REMOVED = "product.photo_removed"
    ORDER_PLACED = "order.placed"
    ORDER_PAID = "order.paid"
    ORDER_READY = "order.ready"
    ORDER_HANDED_OVER = "order.handed_over"  # some or all of its lines
    ORDER_CANCELLED = "order.cancelled"
    USER_ADDED = "user.added"  # payload: name, role, by, approved_by (never a PIN or hash)
    USER_CHANGED = "user.changed"  # a role or a PIN changed
    USER_LOCKED = "user.locked"  # wrong PINs in a row: the name waits
    USER_UNLOCKED = "user.unlocked"  # a supervisor lifted a lock-out


def entry_time(at: str) -> datetime:
    """An entry's time ("2026-06-26T03:00:07.000000Z") as a naive UTC datetime, the way
    every time is stored."""
    return datetime.fromisoformat(at.removesuffix("Z"))


def canonical_json(payload: Mapping[str, Any]) -> str:
    """Sorted keys, no spaces, UTF-8 text: the same data always gives the same string."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(prev_hash: str, seq: int, stand: str, at: str, kind: str, payload: str) -> str:
    """SHA-256 over the previous hash and this entry's fields, joined unambiguously.

    The material is ``canonical_json`` of {at, kind, payload, prev, seq, stand}, written out
    directly (keys already in order, strings through json's own escaping): a merge hashes
    every entry of every file, and this is twice as fast as building the dict.
    """
    material = (f'{{"at":{_string(at)},"kind":{_string(kind)},"payload":{_string(payload)},'
                f'"prev":{_string(prev_hash)},"seq":{int(seq)},"stand":{_string(stand)}}}')
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


_string = json.encoder.encode_basestring  # what json.dumps(ensure_ascii=False) uses


@dataclass(frozen=True, slots=True)
class Entry:
    seq: int
    stand: str
    at: str
    kind: str
    payload: str
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class ChainBreak:
    """Where the chain breaks (*seq*) and why, said in any language (a refusal's value)."""

    seq: int
    why: Message

    @property
    def reason(self) -> str:
        """Why, in English (the command line, the log)."""
        return self.why.text()


def verify_chain(entries: Iterable[Entry], *, start_seq: int = 1, start_hash: str = GENESIS) -> (
    ChainBreak | None
):
    """The first entry where the chain breaks, or None when every entry checks out."""
    expected_seq, prev = start_seq, start_hash
    for e in entries:
        if e.seq != expected_seq:
            return ChainBreak(e.seq, msg("journal.unexpected_entry", expected=expected_seq,
                                         found=e.seq))
        if e.prev_hash != prev:
            return ChainBreak(e.seq, msg("journal.unlinked_entry"))
        if entry_hash(e.prev_hash, e.seq, e.stand, e.at, e.kind, e.payload) != e.hash:
            return ChainBreak(e.seq, msg("journal.altered_entry"))
        expected_seq, prev = e.seq + 1, e.hash
    return None
