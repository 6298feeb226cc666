"""The OFAC label vocabulary and the remarks parser."""

from __future__ import annotations

from thaw.model import Link, Name, Record
from thaw.sources.numbers import published_identifiers
from thaw.sources.ofac_remarks import (
    apply_document,
    apply_feature,
    extra_key,
    ofac_country,
    ofac_dates,
    parse_remarks,
    person_parts,
    resolve_links,
    split_programs,
    split_remarks,
)


def _person(remarks: str) -> Record:
    record = Record("us_ofac_sdn", "1", "Person", names=[Name("DOE, John")])
    parse_remarks(record, remarks)
    return record


def _org(remarks: str) -> Record:
    record = Record("us_ofac_sdn", "2", "Organization", names=[Name("ACME LLC")])
    parse_remarks(record, remarks)
    return record


def test_dmitriev_remarks() -> None:
    r = _person(
        "DOB 12 Apr 1975; POB Kyiv, Ukraine; nationality Russia; Gender Male; "
        "Tax ID No. 773013083324 (Russia)."
    )
    assert r.birth_dates == ["1975-04-12"]
    assert r.birth_places == ["Kyiv, Ukraine"]
    assert r.nationalities == ["ru"]
    assert r.gender == "male"
    [tax] = r.identifiers
    assert (tax.kind, tax.number, tax.country, tax.label) == (
        "tax_id",
        "773013083324",
        "ru",
        "Tax ID No.",
    )
    assert r.remarks == []


def test_dates_alt_circa_and_ranges() -> None:
    r = _person("DOB 28 Jul 1981; alt. DOB circa 1984; alt. DOB 1958 to 1960; alt. DOB Mar 1945.")
    assert r.birth_dates == ["1981-07-28", "1984", "1958", "1959", "1960", "1945-03"]
    assert r.birth_estimates == ["1984"]
    assert ofac_dates("01 Jan 1960 to 31 Dec 1962") == ["1960-01-01", "1962-12-31"]
    assert ofac_dates("circa 1979-1982") == ["1979", "1980", "1981", "1982"]
    assert ofac_dates("31 Dec 1962") == ["1962-12-31"]
    assert ofac_dates("sometime") == []


def test_passport_with_dates_and_citizenship() -> None:
    r = _person(
        "citizen Colombia; alt. nationality Korea, North; "
        "Passport 753835603 (Russia) issued 20 Oct 2016 expires 20 Oct 2026; "
        "National ID No. 4516843328 (Russia); Cedula No. 71613130 (Colombia)."
    )
    assert r.citizenships == ["co"]
    assert r.nationalities == ["kp"]
    passport, national, cedula = r.identifiers
    assert (passport.kind, passport.number, passport.country) == ("passport", "753835603", "ru")
    assert passport.note == "issued 2016-10-20; expires 2026-10-20"
    assert (national.kind, national.country) == ("national_id", "ru")
    assert (cedula.kind, cedula.number, cedula.label) == ("national_id", "71613130", "Cedula No.")


def test_parenthesis_that_is_not_a_country_is_a_remark_of_the_number() -> None:
    # the registry court or state is kept, as a note: an analyst types the number
    # alone (--id-number "HRB 14604"), and the matcher compares numbers whole
    # (the reader keeps it with the number; a publication opened reads it apart,
    # thaw.sources.numbers, as every reader's)
    r = _org("Registration Number HRB 14604 (Hamburg) (Germany); Registration ID 123 (Stuttgart).")
    first, second = r.identifiers
    assert (first.number, first.country) == ("HRB 14604 (Hamburg)", "de")
    assert (second.number, second.country) == ("123 (Stuttgart)", None)
    first, second = published_identifiers(r).identifiers
    assert (first.number, first.country, first.note) == ("HRB 14604", "de", "Hamburg")
    assert (second.number, second.country, second.note) == ("123", None, "Stuttgart")


def test_vessel_and_crypto_identifiers() -> None:
    r = _org(
        "Vessel Registration Identification IMO 9187667; MMSI 256843000; "
        "Identification Number IMO 5342883; "
        "Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h; "
        "alt. Digital Currency Address - ETH 0x8576acc5c05d6ce88f4e49bf65bdf0c62f91353c; "
        "SWIFT/BIC BKTRUS33; Legal Entity Number 253400V1H6ART1UQ0N98 (Russia)."
    )
    kinds = [(i.kind, i.number) for i in r.identifiers]
    assert kinds == [
        ("imo", "9187667"),
        ("mmsi", "256843000"),
        ("imo", "5342883"),
        ("crypto", "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h"),
        ("crypto", "0x8576acc5c05d6ce88f4e49bf65bdf0c62f91353c"),
        ("swift", "BKTRUS33"),
        ("lei", "253400V1H6ART1UQ0N98"),
    ]
    assert r.identifiers[3].label == "Digital Currency Address - XBT"


def test_remark_aliases_are_weak() -> None:
    r = _person(
        "a.k.a. 'DOE, Johnny'; f.k.a. 'SMITH, John'; n.k.a. 'DOE-SMITH, J.'; weak a.k.a. 'JD'."
    )
    assert [(n.value, n.kind) for n in r.names[1:]] == [
        ("DOE, Johnny", "weak"),
        ("SMITH, John", "weak"),
        ("DOE-SMITH, J.", "weak"),
        ("JD", "weak"),
    ]
    assert r.names[1].parts == {"last": "DOE", "first": "Johnny"}


