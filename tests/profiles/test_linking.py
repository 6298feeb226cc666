"""The linking rules on small fixture stores built from Record objects."""

from __future__ import annotations

import pytest

from tests.profiles.profile_fixtures import add, org, person, un_ref
from thaw.model import Identifier, Link, Name, Record
from thaw.profiles import Edge, Profiles, features_of, link
from thaw.profiles.evidence import compare_dates, compare_names, corpus_stats
from thaw.profiles.linker import cluster
from thaw.store import Store


def keys(profiles: Profiles, source: str, source_id: str) -> list[str]:
    profile = profiles.profile_of(source, source_id)
    assert profile is not None
    return profile.keys


def test_un_reference_joins_listings(store: Store) -> None:
    add(store, "un_sc", [person("un_sc", "QDi.001", "Abdul Basit Noorzai", dob=["1960"])])
    add(
        store,
        "uk_ofsi",
        [person("uk_ofsi", "7001", "NOORZAI Haji Bashir", links=[un_ref("QDi.1")])],
    )
    add(store, "eu_fsf", [person("eu_fsf", "55", "Haji Basheer Nurzai", links=[un_ref("QDi.001")])])
    profiles = Profiles(store)
    assert keys(profiles, "un_sc", "QDi.001") == ["eu_fsf:55", "uk_ofsi:7001", "un_sc:QDi.001"]
    profile = profiles.profile_of("uk_ofsi", "7001")
    assert profile is not None
    kinds = {link.kind for link in profile.links if link.status == "applied"}
    assert {"un_reference", "shared_reference"} <= kinds
    assert profile.caption in ("Abdul Basit Noorzai", "Haji Basheer Nurzai", "NOORZAI Haji Bashir")
    assert all(link.evidence.get("ref") == "un_sc:QDI.001" for link in profile.links)


def test_linked_to_is_not_identity(store: Store) -> None:
    add(
        store,
        "us_ofac_sdn",
        [
            org("us_ofac_sdn", "1", "RUSSIAN DIRECT INVESTMENT FUND", countries=["ru"]),
            person(
                "us_ofac_sdn",
                "2",
                "DMITRIEV, Kirill",
                dob=["1975-04-12"],
                links=[Link("linked_to", name="RUSSIAN DIRECT INVESTMENT FUND.")],
            ),
        ],
    )
    add(
        store,
        "uk_ofsi",
        [
            person(
                "uk_ofsi",
                "9",
                "Bob Smith",
                dob=["1950-01-02"],
                links=[Link("linked_to", "us_ofac_sdn", "1")],
            ),
        ],
    )
    profiles = Profiles(store)
    assert keys(profiles, "uk_ofsi", "9") == ["uk_ofsi:9"]
    assert keys(profiles, "us_ofac_sdn", "2") == ["us_ofac_sdn:2"]


def test_name_and_birth_date_link_persons(store: Store) -> None:
    add(
        store,
        "us_ofac_sdn",
        [
            person(
                "us_ofac_sdn",
                "34336",
                "DMITRIEV, Kirill Aleksandrovich",
                dob=["1975-04-12"],
                nationality=["ru"],
            )
        ],
    )
    add(
        store,
        "uk_ofsi",
        [person("uk_ofsi", "14180", "DMITRIEV Kirill Aleksandrovich", dob=["1975-04-12"])],
    )
    add(
        store,
        "ca_sema",
        [person("ca_sema", "ca1", "Kirill Aleksandrovich Dmitriev", dob=["1975-04-12"])],
    )
    add(
        store,
        "au_dfat",
        [
            person(
                "au_dfat",
                "8000",
                "Kirill Aleksandrovich DMITRIEV",
                dob=["1975"],
                nationality=["ru"],
            )
        ],
    )
    profiles = Profiles(store)
    profile = profiles.profile_of("us_ofac_sdn", "34336")
    assert profile is not None
    assert profile.sources == ["au_dfat", "ca_sema", "uk_ofsi", "us_ofac_sdn"]
    assert all(link.kind == "name_dob" for link in profile.links if link.status == "applied")
    assert profile.caption == "Kirill Aleksandrovich Dmitriev"


def test_conflicting_birth_dates_block(store: Store) -> None:
    add(store, "us_ofac_sdn", [person("us_ofac_sdn", "1", "Ivan Petrov", dob=["1961-02-03"])])
    add(store, "uk_ofsi", [person("uk_ofsi", "2", "Ivan Petrov", dob=["1980-02-03"])])
    assert keys(Profiles(store), "uk_ofsi", "2") == ["uk_ofsi:2"]


def test_names_alone_never_link_persons(store: Store) -> None:
    add(store, "us_ofac_sdn", [person("us_ofac_sdn", "1", "Mohammed Ali Hassan")])
    add(store, "uk_ofsi", [person("uk_ofsi", "2", "Mohammed Ali Hassan", dob=["1970-05-05"])])
    assert keys(Profiles(store), "uk_ofsi", "2") == ["uk_ofsi:2"]


def test_year_only_needs_nationality(store: Store) -> None:
    add(
        store,
        "us_ofac_sdn",
        [
            person("us_ofac_sdn", "1", "Mohammed Ali Hassan", dob=["1970"], nationality=["iq"]),
            person("us_ofac_sdn", "3", "Mohammed Ali Hassan", dob=["1970"], nationality=["sy"]),
        ],
    )
    add(
        store,
        "uk_ofsi",
        [
            person("uk_ofsi", "2", "Mohammed Ali Hassan", dob=["1970"], nationality=["iq"]),
            person("uk_ofsi", "4", "Mohammed Ali Hassan", dob=["1970"]),
        ],
    )
    profiles = Profiles(store)
    assert keys(profiles, "uk_ofsi", "2") == ["uk_ofsi:2", "us_ofac_sdn:1"]
    assert keys(profiles, "uk_ofsi", "4") == ["uk_ofsi:4"]


