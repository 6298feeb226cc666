"""Party-level screening: hits of one profile's listings merge into one hit."""

from __future__ import annotations

from pathlib import Path

from tests.index.fixture_store import fill, fixture_records
from thaw.profiles import Profiles
from thaw.profiles.screening import PartyScreener, group_hits
from thaw.screen import Hit, Listing
from thaw.store import Store


def _hit(score: float, source: str, sid: str) -> Hit:
    return Hit(score, "Person", "X", "X", (Listing(source, sid, ("P",), None),), "why")


def test_group_hits_merges_by_profile_and_keeps_order() -> None:
    hits = (_hit(0.99, "uk_ofsi", "1"), _hit(0.95, "us_ofac_sdn", "2"), _hit(0.9, "un_sc", "3"))
    grouped = group_hits(hits, {("uk_ofsi", "1"): "p-a", ("us_ofac_sdn", "2"): "p-a"}, limit=10)
    assert [h.profile_id for h in grouped] == ["p-a", None]
    assert [(x.source, x.source_id) for x in grouped[0].listings] == [
        ("uk_ofsi", "1"),
        ("us_ofac_sdn", "2"),
    ]
    assert grouped[0].score == 0.99
    assert len(group_hits(hits, {}, limit=2)) == 2


def test_party_screener_reports_profiles(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with Store(home) as store:
        fill(store, fixture_records())
        profile = Profiles(store).profile_of("us_ofac_sdn", "34336")
    assert profile is not None and len(profile.listings) > 1
    result = PartyScreener(home).screen("Kirill Dmitriev", birth_date="1975-04-12")
    (hit,) = [h for h in result.hits if h.profile_id == profile.id]
    keys = {(x.source, x.source_id) for x in hit.listings}
    assert ("us_ofac_sdn", "34336") in keys and len(keys) > 1
    assert keys <= set(profile.listings)
