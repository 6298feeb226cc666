"""Parties a list writes in several rows, parties listed as a network of
branches, and officials whose common names only a birth year sets apart."""

from __future__ import annotations

from pathlib import Path

from tests.profiles.profile_fixtures import listed
from thaw.model import Name, Record
from thaw.profiles import features_of, link
from thaw.profiles.evidence import branch_place, compare, corpus_stats
from thaw.profiles.features import Features, rows_key
from thaw.profiles.linker import row_edges
from thaw.sources.us_bis_dpl import BisDplReader

HEADER = (
    "Name\tStreet_Address\tCity\tState\tCountry\tPostal_Code\tEffective_Date\t"
    "Expiration_Date\tStandard_Order\tLast_Update\tAction\tFR_Citation"
)
FIRST = '"80 F.R. 30435 5/28/15, 80 F.R. 44930 7/28/15, 88 F.R. 30078 5/10/2023"'
LATER = '"82 F.R. 61745 12/29/2017, 88 F.R. 30078 5/10/2023"'


def dpl_row(name: str, street: str, city: str, country: str, citation: str) -> str:
    """One row of the Denied Persons List's ``dpl.txt``."""
    cells = [f'"{name}"', f'"{street}"', f'"{city}"', '""', f'"{country}"', '""']
    cells += ['"10/31/2023"', '"10/30/2024"', '"Y"', '"2023-11-01"', '"TDO RENEWAL"', citation]
    return "\t".join(cells)


def read_dpl(tmp_path: Path, rows: list[str]) -> list[Features]:
    """The listings of a small ``dpl.txt`` read by the list's own reader."""
    path = tmp_path / "dpl.txt"
    path.write_text("\n".join(['"' + HEADER.replace("\t", '"\t"') + '"', *rows]) + "\n")
    return [features_of(r) for r in BisDplReader().read(path, {}).records]


def test_the_rows_of_one_denied_party_are_one_profile(tmp_path: Path) -> None:
    """Issue 11 §5: the Denied Persons List denies AL NASER AIRLINES by one
    order (80 F.R. 30435) at addresses in Baghdad, Dubai and Amman and
    writes the name three ways, a row each: all are one party, whatever
    countries the rows place it in, and OFAC's designation of the airline
    joins them. AL NASER WINGS AIRLINES, added at the same addresses by a
    later order, stays apart."""
    rows = [
        dpl_row("AL NASER AIRLINES", "AL AMIRAT STREET, SECTION 309", "BAGHDAD", "IQ", FIRST),
        dpl_row("AL NASER AIRLINES", "P.O. BOX 28360", "DUBAI", "AE", FIRST),
        dpl_row("AL NASER AIRLINES", "P.O. BOX 911399", "AMMAN", "JO", FIRST),
        dpl_row("ALNASER AIRLINES", "P.O. BOX 28360", "DUBAI", "AE", FIRST),
        dpl_row("AL-NASER  AIRLINES", "P.O. BOX 911399", "AMMAN", "JO", FIRST),
        dpl_row("AL NASER WINGS AIRLINES", "P.O. BOX 28360", "DUBAI", "AE", LATER),
        dpl_row("AL NASER WINGS AIRLINES", "P.O. BOX 911399", "AMMAN", "JO", LATER),
    ]
    dpl = read_dpl(tmp_path, rows)
    assert {f.rows for f in dpl} == {
        "alnaserairlines 80 FR 30435",
        "alnaserwingsairlines 82 FR 61745",
    }
    ofac = features_of(
        Record(
            "us_ofac_sdn",
            "18133",
            "Organization",
            names=[Name("AL-NASER AIRLINES", "primary")],
            programs=["SDGT", "IFSR"],
        )
    )
    listings = [*dpl, ofac]
    clusters = link(listings, ctx=corpus_stats(listings).context()).clusters
    airline = next(c for c in clusters if ofac.key in c)
    wings = {f.key for f in dpl if "WINGS" in f.caption}
    assert len(airline) == 6 and not wings & set(airline)
    assert sorted(wings) in clusters
    assert {e.kind for e in row_edges(dpl)} == {"listed_rows"}


ORDER = '"67 F.R. 56530 9/4/02, 67 F.R. 10890 3/11/02, 71 F.R. 38843 7/10/06"'
LATER_ORDER = '"68 F.R. 38290 6/27/03, 71 F.R. 38843 7/10/06"'


