"""One person listed twice, under two regimes, by the UN and by others: each
authority's listing joins the twin of its own regime (``REGIME_BONUS``), and
an authority's second listing spelt with other vowels is its first's
(``vowel_variants``). Every name is invented."""

from __future__ import annotations

from tests.profiles.profile_fixtures import person
from thaw.model import Record
from thaw.profiles import features_of, link
from thaw.profiles.evidence import regime_share, twice_names, vowel_variants


def _clusters(*records: Record) -> list[list[str]]:
    return link([features_of(r) for r in records]).clusters


def _twins() -> list[Record]:
    """The UN lists one Somali twice, under its Somalia and its Al-Qaida
    regimes; so do Australia and OFAC; the UK once, under both, quoting the
    Al-Qaida listing's reference. The spellings are such that, regimes
    aside, OFAC's SDGT listing is closer to the Somalia twins' names."""
    aliases = ["Sheikh Hassan Dahir Warsame ALI"]
    return [
        person("un_sc", "SOi.090", "HASSAN DAHIR WARSAME", dob=["1935"], nationality=["so"],
               aliases=aliases, programs=["Somalia"]),
        person("un_sc", "QDi.090", "HASSAN DAHIR WARSAME", dob=["1935"], nationality=["so"],
               aliases=aliases, programs=["Al-Qaida"]),
        person("au_dfat", "1001", "Hassan Dahir Warsame", dob=["1935"], nationality=["so"],
               aliases=["ALI, Sheikh Hassan Dahir Warsame"],
               programs=["751 (Somalia and Eritrea)"]),
        person("au_dfat", "1002", "Hassan Dahir Warsame", dob=["1935"], nationality=["so"],
               aliases=["ALI, Sheikh Hassan Dahir Warsame"],
               programs=["1267/1989/2253 (ISIL (Da'esh) and Al-Qaida)"]),
        person("us_ofac_sdn", "5001", "WARSAME, Hassan Dahir", dob=["1935"], nationality=["so"],
               aliases=["ALI, Sheikh Hassan Dahir Warsame"], programs=["SOMALIA"]),
        person("us_ofac_sdn", "5002", "WARSAME, Hassan Dahir", dob=["1935"], nationality=["so"],
               aliases=["ALI, Sheikh Hassan Dahir Warsame"], programs=["SDGT"]),
    ]  # fmt: skip


def test_each_authoritys_twin_joins_the_un_listing_of_its_regime() -> None:
    """Issue 11 §5 (Hassan Dahir AWEYS): the UN's two listings of one person
    stay apart (two UN listings never share a profile), and a what-if is only
    right if the other authorities' listings are split the same way: OFAC's
    SDGT listing had joined the UN's Somalia listing, by the order of the
    keys, and its SOMALIA listing the UN's Al-Qaida one."""
    assert _clusters(*_twins()) == [
        ["au_dfat:1001", "un_sc:SOi.090", "us_ofac_sdn:5001"],
        ["au_dfat:1002", "un_sc:QDi.090", "us_ofac_sdn:5002"],
    ]


def test_regime_share() -> None:
    """Shared regimes over held ones, list codes aside, 0 where one has none."""
    somalia, al_qaida, sdgt, bare = (
        features_of(person("un_sc", "1", "A B", programs=["Somalia"])),
        features_of(person("un_sc", "2", "A B", programs=["Al-Qaida"])),
        features_of(person("us_ofac_sdn", "3", "A B", programs=["SDGT"])),
        features_of(person("uk_ofsi", "4", "A B", programs=[])),
    )
    assert regime_share(somalia, al_qaida) == 1 / 3  # terrorism of three
    assert regime_share(al_qaida, sdgt) == 1 / 2
    assert regime_share(sdgt, sdgt) == 1.0
    assert regime_share(sdgt, bare) == 0.0


UK_RUSSIA = person(
    "uk_ofsi", "40001", "Gennady Anatolevich KROTOV", dob=["1957-01-01"], nationality=["ru"],
    programs=["Russia"],
)  # fmt: skip
UK_CHEMICAL = person(
    "uk_ofsi", "40002", "Gennady Anatolievich KROTOV", dob=["1957-01-01"], nationality=["ru"],
    programs=["Chemical Weapons"],
)  # fmt: skip
OFAC = person(
    "us_ofac_sdn", "40003", "KROTOV, Gennady Anatolievich", dob=["1957-01-01"],
    nationality=["ru"], programs=["RUSSIA-EO14024"],
)  # fmt: skip
AU = person(
    "au_dfat", "40004", "Gennady Anatolevich KROTOV", dob=["1957-01-01"], nationality=["ru"],
    programs=["Russia"],
)  # fmt: skip


def test_a_second_listing_spelt_with_other_vowels_joins_the_first() -> None:
    """Issue 11 §5 (the UK's Pavel Anatol(i)evich POPOV under its Russia and
    its chemical weapons regimes, born "1957-01-01", a year): the UK's two
    spellings are one person it lists twice, and all four listings one
    profile; OFAC's Russia listing had joined the UK's chemical weapons one,
    leaving two profiles of one party."""
    assert _clusters(UK_RUSSIA, UK_CHEMICAL, OFAC, AU) == [
        ["au_dfat:40004", "uk_ofsi:40001", "uk_ofsi:40002", "us_ofac_sdn:40003"]
    ]
    edges = link([features_of(r) for r in (UK_RUSSIA, UK_CHEMICAL, OFAC, AU)]).edges
    twice = [e for e in edges if e.kind == "listed_twice"]
    assert [(e.a, e.b, e.evidence["name_level"]) for e in twice] == [
        ("uk_ofsi:40001", "uk_ofsi:40002", "spelling")
    ]


def test_vowel_variants() -> None:
    """Only vowels may differ, word for word, and only a little."""
    assert vowel_variants(
        ("anatolevich", "gennady", "krotov"), ("anatolievich", "gennady", "krotov")
    )
    assert not vowel_variants(("gennady", "krotov"), ("gennady", "krotov"))  # the same name
    assert not vowel_variants(("gennady", "krotov"), ("gennady", "kratov", "ivanovich"))
    assert not vowel_variants(("gennady", "krotov"), ("gennady", "krylov"))  # a consonant
    assert not vowel_variants(("mina", "sol"), ("mona", "sal"))  # short words, other names


def test_namesakes_of_other_consonants_are_not_one_person_listed_twice() -> None:
    """Two persons of one list whose names differ by a consonant are not
    read as one listed twice."""
    a = features_of(UK_RUSSIA)
    b = features_of(
        person("uk_ofsi", "40009", "Gennady Anatolevich KRYLOV", dob=["1957-01-01"],
               programs=["Chemical Weapons"])
    )  # fmt: skip
    assert twice_names(a, b) is None
    assert _clusters(UK_RUSSIA, UK_CHEMICAL) == [["uk_ofsi:40001", "uk_ofsi:40002"]]
