"""A message kept as data (a print job's problem, the last sync's or backup's reason) reads
back as the same message, nested messages included; anything else reads back as None."""

from __future__ import annotations

import json

from posapp.domain.errors import InvalidInput
from posapp.domain.messages import Message, from_data, msg, to_data


def test_a_refusal_kept_as_json_is_said_again_in_each_language() -> None:
    exc = InvalidInput("payment.zero", method=msg("payment_method.cash"))
    kept = json.loads(json.dumps(to_data(exc)))

    again = from_data(kept)

    assert again == Message("payment.zero", {"method": Message("payment_method.cash", {})})
    assert again.text("en") == exc.text("en")
    assert again.text("id") == exc.text("id")


def test_values_json_cannot_hold_are_kept_as_their_text() -> None:
    kept = to_data(msg("payment.unknown_method", text=b"x", methods=("cash", "qris")))
    assert kept == {"code": "payment.unknown_method",
                    "values": {"text": "b'x'", "methods": ["cash", "qris"]}}


def test_what_is_not_a_kept_message_reads_as_none() -> None:
    for data in (None, "printer usb:04b8:0202 did not answer", {"code": 3}, {"values": {}},
                 {"code": "payment.zero", "values": "cash"}):
        assert from_data(data) is None