def test_rows_of_one_order_that_write_one_name_several_ways(tmp_path: Path) -> None:
    """Issue 11 §5 (the Denied Persons List's 'IHSAN MEDHAT "SAMMY" ELASHI',
    "SAMMY (IHSAN MEDHAT) ELASHI" and "IHSAN MEDHAT ELASHI", rows of one
    order at two addresses in one town): the same words in another order,
    and the name without a middle word at an address the fuller name's rows
    give, are one party's rows; each had been a party of its own. A
    brother's name of the same order and address, the name without its
    first word (a father's), and the short name under another order stay
    apart. The names are invented."""
    lake, wood = "605 TRAIL LAKE DRIVE", "316 CANDLEWOOD PLACE"
    rows = [
        dpl_row('NABIL TAREQ ""TONY"" QASSAB', lake, "RICHARDSON", "US", ORDER),
        dpl_row('NABIL TAREQ ""TONY"" QASSAB', wood, "RICHARDSON", "US", ORDER),
        dpl_row("TONY (NABIL TAREQ) QASSAB", wood, "RICHARDSON", "US", ORDER),
        dpl_row("NABIL TAREQ QASSAB", wood, "RICHARDSON", "US", ORDER),
        dpl_row("TAREQ QASSAB", wood, "RICHARDSON", "US", ORDER),
        dpl_row("BASEL QASSAB", lake, "RICHARDSON", "US", ORDER),
        dpl_row("NABIL QASSAB", lake, "RICHARDSON", "US", LATER_ORDER),
    ]
    dpl = read_dpl(tmp_path, rows)
    clusters = link(dpl, ctx=corpus_stats(dpl).context()).clusters
    caption = {f.key: f.caption for f in dpl}
    assert sorted(sorted(caption[k] for k in c) for c in clusters) == [
        ["BASEL QASSAB"],
        ["NABIL QASSAB"],
        [
            'NABIL TAREQ "TONY" QASSAB',
            'NABIL TAREQ "TONY" QASSAB',
            "NABIL TAREQ QASSAB",
            "TONY (NABIL TAREQ) QASSAB",
        ],
        ["TAREQ QASSAB"],
    ]
    assert len(row_edges(dpl)) == 3


def test_rows_of_one_order_whose_names_differ_in_legal_form(tmp_path: Path) -> None:
    """Two companies one order lists, whose names differ only in what name
    analysis sets aside (legal forms), are two parties, as the Entity List's
    Aero Systems Pte. Ltd. and Aero Systems, Inc. are."""
    rows = [
        dpl_row("ZEPHYR SYSTEMS PTE. LTD.", "1 HARBOUR ROAD", "SINGAPORE", "SG", ORDER),
        dpl_row("ZEPHYR SYSTEMS, INC.", "1 HARBOUR ROAD", "SINGAPORE", "SG", ORDER),
    ]
    dpl = read_dpl(tmp_path, rows)
    assert row_edges(dpl) == []


def test_rows_without_an_order_are_no_listing_of_one_party() -> None:
    """A record that names no order (OFAC's, the UN's) has no rows key, and
    a name alone never makes two rows one listing."""
    record = Record("us_ofac_sdn", "1", "Organization", names=[Name("ACME", "primary")])
    assert rows_key(record) == ""
    record.extra["federal_register_notice"] = "85 FR 34,405 6/4/2020"
    assert rows_key(record) == "acme 85 FR 34405"


def org(source: str, source_id: str, *names: str, countries: tuple[str, ...] = ()) -> Features:
    """An organisation under ``names`` (the first its primary), terrorism-listed."""
    programs = ["SDGT"] if source.startswith("us_") else ["1373 (2001)"]
    return listed(source, source_id, "Organization", *names, countries=countries, programs=programs)


def test_a_listing_of_several_countries_joins_the_head_not_a_branch() -> None:
    """Issue 11 §5: Australia lists the Al-Aqsa Foundation once, in Jordan,
    Pakistan, Yemen and South Africa; OFAC lists the foundation (no country)
    and a branch in each country, all under the foundation's names. The
    country a branch shares confirms nothing more than none would: Australia's
    listing joins OFAC's foundation, not the branch whose key sorts first."""
    names = ("Al-Aqsa Foundation", "Charitable Society to Help the Noble al-Aqsa")
    au = org("au_dfat", "399", *names, countries=("jo", "pk", "ye", "za"))
    head = org("us_ofac_sdn", "7637", *names)
    yemen = org("us_ofac_sdn", "7642", "AQSSA SOCIETY YEMEN", *names, countries=("ye",))
    africa = org("us_ofac_sdn", "7644", *names, countries=("za",))
    listings = [au, head, yemen, africa]
    ctx = corpus_stats(listings).context()
    to_head, to_yemen = compare(au, head, ctx), compare(au, yemen, ctx)
    assert to_head is not None and to_yemen is not None
    assert to_head.strength >= to_yemen.strength
    clusters = link(listings, ctx=ctx).clusters
    assert ["au_dfat:399", "us_ofac_sdn:7637"] in clusters


