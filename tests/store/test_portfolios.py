"""The monitoring store (:mod:`thaw.store.portfolios`), run against both backends.

``sqlite`` runs everywhere; ``postgresql`` runs against the server named by
``THAW_TEST_DATABASE_URL`` (started by ``.ci/setup.d/30-postgres.sh``), each test
in a schema of its own (the fixtures of the team-state tests). Outside CI without
that server the PostgreSQL cases skip; in CI they fail.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import publish
from tests.monitor.test_monitor import BASE, ROWS, person
from tests.store.test_state import pg_schema_url, postgres_url  # noqa: F401 (fixtures)

from thaw.index import ensure_index
from thaw.monitor import Monitor, service
from thaw.store import Store
from thaw.store.portfolios import (
    Changes,
    Delivery,
    PortfolioError,
    PortfolioStore,
    StoredAlert,
    now_iso,
)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'monitor.db'}"
    url: str = request.getfixturevalue("pg_schema_url")
    return url


@pytest.fixture
def portfolios(database_url: str, tmp_path: Path) -> Iterator[PortfolioStore]:
    with PortfolioStore(tmp_path / "home", database_url) as ps:
        yield ps


def _alert(pk: int, sid: str, score: float = 0.9) -> StoredAlert:
    return StoredAlert(pk, "us_ofac_sdn", sid, "h" + sid, score, "N", "why", None, False, now_iso())


def test_backend_is_the_one_asked_for(portfolios: PortfolioStore, database_url: str) -> None:
    assert portfolios.backend == ("sqlite" if database_url.startswith("sqlite") else "postgresql")


def test_portfolio_rows_alerts_and_calibration(portfolios: PortfolioStore) -> None:
    pid = portfolios.create_portfolio("p", 0.8, {"tokens": {"ivan": 3}})
    with pytest.raises(PortfolioError):
        portfolios.create_portfolio("p", 0.8, None)
    assert portfolios.stats(pid) == {"tokens": {"ivan": 3}}
    rows = [("a", "fa", {"name": "Ivan"}), ("b", "fb", {"name": "Олег"})]
    portfolios.apply(pid, "p", Changes(rows_upsert=rows, rarity={"ivan": 3.5}, bump_revision=True))
    pks = {rid: pk for rid, (pk, _fp) in portfolios.row_fingerprints(pid).items()}
    portfolios.apply(
        pid,
        "p",
        Changes(alerts_upsert=[("a", _alert(pks["a"], "1")), ("b", _alert(pks["b"], "2"))]),
    )
    # an alert stored again replaces the old one; a pinned weight stays
    portfolios.apply(
        pid,
        "p",
        Changes(alerts_upsert=[("a", _alert(pks["a"], "1", 0.95))], rarity={"ivan": 9.0}),
    )
    assert {(a.source_id, a.score) for a in portfolios.alerts(pid)} == {("1", 0.95), ("2", 0.9)}
    assert portfolios.rarity(pid) == {"ivan": 3.5}
    assert portfolios.rows_by_pk(pid, [pks["b"]])[pks["b"]].data == {"name": "Олег"}
    info = portfolios.portfolio("p")
    assert (info.rows, info.alerts, info.revision) == (2, 2, 1)
    assert [rid for _p, rid, _a in portfolios.current_alerts("p")] == ["a", "b"]
    portfolios.apply(pid, "p", Changes(rows_delete=["b"], watermarks={"us_ofac_sdn": 7}))
    assert portfolios.watermarks(pid) == {"us_ofac_sdn": 7}
    assert [a.source_id for a in portfolios.alerts(pid)] == ["1"]  # with its row
    portfolios.set_stats(pid, None)
    assert portfolios.stats(pid) is None and portfolios.rarity(pid) == {}
    portfolios.delete_portfolio("p")
    assert portfolios.portfolios() == []


def test_events_are_recorded_once_with_their_deliveries(portfolios: PortfolioStore) -> None:
    pid = portfolios.create_portfolio("p", 0.8, None)
    hook = portfolios.add_webhook("http://127.0.0.1:9/hook", "s3cret", "p")
    assert hook.secret_fingerprint and hook.active
    event = ("evt_1", "new_hit", "a", {"id": "evt_1", "type": "new_hit", "note": "100 %"})
    assert portfolios.apply(pid, "p", Changes(events=[event])) == ["evt_1"]
    assert portfolios.apply(pid, "p", Changes(events=[event])) == []  # the same id: once
    [stored] = portfolios.events("p", types=["new_hit"])
    assert stored.payload["note"] == "100 %"
    [due] = portfolios.due(now_iso())
    assert isinstance(due, Delivery) and due.secret == "s3cret" and due.event_id == "evt_1"
    assert portfolios.pending_count() == 1
    portfolios.record_attempt(
        due, outcome="retry", status_code=503, error="down", duration_ms=2.0, next_attempt_at="9"
    )
    assert portfolios.due(now_iso()) == [] and portfolios.next_due() == "9"
    [again] = portfolios.due("9")
    portfolios.record_attempt(
        again,
        outcome="delivered",
        status_code=200,
        error=None,
        duration_ms=1.0,
        next_attempt_at=None,
    )
    assert portfolios.outbox_status() == {"delivered": 1}
    assert [a.outcome for a in portfolios.attempts(hook.id)] == ["retry", "delivered"]
    portfolios.deactivate_webhook(hook.id)
    assert not portfolios.webhooks()[0].active
    with pytest.raises(PortfolioError):
        portfolios.deactivate_webhook(999)


def test_a_failed_step_writes_nothing(portfolios: PortfolioStore) -> None:
    pid = portfolios.create_portfolio("p", 0.8, None)
    bad = Changes(
        rows_upsert=[("a", "fa", {"name": "Ivan"})],
        alerts_upsert=[("missing", _alert(1, "1"))],  # no such row: the step fails
    )
    with pytest.raises(PortfolioError):
        portfolios.apply(pid, "p", bad)
    assert portfolios.row_fingerprints(pid) == {}
    portfolios.apply(pid, "p", Changes(rows_upsert=[("a", "fa", {"name": "Ivan"})]))
    assert list(portfolios.row_fingerprints(pid)) == ["a"]


def test_the_monitor_runs_on_either_backend(
    database_url: str, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("THAW_DATABASE_URL", database_url)
    monkeypatch.setattr(service, "STEP_CHUNK", 3)  # rows read page by page on both
    publish(store, "us_ofac_sdn", BASE, "2022-02-01")
    ensure_index(store)
    with Monitor(store, workers=1, decisions=False) as monitor:
        monitor.add("p", ROWS)
        publish(
            store,
            "us_ofac_sdn",
            [*BASE, person("us_ofac_sdn", "9", "Kirill Dmitriev")],
            "2022-02-28",
        )
        ensure_index(store)
        step = monitor.advance("p")
        assert [e.row_id for e in monitor.portfolios.events("p")] == ["c4"]
        assert len(step.events) == 1
        assert monitor.stored_alerts("p") == monitor.full_alerts("p")
        assert monitor.portfolios.backend == database_url.split(":")[0]


def test_the_delivery_lock_admits_one_holder(database_url: str, tmp_path: Path) -> None:
    """Two stores on one outbox (two processes' connections): the second holder
    waits until the first lets go."""
    import threading

    order: list[str] = []
    with PortfolioStore(tmp_path, database_url) as a, PortfolioStore(tmp_path, database_url) as b:
        held = threading.Event()

        def second() -> None:
            held.wait(10)
            with b.delivery_lock():
                order.append("b")

        thread = threading.Thread(target=second)
        thread.start()
        with a.delivery_lock():
            held.set()
            time.sleep(0.3)  # b is blocked meanwhile
            order.append("a")
        thread.join(10)
    assert order == ["a", "b"]
