"""A name of unknown kind with a digit between letters reads it, against a
person's listing, as a person's name does: the letter typed so (issue 11,
exact names: the handles *SID3RUN* and *MX1R*, listed for persons, pasted as
written found nothing, since the listing's name was read *siderun*)."""

from __future__ import annotations

import pytest

from thaw.index.entry import name_entry
from thaw.match import DEFAULT_THRESHOLD, Query, might_read_as_person, score
from thaw.match.score import person_reading
from thaw.screen import Screener
from thaw.text import analyze_name


@pytest.mark.parametrize("name", ["SID3RUN", "MX1R", "M3HRAN", "H4mid@Tm3l", "Nitr0jen"])
def test_a_listed_person_s_name_with_a_digit_is_found_as_written(name: str) -> None:
    entry = name_entry(name, "Person")
    assert score(Query(name), entry).score >= DEFAULT_THRESHOLD
    screener = Screener.from_entries([entry, name_entry("Ilya SIDOROV", "Person")])
    assert [h.name for h in screener.screen(name).hits] == [name]


def test_only_a_digit_read_as_a_letter_makes_another_reading() -> None:
    assert might_read_as_person("SID3RUN") and not might_read_as_person("MAXMS76")
    # (2 is typed for no letter: B2B reads alike either way)
    assert person_reading("B2B Group", analyze_name("B2B Group")) is None
    assert person_reading("Ig0r Sechin", analyze_name("Ig0r Sechin")) is not None