def test_branch_place() -> None:
    """A country of one side's several is a branch's place; the same
    countries, or one country each, are not."""
    assert branch_place(frozenset({"ye"}), frozenset({"jo", "ye"}))
    assert not branch_place(frozenset({"ye"}), frozenset({"ye"}))
    assert not branch_place(frozenset(), frozenset({"jo", "ye"}))
    assert not branch_place(frozenset({"ye", "jo"}), frozenset({"jo", "ye"}))


def official(source: str, source_id: str, name: str, dob: str, nat: str = "") -> Features:
    """A person listed under a Syria programme."""
    programs = ["SYRIA"] if source.startswith("us_") else ["Syria"]
    nationality = [nat] if nat else []
    return listed(
        source, source_id, "Person", name, dob=[dob], nationality=nationality, programs=programs
    )


def test_a_common_name_of_three_words_and_a_birth_year_under_one_regime() -> None:
    """Issue 11 §5: the UK's Mahmoud Ibraheem SA'ID, born 1953, Syrian, and
    OFAC's IBRAHIM SAID, Mahmoud, born 1953, both under Syria: every word of
    the name is common, but the same three words, the same birth year and
    the same country regime, with a nationality of the regime's state, are
    one official. Two words of a common name are not enough, nor another
    birth year, nor the same year without the nationality (KONY's
    namesakes in ``test_linking``)."""
    uk = official("uk_ofsi", "12774", "Mahmoud Ibraheem SA'ID", "1953", "sy")
    us = official("us_ofac_sdn", "15199", "IBRAHIM SAID, Mahmoud", "1953")
    short_uk = official("uk_ofsi", "1", "Mahmoud SA'ID", "1953", "sy")
    short_us = official("us_ofac_sdn", "2", "SAID, Mahmoud", "1953")
    other = official("us_ofac_sdn", "3", "IBRAHIM SAID, Mahmoud", "1961")
    filler = [official("eu_fsf", str(n), f"Mahmoud Ibrahim Said Ali {n}", "1950") for n in range(3)]
    listings = [uk, us, short_uk, short_us, other, *filler]
    ctx = corpus_stats(listings).context()
    edge = compare(uk, us, ctx)
    assert edge is not None and edge.kind == "name_regime"
    assert compare(short_uk, short_us, ctx) is None
    assert compare(uk, other, ctx) is None
    stateless = official("uk_ofsi", "4", "Mahmoud Ibraheem SA'ID", "1953")
    assert compare(stateless, us, corpus_stats([*listings, stateless]).context()) is None


def canadian(source_id: str, name: str, program: str, dob: list[str]) -> Features:
    """A person on one of Canada's schedules."""
    return listed("ca_sema", source_id, "Person", name, dob=dob, programs=[program])


def test_one_authority_lists_one_official_twice_with_the_same_birth_year() -> None:
    """Issue 11 §5: Canada lists Saeed MORTAZAVI, born 1967, under its Iran
    regulations and again under JVCFOR; his name is short of rare (Saeed is
    common), but the same name, the same birth year and programmes the two
    do not share are one person listed twice. Without a date, the same
    name alone is not enough."""
    iran = canadian("iran/11", "Saeed Mortazavi", "Iran", ["1967"])
    jvcfor = canadian("jvcfor/74", "Saeed MORTAZAVI", "JVCFOR", ["1967"])
    others = [canadian(f"x/{n}", f"{g} MORTAZAVI", "Iran", []) for n, g in enumerate("ABCDE")]
    ctx = corpus_stats([iran, jvcfor, *others]).context()
    assert 11.0 <= ctx.rarity(("said", "mortazavi")) < 14.0
    edge = compare(iran, jvcfor, ctx)
    assert edge is not None and edge.kind == "duplicate"
    iran_undated = canadian("iran/11", "Saeed Mortazavi", "Iran", [])
    jvcfor_undated = canadian("jvcfor/74", "Saeed MORTAZAVI", "JVCFOR", [])
    assert compare(iran_undated, jvcfor_undated, ctx) is None
