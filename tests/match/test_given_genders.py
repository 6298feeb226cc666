"""The sex of most recorded bearers of a given name (match.given_genders) and
the table's generator (match._make_genders)."""

from __future__ import annotations

from pathlib import Path

import pytest

from thaw.match._make_genders import genders, read_counts
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


def test_the_generator_sums_the_ssa_national_files_over_the_years(tmp_path: Path) -> None:
    """The SSA's ``yobYYYY.txt`` files (``name,sex,births``), summed per name
    across years and sexes, names lower-cased; other files are not read."""
    (tmp_path / "yob1990.txt").write_text("Karin,F,40\nKarin,M,1\nJan,M,30\n")
    (tmp_path / "yob1991.txt").write_text("Karin,F,20\nJan,F,25\n")
    (tmp_path / "NationalReadMe.pdf").write_text("not counts")
    assert read_counts(tmp_path) == {"karin": (60, 1), "jan": (25, 30)}
    assert genders(read_counts(tmp_path)) == {"karin": "F"}
