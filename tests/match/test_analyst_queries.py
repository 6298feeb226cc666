"""Names as analysts type them (the blind set of ``benchmarks/analyst_queries.py``):
a person's surname followed by initials, written as Russian names are (``Putin
V.V.``, ``Lukashenko A.G.``), by a query that does not say it is a person."""

from __future__ import annotations

import pytest

from thaw.index.entry import name_entry
from thaw.match import Query, might_be_initials, score
from thaw.match.score import person_reading
from thaw.screen import Screener
from thaw.text import analyze_name


def _initials(name: str, schema: str | None) -> list[str]:
    return [t.text for t in analyze_name(name, schema).informative if t.role == "initial"]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Putin V.V.", "PUTIN, Vladimir Vladimirovich"),
        ("Lukashenko A.G.", "Aleksandr Grigoryevich LUKASHENKO"),
        ("Deripaska O.V.", "DERIPASKA, Oleg Vladimirovich"),
        ("Kadyrov R. A.", "KADYROV, Ramzan Akhmatovich"),
    ],
)
def test_a_surname_with_initials_of_unknown_kind_meets_the_person(query: str, listed: str) -> None:
    result = score(Query(query), name_entry(listed, "Person"))
    assert result.score >= 0.8, (
        result.explanation
    )  # was 0.42 to 0.74: "VV" one word, "AG" a legal form
    assert score(Query(query, "Person"), name_entry(listed, "Person")).score == result.score


def test_a_person_name_ends_in_initials_not_in_a_legal_form() -> None:
    assert _initials("Lukashenko A.G.", "Person") == ["a", "g"]  # not AG
    assert _initials("Lukashenko A. G.", "Person") == ["a", "g"]
    assert "v" in _initials("Prigozhin E.V.", "Person")  # not e.V.
    # an organisation's stay legal forms
    assert [t.role for t in analyze_name("Siemens A.G.").informative] == ["name", "legal_form"]
    assert [t.role for t in analyze_name("Siemens A.G.", "Organization").informative] == [
        "name",
        "legal_form",
    ]


def test_the_person_reading_is_kept_for_persons() -> None:
    # against an organisation a query of unknown kind is read as before
    result = score(Query("Siemens A.G."), name_entry("SIEMENS AG", "Organization"))
    assert result.score >= 0.9
    assert person_reading("Siemens A.G.", analyze_name("Siemens A.G.")) is not None
    # a name with no run of single letters has no other reading (and costs nothing)
    assert not might_be_initials("Vladimir Putin")
    assert person_reading("Vladimir Putin", analyze_name("Vladimir Putin")) is None
    assert might_be_initials("Putin V.V.") and might_be_initials("Lukashenko A. G.")


def test_screening_finds_a_surname_with_initials() -> None:
    screener = Screener.from_entries(
        [
            name_entry("DERIPASKA, Oleg Vladimirovich", "Person"),
            name_entry("OV TRADING LLC", "Organization"),
            name_entry("PUTIN, Vladimir Vladimirovich", "Person"),
        ]
    )
    hits = screener.screen("Deripaska O.V.").hits
    assert hits and hits[0].name == "DERIPASKA, Oleg Vladimirovich"
    assert [h.name for h in screener.screen("Putin V.V.").hits] == ["PUTIN, Vladimir Vladimirovich"]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Natl Iranian Oil Company", "NATIONAL IRANIAN OIL COMPANY"),
        (
            "Mahab Ghodss Consulting Engineering Mgmt",
            "MAHAB GHODSS CONSULTING ENGINEERING MANAGEMENT",
        ),
        ("Petro Svcs Ltd", "PETRO SERVICES LIMITED"),
        ("Iran Trade Ctr", "IRAN TRADE CENTER"),
    ],
)
def test_common_abbreviations_of_generic_words(query: str, listed: str) -> None:
    result = score(Query(query), name_entry(listed, "Organization"))
    assert result.score >= 0.9, result.explanation  # "Natl" was a word of its own: 0.51
