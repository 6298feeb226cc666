"""Change reports: added, removed, amended with field-level changes; date selection."""

from __future__ import annotations

import pytest

from tests.history.history_fixtures import add, rec
from thaw.history import changes, compare, in_force, record_changes
from thaw.history.diff import check_when
from thaw.model import Address, Identifier, Name, Record
from thaw.store import Store


def _three(store: Store) -> None:
    add(store, "src_a", "2024-01-01", [rec("src_a", "1", "ONE"), rec("src_a", "2", "TWO")])
    add(
        store,
        "src_a",
        "2024-02-01",
        [
            rec("src_a", "1", "ONE", ["PROG-A"], aliases=["UNO"]),
            rec("src_a", "3", "THREE", ["PROG-B"]),
        ],
    )
    add(
        store,
        "src_a",
        "2024-03-01",
        [rec("src_a", "1", "ONE", ["PROG-A"], aliases=["UNO"]), rec("src_a", "3", "THREE")],
    )


def test_compare_added_removed_amended(store: Store) -> None:
    _three(store)
    p1, p2, _ = store.publications("src_a")
    report = compare(store, p1, p2)
    assert [c.source_id for c in report.added] == ["3"]
    assert report.added[0].caption == "THREE" and report.added[0].programs == ["PROG-B"]
    assert [c.source_id for c in report.removed] == ["2"]
    assert [c.source_id for c in report.amended] == ["1"]
    described = {c.describe() for c in report.amended[0].changes}
    assert described == {"alias added: UNO", "programme added: PROG-A"}
    data = report.amended[0].to_dict()
    assert data["source"] == "src_a" and data["source_id"] == "1" and data["changes"]


def test_changes_default_is_two_newest(store: Store) -> None:
    _three(store)
    [report] = changes(store)
    assert report.old is not None and report.old.published == "2024-02-01"
    assert report.new.published == "2024-03-01"
    assert not report.added and not report.removed
    [amended] = report.amended
    assert [c.describe() for c in amended.changes] == ["programme removed: PROG-B"]


def test_changes_since_until(store: Store) -> None:
    _three(store)
    [report] = changes(store, since="2024-01-15", until="2024-03-31")
    assert report.old is not None and report.old.published == "2024-01-01"
    assert report.new.published == "2024-03-01"
    assert [c.source_id for c in report.added] == ["3"]
    # only --until: the publication in force then against the one before
    [report] = changes(store, until="2024-02-10")
    assert report.old is not None and report.old.published == "2024-01-01"
    assert report.new.published == "2024-02-01"
    # --since before anything held: from the earliest, with a note
    [report] = changes(store, since="2020-01-01")
    assert report.old is not None and report.old.published == "2024-01-01"
    assert report.notes and "earliest" in report.notes[0]
    # the same publication in force at both dates: an empty report with a note
    [report] = changes(store, since="2024-02-02", until="2024-02-20")
    assert report.unchanged and "same" in report.notes[0]


@pytest.mark.parametrize("when", ["yesterday", "2024-13-01", "01/02/2024", "2024-1-5", ""])
def test_changes_refuses_what_is_not_a_date(store: Store, when: str) -> None:
    _three(store)
    with pytest.raises(ValueError, match="invalid since date"):
        changes(store, since=when)
    with pytest.raises(ValueError, match="invalid until date"):
        changes(store, until=when)


@pytest.mark.parametrize("when", ["2024", "2024-02", "2024-02-10", "2024-02-10T12:00:00Z"])
def test_check_when_takes_dates_and_times(when: str) -> None:
    assert check_when(when) == when


def test_single_publication_is_skipped(store: Store) -> None:
    add(store, "src_b", "2024-01-01", [rec("src_b", "1", "X")])
    assert changes(store) == []
    assert changes(store, source="src_b") == []


def test_in_force_with_times(store: Store) -> None:
    add(store, "src_c", "2024-01-01T01:00:00Z", [rec("src_c", "1", "X")])
    add(store, "src_c", "2024-01-01T18:00:00Z", [rec("src_c", "1", "X"), rec("src_c", "2", "Y")])
    pubs = store.publications("src_c")
    assert in_force(pubs, "2024-01-01") == pubs[1]
    assert in_force(pubs, "2024-01-01T12:00:00Z") == pubs[0]
    assert in_force(pubs, "2023-12-31") is None


def test_record_changes_fields() -> None:
    old = Record(
        "s",
        "1",
        "Person",
        names=[Name("IVANOV, Ivan"), Name("IVANOV, I.", "weak")],
        addresses=[Address("Moscow, Russia", "ru")],
        identifiers=[Identifier("passport", "123", "ru")],
        birth_dates=["1970"],
        extra={"k": "v"},
    )
    new = Record(
        "s",
        "1",
        "Person",
        names=[Name("IVANOV, Ivan"), Name("IWANOW, Iwan", "alias")],
        addresses=[Address("St Petersburg, Russia", "ru")],
        identifiers=[Identifier("passport", "123", "ru"), Identifier("tax_id", "77", "ru")],
        birth_dates=["1970-05-01"],
        gender="male",
        extra={"k": "w", "n": "1"},
    )
    got = {(c.field, c.change, c.old, c.new) for c in record_changes(old, new)}
    assert ("alias", "added", None, "IWANOW, Iwan") in got
    assert ("weak_alias", "removed", "IVANOV, I.", None) in got
    assert ("address", "changed", "Moscow, Russia [ru]", "St Petersburg, Russia [ru]") in got
    assert ("identifier", "added", None, "tax_id: 77 (ru)") in got
    assert ("birth_date", "changed", "1970", "1970-05-01") in got
    assert ("gender", "added", None, "male") in got
    assert ("extra.k", "changed", "v", "w") in got and ("extra.n", "added", None, "1") in got
    assert record_changes(old, old) == []
    # a change no readable field shows is still reported
    parts = Record("s", "1", "Person", names=[Name("A B", parts={"first": "A"})])
    plain = Record("s", "1", "Person", names=[Name("A B")])
    assert [c.field for c in record_changes(plain, parts)] == ["details"]


def test_an_authority_that_makes_a_year_an_estimate_is_reported_so() -> None:
    exact = Record("s", "1", "Person", birth_dates=["1975"])
    circa = Record("s", "1", "Person", birth_dates=["1975"], birth_estimates=["1975"])
    got = [(c.field, c.change, c.new) for c in record_changes(exact, circa)]
    assert got == [("birth_estimate", "added", "1975")]