def test_never_two_listings_of_one_source(store: Store) -> None:
    # the UK listing links to each OFAC one (the day; the year and nationality),
    # but the two OFAC listings publish no common full date and two genders:
    # not one person listed twice, so only one of them joins the UK's
    first = person("us_ofac_sdn", "1", "Ivan Ivanovich Sidorov", dob=["1961-02-03"])
    second = person("us_ofac_sdn", "2", "Ivan Ivanovich Sidorov", dob=["1961"], nationality=["ru"])
    first.gender, second.gender = "male", "female"
    add(store, "us_ofac_sdn", [first, second])
    add(
        store,
        "uk_ofsi",
        [person("uk_ofsi", "3", "SIDOROV Ivan Ivanovich", dob=["1961-02-03"], nationality=["ru"])],
    )
    profiles = Profiles(store)
    one, two = keys(profiles, "us_ofac_sdn", "1"), keys(profiles, "us_ofac_sdn", "2")
    assert one != two
    assert sorted([len(one), len(two)]) == [1, 2]
    profile = profiles.profile_of("us_ofac_sdn", "2")
    assert profile is not None
    assert any(link.status == "refused" for link in profile.links)


def test_one_person_listed_twice_by_one_authority(store: Store) -> None:
    """The UK lists BORTNIKOV under its Russia and its chemical weapons regimes:
    both listings join his profile, so that lifting one regime leaves him listed
    by the UK; so do the UK's two listings of MENYAILO, Ukrainian in one and
    Russian in the other, as Crimea's officials are; namesakes with another
    birth date, gender or nationality do not, and nor do two UN listings."""
    add(
        store,
        "uk_ofsi",
        [
            person(
                "uk_ofsi",
                "13037",
                "Alexander Vasilyevich BORTNIKOV",
                dob=["1951-11-15"],
                nationality=["ru"],
                programs=["Russia"],
            ),
            person(
                "uk_ofsi",
                "13972",
                "Aleksandr Vasilievich BORTNIKOV",
                dob=["1951-11-15"],
                programs=["Chemical Weapons"],
            ),
            person("uk_ofsi", "2", "Oleg Petrovich Zhukovsky", dob=["1970-03-04"]),
            person("uk_ofsi", "3", "Oleg Petrovich Zhukovsky", dob=["1970-04-03"]),
            person(
                "uk_ofsi", "4", "Pavel Ilyich Gromadsky", dob=["1966-06-06"], nationality=["ru"]
            ),
            person(
                "uk_ofsi", "5", "Pavel Ilyich Gromadsky", dob=["1966-06-06"], nationality=["kz"]
            ),
            # a Crimean official: Ukrainian under the Russia regime, Russian
            # under the chemical weapons regime (DISPUTED_PLACES)
            person(
                "uk_ofsi",
                "12953",
                "Sergei Ivanovich MENYAILO",
                dob=["1960-08-22"],
                nationality=["ua"],
                programs=["Russia"],
            ),
            person(
                "uk_ofsi",
                "13971",
                "Sergei Ivanovich MENYAILO",
                dob=["1960-08-22"],
                nationality=["ru"],
                programs=["Chemical Weapons"],
            ),
        ],
    )
    add(
        store,
        "us_ofac_sdn",
        [person("us_ofac_sdn", "31126", "BORTNIKOV, Alexander", dob=["1951-11-15"])],
    )
    add(
        store,
        "un_sc",
        [
            person("un_sc", "KPi.1", "Ri Song Chol Hwang", dob=["1965-07-08"]),
            person("un_sc", "KPi.2", "Ri Song Chol Hwang", dob=["1965-07-08"]),
        ],
    )
    profiles = Profiles(store)
    assert keys(profiles, "uk_ofsi", "13972") == [
        "uk_ofsi:13037",
        "uk_ofsi:13972",
        "us_ofac_sdn:31126",
    ]
    profile = profiles.profile_of("uk_ofsi", "13972")
    assert profile is not None
    twice = [x for x in profile.links if x.kind == "duplicate" and x.status == "applied"]
    assert [(x.a, x.b) for x in twice] == [("uk_ofsi:13037", "uk_ofsi:13972")]
    for apart in ("2", "4"):  # a slip of the date; another nationality
        assert keys(profiles, "uk_ofsi", apart) == [f"uk_ofsi:{apart}"]
    assert keys(profiles, "uk_ofsi", "12953") == ["uk_ofsi:12953", "uk_ofsi:13971"]
    assert keys(profiles, "un_sc", "KPi.1") == ["un_sc:KPi.1"]


def test_never_two_un_listings(store: Store) -> None:
    add(
        store,
        "un_sc",
        [
            person("un_sc", "QDi.001", "Hamid Rahman Karimi", dob=["1960-01-05"]),
            person("un_sc", "QDi.002", "Nasir Jalal Haidari", dob=["1970-01-05"]),
        ],
    )
    add(
        store,
        "uk_ofsi",
        [
            person(
                "uk_ofsi",
                "1",
                "Hamid Rahman Karimi",
                dob=["1960-01-05"],
                links=[un_ref("QDi.001"), un_ref("QDi.002")],
            )
        ],
    )
    profiles = Profiles(store)
    for pid in {p.id for p in profiles.all()}:
        profile = profiles.get(pid)
        assert profile is not None
        assert sum(1 for s, _ in profile.listings if s == "un_sc") <= 1
    assert keys(profiles, "uk_ofsi", "1") == ["uk_ofsi:1", "un_sc:QDi.001"]


