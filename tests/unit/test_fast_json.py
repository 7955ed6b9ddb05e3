"""The merge decodes entry lines and payloads with json's scanner directly: the same value,
or the same refusal, as ``json.loads``."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from posapp.sync.fast_json import loads, loads_line

_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


def _outcome(decode: Any, text: Any) -> tuple[str, Any]:
    try:
        return "value", decode(text)
    except ValueError as exc:
        return type(exc).__name__, str(exc)


@settings(max_examples=300, deadline=None)
@given(value=_values, ensure_ascii=st.booleans())
def test_a_written_value_reads_back_as_json_reads_it(value: Any, ensure_ascii: bool) -> None:
    text = json.dumps(value, ensure_ascii=ensure_ascii, separators=(",", ":"), sort_keys=True)
    assert loads(text) == json.loads(text)
    assert loads_line(text.encode("utf-8")) == json.loads(text.encode("utf-8"))


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet='{}[]":,0123456789.eE-+ tnrufalsx\\\n', max_size=30))
def test_any_text_gets_what_json_gives_it(text: str) -> None:
    ours, theirs = _outcome(loads, text), _outcome(json.loads, text)
    if ours[0] == "value" and isinstance(ours[1], float) and math.isnan(ours[1]):
        assert isinstance(theirs[1], float) and math.isnan(theirs[1])
    else:
        assert ours == theirs


@pytest.mark.parametrize("text", [' {"a":1}', '{"a":1} ', '{"a":1}\n', '{"a":1}x', "", "[1,2"])
def test_whitespace_around_or_more_after_is_json_s_own_answer(text: str) -> None:
    assert _outcome(loads, text) == _outcome(json.loads, text)


def test_a_line_that_is_not_utf_8_is_refused_as_json_would() -> None:
    with pytest.raises(ValueError):
        loads_line(b'{"a":"\xff"}')
