"""Slavic family names a syllable longer (match.surnames, name_shape's
*lengthened surname*): *Kamyshanov* is another family name than *Kamyshov*;
one name's spellings stay a match."""

from __future__ import annotations

import pytest
from tests.match.pairs import person_score

from thaw.match import DEFAULT_THRESHOLD
from thaw.match.surnames import lengthened_surname
from thaw.text import Token, analyze_name


def _word(word: str) -> Token:
    return analyze_name(word).informative[0]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kamyshanov", "Kamyshov"),
        ("Vodyanikov", "Vodyanov"),
        ("Medvedkov", "Medvedev"),  # -ev and -ov alternate
        ("Sokolnikova", "Sokolova"),
        ("Belousov", "Belov"),
        ("Kamyshanov", "Kamishov"),  # the Ukrainian КАМИШОВ: y and i for one vowel
        ("Kamyshanov", "Камишов"),
    ],
)
def test_a_stem_lengthened_is_another_family_name(a: str, b: str) -> None:
    assert lengthened_surname(_word(a), _word(b))
    assert lengthened_surname(_word(b), _word(a))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Seleznyov", "Seleznev"),  # a vowel or soft sign of transliteration
        ("Alekseyev", "Alekseev"),
        ("Zhukhov", "Zhukov"),  # the h of kh
        ("Lavrishchev", "Lavrishev"),  # shch and sh for щ (one listing's two spellings)
        ("Fedzin", "Fedin"),  # the Belarusian dz for d (one listing's two spellings)
        ("Kamyshanova", "Kamyshov"),  # the other gender: match.gender's question
        ("Ivanov", "Ivanov"),
        ("Ilyin", "Ilin"),  # a stem too short to tell
        ("Kamyshov", "Kamishov"),
        ("Dmitriyev", "Dmitriev"),
    ],
)
def test_spellings_of_one_family_name(a: str, b: str) -> None:
    assert not lengthened_surname(_word(a), _word(b))


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Aleksandr Kamyshanov", "Alexander Sergeevich KAMYSHOV"),
        ("Aleksandr Kamyshanov", "Олександр Сергійович КАМИШОВ"),  # was 0.71
        ("Roman Vodyanikov", "VODYANOV, Roman Mikhaylovich"),
        ("Dmitry Medvedkov", "Dmitry Anatolyevich MEDVEDEV"),
    ],
)
def test_a_namesake_with_a_lengthened_surname_does_not_alert(query: str, listed: str) -> None:
    assert person_score(query, listed) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Valery Seleznyov", "Valery Sergeyevich SELEZNEV"),
        ("Alexander Kamyshov", "Alexander Sergeevich KAMYSHOV"),
    ],
)
def test_the_listed_family_name_spelt_otherwise_still_matches(query: str, listed: str) -> None:
    assert person_score(query, listed) >= DEFAULT_THRESHOLD
