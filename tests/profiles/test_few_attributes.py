"""Listings with few attributes, and parties one authority lists twice, on fixtures
in the official formats (Canada's sema-lema.xml, OFAC's sdn.csv, DFAT's workbook):
every name in them is invented."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest

from thaw.profiles import Profiles
from thaw.sources import plan
from thaw.store import Store, load

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "profiles"

AU_HEADER = [
    "Reference", "Name of Individual or Entity", "Type", "Name Type", "Date of Birth",
    "Place of Birth", "Citizenship", "Address", "Additional Information",
    "Listing Information", "Committees", "Control Date",
]  # fmt: skip


def _au_entity(
    ref: object, name: str, name_type: str, address: str | None, committee: str
) -> list[object]:
    return [
        ref, name, "Entity", name_type, None, None, None, address, None,
        "Instrument of first designation: Autonomous Sanctions Amendment (No. 1) Instrument 2022",
        committee, dt.datetime(2024, 11, 11),
    ]  # fmt: skip


def _au_person(ref: int, name: str, committee: str) -> list[object]:
    return [
        ref, name, "Individual", "Primary Name", 1948, None, "Somali", None, None,
        "Listed by the UN Committee on 12 April 2010", committee, dt.datetime(2024, 11, 11),
    ]  # fmt: skip


AU_ROWS: list[list[object]] = [
    # one organisation, listed under the terrorism listings and the UN's Somalia regime
    _au_entity(101, "Harakat al-Tamkin", "Primary Name", "Mogadishu, Somalia", "1373 (2001)"),
    _au_entity("101a", "Tamkin Movement", "aka", "Mogadishu, Somalia", "1373 (2001)"),
    _au_entity(102, "Harakat al-Tamkin", "Primary Name", "Kismayo, Somalia", "751 (Somalia and Eritrea)"),
    # one name, two states' ministries: no country to place them
    _au_entity(103, "Ministry of Public Vigilance", "Primary Name", None, "Autonomous (DPRK)"),
    _au_entity(104, "Ministry of Public Vigilance", "Primary Name", None, "Autonomous (Russia)"),
    # two branches sharing an alias
    _au_entity(105, "Ansar al-Nasr in Sirte", "Primary Name", "Sirte, Libya", "1373 (2001)"),
    _au_entity("105a", "Ansar al-Nasr", "aka", "Sirte, Libya", "1373 (2001)"),
    _au_entity(106, "Ansar al-Nasr in Tobruk", "Primary Name", "Tobruk, Libya", "1970 (Libya)"),
    _au_entity("106a", "Ansar al-Nasr", "aka", "Tobruk, Libya", "1970 (Libya)"),
    # sanctioned for Russia here, for cyber attacks and election interference by OFAC
    _au_entity(
        107,
        "Nevsky Media Analytics LLC",
        "Primary Name",
        "12 Kirochnaya Street, Saint Petersburg, Russia",
        "Autonomous (Russia)",
    ),
    # an Iranian supplier listed under a Russia regime here, under OFAC's Iran programme
    _au_entity(108, "Zagros Rotor Works", "Primary Name", "Karaj Road, Tehran, Iran", "Autonomous (Russia)"),
    # one person the UN lists twice, and Australia after it
    _au_person(201, "Abdirahman Yusuf Warsame", "751 (Somalia and Eritrea)"),
    _au_person(202, "Abdirahman Yusuf Warsame", "1267/1989/2253 (ISIL (Da'esh) and Al-Qaida)"),
    # one name under two unrelated country regimes
    _au_entity(109, "Tamarisk Shipping Agency", "Primary Name", "Latakia, Syria", "Autonomous (Syria)"),
]  # fmt: skip


def au_workbook(path: Path, rows: Sequence[Sequence[object]] = AU_ROWS) -> Path:
    """A small workbook in DFAT's layout (``regulation8_consolidated.xlsx``)
    holding ``rows`` under DFAT's header."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Sheet1"
    sheet.append(AU_HEADER)
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


