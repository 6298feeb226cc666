"""Stored profiles: stable ids, analyst decisions, incremental refresh, details."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.profiles.profile_fixtures import add, org, person, un_ref
from thaw.model import Identifier, Name, Record
from thaw.profiles import ProfileError, Profiles
from thaw.profiles.service import details_of
from thaw.store import Store

UN = [
    person("un_sc", "QDi.001", "Hamid Rahman Karimi", dob=["1960-01-05"], nationality=["af"]),
    person("un_sc", "QDi.002", "Nasir Jalal Haidari", dob=["1970-03-05"]),
]
UK = [
    person(
        "uk_ofsi",
        "1",
        "KARIMI Hamid Rahman",
        links=[un_ref("QDi.001")],
        programs=["Afghanistan"],
        listed_on="2001-01-25",
    ),
    person("uk_ofsi", "2", "Nasir Jalal Haidari", dob=["1970-03-05"]),
    person("uk_ofsi", "3", "Viktor Borisovich Tarasenko", dob=["1980-01-02"]),
]
OFAC = [
    person(
        "us_ofac_sdn",
        "10",
        "KARIMI, Hamid Rahman",
        dob=["1960-01-05"],
        ids=[Identifier("passport", "OA123456", "af")],
    ),
]


def build(store: Store) -> Profiles:
    add(store, "un_sc", UN)
    add(store, "uk_ofsi", UK)
    add(store, "us_ofac_sdn", OFAC)
    profiles = Profiles(store)
    profiles.refresh()
    return profiles


def test_profile_api(store: Store) -> None:
    profiles = build(store)
    profile = profiles.profile_of("uk_ofsi", "1")
    assert profile is not None
    assert profile.listings == [("uk_ofsi", "1"), ("un_sc", "QDi.001"), ("us_ofac_sdn", "10")]
    assert profile.id.startswith("p-")
    assert profiles.get(profile.id) is not None
    uk = next(m for m in profile.members if m.source == "uk_ofsi")
    assert uk.programs == ("Afghanistan",) and uk.listed_on == "2001-01-25"
    # details carry their provenance
    passports = [d for d in profile.details if d.field == "identifier"]
    assert [(d.value, d.source, d.source_id, d.qualifier) for d in passports] == [
        ("OA123456 (AF)", "us_ofac_sdn", "10", "passport")
    ]
    assert {d.source for d in profile.details if d.field == "name"} == set(profile.sources)
    data = profile.to_dict()
    assert data["id"] == profile.id
    assert {(x["source"], x["source_id"]) for x in data["listings"]} == set(profile.listings)
    assert all("programs" in x and "listed_on" in x for x in data["listings"])
    assert data["links"] and all("evidence" in x for x in data["links"])
    assert len(list(profiles.all())) == 3
    assert [p.id for p in profiles.all(min_sources=2)] == sorted(
        {profile.id, profiles.profile_id_of("un_sc", "QDi.002") or ""}
    )


def test_ids_survive_rebuilds_and_reloads(store: Store) -> None:
    profiles = build(store)
    before = profiles.memberships()
    profiles.rebuild()
    assert profiles.memberships() == before
    # a new OFAC publication that adds a listing: the existing profile keeps its id
    add(
        store,
        "us_ofac_sdn",
        [*OFAC, person("us_ofac_sdn", "11", "Viktor Borisovich Tarasenko", dob=["1980-01-02"])],
        published="2024-02-01",
    )
    result = profiles.refresh()
    assert result.mode == "incremental" and result.changed == 1
    after = profiles.memberships()
    assert after[("uk_ofsi", "1")] == before[("uk_ofsi", "1")]
    assert after[("us_ofac_sdn", "11")] == before[("uk_ofsi", "3")]
    # the same lists in a fresh database give the same ids
    with Store(store.home.parent / "other") as other:
        fresh = build(other)
        assert fresh.memberships()[("uk_ofsi", "1")] == before[("uk_ofsi", "1")]


def test_incremental_equals_full(store: Store) -> None:
    profiles = build(store)
    add(
        store,
        "uk_ofsi",
        [*UK[1:], person("uk_ofsi", "4", "Hamid Rahman Karimi", dob=["1960-01-05"])],
        published="2024-03-01",
    )
    result = profiles.refresh()
    assert result.mode == "incremental"
    assert result.removed == 1 and result.changed == 1
    incremental = profiles.memberships()
    assert incremental[("uk_ofsi", "4")] == incremental[("un_sc", "QDi.001")]
    profiles.rebuild()
    assert profiles.memberships() == incremental
    # the removed listing remembers where it was
    retired = profiles.retired_profile_of("uk_ofsi", "1")
    assert retired is not None and ("un_sc", "QDi.001") in retired.listings


def test_unchanged_refresh_is_a_no_op(store: Store) -> None:
    profiles = build(store)
    assert not profiles.is_stale()
    assert profiles.refresh().mode == "unchanged"


def test_analyst_decisions(store: Store) -> None:
    profiles = build(store)
    assert profiles.profile_id_of("uk_ofsi", "3") != profiles.profile_id_of("un_sc", "QDi.002")
    profiles.link("uk_ofsi:3", "un_sc:QDi.002", who="ana", why="same person, case 17")
    profiles.unlink("us_ofac_sdn:10", "un_sc:QDi.001", who="bob", why="different fathers' names")
    fresh = Profiles(store)  # refreshes itself: decisions changed
    p3 = fresh.profile_of("uk_ofsi", "3")
    assert p3 is not None and ("un_sc", "QDi.002") in p3.listings
    analyst = [lk for lk in p3.links if lk.kind == "analyst"]
    assert analyst and analyst[0].evidence["who"] == "ana" and "case 17" in analyst[0].summary
    assert fresh.profile_id_of("us_ofac_sdn", "10") != fresh.profile_id_of("un_sc", "QDi.001")
    # decisions survive a reload of the lists and full rebuilds
    add(store, "uk_ofsi", UK, published="2024-05-01")
    fresh.rebuild()
    assert fresh.profile_id_of("uk_ofsi", "3") == fresh.profile_id_of("un_sc", "QDi.002")
    assert fresh.profile_id_of("us_ofac_sdn", "10") != fresh.profile_id_of("un_sc", "QDi.001")
    assert [d.action for d in fresh.decisions()] == ["link", "unlink"]
    # a later decision on the same pair overrides the earlier one
    fresh.link("us_ofac_sdn:10", "un_sc:QDi.001", who="bob", why="checked again: same")
    fresh.refresh()
    assert fresh.profile_id_of("us_ofac_sdn", "10") == fresh.profile_id_of("un_sc", "QDi.001")


def test_analyst_link_within_one_source(store: Store) -> None:
    profiles = build(store)
    profiles.link("uk_ofsi:2", "uk_ofsi:3", who="ana", why="UK listed him twice")
    profiles.refresh()
    assert profiles.profile_id_of("uk_ofsi", "2") == profiles.profile_id_of("uk_ofsi", "3")
    with pytest.raises(ProfileError, match="never"):
        profiles.link("un_sc:QDi.001", "un_sc:QDi.002", who="ana", why="no")
    with pytest.raises(ProfileError, match="no listing"):
        profiles.link("un_sc:QDi.001", "uk_ofsi:999", who="ana", why="typo")
    with pytest.raises(ProfileError, match="reason"):
        profiles.link("un_sc:QDi.001", "uk_ofsi:2", who="ana", why=" ")


def test_merged_profile_id_redirects(store: Store) -> None:
    add(store, "us_ofac_sdn", [org("us_ofac_sdn", "1", "Zeta Alpha Holding")])
    add(store, "uk_ofsi", [org("uk_ofsi", "2", "Omega Trading Partners")])
    profiles = Profiles(store)
    old = profiles.profile_id_of("uk_ofsi", "2")
    assert old is not None and old != profiles.profile_id_of("us_ofac_sdn", "1")
    add(
        store,
        "uk_ofsi",
        [
            org(
                "uk_ofsi",
                "2",
                "Omega Trading Partners",
                ids=[Identifier("registration", "1027700000001")],
            )
        ],
        published="2024-02-02",
    )
    add(
        store,
        "us_ofac_sdn",
        [
            org(
                "us_ofac_sdn",
                "1",
                "Zeta Alpha Holding",
                ids=[Identifier("registration", "1027700000001")],
            )
        ],
        published="2024-02-02",
    )
    profiles.refresh()
    merged = profiles.get(old)
    assert merged is not None and len(merged.listings) == 2


def test_resolve(store: Store, tmp_path: Path) -> None:
    profiles = build(store)
    profile = profiles.resolve("un_sc:qdi.001")  # case-insensitive ids
    assert profile is not None and ("un_sc", "QDi.001") in profile.listings
    assert profiles.resolve(profile.id) is not None
    assert profiles.resolve("p-000000000000") is None
    with pytest.raises(ProfileError):
        profiles.resolve("nonsense:")


def test_one_process_builds_what_two_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``workers=1`` (the suite's real-data homes) and a pool of two forked workers
    (the default on two cores) store the same profiles and evidence."""
    from thaw.profiles import linker, service

    monkeypatch.setattr(service, "PARALLEL_MIN", 1)  # the pool even for these few
    monkeypatch.setattr(linker, "PARALLEL_PAIRS", 1)
    built = []
    for workers in (1, 2):
        with Store(tmp_path / str(workers)) as store:
            add(store, "un_sc", UN)
            add(store, "uk_ofsi", UK)
            add(store, "us_ofac_sdn", OFAC)
            profiles = Profiles(store, workers=workers)
            assert profiles.rebuild().mode == "full"
            built.append((profiles.memberships(), profiles.tables.edges(), profiles.features()))
    assert built[0] == built[1]
    assert len(set(built[0][0].values())) < len(built[0][0])  # some listings linked