def test_identifier_links_organisations(store: Store) -> None:
    add(
        store,
        "us_ofac_sdn",
        [
            org(
                "us_ofac_sdn",
                "1",
                "OOO Romashka",
                countries=["ru"],
                ids=[Identifier("tax_id", "7701234567", "ru")],
            )
        ],
    )
    add(
        store,
        "uk_ofsi",
        [
            org(
                "uk_ofsi",
                "2",
                "Romashka Limited Liability Company",
                ids=[Identifier("tax_id", "7701 234 567")],
            )
        ],
    )
    profile = Profiles(store).profile_of("uk_ofsi", "2")
    assert profile is not None
    assert profile.keys == ["uk_ofsi:2", "us_ofac_sdn:1"]
    assert profile.links[0].kind == "identifier"


def test_shared_identifier_within_a_list_is_no_evidence(store: Store) -> None:
    add(
        store,
        "us_ofac_sdn",
        [
            org("us_ofac_sdn", "1", "Alpha Trading", ids=[Identifier("registration", "123456789")]),
            org("us_ofac_sdn", "2", "Beta Shipping", ids=[Identifier("registration", "123456789")]),
        ],
    )
    add(
        store,
        "uk_ofsi",
        [org("uk_ofsi", "3", "Gamma Holding", ids=[Identifier("registration", "123456789")])],
    )
    assert keys(Profiles(store), "uk_ofsi", "3") == ["uk_ofsi:3"]


def test_vessels_link_on_imo_only(store: Store) -> None:
    add(
        store,
        "us_ofac_sdn",
        [
            org(
                "us_ofac_sdn",
                "1",
                "OCEAN STAR",
                schema="Vessel",
                ids=[Identifier("imo", "IMO 9123456")],
            ),
            org("us_ofac_sdn", "2", "SEA PEARL", schema="Vessel"),
        ],
    )
    add(
        store,
        "uk_ofsi",
        [
            org("uk_ofsi", "3", "NEW NAME", schema="Vessel", ids=[Identifier("imo", "9123456")]),
            org("uk_ofsi", "4", "SEA PEARL", schema="Vessel"),
        ],
    )
    profiles = Profiles(store)
    assert keys(profiles, "uk_ofsi", "3") == ["uk_ofsi:3", "us_ofac_sdn:1"]
    assert keys(profiles, "uk_ofsi", "4") == ["uk_ofsi:4"]


def test_organisation_names_with_country(store: Store) -> None:
    add(
        store,
        "us_ofac_sdn",
        [
            org("us_ofac_sdn", "1", "RUSSIAN DIRECT INVESTMENT FUND", countries=["ru"]),
            org("us_ofac_sdn", "2", "NATIONAL BANK", countries=["ir"]),
        ],
    )
    add(
        store,
        "uk_ofsi",
        [
            org("uk_ofsi", "3", "Russian Direct Investment Fund", countries=["ru"]),
            org("uk_ofsi", "4", "National Bank", countries=["sy"]),
        ],
    )
    profiles = Profiles(store)
    assert keys(profiles, "uk_ofsi", "3") == ["uk_ofsi:3", "us_ofac_sdn:1"]
    assert keys(profiles, "uk_ofsi", "4") == ["uk_ofsi:4"]


def test_pure_link_without_references() -> None:
    records = [
        person("un_sc", "QDi.001", "Hamid Rahman Karimi", dob=["1960-01-05"]),
        person("uk_ofsi", "1", "Omar Farouk Saleh", links=[un_ref("QDi.001")]),
    ]
    listings = [features_of(r) for r in records]
    assert len(link(listings).clusters) == 1
    assert len(link(listings, references=False).clusters) == 2


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        (["1975-04-12"], ["1975-04-12"], "day"),
        (["1975-04-12"], ["1975"], "year"),
        (["1975-01-01"], ["1975-01-01"], "year"),
        (["1975-04"], ["1975-04-12"], "month"),
        (["1975"], ["1976"], "near"),
        (["1975"], ["1985"], "conflict"),
        ([], ["1985"], "none"),
        # published slips: day and month swapped, or one of them differs
        (["1957-01-03"], ["1957-03-01"], "slip"),
        (["1987-10-19"], ["1987-09-19"], "slip"),
        (["1979-05-01"], ["1979-05-03"], "slip"),
        (["1987-10-19"], ["1987-09-18"], "near"),
        (["1957-01-03"], ["1958-03-01"], "near"),
        (["1957-01"], ["1957-03"], "near"),
    ],
)
def test_compare_dates(a: list[str], b: list[str], level: str) -> None:
    assert compare_dates(a, b) == level


def test_consolidated_list_may_hold_a_party_twice(store: Store) -> None:
    regn = Identifier("registration", "1027700000042")
    add(store, "us_ofac_sdn", [org("us_ofac_sdn", "77", "Vector Kappa Holding", ids=[regn])])
    add(
        store,
        "us_trade_csl",
        [
            org("us_trade_csl", "SDN-77", "Vector Kappa Holding", ids=[regn]),
            org("us_trade_csl", "EL-abc", "Vector Kappa Holding", ids=[regn]),
        ],
    )
    profile = Profiles(store).profile_of("us_ofac_sdn", "77")
    assert profile is not None
    assert len(profile.listings) == 3  # one per list: OFAC SDN, CSL SDN, CSL Entity List
    assert {"us_trade_csl:SDN-77", "us_ofac_sdn:77"} <= set(profile.keys)


def test_a_consolidated_list_copy_joins_its_original(store: Store) -> None:
    """The CSL's ``SDN-10761`` is OFAC's SDN entry 10761 (and ``SSI-…`` a non-SDN
    entry): the copy joins its original by that number, whatever the names (a
    later copy may carry a renamed entry; Al-Shabaab's copy had been drawn into
    another profile by Australia's two listings of it)."""
    add(store, "us_ofac_sdn", [org("us_ofac_sdn", "77", "Vector Kappa Holding")])
    add(store, "us_ofac_cons", [org("us_ofac_cons", "18771", "Delta Omicron Export")])
    add(
        store,
        "us_trade_csl",
        [
            org("us_trade_csl", "SDN-77", "VK Group of Companies"),
            org("us_trade_csl", "SSI-18771", "DOE Trading House"),
            org("us_trade_csl", "EL-77", "Unrelated Entity List Party"),
        ],
    )
    profiles = Profiles(store)
    assert keys(profiles, "us_ofac_sdn", "77") == ["us_ofac_sdn:77", "us_trade_csl:SDN-77"]
    assert keys(profiles, "us_ofac_cons", "18771") == [
        "us_ofac_cons:18771",
        "us_trade_csl:SSI-18771",
    ]
    assert keys(profiles, "us_trade_csl", "EL-77") == ["us_trade_csl:EL-77"]


