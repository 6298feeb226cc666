"""screen-file's output lines are :meth:`ScreenResult.to_json`, byte for byte."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from thaw.match import FeatureResult
from thaw.screen.batch import result_line
from thaw.screen.screener import Hit, Listing, ScreenResult

_HIT = Hit(
    score=0.97,
    schema="Person",
    name="DMITRIEV, Kirill Aleksandrovich",
    matched_name="DMITRIEV, Kirill",
    listings=(Listing("us_ofac_sdn", "34336", ("RUSSIA-EO14024",), "2022-02-28"),),
    explanation="Kirill=Kirill Dmitriev~Dmitriyev",
    features=(FeatureResult("name", 0.97, "names agree"),),
)


@pytest.mark.parametrize(
    "ident",
    [None, "C-1", "", 7, 2.5, True, ["a", 1], {"k": "v", "n": [1, 2]}, 'Zoë \u2028 "q" \\ \t'],
)
@pytest.mark.parametrize(
    "name", ["Kirill Dmitriev", "أسامة بن لادن", "鈴木 一郎", 'O"Brien \\ x', "tab\there", "\x00"]
)
def test_a_line_without_hits_is_to_json(ident: Any, name: str) -> None:
    result = ScreenResult(row=12, id=ident, name=name)
    assert result_line(result) == result.to_json()


def test_a_line_with_hits_is_to_json() -> None:
    result = ScreenResult(row=3, id="x", name="Kirill Dmitriev", hits=(_HIT, _HIT))
    assert result_line(result) == result.to_json()
    profiled = ScreenResult(row=1, id=None, name="K", hits=(replace(_HIT, profile_id="p-1"),))
    assert result_line(profiled) == profiled.to_json()
