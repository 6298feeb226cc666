"""Persons whose birth dates cannot decide (none on one side, an estimated year,
a mistyped year), linked by the very same name under a country regime, on
fixtures in the official formats (OFAC's sdn.csv, Canada's sema-lema.xml, DFAT's
workbook): every name in them is invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.profiles.test_few_attributes import au_workbook
from thaw.model import Name, Record
from thaw.profiles import Profiles, features_of, link
from thaw.profiles.evidence import Context, Edge, compare, compare_dates, corpus_stats
from thaw.profiles.features import Features
from thaw.profiles.linker import cluster
from thaw.sources import plan
from thaw.store import Store, load

OFAC_ROWS = [
    # "circa 1975" for the 1971-04-02 of the others, under Syria both
    '8101,"QASHLAN, Nizar","individual","SYRIA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    '"DOB circa 1975; POB Damascus, Syria; Colonel."',
    # the same, eleven years apart: two persons
    '8102,"DARWISH, Tamer Wael","individual","SYRIA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    '"DOB circa 1960."',
    # an estimated year under an unrelated regime: two persons
    '8103,"SALMOUNI, Fadi Rustam","individual","IRAN",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    '"DOB circa 1975."',
    # a mistyped year (Canada's 1967-03-01), under the Russia regimes both
    '8104,"TOKAREVSKY, Arkady Nilovich","individual","RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,'
    '-0- ,-0- ,-0- ,"DOB 01 Mar 1957; nationality Russia."',
    # the same, under a regime Canada does not list the name under
    '8105,"BRUSNITSYN, Oleg Tarasovich","individual","BELARUS",-0- ,-0- ,-0- ,-0- ,'
    '-0- ,-0- ,-0- ,"DOB 14 Jun 1971."',
    # one name, two persons: Canada's dateless listing of it names neither
    '8106,"KHADDUR, Samer","individual","SYRIA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    '"DOB 05 May 1950."',
    '8107,"KHADDUR, Samer","individual","SYRIA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    '"DOB 11 Nov 1982."',
    # without a date, as Canada lists the name too
    '8108,"DABBAGH, Ali","individual","SYRIA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
    # only the year, which Australia gives too
    '8109,"HAJJAR, Omar","individual","SYRIA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1956."',
    # a year alone, one year from Australia's date
    '8112,"TALLAWI, Karim","individual","SYRIA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1947."',
    # a front company designated as a proliferator, which Australia lists under Syria
    '8110,"ZARQONIKS",-0- ,"NPWMD",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
    # the same name under a regime unrelated to Syria's
    '8111,"VELMORIKS",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
]

CA_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<data-set xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
{records}
</data-set>
"""

CA_RECORD = """	<record>
		<Country>{country}</Country>
		<LastName>{last}</LastName>
		<GivenName>{given}</GivenName>{dob}
		<Schedule>1, Part 1</Schedule>
		<Item>{item}</Item>
		<DateOfListing>2022-02-24</DateOfListing>
	</record>"""

CA_ROWS = [
    ("Syria / Syrie", "Qashlan", "Nizar", None, 1),
    ("Syria / Syrie", "Khaddur", "Samer", None, 2),
    ("Syria / Syrie", "Dabbagh", "Ali", None, 3),
    ("Russia / Russie", "TOKAREVSKY", "Arkady Nilovich", "1967-03-01", 4),
    ("Russia / Russie", "BRUSNITSYN", "Oleg Tarasovich", "1981-06-14", 5),
]


def _au_person(ref: int, name: str, dob: dt.datetime | int, committee: str) -> list[object]:
    return [
        ref, name, "Individual", "Primary Name", dob, None, "Syrian", None, None,
        "Designated under the Autonomous Sanctions Regulations 2011", committee,
        dt.datetime(2024, 11, 11),
    ]  # fmt: skip


def _au_entity(ref: int, name: str, committee: str) -> list[object]:
    return [
        ref, name, "Entity", "Primary Name", None, None, None, None, None,
        "Designated under the Autonomous Sanctions Regulations 2011", committee,
        dt.datetime(2024, 11, 11),
    ]  # fmt: skip


