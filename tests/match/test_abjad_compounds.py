"""Names written apart in an abjad against the Latin word that writes them as
one (issue 11, 1): the compound is compared by its consonant key
(match/names.py, ``_QueryMemo.abjad_runs``); and an Arabic-script name read
the Persian way as well (text.translit.persian_z_variant)."""

from __future__ import annotations

import pytest
from tests.match.pairs import person_score

from thaw.match import DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("original", "latin"),
    [
        ("کمالی سروستانی", "Kamalisarvestani"),  # a Persian surname of two words
        ("محمد علی جعفری", "Mohammadali Jafari"),
        ("علی رضا", "Alireza"),
        # the kunya written apart in Arabic, joined in a Hausa spelling
        ("أبو بكر محمد الشكوى", "Abubakar Mohammed SHEKAU"),
    ],
)
def test_abjad_words_written_as_one_latin_word(original: str, latin: str) -> None:
    assert person_score(original, latin) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("original", "latin"),
    [
        ("محمد رضا", "Mohammadali"),  # another second name
        ("علی رضا", "Alimardan"),
        ("کمالی سروستانی", "Kamalisarabi"),
    ],
)
def test_a_compound_key_must_be_equal(original: str, latin: str) -> None:
    assert person_score(original, latin) < DEFAULT_THRESHOLD


def test_a_latin_query_is_not_read_as_an_abjad_compound() -> None:
    # the key comparison is for a side written in an abjad: two Latin words
    # whose consonants spell a listed word are no compound of it
    assert person_score("Kamil Sarvestan", "Kamalisarvestani") < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("original", "latin"),
    [
        ("ایلیا ضابطی", "Socorro Elizabeth HERNÁNDEZ"),  # alzbt, as Elizabeth
        ("آرش صنایعی", "Arseny PAVLOV"),  # arsn
        ("سرور كانو", "Sergey SHARGUNOV"),  # srkn
        ("پریا صیادی", "Chandana Prasad HETTIARACHCHI"),  # prsd, in fewer letters
    ],
)
def test_consonants_spelling_another_name_by_chance_are_no_compound(
    original: str, latin: str
) -> None:
    # equal keys, but the letters written are far from the Latin word's
    assert person_score(original, latin) < DEFAULT_THRESHOLD


def test_an_arabic_name_read_the_persian_way_too() -> None:
    # فضل الرحمن, written with Arabic letters only, names Fazlur Rehman
    assert person_score("فضل الرحمن", "Fazlur Rehman") >= DEFAULT_THRESHOLD
    assert person_score("فضل", "Fadl") >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("original", "latin"),
    [
        ("امیر علی", "Amirali"),
        ("امیر علی حاجی زاده", "Amirali Hajizadeh"),
        ("امیر علی حاجی زاده", "Amir Ali HAJIZADEH"),  # as before, apart
        ("امیر حسین", "Amirhossein"),
    ],
)
def test_persian_amir_is_the_first_part_of_a_given_name(original: str, latin: str) -> None:
    # Amir is a given name; in Persian letters it is also read joined to the
    # name after it
    assert person_score(original, latin) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("original", "latin"),
    [
        ("ضياء الرحمن", "Ziaur Rahman"),
        ("شمس الحق", "Shamsul Haq"),
        ("مجيب الرحمن", "Mujibur Rahman"),
        ("مجيب الرحمن", "Mujib-ur-Rahman"),  # and apart, as before
    ],
)
def test_south_asian_compounds_with_the_article_joined(original: str, latin: str) -> None:
    assert person_score(original, latin) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("original", "latin"),
    [("عكاشة", "Akkacha"), ("عاشور", "Achour"), ("بوشعيب", "Bouchaib")],
)
def test_an_abjad_sh_meets_the_french_ch(original: str, latin: str) -> None:
    assert person_score(original, latin) >= DEFAULT_THRESHOLD
    assert person_score(latin, original) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("original", "latin"),
    [("لافروف", "Lavrov"), ("سيرغي لافروف", "Sergey Lavrov"), ("كوفاليف", "Kovalev")],
)
def test_arabic_writes_a_foreign_v_with_f(original: str, latin: str) -> None:
    # the Latin key leaves v out (it may be a vowel's و); ف is compared with it
    assert person_score(original, latin) >= DEFAULT_THRESHOLD
    assert person_score(latin, original) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(("original", "latin"), [("فهد", "Vahid"), ("سيف", "Seva")])
def test_an_arabic_f_in_a_short_name_is_no_v(original: str, latin: str) -> None:
    assert person_score(original, latin) < DEFAULT_THRESHOLD
