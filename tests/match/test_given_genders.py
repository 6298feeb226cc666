"""The sex of most recorded bearers of a given name (match.given_genders) and
the table's generator (match._make_genders)."""

from __future__ import annotations

import pytest

from thaw.match._make_genders import genders
from thaw.match.given_genders import recorded_gender


@pytest.mark.parametrize(
    ("word", "sex"),
    [
        ("karin", "female"),
        ("kristina", "female"),
        ("michelle", "female"),
        ("ismaila", "male"),
        ("michael", "male"),
        ("milan", None),  # given to both sexes
        ("jan", None),
        ("zzyzx", None),
    ],
)
def test_recorded_gender(word: str, sex: str | None) -> None:
    assert recorded_gender(word) == sex


def test_the_table_keeps_names_nearly_all_of_one_sex_and_often_enough_given() -> None:
    counts = {"anna": (1000, 3), "milan": (60, 100), "rare": (10, 0), "o'neil": (0, 900)}
    assert genders(counts) == {"anna": "F"}