AU_ROWS = [
    _au_person(301, "Nizar QASHLAN", dt.datetime(1971, 4, 2), "Autonomous (Syria)"),
    _au_person(302, "Tamer Wael DARWISH", dt.datetime(1971, 1, 5), "Autonomous (Syria)"),
    _au_person(303, "Fadi Rustam SALMOUNI", dt.datetime(1972, 6, 9), "Autonomous (Syria)"),
    _au_person(304, "Ali DABBAGH", dt.datetime(1961, 9, 17), "Autonomous (Syria)"),
    _au_person(305, "Omar HAJJAR", 1956, "Autonomous (Syria)"),
    _au_person(308, "Karim TALLAWI", dt.datetime(1946, 2, 19), "Autonomous (Syria)"),
    _au_entity(306, "Zarqoniks", "Autonomous (Syria)"),
    _au_entity(307, "Velmoriks", "Autonomous (Syria)"),
]


def _write_fixtures(tmp_path: Path) -> list[Path]:
    ofac = tmp_path / "2025-01-06" / "sdn.csv"
    ofac.parent.mkdir(parents=True)
    ofac.write_bytes(("\r\n".join(OFAC_ROWS) + "\r\n").encode() + b"\x1a")
    records = [
        CA_RECORD.format(
            country=country,
            last=last,
            given=given,
            dob=f"\n\t\t<DateOfBirthOrShipBuildDate>{dob}</DateOfBirthOrShipBuildDate>"
            if dob
            else "",
            item=item,
        )
        for country, last, given, dob, item in CA_ROWS
    ]
    canada = tmp_path / "sema-lema.xml"
    canada.write_text(CA_XML.format(records="\n".join(records)), encoding="utf-8")
    australia = au_workbook(tmp_path / "regulation8_consolidated.xlsx", AU_ROWS)
    return [ofac, canada, australia]


@pytest.fixture
def store_with_lists(store: Store, tmp_path: Path) -> Store:
    for path in _write_fixtures(tmp_path):
        for job in plan([path]):
            load(store, job, date="2025-01-06", force=True)
    return store


def _key(store: Store, source: str, name: str) -> str:
    """The key of the listing of ``source`` whose caption is ``name``."""
    (key,) = [
        f"{r.source}:{r.source_id}"
        for r in store.active_records()
        if r.source == source and r.caption == name
    ]
    return key


def _profile(profiles: Profiles, key: str) -> list[str]:
    source, source_id = key.split(":", 1)
    profile = profiles.profile_of(source, source_id)
    assert profile is not None
    return profile.keys


def test_an_estimated_year_joins_the_party_of_the_very_same_rare_name(
    store_with_lists: Store,
) -> None:
    """OFAC's "DOB circa 1975" is an estimate: Nizar QASHLAN, born 1971-04-02 for
    Australia, is the same Syrian colonel, and Canada's dateless listing joins too."""
    store = store_with_lists
    ofac = _key(store, "us_ofac_sdn", "QASHLAN, Nizar")
    au = _key(store, "au_dfat", "Nizar QASHLAN")
    ca = _key(store, "ca_sema", "Nizar Qashlan")
    profiles = Profiles(store)
    assert _profile(profiles, ofac) == sorted([ofac, au, ca])
    source, source_id = ofac.split(":", 1)
    profile = profiles.profile_of(source, source_id)
    assert profile is not None
    approx = [x for x in profile.links if x.kind == "name_regime" and x.status == "applied"]
    assert any("year alone" in x.evidence["dob"] for x in approx)


def test_an_estimated_year_far_away_or_under_another_regime_stays_apart(
    store_with_lists: Store,
) -> None:
    store = store_with_lists
    profiles = Profiles(store)
    for name in ("DARWISH, Tamer Wael", "SALMOUNI, Fadi Rustam"):
        key = _key(store, "us_ofac_sdn", name)
        assert _profile(profiles, key) == [key]


def test_a_mistyped_year_links_under_a_shared_regime_only(store_with_lists: Store) -> None:
    """Canada's 1967-03-01 for OFAC's 1957-03-01: one digit of the year, the
    same day and month, both under a Russia regime."""
    store = store_with_lists
    ofac = _key(store, "us_ofac_sdn", "TOKAREVSKY, Arkady Nilovich")
    ca = _key(store, "ca_sema", "Arkady Nilovich TOKAREVSKY")
    profiles = Profiles(store)
    assert _profile(profiles, ofac) == sorted([ofac, ca])
    other = _key(store, "us_ofac_sdn", "BRUSNITSYN, Oleg Tarasovich")
    assert _profile(profiles, other) == [other]