@pytest.fixture
def profiles(store: Store, tmp_path: Path) -> Profiles:
    files = [
        FIXTURES / "un_sc" / "consolidated.xml",
        FIXTURES / "ca_sema" / "sema-lema.xml",
        FIXTURES / "ofac" / "sdn.csv",
        au_workbook(tmp_path / "regulation8_consolidated.xlsx"),
    ]
    for path in files:
        for job in plan([path]):
            load(store, job, date="2025-01-06", force=True)
    return Profiles(store)


def keys(profiles: Profiles, key: str) -> list[str]:
    source, source_id = key.split(":", 1)
    profile = profiles.profile_of(source, source_id)
    assert profile is not None
    return profile.keys


def alone(profiles: Profiles, *listings: str) -> None:
    """Each of ``listings`` is a profile of its own."""
    assert [keys(profiles, k) for k in listings] == [[k] for k in listings]


def kinds(profiles: Profiles, key: str) -> set[str]:
    source, source_id = key.split(":", 1)
    profile = profiles.profile_of(source, source_id)
    assert profile is not None
    return {link.kind for link in profile.links if link.status == "applied"}


def test_a_person_one_authority_lists_under_two_regimes_without_a_date(
    profiles: Profiles,
) -> None:
    """Canada's Venezuela and JVCFOR listings of one name, neither with a birth
    date, are one person: OFAC's listing of the name joins both."""
    assert keys(profiles, "ca_sema:jvcfor/1") == [
        "ca_sema:jvcfor/1",
        "ca_sema:venezuela/1",
        "us_ofac_sdn:7001",
    ]
    assert "duplicate" in kinds(profiles, "ca_sema:jvcfor/1")


def test_a_person_listed_twice_in_two_spellings_of_one_name(profiles: Profiles) -> None:
    """Sergeevich and Sergeyevich: the same name after name analysis."""
    assert keys(profiles, "ca_sema:russia/s1p1/4") == [
        "ca_sema:russia/s1p1/4",
        "ca_sema:ukraine/s1p1/1",
    ]


def test_one_name_under_two_regimes_with_other_birth_dates_is_two_persons(
    profiles: Profiles,
) -> None:
    alone(profiles, "ca_sema:russia/s1p1/3", "ca_sema:belarus/s1p1/1")


def test_a_magnitsky_listing_joins_the_country_listing_of_its_name(profiles: Profiles) -> None:
    """JVCFOR names no country: OFAC's VENEZUELA listing of the very same rare
    name is the same official."""
    assert keys(profiles, "ca_sema:jvcfor/2") == ["ca_sema:jvcfor/2", "us_ofac_sdn:7002"]
    assert kinds(profiles, "ca_sema:jvcfor/2") == {"name_context"}


def test_a_name_without_patronymic_or_date_joins_the_one_party_it_names(
    profiles: Profiles,
) -> None:
    assert keys(profiles, "ca_sema:russia/s1p1/1") == ["ca_sema:russia/s1p1/1", "us_ofac_sdn:7003"]
    assert kinds(profiles, "ca_sema:russia/s1p1/1") == {"name_subset"}


def test_a_name_without_patronymic_that_names_two_parties_joins_neither(
    profiles: Profiles,
) -> None:
    """ "Gleb TSYBULSKY" is part of the names of a father and his son."""
    alone(profiles, "ca_sema:russia/s1p1/2", "us_ofac_sdn:7004", "us_ofac_sdn:7005")
    profile = profiles.profile_of("ca_sema", "russia/s1p1/2")
    assert profile is not None
    refused = [link for link in profile.links if link.kind == "name_subset"]
    assert [link.status for link in refused] == ["refused", "refused"]


def test_an_organisation_one_authority_lists_under_two_regimes(profiles: Profiles) -> None:
    assert keys(profiles, "au_dfat:101") == ["au_dfat:101", "au_dfat:102"]
    assert kinds(profiles, "au_dfat:101") == {"duplicate"}


