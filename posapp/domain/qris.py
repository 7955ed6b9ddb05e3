"""QRIS payloads: read and check a merchant's static QR, write the dynamic one for an amount.

A payload is EMVCo merchant-presented TLV text: tag (2 digits), length (2 digits, counting
characters), value. Tag 63 is last and carries CRC-16/CCITT-FALSE over the UTF-8 text up to
and including ``6304``. A refusal says what is wrong as a message id with values.
"""

from __future__ import annotations

import binascii
import re
from dataclasses import dataclass

from posapp.domain.errors import InvalidInput
from posapp.domain.messages import Message, msg
from posapp.domain.money import check_amount
from posapp.domain.tender import QRIS_MAX_PER_PAYMENT

#: Globally unique identifier of the national QRIS block in a merchant account template.
QRIS_GUID = "ID.CO.QRIS.WWW"
STATIC, DYNAMIC = "11", "12"
_MERCHANT_ACCOUNTS = frozenset(f"{n:02d}" for n in range(26, 52))
_TEMPLATES = _MERCHANT_ACCOUNTS | {"62", "64"} | {f"{n:02d}" for n in range(80, 100)}
_WHOLE_RUPIAH = re.compile(r"^(\d{1,13})(?:\.0{1,2})?$")
_HEX4 = re.compile(r"^[0-9A-Fa-f]{4}$")


def crc16_ccitt_false(data: bytes) -> int:
    """CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, no final xor.

    ``crc16_ccitt_false(b"123456789") == 0x29B1`` (the catalogue's check value); the
    standard library's ``crc_hqx`` is this CRC when it starts from 0xFFFF.
    """
    return binascii.crc_hqx(data, 0xFFFF)


def _crc_text(body: str) -> str:
    """The 4 uppercase hex digits of the CRC of *body* (which ends in ``6304``)."""
    return f"{crc16_ccitt_false(body.encode('utf-8')):04X}"


@dataclass(frozen=True, slots=True)
class Field:
    """One data object: a 2-digit tag and its value (templates hold more fields inside)."""

    tag: str
    value: str

    @property
    def is_template(self) -> bool:
        """Merchant accounts 26-51, additional data 62, language 64, unreserved 80-99."""
        return self.tag in _TEMPLATES

    def sub_fields(self) -> list[Field]:
        """The fields nested in a template, parsed on demand; InvalidInput if malformed."""
        if not self.is_template:
            raise InvalidInput("qris.not_a_template", tag=self.tag)
        if not self.value:
            raise InvalidInput("qris.template_empty", tag=self.tag)
        try:
            return parse_tlv(self.value)
        except InvalidInput as exc:
            raise InvalidInput("qris.template_malformed", tag=self.tag, reason=exc) from None

    def sub(self, tag: str) -> str | None:
        """The value of nested field *tag*, or None."""
        return next((f.value for f in self.sub_fields() if f.tag == tag), None)

    def encode(self) -> str:
        """``tag + length + value``; a value over 99 characters cannot be written."""
        if len(self.value) > 99:
            raise InvalidInput("qris.field_too_long", tag=self.tag, n=len(self.value))
        return f"{self.tag}{len(self.value):02d}{self.value}"


def parse_tlv(text: str) -> list[Field]:
    """Split *text* into its fields, in order. Refuses empty text and broken tags or lengths."""
    if not text:
        raise InvalidInput("qris.empty")
    fields: list[Field] = []
    pos = 0
    while pos < len(text):
        head = text[pos : pos + 4]
        if len(head) < 4:
            raise InvalidInput("qris.field_cut_short", pos=pos, head=head)
        tag, length = head[:2], head[2:]
        if not (tag.isascii() and tag.isdigit()):
            raise InvalidInput("qris.tag_not_digits", pos=pos, tag=tag)
        if not (length.isascii() and length.isdigit()):
            raise InvalidInput("qris.length_not_digits", tag=tag, length=length)
        start, end = pos + 4, pos + 4 + int(length)
        if end > len(text):
            raise InvalidInput("qris.field_overruns", tag=tag, length=int(length),
                               left=len(text) - start)
        fields.append(Field(tag, text[start:end]))
        pos = end
    return fields


def _whole_rupiah(text: str) -> int:
    match = _WHOLE_RUPIAH.match(text)
    if match is None:
        raise InvalidInput("qris.amount_not_whole", text=text)
    return int(match.group(1))


@dataclass(frozen=True, slots=True)
class QrisPayload:
    """A checked QRIS payload: its fields in the order they were written, tag 63 last."""

    fields: tuple[Field, ...]

    @property
    def text(self) -> str:
        """The payload text, byte for byte as read (what the QR code holds)."""
        return "".join(f.encode() for f in self.fields)

    def get(self, tag: str) -> str | None:
        """The value of top-level field *tag*, or None."""
        return next((f.value for f in self.fields if f.tag == tag), None)

    @property
    def merchant_name(self) -> str:
        return self.get("59") or ""

    @property
    def merchant_city(self) -> str:
        return self.get("60") or ""

    @property
    def postal_code(self) -> str | None:
        return self.get("61")

    @property
    def merchant_account(self) -> Field | None:
        """The merchant account template holding ID.CO.QRIS.WWW (51 preferred), or None."""
        found = [f for f in self.fields if f.tag in _MERCHANT_ACCOUNTS and _is_qris_account(f)]
        return next((f for f in found if f.tag == "51"), found[0] if found else None)

    @property
    def nmid(self) -> str | None:
        """The National Merchant ID (sub-tag 02 of the QRIS merchant account), or None."""
        account = self.merchant_account
        return account.sub("02") if account is not None else None

    @property
    def is_dynamic(self) -> bool:
        return self.get("01") == DYNAMIC

    @property
    def amount(self) -> int | None:
        """Tag 54 in whole rupiah (``150000`` or ``150000.00``), or None on a static QR."""
        raw = self.get("54")
        return None if raw is None else _whole_rupiah(raw)

    @property
    def crc(self) -> str:
        return self.get("63") or ""


