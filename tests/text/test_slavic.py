"""Ukrainian and Belarusian romanisations read in their Russian form
(:mod:`thaw.text.slavic`), and what the matcher makes of them."""

from __future__ import annotations

import pytest

from thaw.index.entry import Entry, entry_from_record
from thaw.match import Query, score
from thaw.model import Name, Record
from thaw.text import name_variants
from thaw.text.slavic import east_slavic_variant


@pytest.mark.parametrize(
    ("name", "russian"),
    [
        ("Hryhoriy Mykolaiovych KOVALENKO", "grygoriy nikolaevich kovalenko"),
        ("Uladzislau Ryhoravich SHEIMAN", "vladislav rygorovich sheiman"),
        ("Dzmitry Aliaksandravich LUKASHENKA", "dmitry aliaksandrovich lukashenka"),
        ("Tatsiana Uladzimirauna Ivanova", "tatiana vladimirovna ivanova"),
        ("Serhiy Yuriyovych Petrenko", "sergiy yurevich petrenko"),
        ("Olha Ivanivna Tkachuk", "olga ivanovna tkachuk"),
        # Belarusian -ou, -au beside another sign of the romanisation
        ("Siarhei ZUBKOU", "siargei zubkov"),
        ("Uladzimir Ivanou", "vladimir ivanov"),
    ],
)
def test_russian_form(name: str, russian: str) -> None:
    assert east_slavic_variant(name) == russian


@pytest.mark.parametrize(
    "name",
    [
        "Sergei Ivanovich PETROV",  # a Russian romanisation: nothing differs
        "Hassan Ali",  # no East Slavic ending: an h of another language
        "Hans Schmidt",
        "Friedrich Hahn",
        "Григорий Петров",  # (Cyrillic: read by its own letters)
        "Andreas Pavlou",  # a Greek genitive surname, no other sign
        "Jean Moreau",
        "Zhou Hong",
    ],
)
def test_no_variant(name: str) -> None:
    assert east_slavic_variant(name) is None


@pytest.mark.parametrize(
    ("name", "russian"),
    [
        # the ending ends a word, in any case, a hyphen after it
        ("HRYHORIY KOVALENKO", "grygoriy kovalenko"),
        ("Hryhoriy Kovalenko-Ivanova", "grygoriy kovalenko-ivanova"),
        # an ending inside a word (a digit or an underscore after it), or
        # beginning one, is none
        ("Hryhoriy Kovalenko2", None),
        ("Hugh Skyline", None),
        ("Heinrich Ovchar", None),
        ("Hannah Kovalenkova_x", None),
    ],
)
def test_an_ending_is_read_at_the_end_of_a_word(name: str, russian: str | None) -> None:
    assert east_slavic_variant(name) == russian


def test_name_variants_offers_it_beside_the_others() -> None:
    assert "grygoriy surkis" not in name_variants("Hryhoriy Surkis", "Person")  # (no ending)
    assert "grygoriy kovalenko" in name_variants("Hryhoriy Kovalenko", "Person")
    assert name_variants("Hryhoriy Kovalenko", "Organization") == ()


def _entry(name: str) -> Entry:
    """A one-name person listing, prepared as the index prepares one (its
    name's variants as further names)."""
    return entry_from_record(
        Record(source="test", source_id="1", schema="Person", names=[Name(name)])
    )


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Hryhoriy Kovalenko", "Grigory KOVALENKO"),
        ("Heorhiy Kovalenko", "Georgy KOVALENKO"),
        ("Serhiy Kovalenko", "Sergei KOVALENKO"),
        ("Hlib Kovalenko", "Gleb KOVALENKO"),
        ("Siarhei Kovalenka", "Sergei KOVALENKO"),
        ("Ihar Kovalenka", "Igor KOVALENKO"),
        ("Uladzislau Kovalenka", "Vladislav KOVALENKO"),
        ("Tatsiana Kovalenka", "Tatyana KOVALENKO"),
        ("Serhiy Mykolaiovych Bondar", "Sergei Nikolaevich BONDAR"),
        ("Viktar Uladzimiravich Sheiman", "Viktor Vladimirovich SHEIMAN"),
        # (the README's pairs)
        ("Hryhoriy Mykolaiovych", "Grigory Nikolaevich"),
        ("Михайло Миколайович", "Mikhail Nikolaevich"),
        # and the other way round: the Belarusian form is the listed one
        ("Sergei Nikolaevich Bondar", "Serhiy Mykolaiovych BONDAR"),
        ("Igor Kovalenko", "Ihar KOVALENKA"),
        ("Siarhei Zubkou", "Sergey Yevgenyevich ZUBKOV"),
        ("Ihar Tarasau", "Igor TARASOV"),
    ],
)
def test_the_same_name_in_two_romanisations_matches(query: str, listed: str) -> None:
    assert score(Query(query, "Person"), _entry(listed)).score >= 0.7


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Hlib Kovalenko", "Oleg KOVALENKO"),
        ("Olha Ivanova", "Olena IVANOVA"),
        ("Mykyta Petrov", "Nikolai PETROV"),
        ("Serhiy Mykolaiovych Bondar", "Sergei Nikitich BONDAR"),
        ("Hans Schmidt", "Gans SCHMIDT"),
    ],
)
def test_other_names_stay_apart(query: str, listed: str) -> None:
    assert score(Query(query, "Person"), _entry(listed)).score < 0.7
