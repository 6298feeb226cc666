"""A number in a person's name (an online handle the UK lists publish as an
alias: *MAXMS76*, *IGOR1994V*) is written as is, the way a query of no stated
kind reads it, so that the handle screened as written finds its listing (issue
11's exact names); a single digit between letters is a letter typed as a digit."""

from __future__ import annotations

import pytest
from tests.index.fixture_store import screener_of

from thaw.text import analyze_name


@pytest.mark.parametrize("handle", ["MAXMS76", "IGOR1994V", "ALEX560560", "M2686"])
def test_a_handle_number_reads_alike_as_a_person_and_of_no_kind(handle: str) -> None:
    person = [t.text for t in analyze_name(handle, "Person").tokens]
    assert person == [t.text for t in analyze_name(handle).tokens]


def test_a_digit_between_letters_is_still_a_letter() -> None:
    assert [t.text for t in analyze_name("Ig0r PETROV", "Person").tokens][0] == "igor"


def test_a_handle_screened_as_written_finds_its_listing() -> None:
    screener = screener_of(["MAXMS76", "Maxim Sergeevich"])
    assert [h.name for h in screener.screen("MAXMS76").hits][:1] == ["MAXMS76"]
