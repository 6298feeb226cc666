"""Profiles of the real publications (the newest of every source in ../shared)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import copy_home
from thaw.cli import app
from thaw.profiles import Profiles, link
from thaw.profiles.evidence import compatible_schemata
from thaw.profiles.features import namespace, normalize_ref
from thaw.profiles.linker import TWICE_KINDS
from thaw.store import Store

pytestmark = pytest.mark.realdata


@pytest.fixture(scope="module")
def home(real_profiles_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A writable copy of the session's real store, with profiles built (once per
    session, shared with the what-if acceptance tests)."""
    return copy_home(real_profiles_home, tmp_path_factory.mktemp("profiles-real"))


@pytest.fixture
def profiles(home: Path) -> Iterator[Profiles]:
    with Store(home) as store:
        yield Profiles(store)


@pytest.mark.parametrize(
    ("key", "surname"), [("us_ofac_sdn:34336", "DMITRIEV"), ("us_ofac_sdn:35096", "PUTIN")]
)
def test_dmitriev_and_putin(profiles: Profiles, key: str, surname: str) -> None:
    profile = profiles.resolve(key)
    assert profile is not None
    assert {"us_ofac_sdn", "uk_ofsi", "ca_sema", "au_dfat"} <= set(profile.sources)
    assert all(surname in m.caption.upper() for m in profile.members)
    assert profile.schema == "Person"
    # one listing per list, each with its evidence
    assert len({namespace(s, i) for s, i in profile.listings}) == len(profile.listings)
    linked = {k for lk in profile.links if lk.status == "applied" for k in (lk.a, lk.b)}
    assert linked == set(profile.keys)


def test_ground_truth_from_un_references(profiles: Profiles) -> None:
    store = profiles.store
    listings = profiles.features()
    # the stored features are those of the active records (one listing each)
    active = {
        f"{p.source}:{i}" for p in store.active_publications().values() for i in store.ids_at(p)
    }
    assert sorted(f.key for f in listings) == sorted(active)
    un = {normalize_ref(f.source_id): f for f in listings if f.source == "un_sc"}
    pairs = [
        (f.key, un[ref].key)
        for f in listings
        if f.source != "un_sc"
        for src, ref in f.references
        if src == "un_sc"
        and ref in un
        and compatible_schemata(f, un[ref])
        and f.group == un[ref].group
    ]
    assert len(pairs) > 500
    memberships = {f"{s}:{i}": p for (s, i), p in profiles.memberships().items()}
    stored = sum(memberships[a] == memberships[b] for a, b in pairs) / len(pairs)
    assert stored >= 0.99
    # identity evidence alone (references switched off) finds nearly all of them
    off = link(listings, references=False)
    where = {k: n for n, members in enumerate(off.clusters) for k in members}
    assert sum(where[a] == where[b] for a, b in pairs) / len(pairs) >= 0.97
    for members in off.clusters:
        assert sum(k.startswith("un_sc:") for k in members) <= 1


def test_profile_invariants(profiles: Profiles) -> None:
    by_profile: dict[str, list[str]] = {}
    for (source, source_id), pid in profiles.memberships().items():
        by_profile.setdefault(pid, []).append(namespace(source, source_id))
    twice = 0
    for pid, lists in by_profile.items():
        assert lists.count("un_sc") <= 1
        if len(set(lists)) == len(lists):
            continue  # one listing per list
        # or one person that one authority lists twice (no analyst decisions here):
        # every other listing of the list is tied to the first by a duplicate
        # (or listed_twice) link
        profile = profiles.get(pid)
        assert profile is not None
        duplicates = {
            frozenset((x.a, x.b))
            for x in profile.links
            if x.kind in TWICE_KINDS and x.status == "applied"
        }
        # (the rows in which a list writes one party, one per address, count
        # as one listing: the first row stands for the others)
        rows = {
            x.b: x.a for x in profile.links if x.kind == "listed_rows" and x.status == "applied"
        }
        for ns in {x for x in lists if lists.count(x) > 1}:
            same = sorted(
                {
                    rows.get(f"{s}:{i}", f"{s}:{i}")
                    for s, i in profile.listings
                    if namespace(s, i) == ns
                }
            )
            if len(same) == 1:
                continue
            assert len(same) == 2 and frozenset(same) in duplicates, (pid, same)
            twice += 1
    assert 0 < twice < 50  # the authorities' duplicates are rare (10 in these lists)
    assert sum(len({x.split("/")[0] for x in lists}) > 1 for lists in by_profile.values()) > 1000


def test_profile_command_json(home: Path) -> None:
    result = CliRunner().invoke(
        app, ["profile", "us_ofac_sdn:34336", "--json", "--home", str(home)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["id"].startswith("p-")
    sources = {x["source"] for x in data["listings"]}
    assert {"us_ofac_sdn", "uk_ofsi", "ca_sema", "au_dfat"} <= sources
    assert all({"source", "source_id", "programs", "listed_on"} <= set(x) for x in data["listings"])
    assert any(d["field"] == "birth_date" and d["value"] == "1975-04-12" for d in data["details"])
    assert all(x["evidence"] for x in data["links"])


def test_party_hit_says_when_another_listing_conflicts(real_profiles_home: Path) -> None:
    from thaw.profiles.screening import PartyScreener

    # Australia's listing gives no gender and scores best; the UN's and the UK's
    # say male: a female query must be told (and the conflict, the party's, counts)
    screener = PartyScreener(real_profiles_home)
    hits = screener.screen("Callixte Mbarushimana", schema="Person", gender="F").hits
    assert hits and "CDi.010" in {x.source_id for x in hits[0].listings}
    assert "another listing of this party, un_sc:CDi.010: gender female conflicts with male" in (
        hits[0].explanation
    )