@pytest.mark.parametrize(
    ("source_id", "original"),
    [
        ("SDN-10761", ("us_ofac_sdn", "10761")),
        ("SDN-10761~2", ("us_ofac_sdn", "10761")),
        ("NS-MBS-17014", ("us_ofac_cons", "17014")),
        ("EL-3c94588e", None),
        ("DPL-1234", None),
    ],
)
def test_mirror_of(source_id: str, original: tuple[str, str] | None) -> None:
    from thaw.profiles.features import mirror_of

    assert mirror_of("us_trade_csl", source_id) == original
    assert mirror_of("us_ofac_sdn", source_id) is None


def test_same_alias_under_contradicting_regimes(store: Store) -> None:
    """The Colombian ELN (UK, terrorism) and the Macedonian NLA (OFAC, Balkans)
    share the alias "National Liberation Army"; nothing else links them."""
    add(
        store,
        "uk_ofsi",
        [
            Record(
                "uk_ofsi",
                "7364",
                "Organization",
                programs=["Counter-Terrorism (International)"],
                names=[
                    Name("EJERCITO DE LIBERACION NACIONAL"),
                    Name("NATIONAL LIBERATION ARMY", "alias"),
                ],
            ),
        ],
    )
    add(
        store,
        "us_ofac_sdn",
        [
            Record(
                "us_ofac_sdn",
                "7755",
                "Organization",
                programs=["BALKANS"],
                names=[Name("NATIONAL LIBERATION ARMY")],
            ),
        ],
    )
    assert keys(Profiles(store), "uk_ofsi", "7364") == ["uk_ofsi:7364"]


def test_same_year_range_and_regime_link_persons(store: Store) -> None:
    """Issue 11: "KONY, Ali" (US) and "ALI KONY" (UN) publish the same four birth
    years under the same regime and no nationality: one party. One year alone, or
    the same range under unrelated regimes, is not enough."""
    years = ["1992", "1993", "1994", "1995"]
    add(
        store,
        "us_ofac_sdn",
        [
            person("us_ofac_sdn", "19930", "KONY, Ali", dob=years, programs=["CAR"]),
            person("us_ofac_sdn", "2", "HASSAN, Mohammed Ali", dob=["1970"], programs=["CAR"]),
            person("us_ofac_sdn", "3", "SALEH, Ali", dob=["1960", "1961"], programs=["SDGT"]),
        ],
    )
    add(
        store,
        "un_sc",
        [
            person("un_sc", "CFi.010", "ALI KONY", dob=years, programs=["CAR"]),
            person("un_sc", "CFi.020", "Mohammed Ali HASSAN", dob=["1970"], programs=["CAR"]),
            person("un_sc", "KPi.030", "Ali SALEH", dob=["1960", "1961"], programs=["DPRK"]),
        ],
    )
    profiles = Profiles(store)
    profile = profiles.profile_of("un_sc", "CFi.010")
    assert profile is not None and profile.keys == ["un_sc:CFi.010", "us_ofac_sdn:19930"]
    (edge,) = [x for x in profile.links if x.status == "applied"]
    assert edge.kind == "name_dob" and edge.evidence["dob"] == "year range"
    assert keys(profiles, "un_sc", "CFi.020") == ["un_sc:CFi.020"]
    assert keys(profiles, "un_sc", "KPi.030") == ["un_sc:KPi.030"]


def test_birth_date_slips_link_the_same_rare_name(store: Store) -> None:
    """The UK lists Boris Romanovich ROTENBERG born 01/03/1957, Australia and the
    US on 1957-01-03: day and month swapped, one party (and Denis MANTUROV,
    23/03/1969 against 1969-02-23). A slip links only the very same rare name
    under regimes that agree: not a common name, not across unrelated regimes."""
    add(
        store,
        "uk_ofsi",
        [
            person(
                "uk_ofsi",
                "1",
                "Boris Romanovich ROTENBERG",
                dob=["1957-03-01"],
                programs=["Russia"],
            ),
            person(
                "uk_ofsi",
                "2",
                "Denis Valentinovich MANTUROV",
                dob=["1969-03-23"],
                programs=["Russia"],
            ),
            person("uk_ofsi", "3", "Mohammed ALI", dob=["1970-03-01"], programs=["Russia"]),
            person(
                "uk_ofsi",
                "4",
                "Oleg Vitalyevich ZAVORNYKH",
                dob=["1965-03-01"],
                # (not a Russia regime, which also lists other states' suppliers)
                programs=["Syria"],
            ),
        ],
    )
    add(
        store,
        "us_ofac_sdn",
        [
            person(
                "us_ofac_sdn",
                "1",
                "ROTENBERG, Boris Romanovich",
                dob=["1957-01-03"],
                programs=["RUSSIA-EO14024"],
            ),
            person(
                "us_ofac_sdn",
                "2",
                "MANTUROV, Denis Valentinovich",
                dob=["1969-02-23"],
                programs=["RUSSIA-EO14024"],
            ),
            person(
                "us_ofac_sdn", "3", "ALI, Mohammed", dob=["1970-01-03"], programs=["RUSSIA-EO14024"]
            ),
            person(
                "us_ofac_sdn",
                "4",
                "ZAVORNYKH, Oleg Vitalyevich",
                dob=["1965-01-03"],
                programs=["DPRK3"],
            ),
        ],
    )
    profiles = Profiles(store)
    assert keys(profiles, "uk_ofsi", "1") == ["uk_ofsi:1", "us_ofac_sdn:1"]
    assert keys(profiles, "uk_ofsi", "2") == ["uk_ofsi:2", "us_ofac_sdn:2"]
    profile = profiles.profile_of("uk_ofsi", "1")
    assert profile is not None
    (edge,) = [x for x in profile.links if x.status == "applied"]
    assert edge.kind == "name_dob" and "swapped" in edge.evidence["dob"]
    assert keys(profiles, "uk_ofsi", "3") == ["uk_ofsi:3"]
    assert keys(profiles, "uk_ofsi", "4") == ["uk_ofsi:4"]


