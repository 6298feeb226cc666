"""Issue 11, 3: an identifier alone finds its listing from every way of screening
(``screen --id-number``, the ``id_number`` column of ``screen-file``, the Python
API), whatever the name; and typed where the name goes, as analysts paste it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.index.fixture_store import fill, fixture_records
from thaw.cli import app
from thaw.index import entry_from_record
from thaw.match import Query
from thaw.model import Identifier, Name, Record
from thaw.screen import Screener
from thaw.screen.batch import screen_file
from thaw.screen.inputs import (
    _CAPITALS_CODE,
    id_forms,
    identifier_forms,
    make_query,
    name_as_identifier,
    strip_id_label,
)
from thaw.store import Store

IMO = "IMO 9123456"
"""The IMO number the fixture lists publish for the vessel OCEAN PRINCESS."""


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("ids") / "home"
    with Store(home) as store:
        fill(store, fixture_records())
    return home


def test_python_api() -> None:
    screener = Screener.from_entries(entry_from_record(r) for r in fixture_records())
    hits = screener.screen("Unknown Ship", schema="Vessel", id_number=IMO).hits
    assert hits and hits[0].name == "OCEAN PRINCESS" and hits[0].score >= 0.95
    assert screener.screen("Unknown Ship", schema="Vessel").hits == ()


def test_screen_command(home: Path) -> None:
    args = ["screen", "Unknown Ship", "--schema", "Vessel", "--id-number", IMO, "--json"]
    result = CliRunner().invoke(app, [*args, "--home", str(home)])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)["hits"]
    assert hits[0]["name"] == "OCEAN PRINCESS" and hits[0]["score"] >= 0.95


def test_screen_file_id_number_column(tmp_path: Path) -> None:
    path = tmp_path / "ships.csv"
    path.write_text(
        f"id,name,schema,id_number\n1,Unknown Ship,Vessel,{IMO}\n2,Unknown Ship,Vessel,\n",
        encoding="utf-8",
    )
    screener = Screener.from_entries(entry_from_record(r) for r in fixture_records())
    out = io.StringIO()
    screen_file(path, out, screener, workers=1)
    rows = {r["id"]: r for r in map(json.loads, out.getvalue().splitlines())}
    assert [h["name"] for h in rows["1"]["hits"]] == ["OCEAN PRINCESS"]
    assert rows["2"]["hits"] == []


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("IMO 9218492", "IMO 9218492"),
        ("IMO: 9116412", "IMO: 9116412"),
        ("9218492", "9218492"),
        ("Passport No. 006327129", "006327129"),
        ("OGRN 1027700428480", "1027700428480"),
        ("Tax ID: 7735096460", "7735096460"),
        ("VTBRRUMM", "VTBRRUMM"),
        ("SABR RU MM", "SABR RU MM"),
        ("DEUTDEFF500", "DEUTDEFF500"),
        ("12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h", "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h"),
    ],
)
def test_a_name_typed_as_an_identifier_is_one(name: str, number: str) -> None:
    assert name_as_identifier(name) == number


@pytest.mark.parametrize(
    "name",
    ["Sberbank", "Alfa Bank", "Adrian Darya 1", "EP-MNA", "No. 5 Trading", "Ivan 12345 Petrov"],
)
def test_a_name_is_no_identifier(name: str) -> None:
    assert name_as_identifier(name) is None


def test_an_id_number_is_looked_up_without_its_labels_and_as_given() -> None:
    """What reads as a label may be the number's own letters: OFAC publishes
    a driving licence *NO4435810*, the UN a passport *N°235/MISPAT/…*; the
    query carries both forms, so the number given as published finds it."""
    assert id_forms("Passport No. 006327129") == ("006327129", "Passport No. 006327129")
    assert id_forms("NO4435810") == ("4435810", "NO4435810")
    assert id_forms("9167148") == ("9167148",)
    assert make_query("Unknown", id_number="NO4435810").id_numbers == ("4435810", "NO4435810")
    assert make_query("NO34409/129").id_numbers == ("34409/129", "NO34409/129")
    listing = Record(
        "t",
        "1",
        "Person",
        names=[Name("Ali Hassan")],
        identifiers=[Identifier("driving_license", "NO4435810")],
    )
    screener = Screener.from_entries([entry_from_record(listing)])
    (hit,) = screener.screen("Unknown", id_number="NO4435810").hits
    assert [x.source_id for x in hit.listings] == ["1"]
    (hit,) = screener.screen("NO4435810").hits  # pasted where the name goes
    assert [x.source_id for x in hit.listings] == ["1"]


def test_labels_are_dropped_from_an_id_number() -> None:
    assert strip_id_label("Passport No. 006327129") == "006327129"
    assert strip_id_label("INN 7735096460") == "7735096460"
    assert strip_id_label("IMO 9123456") == "IMO 9123456"  # the matcher reads it
    assert strip_id_label("No.") == "No."  # nothing would remain


def _listing(schema: str, name: str, *ids: Identifier) -> Record:
    return Record("t", name[:3], schema, names=[Name(name)], identifiers=list(ids))


def test_an_identifier_typed_as_the_name_finds_its_listing() -> None:
    screener = Screener.from_entries(
        entry_from_record(r)
        for r in [
            _listing("Vessel", "DEEP SEA", Identifier("imo", "9218492")),
            _listing("Person", "SHAMMOUT, Issam", Identifier("passport", "006327129")),
            _listing("Organization", "VTB BANK PJSC", Identifier("swift", "VTBRRUMM")),
        ]
    )
    for name, listed in [
        ("IMO 9218492", "DEEP SEA"),
        ("Passport No. 006327129", "SHAMMOUT, Issam"),
        ("VTBRRUMM", "VTB BANK PJSC"),
        ("Passport 006327129", "SHAMMOUT, Issam"),
    ]:
        hits = screener.screen(name).hits
        assert [h.name for h in hits] == [listed], name
    assert screener.screen("IMO 9999999").hits == ()
    # a label given with --id-number is dropped too
    hits = screener.screen("Unknown", id_number="Passport No. 006327129").hits
    assert [h.name for h in hits] == ["SHAMMOUT, Issam"]


def test_a_number_pasted_as_a_listing_publishes_it_finds_the_listing() -> None:
    """Issue 11, 3: a number published on a listing, pasted where the name goes
    as the authority wrote it, finds the listing, though its form alone would not
    say it is a number: a call sign of capitals, a serial of three digits, a
    passport number with its final dot, a tax number with a word of four letters,
    a number written with commas."""
    published = [
        ("Vessel", "SEA BREEZE", Identifier("call_sign", "UHNY")),
        ("Aircraft", "ILYUSHIN IL-76", Identifier("aircraft_serial", "129")),
        ("Person", "KARIMOV, Rustam", Identifier("passport", "481034886.")),
        ("Person", "FORTUNATO, Carlos", Identifier("tax_id", "FOCJ-690830")),
        ("Organization", "BELGA TRADING NV", Identifier("tax_id", "BE 454,419,759")),
    ]
    screener = Screener.from_entries(
        entry_from_record(_listing(schema, name, ident)) for schema, name, ident in published
    )
    for _schema, name, ident in published:
        hits = screener.screen(ident.number).hits
        assert [h.name for h in hits] == [name], ident.number
        assert hits[0].score >= 0.95 and "matches" in hits[0].explanation
    # the number as an analyst retypes it: spaced, dashed, without the dot
    assert [h.name for h in screener.screen("481034886").hits] == ["KARIMOV, Rustam"]
    assert [h.name for h in screener.screen("BE454419759").hits] == ["BELGA TRADING NV"]


@pytest.mark.parametrize("name", ["UHNX", "130", "Uhny", "SEA BREEZE UHNY"])
def test_a_name_written_as_an_unpublished_number_is_screened_as_a_name(name: str) -> None:
    """A name the listings do not publish as a number, or one written as a name
    is (not one code of capitals), stays a name: it finds nothing by number."""
    screener = Screener.from_entries(
        [entry_from_record(_listing("Vessel", "SEA BREEZE", Identifier("call_sign", "UHNY")))]
    )
    assert screener.published_identifier(name) is None
    assert all("matches" not in h.explanation for h in screener.screen(name).hits)


def test_identifier_forms() -> None:
    assert identifier_forms("Passport No. 481034886.") == (
        "Passport No. 481034886.",
        "481034886.",
    )
    assert identifier_forms("UHNY") == ("UHNY",)
    assert identifier_forms("EP-MMH") == ("EP-MMH",)
    assert identifier_forms("Sea Breeze") == ()
    assert identifier_forms("TIN") == ()  # a word, too short for a code


def _forms_by_definition(name: str) -> tuple[str, ...]:
    """:func:`identifier_forms` as its docs define it, without its shortcut."""
    text = name.strip()
    return tuple(
        form
        for form in dict.fromkeys((text, strip_id_label(text)))
        if any(c.isdigit() for c in form)
        or (len(form) >= 4 and _CAPITALS_CODE.fullmatch(form) is not None)
    )


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from("aZnoOIMm ID#.:-/ 09²٣ÉéAB ") | st.characters(),
        max_size=14,
    )
)
def test_identifier_forms_shortcut_is_the_definition(name: str) -> None:
    """The shortcut for names that cannot be a number (ASCII, no digit, not
    ending in a capital) gives what the definition gives, for any text."""
    assert identifier_forms(name) == _forms_by_definition(name)


@pytest.mark.parametrize(
    "name",
    ["Kathryn Barr", "Passport No. 12", "No. UHNY", "ID EP-MMH", "Maria Alice Leão", "Abc²", ""],
)
def test_identifier_forms_shortcut_cases(name: str) -> None:
    assert identifier_forms(name) == _forms_by_definition(name)


def test_a_phrase_of_free_text_is_no_published_number() -> None:
    """Free text's phrases (``as_named`` false) are not taken for a published
    number: a year or a count in a sentence is no aircraft's serial."""
    screener = Screener.from_entries(
        [entry_from_record(_listing("Aircraft", "ILYUSHIN IL-76", Identifier("other", "1973")))]
    )
    assert [h.name for h in screener.screen("1973").hits] == ["ILYUSHIN IL-76"]
    assert screener.screen_query(Query("1973", as_named=False)).hits == ()
