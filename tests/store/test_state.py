"""The team state (keys, decisions, audit chain), run against both backends.

``sqlite`` runs everywhere; ``postgresql`` runs against the server named by
``THAW_TEST_DATABASE_URL`` (started by ``.ci/setup.d/30-postgres.sh``), each test
in a schema of its own. Outside CI without that server the PostgreSQL cases skip;
in CI they fail.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thaw.store.state import AuditRecord, Busy, Decision, State, open_state, role_allows


def postgres_url() -> str:
    """The test server's URL; skip (or fail, in CI) without one."""
    url = os.environ.get("THAW_TEST_DATABASE_URL")
    if url:
        return url
    if os.environ.get("CI"):
        pytest.fail("CI must provide THAW_TEST_DATABASE_URL (.ci/setup.d/30-postgres.sh)")
    pytest.skip("no PostgreSQL test server (THAW_TEST_DATABASE_URL)")


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    """A URL whose connections work in a fresh schema (dropped afterwards)."""
    import psycopg

    url = postgres_url()
    schema = "t_" + secrets.token_hex(6)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in url else "?"
    yield f"{url}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def state_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'state.db'}"
    url: str = request.getfixturevalue("pg_schema_url")
    return url


@pytest.fixture
def state(state_url: str, tmp_path: Path) -> Iterator[State]:
    with open_state(tmp_path, state_url) as s:
        yield s


def raw(state: State, sql: str, params: tuple[Any, ...] = ()) -> None:
    """Tamper with the database behind the repository's back."""
    state.db.execute(sql, params)


def test_backend_is_the_one_asked_for(state: State, state_url: str) -> None:
    assert state.backend == ("sqlite" if state_url.startswith("sqlite") else "postgresql")


def test_default_is_sqlite_in_the_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("THAW_DATABASE_URL", raising=False)
    with open_state(tmp_path) as s:
        s.keys.create("x", "screen")
    assert (tmp_path / "state.db").exists()
    # the store's own database is untouched
    assert not (tmp_path / "thaw.db").exists()


def test_keys_store_only_a_hash(state: State, state_url: str) -> None:
    info, secret = state.keys.create("Jane (ops)", "analyst")
    assert secret.startswith("thaw_") and len(secret) > 40
    assert state.keys.verify(secret) == info
    assert state.keys.verify(secret + "x") is None
    assert state.keys.verify("") is None
    hashes = state.db.query("SELECT secret_hash FROM api_keys")
    assert hashes and all(secret not in str(h) for h in hashes)
    if state_url.startswith("sqlite"):
        blob = Path(state_url.removeprefix("sqlite:///")).read_bytes()
        assert secret.encode() not in blob


def test_keys_list_and_revoke(state: State) -> None:
    a, sa = state.keys.create("a", "screen")
    b, sb = state.keys.create("b", "admin", rate=5)
    assert [k.id for k in state.keys.list()] == [a.id, b.id]
    assert state.keys.get(b.id) is not None and state.keys.get(b.id).rate == 5  # type: ignore[union-attr]
    revoked = state.keys.revoke(a.id)
    assert revoked.revoked_at is not None and not revoked.active
    assert state.keys.verify(sa) is None
    assert state.keys.verify(sb) is not None
    assert [k.id for k in state.keys.list(include_revoked=False)] == [b.id]
    with pytest.raises(KeyError):
        state.keys.revoke("nope")
    assert state.keys.any_active()


def test_keys_refuse_bad_input(state: State) -> None:
    with pytest.raises(ValueError, match="role"):
        state.keys.create("x", "root")
    with pytest.raises(ValueError, match="name"):
        state.keys.create("   ", "screen")
    with pytest.raises(ValueError, match="negative"):
        state.keys.create("x", "screen", rate=-1)


def test_roles_are_ordered() -> None:
    assert role_allows("admin", "analyst") and role_allows("analyst", "screen")
    assert role_allows("screen", "screen")
    assert not role_allows("screen", "analyst") and not role_allows("analyst", "admin")
    assert not role_allows("root", "screen")


