"""Screening one name: the result contract, input checks, ``thaw screen``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import thaw
from tests.index.fixture_store import fixture_records
from thaw.cli import app
from thaw.screen import NoListsLoaded, Screener, ScreenInputError
from thaw.screen.inputs import clean_name

HIT_KEYS = ["score", "schema", "name", "matched_name", "listings", "explanation", "features"]
LISTING_KEYS = ["source", "source_id", "programs", "listed_on"]


def assert_contract(data: dict[str, object]) -> None:
    assert list(data) == ["row", "id", "name", "hits"]
    assert isinstance(data["row"], int) and data["row"] >= 1
    hits = data["hits"]
    assert isinstance(hits, list)
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)
    for hit in hits:
        # ``profile_id`` follows the contract's keys when the party's profile is known
        assert list(hit) in (HIT_KEYS, [*HIT_KEYS, "profile_id"])
        assert isinstance(hit["score"], float) and 0.0 <= hit["score"] <= 1.0
        assert isinstance(hit["explanation"], str)
        assert all(set(f) == {"feature", "contribution", "detail"} for f in hit["features"])
        assert hit["listings"]
        for listing in hit["listings"]:
            assert list(listing) == LISTING_KEYS
            assert isinstance(listing["programs"], list)


def test_top_level_export() -> None:
    from thaw.profiles.screening import PartyScreener

    assert thaw.Screener is PartyScreener and issubclass(PartyScreener, Screener)


def test_a_store_with_no_lists_is_refused(tmp_path: Path) -> None:
    """Issue 11: "no hits" against no lists is the most dangerous answer, from the
    Python API as from the commands; a service that loads later opts in."""
    empty = tmp_path / "empty-home"
    for make in (Screener, thaw.Screener):
        with pytest.raises(NoListsLoaded, match="no lists are loaded in .*empty-home") as err:
            make(empty)
        assert err.value.home == empty
    assert thaw.NoListsLoaded is NoListsLoaded and issubclass(NoListsLoaded, LookupError)
    waiting = thaw.Screener(empty, allow_empty=True)
    assert len(waiting) == 0 and not waiting.screen("Kirill Dmitriev").hits


def test_listed_person_is_a_hit(screener: Screener) -> None:
    result = screener.screen(
        "Kirill Dmitriev", schema="Person", birth_date="1975-04-12", country="ru"
    )
    data = result.to_dict()
    assert_contract(data)
    assert data["row"] == 1 and data["id"] is None and data["name"] == "Kirill Dmitriev"
    found = {(h["listings"][0]["source"], h["listings"][0]["source_id"]) for h in data["hits"]}
    assert ("us_ofac_sdn", "34336") in found
    hit = next(h for h in data["hits"] if h["listings"][0]["source_id"] == "34336")
    assert hit["name"] == "DMITRIEV, Kirill Aleksandrovich"  # the listing's caption
    assert hit["schema"] == "Person"
    assert hit["listings"][0]["programs"] == ["RUSSIA-EO14024"]
    assert hit["listings"][0]["listed_on"] == "2022-02-28"
    assert json.loads(result.to_json()) == data


def test_threshold_and_limit(screener: Screener) -> None:
    everything = screener.screen("Kirill Dmitriev", threshold=0.0, limit=100)
    assert len(everything.hits) >= 2
    assert len(screener.screen("Kirill Dmitriev", threshold=0.0, limit=1).hits) == 1
    assert screener.screen("Kirill Dmitriev", threshold=1.01).hits == ()
    assert all(h.score >= 0.5 for h in screener.screen("Kirill Dmitriev", threshold=0.5).hits)


def test_unlisted_name_has_no_hits(screener: Screener) -> None:
    assert screener.screen("Jane Unlisted Nobody", schema="Person").hits == ()


def test_schema_keeps_kinds_apart(screener: Screener) -> None:
    vessel = screener.screen("Ocean Princess", schema="Vessel", id_number="IMO 9123456")
    assert vessel.hits and vessel.hits[0].listings[0].source_id == "9001"
    assert all(h.schema == "Vessel" for h in vessel.hits)
    people = screener.screen("Ocean Princess", schema="Person", threshold=0.0)
    assert all(h.schema in ("Person", "LegalEntity") for h in people.hits)
    company = screener.screen("Banco Nacional de Cuba", schema="Company", country="Cuba")
    assert company.hits and company.hits[0].listings[0].source_id == "306"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "  "}, "no name"),
        ({"name": "Xavier", "schema": "Dog"}, "unknown schema"),
        ({"name": "Xavier", "birth_date": "1975-13-01"}, "invalid date"),
        ({"name": "Xavier", "birth_date": "12/04/1975"}, "invalid date"),
        ({"name": "Xavier", "birth_date": "1975-02-30"}, "invalid date"),
        ({"name": "Xavier", "country": "Narnia"}, "unknown country"),
    ],
)
def test_bad_input_is_refused(screener: Screener, kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(ScreenInputError, match=message):
        screener.screen(**kwargs)  # type: ignore[arg-type]


def test_accepted_inputs(screener: Screener) -> None:
    """Every accepted spelling of a schema, date and country is understood (not just
    not refused): the query carries the canonical value, and screening uses it."""
    from thaw.screen import make_query

    def dmitriev_found(**kw: str) -> bool:
        result = screener.screen("Kirill Dmitriev", **kw)  # type: ignore[arg-type]
        return "34336" in {x.source_id for h in result.hits for x in h.listings}

    schemata = {
        "Person": "Person",
        "person": "Person",
        "Organization": "Organization",
        "Company": "Organization",
        "LegalEntity": "LegalEntity",
        "Vessel": "Vessel",
        "Aircraft": "Aircraft",
        "any": None,
    }
    for given, schema in schemata.items():
        assert make_query("Kirill Dmitriev", schema=given).schema == schema
        # a person is found as a person (or with no schema), never as a vessel
        assert dmitriev_found(schema=given) == (schema in ("Person", "LegalEntity", None))
    for date in ("1975", "1975-04", "1975-04-12"):
        assert make_query("Kirill Dmitriev", birth_date=date).birth_date == date
        assert dmitriev_found(birth_date=date)
    for country in ("ru", "RU", "Russia", "Russian Federation"):
        assert make_query("Kirill Dmitriev", country=country).countries == ("ru",)
        assert dmitriev_found(country=country)
    assert make_query("Kirill Dmitriev", country="uk").countries == ("gb",)
    assert make_query("Kirill Dmitriev", country="de;Russia|fr").countries == ("de", "ru", "fr")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("\x00\x00\x00", "no name"),
        ({"name": "Kirill Dmitriev"}, "not a JSON object"),
        (["Kirill", "Dmitriev"], "not a list"),
        ("aa", "too little information"),
        ("aaaaaaaaaa", "too little information"),
        ("A. A.", "too little information"),
        ("x" * 1001, "longer than 1,000 characters"),
    ],
)
def test_odd_names_are_refused(screener: Screener, name: object, message: str) -> None:
    """Issue 17 #11: NUL bytes, a JSON object, a name with too little information
    to screen ("aa" matched two listings at 0.90) and a huge name are refused."""
    with pytest.raises(ScreenInputError, match=message):
        screener.screen(name)  # type: ignore[arg-type]


def test_ascii_names_need_two_letters_or_digits_as_any_name_does() -> None:
    """A name of fewer than two different letters or digits, case aside, is
    refused; an ASCII one (checked without a call per character) exactly as
    the rule for every script says, for every pair of printable characters."""
    printable = [chr(c) for c in range(32, 127)]
    for a in printable:
        for b in printable:
            text = " ".join(f"{a}{b}{a}".split())
            if not text:
                continue
            if len(set(filter(str.isalnum, text.casefold()))) < 2:
                with pytest.raises(ScreenInputError, match="too little information"):
                    clean_name(text)
            else:
                assert clean_name(text) == text


def test_odd_but_real_names_are_screened(screener: Screener) -> None:
    assert screener.screen("Kirill\x00 Dmitriev").name == "Kirill Dmitriev"
    assert screener.screen("王").name == "王"  # one ideograph is a whole name syllable
    assert screener.screen("Wu").name == "Wu"


def test_screener_over_a_store(home: Path) -> None:
    screener = Screener(home)
    assert len(screener) == len(fixture_records())
    assert (home / "index").is_dir()
    assert screener.screen("Abdul Rahman Yasin").hits[0].listings[0].source_id == "QDi.900"


def test_cli_screen_json_contract(home: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "screen",
            "Kirill Dmitriev",
            "--schema",
            "Person",
            "--dob",
            "1975-04-12",
            "--country",
            "Russia",
            "--json",
            "--home",
            str(home),
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert_contract(data)
    assert data["row"] == 1 and data["id"] is None and data["name"] == "Kirill Dmitriev"
    hit = next(h for h in data["hits"] if "34336" in {x["source_id"] for x in h["listings"]})
    assert hit["profile_id"]  # the CLI reports parties: the profile behind the hit


def test_cli_screen_table_and_errors(home: Path) -> None:
    runner = CliRunner()
    table = runner.invoke(app, ["screen", "Kirill Dmitriev", "--home", str(home)])
    assert table.exit_code == 0 and "hit(s) for Kirill Dmitriev" in table.stdout
    none = runner.invoke(app, ["screen", "Jane Unlisted Nobody", "--home", str(home)])
    assert none.exit_code == 0 and "No hits" in none.stdout
    bad = runner.invoke(app, ["screen", "Xavier", "--dob", "yesterday", "--home", str(home)])
    assert bad.exit_code == 1 and "invalid date" in bad.stderr
