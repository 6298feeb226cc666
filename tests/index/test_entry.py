"""``index.entry.entry_from_record``: the names of a listing the matcher holds."""

from __future__ import annotations

from thaw.index import entry_from_record
from thaw.model import Name, Record
from thaw.screen import Screener


def _bank() -> Record:
    return Record(
        "t",
        "1",
        "Organization",
        names=[
            Name("BANK TORGOVOY KAPITAL ZAO"),
            Name("TC BANK", "weak"),
            Name("TK BANK", "weak"),
            Name("Tk Bank", "weak"),  # TK BANK again, case aside
        ],
    )


def test_names_that_analyse_alike_but_are_written_apart_are_both_kept() -> None:
    """*TC BANK* and *TK BANK* analyse to the same tokens; the index kept the
    first alone, so a query pasting *TK BANK*, as OFAC publishes it, was not
    found as written. Each writing is kept; one writing twice is kept once."""
    entry = entry_from_record(_bank())
    assert [(name.original, kind) for name, kind in entry.names] == [
        ("BANK TORGOVOY KAPITAL ZAO", "primary"),
        ("TC BANK", "weak"),
        ("TK BANK", "weak"),
    ]
    person = Record(
        "t", "2", "Person", names=[Name("EL SIXTY THREE", "weak"), Name("EL 63", "weak")]
    )
    assert [name.original for name, _ in entry_from_record(person).names] == [
        "EL SIXTY THREE",
        "EL 63",
    ]


def test_a_weak_alias_is_found_by_either_writing() -> None:
    screener = Screener.from_entries([entry_from_record(_bank())])
    for written in ("TK BANK", "TC BANK"):
        (hit,) = screener.screen(written).hits
        assert [listing.source_id for listing in hit.listings] == ["1"]
        assert hit.matched_name == written


def test_another_writing_of_a_name_of_another_kind_is_left_out() -> None:
    """Only a weak alias needs its writing: another writing of an alias adds
    readings of its own (*Ch'oe Ch'un Sik*, a Korean romanisation, aligns
    *sok* with *sik*), which made the namesake *Choe Chun Sok* alert."""
    record = Record(
        "t",
        "1",
        "Person",
        names=[
            Name("CHOE CHUN-SIK"),
            Name("Choe Chun Sik", "alias"),
            Name("Ch\u2019oe Ch\u2019un Sik", "alias"),
        ],
    )
    entry = entry_from_record(record)
    assert [name.original for name, _ in entry.names] == ["CHOE CHUN-SIK", "Choe Chun Sik"]
    screener = Screener.from_entries([entry])
    assert not screener.screen("Choe Chun Sok").hits
    (hit,) = screener.screen("Ch\u2019oe Ch\u2019un Sik").hits  # found all the same
    assert hit.score >= 0.9