def test_decisions_latest_wins(state: State) -> None:
    first = state.decisions.record(
        Decision("cust-1", "us_ofac_sdn:1", "false_positive", "other DOB", "Jane", None, "L1", "C1")
    )
    assert first.id is not None and first.decided_at
    state.decisions.record(Decision("cust-1", "un_sc:QDi.1", "true_match", "same passport", "Jane"))
    later = state.decisions.record(
        Decision("cust-1", "us_ofac_sdn:1", "true_match", "new evidence", "Bob")
    )
    assert state.decisions.lookup("cust-1", "us_ofac_sdn:1") == later
    current = state.decisions.for_customer("cust-1")
    assert set(current) == {"us_ofac_sdn:1", "un_sc:QDi.1"}
    assert current["us_ofac_sdn:1"].verdict == "true_match"
    assert state.decisions.lookup("cust-2", "us_ofac_sdn:1") is None
    ids = [d.id or 0 for d in state.decisions.list()]
    assert 0 not in ids and ids == sorted(ids)
    assert len(state.decisions.list()) == 3
    assert state.decisions.list(since="2999-01-01") == []


def test_decisions_refuse_bad_input(state: State) -> None:
    with pytest.raises(ValueError, match="verdict"):
        state.decisions.record(Decision("c", "t", "maybe", "r", "x"))
    with pytest.raises(ValueError, match="reason"):
        state.decisions.record(Decision("c", "t", "true_match", " ", "x"))


def _records(n: int) -> list[AuditRecord]:
    return [
        AuditRecord(
            action="match",
            query={"name": f"Name {i}", "üñí": "ç"},
            key_id="k1",
            key_name="Jane",
            dataset="default",
            publications={"us_ofac_sdn": {"id": 3, "published": "2024-05-03"}},
            algorithm="thaw",
            threshold=0.7,
            results=[{"id": f"us_ofac_sdn:{i}", "score": 0.91}],
        )
        for i in range(n)
    ]


def test_audit_chain_verifies_and_exports(state: State) -> None:
    written = state.audit.append_many(_records(5))
    written.append(state.audit.append(_records(1)[0]))
    assert [r.seq for r in written] == [1, 2, 3, 4, 5, 6]
    assert written[0].prev_hash == "" and written[1].prev_hash == written[0].hash
    report = state.audit.verify()
    assert report.ok and report.records == 6, report.problems
    exported = list(state.audit.export())
    assert [r.hash for r in exported] == [r.hash for r in written]
    assert exported == written  # the appended records, every field as stored
    assert exported[0].query == {"name": "Name 0", "üñí": "ç"}
    assert exported[0].threshold == 0.7
    assert list(state.audit.export(since="2999-01-01")) == []
    assert len(list(state.audit.export(until="2999-01-01"))) == 6


def test_a_roll_up_without_segments_changes_nothing(state: State) -> None:
    """The main chain alone (PostgreSQL's one shared chain, or SQLite's without
    server segments): ``compact`` archives nothing and every answer stays."""
    state.audit.append_many(_records(3))
    before = (state.audit.verify(), list(state.audit.export()), state.audit.count())
    report = state.audit.compact()
    assert (report.segments, report.records, report.still_open, report.skipped) == (0, 0, 0, [])
    assert (state.audit.verify(), list(state.audit.export()), state.audit.count()) == before


def test_audit_detects_an_edited_record(state: State) -> None:
    state.audit.append_many(_records(4))
    raw(state, "UPDATE audit SET results = ? WHERE seq = 2", ('[{"id":"x","score":0.1}]',))
    report = state.audit.verify()
    assert not report.ok
    assert any("record 2" in p and "edited" in p for p in report.problems), report.problems


def test_audit_detects_a_rehashed_edit(state: State) -> None:
    """Recomputing the edited record's own hash breaks the link of the next one."""
    from thaw.store.state.audit import _row_hash

    state.audit.append_many(_records(3))
    row = state.db.query(
        "SELECT seq, at, key_id, key_name, action, dataset, query, publications, algorithm,"
        " threshold, results, prev_hash FROM audit WHERE seq = 2"
    )[0]
    forged = list(row)
    forged[10] = "[]"
    raw(state, "UPDATE audit SET results = ?, hash = ? WHERE seq = 2", ("[]", _row_hash(*forged)))
    problems = state.audit.verify().problems
    assert any("record 3" in p and "chain" in p for p in problems), problems


