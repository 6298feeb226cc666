"""Scoring-level false alerts and missed exact names (issue 11, 2 and 3)."""

from __future__ import annotations

import pytest

from thaw.index.entry import Entry, entry_from_record
from thaw.match import DEFAULT_THRESHOLD, Query, score
from thaw.model import Identifier, Name, Record
from thaw.screen import Screener


def _entry(schema: str, *names: str, weak: tuple[str, ...] = (), **kw: object) -> Entry:
    all_names = [Name(n) for n in names] + [Name(n, kind="weak") for n in weak]
    return entry_from_record(Record("t", names[0], schema, names=all_names, **kw))  # type: ignore[arg-type]


SANABEL = _entry("Organization", "SANABEL RELIEF AGENCY LIMITED", weak=("SARA",))
SCOT = _entry("Organization", "SCOTTISH OIL HOLDINGS PLC", weak=("SCOT",))
ACRONYM = _entry("Organization", "JEMAAH ISLAMIYAH", weak=("JI",))
LINDA = _entry("Vessel", "LINDA")
GREEN = _entry("Organization", "GREEN SHIPPING LTD.")
BEIJING = _entry("Organization", "BEIJING CHENGXING TRADING CO. LTD.")


@pytest.mark.parametrize(
    ("name", "entry"),
    [
        ("Sarah Schmidt", SANABEL),
        ("Thomas Scott", SCOT),
        ("Park Ji Hoon", ACRONYM),
        ("Linda Martinez", LINDA),
        ("Donna Green", GREEN),
    ],
)
@pytest.mark.parametrize("schema", [None, "Person"])
def test_one_word_does_not_carry_a_persons_name(
    name: str, entry: Entry, schema: str | None
) -> None:
    result = score(Query(name, schema), entry)
    assert result.score < DEFAULT_THRESHOLD, result.explanation


def test_the_one_word_name_itself_still_matches() -> None:
    assert score(Query("Sara"), SANABEL).score >= DEFAULT_THRESHOLD
    assert score(Query("Linda"), LINDA).score >= DEFAULT_THRESHOLD
    assert score(Query("Green Shipping"), GREEN).score >= DEFAULT_THRESHOLD


def test_generic_words_alone_do_not_match() -> None:
    result = score(Query("The Boeing Company"), BEIJING)
    assert result.score < DEFAULT_THRESHOLD
    assert "only generic words align" in result.explanation
    # a branch name that adds a word is still the company
    deutsche = _entry("Organization", "Deutsche Bank AG")
    assert score(Query("Deutsche Bank (Schweiz) AG"), deutsche).score >= DEFAULT_THRESHOLD


def test_person_query_does_not_alert_on_other_kinds() -> None:
    screener = Screener.from_entries([LINDA, GREEN, _entry("Person", "Linda Green")])
    hits = screener.screen("Linda Green", schema="Person").hits
    assert [h.schema for h in hits] == ["Person"]
    vessel = score(Query("Linda", "Person"), LINDA)
    assert vessel.score < DEFAULT_THRESHOLD
    assert any(e.feature == "schema" for e in vessel.evidence)


@pytest.mark.parametrize(
    ("query", "listed", "schema"),
    [
        ("ELEVEN EIGHTY EIGHT LIMITED", "ELEVEN EIGHTY EIGHT LIMITED", "Organization"),
        ("SARA II", "SARA II", "Vessel"),
    ],
)
def test_exact_names_without_a_schema(query: str, listed: str, schema: str) -> None:
    entry = _entry(schema, listed)
    assert score(Query(query), entry).score >= 0.95
    hits = Screener.from_entries([entry]).screen(query).hits
    assert hits and hits[0].score >= 0.95


def test_roman_numeral_is_no_compound_part() -> None:
    # "SARA II" read as a name would join into "saraii" ~ "Saraj"
    haqqani = _entry("Person", "HAQQANI, Saraj")
    assert score(Query("SARA II"), haqqani).score < DEFAULT_THRESHOLD


def test_identifier_alone_finds_the_listing() -> None:
    ship = _entry("Vessel", "TRIPLE SUCCESS", identifiers=[Identifier("imo", "IMO 9167148")])
    other = _entry("Vessel", "UNKNOWN STAR")
    screener = Screener.from_entries([other, ship])
    hits = screener.screen("Unknown Ship", schema="Vessel", id_number="IMO 9167148").hits
    assert hits[0].name == "TRIPLE SUCCESS"
    assert hits[0].score >= 0.95
    assert "the identifier decides" in hits[0].explanation
    # a different number of the same kind still counts against
    result = score(Query("Triple Success", "Vessel", id_numbers=("IMO 9074729",)), ship)
    assert result.score < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("kind", "number"),
    [
        ("passport", "AB1234567"),
        ("tax_id", "7707083893"),
        ("swift", "SABRRUMM"),
        ("crypto", "0x098B716B8Aaf21512996dC57EB0615e2383E2f96"),
    ],
)
def test_published_identifiers_are_strong_evidence(kind: str, number: str) -> None:
    entry = _entry("Organization", "SOME LISTED PARTY", identifiers=[Identifier(kind, number)])
    screener = Screener.from_entries([entry])
    hits = screener.screen("Customer Name", id_number=number).hits
    assert hits and hits[0].score >= 0.95, kind


def test_full_birth_dates_a_year_apart_differ() -> None:
    entry = _entry("Person", "KIM, Sang-ho", birth_dates=["1957-05-16"])
    # a customer whose name only partly agrees (given names Ji Yong, Sang Ho)
    name = "Ji Yong Sang Ho Kim"
    near = score(Query(name, "Person", birth_date="1958-02-13"), entry)
    approximate = score(Query(name, "Person", birth_date="1958"), entry)
    assert near.score < approximate.score
    assert near.score < DEFAULT_THRESHOLD
