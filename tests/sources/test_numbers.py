"""Identifier numbers as a listing publishes them (thaw.sources.numbers): the
number an analyst types, apart from the remark the authority wrote around it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from thaw.model import Identifier, Record
from thaw.sources import plan
from thaw.sources.numbers import Published, published_identifiers, read_numbers


@pytest.mark.parametrize(
    ("published", "number", "remark"),
    [
        # a remark of validity in brackets (UN), the registry's state or court (OFAC)
        ("381110042 (Expired 25 Jan. 2016)", "381110042", "Expired 25 Jan. 2016"),
        ("3811964 (Delaware)", "3811964", "Delaware"),
        ("HRA 734821 (Stuttgart)", "HRA 734821", "Stuttgart"),
        # what the document is, before its number (UN, OFSI, OFAC)
        ("CAR diplomatic passport no. D00000898", "D00000898", "CAR diplomatic passport no."),
        ("Russian foreign travel passport number 515458008", "515458008", None),
        ("TIN: 780245503097", "780245503097", "TIN"),
        ("Diplomatic Passport D009889", "D009889", "Diplomatic Passport"),
        ("German travel document (“Reiseausweis”) A 0139243", "A 0139243", None),
        ("Social Security Number 423-31-3021 (US)", "423-31-3021", None),
        # a country, a date, a kind after a comma (US trade list)
        ("E382464, TH, Jan 2007", "E382464", "TH, Jan 2007"),
        ("D000000483, Diplomatic", "D000000483", "Diplomatic"),
        ("Passport No. 12345 issued 2010", "12345", "Passport No.; issued 2010"),
        # a series and its number, a label between them
        ("Russian passport number 8208 No. 555627", "8208 555627", None),
        ("A7800002 Border Crossing", "A7800002", "Border Crossing"),
    ],
)
def test_a_number_apart_from_its_remark(published: str, number: str, remark: str | None) -> None:
    (read,) = read_numbers(published)
    assert read.number == number
    if remark is not None:
        assert read.remark == remark
    assert read.remark  # the remark is never lost


@pytest.mark.parametrize(
    "published",
    [
        "96 03 464086",  # a series and number, spaced
        "K357514(4)",  # a check digit in brackets (Hong Kong)
        "IT022428/2014(G)",
        "12/SAKHANA(N)020199",  # a Myanmar registration card and its township
        "5/KALATA (NAING) 127084",
        "13/Ta Ta Na (Naing)019077",
        "LBR HBB 61S17 Z352F",  # capitals are part of a number
        "BE 454,419,759",  # commas inside a number
        "14(RV. NO: 103100149)",
        "UHNY",  # a call sign: a number of letters only
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        "F.5 (29) AR-11/2002",
    ],
)
def test_a_number_that_holds_no_remark_is_unchanged(published: str) -> None:
    assert read_numbers(published) == [Published(published)]


def test_several_numbers_in_one_field() -> None:
    assert [r.number for r in read_numbers("712895726. 753173718. 737047558")] == [
        "712895726",
        "753173718",
        "737047558",
    ]
    first, second = read_numbers("OGRNIP: 321547600026521 TIN: 041104686952")
    assert (first.number, first.label, second.number, second.label) == (
        "321547600026521",
        "OGRNIP",
        "041104686952",
        "TIN",
    )


def test_words_that_hold_no_number_are_no_identifier() -> None:
    assert read_numbers("issued in Sarajevo, Bosnia-Herzegovina") == []
    assert read_numbers("  ") == []


@pytest.mark.parametrize(
    "published", ["Passport (Expired 2010)", "see (no. 1)", "Passport (issued 2001) (US)"]
)
def test_a_field_whose_only_digits_are_in_a_remark_is_kept_whole(published: str) -> None:
    """Its digits are the remark's, not a number's: the field is kept as
    published (it raised ValueError, which stopped the list's update)."""
    assert read_numbers(published) == [Published(published)]


def test_a_long_hostile_field_is_read_in_linear_time() -> None:
    """A list is read whatever its fields hold: a megabyte of letters after an
    opening bracket that never closes, of words before a number, or of remarks
    in brackets once took hours (a regular expression searched from every
    bracket, the prefix joined again for every word); now a fraction of a
    second each, with the same reading as a short field's."""
    began = time.process_time()
    (unclosed,) = read_numbers("1 (" + "ab" * 500_000)
    assert (unclosed.number, unclosed.remark) == ("1", "(" + "ab" * 500_000)
    assert read_numbers("x " * 500_000 + "1") == [Published("x " * 500_000 + "1")]
    (remarks,) = read_numbers("1" + " (US)" * 200_000)
    assert (remarks.number, remarks.remark) == ("1", "; ".join(["US"] * 200_000))
    cpu = time.process_time() - began
    assert cpu < 10, cpu


def test_a_record_keeps_each_number_and_its_remark() -> None:
    record = Record(source="x", source_id="1", schema="Person")
    record.identifiers = [
        Identifier("passport", "381110042 (Expired 25 Jan. 2016)", "kp", note="issued 2011"),
        Identifier(
            "passport",
            "OR801168 and Kuwaiti National ID No. 281020505755",
            note="issued under the name Said Jan",
        ),
        Identifier("passport", "issued in Sarajevo, Bosnia-Herzegovina", label="Passport"),
        Identifier("imo", "9167148"),
    ]
    published_identifiers(record)
    assert [(i.kind, i.number, i.country, i.note) for i in record.identifiers] == [
        ("passport", "381110042", "kp", "Expired 25 Jan. 2016; issued 2011"),
        ("passport", "OR801168", None, "issued under the name Said Jan"),
        # the second number's label names its kind
        (
            "national_id",
            "281020505755",
            None,
            "Kuwaiti National ID No.; issued under the name Said Jan",
        ),
        ("imo", "9167148", None, None),
    ]
    assert record.remarks == ["Passport: issued in Sarajevo, Bosnia-Herzegovina"]


def test_a_publication_opened_reads_numbers_as_published(tmp_path: Path) -> None:
    # every reader's identifiers pass through it: here the UN's XML
    xml = tmp_path / "consolidated.xml"
    xml.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<CONSOLIDATED_LIST dateGenerated="2025-01-01T00:00:00Z"><INDIVIDUALS><INDIVIDUAL>'
        "<DATAID>1</DATAID><FIRST_NAME>JONG</FIRST_NAME><SECOND_NAME>KIM</SECOND_NAME>"
        "<REFERENCE_NUMBER>KPi.001</REFERENCE_NUMBER><UN_LIST_TYPE>DPRK</UN_LIST_TYPE>"
        "<LISTED_ON>2016-03-02</LISTED_ON>"
        "<INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT>"
        "<NUMBER>381110042 (Expired 25 Jan. 2016)</NUMBER></INDIVIDUAL_DOCUMENT>"
        "</INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>\n",
        encoding="utf-8",
    )
    (job,) = plan([xml])
    (record,) = list(job.open().records)
    (passport,) = record.identifiers
    assert (passport.kind, passport.number, passport.note) == (
        "passport",
        "381110042",
        "Expired 25 Jan. 2016",
    )