def test_birth_years_one_apart_link_the_same_rare_name(store: Store) -> None:
    """OFAC lists Viktar LUKASHENKA born 1976, the UK on 1975-11-28; Australia
    Ratko MLADIC on 1942-03-12, OFAC on 1943-03-12: an estimated or mistyped
    year, one party. Years one apart link only the very same rare name, both
    ways, under a regime both list it under: not a common name, not a name the
    other lists under an unrelated regime, not across nationalities."""
    # (id, name as the UK writes it, the UK's and OFAC's birth dates, their
    # programmes, their nationalities)
    pairs = [
        ("1", "Viktar Aliaksandravich LUKASHENKA", "1975-11-28", "1976", "Belarus", "BELARUS", ""),
        ("2", "Mohammed ALI", "1970-03-01", "1971", "Belarus", "BELARUS", ""),
        ("3", "Oleg Vitalyevich ZAVORNYKH", "1965", "1966", "Syria", "DPRK3", ""),
        (
            "4",
            "Ratko Bogdanovich MLADOVIC",
            "1942-03-12",
            "1943-03-12",
            "Balkans",
            "BALKANS",
            "rs ba",
        ),
    ]
    for source, dated, program, side in (("uk_ofsi", 2, 4, 0), ("us_ofac_sdn", 3, 5, 1)):
        records = []
        for row in pairs:
            first, _, last = row[1].rpartition(" ")
            name = row[1] if source == "uk_ofsi" else f"{last}, {first}"
            nationality = row[6].split()[side : side + 1] or None
            records.append(
                person(source, row[0], name, dob=[row[dated]], programs=[row[program]],
                       nationality=nationality)
            )  # fmt: skip
        add(store, source, records)
    profiles = Profiles(store)
    assert keys(profiles, "uk_ofsi", "1") == ["uk_ofsi:1", "us_ofac_sdn:1"]
    profile = profiles.profile_of("uk_ofsi", "1")
    assert profile is not None
    (edge,) = [x for x in profile.links if x.status == "applied"]
    assert edge.kind == "name_dob" and edge.evidence["dob"].startswith("years one apart")
    for apart in ("2", "3", "4"):  # a common name; unrelated regimes; nationalities
        assert keys(profiles, "uk_ofsi", apart) == [f"uk_ofsi:{apart}"]


def test_birth_month_and_rare_name_link_across_regimes(store: Store) -> None:
    """Canada's China regulations and the US Global Magnitsky programme list the
    same Xinjiang officials with the same month of birth: the regimes differ, the
    person does not. A year alone under unrelated country regimes stays apart."""
    add(
        store,
        "ca_sema",
        [
            person(
                "ca_sema", "china/1", "Jiarui Peng", dob=["1961-04"], programs=["China / Chine"]
            ),
            person("ca_sema", "china/2", "Quanguo Chen", dob=["1955"], programs=["China / Chine"]),
        ],
    )
    add(
        store,
        "us_ofac_sdn",
        [
            person("us_ofac_sdn", "1", "PENG, Jiarui", dob=["1961-04"], programs=["GLOMAG"]),
            person("us_ofac_sdn", "2", "CHEN, Quanguo", dob=["1955"], programs=["DPRK3"]),
        ],
    )
    profiles = Profiles(store)
    assert keys(profiles, "ca_sema", "china/1") == ["ca_sema:china/1", "us_ofac_sdn:1"]
    assert keys(profiles, "ca_sema", "china/2") == ["ca_sema:china/2"]


def test_taliban_of_the_un_are_global_terrorists_of_the_us(store: Store) -> None:
    """The US designates the Taliban of the UN's 1988 regime under SDGT: the two
    regimes do not conflict (UN TAi.171 and OFAC 16519, born 1958); an unrelated
    regime still does."""
    add(
        store,
        "un_sc",
        [
            person("un_sc", "TAi.171", "MUHAMMAD OMAR ZADRAN", dob=["1958"], programs=["Taliban"]),
            person("un_sc", "KPi.1", "Hamid Gul NAZARI", dob=["1961"], programs=["DPRK"]),
        ],
    )
    add(
        store,
        "us_ofac_sdn",
        [
            person(
                "us_ofac_sdn", "16519", "ZADRAN, Muhammad Omar", dob=["1958"], programs=["SDGT"]
            ),
            person("us_ofac_sdn", "2", "NAZARI, Hamid Gul", dob=["1961"], programs=["SDGT"]),
        ],
    )
    profiles = Profiles(store)
    assert keys(profiles, "un_sc", "TAi.171") == ["un_sc:TAi.171", "us_ofac_sdn:16519"]
    assert keys(profiles, "un_sc", "KPi.1") == ["un_sc:KPi.1"]


