"""Scoring first and explaining later gives what scoring with explanations gives.

:meth:`Matcher.pending_at_least` scores a listing without its explanation, and
:meth:`Matcher.explain` adds it; a screener explains only the hits it returns.
Checked here against :meth:`Matcher.score_at_least` on every candidate, the way
the screener worked before: the same listings, scores, order and explanations.
"""

from __future__ import annotations

import math

import pytest
from tests.index.fixture_store import fixture_records

from thaw.index import entry_from_record
from thaw.index.entry import listing_facts
from thaw.match import features
from thaw.match.features import Context, CountryFeature, Evidence, Values, listed_identifier
from thaw.match.score import Matcher, _reaches, _sigmoid
from thaw.match.types import Query
from thaw.screen import Screener, make_query
from thaw.text import analyze_name

QUERIES = [
    ("Kirill Dmitriev", None),
    ("Dmitriev", "Person"),
    ("Kirill Petrov", "Person"),
    ("Sergei Dmitriev", None),
    ("Princess", None),
    ("Ocean Princess", "Vessel"),
    ("Abdul Rahman Yasin", None),
    ("Mohammed Hassan", "Person"),
    ("Russian Investment Fund", None),
    ("Al Haramain", None),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.from_entries(entry_from_record(r) for r in fixture_records())


@pytest.mark.parametrize(("name", "schema"), QUERIES)
def test_explaining_only_the_hits_returned(
    screener: Screener, name: str, schema: str | None
) -> None:
    query = make_query(name, schema)
    matcher = screener.matcher()
    for threshold in (0.0, 0.3, 0.5, 0.7):
        # the reference: every candidate explained, then sorted and cut
        every = []
        for candidate in screener.candidates_of(query):
            entry = screener.index.entry(candidate.position)
            result = matcher.score_at_least(query, entry, threshold)
            pending = matcher.pending_at_least(query, entry, threshold)
            assert (result is None) == (pending is None)
            if result is not None and pending is not None:
                assert pending.score == result.score
                explained = matcher.explain(pending)
                assert explained.score == result.score
                assert explained.explanation == result.explanation
                assert explained.evidence == result.evidence
                every.append((result.score, result.features.get("name", 0.0), entry.key, result))
        # (equal scores ordered by the name's score before the cap, then by key)
        every.sort(key=lambda s: (-s[0], -s[1], s[2]))
        if threshold == 0.0:
            assert every, name  # (each query meets some listing of the fixture)
        for limit in (0, 1, 2, 10):
            found = screener.screen_query(query, threshold=threshold, limit=limit)
            assert [(h.score, h.explanation, h.features) for h in found.hits] == [
                (round(float(r.score), 4), r.explanation, r.evidence)
                for _, _, _, r in every[:limit]
            ], (name, threshold, limit)


#: Queries whose dates of birth, countries, gender, identifiers and kinds agree
#: or conflict with the fixture's listings in every way the features read:
#: many listings are then out of reach before their names are aligned.
_Facts = tuple[str, str | None, str | None, str | None, str | None, str | None]

#: (name, schema, date of birth, country, identifier number, gender)
FACT_QUERIES: list[_Facts] = [
    ("Kirill Dmitriev", "Person", "1975-04-12", "ru", None, "male"),
    ("Kirill Dmitriev", "Person", "1990-01-01", "us", None, "female"),
    ("Kirill Dmitriev", None, "1976", "ru", None, None),
    ("Dmitriev Kirill", "Person", "1978-04-12", None, None, None),
    ("Sergei Dmitriev", "Person", "1962", "de", None, None),
    ("Kirill Petrov", "Person", "1983-05-05", "ru", None, "f"),
    ("Ocean Princess", "Vessel", None, None, "IMO 9123456", None),
    ("Unknown Ship", "Vessel", None, None, "9876543", None),
    ("Princess of the Seas", "Vessel", None, None, "IMO 9000001", None),
    ("Russian Direct Investment Fund", "Organization", None, "ru", None, None),
    ("Russian Direct Investment Fund", "Person", "1970", "fr", None, None),
    ("Abdul Rahman Yasin", None, "1960", "iq", None, "male"),
    ("Mohammed Hassan", "Person", "1990-07-01", "eg", None, "male"),
    ("Jean Pierre Bemba", "Person", "1962-11-04", "be", None, None),
    ("Al Haramain Foundation", None, None, "sa", None, None),
]


@pytest.mark.parametrize("facts", FACT_QUERIES)
def test_bound_before_aligning_changes_no_answer(screener: Screener, facts: _Facts) -> None:
    """The bound that rejects a listing before its names are aligned (the
    features that read no name, exactly, and the name at its cap) lets through
    every listing that reaches the threshold, with the same score and
    explanation: the hits are those found without it."""
    query = make_query(*facts)
    matcher = screener.matcher()
    for threshold in (0.0, 0.3, 0.5, 0.7, 0.85, 0.95):
        for candidate in screener.candidates_of(query):
            entry = screener.index.entry(candidate.position)
            bounded = matcher.pending_at_least(query, entry, threshold)
            plain = matcher.pending_at_least(query, entry, threshold, bound=False)
            assert (bounded is None) == (plain is None), (facts, entry.key, threshold)
            scored = matcher.pending_at_least(query, entry, 0.0, bound=False)
            assert scored is not None and matcher.reach(query, entry) >= scored.score
            if bounded is not None and plain is not None:
                assert bounded.score == plain.score
                assert matcher.explain(bounded) == matcher.explain(plain)


def test_the_bound_rejects_listings_out_of_reach(screener: Screener) -> None:
    """The bound is no formality: a listing whose date of birth is decades
    from the query's is out of reach whatever its names
    (:meth:`~thaw.match.Matcher.reach`), though one of them aligns with the
    query's at the cap."""
    matcher = screener.matcher()
    near = make_query("Kirill Dmitriev", "Person", "1975-04-12")
    far = make_query("Kirill Dmitriev", "Person", "2010-01-01")
    entry = next(
        e
        for e in (screener.index.entry(c.position) for c in screener.candidates_of(near))
        if e.birth_dates == ("1975-04-12",)
    )
    assert matcher.pending_at_least(near, entry, 0.7) is not None
    assert matcher.reach(near, entry) >= 0.7
    assert matcher.reach(far, entry) < 0.7
    assert matcher.pending_at_least(far, entry, 0.7) is None
    reference = matcher.pending_at_least(far, entry, 0.0, bound=False)
    assert reference is not None and reference.context is not None
    assert reference.context.name_score >= 0.95


@pytest.mark.parametrize("facts", FACT_QUERIES)
def test_features_that_read_no_name_answer_alike_for_any_name(
    screener: Screener, facts: _Facts
) -> None:
    """A feature declared not to read the names (``reads_name`` false, which
    the bound relies on) answers the same for a listing whether the best name
    aligned, another one did or none did."""
    query = make_query(*facts)
    matcher = screener.matcher()
    quiet = [f for f in features() if not f.reads_name]
    assert {f.name for f in quiet} >= {"birth_date", "gender", "identifier"}
    nobody = analyze_name("")
    for candidate in screener.candidates_of(query):
        entry = screener.index.entry(candidate.position)
        analyzed, best = matcher.best_name(query, entry)
        other = analyze_name(entry.caption)
        identifier = listed_identifier(query, entry)
        contexts = [
            Context(query, entry, analyzed, best, explain, identifier) for explain in (True, False)
        ]
        contexts += [
            Context(query, entry, nobody, None, True, identifier),
            Context(query, entry, other, None, True, identifier),
        ]
        for feature in quiet:
            values = matcher.values[feature.name]
            answers = {feature.evaluate(ctx, values).value for ctx in contexts}
            assert len(answers) == 1, (feature.name, entry.key)


def test_reaching_the_threshold_is_decided_as_rounded_scores_are() -> None:
    """The bound rounds a score only near the threshold, and decides as the
    rounded score would, at every threshold and on both sides of it."""
    thresholds = [0.0, 0.3, 0.5, 0.69995, 0.7, 0.70004, 0.7001, 0.85, 0.95, 1.0]
    for threshold in thresholds:
        for step in range(-4000, 4001):
            total = step / 400 + 0.00007 * (step % 7)
            assert _reaches(total, threshold) == (round(_sigmoid(total), 4) >= threshold)
        near = math.log(threshold / (1 - threshold)) if 0 < threshold < 1 else 0.0
        for step in range(-200, 201):
            total = near + step * 1e-6
            assert _reaches(total, threshold) == (round(_sigmoid(total), 4) >= threshold)


@pytest.mark.parametrize("facts", FACT_QUERIES)
def test_the_bound_of_a_listings_facts_is_its_bound(screener: Screener, facts: _Facts) -> None:
    """:meth:`~thaw.match.Matcher.bound` answers from a listing's facts alone
    (:func:`~thaw.index.entry.listing_facts`, what the index keeps beside each
    entry) what it answers from the whole listing, and rejects exactly the
    listings out of reach (:meth:`~thaw.match.Matcher.reach`), though it
    stops at the first fact that puts a listing out of reach."""
    query = make_query(*facts)
    matcher = screener.matcher()
    for threshold in (0.0, 0.3, 0.5, 0.7, 0.85, 0.95):
        for candidate in screener.candidates_of(query):
            entry = screener.index.entry(candidate.position)
            rest = matcher.bound(query, entry, threshold)
            assert matcher.bound(query, listing_facts(entry), threshold) == rest
            assert (rest is None) == (matcher.reach(query, entry) < threshold), (facts, entry.key)
            if rest is not None:
                with_rest = matcher.pending_at_least(query, entry, threshold, rest=rest)
                plain = matcher.pending_at_least(query, entry, threshold)
                assert (with_rest is None) == (plain is None)
                if with_rest is not None and plain is not None:
                    assert with_rest.score == plain.score


class _CountedCountry(CountryFeature):
    """The country feature, counting its evaluations."""

    calls = 0

    def evaluate(self, ctx: Context, m: Values) -> Evidence:
        _CountedCountry.calls += 1
        return super().evaluate(ctx, m)


def test_a_date_decades_apart_spares_the_other_facts(screener: Screener) -> None:
    """The bound stops at the first fact that puts a listing out of reach,
    the facts after it at their ceilings: a date of birth decades apart (the
    first fact evaluated) spares evaluating the country, which could add too
    little to bring the listing back within reach."""
    matcher = screener.matcher()
    matcher._facts = [
        (_CountedCountry() if f.name == "country" else f, w, v) for f, w, v in matcher._facts
    ]
    near = make_query("Kirill Dmitriev", "Person", "1975-04-12", "ru")
    far = make_query("Kirill Dmitriev", "Person", "2010-01-01", "ru")
    entry = next(
        e
        for e in (screener.index.entry(c.position) for c in screener.candidates_of(near))
        if e.birth_dates == ("1975-04-12",) and e.countries
    )
    _CountedCountry.calls = 0
    assert matcher.bound(near, entry, 0.7) is not None
    assert _CountedCountry.calls == 1
    assert matcher.bound(far, entry, 0.7) is None
    assert _CountedCountry.calls == 1  # (not evaluated again)
    assert matcher.reach(far, entry) < 0.7  # (the full bound, every fact evaluated)
    assert _CountedCountry.calls == 2


class _CountedCeiling(CountryFeature):
    """The country feature, counting the ceilings asked of it."""

    calls = 0

    def ceiling(self, query: Query, m: Values) -> float:
        _CountedCeiling.calls += 1
        return super().ceiling(query, m)


def test_the_ceilings_are_asked_once_per_query(screener: Screener) -> None:
    """A query's ceilings are worked out once, each feature's asked once
    (a fact feature's serves both the sum of the ceilings and the bound's
    stops), whatever the listings bounded; a new query asks again, and the
    bound is the same as with the ceilings asked apart."""
    matcher = Matcher(screener.config, screener.index.token_stats)
    counted = _CountedCeiling()
    matcher._features = [
        (counted if f.name == "country" else f, w, v) for f, w, v in matcher._features
    ]
    matcher._facts = [(counted if f.name == "country" else f, w, v) for f, w, v in matcher._facts]
    query = make_query("Kirill Dmitriev", "Person", "1975-04-12", "ru")
    entries = [screener.index.entry(c.position) for c in screener.candidates_of(query)][:3]
    assert entries
    plain = Matcher(screener.config, screener.index.token_stats)
    _CountedCeiling.calls = 0
    for entry in entries:
        assert matcher.bound(query, entry, 0.5) == plain.bound(query, entry, 0.5)
    assert _CountedCeiling.calls == 1
    again = make_query("Kirill Dmitriev", "Person", "1975-04-12", "ru")
    matcher.bound(again, entries[0], 0.5)
    assert _CountedCeiling.calls == 2


def test_a_screener_decodes_no_names_of_listings_out_of_reach() -> None:
    """A screener asks the bound of each candidate from the listing's facts
    (:meth:`~thaw.index.CandidateIndex.facts`), and decodes the names only of
    the listings within reach."""
    fresh = Screener.from_entries(entry_from_record(r) for r in fixture_records())
    index = fresh.index
    far = make_query("Kirill Dmitriev", "Person", "2010-01-01")
    positions = [c.position for c in fresh.candidates_of(far)]
    assert positions
    assert not fresh.screen_query(far).hits
    assert all(index._entries[p] is None for p in positions)
    assert all(index.facts(p).names == () for p in positions)
    near = make_query("Kirill Dmitriev", "Person", "1975-04-12")
    assert fresh.screen_query(near).hits
    decoded = [p for p in positions if index._entries[p] is not None]
    assert decoded
    # (a decoded listing is its own facts)
    assert all(index.facts(p) is index.entry(p) for p in decoded)


def test_unexplained_evidence_of_a_magnitude_is_one_shared_object() -> None:
    """A feature's unexplained answer (what the bound asks of nearly every
    candidate) is one shared :class:`Evidence` per magnitude, equal to the one
    built, never :data:`~thaw.match.features.NO_EVIDENCE`, and zero is built
    each time (a dictionary would not keep -0.0 and 0.0 apart)."""
    from dataclasses import replace

    from thaw.match.features import NO_EVIDENCE, BirthDateFeature, _silent

    query = Query("Ivan Petrov", birth_date="1970-05-01")
    entry = replace(entry_from_record(fixture_records()[0]), birth_dates=("1990",))
    ctx = Context(query, entry, analyze_name("Ivan Petrov"), None, False, None)
    feature = BirthDateFeature()
    values: Values = {**BirthDateFeature.defaults(), "far": -3.0}
    first, again = feature.evaluate(ctx, values), feature.evaluate(ctx, values)
    assert first == Evidence(-3.0) and first is again
    assert first is not NO_EVIDENCE
    zero = _silent(0.0)
    assert zero == Evidence(0.0) and zero is not NO_EVIDENCE
    assert zero is not _silent(0.0)
