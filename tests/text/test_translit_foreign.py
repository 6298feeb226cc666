"""Names in Cyrillic of people whose own names are written in a Latin
orthography (Polish, Czech, Serbo-Croatian, German): the lists write them in
that orthography, not as a romanisation of the Cyrillic (issue 11, cross-script
names; :func:`thaw.text.translit.foreign_readings`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rigour._core import maybe_ascii
from tests.index.fixture_store import screener_of
from tests.match.pairs import alerting, person_score, read_pairs

from thaw.match import DEFAULT_THRESHOLD, Query
from thaw.screen import Screener
from thaw.text import name_variants, translit
from thaw.text.translit import cyrillic_variant, foreign_readings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "match"
PAIRS = FIXTURES / "cross_script_pairs_cyr.csv"
NEGATIVES = FIXTURES / "other_scripts_negatives_cyr.csv"

#: Negatives of the set that reach the threshold, and why: a feminine given
#: name and surname against the masculine ones (*Ivana Petrova* is Иван
#: Петров's form for a woman; the matcher reads the given names as a spelling
#: apart), an adjectival surname against its stem (*Morawski*, Моравецкий:
#: *morawiecki*, two letters apart), surnames one consonant apart (*Dokic*,
#: Додик; *Babic*, Бабиш, which Czech writes *Babiš*), *Oleg Sidorov* against
#: Ольга Сидорова (Oleg and Olga), *Savchenko* against Шевченко, and the
#: Dutch *Rutte* against *Rudd*, whose folded forms (*rute*, *rud*) are near,
#: and *Milei* against *Milla*.
KNOWN_ALERTS = {
    ("Иван Петров", "Ivana Petrova"),
    ("Матеуш Моравецкий", "Mateusz Morawski"),
    ("Милорад Додик", "Milorad Dokic"),
    ("Андрей Бабиш", "Andrej Babic"),
    ("Ольга Сидорова", "Oleg Sidorov"),
    ("Наталья Шевченко", "Natalia Savchenko"),
    ("Марк Рютте", "Mark Rudd"),
    ("Хавьер Милей", "Javier Milla"),
}


@pytest.mark.parametrize(
    ("name", "reading"),
    [
        ("Цибульский", "cybulski"),  # Polish: ц y after ц, -ski
        ("Шимборская", "szymborska"),  # ш sz, -ska
        ("Конюш", "koniusz"),  # ю after a consonant iu
        ("Щепаньский", "szczepanski"),  # щ szcz
        ("Анджей", "andrzej"),  # ндже ndrze
        ("Петкович", "petkovic"),  # Serbo-Croatian without diacritics
        ("Шливанчанин", "slivancanin"),
        ("Франьо", "franjo"),  # нь before a vowel nj
        ("Штих", "stich"),  # German: шт st at the start, х ch
        ("Лянц", "lanz"),  # ц z, я after a consonant a
        ("Штайнмайер", "steinmeier"),  # ай ei
        ("Шиманский", "szymanski"),
        ("Джузеппе", "giuseppe"),  # Italian: дж before у gi, з between vowels s
        ("Микеле", "michele"),  # ке che
        ("Хоакин", "joaquin"),  # Spanish: х j, ки qui
        ("Хавьер", "javier"),  # ье after a consonant ie
    ],
)
def test_foreign_readings(name: str, reading: str) -> None:
    assert reading in foreign_readings(name)


def test_no_reading_that_folds_as_the_romanisation() -> None:
    # Polish *wladimir putin*, Serbo-Croatian *vladimir putin* fold as the
    # romanisation does; Polish *kaczynski* as Качиньский's *kachinskiy*
    assert foreign_readings("Владимир Путин") == ()
    assert "kaczynski" not in foreign_readings("Качиньский")
    assert foreign_readings("Jose Rivera") == foreign_readings("習近平") == ()
    # -ский is no Italian *-schi*, Spanish *-squi*
    assert not any(r.endswith(("schi", "squi")) for r in foreign_readings("Шиманский"))


def test_foreign_readings_are_ascii_and_distinct() -> None:
    readings = foreign_readings("Вольфганг Шойбле")
    assert all(r.isascii() for r in readings)
    assert len(readings) == len(set(readings))
    assert "wolfgang scheuble" in readings  # ой eu (Schäuble)


def test_name_variants_offer_the_foreign_readings_after_the_cyrillic_ones() -> None:
    # the Cyrillic forms first (ё as е), then the Latin orthographies
    found = name_variants("Герхард Шрёдер", "Person")
    assert found[0] == "герхард шредер"
    assert any(v.endswith(" schreder") for v in found)  # ш sch (German)
    assert "gerhard sreder" in found  # (Serbo-Croatian's Šreder, without marks)
    assert cyrillic_variant("Герхард Шрёдер") == ("герхард шредер", "херхард шредер")
    assert name_variants("Ян Ковальчик", "Organization") == ()


def test_cyrillic_against_the_names_own_orthography() -> None:
    for original, latin in [
        ("Вислава Шимборская", "Wisława Szymborska"),
        ("Ратко Младич", "Ratko Mladic"),
        ("Штих", "Stich"),
        ("Цибульский", "Cybulski"),
    ]:
        assert person_score(original, latin) >= DEFAULT_THRESHOLD, (original, latin)


def test_hand_written_pairs_reach_the_threshold() -> None:
    rows = read_pairs(PAIRS)
    assert len(rows) >= 40
    assert {r["split"] for r in rows} == {"dev", "holdout"}
    misses = [
        (r["original"], r["latin"])
        for r in rows
        if person_score(r["original"], r["latin"]) < DEFAULT_THRESHOLD
    ]
    assert not misses, misses


def test_other_people_stay_apart() -> None:
    rows = read_pairs(NEGATIVES)
    assert len(rows) >= 30
    alerts = alerting(rows)
    assert alerts <= KNOWN_ALERTS, alerts - KNOWN_ALERTS


#: Listings in their own orthography, with people whose names are near, to
#: compete for the candidates; and one listed in Cyrillic only.
LISTED = [
    "Jorge Jesús RODRÍGUEZ GÓMEZ",
    "Joaquín GUZMÁN LOERA",
    "Wisława SZYMBORSKA",
    "Jorge GOMES",
    "Joaquim GUERRA",
    "Алехин Андрей Анатольевич",
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return screener_of(LISTED)


def test_screening_finds_the_listing_in_its_own_orthography(screener: Screener) -> None:
    for query, listed in [
        ("Хорхе Хесус Родригес Гомес", "Jorge Jesús RODRÍGUEZ GÓMEZ"),
        ("Хоакин Гусман Лоэра", "Joaquín GUZMÁN LOERA"),
        ("Вислава Шимборская", "Wisława SZYMBORSKA"),
    ]:
        hits = screener.screen_query(Query(query, "Person")).hits
        assert hits and hits[0].matched_name == listed, (query, hits[:1])


def test_a_listed_cyrillic_name_is_not_read_in_other_orthographies(screener: Screener) -> None:
    # the index keeps a Cyrillic listing's own readings: its Spanish reading
    # (*alejin andrei*) would meet customers named Andrea Allen
    for query in ("Andrea Allen", "Andrée Allain"):
        assert not screener.screen_query(Query(query, "Person")).hits, query


@pytest.mark.parametrize(
    "name",
    ["Елена Ёлкина", "Анна-Мария Юрьевна Ежова", "Пётр  Порошенко", "Ильич Эйхвальд", "Ъ Ь"],
)
def test_romanisation_word_by_word_is_the_whole_names(name: str) -> None:
    """foreign_readings romanises a name word by word (rigour remembers words, not
    whole names): the same letters as the whole name's romanisation, word
    beginnings (Е, Ё, Э), hyphens and double spaces included."""
    from rigour._core import maybe_ascii

    assert " ".join(map(maybe_ascii, name.split(" "))) == maybe_ascii(name)


def test_foreign_readings_ask_rigour_the_words_analysis_asks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The name's own romanisation, which a foreign reading must differ from,
    is asked of rigour word by word in lower case, as name analysis asks it:
    rigour remembers the words it transliterated, and a word as written
    (Ковальчук) would be transliterated afresh (~85 µs a word)."""
    asked: list[str] = []

    def recording(word: str) -> str:
        asked.append(word)
        return maybe_ascii(word)

    monkeypatch.setattr(translit, "maybe_ascii", recording)
    readings = translit.foreign_readings.__wrapped__("Ковальчук Зинаида ЦИБУЛЬСКИЙ")
    assert "kowalczuk zinaida cybulski" in readings
    assert sorted(asked) == sorted(["ковальчук", "зинаида", "цибульский"])