def _is_qris_account(field: Field) -> bool:
    if QRIS_GUID not in field.value.upper():
        return False
    guid = field.sub("00")  # a malformed template holding the GUID raises with its reason
    return guid is not None and guid.upper() == QRIS_GUID


def _expect(payload: QrisPayload, tag: str, what: Message, allowed: tuple[str, ...]) -> None:
    found = payload.get(tag)
    if found is None:
        raise InvalidInput("qris.field_missing", what=what, tag=tag)
    if found in allowed:
        return
    if len(allowed) == 2:
        raise InvalidInput("qris.field_must_be_either", what=what, tag=tag, first=allowed[0],
                           second=allowed[1], found=found)
    raise InvalidInput("qris.field_must_be", what=what, tag=tag, allowed=allowed[0], found=found)


def parse_qris(text: str) -> QrisPayload:
    """Read and check a QRIS payload (static or dynamic); InvalidInput says what is wrong.

    Surrounding whitespace and newlines (a scanner's Enter, a paste) are trimmed first.
    """
    text = text.strip()
    fields = parse_tlv(text)
    seen: set[str] = set()
    for f in fields:
        if f.tag in seen:
            raise InvalidInput("qris.duplicate_tag", tag=f.tag)
        seen.add(f.tag)
    if "63" not in seen:
        raise InvalidInput("qris.no_crc")
    if fields[-1].tag != "63":
        raise InvalidInput("qris.crc_not_last")
    found = fields[-1].value
    if not _HEX4.match(found):
        raise InvalidInput("qris.crc_not_hex", found=found)
    expected = _crc_text(text[:-4])
    if found.upper() != expected:
        raise InvalidInput("qris.crc_mismatch", expected=expected, found=found)
    if fields[0].tag != "00":
        raise InvalidInput("qris.format_not_first")
    payload = QrisPayload(tuple(fields))
    _expect(payload, "00", msg("qris.payload_format_indicator"), ("01",))
    _expect(payload, "01", msg("qris.point_of_initiation"), (STATIC, DYNAMIC))
    _expect(payload, "53", msg("qris.currency"), ("360",))
    _expect(payload, "58", msg("qris.country"), ("ID",))
    if payload.merchant_account is None:
        raise InvalidInput("qris.no_merchant_account", guid=QRIS_GUID)
    for tag, what in (("59", msg("qris.merchant_name")), ("60", msg("qris.merchant_city"))):
        if not payload.get(tag):
            raise InvalidInput("qris.field_missing", what=what, tag=tag)
    amount = payload.amount
    if amount is not None and amount <= 0:
        raise InvalidInput("qris.amount_not_positive")
    return payload


def check_qris_amount(amount: int) -> int:
    """Refuse an amount one QRIS payment cannot carry; return it unchanged otherwise."""
    check_amount(amount, what=msg("amount.qris_amount"))
    if amount <= 0:
        raise InvalidInput("qris.payment_not_positive")
    if amount > QRIS_MAX_PER_PAYMENT:
        raise InvalidInput("payment.qris_above_max", max=QRIS_MAX_PER_PAYMENT)
    return amount


def dynamic_payload(static: str | QrisPayload, amount: int) -> str:
    """The dynamic payload asking for *amount* rupiah, made from a merchant's QRIS payload.

    Sets 01 to ``12`` and 54 to the amount (a plain integer), keeps every other field,
    writes the fields in ascending tag order with 63 last and a fresh CRC. A dynamic
    payload is accepted as the base: its amount is replaced.
    """
    check_qris_amount(amount)
    base = parse_qris(static.text if isinstance(static, QrisPayload) else static)
    values = {f.tag: f.value for f in base.fields if f.tag != "63"}
    values["01"] = DYNAMIC
    values["54"] = str(amount)
    body = "".join(Field(tag, values[tag]).encode() for tag in sorted(values)) + "6304"
    return body + _crc_text(body)


def split_amounts(total: int) -> list[int]:
    """Parts of *total* that each fit one QRIS payment: full Rp 10.000.000 parts, then the rest.

    ``25_000_000 -> [10_000_000, 10_000_000, 5_000_000]``; a total under the cap is one part.
    """
    check_amount(total, what=msg("amount.qris_total"))
    if total <= 0:
        raise InvalidInput("qris.payment_not_positive")
    full, rest = divmod(total, QRIS_MAX_PER_PAYMENT)
    return [QRIS_MAX_PER_PAYMENT] * full + ([rest] if rest else [])
