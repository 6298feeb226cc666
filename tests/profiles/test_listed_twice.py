"""One person that one authority lists twice without the same full birth date
(``listed_twice``): the second listing joins the party the first joined, where
the party's dates agree with both; namesakes stay apart. Every name is invented."""

from __future__ import annotations

from tests.profiles.profile_fixtures import person
from thaw.profiles import features_of, link
from thaw.profiles.evidence import corpus_stats, listed_twice
from thaw.profiles.features import Features


def _link(*listings: Features) -> list[list[str]]:
    return link(list(listings), references=False).clusters


UN = person(
    "un_sc", "IRi.090", "HAMID REZA TAVAKOLDI",
    dob=["1949-02-11", "1952-02-11", "1953-02-11"],
    programs=["Iran"],
)  # fmt: skip
UK_NUCLEAR = person(
    "uk_ofsi", "20001", "HAMID REZA TAVAKOLDI", dob=["1949-02-11"], programs=["Iran (Nuclear)"]
)
UK_RIGHTS = person("uk_ofsi", "20002", "Hamid Reza TAVAKOLDI", dob=["1952"], programs=["Iran"])


def test_an_authoritys_second_listing_joins_the_party_of_its_first() -> None:
    """Issue 11 §5 (the UK's Mohammad Reza NAQDI): the UK lists one person under
    its nuclear regime, born 1949-02-11, and under its human rights regime, born
    1952, two of the dates the UN gives. The second listing had stood alone,
    its link to the UN's refused for the first; a what-if lifting one regime
    would have cleared a party the UK still lists."""
    un, nuclear, rights = (features_of(r) for r in (UN, UK_NUCLEAR, UK_RIGHTS))
    assert _link(un, nuclear, rights) == [["uk_ofsi:20001", "uk_ofsi:20002", "un_sc:IRi.090"]]
    edges = link([un, nuclear, rights], references=False).edges
    twice = [e for e in edges if e.kind == "listed_twice"]
    assert [(e.a, e.b, e.evidence["short"]) for e in twice] == [
        ("uk_ofsi:20001", "uk_ofsi:20002", "uk_ofsi:20002")
    ]


def test_two_listings_whose_dates_no_other_reconciles_stay_apart() -> None:
    """Without the UN's alternatives, 1952 and 1949-02-11 are years apart: the
    name alone does not make the UK's two listings one person."""
    nuclear, rights = features_of(UK_NUCLEAR), features_of(UK_RIGHTS)
    assert _link(nuclear, rights) == [["uk_ofsi:20001"], ["uk_ofsi:20002"]]


def test_a_second_listing_under_the_same_regime_and_a_shared_alias() -> None:
    """Issue 11 §5 (the UK's MSHAWEH): the UK lists one woman twice under its
    Syria regime, born 1955, under two spellings of her surname that give the
    same alias; OFAC lists the alias."""
    first = person(
        "uk_ofsi", "30001", "Rawdana MUSHABEKH", dob=["1955"], nationality=["sy"],
        aliases=["Rawdana MSHABEKH"], programs=["Syria"],
    )  # fmt: skip
    second = person(
        "uk_ofsi", "30002", "Roudana MOUCHABEKH", dob=["1955"],
        aliases=["Rawdana MSHABEKH"], programs=["Syria"],
    )  # fmt: skip
    us = person("us_ofac_sdn", "30003", "MSHABEKH, Rawdanah", dob=["1955"], programs=["SYRIA"])
    clusters = _link(*(features_of(r) for r in (first, second, us)))
    assert clusters == [["uk_ofsi:30001", "uk_ofsi:30002", "us_ofac_sdn:30003"]]


def test_a_short_name_without_a_date_joins_the_one_party_it_names() -> None:
    """Issue 11 §5 (Canada's RASHKIN): Canada lists "Valery RASHKIN" (2014) and
    again "Valery Fyodorovich RASHKIN" (2022), neither with a date; the
    second joins the UK's listing, and now the first too."""
    short = person("ca_sema", "russia/s1p1/8", "Vitaly KORSHENKO", programs=["Russia"])
    full = person("ca_sema", "russia/s1p1/37", "Vitaly Fedorovich KORSHENKO", programs=["Russia"])
    uk = person(
        "uk_ofsi", "40001", "Vitaly Fedorovich KORSHENKO", dob=["1955-03-14"],
        nationality=["ru"], programs=["Russia"],
    )  # fmt: skip
    clusters = _link(*(features_of(r) for r in (short, full, uk)))
    assert clusters == [["ca_sema:russia/s1p1/37", "ca_sema:russia/s1p1/8", "uk_ofsi:40001"]]


def test_a_short_name_that_names_a_father_and_his_son_joins_neither() -> None:
    """ "Gleb TSYBINSKY", without a date or patronymic, is part of the names
    of two persons the same list gives, a father and his son: one authority's
    listing of the name joins neither, and the two stay apart."""
    short = person("ca_sema", "russia/s1p1/9", "Gleb TSYBINSKY", programs=["Russia"])
    father = person(
        "ca_sema", "russia/s1p1/91", "Gleb Ivanovich TSYBINSKY", dob=["1950-02-03"],
        programs=["Russia"],
    )  # fmt: skip
    son = person(
        "ca_sema", "russia/s1p1/92", "Gleb Glebovich TSYBINSKY", dob=["1978-06-07"],
        programs=["Russia"],
    )  # fmt: skip
    clusters = _link(*(features_of(r) for r in (short, father, son)))
    assert clusters == [
        ["ca_sema:russia/s1p1/9"],
        ["ca_sema:russia/s1p1/91"],
        ["ca_sema:russia/s1p1/92"],
    ]


def test_what_is_no_second_listing_of_one_person() -> None:
    """Two full dates of one year (OFAC's two Rouhollah BAZGHANDI), an alias
    of a given name and a patronymic alone (Canada's "Julia Mikhailovna", an
    alias of Yulia POPOVA, in Julia Mikhailovna KRYUKOVA), an original-script
    alias that one list gives two persons, and a Burmese name: none makes
    two listings of one authority one person."""
    listings = [
        features_of(r)
        for r in (
            person("us_ofac_sdn", "1", "TAVASSOLI, Rouhollah", dob=["1981-03-07"]),
            person("us_ofac_sdn", "2", "TAVASSOLI, Rouhollah", dob=["1981-09-20"]),
            person(
                "ca_sema", "russia/1", "Yulia Mikhailovna POPENKO", aliases=["Julia Mikhailovna"]
            ),
            person("ca_sema", "ukraine/2", "Julia Mikhailovna KRYUKENKO"),
            person("ca_sema", "iran/3", "Masroor Mohammad", aliases=["محمد مسرور"]),
            person("ca_sema", "iran/4", "Zonnouri Mojtaba", dob=["1963"], aliases=["محمد مسرور"]),
            person("ca_sema", "jvcfor/5", "Maung Maung Htwe", dob=["1964-03"]),
            person("ca_sema", "myanmar/6", "Maung Maung Htwe", programs=["Myanmar"]),
        )
    ]
    ctx = corpus_stats(listings).context()
    pairs = [(0, 1), (2, 3), (4, 5), (6, 7)]
    assert [listed_twice(listings[i], listings[j], ctx) for i, j in pairs] == [None] * 4
    assert len(link(listings, references=False).clusters) == len(listings)