def test_audit_detects_deleted_records(state: State) -> None:
    state.audit.append_many(_records(5))
    raw(state, "DELETE FROM audit WHERE seq = 3")
    problems = state.audit.verify().problems
    assert any("record 3: missing" in p for p in problems), problems
    raw(state, "DELETE FROM audit WHERE seq = 5")
    assert any("ends at record" in p for p in state.audit.verify().problems)


def test_audit_detects_a_truncated_tail(state: State) -> None:
    state.audit.append_many(_records(3))
    raw(state, "DELETE FROM audit WHERE seq = 3")
    report = state.audit.verify()
    assert not report.ok and any("ends at record 2" in p for p in report.problems)


def test_concurrent_writers_keep_one_chain(state_url: str, tmp_path: Path) -> None:
    """Several connections (as several server processes would) append at once."""

    def writer() -> None:
        with open_state(tmp_path, state_url) as own:
            for _ in range(10):
                own.audit.append_many(_records(3))

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with open_state(tmp_path, state_url) as check:
        report = check.audit.verify()
        assert report.ok and report.records == 120, report.problems


def test_append_without_waiting_is_refused_while_another_writer_holds_the_lock(
    state_url: str, tmp_path: Path
) -> None:
    """``wait=False`` (the event loop's way, thaw.api.runtime.AuditWriter): the lock
    held by another connection gives Busy at once and writes nothing; once it is
    free the same call appends and the chain verifies."""
    with open_state(tmp_path, state_url) as holder, open_state(tmp_path, state_url) as other:
        other.audit.append_many(_records(2))
        began = time.monotonic()
        with holder.db.transaction():
            holder.db.query("SELECT seq FROM audit_head WHERE one = 1" + holder.db.for_update)
            with pytest.raises(Busy):
                other.audit.append_many(_records(3), wait=False)
        assert time.monotonic() - began < 5  # no busy wait (the blocking timeout is 30 s)
        assert other.audit.count() == 2
        # a plain statement after a refused transaction waits for locks again
        assert other.db.query("SELECT COUNT(*) FROM audit") == [(2,)]
        written = other.audit.append_many(_records(3), wait=False)
        assert [r.seq for r in written] == [3, 4, 5]
        report = holder.audit.verify()
        assert report.ok and report.records == 5, report.problems


@settings(max_examples=60, deadline=None)
@given(
    texts=st.lists(st.text(st.characters(exclude_categories=["Cs"])), min_size=3, max_size=3),
    threshold=st.one_of(st.none(), st.floats(0, 1)),
)
def test_records_hashed_before_the_lock_verify_as_the_canonical_form(
    tmp_path_factory: pytest.TempPathFactory, texts: list[str], threshold: float | None
) -> None:
    """Appends hash a record's fields from JSON prepared before the write lock is
    taken (orjson); verify recomputes the canonical form (json.dumps): control
    characters, non-BMP characters, U+2028 and odd floats hash alike."""
    from thaw.store.state.audit import _row_hash

    home = tmp_path_factory.mktemp("hash")
    record = AuditRecord(
        action="match",
        query={"q": texts[0], "n": [1, 2.5, None]},
        key_id=texts[1] or None,
        key_name=texts[2],
        dataset="default",
        algorithm="thaw",
        threshold=threshold,
        results=[{"id": texts[0], "score": 0.5}],
    )
    with open_state(home, None) as s:
        first, second = s.audit.append_many([record, record])
        assert s.audit.verify().ok
        row = s.db.query("SELECT * FROM audit WHERE seq = 2")[0]
        assert _row_hash(*row[:12]) == row[12] == second.hash
        assert second.prev_hash == first.hash


def test_sqlite_state_file_is_separate_from_the_store(tmp_path: Path) -> None:
    with open_state(tmp_path, None) as s:
        s.audit.append(_records(1)[0])
    with sqlite3.connect(tmp_path / "state.db") as db:
        assert db.execute("SELECT COUNT(*) FROM audit").fetchone() == (1,)


def test_unsupported_url_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="THAW_DATABASE_URL"):
        open_state(tmp_path, "mysql://x")