def _linked(store: Store, df: dict[str, int]) -> list[list[str]]:
    """The clusters of the store's listings, token counts as ``df`` says they
    are on the full lists (a fixture of a few listings makes every name rare)."""
    listings = [features_of(r) for r in store.active_records()]
    stats = corpus_stats(listings)
    ctx = Context({**stats.df, **df}, stats.n, stats.ambiguous_ids, stats.common)
    return link(listings, ctx=ctx).clusters


def test_a_dateless_name_joins_the_one_party_of_its_country_regime(
    store_with_lists: Store,
) -> None:
    """Canada's Syria schedule and OFAC publish "Ali Dabbagh" without a date: a
    common given name and a surname some 30 listings hold, too common a name
    for ``name_context``, but the one party of that name under Syria. (Canada's
    listing points to two profiles until OFAC's has joined Australia's.)"""
    store = store_with_lists
    ca = _key(store, "ca_sema", "Ali Dabbagh")
    au = _key(store, "au_dfat", "Ali DABBAGH")
    ofac = _key(store, "us_ofac_sdn", "DABBAGH, Ali")
    clusters = _linked(store, {"dabag": 30})
    assert sorted([ca, au, ofac]) in clusters
    # a name held by hundreds of listings does not link so
    assert [ca] in _linked(store, {"dabag": 400})


def test_a_year_alone_joins_the_one_party_of_its_country_regime(
    store_with_lists: Store,
) -> None:
    """OFAC and Australia both give Omar HAJJAR's birth year alone, 1956: too
    common a name for a year to link elsewhere, the one party of that name and
    year under Syria."""
    store = store_with_lists
    au = _key(store, "au_dfat", "Omar HAJJAR")
    ofac = _key(store, "us_ofac_sdn", "HAJJAR, Omar")
    assert sorted([au, ofac]) in _linked(store, {"hajar": 30})


def test_a_dateless_name_of_two_parties_joins_neither(store_with_lists: Store) -> None:
    """OFAC lists two Samer KHADDURs under Syria, born 1950 and 1982: Canada's
    dateless "Samer Khaddur" may be either."""
    store = store_with_lists
    ca = _key(store, "ca_sema", "Samer Khaddur")
    assert [ca] in _linked(store, {"hadur": 30, "samer": 200})


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        (["1971-04-02"], ["1975"], "approx"),
        (["1971-04-02"], ["1978"], "conflict"),
        (["1971-01-01"], ["1966-01-01"], "approx"),
        (["1971-04-02"], ["1967-05-02"], "conflict"),
        # a mistyped year: the same day and month, one digit apart, two digits
        # swapped, or years at most SAME_DAY_YEARS apart
        (["1957-03-01"], ["1967-03-01"], "near"),
        (["1960-12-05"], ["1980-12-05"], "near"),
        (["1984-05-06"], ["1986-05-06"], "near"),
        (["1967-06-20"], ["1976-06-20"], "near"),
        (["1967-06-20"], ["1971-06-20"], "near"),
        (["1956-02-21"], ["1961-02-21"], "near"),
        (["1957-03-01"], ["1968-03-01"], "conflict"),
        (["1953-03-10"], ["1969-03-10"], "conflict"),
        (["1957-01-01"], ["1967-01-01"], "conflict"),
        (["1967-06-20"], ["1971-06-21"], "conflict"),
    ],
)
def test_compare_dates_estimates_and_mistyped_years(a: list[str], b: list[str], level: str) -> None:
    assert compare_dates(a, b) == level


def test_a_year_alone_one_year_away_joins_the_one_party_of_its_country_regime(
    store_with_lists: Store,
) -> None:
    """OFAC's 1947 for Australia's 1946-02-19 (Ali MAMLUK's case): a name too
    common for years one apart to link elsewhere, the one party of that name
    under Syria."""
    store = store_with_lists
    au = _key(store, "au_dfat", "Karim TALLAWI")
    ofac = _key(store, "us_ofac_sdn", "TALLAWI, Karim")
    assert sorted([au, ofac]) in _linked(store, {"talavi": 30})