def test_un_country_regimes_and_us_proliferation_designations(store: Store) -> None:
    """The US designates the DPRK's and Iran's weapons programmes as proliferators
    (NPWMD) where the UN lists them under its DPRK and Iran regimes: one party
    (UN KPe.007 and OFAC 11598). The same name under an unrelated regime is not."""

    add(
        store,
        "un_sc",
        [
            org(
                "un_sc",
                "KPe.007",
                "GENERAL BUREAU OF ATOMIC ENERGY",
                countries=["kp"],
                programs=["DPRK"],
            ),
            org(
                "un_sc",
                "KPe.099",
                "KORYO NATIONAL INSURANCE BUREAU",
                countries=["kp"],
                programs=["DPRK"],
            ),
        ],
    )
    add(
        store,
        "us_ofac_sdn",
        [
            org("us_ofac_sdn", "11598", "GENERAL BUREAU OF ATOMIC ENERGY", programs=["NPWMD"]),
            org(
                # (not a regime aimed at conduct anywhere, such as ELECTION-EO13848)
                "us_ofac_sdn",
                "2",
                "KORYO NATIONAL INSURANCE BUREAU",
                programs=["VENEZUELA-EO13850"],
            ),
        ],
    )
    profiles = Profiles(store)
    assert keys(profiles, "un_sc", "KPe.007") == ["un_sc:KPe.007", "us_ofac_sdn:11598"]
    assert keys(profiles, "un_sc", "KPe.099") == ["un_sc:KPe.099"]


def test_magnitsky_listings_of_persons_meet_country_listings(store: Store) -> None:
    """The US lists Motlaq Amer AL-MARRANI under Global Magnitsky (GLOMAG), the UN
    under its Yemen regime, both born 1984: one official. Organisations' names
    recur from state to state: Syria's Ministry of Interior (UK) is not the one
    the US lists under GLOMAG."""

    add(
        store,
        "un_sc",
        [person("un_sc", "YEi.011", "MOTLAQ AMER AL-MARRANI", dob=["1984"], programs=["Yemen"])],
    )
    add(
        store,
        "uk_ofsi",
        [org("uk_ofsi", "12692", "MINISTRY OF INTERIOR", countries=["sy"], programs=["Syria"])],
    )
    add(
        store,
        "us_ofac_sdn",
        [
            person(
                "us_ofac_sdn", "30651", "AL-MARRANI, Motlaq Amer", dob=["1984"], programs=["GLOMAG"]
            ),
            org("us_ofac_sdn", "30976", "MINISTRY OF INTERIOR", programs=["GLOMAG"]),
        ],
    )
    profiles = Profiles(store)
    assert keys(profiles, "un_sc", "YEi.011") == ["un_sc:YEi.011", "us_ofac_sdn:30651"]
    assert keys(profiles, "uk_ofsi", "12692") == ["uk_ofsi:12692"]


def test_shared_address_or_website_links_organisations(store: Store) -> None:
    """Issue 11: the AU "Sberbank" (19 Vavilova St, www.sberbank.com) joins the UK
    "PJSC SBERBANK" at the same address although "Sberbank" alone is a common
    name (its subsidiaries share it); a subsidiary elsewhere does not."""
    from thaw.model import Address

    def bank(source: str, sid: str, name: str, address: str, remark: str = "") -> Record:
        record = org(source, sid, name, countries=["ru"])
        record.addresses = [Address(address, "ru")]
        record.remarks = [remark] if remark else []
        return record

    # sixty subsidiaries make "Sberbank" a common name: the name alone links nothing
    subsidiaries = [org("us_ofac_sdn", f"s{i}", f"SBERBANK UNIT{i:02d}") for i in range(60)]
    add(
        store,
        "au_dfat",
        [
            bank(
                "au_dfat",
                "6771",
                "Sberbank",
                "19 Vavilova St, Moscow 117312, Russia",
                "Website: www.sberbank.com",
            ),
            bank("au_dfat", "9", "Sberbank", "Ulitsa Lenina 5, Kazan", "Website: sber-kazan.ru"),
        ],
    )
    add(
        store,
        "uk_ofsi",
        [bank("uk_ofsi", "15076", "PJSC SBERBANK", "19 Vavilova St., Moscow, 117997, Russia")],
    )
    add(
        store,
        "us_ofac_sdn",
        [
            bank("us_ofac_sdn", "17018", "PJSC SBERBANK", "Moscow", "website: www.sberbank.com"),
            *subsidiaries,
        ],
    )
    add(store, "ca_sema", [bank("ca_sema", "c1", "Sberbank", "1 Other St, Sochi")])
    profiles = Profiles(store)
    assert keys(profiles, "au_dfat", "6771") == [
        "au_dfat:6771",
        "uk_ofsi:15076",
        "us_ofac_sdn:17018",
    ]
    profile = profiles.profile_of("au_dfat", "6771")
    assert profile is not None
    evidence = {(x.a, x.b): x for x in profile.links if x.status == "applied"}
    uk = evidence["au_dfat:6771", "uk_ofsi:15076"]
    assert uk.kind == "name_contact" and uk.evidence["addresses"] == ["19 vavilova"]
    us = evidence["au_dfat:6771", "us_ofac_sdn:17018"]
    assert us.kind == "name_contact" and us.evidence["websites"] == ["sberbank.com"]
    assert keys(profiles, "ca_sema", "c1") == ["ca_sema:c1"]


def test_website_and_address_keys() -> None:
    from thaw.model import Address
    from thaw.profiles.features import address_keys

    assert address_keys("19 Vavilova St, Moscow 117312, Russia") == {"19 vavilova"}
    assert address_keys("Moscow, Russia") == set()
    record = Record(
        "x",
        "1",
        "Organization",
        names=[Name("X")],
        remarks=["Website: www.sberbank.com; e-mail info@mail.ru", "http://sber.ru/en"],
        addresses=[Address("Vavilova Street 19, Moscow")],
    )
    f = features_of(record)
    assert f.websites == ("sber.ru", "sberbank.com")
    assert f.addresses == ("19 vavilova",)
    assert type(f).from_json(f.to_json()) == f


