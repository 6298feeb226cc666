"""Retrieval of listings in Latin letters for names written in an abjad
(issue 11, 1: the cross-script pairs' ``--screen`` check): a word of two
letters, French *ch* for ش, and a kunya written apart."""

from __future__ import annotations

import pytest

from tests.index.fixture_store import screener_of
from thaw.screen import Screener

LISTED = [
    "David Chai Chasdai",
    "DJAMEL AKKACHA",
    "Abubakar Mohammed SHEKAU",
    # listings that share the common words, to compete for the candidates
    *(f"Abu Bakr Mohammed {s}" for s in ("AL-BAGHDADI", "SALEH", "OMAR", "HASSAN")),
    *(f"Mohammed {s}" for s in ("SAID", "ALI", "AHMED", "KHALIL", "YUSUF", "HUSSEIN")),
    "Jamal ZAKARIA",
    "David COHEN",
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return screener_of(LISTED)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("דוד חי חסדאי", "David Chai Chasdai"),  # חי: two letters, key h
        ("جمال عكاشة", "DJAMEL AKKACHA"),  # ش written ch, the French way
        ("أبو بكر محمد الشكوى", "Abubakar Mohammed SHEKAU"),  # أبو بكر joined
    ],
)
def test_an_abjad_name_finds_its_latin_listing(screener: Screener, query: str, listed: str) -> None:
    hits = screener.screen(query, "Person").hits
    assert listed in [h.name for h in hits]


def test_candidates_of_an_abjad_join_rank_first(screener: Screener) -> None:
    # the join أبو بكر ~ Abubakar credits both words: the listing ranks with
    # the best, not among the Abu Bakr Mohammeds
    found = screener.index.candidates("أبو بكر محمد الشكوى", schema="Person")
    assert screener.index.entry(found[0].position).caption == "Abubakar Mohammed SHEKAU"
