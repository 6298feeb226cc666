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
        # each remark in brackets after one of issue or validity
        ("381110042 (Expired 25 Jan. 2016) (US)", "381110042", "Expired 25 Jan. 2016; US"),
        ("150161100206 issued on 8.1.2015 (valid until 7.1.2030)", "150161100206", None),
        # a remark in brackets whose comma is the remark's
        (
            "973406 (Yemeni national identification card, issued on 03/07/1996)",
            "973406",
            "Yemeni national identification card, issued on 03/07/1996",
        ),
        # sentences (OFSI): the number's, then remarks of issue and validity
        ("00085243. Issued 17 Nov 1997 in Sanaa, Yemen", "00085243", None),
        (
            "D 000763 (Afghan). Issued on 9 Jan 1997",
            "D 000763",
            "Afghan; Issued on 9 Jan 1997",
        ),
        ("Passport No: 592667 (Qatari passport issued on 3 May 2007).", "592667", None),
        # remarks of issue before the number, between commas
        ("issued 21/04/2009, expires 2019, no. 103-00653129-22", "103-00653129-22", None),
        # a label before a dash, in capitals, or written onto the number
        ("TIN - 1841015504", "1841015504", "TIN"),
        ("Russia INN – 7706196340", "7706196340", "Russia INN"),
        ("OGRN 1027700000151", "1027700000151", "OGRN"),
        ("Saudi Arabian passport no.C389664", "C389664", "Saudi Arabian passport no."),
        ("Passport number:F50859", "F50859", None),
        ("9709056472 - Russia INN", "9709056472", "Russia INN"),
        ("Trade Register Number: District Court of Würzburg HRB 13359", "HRB 13359", None),
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


def test_a_full_stop_ending_a_field_is_no_part_of_its_number() -> None:
    assert read_numbers("563120356.") == [Published("563120356")]
    assert read_numbers("B/011641.") == [Published("B/011641")]


def test_several_numbers_by_their_labels() -> None:
    """Numbers listed with a semicolon, a second kind named in capitals, a
    second sentence that is a number's rather than a remark of issue."""
    assert [(r.number, r.label) for r in read_numbers("INN - 1831117433 OGRN - 1061831040688")] == [
        ("1831117433", "INN"),
        ("1061831040688", "OGRN"),
    ]
    assert [
        (r.number, r.remark)
        for r in read_numbers(
            "Tax ID No. 7718989383 (Russia); Registration Number 1147746803049 (Russia)"
        )
    ] == [("7718989383", "Tax ID No.; Russia"), ("1147746803049", "Registration Number; Russia")]
    assert [
        r.number
        for r in read_numbers(
            "Certificate of Nationality No. 302581. National ID No. 192-3238459-9"
        )
    ] == ["302581", "192-3238459-9"]
    assert [
        (r.number, r.label)
        for r in read_numbers("RU07586894 Tax Identification Number: 1657032272")
    ] == [("RU07586894", None), ("1657032272", "Tax Identification Number")]
    assert [
        r.number
        for r in read_numbers(
            "044525600 Tax ID No. 7725039953 (Russia) Government Gazette Number 09317135 (Russia)"
        )
    ] == ["044525600", "7725039953", "09317135"]
    assert [
        r.number
        for r in read_numbers(
            "TIN (Taxpayer Identification Number) 9718168599 / SRN (State registration number) 1217700038710"
        )
    ] == ["9718168599", "1217700038710"]
    # a sentence of issue holds dates, not numbers
    (read,) = read_numbers(
        "1417576 (ID card). Issued in Al-Amana, Yemen on 7 Jan 1996. Expired on 8 Nov 2008"
    )
    assert (read.number, read.remark) == (
        "1417576",
        "ID card; Issued in Al-Amana, Yemen on 7 Jan 1996; Expired on 8 Nov 2008",
    )
    (british,) = read_numbers(
        "British Passport number 516384722, issued on 6 May 2013 and expires on 6 June 2023"
    )
    assert british.number == "516384722"


def test_words_that_hold_no_number_are_no_identifier() -> None:
    assert read_numbers("issued in Sarajevo, Bosnia-Herzegovina") == []
    assert read_numbers("  ") == []
    assert read_numbers("Iranian") == []  # a word of prose, not a call sign
    assert read_numbers("Passport No:") == []


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
    (issued,) = read_numbers("1 issued" + " (US)" * 200_000)
    assert issued.remark == "; ".join(["issued", *["US"] * 200_000])
    # sentences, commas, a run of letters (once quadratic in OFSI's reader)
    assert read_numbers("1. Issued" * 100_000)[0].number == "1"
    assert read_numbers("1, a" * 200_000)[0].number == "1"
    (long,) = read_numbers("CAR " + "A" * 1_000_000 + " Diplomatic Passport No D00000897")
    assert long.number == "D00000897"
    assert read_numbers("A" * 1_000_000) == [Published("A" * 1_000_000)]
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