def test_a_new_linking_algorithm_relinks_unchanged_lists(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Profiles built by an older thaw (another name analysis, matcher or linking
    rules: another fingerprint) are stale even though no list changed: an upgrade
    re-links them on the next read instead of serving the old links."""
    import thaw.profiles.service as service

    current = service.fingerprint()
    monkeypatch.setattr(service, "fingerprint", lambda: "built-by-an-older-thaw")
    profiles = build(store)
    assert not profiles.is_stale()
    monkeypatch.setattr(service, "fingerprint", lambda: current)
    assert profiles.is_stale()
    assert profiles.refresh().mode == "full"
    assert not profiles.is_stale()


def test_a_circa_birth_year_is_qualified_as_published() -> None:
    """A birth year the list publishes as an estimate is a ``birth_date`` detail
    qualified ``circa`` (the web page's comparison shows "circa 1965"); an exact
    date of the same listing is not qualified."""
    record = Record(
        "us_ofac_sdn",
        "1",
        "Person",
        names=[Name("Ivan PETROV")],
        birth_dates=["1965", "1966-03-01"],
        birth_estimates=["1965"],
    )
    born = [d.to_dict() for d in details_of(record) if d.field == "birth_date"]
    assert born == [
        {
            "field": "birth_date",
            "value": "1965",
            "source": "us_ofac_sdn",
            "source_id": "1",
            "qualifier": "circa",
        },
        {"field": "birth_date", "value": "1966-03-01", "source": "us_ofac_sdn", "source_id": "1"},
    ]
