"""A name of unknown kind compared with an organisation's, a vessel's or an
aircraft's listing is read as such a party's name too (issue 11, exact names:
*LOS ZETAS*, *SECOND ECONOMIC COMMITTEE*, *BICENTENARIO XIV* pasted as written
found nothing)."""

from __future__ import annotations

import pytest

from thaw.index.entry import name_entry
from thaw.match import DEFAULT_THRESHOLD, Query, organised_reading, score
from thaw.text import analyze_name


@pytest.mark.parametrize(
    ("name", "schema"),
    [
        ("LOS ZETAS", "Organization"),  # an article: no person's particle
        ("Les Sentinelles", "Organization"),
        ("SECOND ECONOMIC COMMITTEE", "Organization"),  # an ordinal: the number 2
        ("7TH OF TIR", "Organization"),
        ("Peace to Luhansk Region", "Organization"),  # "to": a stop word
        ("THIEVES-IN-LAW", "Organization"),
        ("LADY R", "Vessel"),  # "Lady": no honorific
        ("BICENTENARIO XIV", "Vessel"),  # a Roman numeral: the vessel's number
        ("RUNG RA DO", "Vessel"),
    ],
)
def test_an_exact_name_of_unknown_kind_finds_the_listing(name: str, schema: str) -> None:
    assert score(Query(name), name_entry(name, schema)).score >= DEFAULT_THRESHOLD


def test_a_name_read_alike_has_no_other_reading() -> None:
    first = analyze_name("Oleg Deripaska")
    assert organised_reading("Oleg Deripaska", first, "Organization") is None


def test_a_person_s_listing_is_compared_with_the_name_of_unknown_kind() -> None:
    query = Query("Peter van der Berg")
    assert "-van -der" in score(query, name_entry("Peter Berg", "Person")).explanation


def test_a_word_the_reading_drops_must_be_the_listed_name_s_too() -> None:
    # read as a vessel's name "Do Van Hai" is "hai" alone ("do" an island,
    # "van" a particle): only a listed name with "do" and "van" may read it so
    query = Query("Do Van Hai")
    assert score(query, name_entry("HAI II", "Vessel")).score < DEFAULT_THRESHOLD
    assert "-van" in score(query, name_entry("Peter Berg Hai", "Organization")).explanation
    assert score(query, name_entry("DO VAN HAI", "Vessel")).score >= DEFAULT_THRESHOLD


def test_a_phrase_of_free_text_is_not_read_so() -> None:
    # free text decides by its own rules which phrases name a company: a
    # phrase it screens (as_named=False) keeps the reading of unknown kind
    entry = name_entry("LOS ZETAS", "Organization")
    named = score(Query("LOS ZETAS"), entry).score
    phrase = score(Query("LOS ZETAS", as_named=False), entry).score
    assert phrase < named