def test_the_two_copies_of_a_person_the_un_lists_twice_join_one_un_listing_each(
    profiles: Profiles,
) -> None:
    """Australia's two listings of one name under two regimes would be one
    party, but they copy the UN's two listings of the person, which may never
    share a profile: each joins a UN listing of its own."""
    somalia, qaida = keys(profiles, "un_sc:SOi.901"), keys(profiles, "un_sc:QDi.901")
    assert sorted([somalia, qaida]) == [
        ["au_dfat:201", "un_sc:QDi.901"],
        ["au_dfat:202", "un_sc:SOi.901"],
    ] or sorted([somalia, qaida]) == [
        ["au_dfat:201", "un_sc:SOi.901"],
        ["au_dfat:202", "un_sc:QDi.901"],
    ]


def test_organisations_of_one_name_not_placed_in_one_country_stay_apart(
    profiles: Profiles,
) -> None:
    alone(profiles, "au_dfat:103", "au_dfat:104")


def test_organisations_sharing_an_alias_stay_apart(profiles: Profiles) -> None:
    alone(profiles, "au_dfat:105", "au_dfat:106")


def test_a_cyber_designation_does_not_conflict_with_a_country_regime(
    profiles: Profiles,
) -> None:
    assert keys(profiles, "au_dfat:107") == ["au_dfat:107", "us_ofac_sdn:7006"]


def test_a_russia_regime_listing_of_another_states_supplier_joins_its_party(
    profiles: Profiles,
) -> None:
    """The Russia regimes list other states' suppliers (Iran's drone makers):
    they do not conflict with the regime of the supplier's own state."""
    assert keys(profiles, "au_dfat:108") == ["au_dfat:108", "us_ofac_sdn:7007"]


def test_a_distinctive_name_under_two_unrelated_country_regimes_stays_apart(
    profiles: Profiles,
) -> None:
    alone(profiles, "au_dfat:109", "us_ofac_sdn:7008")


def _ofac_csv(path: Path, rows: list[str]) -> Path:
    """An OFAC ``sdn.csv`` (CRLF rows, the Ctrl-Z end mark) holding ``rows``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode() + b"\x1a")
    return path


def test_a_second_party_of_the_name_unlinks_the_short_name_incrementally(
    store: Store, tmp_path: Path
) -> None:
    """When OFAC lists the son too, Canada's "Gleb TSYBULSKY" no longer points
    to one party: the incremental refresh unlinks it as a full rebuild would."""
    father = (
        '7004,"TSYBULSKY, Gleb Petrovich","individual","RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,'
        '-0- ,-0- ,-0- ,"DOB 02 Mar 1950; nationality Russia; Gender Male."'
    )
    son = (
        '7005,"TSYBULSKY, Gleb Glebovich","individual","RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,'
        '-0- ,-0- ,-0- ,"DOB 11 Aug 1980; nationality Russia; Gender Male."'
    )
    for job in plan([FIXTURES / "ca_sema" / "sema-lema.xml"]):
        load(store, job, date="2025-01-06", force=True)
    for job in plan([_ofac_csv(tmp_path / "2025-01-06" / "sdn.csv", [father])]):
        load(store, job, force=True)
    profiles = Profiles(store)
    assert keys(profiles, "ca_sema:russia/s1p1/2") == ["ca_sema:russia/s1p1/2", "us_ofac_sdn:7004"]

    for job in plan([_ofac_csv(tmp_path / "2025-02-03" / "sdn.csv", [father, son])]):
        load(store, job, force=True)
    result = profiles.refresh()
    assert result.mode == "incremental"
    incremental = profiles.memberships()
    assert keys(profiles, "ca_sema:russia/s1p1/2") == ["ca_sema:russia/s1p1/2"]
    profiles.rebuild()
    assert profiles.memberships() == incremental
