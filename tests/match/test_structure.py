"""The matcher's structure: declared tables, an explicit configuration, no hidden
state, structured explanations."""

from __future__ import annotations

import math

import pytest
from pydantic import ValidationError

from thaw.index import CandidateIndex
from thaw.index.entry import Entry, entry_from_record
from thaw.match import (
    FeatureResult,
    MatchConfig,
    Matcher,
    Query,
    describe_algorithm,
    features,
    score,
)
from thaw.model import Identifier, Name, Record
from thaw.screen import Screener
from thaw.text import TokenStats


def _entry(source_id: str, *names: str, schema: str = "Person", **kw: object) -> Entry:
    return entry_from_record(
        Record("t", source_id, schema, names=[Name(n) for n in names], **kw)  # type: ignore[arg-type]
    )


def _crowd() -> list[Entry]:
    # "Mohammad" is in every name: the index's statistics make it a common word
    entries = [_entry(str(i), f"Mohammad Testname{i}") for i in range(1200)]
    entries.append(_entry("x", "Mohammad Rahimi"))
    return entries


def test_loading_an_index_does_not_change_score() -> None:
    entry = _entry("y", "Mohammad Rahimi Karimi")
    query = Query("Mohammad Karimi", "Person")
    before = score(query, entry)
    screener = Screener.from_entries(_crowd())
    screener.screen("Mohammad Rahimi", schema="Person")  # uses the index's statistics
    after = score(query, entry)
    assert after == before


def test_statistics_are_explicit() -> None:
    entry = _entry("y", "Mohammad Rahimi Karimi")
    query = Query("Mohammad Karimi", "Person")
    index = CandidateIndex.build(_crowd())
    stats = index.token_stats
    assert isinstance(stats, TokenStats)
    plain = Matcher().score(query, entry).score
    with_stats = Matcher(stats=stats).score(query, entry).score
    assert with_stats != plain  # the common word weighs less, the score changes
    assert score(query, entry, stats=stats).score == with_stats
    assert Matcher().score(query, entry).score == plain  # and nothing stayed behind


def test_every_feature_declares_its_table() -> None:
    doc = describe_algorithm()
    for f in features():
        assert f.table, f.name
        for key, magnitude in f.table.items():
            assert magnitude.doc
            assert f"`{f.name}.{key}`" in doc


def test_config_overrides_and_refuses_unknown_names() -> None:
    entry = _entry("d", "DMITRIEV, Kirill", birth_dates=["1975-04-12"])
    query = Query("Kirill Dmitriev", "Person", birth_date="1975-04-12")
    base = Matcher().score(query, entry)
    stronger = Matcher(MatchConfig(magnitudes={"birth_date.same_day": 3.0})).score(query, entry)
    off = Matcher(MatchConfig(weights={"birth_date": 0.0})).score(query, entry)
    assert stronger.score > base.score > off.score
    assert "birth_date" not in off.features
    with pytest.raises(ValidationError, match="unknown feature"):
        MatchConfig(weights={"birthdate": 1.0})
    with pytest.raises(ValidationError, match="unknown magnitude"):
        MatchConfig(magnitudes={"birth_date.same_week": 1.0})


def test_evidence_is_structured_and_sums_to_the_score() -> None:
    entry = _entry(
        "d",
        "DMITRIEV, Kirill Aleksandrovich",
        birth_dates=["1975-04-12"],
        nationalities=["ru"],
    )
    result = score(Query("Kirill Dmitriev", "Person", birth_date="1975", countries=("ru",)), entry)
    assert {e.feature for e in result.evidence} >= {"name", "birth_date", "country"}
    assert all(isinstance(e, FeatureResult) and e.detail for e in result.evidence)
    total = sum(e.contribution for e in result.evidence)
    assert result.score == pytest.approx(1 / (1 + math.exp(-total)), abs=1e-3)
    first = result.evidence[0].to_dict()
    assert set(first) == {"feature", "contribution", "detail"}


def test_cap_is_explained() -> None:
    entry = _entry("d", "Kirill Dmitriev")
    result = score(Query("Kirill Dmitriev", "Person"), entry)
    assert result.score == 0.95
    assert "= 1.00 (capped at 0.95 for a name-only match)" in result.explanation


def test_hit_json_carries_features() -> None:
    screener = Screener.from_entries(
        [_entry("1", "Kirill Dmitriev", identifiers=[Identifier("passport", "751234567")])]
    )
    hit = screener.screen("Kirill Dmitriev", schema="Person").hits[0].to_dict()
    assert hit["explanation"]
    assert hit["features"][0]["feature"] == "name"
    assert set(hit["features"][0]) == {"feature", "contribution", "detail"}


def test_matching_doc_is_current() -> None:
    from pathlib import Path

    doc = Path(__file__).resolve().parents[2] / "docs" / "MATCHING.md"
    assert doc.read_text(encoding="utf-8") == describe_algorithm().rstrip() + "\n", (
        "regenerate docs/MATCHING.md from thaw.match.describe_algorithm()"
    )
