"""A word written in an abjad and a Latin word whose consonants agree but whose
endings do not: a final vowel written ``ه`` or ``ة`` is no final *-i*."""

from __future__ import annotations

import pytest

from thaw.index.entry import name_entry
from thaw.match import Query, score
from thaw.match.names import ABJAD_ENDING_SIM, token_similarity
from thaw.text import analyze_name


def _similarity(a: str, b: str) -> float:
    (x,) = analyze_name(a, "Person").tokens
    (y,) = analyze_name(b, "Person").tokens
    return token_similarity(x, y)[0]


@pytest.mark.parametrize(("original", "latin"), [("سلامة", "Salami"), ("سلامه", "Salamy")])
def test_a_final_vowel_h_is_no_final_i(original: str, latin: str) -> None:
    # the keys agree (slm); the abjad would write a final i ي / ی
    assert _similarity(original, latin) == ABJAD_ENDING_SIM  # was 0.9
    assert _similarity(latin, original) == ABJAD_ENDING_SIM


@pytest.mark.parametrize(
    ("original", "latin"),
    [
        ("سلامة", "Salameh"),
        ("سلامة", "Salama"),
        ("عبدالله", "Abdullahi"),
        ("سلامي", "Salami"),
        ("فرخی", "Farrokhi"),
        ("مهدي", "Mehdi"),
    ],
)
def test_endings_that_agree_keep_their_similarity(original: str, latin: str) -> None:
    assert _similarity(original, latin) > ABJAD_ENDING_SIM


@pytest.mark.parametrize(
    ("original", "latin"), [("محمود", "Mahmoudi"), ("فرخ", "Farrokhi"), ("کریم", "Karimi")]
)
def test_a_latin_final_i_the_script_does_not_write_is_another_ending(
    original: str, latin: str
) -> None:
    # the script writes the nisba -i (ی): Mahmoud is not Mahmoudi (was 0.9)
    assert _similarity(original, latin) <= ABJAD_ENDING_SIM
    assert _similarity(latin, original) <= ABJAD_ENDING_SIM


def test_a_persian_name_in_i_does_not_alert_on_an_arabic_name_in_a() -> None:
    listed = name_entry("رياز سلامة", "Person")
    assert score(Query("Mohammad Reza Salami", "Person"), listed).score < 0.7  # was 0.75


@pytest.mark.parametrize(
    ("original", "latin"),
    [
        ("موسي كوسا", "Musa Kusa"),  # was 0.68
        ("عيسي", "Isa"),  # was 0.31
        ("يحي جوادي", "YAHIA DJOUADI"),  # au_dfat:1071, was 0.68
    ],
)
def test_a_final_ya_written_for_an_alif_maqsura_meets_the_name(original: str, latin: str) -> None:
    result = score(Query(original, schema="Person"), name_entry(latin, "Person"))
    assert result.score >= 0.8, result.explanation


def test_a_nisba_is_still_no_name_without_it() -> None:
    result = score(Query("كريمي", schema="Person"), name_entry("Karim", "Person"))
    assert result.score < 0.5, result.explanation