def test_an_organisation_under_related_regimes_joins_its_party(store_with_lists: Store) -> None:
    """OFAC designates a Syrian research centre's front company as a
    proliferator (NPWMD), Australia lists it under Syria: regimes that list the
    same parties under different names count as shared. Not so under OFAC's
    Cuba programme."""
    store = store_with_lists
    profiles = Profiles(store)
    au = _key(store, "au_dfat", "Zarqoniks")
    ofac = _key(store, "us_ofac_sdn", "ZARQONIKS")
    assert _profile(profiles, au) == sorted([au, ofac])
    other = _key(store, "us_ofac_sdn", "VELMORIKS")
    assert _profile(profiles, other) == [other]


def test_an_estimated_year_does_not_link_on_a_name_rare_only_in_its_own_script() -> None:
    """Few listings write names in Persian letters, so that محمد کرمی looks far
    rarer than Mohammad KARAMI, which some listings share: a year six from the
    other's date links only a name rare in Latin letters."""
    records = [
        Record(
            source,
            source_id,
            "Person",
            names=[Name("Mohammad KARAMI", "primary"), Name("محمد کرمی", "original")],
            birth_dates=[dob],
            programs=["Iran"],
        )
        for source, source_id, dob in (
            ("uk_ofsi", "1", "1966-01-27"),
            ("ca_sema", "iran/1", "1960"),
        )
    ]
    listings = [features_of(r) for r in records]
    stats = corpus_stats(listings)
    ctx = Context({**stats.df, "karami": 8}, stats.n, stats.ambiguous_ids, stats.common)
    assert len(link(listings, ctx=ctx).clusters) == 2
    # rare in Latin letters too, the name links
    ctx = Context({**stats.df, "karami": 1}, stats.n, stats.ambiguous_ids, stats.common)
    assert len(link(listings, ctx=ctx).clusters) == 1


def _regime_edge(a: str, b: str, short: str, dates: str) -> Edge:
    evidence = {"short": short, "dates": dates, "regimes": ["syria"]}
    return Edge(a, b, "name_regime", 8.1, evidence)


def test_a_year_alone_joins_the_party_its_year_agrees_with() -> None:
    """Australia's listing, born 1964, has the very same name as OFAC's, born
    1964, and, by an alias, as the UK's, born 1970 (an estimate six years off):
    the agreeing year decides (Suhayl Hasan AL-HASAN's case); two parties whose
    dates compare alike still hold neither."""
    listings = [
        Features("au_dfat", "1", "Person", "Tamim Rafiq AL-RAFIQ", birth_dates=("1964",)),
        Features("us_ofac_sdn", "2", "Person", "AL-RAFIQ, Tamim Rafiq", birth_dates=("1964",)),
        Features("uk_ofsi", "3", "Person", "Tamim RAFIQ", birth_dates=("1970",)),
    ]
    au, ofac, uk = (f.key for f in listings)
    edges = [_regime_edge(au, ofac, au, "agree"), _regime_edge(au, uk, au, "apart")]
    linkage = cluster(listings, edges)
    assert sorted([au, ofac]) in linkage.clusters
    assert [uk] in linkage.clusters
    assert [why for _edge, why in linkage.refused] == [
        f"the dates of {au} agree with another party's ({ofac})"
    ]
    alike = [_regime_edge(au, ofac, au, "apart"), _regime_edge(au, uk, au, "apart")]
    assert [au] in cluster(listings, alike).clusters


def _myanmar(source: str, name: str, program: str, dob: list[str]) -> Features:
    record = Record(
        source, name, "Person", names=[Name(name, "primary")], birth_dates=dob, programs=[program]
    )
    return features_of(record)


@pytest.mark.parametrize(
    ("ca_name", "ofac_name", "linked"),
    [
        ("Kyaw Thet", "THET, Kyaw", False),
        ("Lieutenant-General Kyaw Thet", "THET, Kyaw", False),
        ("Ali Dabbagh", "DABBAGH, Ali", True),
    ],
)
def test_two_syllables_are_no_regime_name(ca_name: str, ofac_name: str, linked: bool) -> None:
    """Canada's Myanmar schedule publishes two-word Burmese names without a
    date ("Aung Min", "Aung Soe"): a Burmese name has no family name, and two
    syllables are no rare surname that the very same name could link by under
    the regime both list it under, as an Arabic name's surname is; nor do they
    become one where the other side writes a rank before them."""
    ca = _myanmar("ca_sema", ca_name, "Myanmar (Burma) / Myanmar (Birmanie)", [])
    ofac = _myanmar("us_ofac_sdn", ofac_name, "BURMA-EO14014", ["1962-10-27"])
    stats = corpus_stats([ca, ofac])
    df = {t: 60 for t in ca.tokens()}
    edge = compare(ca, ofac, Context({**stats.df, **df}, stats.n, common=stats.common))
    assert (edge is not None and edge.kind == "name_regime") == linked