def test_two_shared_birth_dates_outweigh_disagreeing_nationalities() -> None:
    """Issue 11: the UK and Australia both publish 1964-03-01 and 1964-04-14 for
    Khalid Shaikh MOHAMMED, a common name, and disagree on his nationality
    (Pakistani, Kuwaiti). Two full dates in common are a fingerprint; one is
    not (a namesake of another nationality born the same day)."""
    from thaw.profiles import features_of
    from thaw.profiles.evidence import compare, corpus_stats

    def listing(source: str, sid: str, dobs: list[str], nationality: str) -> Record:
        return person(
            source,
            sid,
            "Khalid Sheikh MOHAMMED",
            dob=dobs,
            nationality=[nationality],
            programs=["TEST"],
        )

    uk = features_of(listing("uk_ofsi", "6994", ["1964-03-01", "1964-04-14"], "pk"))
    au = features_of(listing("au_dfat", "205", ["1964-03-01", "1964-04-14"], "kw"))
    one = features_of(listing("au_dfat", "206", ["1964-03-01"], "kw"))
    ctx = corpus_stats([uk, au, one]).context()
    edge = compare(uk, au, ctx)
    assert edge is not None and edge.kind == "name_dob"
    assert compare(uk, one, ctx) is None


def _named_org(source: str, source_id: str, names: list[str], countries: list[str]) -> Record:
    """An organisation listed under ``names`` (the first its primary name)."""
    return Record(
        source,
        source_id,
        "Organization",
        names=[Name(names[0], "primary"), *(Name(n, "alias") for n in names[1:])],
        countries=countries,
        programs=["Iran (Nuclear)"],
    )


def test_one_organisation_listed_twice_under_the_same_names(store: Store) -> None:
    """The UK lists Khorasan Metallurgy Industries twice, once under the primary
    name "Samen Industries", with the same aliases and country: both listings
    join the party's profile, whichever of them the other lists' links reach
    first. Two listings that share some names but not all, or the same names
    in other countries (a party and its branch abroad), stay apart."""
    kmi = [
        "KHORASAN METALLURGY INDUSTRIES",
        "KHORASAN AMMUNITION AND METALLURGY INDUSTRIES",
        "METALOGY INDUSTRY OF KHORASAN",
        "SANAYE METOLOGIE IRAN",
    ]
    add(
        store,
        "uk_ofsi",
        [
            _named_org("uk_ofsi", "12266", ["SAMEN INDUSTRIES", *kmi], ["ir"]),
            _named_org("uk_ofsi", "16127", kmi, ["ir"]),
            _named_org("uk_ofsi", "1", ["ZARDAN TRADING", "ZARDAN LLC", "KAVIR GROUP"], ["sg"]),
            _named_org("uk_ofsi", "2", ["ZARDAN TRADING", "ZARDAN LLC", "KAVIR GROUP"], ["ae"]),
            _named_org("uk_ofsi", "3", ["PARS OMID", "OMID GROUP", "NOVIN SANAT"], ["ir"]),
            _named_org("uk_ofsi", "4", ["PARS OMID", "OMID GROUP", "TABAN SANAT"], ["ir"]),
        ],
    )
    add(store, "un_sc", [_named_org("un_sc", "IRe.037", kmi[:1], [])])
    profiles = Profiles(store)
    assert keys(profiles, "un_sc", "IRe.037") == ["uk_ofsi:12266", "uk_ofsi:16127", "un_sc:IRe.037"]
    for apart in ("1", "2", "3", "4"):
        assert keys(profiles, "uk_ofsi", apart) == [f"uk_ofsi:{apart}"]


def test_a_duplicate_joins_two_listings_of_a_list_not_three() -> None:
    """One list's three listings of a name, the second and the third each a
    duplicate of the first: the first duplicate joins its two; the second would
    put a third listing of the list in the profile, and is refused."""
    listings = [
        features_of(_named_org("us_trade_csl", f"EL-{n}", ["NOVIN ELECTRONICS"], ["cn"]))
        for n in (1, 2, 3)
    ]
    edges = [
        Edge("us_trade_csl:EL-1", "us_trade_csl:EL-2", "duplicate", 5.2),
        Edge("us_trade_csl:EL-1", "us_trade_csl:EL-3", "duplicate", 5.1),
    ]
    linkage = cluster(listings, edges)
    assert linkage.clusters == [
        ["us_trade_csl:EL-1", "us_trade_csl:EL-2"],
        ["us_trade_csl:EL-3"],
    ]
    assert [why for _, why in linkage.refused] == [
        "would put us_trade_csl:EL-2 and us_trade_csl:EL-3 (us_trade_csl/EL) in one profile"
    ]


def test_a_kunya_alone_is_no_name_a_birth_year_confirms() -> None:
    """Issue 11: OFAC's Arkam 'Abbas AL-KABI gives the alias "ABU-MUHAMMAD",
    part of the UN's "Abu-Mohammad al-Adnani al-Shami"; both are Iraqi, born
    1977, and had shared a profile. "Father of Muhammad" is what a great many
    are called: with a year alone it confirms nothing. The same full date
    still does."""
    un = features_of(
        person(
            "un_sc", "QDi.325", "ABOU MOHAMED AL ADNANI", dob=["1977"], nationality=["iq"],
            aliases=["Abu-Mohammad al-Adnani al-Shami", "Taha Sobhi Falaha"],
        )
    )  # fmt: skip
    us = features_of(
        person(
            "us_ofac_sdn", "11170", "AL-KABI, Arkam 'Abbas", dob=["1973", "1977-07-17"],
            nationality=["iq"], aliases=["ABU-MUHAMMAD"],
        )
    )  # fmt: skip
    assert link([un, us]).clusters == [["un_sc:QDi.325"], ["us_ofac_sdn:11170"]]
    dated = features_of(
        person(
            "un_sc", "QDi.325", "ABOU MOHAMED AL ADNANI", dob=["1977-07-17"],
            nationality=["iq"], aliases=["Abu-Mohammad al-Adnani al-Shami"],
        )
    )  # fmt: skip
    assert link([dated, us]).clusters == [["un_sc:QDi.325", "us_ofac_sdn:11170"]]


