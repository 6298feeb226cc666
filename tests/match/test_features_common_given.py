"""A listed first given name left out, the query's given name one of the
commonest name parts aligned with the listed second (name_shape's *common later
given name only*, :func:`thaw.match.first_given.common_given_only`): *Ali
Mousavi* is not 'Safar Ali Mousavi' (Persian صفرعلی, one name), *Michael
Brooks* not 'Lance Michael Brooks'. And a person's name of two of the
commonest words whose listed namesake holds a further distinctive word (name_shape's
*two common words*): *Hasan Ali* is not 'Hassan Bin-Ali Al-Turkmani'."""

from __future__ import annotations

import pytest

from thaw.index.entry import Entry, name_entry
from thaw.match import DEFAULT_THRESHOLD, Query, score
from thaw.match.first_given import common_given_only
from thaw.match.names import align
from thaw.text import analyze_name

#: What the explanation says of each entry.
SAYS_SECOND = "a common name, is the listed second given name"
SAYS_TWO = "two of the commonest name words"


@pytest.mark.parametrize(
    ("query", "listed", "says"),
    [
        ("Ali Mousavi", "Safar Ali Mousavi", SAYS_SECOND),  # 0.87 before
        ("Michael Brooks", "Lance Michael Brooks", SAYS_SECOND),  # 0.89 before
        ("Mitchell Brooks", "Lance Michael Brooks", SAYS_SECOND),  # 0.83 before
        ("Ali Mousavi", "Safar Ali MOUSAVI", SAYS_SECOND),
        ("Hasan Ali", "Hassan Bin-Ali Al-Turkmani", SAYS_TWO),  # 0.72 before
        ("John Lopez", "John L. Broussard", SAYS_TWO),  # 0.75 before
    ],
)
def test_common_words_without_the_listed_distinctive_one_do_not_alert(
    query: str, listed: str, says: str
) -> None:
    result = score(Query(query, schema="Person"), name_entry(listed, "Person"))
    assert result.score < DEFAULT_THRESHOLD, result.explanation
    assert says in result.explanation


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Safar Ali Mousavi", "Safar Ali Mousavi"),  # the whole name
        ("Safar Mousavi", "Safar Ali Mousavi"),  # the first given name
        ("Boris Johnson", "Alexandre Boris de Pfeffel Johnson"),  # a rarer second word
        ("Hassan Akhund", "Mohammad Hassan Akhund"),  # a common first word, left out
        ("Carlos Ortuño", "ORTUÑO, Juan Carlos"),  # the family name first
        ("Ma Huateng", "Pony Ma Huateng"),  # an English name before a Chinese one
        ("马化腾", "Pony Ma Huateng"),
    ],
)
def test_the_names_a_person_is_called_by_still_alert(query: str, listed: str) -> None:
    result = score(Query(query), name_entry(listed, "Person"))
    assert SAYS_SECOND not in result.explanation
    assert result.score >= DEFAULT_THRESHOLD, result.explanation


def test_the_words_found_are_the_query_s_given_name_and_the_listed_first() -> None:
    query = analyze_name("Ali Mousavi", "Person")
    listed = analyze_name("Safar Ali Mousavi", "Person")
    found = common_given_only(query.informative, listed, align(query, listed))
    assert found is not None
    assert (found[0].raw, found[1].raw) == ("ali", "safar")


def test_an_agreeing_birth_date_still_alerts() -> None:
    named = name_entry("Safar Ali Mousavi", "Person")
    listed = Entry(
        **{**{f: getattr(named, f) for f in Entry.__slots__}, "birth_dates": ("1960-03-21",)}
    )
    assert score(Query("Ali Mousavi", birth_date="1960-03-21"), listed).score >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Tariq Aziz", "TARIQ AZIZ"),  # the listed name of the two words alone
        ("Hasan Ali", "Hasan ALI"),
        ("Juan García", "Juan José GARCIA"),  # a common word left out
        ("Juan García", "JUAN MARVIN GARCIA"),  # a middle name left out
        ("Jose Ferreira", "ORNELAS FERREIRA, Jose Adelino"),  # the Iberian rules say
        ("Abu Muhammad", "Abu-Mohammad al-Adnani al-Shami"),  # a kunya, one name
        ("Ivan Petrov", "Ivan Sergeyevich PETROV"),  # a patronymic left out
        ("Hasan Mousavi", "Hasan Ali MOUSAVI"),  # a rarer word in the query
    ],
)
def test_two_common_words_alert_when_nothing_distinctive_is_left_out(
    query: str, listed: str
) -> None:
    result = score(Query(query, schema="Person"), name_entry(listed, "Person"))
    assert SAYS_TWO not in result.explanation


def test_two_common_words_with_the_birth_date_still_alert() -> None:
    named = name_entry("Hassan Bin-Ali Al-Turkmani", "Person")
    listed = Entry(
        **{**{f: getattr(named, f) for f in Entry.__slots__}, "birth_dates": ("1979-02-03",)}
    )
    result = score(Query("Hasan Ali", birth_date="1979-02-03"), listed)
    assert result.score >= DEFAULT_THRESHOLD, result.explanation
