"""Somali names in the Somali orthography (x for ħ, c for ʕ, long vowels
doubled) read as English romanisations spell them (thaw.text.somali)."""

from __future__ import annotations

import pytest

from thaw.index.entry import Entry, entry_from_record
from thaw.match import Query, score
from thaw.model import Name, Record
from thaw.text import name_variants
from thaw.text.somali import somali_reading


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Maxamed Xuseen Salaad", "Mahamed Husen Salad"),
        ("Xasan Daahir Aweys", "Hasan Dahir Aweys"),
        ("Cabdullaahi Cali", "abdullahi ali"),
    ],
)
def test_the_somali_orthography_is_read_as_english_spells_it(written: str, read: str) -> None:
    assert somali_reading(written) == read
    assert read in name_variants(written, "Person")


@pytest.mark.parametrize(
    "name",
    [
        "Xu Wei",  # pinyin x
        "Xiao Ming",
        "Alexander Maxwell",
        "Maarten Cornelis",  # Dutch aa and c
        "Jaakko Cederberg",  # Finnish
        "Xavier Cruz",
        "Mohamed Hussein",  # nothing to read
    ],
)
def test_names_in_other_orthographies_are_not_read_so(name: str) -> None:
    assert somali_reading(name) is None


def _person(name: str) -> Entry:
    return entry_from_record(Record("t", "1", "Person", names=[Name(name)]))


def test_a_somali_name_in_its_orthography_matches_its_english_spelling() -> None:
    # was 0.29: 'xuseen' in place of 'hussein'
    entry = _person("SALAD, Mohamed Hussein")
    assert score(Query("Maxamed Xuseen Salaad", schema="Person"), entry).score >= 0.85
    # another person's name in it is still another name
    assert score(Query("Maxamed Xuseen Cabdi", schema="Person"), entry).score < 0.7