def test_links_sanctions_information_and_unknown_segments() -> None:
    r = _org(
        "Website www.rdif.ru; alt. Website www.investinrussia.com; Email Address a@b.ru; "
        "Organization Established Date 01 Jun 2011; Target Type Government Entity; "
        "Additional Sanctions Information - Subject to Secondary Sanctions; "
        "Secondary sanctions risk: section 1(b) of Executive Order 13224; "
        "Executive Order 14024 information: BLOCKING PROPERTY; "
        "Listing Date (EO 14024 Directive 2): 24 Feb 2022; "
        "Member of the Board; all offices worldwide; (Linked To: HAMAS); Linked To: R D I S.A."
    )
    assert r.extra == {
        "website": "www.rdif.ru; www.investinrussia.com",
        "email_address": "a@b.ru",
        "organization_established_date": "2011-06-01",
        "target_type": "Government Entity",
        "additional_sanctions_information": "Subject to Secondary Sanctions",
        "secondary_sanctions_risk": "section 1(b) of Executive Order 13224",
        "executive_order_14024_information": "BLOCKING PROPERTY",
        "listing_date_eo_14024_directive_2": "24 Feb 2022",
    }
    assert r.remarks == ["Member of the Board", "all offices worldwide"]
    assert [(link.relation, link.name) for link in r.links] == [
        ("linked_to", "HAMAS"),
        ("linked_to", "R D I S.A"),
    ]


def test_additional_sanctions_information_with_a_semicolon() -> None:
    r = _org(
        "Additional Sanctions Information - Not on the SDN List and Not Subject to Secondary "
        "Sanctions; U.S. Persons Must Continue to Block the Property and Interests in Property "
        "of this Person Pursuant to Executive Order 13599; For more information, please see: "
        "https://www.treasury.gov/jcpoa_faqs.pdf."
    )
    assert r.extra["additional_sanctions_information"] == (
        "Not on the SDN List and Not Subject to Secondary Sanctions; U.S. Persons Must Continue "
        "to Block the Property and Interests in Property of this Person Pursuant to Executive "
        "Order 13599"
    )
    assert r.remarks == [
        "For more information, please see: https://www.treasury.gov/jcpoa_faqs.pdf"
    ]


def test_unparseable_values_stay_in_remarks() -> None:
    r = _person("DOB sometime in the sixties; nationality possibly Palestinian; Gender unknown.")
    assert r.birth_dates == [] and r.nationalities == [] and r.gender is None
    assert r.remarks == [
        "DOB sometime in the sixties",
        "nationality possibly Palestinian",
        "Gender unknown",
    ]


def test_apply_feature_and_documents_from_xml_labels() -> None:
    record = Record("us_ofac_sdn", "3", "Vessel", names=[Name("ARGO I")])
    assert apply_feature(record, "Vessel Flag", "Iran")
    assert apply_feature(record, "VESSEL TYPE", "Crude Oil Tanker")
    assert apply_feature(record, "Digital Currency Address - XBT", "1abc")
    assert not apply_feature(record, "Favourite Colour", "blue")
    apply_document(record, "Tax ID No.", "123 (Russia)")
    apply_document(record, "Passport", "X1", country="Russia", issued="20 Oct 2016")
    apply_document(record, "Seaman Book No.", "SB-1")
    apply_document(record, "For more information, please see:", "https://example.org")
    assert record.countries == ["ir"]
    assert record.extra == {"vessel_flag": "Iran", "vessel_type": "Crude Oil Tanker"}
    assert [(i.kind, i.number, i.country, i.note) for i in record.identifiers] == [
        ("crypto", "1abc", None, None),
        ("tax_id", "123", "ru", None),
        ("passport", "X1", "ru", "issued 2016-10-20"),
        ("other", "SB-1", None, None),
    ]
    assert record.remarks == ["For more information, please see: https://example.org"]


def test_helpers() -> None:
    assert split_programs("SDGT] [IFSR") == ["SDGT", "IFSR"]
    assert split_programs("[SDGT] [IFSR] [SDGT]") == ["SDGT", "IFSR"]
    assert split_programs("RUSSIA-EO14024") == ["RUSSIA-EO14024"]
    assert split_programs("-0- ") == []
    assert person_parts("DMITRIEV, Kirill Aleksandrovich") == {
        "last": "DMITRIEV",
        "first": "Kirill Aleksandrovich",
    }
    assert person_parts("ABU MUSAB") is None
    assert ofac_country("Bosnia-Herzegovina") == "ba"
    assert ofac_country("Region: Gaza") == "ps"
    assert ofac_country("Atlantis") is None
    assert extra_key("Secondary sanctions risk:") == "secondary_sanctions_risk"
    assert split_remarks("a; b;c.") == ["a", "b", "c"]


def test_resolve_links_unique_primary_names_only() -> None:
    a = Record("us_ofac_sdn", "1", names=[Name("ALPHA S.A.")])
    b1 = Record("us_ofac_sdn", "2", names=[Name("BETA")])
    b2 = Record("us_ofac_sdn", "3", names=[Name("BETA")])
    c = Record("us_ofac_sdn", "4", names=[Name("IRAN AIR")])
    src = Record(
        "us_ofac_sdn",
        "9",
        names=[Name("SOURCE")],
        links=[
            Link("linked_to", name="ALPHA S.A"),  # the remark's final period was dropped
            Link("linked_to", name="BETA"),  # two listings: ambiguous
            Link("aircraft_operator", name="Iran Air"),  # case differs
            Link("linked_to", name="GAMMA"),  # not listed
            Link("owned_by", name="ALPHA S.A."),  # not a name-only relation
        ],
    )
    assert resolve_links([a, b1, b2, c, src], "us_ofac_sdn") == (2, 2)
    assert [(link.source, link.source_id) for link in src.links] == [
        ("us_ofac_sdn", "1"),
        (None, None),
        ("us_ofac_sdn", "4"),
        (None, None),
        (None, None),
    ]
