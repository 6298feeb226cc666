"""Issue 11, 3: a name pasted as a listing publishes it (case, spacing,
punctuation and diacritics aside) finds that listing among the hits, however
many other parties share its words or score higher on another spelling."""

from __future__ import annotations

import thaw
from thaw.index import CandidateIndex, entry_from_record
from thaw.index.entry import written_key
from thaw.model import Name, Record
from thaw.screen import Screener
from thaw.screen.screener import keep_written

_GIVEN = "Ali Omar Said Khalid Yusuf Hamza Bilal Tariq Zaid Anas Salim Faris"


def _people() -> list[Record]:
    """Twelve parties listed as *Abd al-Rahman* (more than a screen's ten hits
    and, with their other names, than retrieval proposes for the one word), and
    one that publishes *ABDELRAHMAN* as a weak alias only."""
    records = [
        Record(
            "t",
            f"p{i}",
            "Person",
            names=[Name(f"Abd al-Rahman {given}"), Name("Abd al-Rahman", "alias")],
        )
        for i, given in enumerate(_GIVEN.split())
    ]
    records.append(
        Record(
            "t",
            "weak",
            "Person",
            names=[Name("Moussa Ben Omar"), Name("ABDELRAHMAN", "weak")],
        )
    )
    return records


def test_written_key() -> None:
    assert written_key("'ABD AL-RAHMAN") == written_key("Abd al Rahman") == "abd al rahman"
    assert written_key("  Ōno,  Tarō ") == "ono taro"
    # (diacritics aside in every script: й is и with a breve)
    assert written_key("ОБЩЕСТВО  с ограниченной") == written_key("общество с ограниченнои")


def test_the_index_proposes_a_name_written_as_listed() -> None:
    index = CandidateIndex.build(entry_from_record(r) for r in _people())
    weak = index.position("t:weak")
    assert index.written_positions("abdelrahman") == [weak]
    assert index.written_positions("Abdelrahman", "Person") == [weak]
    assert index.written_positions("Abdelrahman", "Vessel") == []
    assert len(index.written_positions("ABD AL RAHMAN")) == 12
    assert index.written_positions("Abdel Rahman") == []


def test_an_exact_weak_alias_is_among_the_hits() -> None:
    """The weak alias scores below the twelve parties' *Abd al-Rahman*; written
    as the query writes it, it keeps a place among the ten hits (the last)."""
    for make in (Screener.from_entries, thaw.Screener.from_entries):
        screener = make(entry_from_record(r) for r in _people())
        hits = screener.screen("Abdelrahman").hits
        assert len(hits) == 10
        assert hits[-1].listings[0].source_id == "weak"
        assert hits[-1].score < hits[0].score
        assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
        # not written so: the weak alias is no hit among the others
        other = screener.screen("Abd Rahman").hits
        assert all(h.listings[0].source_id != "weak" for h in other)


def test_keep_written() -> None:
    ranked = list(range(10))
    assert keep_written(ranked, 4, lambda r: r == 8) == [0, 1, 2, 8]
    assert keep_written(ranked, 4, lambda r: r in (1, 8, 9)) == [0, 1, 8, 9]
    assert keep_written(ranked, 4, lambda r: r in (0, 1, 2, 3, 9)) == [0, 1, 2, 3]
    assert keep_written(ranked, 4, lambda r: False) == [0, 1, 2, 3]
    assert keep_written(ranked, 0, lambda r: True) == []


def test_a_country_the_listed_name_names_is_no_conflict_written_so() -> None:
    """A firm listed in Crimea whose name names the Russian Federation, pasted as
    listed: the country its name names is the listing's own word, not another
    firm's country (read with no schema, *President* is a title, and the query
    did not count as the listed name written whole)."""
    name = (
        "FEDERAL STATE BUDGETARY ENTERPRISE 'PRODUCTION-AGRARIAN UNION 'MASSANDRA' OF"
        " THE ADMINISTRATION OF THE PRESIDENT OF THE RUSSIAN FEDERATION"
    )
    listed = Record("t", "m", "Organization", names=[Name(name)], countries=["ua"])
    screener = Screener.from_entries([entry_from_record(listed)])
    hits = screener.screen(name.lower()).hits
    assert [h.listings[0].source_id for h in hits] == ["m"]
    assert hits[0].score >= 0.9
