"""The tools every reader shares (:mod:`thaw.sources.base`)."""

from __future__ import annotations

import json

import pytest

from thaw.sources import json_loads


def test_json_loads_reads_json() -> None:
    assert json_loads('{"a": [1, "b"]}') == {"a": [1, "b"]}
    assert json_loads(b'{"a": null}') == {"a": None}


@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000, b'{"a":' + b"[" * 100_000])
def test_json_loads_refuses_nesting_past_the_recursion_limit(text: str | bytes) -> None:
    """As malformed JSON (what callers already catch), not a RecursionError."""
    with pytest.raises(json.JSONDecodeError, match="nested too deeply"):
        json_loads(text)


def test_json_loads_keeps_json_errors() -> None:
    with pytest.raises(json.JSONDecodeError, match="Expecting property name"):
        json_loads("{not json")


def test_json_loads_refuses_an_integer_too_long_to_convert() -> None:
    """Over 4,300 digits ``json`` raises a plain ValueError, which callers that
    catch malformed JSON did not expect: it is malformed JSON too."""
    with pytest.raises(json.JSONDecodeError, match="a number too long"):
        json_loads('{"name": ' + "9" * 5000 + "}")
    assert json_loads("9" * 4000) == int("9" * 4000)