_BURMA = ("Myanmar (Burma) / Myanmar (Birmanie)", "BURMA-EO14014")
_SYRIA = ("Syria / Syrie", "SYRIA")


@pytest.mark.parametrize(
    ("ca_name", "ofac_name", "nationality", "programs", "linked"),
    [
        ("Soe Thet", "THET, Soe", [], _BURMA, False),
        ("Soe Thet", "THET, Soe", ["mm"], _BURMA, True),
        ("Soe Thet Naing", "THET NAING, Soe", [], _BURMA, True),
        ("Ye Thet", "THET, Shwe Ye Phu", [], _BURMA, False),
        ("Maan Jdaad", "JDAAD, Maan", [], _SYRIA, True),
    ],
)
def test_burmese_two_syllables_need_a_third_fact_without_dates(
    ca_name: str, ofac_name: str, nationality: list[str], programs: tuple[str, str], linked: bool
) -> None:
    """Two dateless listings of a Burmese name of two one-syllable words under
    the Myanmar regimes of both ("Soe Win", "Than Oo" on Canada's schedule): the
    name and the regime are not enough, however few listings hold the two
    words, nor is such a name a shortening of a longer Burmese name ("Ye Aung"
    of "Shwe Ye Phu Aung"); an agreeing nationality joins them, and a third word
    is rare enough. An Arabic name of two one-syllable words has a family name."""
    listings = []
    for source, name, program in [
        ("ca_sema", ca_name, programs[0]),
        ("us_ofac_sdn", ofac_name, programs[1]),
    ]:
        record = Record(
            source,
            name,
            "Person",
            names=[Name(name, "primary")],
            programs=[program],
            nationalities=list(nationality),
        )
        listings.append(features_of(record))
    ca, ofac = listings
    stats = corpus_stats(listings)
    edge = compare(ca, ofac, Context(stats.df, stats.n, common=stats.common))
    assert (edge is not None) == linked


def test_a_holder_joins_a_smaller_party_by_all_its_edges() -> None:
    """A dateless listing whose own profile is larger than the party its two
    edges point to: both edges hold, however the union names the merged party."""
    listings = [
        Features(source, str(n), "Person", "Rafiq TAMIMI")
        for n, source in enumerate(["ca_sema", "uk_ofsi", "au_dfat", "us_ofac_sdn", "un_sc"])
    ]
    ca, uk, au, ofac, un = (f.key for f in listings)
    strong = [Edge(ca, uk, "name_dob", 20.0), Edge(au, ca, "name_dob", 20.0)]
    strong.append(Edge(ofac, un, "name_dob", 20.0))
    edges = [*strong, _regime_edge(ca, ofac, ca, "none"), _regime_edge(ca, un, ca, "none")]
    linkage = cluster(listings, edges)
    assert linkage.clusters == [sorted([ca, uk, au, ofac, un])]
    assert linkage.refused == []
    assert len(linkage.edges) == 5


def test_a_russia_and_ukraine_programme_reaches_other_states_parties() -> None:
    """Australia lists the commanders of Iran's drone makers under its Russia
    and Ukraine programmes (themes ``russia`` and ``ukraine``), the UK the same
    person under its Iran regime: the Russia regimes reach other states'
    suppliers, with or without their Ukraine theme, so the two regimes do not
    disagree and the very same rare name born the same year links."""

    def commander(source: str, sid: str, dob: str, programs: list[str]) -> Features:
        record = Record(
            source,
            sid,
            "Person",
            names=[Name("Amir Ali KHOSROWZADEGAN")],
            birth_dates=[dob],
            nationalities=["ir"] if source == "au_dfat" else [],
            programs=programs,
        )
        return features_of(record)

    au = commander("au_dfat", "7305", "1962-02-28", ["Autonomous (Russia)", "Autonomous (Ukraine)"])
    uk = commander("uk_ofsi", "12498", "1962", ["Iran (Nuclear)"])
    assert set(au.regimes) == {"russia", "ukraine"}
    stats = corpus_stats([au, uk])
    edge = compare(au, uk, Context(stats.df, stats.n, common=stats.common))
    assert edge is not None and edge.kind == "name_dob"
