"""A Burmese name with a word added (:mod:`thaw.match.burmese`, name_shape's
*Burmese word added*): no family name, so another name, where the query or
the listing is of Myanmar; the same words, or no Myanmar, are left alone."""

from __future__ import annotations

import pytest

from thaw.index.entry import Entry, entry_from_record
from thaw.match import DEFAULT_THRESHOLD, Query, score
from thaw.match.burmese import one_syllable
from thaw.model import Name, Record


def _person(name: str, *countries: str) -> Entry:
    record = Record("t", name, "Person", names=[Name(name)], nationalities=list(countries))
    return entry_from_record(record)


@pytest.mark.parametrize(
    ("query", "countries", "listed", "listed_countries"),
    [
        ("Soe Win Naing", ("mm",), "Soe Win", ()),  # (Canada's listing: no date, no country)
        ("Min Aung", (), "Min Aung Hlaing", ("mm",)),  # a word left out: another name too
        ("Kyaw Zaw Oo", ("mm",), "Kyaw Zaw", ("mm",)),
    ],
)
def test_a_word_added_to_a_burmese_name_is_another_name(
    query: str, countries: tuple[str, ...], listed: str, listed_countries: tuple[str, ...]
) -> None:
    result = score(Query(query, "Person", countries=countries), _person(listed, *listed_countries))
    assert result.score < DEFAULT_THRESHOLD, result.explanation  # were 0.85 to 0.89
    assert "a Burmese name has no family name" in result.explanation


@pytest.mark.parametrize(
    ("query", "countries", "listed", "listed_countries"),
    [
        ("Min Aung Hlaing", ("mm",), "Min Aung Hlaing", ("mm",)),
        ("U Soe Win", ("mm",), "Soe Win", ("mm",)),  # (U: an honorific, no name word)
        ("Soe Win Naing", (), "Soe Win", ()),  # no Myanmar: a Western name may add one
        ("Ahmad Soe Win", ("mm",), "Soe Win", ("mm",)),  # a word of two syllables: no Burmese
    ],
)
def test_the_same_words_or_no_myanmar_are_left_alone(
    query: str, countries: tuple[str, ...], listed: str, listed_countries: tuple[str, ...]
) -> None:
    result = score(Query(query, "Person", countries=countries), _person(listed, *listed_countries))
    assert "a Burmese name has no family name" not in result.explanation


def test_one_syllable_counts_runs_of_vowels() -> None:
    assert all(one_syllable(w) for w in ("soe", "aung", "kyaw", "hlaing", "myint", "htay"))
    assert not any(one_syllable(w) for w in ("ahmad", "lucia", "win2", "ñu"))