def test_the_name_after_son_of_is_the_fathers() -> None:
    """Issue 11: the UN's Taliban list gives Abdul Jalil HAQQANI the alias
    "Akhter Mohmad son of Noor Mohmad"; OFAC's Haji Mohammad NOOR, a narcotics
    trafficker, Afghan, born 1965 (one of Haqqani's three years), shares only
    the father's name and had joined his profile."""
    un = features_of(
        person(
            "un_sc", "TAi.034", "ABDUL JALIL HAQQANI WALI MOHAMMAD", dob=["1955", "1963", "1965"],
            nationality=["af"], aliases=["Akhter Mohmad son of Noor Mohmad"],
            programs=["Taliban"],
        )
    )  # fmt: skip
    us = features_of(
        person(
            "us_ofac_sdn", "12592", "NOOR, Haji Mohammad", dob=["1965-07-27"],
            nationality=["af"], programs=["SDNTK"],
        )
    )  # fmt: skip
    assert "Akhter Mohmad" in [n.original for n in un.names]
    assert link([un, us]).clusters == [["un_sc:TAi.034"], ["us_ofac_sdn:12592"]]


def test_a_slip_links_a_less_rare_name_spelt_alike_in_one_country() -> None:
    """Issue 11 §5: the UN lists the DPRK's YU CHOL U born 1959-08-08, the UK on
    1959-09-08. Name analysis sets the one-letter third syllable aside, and
    "YU CHOL" is less than rare; spelt the same as written, both North Korean
    under the DPRK regimes, the slip links it. Without the nationality it
    does not."""
    # (thirty other listings hold YU, as the lists' Korean and Chinese names do)
    others = [
        person("us_ofac_sdn", f"9{n:03}", f"YU, Song {chr(65 + n % 26)}{chr(65 + n // 26)}")
        for n in range(30)
    ]
    un = person(
        "un_sc", "KPi.090", "YU CHOL U", dob=["1959-08-08"], nationality=["kp"], programs=["DPRK"]
    )
    uk = person(
        "uk_ofsi", "50001", "YU CHOL U", dob=["1959-09-08"], nationality=["kp"],
        programs=["Democratic People's Republic of Korea"],
    )  # fmt: skip
    listings = [features_of(r) for r in (*others, un, uk)]
    assert ["uk_ofsi:50001", "un_sc:KPi.090"] in link(listings, references=False).clusters
    uk.nationalities = []
    listings[-1] = features_of(uk)
    clusters = link(listings, references=False).clusters
    assert ["uk_ofsi:50001"] in clusters and ["un_sc:KPi.090"] in clusters


def test_one_word_names_link_with_the_same_dates_nationality_and_regime() -> None:
    """Issue 11 §5: the UN and the UK list "FAIZ", Afghan, born 1969, on their
    Taliban lists; a person's name of one word had linked nothing, so that
    the UK's listing stood apart without references. The same word as
    written, the very same dates, nationality and country regime link it;
    without the nationality, or with another year, nothing does."""
    un = person(
        "un_sc", "TAi.090", "ZAIFULLO", dob=["1969"], nationality=["af"],
        programs=["Taliban"],
    )  # fmt: skip
    uk = person(
        "uk_ofsi", "60001", "ZAIFULLO", dob=["1969"], nationality=["af"],
        programs=["Afghanistan"],
    )  # fmt: skip
    listings = [features_of(un), features_of(uk)]
    assert link(listings, references=False).clusters == [["uk_ofsi:60001", "un_sc:TAi.090"]]
    changes: list[dict[str, list[str]]] = [{"nationalities": []}, {"birth_dates": ["1970"]}]
    for change in changes:
        other = person("uk_ofsi", "60001", "ZAIFULLO", dob=["1969"], nationality=["af"])
        other.programs = ["Afghanistan"]
        for field, value in change.items():
            setattr(other, field, value)
        clusters = link([features_of(un), features_of(other)], references=False).clusters
        assert len(clusters) == 2, change


def test_the_same_years_link_a_less_rare_name_under_a_shared_conduct_regime() -> None:
    """Issue 11 §5: Australia, Canada and the UK list Hamas's Mahmoud ZAHAR,
    born 1945, under their terrorism regimes, with no nationality to agree;
    "Mahmoud ZAHAR" is short of rare and a regime aimed at conduct names no
    country, so they had stood apart. The very same years under a regime both
    list the name under link it, where the listing that publishes less points
    to one party; another year, or no shared regime, does not."""
    # (twenty others hold ZAHIRAQ, so that the name is less than rare)
    others = [
        person("us_ofac_sdn", f"8{n:03}", f"ZAHIRAQ, Salim {chr(65 + n)}{chr(66 + n)}")
        for n in range(20)
    ]
    au = person("au_dfat", "7823", "Mahmoud ZAHIRAQ", dob=["1945"], programs=["Terrorism"])
    uk = person("uk_ofsi", "16227", "Mahmoud ZAHIRAQ", dob=["1945"], programs=["Terrorism"])
    listings = [features_of(r) for r in (*others, au, uk)]
    ctx = corpus_stats(listings).context()
    assert 11.0 <= compare_names(listings[-2], listings[-1], ctx).rarity < 14.0
    assert ["au_dfat:7823", "uk_ofsi:16227"] in link(listings, references=False).clusters
    for changed in (
        person("uk_ofsi", "16227", "Mahmoud ZAHIRAQ", dob=["1946"], programs=["Terrorism"]),
        person("uk_ofsi", "16227", "Mahmoud ZAHIRAQ", dob=["1945"], programs=["Russia"]),
    ):
        listings[-1] = features_of(changed)
        assert ["uk_ofsi:16227"] in link(listings, references=False).clusters
